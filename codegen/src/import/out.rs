//! The spec the importer writes, and its YAML text. The writer is the importer's
//! own, not a YAML library's: the output is a file a maintainer reviews, so it is
//! laid out as a person writes a spec (a line a parameter or property, in the order
//! of the OpenAPI file) and is the same byte for byte from the same input.

use std::fmt::Write as _;

/// A type as a property or parameter names it: `type:` and its qualifiers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TypeRef {
    pub ty: TypeName,
    pub items: Option<TypeName>,
    pub items_nullable: bool,
    pub format: Option<&'static str>,
    pub minimum: Option<Number>,
    pub maximum: Option<Number>,
}

/// What a type reference names: a built-in or declared name, or a type the importer
/// names once every use is known (`names::Names::finish`), by what identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TypeName {
    /// `string`, `integer`, `map`, or a name already given.
    Named(String),
    /// The SID type of a prefix (`IS`).
    Sid(String),
    /// The n-th enum value list seen.
    Enum(usize),
    /// The n-th pattern and lengths seen.
    Pattern(usize),
    /// The n-th object type seen.
    Object(usize),
}

impl Default for TypeName {
    fn default() -> Self {
        TypeName::Named(String::new())
    }
}

impl From<&str> for TypeName {
    fn from(name: &str) -> Self {
        TypeName::Named(name.to_string())
    }
}

impl PartialEq<&str> for TypeName {
    fn eq(&self, other: &&str) -> bool {
        matches!(self, TypeName::Named(name) if name == other)
    }
}

impl std::fmt::Display for TypeName {
    /// The name as the spec writes it; a type not yet named shows what it is.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TypeName::Named(name) => f.write_str(name),
            TypeName::Sid(prefix) => write!(f, "(the SID type of {prefix})"),
            TypeName::Enum(i) => write!(f, "(enum {i})"),
            TypeName::Pattern(i) => write!(f, "(pattern {i})"),
            TypeName::Object(i) => write!(f, "(object type {i})"),
        }
    }
}

/// A bound as the OpenAPI wrote it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum NamedType {
    Sid { prefix: String },
    Enum { values: Vec<String> },
    Constrained(Pattern),
    Object { properties: Vec<(String, Property)> },
}

/// A string rule other than a SID's: a pattern, lengths, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub pattern: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub ty: TypeRef,
    pub nullable: bool,
    /// What a body without it decodes to, as the OpenAPI says: a YAML scalar.
    pub default: Option<String>,
    pub doc: String,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub location: &'static str,
    pub ty: TypeRef,
    pub required: bool,
    pub nullable: bool,
    pub secret: bool,
    /// The Rust name, where the wire name's is taken or reserved.
    pub name: Option<String>,
    pub doc: String,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub kind: &'static str,
    pub method: &'static str,
    pub path: String,
    pub statuses: Vec<u16>,
    pub envelope: Option<String>,
    pub paging: crate::model::Paging,
    /// The operation's `security` is empty: it is sent without credentials.
    pub anonymous: bool,
    pub params: Vec<(String, Param)>,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub name: String,
    pub doc: String,
    pub plural: String,
    pub example: Option<&'static str>,
    /// Path parameters every operation naming them shares.
    pub params: Vec<(String, Param)>,
    pub properties: Vec<(String, Property)>,
    pub operations: Vec<Operation>,
}

/// Everything the importer writes into `resources.yaml`.
#[derive(Debug, Default)]
pub struct Spec {
    pub types: Vec<(String, String, NamedType)>,
    pub resources: Vec<Resource>,
}

impl Spec {
    /// The file's text, starting with `header` (comment lines).
    pub fn yaml(&self, header: &str) -> String {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(header);
        if !self.types.is_empty() {
            out.push_str("\ntypes:\n");
            for (name, doc, ty) in &self.types {
                let _ = writeln!(out, "  {}:", key(name));
                let _ = writeln!(out, "    doc: {}", scalar(doc));
                match ty {
                    NamedType::Sid { prefix } => {
                        let _ = writeln!(
                            out,
                            "    pattern: {}",
                            scalar(&format!("^{prefix}[0-9a-fA-F]{{32}}$"))
                        );
                        let len = prefix.len() + 32;
                        let _ = writeln!(out, "    min_length: {len}\n    max_length: {len}");
                    }
                    NamedType::Enum { values } => {
                        let values: Vec<String> = values.iter().map(|v| scalar(v)).collect();
                        let _ = writeln!(out, "    values: [{}]", values.join(", "));
                    }
                    NamedType::Constrained(rule) => {
                        if let Some(pattern) = &rule.pattern {
                            let _ = writeln!(out, "    pattern: {}", scalar(pattern));
                        }
                        if let Some(min) = rule.min_length {
                            let _ = writeln!(out, "    min_length: {min}");
                        }
                        if let Some(max) = rule.max_length {
                            let _ = writeln!(out, "    max_length: {max}");
                        }
                    }
                    NamedType::Object { properties } => {
                        out.push_str("    properties:\n");
                        for (name, p) in properties {
                            property(&mut out, "      ", name, p);
                        }
                    }
                }
            }
        }
        out.push_str("\nresources:\n");
        for r in &self.resources {
            resource(&mut out, r);
        }
        out
    }
}

