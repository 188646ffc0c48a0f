//! `Error`: answers mapped to errors, and what the errors say.

use super::server::*;
use crate::error::*;
use crate::retry::RetryPolicy;
use crate::validate::{Problem, ValidationError};
use serde_json::{json, Value};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn twilio_json_error_becomes_api_error() {
    let body = br#"{"code": 20404, "message": "The requested resource /v1/Services/IS00 was not found",
        "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404, "details": {"x": 1}}"#;
    let err = Error::from_response("Invite.fetch", 404, body);
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 404);
    assert_eq!(api.code, Some(20404));
    assert_eq!(
        api.message,
        "The requested resource /v1/Services/IS00 was not found"
    );
    assert_eq!(
        api.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20404")
    );
    assert_eq!(api.details, Some(serde_json::json!({"x": 1})));
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some(20404));
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.operation(), Some("Invite.fetch"));
    assert_eq!(
        err.to_string(),
        "Invite.fetch: Twilio error 20404 (HTTP 404): The requested resource /v1/Services/IS00 was not found \
         (see https://www.twilio.com/docs/errors/20404)"
    );
}

#[test]
fn other_bodies_become_http_errors() {
    for body in [
        &b"<html>Bad Gateway</html>"[..],
        b"",
        b"[1,2]",
        br#"{"error": "nope"}"#,
    ] {
        let err = Error::from_response("Invite.list", 502, body);
        assert!(matches!(err, Error::Http { status: 502, .. }), "{err:?}");
        assert_eq!(err.code(), None);
        assert_eq!(err.status(), Some(502));
    }
    let err = Error::from_response("Invite.list", 502, b"<html>Bad Gateway</html>\n");
    assert_eq!(
        err.to_string(),
        "Invite.list: HTTP 502 without a Twilio error body: <html>Bad Gateway</html>"
    );
}

#[test]
fn snippet_cuts_on_a_character_boundary() {
    let short = "é".repeat(10);
    assert_eq!(snippet(short.as_bytes()), short);
    // 511 ASCII bytes then a two-byte character that straddles byte 512.
    let long = format!("{}é{}", "a".repeat(511), "b".repeat(100));
    let cut = snippet(long.as_bytes());
    assert_eq!(cut, format!("{}…", "a".repeat(511)));
    // Invalid UTF-8 doesn't panic.
    let bytes = vec![0xff; 2000];
    assert!(snippet(&bytes).len() <= SNIPPET_BYTES + "…".len());
}

#[test]
fn validation_errors_convert_and_print_the_rule() {
    let err: Error = ValidationError::new("ChannelSid", Problem::Empty).into();
    assert_eq!(err.validation().map(|v| v.target()), Some("ChannelSid"));
    assert_eq!(err.to_string(), "invalid ChannelSid: must not be empty");
    assert_eq!(err.status(), None);
    assert!(!err.is_not_found());
}

#[test]
fn error_stays_small() {
    // Every call's `Result` carries this; clippy's `result_large_err` draws the line
    // at 128 bytes, which is why `Api` is boxed.
    assert!(
        std::mem::size_of::<Error>() <= 128,
        "{}",
        std::mem::size_of::<Error>()
    );
}

