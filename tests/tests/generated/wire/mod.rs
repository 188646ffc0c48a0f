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
mod conversations_v1;
mod fixes;
mod secrets;

include!(concat!(env!("OUT_DIR"), "/wire_apis.rs"));

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

/// A scalar as a form or query value: booleans as `true`/`false`.
fn wire_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        other => panic!("not a scalar: {other}"),
    }
}

/// `params` as the wire pairs they must become: an array as a repeated key.
fn wire_pairs(params: &Map<String, Value>) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (key, value) in params {
        match value {
            Value::Array(items) => pairs.extend(items.iter().map(|v| (key.clone(), wire_text(v)))),
            scalar => pairs.push((key.clone(), wire_text(scalar))),
        }
    }
    pairs
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

    // The server answers only the exact method, path and credentials.
    let server = MockServer::start().await;
    let (status, mut answer, answer_schema) = op.success();
    for fix in doc
        .corrected
        .iter()
        .filter(|fix| fix.op == row.op && !fix.in_request)
    {
        if let Err(problem) = answer.as_mut().map_or(Ok(()), |a| fix.apply(a)) {
            problems.push(problem);
        }
    }
    // An operation that redirects answers where the file is, on another host: the
    // client returns that URL and follows nothing.
    let redirect = (300..400).contains(&status);
    // A JSON answer the file gives no example of: a sample of its schema.
    if answer.is_none() && !answer_schema.is_null() && !redirect {
        answer = Some(op.sample_answer(answer_schema));
    }
    let template = match &answer {
        _ if redirect => ResponseTemplate::new(status).insert_header("location", REDIRECT_TARGET),
        Some(body) => json(status, body),
        None => ResponseTemplate::new(status),
    };
    // An operation sent without credentials (`security: []`) is matched without them.
    let credentials = serve_token::<C>(&server, &op).await;
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
        params: params.clone(),
    };
    let decoded = (row.call)(ctx).await;

    // The token request, if any, is the runtime's; the operation's is the one to check.
    let requests: Vec<Request> = received(&server)
        .await
        .into_iter()
        .filter(|r| {
            C::TAKES_BASIC
                || C::OAUTH2_TOKEN_PATH != Some(r.url.path())
                || r.url.path() == op.expected_path()
        })
        .collect();
    match requests.as_slice() {
        [request] => check_request(
            &op,
            request,
            &params,
            row.headers,
            &credentials,
            &mut problems,
        ),
        _ => problems.push(format!("{} requests, expected 1", requests.len())),
    }
    match (decoded, answer) {
        (Err(err), _) => problems.push(format!("the call failed: {err}")),
        (Ok(decoded), _) if redirect => {
            if decoded != REDIRECT_TARGET {
                problems.push(format!(
                    "redirected to {REDIRECT_TARGET}, decoded {decoded}"
                ));
            }
        }
        (Ok(decoded), None) if decoded.is_null() => {}
        (Ok(decoded), None) => problems.push(format!("no answer, decoded {decoded}")),
        (Ok(decoded), Some(answer)) => {
            compare(
                doc,
                &answer,
                &decoded,
                answer_schema,
                "answer",
                &mut problems,
            );
        }
    }
    problems
}

