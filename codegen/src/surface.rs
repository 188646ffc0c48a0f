//! The public API of the crate the generator emits, derived from the model: every
//! type, field, enum variant, method, parameter and rule a consumer can depend on, one
//! item a line. Reviewers read its snapshot to see the API change behind a spec
//! change; [`crate::api_diff`] classifies the change.
//!
//! Every type and signature is the one the emitters write, taken from the same
//! functions (`emit::rust_types`) and printed with `std`, `crate` and `self` paths cut
//! to their last segment (`Option<RoleSid>`), other crates' kept
//! (`time::OffsetDateTime`). What every generated crate shares (`Client::new`,
//! `Error`, `RetryPolicy`, …) is the runtime's and is left out, as are docs: they
//! are fingerprinted per item instead, so a docs-only change is still seen.

use crate::emit::rust_types::{
    constructor_args, field_type, operation_args, operation_output, page_fields, param_field_type,
    param_value_type, params_default, path_arg_type, stream_type, webhook_param_type,
    ENUM_NON_EXHAUSTIVE, PARAMS_NON_EXHAUSTIVE, RECORD_NON_EXHAUSTIVE,
};
use crate::model::{
    Api, EnumDef, Field, Literal, Method, NamedKind, OpKind, Operation, Param, ParamIn,
    PathSegment, Resource, Type, Webhooks,
};
use proc_macro2::TokenStream;
use std::borrow::Cow;
use std::fmt::Write as _;

/// The first lines of [`render`]'s text.
const HEADER: &str = "\
# Public API surface of the generated crate (codegen/src/surface.rs), one item a line,
# sorted by path. Items the runtime gives every crate (Client::new, Error, …) are not listed.
";

