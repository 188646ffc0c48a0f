//! The resolved API: every name final, every reference resolved, every rule checked.
//! Emitters read only this, so they never see YAML and never fail.

mod twiml;
mod webhooks;

pub use twiml::*;
pub use webhooks::*;

#[derive(Debug)]
pub struct Api {
    /// Cargo package name (`twilio-chat-v1`).
    pub crate_name: String,
    /// The same as a Rust path segment (`twilio_chat_v1`).
    pub lib_name: String,
    pub version: String,
    pub title: String,
    pub base_url: String,
    /// The environment variable the example programs take another base URL from
    /// (`TWILIO_CHAT_V1_BASE_URL`).
    pub base_url_env: String,
    pub auth: Auth,
    pub docs: Option<String>,
    /// The spec's own quick start: Rust statements, run in an `async fn` that returns
    /// `Result<(), Box<dyn Error>>`.
    pub quick_start: Option<String>,
    /// Whether the crate may be published (`Cargo.toml`'s `publish`).
    pub publish: bool,
    /// The grant the crate docs show an access token with (`api.access_token`).
    pub access_token: Option<TokenGrant>,
    /// The path parameter the client's own account fills (`api.client_account`).
    pub client_account: Option<ClientAccount>,
    /// The spec files this API came from, for the "generated from" stamp.
    pub sources: Vec<String>,
    /// The OpenAPI description the spec follows, if it names one.
    pub openapi: Option<OpenApiLink>,
    pub types: Vec<NamedType>,
    pub resources: Vec<Resource>,
    /// The events Twilio sends the API's webhook URLs, if the spec lists them.
    pub webhooks: Option<Webhooks>,
    /// The requests without an `EventType`, if the spec lists them.
    pub callbacks: Option<Callbacks>,
    /// A TwiML vocabulary: then the crate is a document builder, and has no client.
    pub twiml: Option<Twiml>,
}

/// A grant of `twilio_codegen_runtime::access_token`, by the product whose client SDK
/// it serves; read from the spec as written (`chat`, `task_router`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenGrant {
    /// Chat, and Conversations, which takes the Chat grant.
    Chat,
    Voice,
    Video,
    Sync,
    TaskRouter,
}

impl Api {
    /// True when the named type `name` (by Rust name) is an enum.
    pub fn is_enum(&self, name: &str) -> bool {
        self.types
            .iter()
            .any(|t| t.name == name && matches!(t.kind, NamedKind::Enum(_)))
    }

    /// The object types, by Rust name.
    pub fn objects(&self) -> impl Iterator<Item = (&str, &ObjectDef)> {
        self.types.iter().filter_map(|t| match &t.kind {
            NamedKind::Object(def) => Some((t.name.as_str(), def)),
            _ => None,
        })
    }

    /// True when the named type `name` (by Rust name) is a SID.
    pub fn is_sid(&self, name: &str) -> bool {
        self.types
            .iter()
            .any(|t| t.name == name && matches!(t.kind, NamedKind::Sid { .. }))
    }

    /// True when some string rule needs the `regex` crate at run time.
    pub fn needs_regex(&self) -> bool {
        // A choice of SID prefixes is checked as a SID of each, without a regex.
        self.types.iter().any(|t| {
            matches!(&t.kind, NamedKind::Constrained(rule)
                if rule.pattern.is_some() && rule.sid_choice.is_none())
        })
    }

    /// True when some field or parameter is free-form JSON.
    pub fn needs_json(&self) -> bool {
        self.any_type(|ty| matches!(ty, Type::Json))
    }

    /// True when some field or parameter is a date-time.
    pub fn needs_dates(&self) -> bool {
        self.any_type(|ty| matches!(ty, Type::DateTime(_) | Type::DateFilter(_) | Type::Date))
    }

