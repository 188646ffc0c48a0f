//! The public API of a crate, one item a line: every type, field, variant, method,
//! constant, re-export and impl a consumer can depend on, and for a generated crate
//! the rules behind them (wire names, routes, bounds, patterns). Reviewers read its
//! snapshot to see the API change behind a spec change; [`crate::api_diff`]
//! classifies the change, and [`crate::release`] records it.
//!
//! One mechanism for every crate: the items are read from the Rust code with syn
//! ([`code`]), so a public item can't be missing; a generated crate's side table
//! ([`facts`]), built from the model, adds what the code can't show. Types are
//! printed with `std`, `crate` and runtime paths cut to their last segment
//! (`Option<RoleSid>`), other crates' kept (`time::OffsetDateTime`) ([`show`]).
//! Docs are fingerprinted per item, so a docs-only change is still seen.

pub mod code;
mod facts;
mod fingerprint;
mod items;
pub mod show;
mod syntax;

pub use facts::value_type_name;
use fingerprint::{fingerprint, Fingerprint};

use crate::model::{Api, Method, ParamIn, PathSegment};
use std::borrow::Cow;
use std::fmt::Write as _;

/// The first lines of [`render`]'s text.
const HEADER: &str = "\
# Public API surface (codegen/src/surface), one item a line, sorted by path.
";

/// Every public item of one generated crate, sorted by path.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Surface {
    /// The Cargo package name.
    pub crate_name: String,
    /// Its version (a generated crate's `api.version`).
    pub version: String,
    pub items: Vec<Item>,
}

/// One public item: a line of the surface.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Item {
    pub kind: Kind,
    /// `Invite.role_sid`, `ChannelType::Private`, `Invites::create`.
    pub path: String,
    /// The item whose addition or removal takes this one with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<(Kind, String)>,
    pub detail: Detail,
    /// A fingerprint of the item's docs (0 for none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub docs: u64,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Kind {
    Crate,
    /// Another public path to an item listed elsewhere, or to another crate's.
    Use,
    Const,
    /// A constrained string newtype, or a type alias.
    Type,
    Enum,
    Struct,
    Trait,
    Macro,
    Variant,
    Field,
    Param,
    Fn,
    TraitItem,
    /// A trait implemented, by an impl block, a derive or a runtime macro's call.
    Impl,
    /// The HTTP method, path and success status of an operation.
    Route,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Crate => "crate",
            Kind::Use => "use",
            Kind::Const => "const",
            Kind::Type => "type",
            Kind::Enum => "enum",
            Kind::Struct => "struct",
            Kind::Trait => "trait",
            Kind::Macro => "macro",
            Kind::Variant => "variant",
            Kind::Field => "field",
            Kind::Param => "param",
            Kind::Fn => "fn",
            Kind::TraitItem => "trait item",
            Kind::Impl => "impl",
            Kind::Route => "route",
        }
    }
}

/// What a struct is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StructRole {
    /// A resource's representation.
    Record,
    /// One page of a list.
    Page,
    /// An operation's query or form parameters.
    Params,
    /// A resource's client handle.
    Handle,
    /// A webhook request: `webhooks::Event`.
    WebhookEvent,
    /// One event's declared parameters: `webhooks::OnMessageSend`.
    EventParams,
    /// The changes an answer to a pre-event makes.
    EventChanges,
    /// A request without an `EventType`, read by its URL: `callbacks::IncomingMessage`.
    Callback,
}

