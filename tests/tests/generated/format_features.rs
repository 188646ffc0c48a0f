//! What the generator decides for header parameters, parameters the API takes a null
//! for, and operations with several success statuses, on the wire: the fixture crate
//! `fixture-everything` against a loopback server.

use fixture_everything::{Auth, Client, CreateWidget, UpdateWidget, WidgetCreateXWebhookEnabled};
use serde_json::json;
use wiremock::matchers::{any, method};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const BOX: &str = "BXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const WIDGET: &str = "WGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn client(server: &MockServer) -> Client {
    Client::builder(Auth::auth_token("AC00000000000000000000000000000000", "t"))
        .base_url(server.uri())
        .build()
        .expect("a client")
}

fn form(request: &Request) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(&request.body).expect("a form body")
}

#[tokio::test]
async fn a_header_parameter_is_a_header_and_a_202_is_a_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({ "sid": WIDGET })))
        .mount(&server)
        .await;
    let created = client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .create(
            CreateWidget::new("w", 1, "pw").x_webhook_enabled(WidgetCreateXWebhookEnabled::False),
        )
        .await
        .expect("202 is one of the create's statuses");
    assert_eq!(created.sid.map(|s| s.to_string()).as_deref(), Some(WIDGET));
    let sent = &server.received_requests().await.expect("recorded")[0];
    let headers: Vec<_> = sent.headers.get_all("x-webhook-enabled").iter().collect();
    assert_eq!(headers, ["false"]);
    let keys: Vec<String> = form(sent).into_iter().map(|(k, _)| k).collect();
    assert!(!keys.iter().any(|k| k.contains("Webhook")), "{keys:?}");
}

#[tokio::test]
async fn a_nullable_parameter_sends_a_value_an_empty_null_or_nothing() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "sid": WIDGET })))
        .mount(&server)
        .await;
    let widgets = client(&server).widgets(&BOX.parse().expect("a SID"));
    let sid = WIDGET.parse().expect("a SID");
    for params in [
        UpdateWidget::new()
            .last_index(7)
            .label(Some("x".to_string())),
        UpdateWidget::new().last_index(None).label(None),
        UpdateWidget::new().name("only"),
    ] {
        widgets.update(&sid, params).await.expect("sent");
    }
    let sent = server.received_requests().await.expect("recorded");
    let pairs = |i: usize| form(&sent[i]);
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(pairs(0), [pair("LastIndex", "7"), pair("Label", "x")]);
    assert_eq!(pairs(1), [pair("LastIndex", ""), pair("Label", "")]);
    assert_eq!(pairs(2), [pair("Name", "only")]);
}

#[tokio::test]
async fn a_header_that_cant_be_one_is_refused_before_sending() {
    let server = MockServer::start().await;
    let err = client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .update(
            &WIDGET.parse().expect("a SID"),
            UpdateWidget::new().x_request_tag("a\r\nInjected: yes"),
        )
        .await
        .expect_err("refused");
    assert_eq!(err.validation().map(|v| v.target()), Some("X-Request-Tag"));
    assert!(server
        .received_requests()
        .await
        .expect("recorded")
        .is_empty());
}
