//! The spec format as written by people: plain serde structs, checked for shape only.
//!
//! Every struct denies unknown keys so a typo is an error, never a silent no-op.
//! Meaning (types resolve, paths match their parameters, …) is checked in `lower`.
//!
//! Longer than the project's 600-line guide on purpose: this is the format itself,
//! a struct per section of `codegen/docs/spec-format.md`, read beside it; split, a
//! reader would have to assemble the format from several files to check one against
//! the other.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// One spec file. An API may be split over several files; exactly one holds `api`, and
/// at most one `openapi`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecFile {
    pub api: Option<Api>,
    /// The OpenAPI description the spec follows, and the maintainer's choices about it.
    pub openapi: Option<OpenApi>,
    #[serde(default)]
    pub types: Entries<NamedType>,
    #[serde(default)]
    pub resources: Entries<Resource>,
    /// The requests Twilio sends to the API's webhook URLs.
    pub webhooks: Option<Webhooks>,
    /// Requests Twilio sends without an `EventType`, each to a URL of its own.
    pub callbacks: Option<Callbacks>,
    /// A TwiML vocabulary: the crate is a document builder, not a client.
    pub twiml: Option<Twiml>,
    /// Spec files outside the folder read as if they were in it, by path from the
    /// folder: a fact two APIs share, written once.
    #[serde(default)]
    pub include: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Api {
    #[serde(rename = "crate")]
    pub crate_name: String,
    pub version: String,
    pub title: String,
    /// Required for an API; a TwiML crate sends nothing and has none.
    pub base_url: Option<String>,
    /// Required for an API; a TwiML crate has none.
    pub auth: Option<Auth>,
    pub docs: Option<String>,
    /// Rust statements for the crate docs' quick start, compiled as a doctest.
    pub quick_start: Option<String>,
    /// `false` for a crate that is never published, such as a test fixture.
    #[serde(default = "yes")]
    pub publish: bool,
    /// The path parameter (by wire name, `AccountSid`) that the client's own account
    /// fills, so a handle under it is made without one.
    pub client_account: Option<String>,
    /// The access-token grant of the client SDK that uses this API, for the crate
    /// docs' "Mint a token for your client".
    pub access_token: Option<crate::model::TokenGrant>,
}

fn yes() -> bool {
    true
}

/// The credentials the API takes: `basic`, or a mapping of the kinds
/// (`{ oauth2: { token_url: … } }`, with `basic: true` when it takes both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// HTTP Basic with an account (or API key) SID and a secret.
    Basic,
    /// Each kind the API takes.
    Kinds(AuthKinds),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthKinds {
    /// HTTP Basic too.
    #[serde(default)]
    pub basic: bool,
    /// OAuth2 client credentials.
    pub oauth2: Option<OAuth2>,
}

/// OAuth2 client credentials, traded for a bearer token at `token_url`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OAuth2 {
    pub token_url: String,
}

impl<'de> Deserialize<'de> for Auth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AuthVisitor;

        impl<'de> Visitor<'de> for AuthVisitor {
            type Value = Auth;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`basic` or a mapping with `oauth2: { token_url: … }`")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Auth, E> {
                match v {
                    "basic" => Ok(Auth::Basic),
                    other => Err(E::custom(format_args!(
                        "unknown auth `{other}`, expected `basic` or a mapping with \
                         `oauth2: {{ token_url: … }}`"
                    ))),
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Auth, A::Error> {
                AuthKinds::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Auth::Kinds)
            }
        }

        deserializer.deserialize_any(AuthVisitor)
    }
}

/// The OpenAPI file a spec is witnessed against (and imported from), with where the
/// spec deliberately departs from it and the choices an import keeps.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenApi {
    /// The OpenAPI file, relative to the spec folder.
    pub source: String,
    /// Differences from the source, each with its reason; the witness excuses exactly
    /// these.
    #[serde(default)]
    pub departures: Vec<Departure>,
    /// Names the importer gives instead of its own: resource and type names, by the
    /// name it would give.
    #[serde(default)]
    pub rename: Entries<String>,
    /// Parameters (by wire name) that are secrets, or are not, whatever their name says.
    #[serde(default)]
    pub secrets: Entries<bool>,
    /// Example programs, by resource name.
    #[serde(default)]
    pub examples: Entries<ExampleKind>,
}

