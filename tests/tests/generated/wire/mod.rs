//! The wire tables: for every operation of an API's OpenAPI file, a row whose call
//! goes through the generated client. The harness ([`run`]) reads the operation's
//! method and path template, fills the path parameters with sample values, serves
//! the operation's success status and example answer from a `MockServer`, hands the
//! row the example request's values, and then checks what the server received (the
//! method, the exact path and its encoding, form or query pairs, headers, auth)
//! against those values and what the client decoded against the example answer.
//!
//! Chat v1's rows are written by hand (`chat_v1.rs`); the imported APIs' are derived
//! from their OpenAPI files by `tests/build.rs`.

mod api_v2010;
mod chat_v1;
mod chat_v2;
mod compare;
mod conversations_v1;
mod fixes;
mod library;
mod openapi;
mod paging;
mod request;
mod secrets;

include!(concat!(env!("OUT_DIR"), "/wire_apis.rs"));

use compare::*;
use library::*;
use openapi::*;
use paging::*;
use request::*;

use super::client::{expected_authorization, json, received, QueryIs, ACCOUNT_SID, AUTH_TOKEN};
/// A node of an OpenAPI file, as `codegen::import::read_openapi` reads it.
use serde_json::Value as Node;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;
use tests::fixture;
use twilio_codegen_runtime::__private::ApiClient;
use twilio_codegen_runtime::{Auth, ClientBuilder, Error, RetryPolicy};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Where a redirecting operation's answer points.
const REDIRECT_TARGET: &str = "https://files.example.com/payload?Signature=x";

/// The sample for a path parameter without a pattern (a channel or user addressed by
/// name): it needs percent-encoding, and must arrive as exactly one path segment.
const NAME: &str = "general chat/é";
/// [`NAME`] as the one path segment the server must see.
const NAME_ENCODED: &str = "general%20chat%2F%C3%A9";

/// The sample of a path parameter that is a day.
const DAY: &str = "2024-05-01";

/// A [`Row`] for operation `$op`, optionally with a list's query and the headers it
/// sets, whose call is `$call` with the [`Ctx`] named `$c`: just the call, the
/// harness does the rest.
macro_rules! row {
    ($op:literal, |$c:ident| $call:expr) => {
        row!($op, [], [], |$c| $call)
    };
    ($op:literal, [$(($key:literal, $value:literal)),* $(,)?], |$c:ident| $call:expr) => {
        row!($op, [$(($key, $value)),*], [], |$c| $call)
    };
    ($op:literal, [$(($key:literal, $value:literal)),* $(,)?], [$(($hkey:literal, $hvalue:literal)),* $(,)?], |$c:ident| $call:expr) => {
        $crate::wire::Row {
            op: $op,
            query: &[$(($key, $value)),*],
            headers: &[$(($hkey, $hvalue)),*],
            call: |$c| -> ::std::pin::Pin<Box<dyn ::std::future::Future<Output = Result<::serde_json::Value, ::twilio_codegen_runtime::Error>>>> {
                Box::pin(async move {
                    let answer = $call.await;
                    answer.map(|record| ::serde_json::to_value(&record).expect("encodes"))
                })
            },
        }
    };
}
use row;

/// A client of the API `C` for `server`, with the test credentials and retries that
/// wait at most a few milliseconds: HTTP Basic, or for an API that takes OAuth2
/// client credentials only, those (see [`serve_token`]).
pub fn client<C: ApiClient>(server: &MockServer) -> C {
    let auth = match C::TAKES_BASIC {
        true => Auth::auth_token(ACCOUNT_SID, AUTH_TOKEN),
        false => Auth::client_credentials(CLIENT_ID, CLIENT_SECRET),
    };
    ClientBuilder::<C>::new(auth)
        .base_url(server.uri())
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(2)))
        .build()
        .expect("client builds")
}

/// The OAuth2 client the harness's clients of an OAuth-only API are.
const CLIENT_ID: &str = "OQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const CLIENT_SECRET: &str = "the-client-secret";
/// The token [`serve_token`] hands them.
const TOKEN: &str = "tok-wire";

/// For an API that takes OAuth2 client credentials only, serves its token path on
/// `server` and gives the credentials its requests must carry; for any other, HTTP
/// Basic's.
async fn serve_token<C: ApiClient>(server: &MockServer, op: &Operation) -> String {
    let Some(token_path) = C::OAUTH2_TOKEN_PATH.filter(|_| !C::TAKES_BASIC) else {
        return expected_authorization();
    };
    // The API's own token operation is the row's to answer.
    if op.expected_path() == token_path {
        return format!("Bearer {TOKEN}");
    }
    Mock::given(method("POST"))
        .and(path(token_path))
        .respond_with(json(
            200,
            &serde_json::json!({"access_token": TOKEN, "token_type": "bearer", "expires_in": 3600}),
        ))
        .mount(server)
        .await;
    format!("Bearer {TOKEN}")
}

