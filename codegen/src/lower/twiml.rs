//! The `twiml:` section: a TwiML vocabulary (its documents, their elements, which
//! element holds which, and the attributes with their types) resolved into builders'
//! names, with every reference checked.

use super::names::NameSet;
use super::webhooks::{check_source, only_file};
use super::{Ctx, Parsed};
use crate::diagnostic::{did_you_mean, Diagnostics};
use crate::generated_crate::twiml_names;
use crate::model::{Twiml, TwimlAttribute, TwimlDocument, TwimlElement, TwimlEnum, TwimlType};
use crate::naming::{camel, snake};
use crate::spec::load::Target;
use crate::spec::raw;

const SECTION: &str = "twiml";

/// The section, from the one file that has it.
pub fn lower(files: &[Parsed<'_>], diags: &mut Diagnostics) -> Option<Twiml> {
    let first = only_file(files, diags, SECTION, |f| f.spec.twiml.is_some())?;
    let raw = first.spec.twiml.as_ref()?;
    let mut ctx = first.ctx(diags);
    let ctx = &mut ctx;
    let before = ctx.diags.len();
    let mut roots = NameSet::new("TwiML type").reserve(twiml_names::ROOT_ITEMS);
    let enums = enums(ctx, raw, &mut roots);
    let mut modules = NameSet::new("TwiML document").reserve(twiml_names::MODULES);
    let mut documents = Vec::new();
    for (module, d) in &raw.documents.0 {
        let at = [SECTION, "documents", module.as_str()];
        if snake(module) != *module {
            ctx.error(
                &at,
                Target::Key,
                format!("`{module}` is not a module name"),
                Some("name the document in snake_case, like `voice`".into()),
            );
            continue;
        }
        modules.claim(ctx, module, &at);
        roots.claim(ctx, &d.root, &[&at[..], &["root"]].concat());
        documents.push(document(ctx, raw, module, d));
    }
    if raw.documents.0.is_empty() {
        ctx.error(
            &[SECTION, "documents"],
            Target::Key,
            "no documents",
            Some("describe one, like `voice: { root: VoiceResponse, … }`".into()),
        );
    }
    (ctx.diags.len() == before).then_some(Twiml { enums, documents })
}

fn enums(ctx: &mut Ctx, raw: &raw::Twiml, roots: &mut NameSet) -> Vec<TwimlEnum> {
    let mut out = Vec::new();
    for (name, e) in &raw.enums.0 {
        let at = [SECTION, "enums", name.as_str()];
        if !is_type_name(name) {
            ctx.error(
                &at,
                Target::Key,
                format!("`{name}` is not a type name"),
                Some("name the enum in UpperCamelCase, like `HttpMethod`".into()),
            );
            continue;
        }
        roots.claim(ctx, name, &at);
        let mut variants = NameSet::new("enum variant").reserve([twiml_names::OTHER]);
        let mut list = Vec::new();
        for (i, value) in e.values.iter().enumerate() {
            let variant = camel(value);
            let n = i.to_string();
            variants.claim(ctx, &variant, &[&at[..], &["values", n.as_str()]].concat());
            list.push((variant, value.clone()));
        }
        if list.is_empty() {
            ctx.error(
                &[&at[..], &["values"]].concat(),
                Target::Key,
                "an enum without values",
                Some("list the values the docs give, as written in the XML".into()),
            );
        }
        out.push(TwimlEnum {
            name: name.clone(),
            doc: e.doc.clone(),
            variants: list,
            open: e.open,
        });
    }
    out
}

fn document(
    ctx: &mut Ctx,
    raw: &raw::Twiml,
    module: &str,
    d: &raw::TwimlDocument,
) -> TwimlDocument {
    let at = [SECTION, "documents", module];
    check_source(ctx, &[&at[..], &["source"]].concat(), &d.source, "elements");
    if !is_type_name(&d.root) {
        ctx.error(
            &[&at[..], &["root"]].concat(),
            Target::Value,
            format!("`{}` is not a type name", d.root),
            Some("name the root in UpperCamelCase, like `VoiceResponse`".into()),
        );
    }
    let mut names = NameSet::new("TwiML element").reserve(twiml_names::ROOT_ITEMS);
    names.claim(ctx, &d.root, &[&at[..], &["root"]].concat());
    for (name, _) in &d.elements.0 {
        let el_at = [&at[..], &["elements", name.as_str()]].concat();
        if is_type_name(name) {
            names.claim(ctx, name, &el_at);
        } else {
            ctx.error(
                &el_at,
                Target::Key,
                format!("`{name}` is not a type name"),
                Some("name the element in UpperCamelCase, like `Say`".into()),
            );
        }
    }
    let children = children(ctx, d, &d.children, &[&at[..], &["children"]].concat());
    let elements = d
        .elements
        .0
        .iter()
        .map(|(name, e)| element(ctx, raw, d, &at, name, e))
        .collect();
    TwimlDocument {
        module: module.to_string(),
        root: d.root.clone(),
        doc: d.doc.clone(),
        source: d.source.clone(),
        children,
        elements,
    }
}

fn element(
    ctx: &mut Ctx,
    raw: &raw::Twiml,
    d: &raw::TwimlDocument,
    doc_at: &[&str],
    name: &str,
    e: &raw::TwimlElement,
) -> TwimlElement {
    let at = [doc_at, &["elements", name]].concat();
    let tag = tag_of(name, e).to_string();
    if !is_xml_name(&tag) {
        ctx.error(
            &[&at[..], &["tag"]].concat(),
            Target::Value,
            format!("`{tag}` is not an XML tag"),
            Some("write the tag as the docs spell it, like `Say`".into()),
        );
    }
    let children = children(ctx, d, &e.children, &[&at[..], &["children"]].concat());
    // Setters and the adders of its children share the builder's methods.
    let mut methods = NameSet::new("TwiML method").reserve(twiml_names::ELEMENT_METHODS);
    for &c in &children {
        let (child, raw_child) = &d.elements.0[c];
        let adder = snake(tag_of(child, raw_child));
        methods.claim(ctx, &adder, &[&at[..], &["children"]].concat());
    }
    let attributes = e
        .attributes
        .0
        .iter()
        .filter_map(|(xml, a)| attribute(ctx, raw, &at, &mut methods, xml, a))
        .collect();
    TwimlElement {
        name: name.to_string(),
        adder: snake(&tag),
        tag,
        doc: e.doc.clone(),
        text: e.text,
        attributes,
        children,
    }
}

fn attribute(
    ctx: &mut Ctx,
    raw: &raw::Twiml,
    el_at: &[&str],
    methods: &mut NameSet,
    xml: &str,
    a: &raw::TwimlAttribute,
) -> Option<TwimlAttribute> {
    let at = [el_at, &["attributes", xml]].concat();
    if !is_xml_name(xml) {
        ctx.error(
            &at,
            Target::Key,
            format!("`{xml}` is not an XML attribute name"),
            Some("write the attribute as the docs spell it, like `statusCallback`".into()),
        );
        return None;
    }
    let setter = a.setter.as_deref().map_or_else(|| snake(xml), snake);
    methods.claim(ctx, &setter, &at);
    let ty = match a.ty.as_str() {
        "string" => TwimlType::String,
        "integer" => TwimlType::Integer,
        "boolean" => TwimlType::Boolean,
        name => match raw.enums.0.iter().position(|(n, _)| n == name) {
            Some(i) => TwimlType::Enum(i),
            None => {
                let known = ["string", "integer", "boolean"]
                    .into_iter()
                    .chain(raw.enums.0.iter().map(|(n, _)| n.as_str()));
                ctx.error(
                    &[&at[..], &["type"]].concat(),
                    Target::Value,
                    format!("`{name}` is not a type of attribute"),
                    Some(match did_you_mean(name, known) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => "write `string`, `integer`, `boolean`, or an enum declared under `twiml.enums`".into(),
                    }),
                );
                return None;
            }
        },
    };
    if a.list && !matches!(ty, TwimlType::Enum(_)) {
        ctx.error(
            &[&at[..], &["list"]].concat(),
            Target::Key,
            "only enum values are written as a list",
            Some("declare the values as an enum under `twiml.enums`, or remove `list`".into()),
        );
    }
    Some(TwimlAttribute {
        xml: xml.to_string(),
        setter,
        ty,
        list: a.list,
        doc: a.doc.clone(),
    })
}