/// The values the row's call gets, and the server must receive: a list's query from
/// the row, or the example request without the [`SKIPPED`] keys.
fn values_to_send<C>(
    doc: &Doc,
    op: &Operation,
    row: &Row<C>,
) -> Result<Map<String, Value>, String> {
    let is_list = op.id.starts_with("List");
    if !is_list && !row.query.is_empty() {
        return Err("only a list row sets a query".into());
    }
    if is_list {
        let known = op.query_param_names();
        let mut query = Map::new();
        for &(key, value) in row.query {
            if !known.contains(key) {
                return Err(format!("{key} is not a query parameter of the operation"));
            }
            match query.get_mut(key) {
                None => {
                    query.insert(key.to_owned(), value.into());
                }
                Some(Value::Array(items)) => items.push(value.into()),
                Some(first) => *first = Value::Array(vec![first.take(), value.into()]),
            }
        }
        op.fill_required(&mut query, op.required_in_query());
        return Ok(query);
    }
    let mut example = op.request_example().unwrap_or_default();
    for skip in doc.skipped.iter().filter(|skip| skip.op == op.id) {
        let keys: Vec<String> = example
            .keys()
            .filter(|key| matches_pattern(skip.key, key))
            .cloned()
            .collect();
        if keys.len() != skip.count {
            return Err(format!(
                "skip {:?} matches {} keys of the example, not {}: {keys:?}",
                skip.key,
                keys.len(),
                skip.count
            ));
        }
        for key in keys {
            if op.request_schema_has(&key) {
                return Err(format!("skipped {key} is a parameter of the operation"));
            }
            example.remove(&key);
        }
    }
    op.fill_required(&mut example, op.required_in_body());
    op.fill_required(&mut example, op.required_in_query());
    for fix in doc
        .corrected
        .iter()
        .filter(|fix| fix.op == op.id && fix.in_request)
    {
        fix.apply(&mut example)?;
    }
    for (key, value) in example.iter_mut() {
        let schema = doc.resolve(&op.form()["schema"]["properties"][key.as_str()]);
        let compact = |value: &mut Value| {
            if let Some(json) = value.as_str().and_then(|t| t.parse::<Value>().ok()) {
                *value = Value::String(json.to_string());
            }
        };
        match (schema["type"].as_str(), &schema["items"]) {
            // A float is sent as the number it is (`0.50` as `0.5`); a decimal (a
            // number without `format: float`) is sent as written: `12.00`.
            (Some("number"), _)
                if matches!(schema["format"].as_str(), Some("float" | "double")) =>
            {
                if let Some(n) = value.as_str().and_then(|t| t.parse::<f64>().ok()) {
                    *value = Value::String(n.to_string());
                }
            }
            // A boolean is sent as Twilio's libraries write it: `"True"` as `true`.
            (Some("boolean"), _) => {
                if let Some(b) = value
                    .as_str()
                    .and_then(|t| t.to_lowercase().parse::<bool>().ok())
                {
                    *value = Value::String(b.to_string());
                }
            }
            // Any JSON (`items: {}`) is sent as the client writes it, without the
            // example's spaces; the API reads the same JSON.
            (Some("array"), items) if items.as_object().is_some_and(Map::is_empty) => {
                value.as_array_mut().into_iter().flatten().for_each(compact);
            }
            _ => {}
        }
    }
    Ok(example)
}

/// `key` against a [`Skip`] pattern: `*` matches exactly one dotted part.
fn matches_pattern(pattern: &str, key: &str) -> bool {
    let (pattern, key): (Vec<_>, Vec<_>) = (pattern.split('.').collect(), key.split('.').collect());
    pattern.len() == key.len() && pattern.iter().zip(&key).all(|(p, k)| *p == "*" || p == k)
}

