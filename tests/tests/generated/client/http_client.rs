//! A consumer's own `reqwest::Client`, of the reqwest version they depend on (the
//! current major, 0.13), is accepted by `ClientBuilder::http_client` and sends.

use super::*;
use wiremock::matchers::{header, method};
use wiremock::Mock;

#[tokio::test]
async fn a_consumers_reqwest_0_13_client_is_accepted_and_used() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("x-consumer", "own-client"))
        .respond_with(json(200, &example("invite_fetch.json")))
        .expect(1)
        .mount(&server)
        .await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-consumer", "own-client".parse().expect("visible ASCII"));
    // The dev-dependency pins `reqwest = "0.13"`: with the generated crate on
    // another major version this does not compile. Beside the `rustls-ring` backend,
    // reqwest has no crypto provider of its own: a consumer's client needs one.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let own = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("a plain client builds");
    let client = builder(&server)
        .http_client(own)
        .build()
        .expect("client builds");
    let invite = client
        .invites(&SERVICE_SID.parse().expect("service SID"), CHANNEL_SID)
        .fetch(&INVITE_SID.parse().expect("invite SID"))
        .await
        .expect("sent through the consumer's client");
    assert_eq!(invite.sid.as_ref().map(|s| s.as_str()), Some(INVITE_SID));
}