/// The indices of the elements `list` (at `at`) names, each once.
fn children(ctx: &mut Ctx, d: &raw::TwimlDocument, list: &[String], at: &[&str]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (i, name) in list.iter().enumerate() {
        let n = i.to_string();
        let item_at = [at, &[n.as_str()]].concat();
        match d.elements.0.iter().position(|(e, _)| e == name) {
            Some(found) if out.contains(&found) => ctx.error(
                &item_at,
                Target::Value,
                format!("`{name}` is listed twice"),
                Some("list each child once".into()),
            ),
            Some(found) => out.push(found),
            None => ctx.error(
                &item_at,
                Target::Value,
                format!("`{name}` is not an element of this document"),
                Some(
                    match did_you_mean(name, d.elements.0.iter().map(|(e, _)| e.as_str())) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("describe `{name}` under the document's `elements`"),
                    },
                ),
            ),
        }
    }
    out
}

/// An element's XML tag: its own, or its Rust name.
fn tag_of<'a>(name: &'a str, e: &'a raw::TwimlElement) -> &'a str {
    e.tag.as_deref().unwrap_or(name)
}

fn is_type_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// An XML name as TwiML uses them: an ASCII letter or `_`, then letters, digits,
/// `_`, `-` and `.`; an attribute may be in the `xml:` namespace (`xml:lang`), which
/// needs no declaration.
fn is_xml_name(name: &str) -> bool {
    let local = name.strip_prefix("xml:").unwrap_or(name);
    local.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}