/// Checks the one request the server received: method, exact raw path, credentials,
/// and the values (form body for a POST, query for a list, nothing otherwise).
fn check_request(
    op: &Operation,
    request: &Request,
    params: &Map<String, Value>,
    headers: &[(&str, &str)],
    credentials: &str,
    problems: &mut Vec<String>,
) {
    let mut expect = |what: &str, expected: String, found: String| {
        if expected != found {
            problems.push(format!("{what}: expected {expected:?}, sent {found:?}"));
        }
    };
    expect("method", op.method.clone(), request.method.to_string());
    let expected_path = op.expected_path();
    let sent_path = request.url.path().to_owned();
    expect("path", expected_path.clone(), sent_path.clone());
    // A free-text parameter is one segment, percent-encoded: the same segment count.
    let sent_segments: Vec<&str> = sent_path.split('/').collect();
    for (i, segment) in op.template.split('/').enumerate() {
        let is_name = op
            .path_params()
            .iter()
            .any(|p| p.sample == NAME && segment == format!("{{{}}}", p.name));
        if is_name {
            let found = sent_segments.get(i).copied().unwrap_or_default();
            expect(
                &format!("path segment {segment}"),
                NAME_ENCODED.into(),
                found.into(),
            );
        }
    }
    expect(
        "path segments",
        expected_path.split('/').count().to_string(),
        sent_segments.len().to_string(),
    );
    let authorization = request
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let credentials = match op.anonymous() {
        true => String::new(),
        false => credentials.to_owned(),
    };
    expect("Authorization", credentials, authorization.into());

    for (name, value) in headers {
        let sent: Vec<&str> = request
            .headers
            .get_all(*name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        expect(
            &format!("header {name}"),
            format!("[{value:?}]"),
            format!("{sent:?}"),
        );
    }

    let sorted = |mut pairs: Vec<(String, String)>| {
        pairs.sort();
        format!("{pairs:?}")
    };
    // Only a form or a query is pairs; a JSON body may nest.
    let expected_pairs = || sorted(wire_pairs(params));
    let query = request.url.query();
    let body = String::from_utf8_lossy(&request.body).into_owned();
    // A form body where the operation declares one (a POST, or a PATCH); the query
    // string otherwise. A POST with no body declared sends none.
    if !op.form().is_null() {
        let content_type = request
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        expect(
            "Content-Type",
            "application/x-www-form-urlencoded".into(),
            content_type.into(),
        );
        let form: Vec<(String, String)> =
            serde_urlencoded::from_str(&body).unwrap_or_else(|e| panic!("form {body:?}: {e}"));
        expect("form body", expected_pairs(), sorted(form));
        expect("query", "None".into(), format!("{query:?}"));
    } else if !op.json_body().is_null() {
        let content_type = request
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        expect(
            "Content-Type",
            "application/json".into(),
            content_type.into(),
        );
        let sent: Value = serde_json::from_str(&body).unwrap_or(Value::String(body.clone()));
        // The same JSON, in whichever order the keys were written.
        let expected = Value::Object(params.clone());
        if sent != expected {
            expect("JSON body", expected.to_string(), sent.to_string());
        }
        expect("query", "None".into(), format!("{query:?}"));
    } else if op.method == "POST" {
        expect("body", String::new(), body);
        expect("query", "None".into(), format!("{query:?}"));
        expect("form body", expected_pairs(), "[]".into());
    } else {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or_default())
            .unwrap_or_else(|e| panic!("query {query:?}: {e}"));
        expect("query", expected_pairs(), sorted(pairs));
        expect("body", String::new(), body);
    }
}

/// Compares the example answer with what the client decoded, re-encoded as JSON,
/// guided by the answer's schema: every key of the example must come back with an
/// equal value; a key the example lacks must be a property of the schema holding its
/// default (the schema's `default`, else `null`). Timestamps are compared as text:
/// the examples' `2015-12-16T22:18:37Z` form is how the client writes them back.
pub fn compare(
    doc: &Doc,
    expected: &Value,
    decoded: &Value,
    schema: &'static Node,
    at: &str,
    problems: &mut Vec<String>,
) {
    let schema = doc.resolve(schema);
    let alternatives = one_of(doc, schema);
    // A record of a `oneOf` answer has the properties of every alternative.
    let property = |key: &str| -> &'static Node {
        let mut found = alternatives.iter().map(|alt| &alt["properties"][key]);
        static NONE: Node = Node::Null;
        found.find(|p| !p.is_null()).unwrap_or(&NONE)
    };
    let has_properties = alternatives.iter().any(|alt| alt["properties"].is_object());
    match (expected, decoded) {
        (Value::Object(expected), Value::Object(decoded)) if has_properties => {
            for (key, value) in expected {
                match decoded.get(key) {
                    // A record leaves an unset object out of its JSON; a key its schema
                    // lacks, a typed client doesn't read (Twilio's example is wrong).
                    None if value.is_null() || property(key).is_null() => {}
                    None => problems.push(format!("{at}.{key}: in the example, not decoded")),
                    Some(found) => compare(
                        doc,
                        value,
                        found,
                        property(key),
                        &format!("{at}.{key}"),
                        problems,
                    ),
                }
            }
            for (key, found) in decoded.iter().filter(|(k, _)| !expected.contains_key(*k)) {
                let property = doc.resolve(property(key));
                let default = property["default"].clone();
                // A record whose operations answer with several schemas has the
                // properties of all: another answer's is `null` here.
                let anothers = property.is_null() && found.is_null();
                if !anothers && (property.is_null() || *found != default) {
                    problems.push(format!(
                        "{at}.{key}: not in the example, decoded as {found} (schema default {default})"
                    ));
                }
            }
        }
        (Value::Array(expected), Value::Array(decoded)) if expected.len() == decoded.len() => {
            for (i, (value, found)) in expected.iter().zip(decoded).enumerate() {
                compare(
                    doc,
                    value,
                    found,
                    &schema["items"],
                    &format!("{at}[{i}]"),
                    problems,
                );
            }
        }
        _ if expected != decoded && !same_on_the_wire(schema, expected, decoded) => {
            problems.push(format!(
                "{at}: the example has {expected}, decoded {decoded}"
            ));
        }
        _ => {}
    }
}

