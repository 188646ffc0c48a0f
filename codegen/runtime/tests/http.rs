//! The runtime against real HTTP servers on loopback (wiremock).
//!
//! These live here rather than in `#[cfg(test)]` modules because the runtime's `.rs`
//! files are copied into every generated crate, which shouldn't need a mock server
//! to run its own tests.

use codegen_runtime::client::{Auth, Client, ClientBuilder, Request};
use codegen_runtime::error::Error;
use codegen_runtime::page::PageMeta;
use codegen_runtime::paging::Page;
use codegen_runtime::path;
use codegen_runtime::retry::RetryPolicy;
use futures_util::StreamExt;
use reqwest::Method;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use wiremock::matchers::{
    body_string, header, method, path as path_is, query_param, query_param_is_missing,
};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SID: &str = "AC0123456789abcdef0123456789abcdef";
const TOKEN: &str = "tok-9f8e7d6c-super-secret";
/// `Basic ` and base64 of `{SID}:{TOKEN}`.
const AUTHORIZATION: &str =
    "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjp0b2stOWY4ZTdkNmMtc3VwZXItc2VjcmV0";
const INVITES: &str = "/v1/Services/IS0123456789abcdef0123456789abcdef/Channels/CH1/Invites";

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn builder(server: &MockServer) -> ClientBuilder {
    ClientBuilder::new("https://chat.twilio.com", Auth::auth_token(SID, TOKEN))
        .base_url(server.uri())
        .retry_policy(RetryPolicy::default().base_delay(ms(1)).max_delay(ms(5)))
}

fn client(server: &MockServer) -> Client {
    builder(server)
        .build()
        .expect("a loopback base URL is accepted")
}

fn get(path: &str) -> Request {
    Request {
        operation: "Invite.fetch",
        method: Method::GET,
        path: path.into(),
        query: vec![],
        form: None,
        expect: 200,
    }
}

fn delete(path: &str) -> Request {
    Request {
        operation: "Invite.delete",
        method: Method::DELETE,
        path: path.into(),
        query: vec![],
        form: None,
        expect: 204,
    }
}

fn create(form: Vec<(&'static str, String)>) -> Request {
    Request {
        operation: "Invite.create",
        method: Method::POST,
        path: INVITES.into(),
        query: vec![],
        form: Some(form),
        expect: 201,
    }
}

fn list(query: Vec<(&'static str, String)>) -> Request {
    Request {
        operation: "Invite.list",
        method: Method::GET,
        path: INVITES.into(),
        query,
        form: None,
        expect: 200,
    }
}

#[derive(Debug, PartialEq, Deserialize)]
struct Invite {
    sid: String,
    identity: String,
}

#[derive(Deserialize)]
struct InvitePage {
    invites: Vec<Invite>,
    meta: PageMeta,
}

impl Page for InvitePage {
    type Item = Invite;
    fn into_parts(self) -> (Vec<Invite>, PageMeta) {
        (self.invites, self.meta)
    }
}

fn invite(n: u32) -> Value {
    json!({"sid": format!("IN{n:032x}"), "identity": format!("user{n}")})
}

/// A page envelope holding invites `records`, linking to `next`.
fn page(records: std::ops::Range<u32>, url: &str, next: Option<String>) -> Value {
    json!({
        "invites": records.map(invite).collect::<Vec<_>>(),
        "meta": {"first_page_url": url, "key": "invites", "next_page_url": next,
                 "page": 0, "page_size": 2, "previous_page_url": null, "url": url}
    })
}

async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

#[tokio::test]
async fn every_request_carries_basic_auth_accept_and_user_agent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path_is(format!("{INVITES}/IN1")))
        .and(header("authorization", AUTHORIZATION))
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(invite(1)))
        .expect(1)
        .mount(&server)
        .await;
    let got: Invite = client(&server)
        .send_json(get(&format!("{INVITES}/IN1")))
        .await
        .unwrap();
    assert_eq!(got.identity, "user1");

    let sent = &requests(&server).await[0];
    let ua = sent
        .headers
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        ua.starts_with(concat!(
            env!("CARGO_PKG_NAME"),
            "/",
            env!("CARGO_PKG_VERSION"),
            " ("
        )),
        "{ua}"
    );
    assert!(ua.ends_with(") rust"), "{ua}");
}

#[tokio::test]
async fn create_sends_a_form_body_and_decodes_201() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path_is(INVITES))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string("Identity=ann+o%27neil%26co&RoleSid=RL1"))
        .respond_with(ResponseTemplate::new(201).set_body_json(invite(7)))
        .expect(1)
        .mount(&server)
        .await;
    let req = create(vec![
        ("Identity", "ann o'neil&co".into()),
        ("RoleSid", "RL1".into()),
    ]);
    let got: Invite = client(&server).send_json(req).await.unwrap();
    assert_eq!(
        got,
        Invite {
            sid: format!("IN{:032x}", 7),
            identity: "user7".into()
        }
    );
}