/// One difference between the spec and its OpenAPI source, as the witness reports it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Departure {
    pub openapi: String,
    pub spec: String,
    pub differs: String,
    pub expected: String,
    pub found: String,
    pub reason: String,
}

/// A reusable type declared once under `types:`: a constrained string, an enum, or an
/// object with typed properties.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedType {
    pub doc: String,
    pub pattern: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub values: Option<Vec<String>>,
    /// An object's properties, in wire order, written as a resource's are.
    pub properties: Option<Entries<Property>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub doc: String,
    /// Plural used for the list type and client handle; defaults to the name + `s`.
    pub plural: Option<String>,
    /// Path parameters declared once for every operation whose path names them.
    #[serde(default)]
    pub params: Entries<Param>,
    /// An example program to generate for this resource.
    pub example: Option<ExampleKind>,
    #[serde(default)]
    pub properties: Entries<Property>,
    #[serde(default)]
    pub operations: Operations,
}

/// What an example program does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExampleKind {
    /// Lists every record.
    List,
    /// Creates a record from the command line's arguments, then lists every record.
    CreateAndList,
}

impl ExampleKind {
    /// As the spec writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ExampleKind::List => "list",
            ExampleKind::CreateAndList => "create-and-list",
        }
    }
}

/// A resource's field as it appears in responses. Its type keys are repeated in
/// [`Param`]: `deny_unknown_fields` does not work through `#[serde(flatten)]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    #[serde(rename = "type")]
    pub ty: String,
    pub items: Option<String>,
    pub format: Option<DateFormat>,
    pub values: Option<Vec<String>>,
    pub minimum: Option<Bound>,
    pub maximum: Option<Bound>,
    /// For a `map`: its values may be `null`.
    #[serde(default)]
    pub items_nullable: bool,
    #[serde(default)]
    pub nullable: bool,
    /// What a body without this property decodes to.
    pub default: Option<Scalar>,
    pub doc: String,
}

/// A scalar value as written: a default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateFormat {
    Iso8601,
    Rfc2822,
}

/// A numeric bound as written: integers stay exact.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    Int(i64),
    Float(f64),
}

impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BoundVisitor;

        impl Visitor<'_> for BoundVisitor {
            type Value = Bound;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Bound, E> {
                Ok(Bound::Int(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Bound, E> {
                i64::try_from(v)
                    .map(Bound::Int)
                    .map_err(|_| out_of_range(v))
            }

            fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Bound, E> {
                i64::try_from(v)
                    .map(Bound::Int)
                    .map_err(|_| out_of_range(v))
            }

            fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Bound, E> {
                i64::try_from(v)
                    .map(Bound::Int)
                    .map_err(|_| out_of_range(v))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Bound, E> {
                Ok(Bound::Float(v))
            }
        }

        deserializer.deserialize_any(BoundVisitor)
    }
}

/// The error for a whole-number bound outside what the generated code can hold.
fn out_of_range<E: serde::de::Error>(v: impl fmt::Display) -> E {
    E::custom(format_args!(
        "the bound {v} is out of range: whole-number bounds go from {} to {}",
        i64::MIN,
        i64::MAX
    ))
}

/// The operations of a resource, at most one of each kind.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operations {
    pub create: Option<Operation>,
    pub fetch: Option<Operation>,
    pub list: Option<Operation>,
    pub update: Option<Operation>,
    pub delete: Option<Operation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    pub method: Method,
    pub path: String,
    /// The success status, or several (`[201, 202]`), the first being the usual one.
    pub status: Statuses,
    /// The key of the records array in a list response (Twilio's `meta.key`).
    pub envelope: Option<String>,
    /// Where a list response says how to reach the next page: `meta` (the default) or
    /// `flat` (api_v2010: `next_page_uri` and the rest beside the records).
    pub paging: Option<crate::model::Paging>,
    pub doc: Option<String>,
    /// Sent without credentials: the API takes it from anyone (an OAuth2 token
    /// endpoint, whose form carries its own).
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub params: Entries<Param>,
}