impl StructRole {
    fn as_str(self) -> &'static str {
        match self {
            StructRole::Record => "record",
            StructRole::Page => "page",
            StructRole::Params => "params",
            StructRole::Handle => "handle",
            StructRole::WebhookEvent => "webhook event",
            StructRole::EventParams => "event params",
            StructRole::EventChanges => "event changes",
            StructRole::Callback => "callback",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FnRole {
    /// `Client::invites`, which makes a handle.
    HandleMaker,
    /// An operation's method on its handle.
    Operation,
    /// `stream`, beside a list operation.
    Stream,
    /// A parameter struct's `new`, taking the required parameters in order.
    Constructor,
}

/// Lower and upper bounds, either of them open.
pub type Range<T> = (Option<T>, Option<T>);

/// The bounds `validate` checks on a parameter.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Bounds {
    None,
    Int(Range<i64>),
    Float(Range<f64>),
}

/// The credentials a crate's client takes: which `Auth` values its `build` accepts,
/// and where an OAuth2 client sends them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CrateAuth {
    pub basic: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth2_token_url: Option<String>,
}

impl Default for CrateAuth {
    fn default() -> Self {
        CrateAuth {
            basic: true,
            oauth2_token_url: None,
        }
    }
}

impl CrateAuth {
    fn is_basic_only(&self) -> bool {
        *self == CrateAuth::default()
    }

    /// The client takes every credential `old` took, at the same token URL.
    pub fn takes_all_of(&self, old: &CrateAuth) -> bool {
        (self.basic || !old.basic)
            && (old.oauth2_token_url.is_none() || old.oauth2_token_url == self.oauth2_token_url)
    }
}

/// What an item is, in the terms the classification compares. What the code shows
/// is always set; what only the side table knows is `None` for the runtime's items.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Detail {
    Crate {
        name: String,
        lib: String,
        /// The credentials the crate's client takes; left out of a record when HTTP
        /// Basic alone, as every crate took before OAuth2.
        #[serde(default, skip_serializing_if = "CrateAuth::is_basic_only")]
        auth: CrateAuth,
    },
    /// A re-export: the path of the item it names.
    Use(String),
    Const {
        ty: String,
        /// The value, where it is part of the API (the base URL).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
    },
    /// A string newtype: what `validate` accepts, and its name in error messages.
    StringType {
        pattern: Option<String>,
        length: Range<u64>,
        wire: String,
    },
    Enum {
        non_exhaustive: bool,
    },
    Struct {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<StructRole>,
        non_exhaustive: bool,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        generics: String,
    },
    Variant {
        /// `(String)` for the fallback variant that keeps unknown values.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        fields: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wire: Option<String>,
    },
    Field {
        ty: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wire: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        nullable: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        default: Option<String>,
    },
    Param {
        /// The field's type (`Option<u32>`).
        ty: String,
        wire: String,
        location: ParamIn,
        required: bool,
        bounds: Bounds,
        secret: bool,
        /// Takes an explicit null.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        nullable: bool,
    },
    Fn {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<FnRole>,
        is_async: bool,
        /// `&self`, `self`, `&mut self`, or empty.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        receiver: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        generics: String,
        /// Argument names and types, in order.
        args: Vec<(String, String)>,
        ret: String,
    },
    Route {
        method: Method,
        path: Vec<PathSegment>,
        /// The usual success status, then any others the API answers with.
        status: u16,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<u16>,
        /// Sent without credentials.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        anonymous: bool,
    },
    /// What is compared as written: a type alias, trait, trait item, macro or impl.
    Text(String),
}

impl Item {
    pub fn new(
        kind: Kind,
        path: String,
        parent: Option<(Kind, &str)>,
        detail: Detail,
        docs: u64,
    ) -> Item {
        Item {
            kind,
            path,
            parent: parent.map(|(k, p)| (k, p.to_string())),
            detail,
            docs,
        }
    }

    /// The item as a line of the surface.
    pub fn line(&self) -> String {
        let label = match self.detail {
            Detail::Fn { is_async: true, .. } => "async fn",
            _ => self.kind.as_str(),
        };
        format!("{label} {}{}", self.path, self.tail())
    }