#[tokio::test]
async fn repeated_query_keys_and_encoded_path_segments_reach_the_server() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path_is(
            "/v1/Services/IS1/Channels/general%20chat%2F..%3F/Invites",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..0, "u", None)))
        .expect(1)
        .mount(&server)
        .await;
    let channel = path::segment("general chat/..?", "ChannelSid").unwrap();
    let mut req = list(vec![
        ("Identity", "a b".into()),
        ("Identity", "c".into()),
        ("PageSize", "2".into()),
    ]);
    req.path = format!("/v1/Services/IS1/Channels/{channel}/Invites");
    let _: Value = client(&server).send_json(req).await.unwrap();
    let sent = &requests(&server).await[0];
    assert_eq!(sent.url.query(), Some("Identity=a+b&Identity=c&PageSize=2"));
}

#[tokio::test]
async fn delete_accepts_204_and_200_with_null_or_empty_bodies() {
    let server = MockServer::start().await;
    let respond = |at: &str, template: ResponseTemplate| {
        Mock::given(method("DELETE"))
            .and(path_is(format!("{INVITES}/{at}")))
            .respond_with(template)
    };
    respond("IN204", ResponseTemplate::new(204))
        .mount(&server)
        .await;
    respond("INnull", ResponseTemplate::new(200).set_body_string("null"))
        .mount(&server)
        .await;
    respond("INempty", ResponseTemplate::new(200))
        .mount(&server)
        .await;
    respond(
        "INhtml",
        ResponseTemplate::new(200).set_body_string("<html>login</html>"),
    )
    .mount(&server)
    .await;
    let client = client(&server);
    for at in ["IN204", "INnull", "INempty"] {
        client
            .send_empty(delete(&format!("{INVITES}/{at}")))
            .await
            .unwrap_or_else(|e| panic!("{at}: {e}"));
    }
    // Something that isn't JSON answered: that is not a successful delete.
    let err = client
        .send_empty(delete(&format!("{INVITES}/INhtml")))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                status: 200,
                operation: "Invite.delete",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn twilio_json_error_becomes_error_api() {
    let server = MockServer::start().await;
    let body = json!({"code": 20404, "message": "The requested resource was not found",
                      "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404,
                      "details": {"hint": "check the SID"}});
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(body))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server)
        .send_json::<Invite>(get(&format!("{INVITES}/IN404")))
        .await
        .unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!((api.status, api.code), (404, Some(20404)));
    assert_eq!(api.message, "The requested resource was not found");
    assert_eq!(
        api.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20404")
    );
    assert_eq!(api.details, Some(json!({"hint": "check the SID"})));
    assert!(err.is_not_found());
    assert_eq!(err.to_string(), "Invite.fetch: Twilio error 20404 (HTTP 404): The requested resource was not found (see https://www.twilio.com/docs/errors/20404)");
}

