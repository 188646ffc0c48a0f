//! What the generator decides for an API that takes OAuth2 client credentials only:
//! the fixture crate `fixture-oauth` fetches its token from the token path on its own
//! (loopback) base URL, sends it as `Bearer`, and refuses Basic credentials. How the
//! token is cached, refreshed and retried is the runtime's, tested there.

use fixture_oauth::resources::account::ListAccounts;
use fixture_oauth::{Auth, Client, Error};
use serde_json::json;
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ORG: &str = "OR00000000000000000000000000000000";
const ACCOUNT: &str = "AC11111111111111111111111111111111";
const CLIENT_ID: &str = "OQ22222222222222222222222222222222";
const SECRET: &str = "the-client-secret";

#[tokio::test]
async fn the_client_fetches_a_token_on_its_own_origin_and_sends_bearer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/token"))
        .and(body_string(format!(
            "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={SECRET}"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "tok-fixture", "token_type": "bearer", "expires_in": 3600
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/Organizations/{ORG}/Accounts/{ACCOUNT}")))
        .and(header("authorization", "Bearer tok-fixture"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"account_sid": ACCOUNT, "friendly_name": "Main"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/Organizations/{ORG}/Accounts")))
        .and(header("authorization", "Bearer tok-fixture"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"content": [{"account_sid": ACCOUNT}]})),
        )
        .mount(&server)
        .await;
    let client = Client::builder(Auth::client_credentials(CLIENT_ID, SECRET))
        .base_url(server.uri())
        .build()
        .expect("a client");
    let org = ORG.parse().expect("a SID");
    let account = client
        .accounts(&org)
        .fetch(&ACCOUNT.parse().expect("a SID"))
        .await
        .expect("fetched with the token");
    assert_eq!(account.friendly_name.as_deref(), Some("Main"));
    let page = client
        .clone()
        .accounts(&org)
        .list(ListAccounts::new())
        .await
        .expect("listed with the same token");
    assert_eq!(page.content.len(), 1);
}

#[test]
fn basic_credentials_are_refused_when_the_client_is_built() {
    let err = Client::builder(Auth::auth_token(ACCOUNT, "token"))
        .build()
        .expect_err("Basic is not taken");
    assert!(matches!(err, Error::Config(_)), "{err}");
    assert!(
        err.to_string()
            .contains("fixture-oauth takes OAuth2 client credentials only"),
        "{err}"
    );
}
