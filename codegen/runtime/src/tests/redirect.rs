//! `Transport::send_redirect`: an operation whose answer is a redirect returns where
//! it points, and never follows it with the credentials.

use super::server::*;
use crate::error::Error;
use wiremock::matchers::{any, method, path as path_is};
use wiremock::{Mock, MockServer, ResponseTemplate};

const DAY: &str = "/v1/Exports/Messages/Days/2026-11-30";

async fn answering(server: &MockServer, response: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path_is(DAY))
        .respond_with(response)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_redirect_to_another_host_is_returned_and_not_followed() {
    let server = MockServer::start().await;
    let store = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&store)
        .await;
    let target = format!("{}/files/day.json.gz?Signature=abc", store.uri());
    answering(
        &server,
        ResponseTemplate::new(307)
            .insert_header("location", target.as_str())
            .set_body_json(serde_json::json!({ "redirect_to": target })),
    )
    .await;
    let url = client(&server)
        .send_redirect(get(DAY))
        .await
        .expect("a redirect");
    assert_eq!(url, target);
    assert!(requests(&store).await.is_empty(), "the target was fetched");
    let sent = requests(&server).await;
    assert_eq!(sent.len(), 1);
    assert_common_headers(&sent[0]);
}

#[tokio::test]
async fn a_relative_location_is_resolved_against_the_request() {
    let server = MockServer::start().await;
    answering(
        &server,
        ResponseTemplate::new(302).insert_header("location", "other/place?x=1"),
    )
    .await;
    let url = client(&server)
        .send_redirect(get(DAY))
        .await
        .expect("a redirect");
    assert_eq!(
        url,
        format!("{}/v1/Exports/Messages/Days/other/place?x=1", server.uri())
    );
}

#[tokio::test]
async fn an_answer_that_is_not_a_redirect_is_an_error() {
    let server = MockServer::start().await;
    answering(
        &server,
        ResponseTemplate::new(200).set_body_json(serde_json::json!({})),
    )
    .await;
    let err = client(&server).send_redirect(get(DAY)).await.unwrap_err();
    assert!(matches!(err, Error::Decode { status: 200, .. }), "{err:?}");

    let server = MockServer::start().await;
    answering(&server, ResponseTemplate::new(307)).await;
    let err = client(&server).send_redirect(get(DAY)).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { status: 307, message, .. } if message.contains("Location") && message.contains("redirect_to")),
        "{err:?}"
    );

    let server = MockServer::start().await;
    answering(
        &server,
        ResponseTemplate::new(404).set_body_json(twilio_error(404, 20404, "not found")),
    )
    .await;
    let err = client(&server).send_redirect(get(DAY)).await.unwrap_err();
    assert!(matches!(err, Error::Api(_)), "{err:?}");
}

/// Without a `Location`, the body's `redirect_to` is the target, as Twilio's OpenAPI
/// examples answer; the header wins when both are there.
#[tokio::test]
async fn without_a_location_the_bodys_redirect_to_is_the_target() {
    for status in [307, 200] {
        let server = MockServer::start().await;
        answering(
            &server,
            ResponseTemplate::new(status).set_body_json(
                serde_json::json!({ "redirect_to": "https://files.example.com/d.gz" }),
            ),
        )
        .await;
        let url = client(&server)
            .send_redirect(get(DAY))
            .await
            .expect("a target");
        assert_eq!(url, "https://files.example.com/d.gz", "{status}");
    }
    let server = MockServer::start().await;
    answering(
        &server,
        ResponseTemplate::new(302)
            .insert_header("location", "https://a.example.com/")
            .set_body_json(serde_json::json!({ "redirect_to": "https://b.example.com/" })),
    )
    .await;
    let url = client(&server)
        .send_redirect(get(DAY))
        .await
        .expect("a target");
    assert_eq!(url, "https://a.example.com/");
}

/// Other operations still take a 3xx as the error it is for them.
#[tokio::test]
async fn a_redirect_is_an_error_for_an_operation_that_expects_a_record() {
    let server = MockServer::start().await;
    answering(
        &server,
        ResponseTemplate::new(307).insert_header("location", "https://example.com/"),
    )
    .await;
    let err = client(&server)
        .send_json::<serde_json::Value>(get(DAY))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Http { status: 307, .. }), "{err:?}");
}