    /// True when `test` holds for the type of some field or parameter, or a type
    /// inside one.
    fn any_type(&self, test: impl Fn(&Type) -> bool + Copy) -> bool {
        self.resources.iter().any(|r| {
            let params = r.scope_params.iter().chain(
                r.operations
                    .iter()
                    .flat_map(|op| op.own_path_params.iter().chain(&op.params)),
            );
            r.fields.iter().any(|f| f.ty.contains(test))
                || params.into_iter().any(|p| p.ty.contains(test))
        }) || self
            .objects()
            .flat_map(|(_, def)| &def.fields)
            .any(|f| f.ty.contains(test))
            || self
                .webhooks
                .iter()
                .flat_map(|w| &w.params)
                .chain(self.callbacks.iter().flat_map(|c| &c.params))
                .any(|p| p.ty.contains(test))
    }
}

impl Type {
    /// True when `test` holds for this type or a type inside it.
    pub fn contains(&self, test: impl Fn(&Type) -> bool + Copy) -> bool {
        test(self)
            || match self {
                Type::Array(item) => item.contains(test),
                Type::Map { value, .. } => value.contains(test),
                _ => false,
            }
    }
}

/// The OpenAPI file a spec names as its source, relative to the spec folder, and the
/// differences from it the spec makes on purpose.
#[derive(Debug, Clone)]
pub struct OpenApiLink {
    pub source: String,
    pub departures: Vec<Departure>,
}

/// One deliberate difference from the OpenAPI source, as the witness reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Departure {
    pub openapi: String,
    pub spec: String,
    pub differs: String,
    pub expected: String,
    pub found: String,
    pub reason: String,
}

/// How requests prove who sends them: the kinds of credentials the API takes, at
/// least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auth {
    /// HTTP Basic with an account (or API key) SID and a secret.
    pub basic: bool,
    /// OAuth2 client credentials, traded for a bearer token.
    pub oauth2: Option<OAuth2>,
}

impl Auth {
    /// HTTP Basic only, as most of Twilio's APIs.
    pub const BASIC: Auth = Auth {
        basic: true,
        oauth2: None,
    };
}

/// Where an API that takes OAuth2 client credentials issues its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuth2 {
    /// As the spec gives it: `https://preview-iam.twilio.com/v1/token`.
    pub token_url: String,
    /// Its path on the base URL's origin, which the client resolves against its own
    /// base URL: `/v1/token`.
    pub token_path: String,
}

/// A type declared once under `types:`.
#[derive(Debug)]
pub struct NamedType {
    pub name: String,
    pub wire: String,
    pub doc: String,
    pub kind: NamedKind,
}

#[derive(Debug)]
pub enum NamedKind {
    /// A literal prefix and a fixed count of hex digits: checked byte by byte, no regex.
    Sid {
        prefix: String,
        digits: usize,
    },
    /// Any other constrained string.
    Constrained(StringRule),
    Enum(EnumDef),
    /// A JSON object with typed properties: a struct, in requests and answers alike.
    Object(ObjectDef),
}

/// The fields of an object type, and the enums its properties declare inline.
#[derive(Debug, Default)]
pub struct ObjectDef {
    pub fields: Vec<Field>,
    pub enums: Vec<InlineEnum>,
}

#[derive(Debug)]
pub struct EnumDef {
    pub variants: Vec<Variant>,
    /// The variant that keeps values unknown when the crate was generated (`Unknown`).
    pub fallback: String,
}

#[derive(Debug)]
pub struct StringRule {
    pub pattern: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    /// The pattern is a choice of SID prefixes of one length, then hex digits
    /// (`^(SM|MM)[0-9a-fA-F]{32}$`): checked as a SID of each, without a regex.
    pub sid_choice: Option<SidChoice>,
}

/// A SID of one of several prefixes (a 2010 Message is `SM` or `MM`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidChoice {
    pub prefixes: Vec<String>,
    pub digits: usize,
}

#[derive(Debug)]
pub struct Variant {
    pub name: String,
    pub wire: String,
}

/// An enum declared inline on a property or parameter, named after its owner.
#[derive(Debug)]
pub struct InlineEnum {
    pub name: String,
    pub doc: String,
    pub def: EnumDef,
    /// Path of the property or parameter that declared it, for diagnostics.
    pub origin: Vec<String>,
}

