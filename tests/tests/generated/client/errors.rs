//! Non-2xx answers and 2xx answers that don't decode, mapped to `Error`.

use super::*;
use serde_json::json;
use twilio_chat_v1::{CreateInvite, ListInvites};
use wiremock::matchers::{method, path};
use wiremock::Mock;

/// A client that sends every request once.
fn invites_without_retries(server: &MockServer) -> Invites {
    builder(server)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client builds")
        .invites(&SERVICE_SID.parse().unwrap(), CHANNEL_SID)
}

fn twilio_error(status: u16, code: i64, message: &str, details: Option<Value>) -> Value {
    let mut body = json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status,
    });
    if let Some(details) = details {
        body["details"] = details;
    }
    body
}

#[tokio::test]
async fn twilio_json_errors_become_api_errors() {
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
        Mock::given(method("GET"))
            .and(path(instance_path()))
            .respond_with(json(
                status,
                &twilio_error(status, code, message, details.clone()),
            ))
            .mount(&server)
            .await;

        let err = no_secret(
            invites_without_retries(&server)
                .fetch(&INVITE_SID.parse().unwrap())
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
        assert_eq!(received(&server).await.len(), 1, "HTTP {status}");
    }
}

#[tokio::test]
async fn every_operation_names_itself_in_api_errors() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(json(400, &twilio_error(400, 20001, "Bad", None)))
        .mount(&server)
        .await;
    let invites = invites_without_retries(&server);
    let sid = INVITE_SID.parse().unwrap();
    let errors = [
        invites.create(CreateInvite::new("alice")).await.map(drop),
        invites.fetch(&sid).await.map(drop),
        invites.list(ListInvites::new()).await.map(drop),
        invites.delete(&sid).await,
    ];
    let operations: Vec<_> = errors
        .into_iter()
        .map(|r| {
            let err = no_secret(r.expect_err("400"));
            assert_eq!(err.code(), Some(20001));
            assert!(!err.is_not_found());
            err.api().expect("API error").operation
        })
        .collect();
    assert_eq!(
        operations,
        [
            "Invite.create",
            "Invite.fetch",
            "Invite.list",
            "Invite.delete"
        ]
    );
}

#[tokio::test]
async fn a_404_on_delete_is_not_found() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(json(
            404,
            &twilio_error(404, 20404, "The requested resource was not found", None),
        ))
        .mount(&server)
        .await;
    let err = no_secret(
        invites(&server)
            .delete(&INVITE_SID.parse().unwrap())
            .await
            .expect_err("404"),
    );
    assert!(err.is_not_found(), "{err}");
    // 404 is not retried.
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_502_html_page_is_an_http_error_with_a_truncated_body() {
    let server = MockServer::start().await;
    let page = format!(
        "<html><head><title>502 Bad Gateway</title></head><body>{}</body></html>",
        "upstream went away; ".repeat(100)
    );
    assert!(page.len() > 1000);
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(502).set_body_raw(page.clone().into_bytes(), "text/html"),
        )
        .mount(&server)
        .await;

    let err = no_secret(
        invites(&server)
            .fetch(&INVITE_SID.parse().unwrap())
            .await
            .expect_err("502"),
    );
    assert_eq!(err.status(), Some(502));
    assert_eq!(err.code(), None);
    assert!(err.api().is_none());
    assert!(!err.is_not_found());
    assert_eq!(err.operation(), Some("Invite.fetch"));
    match &err {
        Error::Http {
            operation,
            status,
            body,
        } => {
            assert_eq!(*operation, "Invite.fetch");
            assert_eq!(*status, 502);
            assert!(
                body.len() < page.len(),
                "not truncated: {} bytes",
                body.len()
            );
            assert!(body.len() <= 512 + '…'.len_utf8(), "{} bytes", body.len());
            let kept = body.strip_suffix('…').expect("marked as cut");
            assert!(page.starts_with(kept), "{body}");
            assert!(kept.starts_with("<html><head><title>502 Bad Gateway"));
        }
        other => panic!("expected Error::Http, got {other:?}"),
    }
    assert!(err.to_string().starts_with(
        "Invite.fetch: HTTP 502 without a Twilio error body: <html><head><title>502 Bad Gateway"
    ));
    // 502 is not among the retried statuses.
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_2xx_body_that_does_not_decode_is_a_decode_error_naming_the_operation() {
    let server = MockServer::start().await;
    let mut bad_sid = example("invite_fetch.json");
    bad_sid["sid"] = "XX0123".into();
    Mock::given(method("GET"))
        .and(path(instance_path()))
        .respond_with(json(200, &bad_sid))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(collection_path(CHANNEL_SID)))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(&b"<html>login</html>"[..], "text/html"),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(json(201, &json!({"invites": "not an invite", "sid": 7})))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(&b"<html>deleted?</html>"[..], "text/html"),
        )
        .mount(&server)
        .await;

    let invites = invites(&server);
    let sid = INVITE_SID.parse().unwrap();
    let cases = [
        (invites.fetch(&sid).await.map(drop), "Invite.fetch", 200),
        (
            invites.list(ListInvites::new()).await.map(drop),
            "Invite.list",
            200,
        ),
        (
            invites.create(CreateInvite::new("alice")).await.map(drop),
            "Invite.create",
            201,
        ),
        (invites.delete(&sid).await, "Invite.delete", 200),
    ];
    for (result, name, code) in cases {
        let err = no_secret(result.expect_err(name));
        assert!(
            matches!(&err, Error::Decode { operation, status, .. } if *operation == name && *status == code),
            "{err:?}"
        );
        assert_eq!(err.status(), Some(code));
        assert_eq!(err.code(), None);
        assert!(err.api().is_none());
        assert!(err.to_string().starts_with(&format!("{name}: ")), "{err}");
    }
}
