//! `Transport`: the URL of a request, what goes on the wire, and what comes back.

use super::builder::built;
use super::server::ClientBuilder;
use super::server::*;
use crate::__private::{Request, Transport};
use crate::error::Error;
use crate::path;
use crate::retry::RetryPolicy;
use crate::Auth;
use reqwest::Method;
use serde_json::Value;
use std::time::{Duration, Instant};
use wiremock::matchers::{body_string, header, method, path as path_is};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn request(path: &str, query: Vec<(&'static str, String)>) -> Request {
    Request::new("Invite.list", Method::GET, path.into()).query(query)
}

#[test]
fn url_for_appends_path_and_form_encoded_query() {
    let client = built(|b| b).unwrap();
    let url = client
        .url_for(&request(
            "/v1/Services/IS1/Channels/general%20chat/Invites",
            vec![
                ("Identity", "a b".into()),
                ("Identity", "c&d=é".into()),
                ("PageSize", "50".into()),
            ],
        ))
        .unwrap();
    assert_eq!(
        url.as_str(),
        "https://chat.twilio.com/v1/Services/IS1/Channels/general%20chat/Invites\
         ?Identity=a+b&Identity=c%26d%3D%C3%A9&PageSize=50"
    );
    // A base URL's path is a prefix.
    let proxied = built(|b| b.base_url("https://proxy.example.com/twilio/")).unwrap();
    let url = proxied.url_for(&request("/v1/Services", vec![])).unwrap();
    assert_eq!(url.as_str(), "https://proxy.example.com/twilio/v1/Services");
    let proxied = built(|b| b.base_url("https://proxy.example.com/twilio")).unwrap();
    let url = proxied.url_for(&request("/v1/Services", vec![])).unwrap();
    assert_eq!(url.as_str(), "https://proxy.example.com/twilio/v1/Services");
    assert!(client.url_for(&request("v1/Services", vec![])).is_err());
}

#[test]
fn next_page_must_stay_on_the_base_origin() {
    let client = built(|b| b).unwrap();
    let ok = client.next_page_url(
        "Invite.list",
        "https://chat.twilio.com/v1/Services?PageSize=50&Page=1&PageToken=PT1",
    );
    assert_eq!(
        ok.unwrap().as_str(),
        "https://chat.twilio.com/v1/Services?PageSize=50&Page=1&PageToken=PT1"
    );
    assert!(client
        .next_page_url("Invite.list", "https://chat.twilio.com:443/v1/x")
        .is_ok());
    for foreign in [
        "http://chat.twilio.com/v1/x",
        "https://chat.twilio.com:8443/v1/x",
        "https://evil.example.com/v1/x",
        "https://chat.twilio.com.evil.example.com/v1/x",
    ] {
        let err = client.next_page_url("Invite.list", foreign).unwrap_err();
        assert!(matches!(err, Error::Paging(_)), "{foreign}: {err}");
    }
    let err = client
        .next_page_url("Invite.list", "https://evil.example.com/v1/x")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "paging: Invite.list: not following the next page to https://evil.example.com, \
         which is not the client's https://chat.twilio.com"
    );
}

#[test]
fn regional_client_moves_default_host_next_pages_onto_its_host() {
    let client = built(|b| b.edge("sydney").region("au1")).unwrap();
    let url = client
        .next_page_url("Invite.list", "https://chat.twilio.com/v1/x?Page=1")
        .unwrap();
    assert_eq!(
        url.as_str(),
        "https://chat.sydney.au1.twilio.com/v1/x?Page=1"
    );
    let url = client
        .next_page_url(
            "Invite.list",
            "https://chat.sydney.au1.twilio.com/v1/x?Page=1",
        )
        .unwrap();
    assert_eq!(
        url.as_str(),
        "https://chat.sydney.au1.twilio.com/v1/x?Page=1"
    );
    assert!(client
        .next_page_url("Invite.list", "https://chat.dublin.ie1.twilio.com/v1/x")
        .is_err());
    assert!(client
        .next_page_url("Invite.list", "http://chat.twilio.com/v1/x")
        .is_err());
}

#[test]
fn request_debug_shows_form_keys_not_values() {
    let request =
        Request::new("Credential.create", Method::POST, "/v1/Credentials".into()).form(vec![
            ("Type", "apn".into()),
            ("Secret", super::builder::SECRET.into()),
        ]);
    let shown = format!("{request:?}");
    assert!(
        shown.contains("\"Secret\"") && !shown.contains(super::builder::SECRET),
        "{shown}"
    );
}

