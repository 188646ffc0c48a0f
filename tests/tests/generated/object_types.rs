//! Object types (`types:` with `properties:`): structs decoded from answers, nested
//! and in arrays, and sent as JSON objects in a JSON body or as their JSON text in a
//! form; the fixture crate `fixture-everything` against a loopback server.

use fixture_everything::resources::assistant::CreateAssistant;
use fixture_everything::resources::widget::CreateWidget;
use fixture_everything::types::{Capabilities, CapabilitiesMode, Price};
use fixture_everything::{Auth, Client};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const BOX: &str = "BXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const WIDGET: &str = "WGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn client(server: &MockServer) -> Client {
    Client::builder(Auth::auth_token("AC00000000000000000000000000000000", "t"))
        .base_url(server.uri())
        .build()
        .expect("a client")
}

fn price(amount: f64, currency: &str) -> Price {
    let mut price = Price::default();
    price.amount = Some(amount);
    price.currency = Some(currency.into());
    price
}

async fn fetch_answering(
    body: serde_json::Value,
) -> Result<fixture_everything::resources::widget::Widget, fixture_everything::Error> {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/Boxes/{BOX}/Widgets/{WIDGET}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .fetch(&WIDGET.parse().expect("a SID"))
        .await
}

#[tokio::test]
async fn a_typed_object_decodes_into_its_struct_nested_and_in_arrays() {
    let widget = fetch_answering(json!({
        "sid": WIDGET,
        "capabilities": {
            "voice": true,
            "sms": null,
            "mode": "sandbox",
            "since": "2026-12-01T10:00:00Z",
            "price": {"amount": 0.5, "currency": "USD", "tier": "new key"},
            "mms": true,
        },
        "prices": [{"amount": 1.25, "currency": "EUR"}, {}],
    }))
    .await
    .expect("decodes");
    let caps = widget.capabilities.expect("present");
    assert_eq!(caps.voice, Some(true));
    assert_eq!(caps.sms, None);
    assert_eq!(
        caps.fax_pages, 0,
        "a body without it decodes to its default"
    );
    assert_eq!(caps.mode, Some(CapabilitiesMode::Unknown("sandbox".into())));
    assert_eq!(caps.since.map(|t| t.unix_timestamp()), Some(1_796_119_200));
    assert_eq!(caps.price, Some(price(0.5, "USD")));
    assert_eq!(
        widget.prices,
        Some(vec![price(1.25, "EUR"), Price::default()])
    );
}

/// A typed object with a field of the wrong type is read without that field, which
/// the record names with its path; one that is not an object is left out whole.
#[tokio::test]
async fn a_typed_object_of_the_wrong_shape_is_read_without_the_odd_field() {
    for (wrong, unread) in [
        (json!({"voice": "yes", "sms": true}), "capabilities.voice"),
        (
            json!({"price": {"amount": "cheap"}, "sms": true}),
            "capabilities.price.amount",
        ),
        (
            json!({"fax_pages": -1, "sms": true}),
            "capabilities.fax_pages",
        ),
        // Not read by position, as serde's derive would have tried: named whole.
        (json!(["voice"]), "capabilities"),
    ] {
        let widget = fetch_answering(json!({"sid": WIDGET, "capabilities": wrong}))
            .await
            .unwrap_or_else(|e| panic!("{wrong}: {e}"));
        assert!(widget.sid.is_some(), "{wrong}");
        let paths: Vec<&str> = widget
            .unread_fields
            .iter()
            .map(|u| u.path.as_str())
            .collect();
        assert_eq!(paths, [unread], "{wrong}");
        match &widget.capabilities {
            Some(caps) => assert_eq!(caps.sms, Some(true), "{wrong}"),
            None => assert_eq!(unread, "capabilities"),
        }
    }
}

/// In a JSON body, an object is a JSON object under its wire names: what is set, and
/// nothing for what is not (no `null` a consumer did not ask for).
#[tokio::test]
async fn a_typed_object_goes_as_a_json_object_in_a_json_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({ "sid": "AS1" })))
        .mount(&server)
        .await;
    let mut caps = Capabilities::default();
    caps.voice = Some(false);
    caps.mode = Some(CapabilitiesMode::Test);
    caps.since = Some(time::OffsetDateTime::from_unix_timestamp(1_796_119_200).expect("a time"));
    caps.price = Some(price(2.0, "GBP"));
    client(&server)
        .assistants()
        .create(
            CreateAssistant::new("Ada")
                .capabilities(caps)
                .prices([price(1.0, "USD"), Price::default()]),
        )
        .await
        .expect("201");
    let sent = &server.received_requests().await.expect("recorded")[0];
    let body: serde_json::Value = serde_json::from_slice(&sent.body).expect("JSON");
    assert_eq!(
        body,
        json!({
            "name": "Ada",
            "capabilities": {
                "voice": false,
                "fax_pages": 0,
                "mode": "test",
                "since": "2026-12-01T10:00:00Z",
                "price": {"amount": 2.0, "currency": "GBP"},
            },
            "prices": [{"amount": 1.0, "currency": "USD"}, {}],
        })
    );
}

fn form(request: &Request) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(&request.body).expect("a form body")
}

/// In a form, an object is one value: its JSON text, as Twilio's libraries send one.
#[tokio::test]
async fn a_typed_object_goes_as_its_json_text_in_a_form() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({ "sid": WIDGET })))
        .mount(&server)
        .await;
    let mut caps = Capabilities::default();
    caps.sms = Some(true);
    client(&server)
        .widgets(&BOX.parse().expect("a SID"))
        .create(CreateWidget::new("w", 1, "pw").capabilities(caps))
        .await
        .expect("201");
    let sent = &server.received_requests().await.expect("recorded")[0];
    let caps: Vec<String> = form(sent)
        .into_iter()
        .filter(|(k, _)| k == "Capabilities")
        .map(|(_, v)| v)
        .collect();
    assert_eq!(caps, [r#"{"sms":true,"fax_pages":0}"#]);
}