    /// The line after the path: the signature, type or value, and annotations.
    pub fn tail(&self) -> String {
        match &self.detail {
            Detail::Crate { lib, auth, .. } => crate_tail(lib, auth),
            Detail::Use(to) => format!(" = {to}"),
            Detail::Const { ty, value } => match value {
                Some(value) => format!(": {ty} = {value}"),
                None => format!(": {ty}"),
            },
            Detail::StringType {
                pattern,
                length,
                wire,
            } => string_type_tail(
                pattern.as_deref(),
                *length,
                // Named when the API's name differs from the type's own.
                (Some(wire.as_str()) != self.path.rsplit("::").next()).then_some(wire),
            ),
            Detail::Enum { non_exhaustive } => {
                annotations(&[non_exhaustive.then_some("non_exhaustive")])
            }
            Detail::Struct {
                role,
                non_exhaustive,
                generics,
            } => format!(
                "{generics}{}",
                annotations(&[
                    role.map(StructRole::as_str),
                    non_exhaustive.then_some("non_exhaustive"),
                ])
            ),
            Detail::Variant { fields, wire } => {
                let wire = wire.as_ref().map(|w| format!(" = {w:?}"));
                format!("{fields}{}", wire.unwrap_or_default())
            }
            Detail::Field { .. } => self.field_tail(),
            Detail::Param { .. } => param_tail(&self.detail),
            Detail::Fn {
                receiver,
                generics,
                args,
                ret,
                ..
            } => {
                let mut all: Vec<String> = Vec::with_capacity(args.len() + 1);
                if !receiver.is_empty() {
                    all.push(receiver.clone());
                }
                all.extend(args.iter().map(|(name, ty)| format!("{name}: {ty}")));
                format!("{generics}({}) -> {ret}", all.join(", "))
            }
            Detail::Route { .. } => route_tail(&self.detail),
            Detail::Text(text) if text.is_empty() => String::new(),
            Detail::Text(text) => format!(" {text}"),
        }
    }

    /// `: Option<RoleSid> (wire "RoleSid", nullable, default …)`; the wire name only
    /// where it differs from the field's.
    fn field_tail(&self) -> String {
        let Detail::Field {
            ty,
            wire,
            nullable,
            default,
        } = &self.detail
        else {
            return String::new();
        };
        let name = self.path.rsplit('.').next().unwrap_or_default();
        let wire = wire
            .as_ref()
            .filter(|w| *w != unraw(name))
            .map(|w| format!("wire {w:?}"));
        let default = default.as_ref().map(|d| format!("default {d}"));
        format!(
            ": {ty}{}",
            annotations(&[
                wire.as_deref(),
                nullable.then_some("nullable"),
                default.as_deref()
            ])
        )
    }
}

/// ` (lib twilio_chat_v2)`, with the credentials when not HTTP Basic alone.
fn crate_tail(lib: &str, auth: &CrateAuth) -> String {
    let mut kinds = Vec::new();
    if auth.basic && !auth.is_basic_only() {
        kinds.push("basic".to_owned());
    }
    if let Some(url) = &auth.oauth2_token_url {
        kinds.push(format!("oauth2 {url:?}"));
    }
    match kinds.is_empty() {
        true => format!(" (lib {lib})"),
        false => format!(" (lib {lib}) (auth {})", kinds.join(", ")),
    }
}

/// ` = string ^AC[0-9a-fA-F]{32}$ (length 34..=34) (named "…")`.
fn string_type_tail(pattern: Option<&str>, length: Range<u64>, named: Option<&String>) -> String {
    let mut text = String::from(" = string");
    if let Some(p) = pattern {
        text.push(' ');
        text.push_str(&shown(p));
    }
    if length.0.is_some() || length.1.is_some() {
        let _ = write!(text, " (length {})", range(length));
    }
    if let Some(wire) = named {
        let _ = write!(text, " (named {wire:?})");
    }
    text
}