#[test]
fn request_debug_shows_json_keys_not_values() {
    let mut object = serde_json::Map::new();
    object.insert("name".into(), "shown as a key only".into());
    object.insert("secret".into(), super::builder::SECRET.into());
    let request = Request::new("Assistant.create", Method::POST, "/v1/Assistants".into())
        .json(serde_json::Value::Object(object));
    let shown = format!("{request:?}");
    assert!(
        shown.contains("\"secret\"")
            && !shown.contains(super::builder::SECRET)
            && !shown.contains("shown as a key only"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_json_body_is_sent_as_application_json() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(serde_json::json!({"sid": "x"})))
        .mount(&server)
        .await;
    let mut object = serde_json::Map::new();
    object.insert("name".into(), "ä \"quoted\"".into());
    object.insert("nested".into(), serde_json::json!({"list": [1, null]}));
    let request = Request::new("Assistant.create", Method::POST, "/v1/Assistants".into())
        .json(serde_json::Value::Object(object));
    let _: serde_json::Value = client(&server).send_json(request).await.expect("201");
    let sent = &requests(&server).await[0];
    assert_eq!(
        sent.headers
            .get("content-type")
            .map(|v| v.to_str().unwrap()),
        Some("application/json")
    );
    let body: serde_json::Value = serde_json::from_slice(&sent.body).expect("JSON");
    assert_eq!(
        body,
        serde_json::json!({"name": "ä \"quoted\"", "nested": {"list": [1, null]}})
    );
    assert_common_headers(sent);
}

#[test]
fn client_is_send_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<Transport>();
    assert_send_sync::<Error>();
}

#[tokio::test]
async fn every_request_carries_basic_auth_accept_and_user_agent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path_is(format!("{INVITES}/IN1")))
        .and(header("authorization", AUTHORIZATION))
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(invite(1)))
        .expect(1)
        .mount(&server)
        .await;
    let got: Invite = client(&server)
        .send_json(get(&format!("{INVITES}/IN1")))
        .await
        .unwrap();
    assert_eq!(got.identity, "user1");

    let sent = &requests(&server).await[0];
    let ua = sent
        .headers
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(ua.starts_with(&format!("{USER_AGENT} (")), "{ua}");
    assert!(ua.ends_with(") rust"), "{ua}");
}

/// An `Authorization` header parameter (Flex Insights' operations take one) is the
/// request's only credentials: the client's Basic auth is not sent beside it.
#[tokio::test]
async fn an_authorization_header_parameter_replaces_the_clients_credentials() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(invite(1)))
        .mount(&server)
        .await;
    let with_token =
        get(&format!("{INVITES}/IN1")).headers(vec![("Authorization", "Token abc".into())]);
    let _: Invite = client(&server).send_json(with_token).await.unwrap();
    let sent = &requests(&server).await[0];
    let all: Vec<&str> = sent
        .headers
        .get_all("authorization")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert_eq!(all, ["Token abc"]);
}

/// A POST with no parameters says so with `Content-Length: 0`, as Twilio's libraries
/// do: some front ends answer 411 to a POST without a length.
#[tokio::test]
async fn an_empty_post_sends_content_length_zero() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(invite(1)))
        .mount(&server)
        .await;
    let empty = Request::new("Invite.update", Method::POST, INVITES.into());
    client(&server)
        .send_json::<Invite>(empty)
        .await
        .expect("a record");
    let sent = requests(&server).await;
    assert_eq!(
        sent[0]
            .headers
            .get("content-length")
            .map(|v| v.to_str().unwrap_or("")),
        Some("0")
    );
    assert!(sent[0].body.is_empty());
}

#[tokio::test]
async fn create_sends_a_form_body_and_decodes_201() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path_is(INVITES))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string("Identity=ann+o%27neil%26co&RoleSid=RL1"))
        .respond_with(ResponseTemplate::new(201).set_body_json(invite(7)))
        .expect(1)
        .mount(&server)
        .await;
    let req = create(vec![
        ("Identity", "ann o'neil&co".into()),
        ("RoleSid", "RL1".into()),
    ]);
    let got: Invite = client(&server).send_json(req).await.unwrap();
    assert_eq!(
        got,
        Invite {
            sid: format!("IN{:032x}", 7),
            identity: "user7".into()
        }
    );
}