#[tokio::test]
async fn html_502_becomes_error_http_with_a_truncated_body() {
    let server = MockServer::start().await;
    let html = format!("<html><body>{}</body></html>", "Bad gateway ".repeat(200));
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(html.clone(), "text/html"))
        .mount(&server)
        .await;
    let err = client(&server)
        .send_json::<Invite>(get("/v1/x"))
        .await
        .unwrap_err();
    match &err {
        Error::Http {
            status: 502,
            operation: "Invite.fetch",
            body,
        } => {
            assert!(body.len() <= 512 + "…".len(), "{}", body.len());
            assert!(body.starts_with("<html><body>Bad gateway"), "{body}");
            assert!(body.ends_with('…'));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!((err.status(), err.code()), (Some(502), None));
}

#[tokio::test]
async fn a_2xx_body_of_the_wrong_shape_is_error_decode() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": 5})))
        .mount(&server)
        .await;
    let err = client(&server)
        .send_json::<Invite>(get("/v1/x"))
        .await
        .unwrap_err();
    match err {
        Error::Decode {
            operation,
            status,
            message,
            snippet,
        } => {
            assert_eq!((operation, status), ("Invite.fetch", 200));
            assert!(message.contains("invalid type: integer `5`"), "{message}");
            assert_eq!(snippet, r#"{"sid":5}"#);
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_429_is_retried_after_the_retry_after_wait() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(invite(1)))
        .mount(&server)
        .await;
    let started = Instant::now();
    let got: Invite = client(&server).send_json(get("/v1/x")).await.unwrap();
    assert_eq!(got.identity, "user1");
    assert_eq!(requests(&server).await.len(), 2);
    // The backoff alone would be at most 5 ms; the server asked for a second.
    assert!(started.elapsed() >= ms(950), "{:?}", started.elapsed());
}

#[tokio::test]
async fn retrying_gives_up_after_max_attempts() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let err = client(&server)
        .send_empty(delete("/v1/x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(requests(&server).await.len(), 3);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    let five =
        builder(&server).retry_policy(RetryPolicy::default().max_attempts(5).base_delay(ms(1)));
    let err = five
        .build()
        .unwrap()
        .send_json::<Value>(get("/v1/x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(requests(&server).await.len(), 5);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let none = builder(&server).retry_policy(RetryPolicy::none());
    assert!(none
        .build()
        .unwrap()
        .send_json::<Value>(get("/v1/x"))
        .await
        .is_err());
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn statuses_outside_the_policy_and_long_retry_after_are_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    assert_eq!(
        client(&server)
            .send_json::<Value>(get("/v1/x"))
            .await
            .unwrap_err()
            .status(),
        Some(500)
    );
    assert_eq!(requests(&server).await.len(), 1);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
        .mount(&server)
        .await;
    let started = Instant::now();
    assert_eq!(
        client(&server)
            .send_json::<Value>(get("/v1/x"))
            .await
            .unwrap_err()
            .status(),
        Some(429)
    );
    assert_eq!(requests(&server).await.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn post_is_retried_only_when_opted_in() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    let err = client(&server)
        .send_json::<Value>(create(vec![("Identity", "a".into())]))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(requests(&server).await.len(), 1);

    let opted_in = builder(&server)
        .retry_policy(
            RetryPolicy::default()
                .base_delay(ms(1))
                .retry_non_idempotent(true),
        )
        .build()
        .unwrap();
    let _ = opted_in
        .send_json::<Value>(create(vec![("Identity", "a".into())]))
        .await
        .unwrap_err();
    let sent = requests(&server).await;
    assert_eq!(sent.len(), 1 + 3);
    // Every attempt carries the whole body.
    assert!(sent.iter().all(|r| r.body == b"Identity=a"));
}

#[tokio::test]
async fn a_slow_answer_is_error_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(invite(1))
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let started = Instant::now();
    let err = builder(&server)
        .timeout(ms(200))
        .build()
        .unwrap()
        .send_json::<Invite>(get("/v1/x"))
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert!(matches!(
        err,
        Error::Timeout {
            operation: "Invite.fetch",
            ..
        }
    ));
    assert_eq!(err.to_string(), "Invite.fetch: timed out");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // Timeouts aren't retried: the server may be working on the first attempt.
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_refused_connection_is_error_connect() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = ClientBuilder::new("https://chat.twilio.com", Auth::auth_token(SID, TOKEN))
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::default().base_delay(ms(1)))
        .build()
        .unwrap();
    let err = client.send_json::<Value>(get("/v1/x")).await.unwrap_err();
    assert!(err.is_connect(), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Invite.fetch: could not connect to 127.0.0.1"
    );
}

/// Mounts a listing of `pages` pages of two records each; page `n` links to `n + 1`.
async fn mount_listing(server: &MockServer, pages: u32) {
    let next = |n: u32| {
        format!(
            "{}{INVITES}?PageSize=2&Page={n}&PageToken=PT{n}",
            server.uri()
        )
    };
    for n in 0..pages {
        let link = (n + 1 < pages).then(|| next(n + 1));
        let body = page(n * 2..n * 2 + 2, &next(n), link);
        let mock = Mock::given(method("GET")).and(path_is(INVITES));
        let mock = if n == 0 {
            mock.and(query_param_is_missing("Page"))
        } else {
            mock.and(query_param("Page", n.to_string()))
                .and(query_param("PageToken", format!("PT{n}")))
        };
        mock.respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(server)
            .await;
    }
}

#[tokio::test]
async fn paginate_walks_every_page_following_next_urls_exactly() {
    let server = MockServer::start().await;
    mount_listing(&server, 3).await;
    let client = client(&server);
    let all: Vec<_> = client
        .paginate::<InvitePage>(Ok(list(vec![
            ("Identity", "x".into()),
            ("PageSize", "2".into()),
        ])))
        .collect()
        .await;
    let identities: Vec<String> = all.into_iter().map(|r| r.unwrap().identity).collect();
    assert_eq!(
        identities,
        ["user0", "user1", "user2", "user3", "user4", "user5"]
    );
    let queries: Vec<String> = requests(&server)
        .await
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "Identity=x&PageSize=2",
            "PageSize=2&Page=1&PageToken=PT1",
            "PageSize=2&Page=2&PageToken=PT2"
        ]
    );
    assert!(requests(&server)
        .await
        .iter()
        .all(|r| r.headers.get("authorization").is_some()));
}

#[tokio::test]
async fn paginate_fetches_a_page_only_when_polled_past_the_last() {
    let server = MockServer::start().await;
    mount_listing(&server, 3).await;
    let client = client(&server);

    let first_two: Vec<_> = client
        .paginate::<InvitePage>(Ok(list(vec![])))
        .take(2)
        .collect()
        .await;
    assert_eq!(first_two.len(), 2);
    assert_eq!(requests(&server).await.len(), 1);

    let stream = client.paginate::<InvitePage>(Ok(list(vec![])));
    // Building the stream sends nothing.
    assert_eq!(requests(&server).await.len(), 1);
    let three: Vec<_> = stream.take(3).collect().await;
    assert_eq!(three.len(), 3);
    assert_eq!(requests(&server).await.len(), 1 + 2);
}

#[tokio::test]
async fn paginate_refuses_a_next_page_on_another_origin() {
    let ours = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..0, "x", None)))
        .mount(&other)
        .await;
    let foreign = format!("{}{INVITES}?Page=1", other.uri());
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..2, "x", Some(foreign))))
        .mount(&ours)
        .await;

    let mut stream = Box::pin(client(&ours).paginate::<InvitePage>(Ok(list(vec![]))));
    assert_eq!(stream.next().await.unwrap().unwrap().identity, "user0");
    assert_eq!(stream.next().await.unwrap().unwrap().identity, "user1");
    let err = stream.next().await.unwrap().unwrap_err();
    assert!(matches!(err, Error::Paging(_)), "{err:?}");
    let other_port = other.address().port();
    assert!(
        err.to_string()
            .contains(&format!("http://127.0.0.1:{other_port}")),
        "{err}"
    );
    assert!(
        stream.next().await.is_none(),
        "the stream ends after an error"
    );
    assert_eq!(requests(&ours).await.len(), 1);
    assert_eq!(
        requests(&other).await.len(),
        0,
        "nothing is sent to the other origin"
    );
}