#[tokio::test]
async fn a_404_answer_with_twilio_json_becomes_error_api() {
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
async fn twilio_json_errors_of_any_status_become_api_errors() {
    let cases = [
        (
            400,
            21201,
            "Invalid parameter: Identity",
            Some(json!({"parameter": "Identity"})),
        ),
        (401, 20003, "Authenticate", None),
        (
            404,
            20404,
            "The requested resource /v1/Services/IS/Channels/CH/Invites/IN was not found",
            Some(json!({"resource": "Invite", "hints": ["check the SID", 2]})),
        ),
        (429, 20429, "Too Many Requests", None),
        (500, 20500, "Internal Server Error", Some(json!({}))),
    ];
    for (status, code, message, details) in cases {
        let server = MockServer::start().await;
        let mut body = twilio_error(status, code, message);
        if let Some(details) = &details {
            body["details"] = details.clone();
        }
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(status).set_body_json(body))
            .mount(&server)
            .await;
        let once = builder(&server)
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap();
        let err = no_secret(
            once.send_json::<Value>(get(&format!("{INVITES}/IN1")))
                .await
                .expect_err("an error answer"),
        );
        assert_eq!(err.status(), Some(status), "{err}");
        assert_eq!(err.code(), Some(code), "{err}");
        assert_eq!(err.is_not_found(), status == 404, "{err}");
        assert!(!err.is_timeout());
        assert!(err.validation().is_none());
        assert_eq!(err.operation(), Some("Invite.fetch"));
        let api = err.api().expect("an API error");
        assert_eq!(api.operation, "Invite.fetch");
        assert_eq!(api.status, status);
        assert_eq!(api.code, Some(code));
        assert_eq!(api.message, message);
        let link = format!("https://www.twilio.com/docs/errors/{code}");
        assert_eq!(api.more_info.as_deref(), Some(link.as_str()));
        assert_eq!(api.details, details);
        assert_eq!(
            err.to_string(),
            format!("Invite.fetch: Twilio error {code} (HTTP {status}): {message} (see {link})")
        );
        assert_eq!(requests(&server).await.len(), 1, "HTTP {status}");
    }
}

#[tokio::test]
async fn a_404_on_delete_is_not_found_and_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(404).set_body_json(twilio_error(
            404,
            20404,
            "The requested resource was not found",
        )))
        .mount(&server)
        .await;
    let err = no_secret(
        client(&server)
            .send_empty(delete(&format!("{INVITES}/IN1")))
            .await
            .expect_err("404"),
    );
    assert!(err.is_not_found(), "{err}");
    assert_eq!(err.code(), Some(20404));
    assert_eq!(err.operation(), Some("Invite.delete"));
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn html_502_becomes_error_http_with_a_truncated_body() {
    let server = MockServer::start().await;
    let html = format!("<html><body>{}</body></html>", "Bad gateway ".repeat(200));
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(html.clone(), "text/html"))
        .mount(&server)
        .await;
    let err = no_secret(
        client(&server)
            .send_json::<Invite>(get("/v1/x"))
            .await
            .unwrap_err(),
    );
    match &err {
        Error::Http {
            status: 502,
            operation: "Invite.fetch",
            body,
        } => {
            assert!(body.len() <= 512 + "…".len(), "{}", body.len());
            assert!(body.starts_with("<html><body>Bad gateway"), "{body}");
            let kept = body.strip_suffix('…').expect("marked as cut");
            assert!(html.starts_with(kept), "{body}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!((err.status(), err.code()), (Some(502), None));
    assert!(err.api().is_none());
    assert!(!err.is_not_found());
    assert_eq!(err.operation(), Some("Invite.fetch"));
    assert!(err.to_string().starts_with(
        "Invite.fetch: HTTP 502 without a Twilio error body: <html><body>Bad gateway"
    ));
    // 502 is not among the retried statuses.
    assert_eq!(requests(&server).await.len(), 1);
}

/// A 2xx body that can't be read at all: the error says the request succeeded and
/// keeps the whole body, so a caller can recover what was created.
#[tokio::test]
async fn a_2xx_body_of_the_wrong_shape_is_error_decode_with_the_whole_body() {
    let server = MockServer::start().await;
    let long = format!(r#"{{"sid": 5, "note": "{}"}}"#, "x".repeat(2000));
    for (body, says) in [
        (long.as_str(), "missing field `identity`"),
        (r#"[1, 2]"#, "invalid type: integer `1`"),
        ("<html>created</html>", "expected value"),
    ] {
        server.reset().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(201).set_body_string(body))
            .mount(&server)
            .await;
        let err = client(&server)
            .send_json::<Invite>(create(Vec::new()))
            .await
            .unwrap_err();
        let shown = err.to_string();
        match err {
            Error::Decode {
                status,
                message,
                snippet,
                body: whole,
                ..
            } => {
                assert_eq!(status, 201);
                assert!(message.contains(says), "{message}");
                assert_eq!(whole, body.as_bytes());
                assert!(snippet.len() <= 515, "{}", snippet.len());
                assert!(
                    shown.contains("the request succeeded (HTTP 201)"),
                    "{shown}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