/// The path parameter a client fills with its own account: handles under it are made
/// without it, and `Client::with_account` acts for another account.
#[derive(Debug, Clone)]
pub struct ClientAccount {
    /// `AccountSid`.
    pub wire: String,
    /// Its SID type (`AccountSid`).
    pub ty: String,
}

#[derive(Debug)]
pub struct Resource {
    /// Struct name (`Invite`).
    pub name: String,
    pub wire: String,
    /// Module name (`invite`, `r#type`).
    pub module: String,
    /// The module's file in the generated crate (`src/resources/type.rs`).
    pub file: String,
    /// Plural in snake case (`invites`), for the client handle.
    pub plural_snake: String,
    /// Plural in camel case (`Invites`), for the list parameter type.
    pub plural_camel: String,
    /// The handle type (`Invites`): the plural, or `<Name>Handle` where the plural is
    /// the name itself (`Media`, a singleton's `Configuration`).
    pub handle: String,
    pub doc: String,
    pub fields: Vec<Field>,
    pub enums: Vec<InlineEnum>,
    /// Path parameters every operation shares (the parent scope: service, channel).
    pub scope_params: Vec<Param>,
    /// The first scope parameter is the client's account (`api.client_account`):
    /// the handle is made without it.
    pub from_client: bool,
    pub operations: Vec<Operation>,
    /// The page type, when the resource can be listed.
    pub page: Option<Page>,
    /// The example program the spec asks for.
    pub example: Option<Example>,
}

impl Resource {
    /// The scope parameters the handle's maker takes: all but the client's account.
    pub fn maker_params(&self) -> &[Param] {
        &self.scope_params[usize::from(self.from_client)..]
    }
}

impl Operation {
    /// Every parameter is an optional header (`X-Twilio-Webhook-Enabled` on a
    /// delete): the method takes none, and `<name>_with` takes them.
    pub fn optional_headers_only(&self) -> bool {
        !self.params.is_empty()
            && self
                .params
                .iter()
                .all(|p| p.location == ParamIn::Header && !p.required)
    }

    /// The method that takes the optional headers, beside the one that doesn't.
    pub fn with_fn_name(&self) -> Option<String> {
        self.optional_headers_only()
            .then(|| format!("{}_with", self.fn_name))
    }
}

/// An example program in `examples/`.
#[derive(Debug)]
pub struct Example {
    pub kind: ExampleKind,
    /// The program's name and file stem (`create_and_list_messages`).
    pub program: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleKind {
    /// Lists every record.
    List,
    /// Creates a record from the command line's arguments, then lists every record.
    CreateAndList,
}

#[derive(Debug)]
pub struct Page {
    pub name: String,
    /// The key of the records array (`invites`).
    pub key: String,
    /// The Rust field that holds the records.
    pub field: String,
    pub paging: Paging,
}

/// How a list response links to its other pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paging {
    /// A `meta` object with `next_page_url` and the rest, absolute URLs.
    Meta,
    /// `next_page_uri`, `first_page_uri`, `previous_page_uri`, `uri`, `page` and
    /// `page_size` beside the records, URIs relative to the host.
    Flat,
    /// No link to another page: the records are the whole listing.
    None,
    /// `current_page`, `per_page` and `has_next` beside the records: the next page is
    /// the first request with `Page` one higher (numbers_v2).
    Numbered,
    /// A `meta` object with `next_token` and `previous_token`: the next page is the
    /// first request with `Token` set to `next_token` (numbers_v1).
    Token,
    /// A SCIM list (RFC 7644): `Resources` with `totalResults`, `schemas` and, where
    /// sent, `startIndex` and `itemsPerPage` (iam_organizations' users). Read as one
    /// page: the operation takes no `startIndex`.
    Scim,
}

#[derive(Debug)]
pub struct Field {
    pub name: String,
    pub wire: String,
    pub doc: String,
    pub ty: Type,
    /// The API may send `null`.
    pub nullable: bool,
    /// What a body without the field decodes to; without one, the field is an
    /// `Option` and decodes to `None`.
    pub default: Option<Literal>,
    /// The function serde calls for a default that isn't the type's own `Default`
    /// (`default_status`).
    pub default_fn: Option<String>,
}

