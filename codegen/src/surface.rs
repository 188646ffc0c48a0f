//! The public API of the crate the generator emits, derived from the model: every
//! type, field, enum variant, method, parameter and rule a consumer can depend on, one
//! item a line. Reviewers read its snapshot to see the API change behind a spec
//! change; [`crate::api_diff`] classifies the change.
//!
//! Types are spelled as the emitters spell them, with `std` and `crate` paths cut to
//! their last segment (`Option<RoleSid>`), other crates' kept (`time::OffsetDateTime`).
//! What every generated crate shares (`Client::new`, `Error`, `RetryPolicy`, …) is
//! the runtime's and is left out, as are docs: they are fingerprinted per item instead,
//! so a docs-only change is still seen.

use crate::emit::rust_types::int_name;
use crate::model::{
    Api, EnumDef, Literal, Method, NamedKind, OpKind, Operation, Param, ParamIn, PathSegment,
    Resource, Type,
};
use std::borrow::Cow;
use std::fmt::Write as _;

/// The first lines of [`render`]'s text.
const HEADER: &str = "\
# Public API surface of the generated crate (codegen/src/surface.rs), one item a line,
# sorted by path. Items the runtime gives every crate (Client::new, Error, …) are not listed.
";

/// Every public item of one generated crate, sorted by path.
#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    /// The Cargo package name.
    pub crate_name: String,
    /// The `api.version` the spec declares.
    pub version: String,
    pub items: Vec<Item>,
}

/// One public item: a line of the surface.
#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructRole {
    /// A resource's representation.
    Record,
    /// One page of a list.
    Page,
    /// An operation's query or form parameters.
    Params,
    /// A resource's client handle.
    Handle,
}

impl StructRole {
    fn as_str(self) -> &'static str {
        match self {
            StructRole::Record => "record",
            StructRole::Page => "page",
            StructRole::Params => "params",
            StructRole::Handle => "handle",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq)]
pub enum Bounds {
    None,
    Int(Range<i64>),
    Float(Range<f64>),
}