/// `: Option<u32> (PageSize, query, 1..=1000)` and the parameter's other flags.
fn param_tail(detail: &Detail) -> String {
    let Detail::Param {
        ty,
        wire,
        location,
        required,
        bounds,
        secret,
        nullable,
    } = detail
    else {
        return String::new();
    };
    let bounds = match bounds {
        Bounds::None => None,
        Bounds::Int(r) => Some(range(*r)),
        Bounds::Float(r) => Some(range(*r)),
    };
    format!(
        ": {ty}{}",
        annotations(&[
            Some(&shown(wire)),
            Some(location.as_str()),
            required.then_some("required"),
            bounds.as_deref(),
            nullable.then_some("nullable"),
            secret.then_some("secret"),
        ])
    )
}

/// ` = GET /v2/Services/{Sid} -> 200`, other statuses after `|`.
fn route_tail(detail: &Detail) -> String {
    let Detail::Route {
        method,
        path,
        status,
        also,
        anonymous,
    } = detail
    else {
        return String::new();
    };
    let statuses: Vec<String> = std::iter::once(status)
        .chain(also)
        .map(|s| s.to_string())
        .collect();
    format!(
        " = {} {} -> {}{}",
        method.as_str(),
        shown(&crate::model::path_template(path)),
        statuses.join(" | "),
        if *anonymous {
            " (without credentials)"
        } else {
            ""
        }
    )
}

/// Spec text as written when it is plain ASCII, quoted with escapes otherwise, so that
/// a line stays one line and shows every character it holds.
fn shown(text: &str) -> Cow<'_, str> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{text:?}"))
    }
}

/// ` (a, b)` of the annotations present, or nothing.
fn annotations(notes: &[Option<&str>]) -> String {
    let present: Vec<&str> = notes.iter().flatten().copied().collect();
    if present.is_empty() {
        String::new()
    } else {
        format!(" ({})", present.join(", "))
    }
}

/// `1..=1000`, `0..`, `..=16`.
fn range<T: std::fmt::Display>((min, max): Range<T>) -> String {
    let min = min.map(|v| v.to_string()).unwrap_or_default();
    match max {
        Some(max) => format!("{min}..={max}"),
        None => format!("{min}.."),
    }
}

impl Surface {
    /// The surface of the crate generated from `api`: its code, emitted and read
    /// back, joined with its side table.
    pub fn of(api: &Api) -> Surface {
        Surface::of_code(api, crate::emit::read_modules(api))
    }

    /// The surface of the crate generated from `api`, whose files the emitters
    /// wrote and read into `modules` (see [`code::Module::read`]).
    pub fn of_code(api: &Api, modules: Vec<(String, Vec<(String, code::Module)>)>) -> Surface {
        let mut items = code::Source::from_modules(modules).items();
        // The side table is built from the model the code was emitted from: a fact
        // without its item is an emitter bug, which the generator's tests catch.
        let left = facts::apply(&mut items, facts::Facts::of(api)).err();
        debug_assert!(left.is_none(), "facts without items: {left:?}");
        Surface::sorted(api.crate_name.clone(), api.version.clone(), items)
    }

    /// A surface of `items`, the crate's own first, then everything by path.
    pub fn sorted(crate_name: String, version: String, mut items: Vec<Item>) -> Surface {
        fn rank(item: &Item) -> (bool, &str, Kind) {
            (item.kind != Kind::Crate, &item.path, item.kind)
        }
        items.sort_by(|a, b| rank(a).cmp(&rank(b)));
        Surface {
            crate_name,
            version,
            items,
        }
    }

    /// The surface as text: a short header, then one line an item.
    pub fn render(&self) -> String {
        let mut text = String::from(HEADER);
        for item in &self.items {
            text.push_str(&item.line());
            text.push('\n');
        }
        text
    }
}

/// The surface of the crate generated from `api`, as text.
pub fn render(api: &Api) -> String {
    Surface::of(api).render()
}

/// `r#type` is `type` on the wire.
fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}