/// `schema`'s alternatives (`oneOf`, `anyOf`), resolved; or `schema` itself.
fn one_of(doc: &Doc, schema: &'static Node) -> Vec<&'static Node> {
    let alternatives = schema["oneOf"].as_array().or(schema["anyOf"].as_array());
    match alternatives {
        Some(all) => all.iter().map(|alt| doc.resolve(alt)).collect(),
        None => vec![schema],
    }
}

/// The forms the API writes that mean what the client decodes: a float as a string
/// (`"-0.0025"` for a `number`) or a decimal as a number (`0.05`, which the client
/// holds as the text `"0.05"`), an unset SID as an empty string, and an enum's value
/// in another letter case.
fn same_on_the_wire(schema: &Node, expected: &Value, decoded: &Value) -> bool {
    match (expected, decoded) {
        (Value::String(text), Value::Number(n)) if schema["type"].as_str() == Some("number") => {
            text.parse::<f64>().ok() == n.as_f64()
        }
        // A decimal, read from a JSON number and written back as its text.
        (Value::Number(n), Value::String(text)) => text.parse::<f64>().ok() == n.as_f64(),
        (Value::String(text), Value::Null) => text.is_empty() && schema["pattern"].is_string(),
        // An enum's value in another letter case is that value (`"opus"` is `OPUS`).
        (Value::String(text), Value::String(value)) if schema["enum"].is_array() => {
            text.eq_ignore_ascii_case(value)
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------------
// The OpenAPI
// ---------------------------------------------------------------------------------

/// One API's OpenAPI file and the keys of its examples the harness leaves out.
pub struct Doc {
    /// Under `tests/fixtures/`.
    pub file: &'static str,
    pub skipped: &'static [Skip],
    /// Values of the example answers that contradict their own schema.
    pub corrected: &'static [Correction],
}

/// A value of an operation's example answer (or request) that contradicts its schema
/// (Twilio's example, not the API, is wrong), replaced before it is served (or sent):
/// at the JSON pointer `at`, `was` (checked, so a fixed example fails the correction)
/// becomes `value`, both JSON texts, for the reason given.
pub struct Correction {
    pub op: &'static str,
    /// In the example request, not the answer.
    pub in_request: bool,
    pub at: &'static str,
    pub was: &'static str,
    pub value: &'static str,
    pub why: &'static str,
}

impl Correction {
    fn apply(&self, example: &mut impl Pointed) -> Result<(), String> {
        let json = |text: &str| serde_json::from_str::<Value>(text).expect("a JSON text");
        match example.at(self.at) {
            Some(value) if *value == json(self.was) => {
                *value = json(self.value);
                Ok(())
            }
            found => Err(format!(
                "correction at {}: the example has {found:?}, not {} ({})",
                self.at, self.was, self.why
            )),
        }
    }
}

/// An example answer (a JSON value) or request (an object of values), where a JSON
/// pointer finds a value.
trait Pointed {
    fn at(&mut self, pointer: &str) -> Option<&mut Value>;
}

impl Pointed for Value {
    fn at(&mut self, pointer: &str) -> Option<&mut Value> {
        self.pointer_mut(pointer)
    }
}

impl Pointed for Map<String, Value> {
    fn at(&mut self, pointer: &str) -> Option<&mut Value> {
        let (key, rest) = pointer
            .strip_prefix('/')?
            .split_once('/')
            .unwrap_or((pointer.strip_prefix('/')?, ""));
        let value = self.get_mut(key)?;
        match rest {
            "" => Some(value),
            rest => value.pointer_mut(&format!("/{rest}")),
        }
    }
}

impl Doc {
    /// The OpenAPI description, read once, as the importer reads it: maps keep the
    /// file's order, so "the first example" is the first in the file.
    pub fn tree(&self) -> &'static Node {
        static DOCS: Mutex<BTreeMap<&'static str, &'static Node>> = Mutex::new(BTreeMap::new());
        let mut docs = DOCS.lock().expect("not poisoned");
        docs.entry(self.file).or_insert_with(|| {
            let file = codegen::SourceFile {
                name: self.file.to_owned(),
                text: fixture(self.file),
            };
            let tree = codegen::import::read_openapi(&file).unwrap_or_else(|d| panic!("{d}"));
            Box::leak(Box::new(tree))
        })
    }

    /// The node a `$ref` names, or `schema` itself.
    pub fn resolve(&self, schema: &'static Node) -> &'static Node {
        match schema["$ref"].as_str() {
            Some(reference) => {
                let name = reference
                    .strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
                &self.tree()["components"]["schemas"][name]
            }
            None => schema,
        }
    }

    /// Every operation in the OpenAPI, in file order.
    pub fn operations(&self) -> Vec<Operation> {
        let paths = self.tree()["paths"].as_object().expect("paths");
        let mut all = Vec::new();
        for (template, item) in paths {
            for (verb, node) in item.as_object().expect("path item") {
                if let Some(id) = node["operationId"].as_str() {
                    all.push(Operation {
                        id,
                        method: verb.to_uppercase(),
                        template,
                        node,
                        components: &self.tree()["components"],
                    });
                }
            }
        }
        all
    }

    pub fn find(&self, id: &str) -> Operation {
        self.operations()
            .into_iter()
            .find(|op| op.id == id)
            .unwrap_or_else(|| panic!("no operation {id} in {}", self.file))
    }
}

/// The `value` of the first of `content`'s examples.
fn first_example(content: &Node) -> Option<Value> {
    let examples = content["examples"].as_object()?;
    examples
        .values()
        .next()
        .map(|example| example["value"].clone())
}

/// One operation of the OpenAPI.
pub struct Operation {
    pub id: &'static str,
    /// Upper case: `GET`, `POST`, `DELETE`.
    pub method: String,
    /// Such as `/v1/Services/{ServiceSid}/Channels/{Sid}`.
    pub template: &'static str,
    node: &'static Node,
    /// The file's `components`, where a `$ref` points.
    components: &'static Node,
}

/// A value of `pattern`. A SID: its two-letter prefix and 32 `a`s, for
/// `^IS[0-9a-fA-F]{32}$`, the first of alternatives `^(SM|MM)[…`, or (in a few files)
/// without the anchor, `OR[0-9a-f]{32}`; any SID, `^[A-Z]{2}[0-9a-fA-F]{32}$`, a
/// user's. An identifier with a fixed start (`^aia_asst_.+$`): that start and
/// `sample`.
fn pattern_sample(pattern: &str) -> String {
    let body = pattern.strip_prefix('^').unwrap_or(pattern);
    let start = body.strip_suffix(".+$").or(body.strip_suffix(".*$"));
    if let Some(start) = start.filter(|s| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    {
        return format!("{start}sample");
    }
    // Any SID (`^[A-Z]{2}[0-9a-fA-F]{32}$`): a user's.
    if body.starts_with("[A-Z]{2}[0-9a-fA-F]{32}") {
        return format!("US{}", "a".repeat(32));
    }
    let prefix = body
        .trim_start_matches('(')
        .split(['[', '|', ')'])
        .next()
        .filter(|prefix| prefix.len() == 2)
        .unwrap_or_else(|| panic!("no sample for the pattern {pattern}"));
    format!("{prefix}{}", "a".repeat(32))
}

/// A path parameter and the sample value the harness fills in.
struct PathParam {
    name: String,
    sample: String,
    /// The sample as the path must carry it.
    encoded: String,
}

impl Operation {
    fn params_in(&self, location: &'static str) -> impl Iterator<Item = &'static Node> + '_ {
        let node: &'static Node = self.node;
        let params = node["parameters"].as_array().into_iter().flatten();
        params
            .map(|p| self.resolve(p))
            .filter(move |p| p["in"].as_str() == Some(location))
    }

    /// The path parameters with their samples: a SID gets the prefix of its pattern
    /// (`^IS[0-9a-fA-F]{32}$`, or `OR[0-9a-f]{32}` without the anchor) and 32 `a`s, a
    /// number 7, an enum its first value; free text gets [`NAME`].
    fn path_params(&self) -> Vec<PathParam> {
        self.params_in("path")
            .map(|p| {
                let name = p["name"].as_str().expect("name").to_owned();
                let schema = self.resolve(&p["schema"]);
                let sample = match schema["pattern"].as_str() {
                    Some(pattern) => pattern_sample(pattern),
                    // A day (`/Archives/{Date}/Calls/…`): one, as written.
                    None if schema["format"].as_str() == Some("date") => DAY.to_owned(),
                    None if schema["type"].as_str() == Some("integer") => "7".to_owned(),
                    None => match schema["enum"][0].as_str() {
                        Some(first) => first.to_owned(),
                        None => NAME.to_owned(),
                    },
                };
                let encoded = match sample.as_str() {
                    NAME => NAME_ENCODED.to_owned(),
                    other => other.to_owned(),
                };
                PathParam {
                    name,
                    sample,
                    encoded,
                }
            })
            .collect()
    }

    fn query_param_names(&self) -> BTreeSet<&'static str> {
        self.params_in("query")
            .map(|p| p["name"].as_str().expect("name"))
            .collect()
    }

    /// The raw path the server must see: the template with every parameter's sample,
    /// percent-encoded (written out, not computed: [`NAME_ENCODED`]).
    pub fn expected_path(&self) -> String {
        let mut filled = self.template.to_owned();
        for param in self.path_params() {
            let encoded = param.encoded;
            let placeholder = format!("{{{}}}", param.name);
            assert!(filled.contains(&placeholder), "{}: {placeholder}", self.id);
            filled = filled.replace(&placeholder, &encoded);
        }
        assert!(!filled.contains('{'), "{}: unfilled {filled}", self.id);
        filled
    }

    /// Sent without credentials: `security: []`.
    fn anonymous(&self) -> bool {
        self.node["security"].as_array().is_some_and(Vec::is_empty)
    }

    fn form(&self) -> &'static Node {
        &self.node["requestBody"]["content"]["application/x-www-form-urlencoded"]
    }

    /// The first example request, as an object.
    /// The request body's content: a form, or a JSON object.
    fn body_content(&self) -> &'static Node {
        match self.form() {
            form if !form.is_null() => form,
            _ => self.json_body(),
        }
    }

    fn json_body(&self) -> &'static Node {
        &self.node["requestBody"]["content"]["application/json"]
    }

    fn request_example(&self) -> Option<Map<String, Value>> {
        let example = first_example(self.body_content())?;
        match example {
            Value::Object(example) => Some(example),
            // An example without a value (`CreateChannelsSender`).
            Value::Null => None,
            other => panic!("{}: example request {other}", self.id),
        }
    }

    /// `schema`, or what its `$ref` points to.
    fn resolve(&self, node: &'static Node) -> &'static Node {
        let Some(to) = node["$ref"].as_str() else {
            return node;
        };
        let path = to.strip_prefix("#/components/");
        let found = path.and_then(|path| {
            path.split('/')
                .try_fold(self.components, |n, key| n.get(key))
        });
        found.unwrap_or_else(|| panic!("{}: unexpected $ref {to}", self.id))
    }

    /// The request body's required properties, with their schemas.
    fn required_in_body(&self) -> Vec<(&'static str, &'static Node)> {
        let schema = self.resolve(&self.body_content()["schema"]);
        let required = schema["required"].as_array().into_iter().flatten();
        required
            .filter_map(Node::as_str)
            .map(|key| (key, &schema["properties"][key]))
            .collect()
    }

    /// The required query parameters, with their schemas.
    fn required_in_query(&self) -> Vec<(&'static str, &'static Node)> {
        self.params_in("query")
            .filter(|p| p["required"].as_bool() == Some(true))
            .map(|p| (p["name"].as_str().expect("name"), &p["schema"]))
            .collect()
    }

    /// Adds a sample for every required value the example lacks (Twilio's examples
    /// leave some out): the call must send it, and the server receive it.
    fn fill_required(&self, values: &mut Map<String, Value>, required: Vec<(&str, &'static Node)>) {
        for (key, schema) in required {
            if !values.contains_key(key) {
                values.insert(key.to_owned(), self.sample(schema));
            }
        }
    }

    /// A value of `schema`, as the examples write one: an enum's first value, a SID
    /// of its pattern, an integer 7, a number 1.5, a moment, a URL, a list of one sample.
    fn sample(&self, schema: &'static Node) -> Value {
        let schema = self.resolve(schema);
        if let Some(first) = schema["enum"].get(0) {
            return first.clone();
        }
        if let Some(pattern) = schema["pattern"].as_str() {
            return pattern_sample(pattern).into();
        }
        match (schema["type"].as_str(), schema["format"].as_str()) {
            (Some("integer"), _) => 7.into(),
            (Some("number"), _) => 1.5.into(),
            (Some("boolean"), _) => true.into(),
            (Some("array"), _) => Value::Array(vec![self.sample(&schema["items"])]),
            (Some("object"), _) => Value::Object(Map::new()),
            (_, Some("date-time")) => "2024-05-01T12:00:00Z".into(),
            (_, Some("date")) => DAY.into(),
            (_, Some("uri")) => "https://example.com/sample".into(),
            _ => {
                // Within the schema's lengths: `iso_country` is two letters.
                let len = |key: &str| schema[key].as_u64().map(|n| n as usize);
                let (min, max) = (len("minLength").unwrap_or(0), len("maxLength"));
                let mut text = "sample".to_owned();
                text.truncate(max.unwrap_or(text.len()));
                text.push_str(&"a".repeat(min.saturating_sub(text.len())));
                text.into()
            }
        }
    }

    /// An answer of `schema` for an operation without an example: every property
    /// given a sample, a list (a page's records) empty.
    fn sample_answer(&self, schema: &'static Node) -> Value {
        let schema = self.resolve(schema);
        match schema["properties"].as_object() {
            Some(properties) => properties
                .iter()
                .map(|(key, property)| {
                    let property = self.resolve(property);
                    let value = match property["type"].as_str() {
                        Some("array") => Value::Array(Vec::new()),
                        _ if property["properties"].is_object() => self.sample_answer(property),
                        _ => self.sample(property),
                    };
                    (key.clone(), value)
                })
                .collect(),
            None => self.sample(schema),
        }
    }

    fn request_schema_has(&self, key: &str) -> bool {
        // A free-form JSON body (no properties) takes any key of its example.
        let schema = &self.body_content()["schema"];
        !schema["properties"][key].is_null()
            || (!self.json_body().is_null() && schema["properties"].is_null())
    }

    /// The usual 2xx status, its first JSON example (none for 204) and its schema.
    pub fn success(&self) -> (u16, Option<Value>, &'static Node) {
        let (status, content) = self.answer();
        (status, first_example(content), &content["schema"])
    }

    /// The lowest 2xx status, the usual one (or the 3xx of an operation that only
    /// redirects), and its `application/json` content (null for 204).
    pub fn answer(&self) -> (u16, &'static Node) {
        let node: &'static Node = self.node;
        let responses = node["responses"].as_object().expect("responses");
        let (status, response) = responses
            .iter()
            .filter_map(|(code, response)| {
                let code: u16 = code.parse().ok()?;
                (200..400).contains(&code).then_some((code, response))
            })
            .min_by_key(|(code, _)| *code)
            .expect("a 2xx or 3xx answer");
        // JSON, or a JSON of its own (`application/scim+json`).
        let content = response["content"].as_object().and_then(|types| {
            let json = |t: &&String| t.as_str() == "application/json" || t.ends_with("+json");
            types.iter().find(|(t, _)| json(t)).map(|(_, c)| c)
        });
        static NONE: Node = Node::Null;
        (status, content.unwrap_or(&NONE))
    }
}

// ---------------------------------------------------------------------------------
// Paging over two resources
// ---------------------------------------------------------------------------------

/// The first example answer of the list `op` with records (`readFull`; some lists
/// give `readEmpty` first).
fn full_page_example(op: &Operation) -> Value {
    let (_, content) = op.answer();
    let examples = content["examples"].as_object().expect("examples");
    examples
        .values()
        .map(|example| example["value"].clone())
        .find(|page| {
            let key = page["meta"]["key"].as_str().unwrap_or_default();
            page[key]
                .as_array()
                .is_some_and(|records| !records.is_empty())
        })
        .unwrap_or_else(|| panic!("{}: no example page with records", op.id))
}

/// A list served in two pages built from its OpenAPI example: page 0 has records 1
/// and 2 and links to page 1 on the same server, page 1 has record 3 and no next page.
pub struct TwoPages<'a> {
    doc: &'a Doc,
    op_id: &'static str,
    /// The records, in order.
    pub served: Vec<Value>,
    /// The query of each page's request.
    queries: [String; 2],
}

impl<'a> TwoPages<'a> {
    /// Serves `doc`'s list `op_id` on `server`, each page once: page 0 to a request
    /// whose query is exactly `first_query` (what the caller's parameters send; empty
    /// for none).
    pub async fn serve(
        server: &MockServer,
        doc: &'a Doc,
        op_id: &'static str,
        first_query: &str,
    ) -> TwoPages<'a> {
        let op = doc.find(op_id);
        let example = full_page_example(&op);
        let key = example["meta"]["key"]
            .as_str()
            .expect("meta.key")
            .to_owned();
        let template = example[&key][0].clone();
        let prefix = &template["sid"].as_str().expect("a record SID")[..2];
        let record = |n: u32| {
            let mut record = template.clone();
            record["sid"] = format!("{prefix}{n:032x}").into();
            record
        };
        let collection = op.expected_path();
        let base = format!("{}{collection}", server.uri());
        let queries = [
            first_query.to_owned(),
            "PageSize=2&Page=1&PageToken=PT1".to_owned(),
        ];
        let pages = [vec![record(1), record(2)], vec![record(3)]];
        for (i, (query, records)) in queries.iter().zip(&pages).enumerate() {
            let mut body = example.clone();
            body[&key] = Value::Array(records.clone());
            body["meta"]["page"] = i.into();
            body["meta"]["page_size"] = 2.into();
            let url = |query: &str| match query {
                "" => base.clone(),
                query => format!("{base}?{query}"),
            };
            body["meta"]["url"] = url(query).into();
            body["meta"]["next_page_url"] = queries
                .get(i + 1)
                .map_or(Value::Null, |next| url(next).into());
            let query_is = match query.as_str() {
                "" => QueryIs::none(),
                query => QueryIs::exactly(query),
            };
            Mock::given(method("GET"))
                .and(path(collection.as_str()))
                .and(query_is)
                .respond_with(json(200, &body))
                .expect(1)
                .mount(server)
                .await;
        }
        TwoPages {
            doc,
            op_id,
            served: pages.concat(),
            queries,
        }
    }

    /// Checks `records` (as JSON) against the served ones, as the table checks a
    /// record.
    pub fn assert_records(&self, records: &Value) {
        let op = self.doc.find(self.op_id);
        let (_, _, page_schema) = op.success();
        let example = full_page_example(&op);
        let key = example["meta"]["key"].as_str().expect("meta.key");
        let mut problems = Vec::new();
        compare(
            self.doc,
            &Value::Array(self.served.clone()),
            records,
            &self.doc.resolve(page_schema)["properties"][key],
            self.op_id,
            &mut problems,
        );
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Checks the streamed records, and that the stream asked for page 0, then page
    /// 1, then stopped.
    pub async fn assert_streamed<T: serde::Serialize>(&self, server: &MockServer, streamed: &[T]) {
        self.assert_records(&serde_json::to_value(streamed).expect("encodes"));
        let queries: Vec<String> = received(server)
            .await
            .iter()
            .filter(|r| r.method.as_str() == "GET")
            .map(|r| r.url.query().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(queries, self.queries, "{}", self.op_id);
    }
}
