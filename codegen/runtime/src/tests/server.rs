//! What the tests that send share: credentials, a client for a loopback server
//! (wiremock), requests built by hand as generated code builds them, and a listing
//! of invites to page through.

use crate::__private::{Request, Transport};
use crate::error::Error;
use crate::page::Page;
use crate::page::PageMeta;
use crate::retry::RetryPolicy;
use crate::Auth;
use reqwest::Method;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;
use wiremock::MockServer;

pub const SID: &str = "AC0123456789abcdef0123456789abcdef";
pub const TOKEN: &str = "tok-9f8e7d6c-super-secret";
/// `Basic ` and base64 of `{SID}:{TOKEN}`.
pub const AUTHORIZATION: &str =
    "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjp0b2stOWY4ZTdkNmMtc3VwZXItc2VjcmV0";
pub const INVITES: &str = "/v1/Services/IS0123456789abcdef0123456789abcdef/Channels/CH1/Invites";
/// The default base URL of the API the tests pretend to serve.
pub const DEFAULT_BASE_URL: &str = "https://chat.twilio.com";
/// The start of the `User-Agent` of the API the tests pretend to serve.
pub const USER_AGENT: &str = "twilio-test-v1/1.2.3";

/// The API the tests pretend to serve: its client is the bare transport.
impl crate::__private::ApiClient for Transport {
    const DEFAULT_BASE_URL: &'static str = DEFAULT_BASE_URL;
    const USER_AGENT: &'static str = USER_AGENT;

    fn from_transport(transport: Transport) -> Self {
        transport
    }
}

/// The builder of the API the tests pretend to serve.
pub type ClientBuilder = crate::ClientBuilder<Transport>;

pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// A builder for `server`, with backoffs of a few milliseconds.
pub fn builder(server: &MockServer) -> ClientBuilder {
    ClientBuilder::new(Auth::auth_token(SID, TOKEN))
        .base_url(server.uri())
        .retry_policy(RetryPolicy::default().base_delay(ms(1)).max_delay(ms(5)))
}

/// A client for `server`; see [`builder`].
pub fn client(server: &MockServer) -> Transport {
    builder(server)
        .build()
        .expect("a loopback base URL is accepted")
}

pub fn get(path: &str) -> Request {
    Request::new("Invite.fetch", Method::GET, path.into())
}

pub fn delete(path: &str) -> Request {
    Request::new("Invite.delete", Method::DELETE, path.into())
}

pub fn create(form: Vec<(&'static str, String)>) -> Request {
    Request::new("Invite.create", Method::POST, INVITES.into()).form(form)
}

pub fn list(query: Vec<(&'static str, String)>) -> Request {
    Request::new("Invite.list", Method::GET, INVITES.into()).query(query)
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct Invite {
    pub sid: String,
    pub identity: String,
}

#[derive(Deserialize)]
pub struct InvitePage {
    invites: Vec<Invite>,
    meta: PageMeta,
}

impl Page for InvitePage {
    type Item = Invite;
    const RECORDS: &'static str = "invites";
    fn records_mut(&mut self) -> &mut Vec<Invite> {
        &mut self.invites
    }
    fn into_parts(self) -> (Vec<Invite>, PageMeta) {
        (self.invites, self.meta)
    }
}

pub fn invite(n: u32) -> Value {
    json!({"sid": format!("IN{n:032x}"), "identity": format!("user{n}")})
}

/// A page envelope holding invites `records`, linking to `next`.
pub fn page(records: std::ops::Range<u32>, url: &str, next: Option<String>) -> Value {
    json!({
        "invites": records.map(invite).collect::<Vec<_>>(),
        "meta": {"first_page_url": url, "key": "invites", "next_page_url": next,
                 "page": 0, "page_size": 2, "previous_page_url": null, "url": url}
    })
}

/// Twilio's JSON error body.
pub fn twilio_error(status: u16, code: i64, message: &str) -> Value {
    json!({
        "code": code,
        "message": message,
        "more_info": format!("https://www.twilio.com/docs/errors/{code}"),
        "status": status,
    })
}

/// Every request `server` received, in order.
pub async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

/// Checks what every request carries: Basic auth, `Accept` and the `User-Agent`.
pub fn assert_common_headers(sent: &wiremock::Request) {
    let header = |name: &str| {
        let values: Vec<_> = sent.headers.get_all(name).iter().collect();
        assert_eq!(values.len(), 1, "header {name}: {values:?}");
        values[0].to_str().expect("visible ASCII").to_owned()
    };
    assert_eq!(header("authorization"), AUTHORIZATION);
    assert_eq!(header("accept"), "application/json");
    let agent = header("user-agent");
    assert!(agent.starts_with(&format!("{USER_AGENT} (")), "{agent}");
}

/// Checks that an error says nothing of the auth token, in `Display`, `Debug` or
/// any of its sources, and hands it back.
pub fn no_secret(err: Error) -> Error {
    let mut shown = format!("{err} {err:?}");
    let mut source = std::error::Error::source(&err);
    while let Some(inner) = source {
        shown.push_str(&format!(" {inner} {inner:?}"));
        source = inner.source();
    }
    assert!(!shown.contains(TOKEN), "the error shows the token: {shown}");
    assert!(
        !shown.contains(&AUTHORIZATION["Basic ".len()..]),
        "the error shows the credentials: {shown}"
    );
    err
}