/// What an item is, in the terms the classification compares.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Crate {
        name: String,
        lib: String,
    },
    BaseUrl(String),
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
        status: u16,
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
            Detail::Crate { lib, .. } => format!(" (lib {lib})"),
            Detail::BaseUrl(url) => format!(": &str = {url:?}"),
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
            } => format!(
                " = {} {} -> {status}",
                method.as_str(),
                shown(&path_text(path))
            ),
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
            }
        }
        for r in &api.resources {
            b.resource(r);
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

    /// As `emit::named_types::emit_enum` emits it: exhaustive, with a fallback variant.
    fn enumeration(&mut self, name: &str, def: &EnumDef, docs: &str) {
        self.push(
            Kind::Enum,
            name.into(),
            None,
            Detail::Enum {
                non_exhaustive: true,
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
    }

    fn resource(&mut self, r: &Resource) {
        // The record, as `emit::resource::model` emits it.
        self.push(
            Kind::Struct,
            r.name.clone(),
            None,
            Detail::Struct {
                role: StructRole::Record,
                non_exhaustive: true,
                default: false,
            },
            &r.doc,
        );
        for f in &r.fields {
            let ty = rust_type(&f.ty);
            self.push(
                Kind::Field,
                format!("{}.{}", r.name, f.name),
                Some((Kind::Struct, &r.name)),
                Detail::Field {
                    ty: if f.default.is_none() {
                        format!("Option<{ty}>")
                    } else {
                        ty
                    },
                    wire: f.wire.clone(),
                    renamed: unraw(&f.name) != f.wire,
                    nullable: f.nullable,
                    default: f.default.as_ref().map(literal),
                },
                &f.doc,
            );
        }
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
                    default: false,
                },
                "",
            );
            let records = format!("Vec<{}>", r.name);
            for (field, ty, wire) in [
                (page.field.as_str(), records.as_str(), page.key.as_str()),
                ("meta", "PageMeta", "meta"),
            ] {
                self.push(
                    Kind::Field,
                    format!("{}.{field}", page.name),
                    Some((Kind::Struct, &page.name)),
                    Detail::Field {
                        ty: ty.into(),
                        wire: wire.into(),
                        renamed: unraw(field) != wire,
                        nullable: false,
                        default: None,
                    },
                    "",
                );
            }
        }
        for op in &r.operations {
            if let Some(name) = &op.params_type {
                self.params(name, &op.params);
            }
        }
        if r.operations.is_empty() {
            return;
        }
        // The handle, as `emit::handles` emits it.
        let handle = &r.plural_camel;
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
                args: r.scope_params.iter().map(path_arg).collect(),
                ret: handle.clone(),
            },
            "",
        );
        for op in &r.operations {
            self.operation(r, op);
        }
    }

    fn operation(&mut self, r: &Resource, op: &Operation) {
        let handle = &r.plural_camel;
        let path = format!("{handle}::{}", op.fn_name);
        let mut args: Vec<(String, String)> = op.own_path_params.iter().map(path_arg).collect();
        if let Some(params) = &op.params_type {
            args.push(("params".into(), params.clone()));
        }
        let ret = match op.kind {
            OpKind::Delete => "()".to_string(),
            OpKind::List => r.page.as_ref().map_or_else(String::new, |p| p.name.clone()),
            _ => r.name.clone(),
        };
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
                    ret: format!(
                        "impl futures_util::Stream<Item = Result<{}, Error>> + Send + 'static",
                        r.name
                    ),
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
                status: op.status,
            },
            "",
        );
        // Operations are listed when added or removed with their resource, too.
        self.push(
            Kind::Fn,
            path,
            None,
            Detail::Fn {
                role: FnRole::Operation,
                is_async: true,
                receiver: true,
                args,
                ret: format!("Result<{ret}, Error>"),
            },
            op.doc.as_deref().unwrap_or(""),
        );
    }

    /// A parameter struct, as `emit::params` emits it.
    fn params(&mut self, name: &str, params: &[Param]) {
        let required: Vec<&Param> = params.iter().filter(|p| p.required).collect();
        self.push(
            Kind::Struct,
            name.into(),
            None,
            Detail::Struct {
                role: StructRole::Params,
                non_exhaustive: true,
                default: required.is_empty(),
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
                args: required
                    .iter()
                    .map(|p| (p.name.clone(), arg_type(&p.ty)))
                    .collect(),
                ret: "Self".into(),
            },
            "",
        );
        for p in params {
            let value_ty = if p.secret {
                "Secret".to_string()
            } else {
                rust_type(&p.ty)
            };
            let ty = match (&p.ty, p.required) {
                (_, true) | (Type::Array(_), false) => value_ty.clone(),
                _ => format!("Option<{value_ty}>"),
            };
            let bounds = match &p.ty {
                Type::Integer { min, max } if min.is_some() || max.is_some() => {
                    Bounds::Int((*min, *max))
                }
                Type::Number { min, max } if min.is_some() || max.is_some() => {
                    Bounds::Float((*min, *max))
                }
                _ => Bounds::None,
            };
            self.push(
                Kind::Param,
                format!("{name}.{}", p.name),
                Some((Kind::Struct, name)),
                Detail::Param {
                    ty,
                    value_ty,
                    wire: p.wire.clone(),
                    location: p.location,
                    required: p.required,
                    bounds,
                    secret: p.secret,
                },
                &p.doc,
            );
        }
    }
}

/// As `emit::rust_types::rust_type`, with paths shortened.
fn rust_type(ty: &Type) -> String {
    match ty {
        Type::String | Type::Uri => "String".into(),
        Type::Integer { min, max } => int_name(*min, *max).into(),
        Type::Number { .. } => "f64".into(),
        Type::Boolean => "bool".into(),
        Type::DateTime(_) => "time::OffsetDateTime".into(),
        Type::Json => "serde_json::Value".into(),
        Type::Named(name) | Type::Enum(name) => name.clone(),
        Type::Array(item) => format!("Vec<{}>", rust_type(item)),
        Type::Map {
            value,
            nullable_values: true,
        } => format!("BTreeMap<String, Option<{}>>", rust_type(value)),
        Type::Map { value, .. } => format!("BTreeMap<String, {}>", rust_type(value)),
    }
}

/// As `emit::rust_types::arg_type`.
fn arg_type(ty: &Type) -> String {
    match ty {
        Type::String | Type::Uri => "impl Into<String>".into(),
        Type::Array(item) => format!("impl IntoIterator<Item = {}>", arg_type(item)),
        other => rust_type(other),
    }
}

/// As `emit::handles::scope_arg`: text as `&str`, SIDs and enums by reference.
fn path_arg(p: &Param) -> (String, String) {
    let ty = match &p.ty {
        Type::String | Type::Uri => "&str".into(),
        Type::Named(name) | Type::Enum(name) => format!("&{name}"),
        other => rust_type(other),
    };
    (p.name.clone(), ty)
}

fn literal(value: &Literal) -> String {
    match value {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Float(x) => format!("{x:?}"),
        Literal::Str(s) => format!("{s:?}"),
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