#[tokio::test]
async fn paginate_stops_when_a_next_url_repeats() {
    let server = MockServer::start().await;
    let again = format!("{}{INVITES}?Page=1", server.uri());
    Mock::given(method("GET"))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            2..3,
            "x",
            Some(again.clone()),
        )))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..2, "x", Some(again))))
        .mount(&server)
        .await;
    let all: Vec<_> = client(&server)
        .paginate::<InvitePage>(Ok(list(vec![])))
        .collect()
        .await;
    assert_eq!(all.len(), 4);
    assert!(all[..3].iter().all(Result::is_ok));
    assert!(
        matches!(&all[3], Err(Error::Paging(m)) if m.contains("fetched before")),
        "{:?}",
        all[3]
    );
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn paginate_reports_a_failed_page_and_ends() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(json!({"code": 20503, "message": "busy"})),
        )
        .mount(&server)
        .await;
    let none = builder(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let all: Vec<_> = none
        .paginate::<InvitePage>(Ok(list(vec![])))
        .collect()
        .await;
    assert_eq!(all.len(), 1);
    assert!(
        matches!(&all[0], Err(e) if e.code() == Some(20503)),
        "{:?}",
        all[0]
    );
}

#[tokio::test]
async fn no_secret_in_any_debug_or_display() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path_is("/api"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"code": 20003, "message": "Authenticate"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_is("/html"))
        .respond_with(ResponseTemplate::new(500).set_body_string("oops"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_is("/bad"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_is("/slow"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;

    let credentials = Auth::api_key(SID, "SK0123456789abcdef0123456789abcdef", TOKEN);
    let builder =
        ClientBuilder::new("https://chat.twilio.com", credentials.clone()).base_url(server.uri());
    let mut shown = vec![format!("{credentials:?}"), format!("{builder:?}")];
    let client = builder.timeout(ms(200)).build().unwrap();
    shown.push(format!("{client:?}"));
    for at in ["/api", "/html", "/bad", "/slow"] {
        let err = client.send_json::<Value>(get(at)).await.unwrap_err();
        shown.push(format!("{err} {err:?}"));
        let mut source = std::error::Error::source(&err);
        while let Some(s) = source {
            shown.push(format!("{s} {s:?}"));
            source = s.source();
        }
    }
    let closed = ClientBuilder::new("https://chat.twilio.com", credentials.clone())
        .base_url("http://127.0.0.1:1")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = closed.send_json::<Value>(get("/x")).await.unwrap_err();
    shown.push(format!("{err} {err:?}"));
    let bad = ClientBuilder::new("https://chat.twilio.com", credentials)
        .base_url(format!("https://u:{TOKEN}@x.com"));
    shown.push(format!("{bad:?}"));
    if let Err(e) = bad.build() {
        shown.push(format!("{e} {e:?}"));
    }

    let all = shown.join("\n");
    assert!(
        all.contains("SK0123456789abcdef0123456789abcdef"),
        "the key SID is shown"
    );
    assert!(!all.contains(TOKEN), "{all}");
}
