//! What the generated code puts into errors: each operation's name, and the type
//! that reads each 2xx answer. How answers become `Error` (Twilio's JSON errors,
//! other bodies, retries) is tested in `codegen/runtime/tests/error.rs`.

use super::*;
use serde_json::json;
use twilio_chat_v1::resources::invite::{CreateInvite, ListInvites};
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

fn twilio_error(status: u16, code: i64, message: &str) -> Value {
    json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status,
    })
}

#[tokio::test]
async fn every_operation_names_itself_in_api_errors() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(json(400, &twilio_error(400, 20001, "Bad")))
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
async fn a_2xx_body_that_does_not_decode_is_a_decode_error_naming_the_operation() {
    // Bodies that are no record at all: an odd field alone is read around (see
    // `odd_answers`), but a string, a number or HTML is not a record.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(instance_path()))
        .respond_with(json(200, &json!("an invite")))
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
        .respond_with(json(201, &json!(7)))
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
