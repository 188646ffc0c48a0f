//! The generated client against a real HTTP server on loopback (wiremock): what the
//! generator decides. For each operation, the method, path and its encoding, form or
//! query, the types that read the answers and the name errors carry; what is refused
//! before sending; the docs' example programs.
//!
//! How the runtime sends (retries, timeouts, paging, errors, secrets) is tested once,
//! in `codegen/runtime/tests/`, with requests built by hand.
//!
//! Nothing here mocks the client: every test starts a `MockServer` and points the
//! client's base URL at it, then checks the raw requests the server received.

mod errors;
pub mod example_program;
mod guards;
mod http_client;
mod ops;

use serde_json::Value;
use std::time::Duration;
use tests::fixture;
use twilio_chat_v1::resources::invite::Invite;
use twilio_chat_v1::resources::invite::Invites;
use twilio_chat_v1::{Auth, Client, ClientBuilder, Error, RetryPolicy};
use wiremock::{Match, MockServer, Request, ResponseTemplate};

/// The Account SID the tests authenticate as.
pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789ABCDEF";
/// The auth token: must never show up in any `Debug` or `Display` output.
pub const AUTH_TOKEN: &str = "tok-s3cr3t-9f8e7d6c5b4a";
/// The SIDs of Twilio's example bodies.
pub const SERVICE_SID: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
pub const CHANNEL_SID: &str = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
pub const INVITE_SID: &str = "INaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
pub const ROLE_SID: &str = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// `2015-07-30T20:00:00Z`, the date of every example body.
pub const EXAMPLE_DATE_UNIX: i64 = 1_438_286_400;

/// The Invites collection path for the example service and `channel` (already
/// percent-encoded by the caller when it needs to be).
pub fn collection_path(channel: &str) -> String {
    format!("/v1/Services/{SERVICE_SID}/Channels/{channel}/Invites")
}

/// The example Invite's own path.
pub fn instance_path() -> String {
    format!("{}/{INVITE_SID}", collection_path(CHANNEL_SID))
}

/// A builder pointed at `server`, with the test credentials and retries that wait
/// at most a few milliseconds when the server gives no `Retry-After`.
pub fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder(Auth::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(server.uri())
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(2)))
}

/// A client for `server`; see [`builder`].
pub fn client(server: &MockServer) -> Client {
    let client = builder(server).build().expect("client builds");
    let shown = format!("{client:?}");
    assert!(
        !shown.contains(AUTH_TOKEN),
        "client Debug shows the token: {shown}"
    );
    client
}

/// The Invites of the example service and channel on `server`.
pub fn invites(server: &MockServer) -> Invites {
    client(server).invites(&SERVICE_SID.parse().expect("service SID"), CHANNEL_SID)
}

/// An example body from Twilio's OpenAPI description (`tests/fixtures/openapi/`).
pub fn example(file: &str) -> Value {
    serde_json::from_str(&fixture(&format!("openapi/{file}"))).expect("fixture is JSON")
}

/// An answer with `status` and `body` as `application/json`.
pub fn json(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_string().into_bytes(), "application/json")
}

/// Every request `server` received, in order.
pub async fn received(server: &MockServer) -> Vec<Request> {
    server
        .received_requests()
        .await
        .expect("request recording is on")
}

/// The one value of header `name`, as text.
pub fn header<'a>(request: &'a Request, name: &str) -> &'a str {
    let values: Vec<_> = request.headers.get_all(name).iter().collect();
    assert_eq!(values.len(), 1, "header {name}: {values:?}");
    values[0].to_str().expect("visible ASCII header")
}

/// `Basic base64(AC…:token)`.
pub fn expected_authorization() -> String {
    format!(
        "Basic {}",
        base64(format!("{ACCOUNT_SID}:{AUTH_TOKEN}").as_bytes())
    )
}

/// Checks what every request carries: Basic auth, `Accept` and the `User-Agent`.
pub fn assert_common_headers(request: &Request) {
    assert_eq!(header(request, "authorization"), expected_authorization());
    assert_eq!(header(request, "accept"), "application/json");
    let agent = header(request, "user-agent");
    assert!(agent.starts_with("twilio-chat-v1/"), "User-Agent: {agent}");
}

/// Checks a request without a body: no `Content-Type`, nothing sent.
pub fn assert_no_body(request: &Request) {
    assert!(
        request.headers.get("content-type").is_none(),
        "{:?}",
        request.headers
    );
    assert!(
        request.body.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&request.body)
    );
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
    assert!(
        !shown.contains(AUTH_TOKEN),
        "the error shows the token: {shown}"
    );
    let encoded = base64(format!("{ACCOUNT_SID}:{AUTH_TOKEN}").as_bytes());
    assert!(
        !shown.contains(&encoded),
        "the error shows the credentials: {shown}"
    );
    err
}

/// Checks every field of `invite` against the example body it was read from.
pub fn assert_invite_is(invite: &Invite, body: &Value) {
    let text = |key: &str| body[key].as_str().map(str::to_owned);
    let sid = |s: Option<&str>| s.map(str::to_owned);
    assert_eq!(sid(invite.sid.as_ref().map(|s| s.as_str())), text("sid"));
    assert_eq!(
        sid(invite.account_sid.as_ref().map(|s| s.as_str())),
        text("account_sid")
    );
    assert_eq!(
        sid(invite.channel_sid.as_ref().map(|s| s.as_str())),
        text("channel_sid")
    );
    assert_eq!(
        sid(invite.service_sid.as_ref().map(|s| s.as_str())),
        text("service_sid")
    );
    assert_eq!(
        sid(invite.role_sid.as_ref().map(|s| s.as_str())),
        text("role_sid")
    );
    assert_eq!(invite.identity, text("identity"));
    assert_eq!(invite.created_by, text("created_by"));
    assert_eq!(invite.url, text("url"));
    assert_eq!(body["date_created"], "2015-07-30T20:00:00Z");
    assert_eq!(body["date_updated"], "2015-07-30T20:00:00Z");
    assert_eq!(
        invite.date_created.map(|d| d.unix_timestamp()),
        Some(EXAMPLE_DATE_UNIX)
    );
    assert_eq!(
        invite.date_updated.map(|d| d.unix_timestamp()),
        Some(EXAMPLE_DATE_UNIX)
    );
    // And nothing else was lost or added.
    assert_eq!(&serde_json::to_value(invite).expect("encodes"), body);
}

/// Matches a request whose raw query string is exactly this (`None`: no `?`).
pub struct QueryIs(pub Option<String>);

impl QueryIs {
    pub fn exactly(query: &str) -> Self {
        QueryIs(Some(query.to_owned()))
    }

    pub fn none() -> Self {
        QueryIs(None)
    }
}

impl Match for QueryIs {
    fn matches(&self, request: &Request) -> bool {
        request.url.query() == self.0.as_deref()
    }
}

/// Standard base64 with padding (RFC 4648), to spell out the `Authorization`
/// header independently of the HTTP stack.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn base64_matches_rfc_4648_vectors() {
    for (input, output) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
        ("Aladdin:open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
    ] {
        assert_eq!(base64(input.as_bytes()), output, "{input:?}");
    }
}
