//! Secrets are sent, never shown: `Secret`, and the auth token through every `Debug`
//! and error of the client.

use super::builder::SECRET;
use super::server::ClientBuilder;
use super::server::*;
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use crate::Auth;
use serde_json::{json, Value};
use std::time::Duration;
use wiremock::matchers::{method, path as path_is};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn debug_never_shows_the_value() {
    let secret = Secret::new("hunter2");
    assert_eq!(format!("{secret:?}"), "[redacted]");
    assert_eq!(format!("{:?}", Some(&secret)), "Some([redacted])");
    assert_eq!(secret.expose(), "hunter2");
}

#[test]
fn debug_output_never_shows_the_secret() {
    let builder = ClientBuilder::new(Auth::api_key("AC1", "SK1", SECRET));
    let shown = format!("{builder:?} {:?}", builder.credentials);
    let client = builder.build().unwrap();
    let shown = format!("{shown} {client:?} {:?}", client.clone());
    assert!(
        shown.contains("SK1") && shown.contains("[redacted]"),
        "{shown}"
    );
    assert!(!shown.contains(SECRET), "{shown}");
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
    let builder = ClientBuilder::new(credentials.clone()).base_url(server.uri());
    let mut shown = vec![format!("{credentials:?}"), format!("{builder:?}")];
    let client = builder.timeout(ms(200)).build().unwrap();
    shown.push(format!("{client:?} {client:#?}"));
    assert!(
        format!("{client:?}").contains(SID),
        "the Account SID is shown"
    );
    // An auth token too, whose `Authorization` header `no_secret` looks for.
    let token_client = super::server::builder(&server)
        .timeout(ms(200))
        .build()
        .unwrap();
    for at in ["/api", "/html", "/bad", "/slow"] {
        for client in [&client, &token_client] {
            let err = no_secret(client.send_json::<Value>(get(at)).await.unwrap_err());
            shown.push(format!("{err} {err:?}"));
            let mut source = std::error::Error::source(&err);
            while let Some(s) = source {
                shown.push(format!("{s} {s:?}"));
                source = s.source();
            }
        }
    }
    // An error that carries a transport error from the HTTP stack.
    let closed = ClientBuilder::new(credentials.clone())
        .base_url("http://127.0.0.1:1")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = no_secret(closed.send_json::<Value>(get("/x")).await.unwrap_err());
    assert!(err.is_connect(), "{err:?}");
    assert_eq!(err.operation(), Some("Invite.fetch"));
    shown.push(format!("{err} {err:?}"));
    let bad = ClientBuilder::new(credentials).base_url(format!("https://u:{TOKEN}@x.com"));
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
