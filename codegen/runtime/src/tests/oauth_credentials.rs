//! Which credentials an API takes: a kind it doesn't is refused, Basic beside OAuth2
//! sends Basic, the environment gives the kind the API takes; client credentials are
//! redacted, and an anonymous request sends none.

use super::oauth::*;
use super::server::{self, Invite, SID, TOKEN};
use crate::__private::{ApiClient, Request, Transport};
use crate::error::Error;
use crate::{Auth, ClientBuilder};
use reqwest::Method;
use serde_json::json;
use std::collections::HashMap;
use std::ffi::OsString;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn credentials_of_a_kind_the_api_does_not_take_are_refused() {
    let err = ClientBuilder::<OAuthOnly>::new(Auth::auth_token(SID, TOKEN))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "client configuration: twilio-test-orgs takes OAuth2 client credentials only, not HTTP \
         Basic: use `Auth::client_credentials` (or TWILIO_CLIENT_ID and TWILIO_CLIENT_SECRET)"
    );
    let err = server::ClientBuilder::new(creds()).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "client configuration: twilio-test-v1 takes HTTP Basic credentials only, not OAuth2 \
         client credentials: use `Auth::auth_token` or `Auth::api_key`"
    );
    assert!(ClientBuilder::<Either>::new(creds()).build().is_ok());
    assert!(ClientBuilder::<Either>::new(Auth::auth_token(SID, TOKEN))
        .build()
        .is_ok());
    for (auth, message) in [
        (
            Auth::client_credentials("", "s"),
            "the OAuth2 client ID is empty",
        ),
        (
            Auth::client_credentials("OQ1", ""),
            "the OAuth2 client secret is empty",
        ),
        (
            Auth::client_credentials("OQ\n1", "s"),
            "the client ID `OQ\\n1` can't hold control characters",
        ),
    ] {
        let err = ClientBuilder::<OAuthOnly>::new(auth).build().unwrap_err();
        assert_eq!(err.to_string(), format!("client configuration: {message}"));
    }
}

#[tokio::test]
async fn basic_credentials_on_an_api_that_takes_both_send_basic() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("authorization", server::AUTHORIZATION))
        .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
        .mount(&server)
        .await;
    let client = ClientBuilder::<Either>::new(Auth::auth_token(SID, TOKEN))
        .base_url(server.uri())
        .build()
        .unwrap()
        .0;
    let _: Invite = client.send_json(fetch()).await.expect("Basic is accepted");
    assert_eq!(server::requests(&server).await.len(), 1, "no token fetched");
}

fn env<C: ApiClient>(vars: &[(&str, &str)]) -> Result<ClientBuilder<C>, Error> {
    let map: HashMap<String, OsString> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
        .collect();
    ClientBuilder::<C>::from_lookup(|name| map.get(name).cloned())
}

#[test]
fn the_environment_gives_the_kind_the_api_takes() {
    let basic = [("TWILIO_ACCOUNT_SID", SID), ("TWILIO_AUTH_TOKEN", TOKEN)];
    let both = [
        basic[0],
        basic[1],
        ("TWILIO_CLIENT_ID", " OQ1 "),
        ("TWILIO_CLIENT_SECRET", CLIENT_SECRET),
    ];
    let b = env::<OAuthOnly>(&both).unwrap();
    assert_eq!(b.credentials.client_id(), Some("OQ1"));
    assert_eq!(b.credentials.secret().expose(), CLIENT_SECRET);
    let b = env::<Either>(&both).unwrap();
    assert_eq!(b.credentials.client_id(), Some("OQ1"));
    let b = env::<Either>(&basic).unwrap();
    assert_eq!(b.credentials.account_sid(), SID);
    let b = env::<Transport>(&both).unwrap();
    assert_eq!(b.credentials.client_id(), None);

    let err = env::<OAuthOnly>(&basic).unwrap_err();
    assert_eq!(
        err.to_string(),
        "client configuration: the environment variable TWILIO_CLIENT_ID is not set"
    );
    let err = env::<Either>(&[("TWILIO_CLIENT_ID", "OQ1")]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "client configuration: TWILIO_CLIENT_ID is set but TWILIO_CLIENT_SECRET is not"
    );
    let err = env::<OAuthOnly>(&[("TWILIO_CLIENT_SECRET", CLIENT_SECRET)]).unwrap_err();
    assert!(!format!("{err:?}").contains(CLIENT_SECRET));
}

#[test]
fn client_credentials_are_redacted_and_name_no_account() {
    let auth = creds();
    let shown = format!("{auth:?}");
    assert_eq!(
        shown,
        format!("Auth {{ client_id: \"{CLIENT_ID}\", client_secret: [redacted] }}")
    );
    assert_eq!(auth.account_sid(), "");
    assert_eq!(auth.username(), CLIENT_ID);
    assert_eq!(Auth::auth_token(SID, TOKEN).client_id(), None);
}

/// An operation the API takes from anyone (an OAuth2 token endpoint) is sent without
/// credentials, and fetches no token for itself.
#[tokio::test]
async fn an_anonymous_request_sends_no_credentials_and_fetches_no_token() {
    let tokens = Tokens::new(json!({"expires_in": 3600}));
    let server = serve(&tokens, &[1]).await;
    Mock::given(method("GET"))
        .and(path("/v1/Public"))
        .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
        .with_priority(1)
        .mount(&server)
        .await;
    let public = || Request::new("Public.fetch", Method::GET, "/v1/Public".into()).anonymous();
    let _: Invite = client(&server).send_json(public()).await.expect("fetched");
    assert_eq!(tokens.fetched(), 0);
    assert_eq!(api_authorizations(&server).await, [""]);

    // With Basic credentials too.
    let basic = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
        .mount(&basic)
        .await;
    let transport = server::client(&basic);
    let _: Invite = transport.send_json(public()).await.expect("fetched");
    let _: Invite = transport
        .send_json(server::get("/v1/Private"))
        .await
        .expect("fetched");
    let sent: Vec<bool> = server::requests(&basic)
        .await
        .iter()
        .map(|r| r.headers.get("authorization").is_some())
        .collect();
    assert_eq!(sent, [false, true], "only the second carries credentials");
}
