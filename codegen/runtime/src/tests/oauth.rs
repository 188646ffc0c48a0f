//! OAuth2 client credentials: the token fetched from the API's own origin, sent as
//! `Bearer`, cached and shared by clones, fetched once at a time, refreshed before it
//! expires and once after a 401; its endpoint's failures, which never show a secret.
//! Which credentials an API takes, and from the environment: `oauth_credentials`.

use super::server::{self, ms, Invite};
use crate::__private::{ApiClient, Request, Transport};
use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::{Auth, ClientBuilder};
use base64::Engine as _;
use reqwest::Method;
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

pub(super) const CLIENT_ID: &str = "OQ0123456789abcdef0123456789abcdef";
pub(super) const CLIENT_SECRET: &str = "cl1ent-s3cret-never-shown";
pub(super) const TOKEN_PATH: &str = "/v1/token";

/// An API that takes OAuth2 client credentials only, like Twilio's Organizations API.
#[derive(Debug, Clone)]
pub(super) struct OAuthOnly(pub(super) Transport);

impl ApiClient for OAuthOnly {
    const DEFAULT_BASE_URL: &'static str = "https://preview-iam.twilio.com";
    const USER_AGENT: &'static str = "twilio-test-orgs/0.1.0";
    const TAKES_BASIC: bool = false;
    const OAUTH2_TOKEN_PATH: Option<&'static str> = Some(TOKEN_PATH);

    fn from_transport(transport: Transport) -> Self {
        OAuthOnly(transport)
    }
}

/// An API that takes either kind.
#[derive(Debug)]
pub(super) struct Either(pub(super) Transport);

impl ApiClient for Either {
    const DEFAULT_BASE_URL: &'static str = "https://oauth.twilio.com";
    const USER_AGENT: &'static str = "twilio-test-oauth/0.1.0";
    const OAUTH2_TOKEN_PATH: Option<&'static str> = Some("/v2/token");

    fn from_transport(transport: Transport) -> Self {
        Either(transport)
    }
}

pub(super) fn creds() -> Auth {
    Auth::client_credentials(CLIENT_ID, CLIENT_SECRET)
}

pub(super) fn client(server: &MockServer) -> Transport {
    ClientBuilder::<OAuthOnly>::new(creds())
        .base_url(server.uri())
        .retry_policy(RetryPolicy::default().base_delay(ms(1)).max_delay(ms(5)))
        .build()
        .expect("client builds")
        .0
}

pub(super) fn fetch() -> Request {
    Request::new(
        "Organization.fetch",
        Method::GET,
        "/v1/Organizations/x".into(),
    )
}

/// Hands out `tok-1`, `tok-2`, … with `extra` fields, counting the fetches.
#[derive(Clone)]
pub(super) struct Tokens {
    count: Arc<AtomicUsize>,
    extra: serde_json::Value,
    delay: Duration,
}

impl Tokens {
    pub(super) fn new(extra: serde_json::Value) -> Tokens {
        Tokens {
            count: Arc::default(),
            extra,
            delay: Duration::ZERO,
        }
    }

    pub(super) fn fetched(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }
}

impl Respond for Tokens {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let n = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        let mut body = json!({"access_token": format!("tok-{n}"), "token_type": "bearer"});
        for (k, v) in self.extra.as_object().into_iter().flatten() {
            body[k] = v.clone();
        }
        ResponseTemplate::new(200)
            .set_body_json(body)
            .set_delay(self.delay)
    }
}