/// One status or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Statuses {
    One(u16),
    Several(Vec<u16>),
}

impl Statuses {
    pub fn to_vec(&self) -> Vec<u16> {
        match self {
            Statuses::One(s) => vec![*s],
            Statuses::Several(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    #[serde(rename = "in")]
    pub location: ParamIn,
    #[serde(rename = "type")]
    pub ty: String,
    pub items: Option<String>,
    pub format: Option<DateFormat>,
    pub values: Option<Vec<String>>,
    pub minimum: Option<Bound>,
    pub maximum: Option<Bound>,
    #[serde(default)]
    pub required: bool,
    /// The API takes an explicit null, sent as an empty value.
    #[serde(default)]
    pub nullable: bool,
    /// Never shown by `Debug` or in errors (a key, a password).
    #[serde(default)]
    pub secret: bool,
    /// The Rust name, where the wire name's would be taken or reserved
    /// (`StartTime<` → `start_time_before`); made snake case like a wire name.
    pub name: Option<String>,
    pub doc: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamIn {
    Path,
    Query,
    Form,
    /// A property of an `application/json` object body.
    Json,
    /// The whole `application/json` body, free-form (`type: object`).
    Body,
    Header,
}

/// A YAML mapping kept in spec order; a key given twice is an error.
#[derive(Debug)]
pub struct Entries<T>(pub Vec<(String, T)>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of names to definitions")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                let mut seen = std::collections::HashSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        // Worded as serde_yaml words it for untyped mappings.
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate entry with key \"{key}\""
                        )));
                    }
                    let _entered = recovery::Enter::new(&key);
                    if recovery::skipped() {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        continue;
                    }
                    match map.next_value::<T>() {
                        Ok(value) => entries.push((key, value)),
                        Err(e) => {
                            recovery::failed();
                            return Err(e);
                        }
                    }
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// Reporting every shape error of a file, not only the first: serde stops at the
/// first error, so the loader parses again with each failed entry skipped. An entry
/// is named by the keys of the [`Entries`] maps it sits in (`["Invite", "sid"]`).
pub(crate) mod recovery {
    use std::cell::RefCell;

    thread_local! {
        /// Keys of the `Entries` being read, outermost first.
        static CHAIN: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
        /// Entries to skip on this pass.
        static SKIP: RefCell<Vec<Vec<String>>> = const { RefCell::new(Vec::new()) };
        /// The innermost entry that failed on this pass.
        static FAILED: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    }

    /// Marks reading one entry; leaving the scope unmarks it, error or not.
    pub struct Enter;

    impl Enter {
        pub fn new(key: &str) -> Self {
            CHAIN.with(|c| c.borrow_mut().push(key.to_string()));
            Enter
        }
    }

    impl Drop for Enter {
        fn drop(&mut self) {
            CHAIN.with(|c| c.borrow_mut().pop());
        }
    }

    pub fn skipped() -> bool {
        CHAIN.with(|c| SKIP.with(|s| s.borrow().contains(&c.borrow())))
    }

    /// Records the entry being read as failed, unless an inner one already was.
    pub fn failed() {
        FAILED.with(|f| {
            let mut f = f.borrow_mut();
            if f.is_none() {
                *f = Some(CHAIN.with(|c| c.borrow().clone()));
            }
        });
    }

    /// Runs `parse` with `skip` entries skipped; returns its result and the entry
    /// that failed, if the failure was inside one.
    pub fn with_skips<T>(
        skip: &[Vec<String>],
        parse: impl FnOnce() -> T,
    ) -> (T, Option<Vec<String>>) {
        SKIP.with(|s| *s.borrow_mut() = skip.to_vec());
        FAILED.with(|f| *f.borrow_mut() = None);
        CHAIN.with(|c| c.borrow_mut().clear());
        let result = parse();
        let failed = FAILED.with(|f| f.borrow_mut().take());
        SKIP.with(|s| s.borrow_mut().clear());
        (result, failed)
    }
}

/// The events Twilio sends the API's webhook URLs, and how to answer them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Webhooks {
    /// Where the events and their parameters are documented (a URL).
    pub source: String,
    /// What the crate docs say about them.
    pub doc: Option<String>,
    /// The status a pre-event's rejection answers with.
    pub reject_status: u16,
    /// Every parameter the events send, by wire name, declared once.
    pub params: Entries<WebhookParam>,
    /// The parameters every event sends, besides `EventType`.
    #[serde(default)]
    pub common: Vec<String>,
    /// The events, by their `EventType`.
    pub events: Entries<WebhookEvent>,
    /// A receiver program to generate.
    pub example: Option<WebhookExample>,
}

