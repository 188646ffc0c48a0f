//! `Auth`: the credentials, checked when the client is built and sent with every
//! request.

use super::server::ClientBuilder;
use super::server::{self, SID};
use crate::Auth;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn empty_credentials_are_refused() {
    let err = ClientBuilder::new(Auth::auth_token("AC1", ""))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "client configuration: the auth token or API key secret is empty"
    );
    let err = ClientBuilder::new(Auth::auth_token("", "t"))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "client configuration: the Account SID is empty"
    );
    let err = ClientBuilder::new(Auth::api_key("AC1", "SK:1", "t"))
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("can't hold `:`"), "{err}");
}

#[tokio::test]
async fn an_api_key_authenticates_with_its_sid_and_secret() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(server::invite(1)))
        .mount(&server)
        .await;
    let key = "SK0123456789abcdef0123456789abcdef";
    let secret = "key-s3cr3t-value";
    let client = ClientBuilder::new(Auth::api_key(SID, key, secret))
        .base_url(server.uri())
        .build()
        .expect("client builds");
    assert!(!format!("{client:?}").contains(secret));
    assert_eq!(client.account_sid(), SID);
    let _: server::Invite = client.send_json(server::get("/v1/x")).await.unwrap();
    let sent = server::requests(&server).await;
    assert_eq!(sent.len(), 1);
    // `Basic ` and base64 of `{key}:{secret}`.
    assert_eq!(
        sent[0]
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok()),
        Some("Basic U0swMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjprZXktczNjcjN0LXZhbHVl")
    );
}