/// Every public item of one generated crate, sorted by path.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Surface {
    /// The Cargo package name.
    pub crate_name: String,
    /// The `api.version` the spec declares.
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
    pub parent: Option<(Kind, String)>,
    pub detail: Detail,
    /// A fingerprint of the docs the spec gives the item (0 for none).
    pub docs: u64,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Kind {
    Crate,
    Const,
    /// A constrained string newtype.
    Type,
    Enum,
    Struct,
    Variant,
    Field,
    Param,
    Fn,
    /// The HTTP method, path and success status of an operation.
    Route,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Crate => "crate",
            Kind::Const => "const",
            Kind::Type => "type",
            Kind::Enum => "enum",
            Kind::Struct => "struct",
            Kind::Variant => "variant",
            Kind::Field => "field",
            Kind::Param => "param",
            Kind::Fn => "fn",
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
    /// Any other method, such as a webhook parameter's accessor.
    Method,
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

/// What an item is, in the terms the classification compares.
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
    BaseUrl(String),
    /// An associated constant, by its type (`VALUES: &'static [&'static str]`).
    Const(String),
    /// A string newtype: what `validate` accepts, and its name in error messages.
    StringType {
        pattern: Option<String>,
        length: Range<u64>,
        wire: String,
        /// Kept inline and `Copy` (a SID), rather than a `String`.
        copy: bool,
    },
    Enum {
        non_exhaustive: bool,
    },
    Struct {
        role: StructRole,
        non_exhaustive: bool,
        default: bool,
    },
    /// `wire` is `None` for the fallback variant that keeps unknown values.
    Variant {
        wire: Option<String>,
    },
    Field {
        ty: String,
        wire: String,
        /// The Rust name differs from the wire name (`#[serde(rename)]`).
        renamed: bool,
        nullable: bool,
        default: Option<String>,
    },
    Param {
        /// The field's type (`Option<u32>`).
        ty: String,
        /// The value's type (`u32`).
        value_ty: String,
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
        role: FnRole,
        is_async: bool,
        receiver: bool,
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
}

impl Item {
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
            Detail::Crate { lib, auth, .. } => {
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
            Detail::BaseUrl(url) => format!(": &str = {url:?}"),
            Detail::Const(ty) => format!(": {ty}"),
            Detail::StringType {
                pattern,
                length,
                wire,
                copy,
            } => {
                let mut text = String::from(" = string");
                if let Some(p) = pattern {
                    text.push(' ');
                    text.push_str(&shown(p));
                }
                if length.0.is_some() || length.1.is_some() {
                    let _ = write!(text, " (length {})", range(*length));
                }
                if *wire != self.path {
                    let _ = write!(text, " (named {wire:?})");
                }
                if *copy {
                    text.push_str(" (Copy)");
                }
                text
            }
            Detail::Enum { non_exhaustive } => {
                annotations(&[non_exhaustive.then_some("non_exhaustive")])
            }
            Detail::Struct {
                role,
                non_exhaustive,
                default,
            } => annotations(&[
                Some(role.as_str()),
                non_exhaustive.then_some("non_exhaustive"),
                default.then_some("Default"),
            ]),
            Detail::Variant { wire: Some(wire) } => format!(" = {wire:?}"),
            Detail::Variant { wire: None } => "(String) (fallback)".into(),
            Detail::Field {
                ty,
                wire,
                renamed,
                nullable,
                default,
            } => {
                let wire = renamed.then(|| format!("wire {wire:?}"));
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
            Detail::Param {
                ty,
                wire,
                location,
                required,
                bounds,
                secret,
                nullable,
                ..
            } => {
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
            Detail::Fn {
                receiver,
                args,
                ret,
                ..
            } => {
                let mut all: Vec<String> = Vec::with_capacity(args.len() + 1);
                if *receiver {
                    all.push("&self".into());
                }
                all.extend(args.iter().map(|(name, ty)| format!("{name}: {ty}")));
                format!("({}) -> {ret}", all.join(", "))
            }
            Detail::Route {
                method,
                path,
                status,
                also,
                anonymous,
            } => {
                let statuses: Vec<String> = std::iter::once(status)
                    .chain(also)
                    .map(|s| s.to_string())
                    .collect();
                format!(
                    " = {} {} -> {}{}",
                    method.as_str(),
                    shown(&path_text(path)),
                    statuses.join(" | "),
                    if *anonymous {
                        " (without credentials)"
                    } else {
                        ""
                    }
                )
            }
        }
    }
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

/// `/v1/Services/{ServiceSid}`.
fn path_text(path: &[PathSegment]) -> String {
    path.iter()
        .map(|s| match s {
            PathSegment::Literal(text) => text.clone(),
            PathSegment::Param(wire) => format!("{{{wire}}}"),
        })
        .collect()
}

impl Surface {
    /// The surface of the crate generated from `api`.
    pub fn of(api: &Api) -> Surface {
        let mut b = Builder::default();
        b.push(
            Kind::Crate,
            api.crate_name.clone(),
            None,
            Detail::Crate {
                name: api.crate_name.clone(),
                lib: api.lib_name.clone(),
                auth: CrateAuth {
                    basic: api.auth.basic,
                    oauth2_token_url: api.auth.oauth2.as_ref().map(|o| o.token_url.clone()),
                },
            },
            &format!("{}\n{}", api.title, api.docs.as_deref().unwrap_or("")),
        );
        b.push(
            Kind::Const,
            "DEFAULT_BASE_URL".into(),
            None,
            Detail::BaseUrl(api.base_url.clone()),
            "",
        );
        for t in &api.types {
            match &t.kind {
                NamedKind::Sid { prefix, digits } => {
                    let len = (prefix.len() + digits) as u64;
                    b.push(
                        Kind::Type,
                        t.name.clone(),
                        None,
                        Detail::StringType {
                            pattern: Some(format!("^{prefix}[0-9a-fA-F]{{{digits}}}$")),
                            length: (Some(len), Some(len)),
                            wire: t.wire.clone(),
                            copy: true,
                        },
                        &t.doc,
                    );
                }
                NamedKind::Constrained(rule) => b.push(
                    Kind::Type,
                    t.name.clone(),
                    None,
                    Detail::StringType {
                        pattern: rule.pattern.clone(),
                        length: (rule.min_length, rule.max_length),
                        wire: t.wire.clone(),
                        copy: false,
                    },
                    &t.doc,
                ),
                NamedKind::Enum(def) => b.enumeration(&t.name, def, &t.doc),
                NamedKind::Object(def) => {
                    b.record(&t.name, &def.fields, &t.doc);
                    for e in &def.enums {
                        b.enumeration(&e.name, &e.def, &e.doc);
                    }
                }
            }
        }
        for r in &api.resources {
            b.resource(r);
        }
        if let Some(hooks) = &api.webhooks {
            b.webhooks(hooks);
        }
        // The crate and its constant first, then everything by path.
        fn rank(item: &Item) -> (Kind, &str, Kind) {
            (item.kind.min(Kind::Type), &item.path, item.kind)
        }
        b.items.sort_by(|a, b| rank(a).cmp(&rank(b)));
        Surface {
            crate_name: api.crate_name.clone(),
            version: api.version.clone(),
            items: b.items,
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

#[derive(Default)]
struct Builder {
    items: Vec<Item>,
}

impl Builder {
    fn push(
        &mut self,
        kind: Kind,
        path: String,
        parent: Option<(Kind, &str)>,
        detail: Detail,
        docs: &str,
    ) {
        self.items.push(Item {
            kind,
            path,
            parent: parent.map(|(k, p)| (k, p.to_string())),
            detail,
            docs: fingerprint(docs),
        });
    }

    /// As `emit::named_types::emit_enum` emits it, with a fallback variant.
    fn enumeration(&mut self, name: &str, def: &EnumDef, docs: &str) {
        self.push(
            Kind::Enum,
            name.into(),
            None,
            Detail::Enum {
                non_exhaustive: ENUM_NON_EXHAUSTIVE,
            },
            docs,
        );
        for v in &def.variants {
            self.push(
                Kind::Variant,
                format!("{name}::{}", v.name),
                Some((Kind::Enum, name)),
                Detail::Variant {
                    wire: Some(v.wire.clone()),
                },
                "",
            );
        }
        self.push(
            Kind::Variant,
            format!("{name}::{}", def.fallback),
            Some((Kind::Enum, name)),
            Detail::Variant { wire: None },
            "",
        );
        self.enum_methods(name);
    }

    /// What `emit::named_types` gives every string enum besides its variants: its
    /// values, its wire text, and the variant for a text.
    fn enum_methods(&mut self, name: &str) {
        let owner = Some((Kind::Enum, name));
        self.push(
            Kind::Const,
            format!("{name}::VALUES"),
            owner,
            Detail::Const("&'static [&'static str]".into()),
            "",
        );
        let method = |receiver: bool, args: Vec<(String, String)>, ret: &str| Detail::Fn {
            role: FnRole::Method,
            is_async: false,
            receiver,
            args,
            ret: ret.into(),
        };
        self.push(
            Kind::Fn,
            format!("{name}::as_str"),
            owner,
            method(true, Vec::new(), "&str"),
            "",
        );
        self.push(
            Kind::Fn,
            format!("{name}::from_wire"),
            owner,
            method(false, vec![("value".into(), "String".into())], "Self"),
            "",
        );
    }

    /// A struct of JSON properties, as `emit::resource::record` emits it.
    fn record(&mut self, name: &str, fields: &[Field], docs: &str) {
        self.push(
            Kind::Struct,
            name.to_string(),
            None,
            Detail::Struct {
                role: StructRole::Record,
                non_exhaustive: RECORD_NON_EXHAUSTIVE,
                default: true,
            },
            docs,
        );
        for f in fields {
            self.push(
                Kind::Field,
                format!("{name}.{}", f.name),
                Some((Kind::Struct, name)),
                Detail::Field {
                    ty: shown_type(field_type(f)),
                    wire: f.wire.clone(),
                    renamed: unraw(&f.name) != f.wire,
                    nullable: f.nullable,
                    default: f.default.as_ref().map(literal),
                },
                &f.doc,
            );
        }
        self.unread_fields(name);
    }

    /// The field every record, object type and page has for what its answer held
    /// but could not be read.
    fn unread_fields(&mut self, owner: &str) {
        self.push(
            Kind::Field,
            format!("{owner}.{}", crate::generated_crate::UNREAD_FIELDS),
            Some((Kind::Struct, owner)),
            Detail::Field {
                ty: "UnreadFields".into(),
                wire: String::new(),
                renamed: false,
                nullable: false,
                default: None,
            },
            "",
        );
    }

    fn resource(&mut self, r: &Resource) {
        self.record(&r.name, &r.fields, &r.doc);
        for e in &r.enums {
            self.enumeration(&e.name, &e.def, &e.doc);
        }
        if let Some(page) = &r.page {
            self.push(
                Kind::Struct,
                page.name.clone(),
                None,
                Detail::Struct {
                    role: StructRole::Page,
                    non_exhaustive: false,
                    default: true,
                },
                "",
            );
            let records = (
                page.field.clone(),
                format!("Vec<{}>", r.name),
                page.key.clone(),
            );
            let others = page_fields(page.paging)
                .into_iter()
                .map(|f| (f.name.to_string(), shown_type(f.ty), f.name.to_string()));
            for (field, ty, wire) in std::iter::once(records).chain(others) {
                self.push(
                    Kind::Field,
                    format!("{}.{field}", page.name),
                    Some((Kind::Struct, &page.name)),
                    Detail::Field {
                        ty,
                        renamed: unraw(&field) != wire,
                        wire,
                        nullable: false,
                        default: None,
                    },
                    "",
                );
            }
            self.unread_fields(&page.name);
        }
        for op in &r.operations {
            if let Some(name) = &op.params_type {
                self.params(name, op);
            }
        }
        if r.operations.is_empty() {
            return;
        }
        // The handle, as `emit::handles` emits it.
        let handle = &r.handle;
        self.push(
            Kind::Struct,
            handle.clone(),
            None,
            Detail::Struct {
                role: StructRole::Handle,
                non_exhaustive: false,
                default: false,
            },
            "",
        );
        self.push(
            Kind::Fn,
            format!("Client::{}", r.plural_snake),
            None,
            Detail::Fn {
                role: FnRole::HandleMaker,
                is_async: false,
                receiver: true,
                args: r
                    .scope_params
                    .iter()
                    .map(|p| (p.name.clone(), shown_type(path_arg_type(p))))
                    .collect(),
                ret: handle.clone(),
            },
            "",
        );
        for op in &r.operations {
            self.operation(r, op);
        }
    }

    fn operation(&mut self, r: &Resource, op: &Operation) {
        let handle = &r.handle;
        let path = format!("{handle}::{}", op.fn_name);
        let args: Vec<(String, String)> = operation_args(op)
            .into_iter()
            .map(|(name, ty)| (name, shown_type(ty)))
            .collect();
        if op.kind == OpKind::List {
            self.push(
                Kind::Fn,
                format!("{handle}::stream"),
                Some((Kind::Fn, &path)),
                Detail::Fn {
                    role: FnRole::Stream,
                    is_async: false,
                    receiver: true,
                    args: args.clone(),
                    ret: shown_type(stream_type(r)),
                },
                "",
            );
        }
        self.push(
            Kind::Route,
            path.clone(),
            Some((Kind::Fn, &path)),
            Detail::Route {
                method: op.method,
                path: op.path.clone(),
                status: op.statuses[0],
                also: op.statuses[1..].to_vec(),
                anonymous: op.anonymous,
            },
            "",
        );
        // Operations are listed when added or removed with their resource, too.
        let output = shown_type(operation_output(r, op));
        self.push(
            Kind::Fn,
            path,
            None,
            Detail::Fn {
                role: FnRole::Operation,
                is_async: true,
                receiver: true,
                args,
                ret: format!("Result<{output}, Error>"),
            },
            op.doc.as_deref().unwrap_or(""),
        );
    }

    /// The `webhooks` module, as `emit::webhooks` emits it.
    fn webhooks(&mut self, hooks: &Webhooks) {
        use crate::generated_crate::webhook_names as names;
        let module = names::MODULE;
        let at = |name: &str| format!("{module}::{name}");
        let (event_type, event, decoded) = (
            at(names::EVENT_TYPE_ENUM),
            at(names::EVENT),
            at(names::DECODED),
        );
        for (name, docs) in [(&event_type, ""), (&decoded, "")] {
            self.push(
                Kind::Enum,
                name.clone(),
                None,
                Detail::Enum {
                    non_exhaustive: ENUM_NON_EXHAUSTIVE,
                },
                docs,
            );
            for e in &hooks.events {
                self.push(
                    Kind::Variant,
                    format!("{name}::{}", e.variant),
                    Some((Kind::Enum, name)),
                    Detail::Variant {
                        wire: Some(e.wire.clone()),
                    },
                    &format!("{:?} {}", e.kind, e.doc),
                );
            }
            self.push(
                Kind::Variant,
                format!("{name}::Unknown"),
                Some((Kind::Enum, name)),
                Detail::Variant { wire: None },
                "",
            );
        }
        self.enum_methods(&event_type);
        self.push(
            Kind::Struct,
            event.clone(),
            None,
            Detail::Struct {
                role: StructRole::WebhookEvent,
                non_exhaustive: false,
                default: false,
            },
            &hooks.source,
        );
        let method = |args: Vec<(String, String)>, ret: String| Detail::Fn {
            role: FnRole::Method,
            is_async: false,
            receiver: true,
            args,
            ret,
        };
        // Name, whether it takes `&self`, arguments, return type.
        type Method<'a> = (&'a str, bool, Vec<(String, String)>, String);
        let event_methods: [Method; 5] = [
            (
                names::FROM_PARAMS,
                false,
                vec![(names::PARAMS.into(), "WebhookParams".into())],
                "Result<Self, WebhookError>".into(),
            ),
            (
                names::EVENT_TYPE_FN,
                true,
                Vec::new(),
                format!("&{}", names::EVENT_TYPE_ENUM),
            ),
            (names::PARAMS, true, Vec::new(), "&WebhookParams".into()),
            (
                names::PARAM,
                true,
                vec![("name".into(), "&str".into())],
                "Option<&str>".into(),
            ),
            (names::ALLOW, true, Vec::new(), "WebhookResponse".into()),
        ];
        for (fn_name, receiver, args, ret) in event_methods {
            self.push(
                Kind::Fn,
                format!("{event}::{fn_name}"),
                Some((Kind::Struct, &event)),
                Detail::Fn {
                    role: FnRole::Method,
                    is_async: false,
                    receiver,
                    args,
                    ret,
                },
                "",
            );
        }
        self.push(
            Kind::Fn,
            format!("{event_type}::{}", names::IS_PRE_EVENT),
            Some((Kind::Enum, &event_type)),
            method(Vec::new(), "bool".into()),
            "",
        );
        for p in &hooks.params {
            let ty = shown_type(webhook_param_type(&p.ty));
            self.push(
                Kind::Fn,
                format!("{event}::{}", p.name),
                Some((Kind::Struct, &event)),
                method(
                    Vec::new(),
                    format!("Result<Option<{ty}>, WebhookParamError>"),
                ),
                &format!("{} {}", p.wire, p.doc),
            );
        }
        self.push(
            Kind::Fn,
            format!("{event}::{}", names::DECODE),
            Some((Kind::Struct, &event)),
            method(Vec::new(), names::DECODED.into()),
            "",
        );
        self.push(
            Kind::Fn,
            format!("{event}::{}", names::REJECT),
            Some((Kind::Struct, &event)),
            method(Vec::new(), "WebhookResponse".into()),
            &format!("status {}", hooks.reject_status),
        );
        for e in &hooks.events {
            let name = at(&e.variant);
            self.push(
                Kind::Struct,
                name.clone(),
                None,
                Detail::Struct {
                    role: StructRole::EventParams,
                    non_exhaustive: RECORD_NON_EXHAUSTIVE,
                    default: true,
                },
                &e.doc,
            );
            for &i in hooks.common.iter().chain(&e.params) {
                let p = &hooks.params[i];
                let ty = shown_type(webhook_param_type(&p.ty));
                self.push(
                    Kind::Field,
                    format!("{name}.{}", p.name),
                    Some((Kind::Struct, &name)),
                    Detail::Field {
                        ty: format!("Option<{ty}>"),
                        wire: p.wire.clone(),
                        renamed: true,
                        nullable: false,
                        default: None,
                    },
                    &p.doc,
                );
            }
            self.push(
                Kind::Field,
                format!("{name}.{}", names::UNPARSED),
                Some((Kind::Struct, &name)),
                Detail::Field {
                    ty: "Vec<WebhookParamError>".into(),
                    wire: String::new(),
                    renamed: false,
                    nullable: false,
                    default: None,
                },
                "",
            );
            if let Some(changes) = &e.changes_type {
                let changes = at(changes);
                self.push(
                    Kind::Struct,
                    changes.clone(),
                    None,
                    Detail::Struct {
                        role: StructRole::EventChanges,
                        non_exhaustive: false,
                        default: true,
                    },
                    "",
                );
                for (fn_name, receiver, ret) in [
                    ("new", false, "Self"),
                    (names::INTO_RESPONSE, true, "WebhookResponse"),
                ] {
                    self.push(
                        Kind::Fn,
                        format!("{changes}::{fn_name}"),
                        Some((Kind::Struct, &changes)),
                        Detail::Fn {
                            role: FnRole::Method,
                            is_async: false,
                            receiver,
                            args: Vec::new(),
                            ret: ret.into(),
                        },
                        "",
                    );
                }
                for c in &e.modify {
                    self.push(
                        Kind::Fn,
                        format!("{changes}::{}", c.setter),
                        Some((Kind::Struct, &changes)),
                        Detail::Fn {
                            role: FnRole::Method,
                            is_async: false,
                            receiver: false,
                            args: vec![
                                ("self".into(), "Self".into()),
                                ("value".into(), "impl Into<String>".into()),
                            ],
                            ret: "Self".into(),
                        },
                        &format!("{} {}", c.key, c.doc),
                    );
                }
            }
        }
    }

    /// A parameter struct, as `emit::params` emits it.
    fn params(&mut self, name: &str, op: &Operation) {
        self.push(
            Kind::Struct,
            name.into(),
            None,
            Detail::Struct {
                role: StructRole::Params,
                non_exhaustive: PARAMS_NON_EXHAUSTIVE,
                default: params_default(op),
            },
            "",
        );
        self.push(
            Kind::Fn,
            format!("{name}::new"),
            Some((Kind::Struct, name)),
            Detail::Fn {
                role: FnRole::Constructor,
                is_async: false,
                receiver: false,
                args: constructor_args(op)
                    .into_iter()
                    .map(|(p, ty)| (p.name.clone(), shown_type(ty)))
                    .collect(),
                ret: "Self".into(),
            },
            "",
        );
        for p in &op.params {
            self.push(
                Kind::Param,
                format!("{name}.{}", p.name),
                Some((Kind::Struct, name)),
                Detail::Param {
                    ty: shown_type(param_field_type(p)),
                    value_ty: shown_type(param_value_type(p)),
                    wire: p.wire.clone(),
                    location: p.location,
                    required: p.required,
                    bounds: bounds(p),
                    secret: p.secret,
                    nullable: p.nullable,
                },
                &p.doc,
            );
        }
    }
}

/// The bounds `validate` checks on a parameter.
fn bounds(p: &Param) -> Bounds {
    match &p.ty {
        Type::Integer { min, max } if min.is_some() || max.is_some() => Bounds::Int((*min, *max)),
        Type::Number { min, max } if min.is_some() || max.is_some() => Bounds::Float((*min, *max)),
        _ => Bounds::None,
    }
}

/// The value type the crate generated from a spec gives `ty`, as the surface shows it
/// (`u32`, `InviteSid`, `Vec<String>`).
pub fn value_type_name(ty: &Type) -> String {
    shown_type(crate::emit::rust_types::rust_type(ty))
}

/// A type the emitters wrote, as the surface shows it: paths into `std`, this crate
/// and its runtime cut to their last segment, other crates' kept whole.
fn shown_type(tokens: TokenStream) -> String {
    match syn::parse2::<syn::Type>(tokens.clone()) {
        Ok(ty) => {
            let mut out = String::new();
            write_type(&ty, &mut out);
            out
        }
        // Emitters write valid types; show the tokens if one ever isn't.
        Err(_) => tokens.to_string(),
    }
}

fn write_type(ty: &syn::Type, out: &mut String) {
    match ty {
        syn::Type::Path(p) => write_path(&p.path, out),
        syn::Type::Reference(r) => {
            out.push('&');
            if let Some(lifetime) = &r.lifetime {
                let _ = write!(out, "'{} ", lifetime.ident);
            }
            if r.mutability.is_some() {
                out.push_str("mut ");
            }
            write_type(&r.elem, out);
        }
        syn::Type::Tuple(t) => {
            out.push('(');
            for (i, elem) in t.elems.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(elem, out);
            }
            out.push(')');
        }
        syn::Type::Array(a) => {
            out.push('[');
            write_type(&a.elem, out);
            let len = &a.len;
            let _ = write!(out, "; {}]", quote::quote!(#len));
        }
        syn::Type::ImplTrait(t) => {
            out.push_str("impl ");
            write_bounds(t.bounds.iter(), out);
        }
        other => out.push_str(&quote::quote!(#other).to_string()),
    }
}

fn write_bounds<'a>(bounds: impl Iterator<Item = &'a syn::TypeParamBound>, out: &mut String) {
    for (i, bound) in bounds.enumerate() {
        if i > 0 {
            out.push_str(" + ");
        }
        match bound {
            syn::TypeParamBound::Trait(t) => write_path(&t.path, out),
            syn::TypeParamBound::Lifetime(l) => {
                let _ = write!(out, "'{}", l.ident);
            }
            other => out.push_str(&quote::quote!(#other).to_string().replace(" < >", "<>")),
        }
    }
}

fn write_path(path: &syn::Path, out: &mut String) {
    let first = path.segments.first().map(|s| s.ident.to_string());
    let ours = matches!(
        first.as_deref(),
        Some("std" | "core" | "alloc" | "crate" | "self" | "super")
    ) || (path.leading_colon.is_none() && path.segments.len() == 1);
    let segments: Vec<&syn::PathSegment> = if ours {
        path.segments.iter().last().into_iter().collect()
    } else {
        path.segments.iter().collect()
    };
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            out.push_str("::");
        }
        out.push_str(&segment.ident.to_string());
        if let syn::PathArguments::AngleBracketed(args) = &segment.arguments {
            out.push('<');
            for (i, arg) in args.args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match arg {
                    syn::GenericArgument::Type(t) => write_type(t, out),
                    syn::GenericArgument::AssocType(a) => {
                        let _ = write!(out, "{} = ", a.ident);
                        write_type(&a.ty, out);
                    }
                    syn::GenericArgument::Lifetime(l) => {
                        let _ = write!(out, "'{}", l.ident);
                    }
                    other => out.push_str(&quote::quote!(#other).to_string()),
                }
            }
            out.push('>');
        }
    }
}

fn literal(value: &Literal) -> String {
    match value {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Float(x) => format!("{x:?}"),
        Literal::Str(s) | Literal::Variant { wire: s, .. } => format!("{s:?}"),
    }
}

/// `r#type` is `type` on the wire.
fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// FNV-1a: stable across runs and machines, unlike `DefaultHasher`.
fn fingerprint(text: &str) -> u64 {
    if text.is_empty() {
        return 0;
    }
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