/// A default value, checked against its field's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A variant of the field's enum: its wire value and its Rust name.
    Variant {
        wire: String,
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    String,
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
    },
    /// A decimal amount kept as written (a price): the runtime's `Decimal`.
    Decimal,
    Boolean,
    DateTime(DateFormat),
    /// A list filter's date-time, which also takes a day: the runtime's `DateFilter`,
    /// a moment written in the format, a day as `2026-12-01`.
    DateFilter(DateFormat),
    /// A calendar date, `2026-12-01`.
    Date,
    Uri,
    Json,
    /// A string or enum type from `types:`, by Rust name.
    Named(String),
    /// An object type from `types:`, by Rust name.
    Object(String),
    /// An inline enum of the resource, by Rust name.
    Enum(String),
    Array(Box<Type>),
    /// A JSON object of names to values.
    Map {
        value: Box<Type>,
        nullable_values: bool,
    },
}

/// How a date-time is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFormat {
    /// `2015-07-30T20:00:00Z`.
    Iso8601,
    /// `Thu, 30 Jul 2015 20:00:00 +0000`.
    Rfc2822,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OpKind {
    Create,
    Fetch,
    List,
    Update,
    Delete,
}

impl OpKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OpKind::Create => "create",
            OpKind::Fetch => "fetch",
            OpKind::List => "list",
            OpKind::Update => "update",
            OpKind::Delete => "delete",
        }
    }
}

#[derive(Debug)]
pub struct Operation {
    pub kind: OpKind,
    /// The handle's method that sends it (`create`).
    pub fn_name: String,
    /// The handle's private method that builds its request (`create_request`).
    pub request_fn: String,
    /// How error messages name it (`Invite.create`).
    pub label: String,
    pub method: Method,
    pub path: Vec<PathSegment>,
    /// The success statuses the API description names, the usual one first.
    pub statuses: Vec<u16>,
    /// What a success answers with, and so what the method returns.
    pub answer: Answer,
    pub doc: Option<String>,
    /// Path parameters of this operation beyond the resource's scope (the `Sid`).
    pub own_path_params: Vec<Param>,
    /// Query and form parameters; they make up the parameter struct.
    pub params: Vec<Param>,
    /// The parameter struct (`CreateInvite`), when there are query or form parameters.
    pub params_type: Option<String>,
    /// Sent without credentials.
    pub anonymous: bool,
}

/// What an operation's success answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The resource's record (a page of them for a list).
    Record,
    /// No content: a delete, or an operation whose statuses are all 204.
    Nothing,
    /// A redirect (its status a 3xx): the method returns where it points, unfollowed.
    Redirect,
}

/// An operation's HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// The method as HTTP spells it (`GET`), which is also its `reqwest::Method` constant.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum PathSegment {
    Literal(String),
    /// A placeholder, by wire name.
    Param(String),
}

/// A path as the spec writes it: `/v1/Services/{ServiceSid}`.
pub fn path_template(path: &[PathSegment]) -> String {
    path.iter()
        .map(|s| match s {
            PathSegment::Literal(text) => text.clone(),
            PathSegment::Param(wire) => format!("{{{wire}}}"),
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub wire: String,
    pub doc: String,
    pub location: ParamIn,
    pub ty: Type,
    pub required: bool,
    /// The API takes an explicit null for it, sent as an empty value.
    pub nullable: bool,
    /// Never shown by `Debug` or in errors.
    pub secret: bool,
}

/// Where a parameter is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ParamIn {
    Path,
    Query,
    Form,
    /// A property of the JSON object body.
    Json,
    /// The whole JSON body.
    Body,
    Header,
}

impl ParamIn {
    /// The location as the spec writes it (`query`).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamIn::Path => "path",
            ParamIn::Query => "query",
            ParamIn::Form => "form",
            ParamIn::Json => "json",
            ParamIn::Body => "body",
            ParamIn::Header => "header",
        }
    }
}