/// Keys of Twilio's example requests that the harness leaves out, because the
/// operation has no such parameter: the typed client can't send them, and shouldn't.
/// The harness checks that each is indeed absent from the operation's request schema,
/// and that each entry skips exactly `count` keys (`*` stands for one dotted part).
pub struct Skip {
    pub op: &'static str,
    pub key: &'static str,
    pub count: usize,
}

/// Every row of `table` against its operation, and the table against the file: one
/// row per operation, none twice.
pub async fn check_table<C: ApiClient>(doc: &Doc, table: Vec<Row<C>>) {
    let rows: Vec<&str> = table.iter().map(|row| row.op).collect();
    let in_table: BTreeSet<&str> = rows.iter().copied().collect();
    let in_openapi: BTreeSet<&str> = doc.operations().iter().map(|op| op.id).collect();
    assert_eq!(in_table.len(), rows.len(), "a repeated row: {rows:?}");
    assert_eq!(in_table, in_openapi, "the table and {} disagree", doc.file);
    let mut problems = Vec::new();
    for row in &table {
        problems.extend(
            run(doc, row)
                .await
                .into_iter()
                .map(|p| format!("{}: {p}", row.op)),
        );
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------
// Rows and what their calls work with
// ---------------------------------------------------------------------------------

/// A row's call: the decoded answer, re-encoded as JSON (`null` for a delete).
pub type Call<C> = fn(Ctx<C>) -> Pin<Box<dyn Future<Output = Result<Value, Error>>>>;

/// One row of an API's table.
pub struct Row<C> {
    pub op: &'static str,
    /// For a list, the query its call sets, as wire pairs (a key may repeat); empty
    /// for every other operation, whose values come from the OpenAPI's example.
    pub query: &'static [(&'static str, &'static str)],
    /// Header parameters the call sets, which the server must receive as headers.
    pub headers: &'static [(&'static str, &'static str)],
    pub call: Call<C>,
}

/// What a row's call works with: a client for the mock server, the sample path
/// parameters, and the values to send.
pub struct Ctx<C> {
    /// The row's operation, for messages.
    pub op: &'static str,
    pub client: C,
    /// Path parameter name → sample value, not encoded.
    path: BTreeMap<String, String>,
    /// The values to send: the example request without the skipped keys, or a
    /// list's query (a repeated key as an array).
    params: Map<String, Value>,
}

impl<C> Ctx<C> {
    /// Path parameter `name` as a typed SID.
    pub fn sid<T: FromStr>(&self, name: &str) -> T
    where
        T::Err: Debug,
    {
        self.path(name)
    }

    /// Path parameter `name` parsed: a SID, an enum, a number.
    pub fn path<T: FromStr>(&self, name: &str) -> T
    where
        T::Err: Debug,
    {
        let text = self.name(name);
        text.parse()
            .unwrap_or_else(|e| panic!("{}: path parameter {name} = {text:?}: {e:?}", self.op))
    }

    /// Path parameter `name` as text: a name, for handles that take `&str`.
    pub fn name(&self, name: &str) -> &str {
        self.path
            .get(name)
            .unwrap_or_else(|| panic!("{}: no path parameter {name}", self.op))
    }

    /// Path parameter `name` as the day it is.
    pub fn day(&self, name: &str) -> time::Date {
        let format = time::format_description::parse_borrowed::<2>("[year]-[month]-[day]")
            .expect("a format");
        time::Date::parse(self.name(name), &format)
            .unwrap_or_else(|e| panic!("{}: path parameter {name}: {e}", self.op))
    }

    /// Value `key` as its wire text.
    pub fn text(&self, key: &str) -> String {
        match self.param(key) {
            Value::Array(_) => panic!("{}: {key} is a list: use `texts`", self.op),
            scalar => wire_text(scalar),
        }
    }

    /// Value `key` parsed from its wire text: a SID, a number, a boolean.
    pub fn get<T: FromStr>(&self, key: &str) -> T
    where
        T::Err: Debug,
    {
        let text = self.text(key);
        text.parse()
            .unwrap_or_else(|e| panic!("{}: {key} = {text:?} doesn't parse: {e:?}", self.op))
    }

    /// Value `key` as a list: an array's items, or a scalar as the only item (the
    /// example's `Permission: sendMessage` is sent as one `Permission` key).
    pub fn texts(&self, key: &str) -> Vec<String> {
        match self.param(key) {
            Value::Array(items) => items.iter().map(wire_text).collect(),
            scalar => vec![wire_text(scalar)],
        }
    }

    /// Value `key` as a timestamp: the examples write ISO 8601.
    pub fn date(&self, key: &str) -> time::OffsetDateTime {
        let text = self.text(key);
        time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|e| panic!("{}: {key} = {text:?}: {e}", self.op))
    }

    /// The example request whole, for a parameter that is the JSON body itself (the
    /// rows of an API with such a body call it; none of those running now has one).
    #[allow(dead_code)]
    pub fn whole(&self) -> Value {
        Value::Object(self.params.clone())
    }

    /// Value `key` as the JSON it is: a JSON parameter is sent as it is given.
    pub fn json(&self, key: &str) -> Value {
        self.param(key).clone()
    }

    fn param(&self, key: &str) -> &Value {
        self.params
            .get(key)
            .unwrap_or_else(|| panic!("{}: no value {key} (skipped, or not sent)", self.op))
    }
}

// ---------------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------------

/// Runs `row` against a fresh mock server; returns what went wrong, if anything.
pub async fn run<C: ApiClient>(doc: &Doc, row: &Row<C>) -> Vec<String> {
    let op = doc.find(row.op);
    let mut problems = Vec::new();
    let params = match values_to_send(doc, &op, row) {
        Ok(params) => params,
        Err(problem) => return vec![problem],
    };
    let (status, mut answer, answer_schema) = op.success();
    // An operation that redirects answers where the file is, on another host: the
    // client returns that URL and follows nothing.
    let redirect = (300..400).contains(&status);
    // A JSON answer the file gives no example of: a sample of its schema.
    if answer.is_none() && !answer_schema.is_null() && !redirect {
        answer = Some(op.sample_answer(answer_schema));
    }
    for fix in doc
        .corrected
        .iter()
        .filter(|fix| fix.op == row.op && !fix.in_request)
    {
        if let Err(problem) = answer.as_mut().map_or(Ok(()), |a| fix.apply(a)) {
            problems.push(problem);
        }
    }
    let template = match &answer {
        _ if redirect => ResponseTemplate::new(status).insert_header("location", REDIRECT_TARGET),
        Some(body) => json(status, body),
        None => ResponseTemplate::new(status),
    };
    let answered = answer_call(&op, row, params.clone(), template).await;
    match answered.requests.as_slice() {
        [request] => check_request(
            &op,
            request,
            &params,
            row.headers,
            &answered.credentials,
            &mut problems,
        ),
        requests => problems.push(format!("{} requests, expected 1", requests.len())),
    }
    check_decoded(
        doc,
        answered.decoded,
        answer,
        answer_schema,
        redirect.then_some(REDIRECT_TARGET),
        &mut problems,
    );
    problems
}

/// What [`answer_call`] saw: the call's result, the operation's requests (not the
/// token request, which is the runtime's) and the credentials they must carry.
struct Answered {
    decoded: Result<Value, Error>,
    requests: Vec<Request>,
    credentials: String,
}

/// Calls `row` with `params` against a fresh mock server that answers `template` to
/// the operation's exact method, path and credentials.
async fn answer_call<C: ApiClient>(
    op: &Operation,
    row: &Row<C>,
    params: Map<String, Value>,
    template: ResponseTemplate,
) -> Answered {
    let server = MockServer::start().await;
    // An operation sent without credentials (`security: []`) is matched without them.
    // An `Authorization` header parameter set by the call replaces the client's.
    let client_credentials = serve_token::<C>(&server, op).await;
    let credentials = row
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("authorization"))
        .map_or(client_credentials, |(_, value)| value.to_string());
    let mock = Mock::given(method(op.method.as_str())).and(path(op.expected_path()));
    let mock = match op.anonymous() {
        true => mock,
        false => mock.and(header("authorization", credentials.as_str())),
    };
    mock.respond_with(template).mount(&server).await;

    let ctx = Ctx {
        op: row.op,
        client: client::<C>(&server),
        path: op
            .path_params()
            .into_iter()
            .map(|p| (p.name, p.sample))
            .collect(),
        params,
    };
    let decoded = (row.call)(ctx).await;
    let requests = received(&server)
        .await
        .into_iter()
        .filter(|r| {
            C::TAKES_BASIC
                || C::OAUTH2_TOKEN_PATH != Some(r.url.path())
                || r.url.path() == op.expected_path()
        })
        .collect();
    Answered {
        decoded,
        requests,
        credentials,
    }
}

/// What the client decoded, against the answer the server gave: a redirect's
/// target (returned as the URL it is, `https://www.twilio.com` as
/// `https://www.twilio.com/`, and not followed), nothing for no answer, else the
/// answer as the schema reads it.
fn check_decoded(
    doc: &Doc,
    decoded: Result<Value, Error>,
    answer: Option<Value>,
    answer_schema: &'static Node,
    redirect_to: Option<&str>,
    problems: &mut Vec<String>,
) {
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(err) => return problems.push(format!("the call failed: {err}")),
    };
    if let Some(target) = redirect_to {
        let target = reqwest::Url::parse(target).expect("a URL").to_string();
        if decoded != target.as_str() {
            problems.push(format!("redirected to {target}, decoded {decoded}"));
        }
        return;
    }
    match answer {
        None if decoded.is_null() => {}
        None => problems.push(format!("no answer, decoded {decoded}")),
        Some(answer) => compare(doc, &answer, &decoded, answer_schema, "answer", problems),
    }
}