#[tokio::test]
async fn repeated_query_keys_and_encoded_path_segments_reach_the_server() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path_is(
            "/v1/Services/IS1/Channels/general%20chat%2F..%3F/Invites",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(0..0, "u", None)))
        .expect(1)
        .mount(&server)
        .await;
    let channel = path::segment("general chat/..?", "ChannelSid").unwrap();
    let req = Request::new(
        "Invite.list",
        Method::GET,
        format!("/v1/Services/IS1/Channels/{channel}/Invites"),
    )
    .query(vec![
        ("Identity", "a b".into()),
        ("Identity", "c".into()),
        ("PageSize", "2".into()),
    ]);
    let _: Value = client(&server).send_json(req).await.unwrap();
    let sent = &requests(&server).await[0];
    assert_eq!(sent.url.query(), Some("Identity=a+b&Identity=c&PageSize=2"));
}

#[tokio::test]
async fn delete_accepts_204_and_200_with_null_or_empty_bodies() {
    let server = MockServer::start().await;
    let respond = |at: &str, template: ResponseTemplate| {
        Mock::given(method("DELETE"))
            .and(path_is(format!("{INVITES}/{at}")))
            .respond_with(template)
    };
    respond("IN204", ResponseTemplate::new(204))
        .mount(&server)
        .await;
    respond("INnull", ResponseTemplate::new(200).set_body_string("null"))
        .mount(&server)
        .await;
    respond("INempty", ResponseTemplate::new(200))
        .mount(&server)
        .await;
    respond(
        "INhtml",
        ResponseTemplate::new(200).set_body_string("<html>login</html>"),
    )
    .mount(&server)
    .await;
    let client = client(&server);
    for at in ["IN204", "INnull", "INempty"] {
        client
            .send_empty(delete(&format!("{INVITES}/{at}")))
            .await
            .unwrap_or_else(|e| panic!("{at}: {e}"));
    }
    // Something that isn't JSON answered: that is not a successful delete.
    let err = client
        .send_empty(delete(&format!("{INVITES}/INhtml")))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                status: 200,
                operation: "Invite.delete",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_slow_answer_is_error_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(invite(1))
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let started = Instant::now();
    let err = no_secret(
        builder(&server)
            .timeout(ms(200))
            .build()
            .unwrap()
            .send_json::<Invite>(get("/v1/x"))
            .await
            .unwrap_err(),
    );
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.status(), None);
    assert_eq!(err.operation(), Some("Invite.fetch"));
    assert!(matches!(
        err,
        Error::Timeout {
            operation: "Invite.fetch",
            ..
        }
    ));
    assert_eq!(err.to_string(), "Invite.fetch: timed out");
    let took = started.elapsed();
    assert!(took >= ms(150) && took < Duration::from_secs(2), "{took:?}");
    // Timeouts aren't retried: the server may be working on the first attempt.
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn a_refused_connection_is_error_connect() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = ClientBuilder::new(Auth::auth_token(SID, TOKEN))
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::default().base_delay(ms(1)))
        .build()
        .unwrap();
    let err = client.send_json::<Value>(get("/v1/x")).await.unwrap_err();
    assert!(err.is_connect(), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Invite.fetch: could not connect to 127.0.0.1"
    );
}

#[tokio::test]
async fn headers_are_sent_as_given_and_refused_when_they_cant_be_headers() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header("x-twilio-webhook-enabled", "false"))
        .respond_with(ResponseTemplate::new(201).set_body_json(invite(1)))
        .expect(1)
        .mount(&server)
        .await;
    let with = |value: &str| {
        create(vec![("Identity", "a".into())])
            .headers(vec![("X-Twilio-Webhook-Enabled", value.into())])
    };
    let _: Invite = client(&server).send_json(with("false")).await.unwrap();
    for bad in ["a\nb", "x\r\nInjected: 1", "\u{7f}"] {
        let err = client(&server)
            .send_json::<Invite>(with(bad))
            .await
            .expect_err(bad);
        let refused = err
            .validation()
            .unwrap_or_else(|| panic!("{bad:?}: {err:?}"));
        assert_eq!(refused.target(), "X-Twilio-Webhook-Enabled");
        assert_eq!(refused.problem(), &crate::Problem::NotHeaderText);
    }
    assert_eq!(requests(&server).await.len(), 1, "nothing bad was sent");
}