fn resource(out: &mut String, r: &Resource) {
    let _ = writeln!(out, "  {}:", key(&r.name));
    let _ = writeln!(out, "    doc: {}", scalar(&r.doc));
    let _ = writeln!(out, "    plural: {}", scalar(&r.plural));
    if let Some(example) = r.example {
        let _ = writeln!(out, "    example: {example}");
    }
    if !r.params.is_empty() {
        out.push_str("    params:\n");
        for (name, p) in &r.params {
            param(out, "      ", name, p);
        }
    }
    out.push_str("    properties:\n");
    for (name, p) in &r.properties {
        property(out, "      ", name, p);
    }
    if !r.operations.is_empty() {
        out.push_str("    operations:\n");
        for op in &r.operations {
            let _ = writeln!(out, "      {}:", op.kind);
            let _ = writeln!(out, "        method: {}", op.method);
            let _ = writeln!(out, "        path: {}", scalar(&op.path));
            match op.statuses.as_slice() {
                [one] => {
                    let _ = writeln!(out, "        status: {one}");
                }
                many => {
                    let many: Vec<String> = many.iter().map(u16::to_string).collect();
                    let _ = writeln!(out, "        status: [{}]", many.join(", "));
                }
            }
            if let Some(envelope) = &op.envelope {
                let _ = writeln!(out, "        envelope: {}", scalar(envelope));
                match op.paging {
                    crate::model::Paging::Meta => {}
                    crate::model::Paging::Flat => {
                        let _ = writeln!(out, "        paging: flat");
                    }
                    crate::model::Paging::None => {
                        let _ = writeln!(out, "        paging: none");
                    }
                    crate::model::Paging::Numbered => {
                        let _ = writeln!(out, "        paging: numbered");
                    }
                    crate::model::Paging::Token => {
                        let _ = writeln!(out, "        paging: token");
                    }
                    crate::model::Paging::Scim => {
                        let _ = writeln!(out, "        paging: scim");
                    }
                }
            }
            if op.anonymous {
                out.push_str("        anonymous: true\n");
            }
            if !op.params.is_empty() {
                out.push_str("        params:\n");
                for (name, p) in &op.params {
                    param(out, "          ", name, p);
                }
            }
        }
    }
    out.push('\n');
}

fn property(out: &mut String, indent: &str, name: &str, p: &Property) {
    let mut fields = type_fields(&p.ty);
    if p.nullable {
        fields.push("nullable: true".into());
    }
    if let Some(default) = &p.default {
        fields.push(format!("default: {default}"));
    }
    fields.push(format!("doc: {}", scalar(&p.doc)));
    let _ = writeln!(out, "{indent}{}: {{ {} }}", key(name), fields.join(", "));
}

fn param(out: &mut String, indent: &str, name: &str, p: &Param) {
    let mut fields = vec![format!("in: {}", p.location)];
    fields.extend(type_fields(&p.ty));
    if p.required && p.location != "path" {
        fields.push("required: true".into());
    }
    if p.nullable {
        fields.push("nullable: true".into());
    }
    if p.secret {
        fields.push("secret: true".into());
    }
    if let Some(name) = &p.name {
        fields.push(format!("name: {}", scalar(name)));
    }
    fields.push(format!("doc: {}", scalar(&p.doc)));
    let _ = writeln!(out, "{indent}{}: {{ {} }}", key(name), fields.join(", "));
}

fn type_fields(t: &TypeRef) -> Vec<String> {
    let mut fields = vec![format!("type: {}", scalar(&t.ty.to_string()))];
    if let Some(items) = &t.items {
        fields.push(format!("items: {}", scalar(&items.to_string())));
    }
    if t.items_nullable {
        fields.push("items_nullable: true".into());
    }
    if let Some(format) = t.format {
        fields.push(format!("format: {format}"));
    }
    for (name, bound) in [("minimum", t.minimum), ("maximum", t.maximum)] {
        match bound {
            Some(Number::Int(i)) => fields.push(format!("{name}: {i}")),
            Some(Number::Float(f)) => fields.push(format!("{name}: {f:?}")),
            None => {}
        }
    }
    fields
}

/// A mapping key: plain when it is a plain word, quoted otherwise.
fn key(text: &str) -> String {
    scalar(text)
}

/// A scalar in flow context: plain when nothing in it could be read otherwise,
/// double-quoted (with JSON's escapes, which YAML reads the same) when anything could.
pub fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./^$".contains(&b))
        && !text.starts_with(['-', '.'])
        && !matches!(
            text,
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "~"
        )
        && !text.chars().next().is_some_and(|c| c.is_ascii_digit());
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