/// Requests Twilio sends to URLs the account configures (an incoming message, a
/// call's status), which carry no `EventType`: the receiver knows which it is by the
/// URL it was sent to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Callbacks {
    /// What the module docs say about them.
    pub doc: Option<String>,
    /// Every parameter the requests send, by wire name, declared once.
    pub params: Entries<WebhookParam>,
    /// The parameters every request sends.
    #[serde(default)]
    pub common: Vec<String>,
    /// The requests, by the name of their struct.
    pub requests: Entries<CallbackRequest>,
}

/// One kind of request.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallbackRequest {
    /// The docs page that lists its parameters (a URL).
    pub source: String,
    pub doc: String,
    /// What Twilio waits for in answer.
    pub answer: crate::model::CallbackAnswer,
    /// The parameters the docs list for it, besides the common ones.
    #[serde(default)]
    pub params: Vec<String>,
    /// Whether it carries the numbered `MediaUrl{N}`/`MediaContentType{N}` pairs.
    #[serde(default)]
    pub media: bool,
}

/// A TwiML vocabulary: the enums its attributes share, and its documents (Voice,
/// Messaging, Fax), each a root element and the elements that may appear in it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Twiml {
    /// Enums of attribute values, by Rust name, shared by every document.
    #[serde(default)]
    pub enums: Entries<TwimlEnum>,
    /// The documents, by module name (`voice`).
    pub documents: Entries<TwimlDocument>,
}

/// An enum of attribute values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwimlEnum {
    pub doc: String,
    /// The values as written in the XML.
    pub values: Vec<String>,
    /// Whether values beyond the list may be written (`Other(String)`).
    #[serde(default)]
    pub open: bool,
}

/// One kind of TwiML document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwimlDocument {
    /// The root's Rust name; its tag is `Response`.
    pub root: String,
    pub doc: String,
    /// The docs page of the vocabulary (a URL).
    pub source: String,
    /// The elements the root may hold, in the order its docs list them.
    pub children: Vec<String>,
    /// The elements, by Rust name.
    pub elements: Entries<TwimlElement>,
}

/// One verb or noun.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwimlElement {
    /// The XML tag, when it differs from the Rust name.
    pub tag: Option<String>,
    pub doc: String,
    /// Whether it holds text.
    #[serde(default)]
    pub text: crate::model::TwimlText,
    /// Its attributes, by XML name.
    #[serde(default)]
    pub attributes: Entries<TwimlAttribute>,
    /// The elements it may hold.
    #[serde(default)]
    pub children: Vec<String>,
}

/// An attribute: a scalar or an enum; `list: true` for values joined by spaces.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwimlAttribute {
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub list: bool,
    /// Its setter, when the attribute's name in snake case is taken (by a child's
    /// adder of the same name).
    pub setter: Option<String>,
    pub doc: String,
}

/// A webhook parameter's type and docs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookParam {
    #[serde(rename = "type")]
    pub ty: String,
    pub format: Option<DateFormat>,
    pub doc: String,
}

/// One event.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookEvent {
    pub kind: EventKind,
    pub doc: String,
    /// The parameters the docs list for it, besides the common ones.
    #[serde(default)]
    pub params: Vec<String>,
    /// For a pre-event: the fields an answer may change, by JSON key, with docs.
    #[serde(default)]
    pub modify: Entries<String>,
}

/// Whether Twilio waits for the answer (and may be told no) or only reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Pre,
    Post,
}

/// A receiver that rejects the pre-event `reject` when its parameter `when_contains`
/// holds a word given on the command line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookExample {
    pub reject: String,
    pub when_contains: String,
}
