//! `ClientBuilder`: base URL, region and edge, `User-Agent`, the environment.

use super::server;
use super::server::ClientBuilder;
use crate::__private::Transport;
use crate::error::Error;
use crate::Auth;
use serde_json::Value;
use std::collections::HashMap;
use std::ffi::OsString;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// An auth token that must never be shown.
pub(super) const SECRET: &str = "s3cr3t-t0ken-value";

pub(super) fn creds() -> Auth {
    Auth::auth_token("AC00000000000000000000000000000000", SECRET)
}

/// A client for the default base URL with what `f` sets; nothing is sent.
pub(super) fn built(f: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Result<Transport, Error> {
    f(ClientBuilder::new(creds())).build()
}

#[test]
fn default_base_url_and_regions() {
    let host = |f: fn(ClientBuilder) -> ClientBuilder| built(f).unwrap().base_url().to_owned();
    assert_eq!(host(|b| b), "https://chat.twilio.com/");
    assert_eq!(host(|b| b.region("ie1")), "https://chat.ie1.twilio.com/");
    assert_eq!(
        host(|b| b.edge("dublin")),
        "https://chat.dublin.us1.twilio.com/"
    );
    assert_eq!(
        host(|b| b.edge("Dublin").region("IE1")),
        "https://chat.dublin.ie1.twilio.com/"
    );
    // A base URL wins over region and edge.
    assert_eq!(
        host(|b| b.region("ie1").base_url("http://127.0.0.1:8080/")),
        "http://127.0.0.1:8080/"
    );
    for bad in ["", "ie1.evil.com", "ie 1", "-ie1", "ie1/x"] {
        let err = built(|b| b.region(bad)).unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{bad:?}: {err}");
    }
}

#[test]
fn base_url_must_be_https_unless_loopback() {
    for ok in [
        "https://example.com",
        "https://proxy.example.com/twilio/",
        "http://127.0.0.1",
        "http://127.0.0.1:9999",
        "http://127.8.9.10:1",
        "http://localhost:3000",
        "http://LOCALHOST",
        "http://[::1]:8080",
        "http://127.1",
        "http://[0:0::1]",
    ] {
        assert!(built(|b| b.base_url(ok)).is_ok(), "{ok}");
    }
    for bad in [
        "http://example.com",
        "http://128.0.0.1",
        "http://[::2]",
        "http://localhost.example.com",
        "ftp://127.0.0.1",
        "file:///tmp/x",
        "not a url",
        "https://example.com/?x=1",
        "https://example.com/#x",
    ] {
        let err = built(|b| b.base_url(bad)).unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{bad}: {err}");
    }
    let err = built(|b| b.base_url("http://example.com")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "client configuration: the base URL `http://example.com/` must use https \
         (http is allowed only to localhost, 127.0.0.0/8 and ::1)"
    );
}

#[test]
fn base_url_with_password_is_refused_without_echoing_it() {
    let builder =
        ClientBuilder::new(creds()).base_url(format!("https://user:{SECRET}@example.com"));
    let shown = format!("{builder:?}");
    assert!(
        shown.contains("https://user:redacted@example.com/") && !shown.contains(SECRET),
        "{shown}"
    );
    let err = builder.build().unwrap_err();
    assert!(matches!(err, Error::Config(_)));
    assert!(!format!("{err} {err:?}").contains(SECRET));
    let err = built(|b| b.base_url(format!("https://user:{SECRET}@exa mple.com"))).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(SECRET));
}

#[tokio::test]
async fn user_agent_names_crate_version_and_platform() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    let client = server::builder(&server)
        .user_agent_suffix("my-app/2.0")
        .build()
        .unwrap();
    let _: Value = client.send_json(server::get("/v1/x")).await.unwrap();
    let sent = &server::requests(&server).await[0];
    let ua = sent
        .headers
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let want = format!(
        "{} ({} {}) rust my-app/2.0",
        server::USER_AGENT,
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    assert_eq!(ua, want);
    assert!(built(|b| b.user_agent_suffix("bad\nsuffix")).is_err());
}

fn env(vars: &[(&str, &str)]) -> Result<ClientBuilder, Error> {
    let map: HashMap<String, OsString> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
        .collect();
    ClientBuilder::from_lookup(|name| map.get(name).cloned())
}

#[test]
fn environment_auth_token_api_key_region_edge() {
    let b = env(&[
        ("TWILIO_ACCOUNT_SID", "AC1"),
        ("TWILIO_AUTH_TOKEN", " tok\n"),
    ])
    .unwrap();
    assert_eq!(b.credentials.username(), "AC1");
    assert_eq!(b.credentials.secret().expose(), "tok");
    let b = env(&[
        ("TWILIO_ACCOUNT_SID", "AC1"),
        ("TWILIO_AUTH_TOKEN", "tok"),
        ("TWILIO_API_KEY", "SK1"),
        ("TWILIO_API_SECRET", "sec"),
        ("TWILIO_REGION", "ie1"),
        ("TWILIO_EDGE", "dublin"),
    ])
    .unwrap();
    assert_eq!(
        (b.credentials.account_sid(), b.credentials.username()),
        ("AC1", "SK1")
    );
    assert_eq!(b.credentials.secret().expose(), "sec");
    assert_eq!(
        b.build().unwrap().base_url(),
        "https://chat.dublin.ie1.twilio.com/"
    );

    let message = |vars: &[(&str, &str)]| env(vars).unwrap_err().to_string();
    assert_eq!(
        message(&[("TWILIO_AUTH_TOKEN", "tok")]),
        "client configuration: the environment variable TWILIO_ACCOUNT_SID is not set"
    );
    assert_eq!(
        message(&[("TWILIO_ACCOUNT_SID", "AC1"), ("TWILIO_AUTH_TOKEN", "")]),
        "client configuration: set TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET"
    );
    assert_eq!(
        message(&[
            ("TWILIO_ACCOUNT_SID", "AC1"),
            ("TWILIO_API_KEY", "SK1"),
            ("TWILIO_AUTH_TOKEN", "tok")
        ]),
        "client configuration: TWILIO_API_KEY is set but TWILIO_API_SECRET is not"
    );
}

#[test]
fn from_env_reads_the_process_environment() {
    // Whatever the environment holds: the tests don't change it, since other threads
    // may be reading it.
    let shown = |b: Result<ClientBuilder, Error>| match b {
        Ok(builder) => format!("{builder:?}"),
        Err(e) => e.to_string(),
    };
    assert_eq!(
        shown(ClientBuilder::from_env()),
        shown(ClientBuilder::from_lookup(|name| std::env::var_os(name)))
    );
}