/// Serves tokens from `tokens` and an invite to `Bearer tok-{n}` for each `n` in `good`.
pub(super) async fn serve(tokens: &Tokens, good: &[usize]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(tokens.clone())
        .mount(&server)
        .await;
    for n in good {
        Mock::given(method("GET"))
            .and(header("authorization", format!("Bearer tok-{n}").as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(server::twilio_error(
                401,
                20003,
                "Authenticate",
            )),
        )
        .mount(&server)
        .await;
    server
}

/// The `Authorization` header of each request to the API (not the token endpoint).
pub(super) async fn api_authorizations(server: &MockServer) -> Vec<String> {
    server::requests(server)
        .await
        .iter()
        .filter(|r| r.url.path() != TOKEN_PATH)
        .map(|r| {
            r.headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

/// Checks that an error shows neither the client secret nor a token.
pub(super) fn nothing_secret(err: Error) -> Error {
    let shown = format!("{err} {err:?}");
    assert!(
        !shown.contains(CLIENT_SECRET),
        "the error shows the secret: {shown}"
    );
    assert!(!shown.contains("tok-"), "the error shows a token: {shown}");
    err
}

#[tokio::test]
async fn the_token_is_fetched_once_and_shared_by_requests_and_clones() {
    let tokens = Tokens::new(json!({"expires_in": 3600}));
    let server = serve(&tokens, &[1]).await;
    let client = client(&server);
    let clone = client.clone();
    for c in [&client, &clone, &client] {
        let _: Invite = c.send_json(fetch()).await.expect("fetched");
    }
    assert_eq!(tokens.fetched(), 1);
    assert_eq!(api_authorizations(&server).await, vec!["Bearer tok-1"; 3]);
    // The token request: a form of the credentials, with no Basic auth of its own.
    let sent = server::requests(&server).await;
    let token_request = &sent[0];
    assert_eq!(token_request.url.path(), TOKEN_PATH);
    assert_eq!(token_request.method.as_str(), "POST");
    assert_eq!(
        String::from_utf8_lossy(&token_request.body),
        format!(
            "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
        )
    );
    assert_eq!(
        token_request
            .headers
            .get("content-type")
            .map(|v| v.as_bytes()),
        Some(&b"application/x-www-form-urlencoded"[..])
    );
    assert!(token_request.headers.get("authorization").is_none());
    let agent = token_request
        .headers
        .get("user-agent")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(agent.starts_with("twilio-test-orgs/0.1.0 ("), "{agent}");
    // Neither the secret nor the token shows in the client's Debug.
    let shown = format!("{client:?}");
    assert!(
        !shown.contains(CLIENT_SECRET) && !shown.contains("tok-1"),
        "{shown}"
    );
}

#[tokio::test]
async fn concurrent_requests_wait_for_one_fetch() {
    let mut tokens = Tokens::new(json!({"expires_in": 3600}));
    tokens.delay = ms(150);
    let server = serve(&tokens, &[1]).await;
    let client = client(&server);
    let calls = (0..16).map(|_| {
        let c = client.clone();
        tokio::spawn(async move { c.send_json::<Invite>(fetch()).await })
    });
    for call in futures_util::future::join_all(calls).await {
        call.expect("task").expect("fetched");
    }
    assert_eq!(tokens.fetched(), 1);
}

#[tokio::test]
async fn a_token_is_replaced_shortly_before_expires_in() {
    let tokens = Tokens::new(json!({"expires_in": 600}));
    let server = serve(&tokens, &[1, 2]).await;
    let client = client(&server);
    let clock = client.token_clock();
    let _: Invite = client.send_json(fetch()).await.unwrap();
    clock.advance(Duration::from_secs(530));
    let _: Invite = client.send_json(fetch()).await.unwrap();
    assert_eq!(tokens.fetched(), 1, "still 70 s to go: the token is kept");
    clock.advance(Duration::from_secs(20));
    let _: Invite = client.send_json(fetch()).await.unwrap();
    assert_eq!(tokens.fetched(), 2, "50 s to go: a new token");
    assert_eq!(
        api_authorizations(&server).await,
        ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]
    );
}

/// A JWT whose payload is `claims`, signed with nothing: only `exp` is read.
fn jwt(claims: serde_json::Value) -> String {
    let part = |v: &serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    format!("{}.{}.sig", part(&json!({"alg": "HS256"})), part(&claims))
}

#[tokio::test]
async fn a_jwt_is_replaced_before_its_exp_and_the_earlier_expiry_wins() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    for (expires_in, exp) in [
        (None, now + 600),
        (Some(600), now + 7200),
        (Some(7200), now + 600),
    ] {
        let server = MockServer::start().await;
        let token = jwt(json!({"sub": CLIENT_ID, "exp": exp}));
        let mut body = json!({"access_token": token});
        if let Some(secs) = expires_in {
            body["expires_in"] = json!(secs);
        }
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
            .mount(&server)
            .await;
        let client = client(&server);
        let clock = client.token_clock();
        let fetches = || async {
            let _: Invite = client.send_json(fetch()).await.unwrap();
            server::requests(&server)
                .await
                .iter()
                .filter(|r| r.url.path() == TOKEN_PATH)
                .count()
        };
        assert_eq!(fetches().await, 1);
        clock.advance(Duration::from_secs(500));
        assert_eq!(fetches().await, 1, "{expires_in:?}: kept with 100 s to go");
        clock.advance(Duration::from_secs(60));
        assert_eq!(
            fetches().await,
            2,
            "{expires_in:?}: replaced with 40 s to go"
        );
    }
}

#[tokio::test]
async fn a_401_fetches_a_new_token_once_and_sends_again() {
    let tokens = Tokens::new(json!({"expires_in": 3600}));
    let server = serve(&tokens, &[2]).await;
    let client = client(&server);
    let _: Invite = client
        .send_json(fetch())
        .await
        .expect("the second token works");
    assert_eq!(tokens.fetched(), 2);
    assert_eq!(
        api_authorizations(&server).await,
        ["Bearer tok-1", "Bearer tok-2"]
    );
    // The new token is kept.
    let _: Invite = client.send_json(fetch()).await.unwrap();
    assert_eq!(tokens.fetched(), 2);
}

#[tokio::test]
async fn a_second_401_is_the_error() {
    let tokens = Tokens::new(json!({"expires_in": 3600}));
    let server = serve(&tokens, &[]).await;
    let client = client(&server);
    let err = client.send_json::<Invite>(fetch()).await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert_eq!(err.code(), Some(20003));
    nothing_secret(err);
    assert_eq!(tokens.fetched(), 2);
    assert_eq!(api_authorizations(&server).await.len(), 2);
}

#[tokio::test]
async fn a_create_refused_with_401_is_sent_once_more_too() {
    let tokens = Tokens::new(json!({}));
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(tokens.clone())
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(header("authorization", "Bearer tok-2"))
        .respond_with(ResponseTemplate::new(201).set_body_json(server::invite(1)))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let client = client(&server);
    let create = Request::new("Organization.create", Method::POST, "/v1/Orgs".into())
        .form(vec![("FriendlyName", "x".into())]);
    let _: Invite = client.send_json(create).await.expect("created");
    assert_eq!(tokens.fetched(), 2);
}

/// The error of a first request when the token endpoint answers `answer`.
async fn token_failure(answer: ResponseTemplate) -> (Error, MockServer) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(answer)
        .mount(&server)
        .await;
    let client = client(&server);
    let err = client.send_json::<Invite>(fetch()).await.unwrap_err();
    assert!(
        api_authorizations(&server).await.is_empty(),
        "nothing is sent to the API without a token"
    );
    (nothing_secret(err), server)
}

fn token_error(err: &Error) -> (Option<u16>, &str) {
    match err {
        Error::Token {
            operation,
            status,
            message,
        } => {
            assert_eq!(*operation, "Organization.fetch");
            (*status, message)
        }
        other => panic!("not a token error: {other:?}"),
    }
}

#[tokio::test]
async fn token_endpoint_failures_are_token_errors_without_secrets() {
    let (err, _) = token_failure(
        ResponseTemplate::new(401).set_body_json(server::twilio_error(401, 20003, "Authenticate")),
    )
    .await;
    assert_eq!(
        err.to_string(),
        "Organization.fetch: no OAuth2 access token: the token endpoint answered HTTP 401, \
         Twilio error 20003: Authenticate (see https://www.twilio.com/docs/errors/20003)"
    );
    assert_eq!(token_error(&err).0, Some(401));
    assert_eq!(err.status(), None, "not the API's status");
    assert_eq!(err.operation(), Some("Organization.fetch"));

    let (err, _) = token_failure(
        ResponseTemplate::new(400)
            .set_body_json(json!({"error": "invalid_client", "error_description": "bad client"})),
    )
    .await;
    assert_eq!(
        token_error(&err).1,
        "the token endpoint answered HTTP 400: invalid_client: bad client"
    );

    // A server that echoes the form back.
    let (err, _) = token_failure(
        ResponseTemplate::new(400)
            .set_body_string(format!("bad request: client_secret={CLIENT_SECRET}")),
    )
    .await;
    assert!(
        token_error(&err).1.contains("client_secret=[redacted]"),
        "{err}"
    );

    let (err, _) =
        token_failure(ResponseTemplate::new(502).set_body_string("<html>bad gateway")).await;
    assert!(
        token_error(&err)
            .1
            .ends_with("without a Twilio error body: <html>bad gateway"),
        "{err}"
    );

    // A 2xx body that is not a token is never shown: it may hold one.
    let (err, _) = token_failure(
        ResponseTemplate::new(200).set_body_string("access_token=tok-form&token_type=bearer"),
    )
    .await;
    assert_eq!(
        token_error(&err),
        (
            Some(200),
            "the token endpoint's HTTP 200 answer is not JSON"
        )
    );

    for body in [
        json!({"token_type": "bearer"}),
        json!({"access_token": ""}),
        json!({"access_token": 7}),
    ] {
        let (err, _) = token_failure(ResponseTemplate::new(200).set_body_json(body)).await;
        assert_eq!(
            token_error(&err).1,
            "the token endpoint's answer has no `access_token`"
        );
    }

    let (err, _) = token_failure(
        ResponseTemplate::new(200)
            .set_body_json(json!({"access_token": "tok-1", "token_type": "mac"})),
    )
    .await;
    assert_eq!(
        token_error(&err).1,
        "the token endpoint issued a `mac` token, not a bearer token"
    );

    let (err, _) = token_failure(
        ResponseTemplate::new(200).set_body_json(json!({"access_token": "tok-1\nX-Evil: 1"})),
    )
    .await;
    assert_eq!(
        token_error(&err).1,
        "the access token is not visible ASCII text"
    );

    let huge = json!({"access_token": "tok-1", "padding": "x".repeat(100 << 10)});
    let (err, _) = token_failure(ResponseTemplate::new(200).set_body_json(huge)).await;
    assert_eq!(
        token_error(&err).1,
        "the token endpoint's HTTP 200 answer is longer than the 65536-byte limit"
    );
}

#[tokio::test]
async fn a_failed_fetch_is_tried_again_by_the_next_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let tokens = Tokens::new(json!({}));
    Mock::given(method("POST"))
        .respond_with(tokens.clone())
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
        .mount(&server)
        .await;
    let client = client(&server);
    let err = client.send_json::<Invite>(fetch()).await.unwrap_err();
    assert_eq!(token_error(&err).0, Some(503));
    let _: Invite = client.send_json(fetch()).await.expect("a token this time");
    assert_eq!(tokens.fetched(), 1);
}

#[tokio::test]
async fn the_token_endpoint_is_on_the_base_url_with_its_path_prefix() {
    let tokens = Tokens::new(json!({}));
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/proxy/v1/token"))
        .respond_with(tokens.clone())
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/proxy/v1/Organizations/x"))
        .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
        .mount(&server)
        .await;
    let client = ClientBuilder::<OAuthOnly>::new(creds())
        .base_url(format!("{}/proxy/", server.uri()))
        .build()
        .unwrap()
        .0;
    let _: Invite = client.send_json(fetch()).await.expect("fetched");
    assert_eq!(tokens.fetched(), 1);
}
