//! Named types (`types:`) and the `type:` of properties and parameters.

use super::pattern::{analyse, PatternShape};
use super::Ctx;
use crate::diagnostic::did_you_mean;
use crate::model::{
    DateFormat, EnumDef, InlineEnum, NamedKind, NamedType, ObjectDef, StringRule, Type, Variant,
};
use crate::naming::camel;
use crate::pattern::{Budget, Refused, TOO_COSTLY_HELP};
use crate::spec::load::Target;
use crate::spec::raw::{self, Bound};
use std::collections::{HashMap, HashSet};

/// The built-in type names a `type:` can use, besides named types.
pub const BUILTINS: &[&str] = &[
    "string",
    "integer",
    "number",
    "decimal",
    "boolean",
    "date-time",
    "date",
    "uri",
    "object",
    "array",
    "map",
    "enum",
];

/// Named types by their spec name, and the names of declared types that had errors
/// (a reference to one is not reported again as unknown).
pub struct TypeIndex {
    valid: HashMap<String, String>,
    broken: HashSet<String>,
    /// The variants of named enums (wire value, Rust name), by Rust name.
    pub(super) enum_values: HashMap<String, Vec<(String, String)>>,
    /// The Rust names of object types.
    objects: HashSet<String>,
}

impl TypeIndex {
    pub fn new(types: &[NamedType], declared: impl IntoIterator<Item = String>) -> Self {
        let valid: HashMap<String, String> = types
            .iter()
            .map(|t| (t.wire.clone(), t.name.clone()))
            .collect();
        let broken = declared
            .into_iter()
            .filter(|d| !valid.contains_key(d))
            .collect();
        let enum_values = types
            .iter()
            .filter_map(|t| match &t.kind {
                NamedKind::Enum(def) => Some((t.name.clone(), wire_values(def))),
                _ => None,
            })
            .collect();
        let objects = types
            .iter()
            .filter(|t| matches!(t.kind, NamedKind::Object(_)))
            .map(|t| t.name.clone())
            .collect();
        TypeIndex {
            valid,
            broken,
            enum_values,
            objects,
        }
    }
}

/// `patterns` is what the file's patterns have cost so far.
pub fn lower_named(
    ctx: &mut Ctx,
    wire: &str,
    raw: &raw::NamedType,
    patterns: &mut Budget,
) -> Option<NamedType> {
    let at = ["types", wire];
    let key = |k: &'static str| [at[0], at[1], k];
    if BUILTINS.contains(&wire) {
        ctx.error(
            &at,
            Target::Key,
            format!("`{wire}` is a built-in type name"),
            Some("pick another name".into()),
        );
        return None;
    }
    let constrained = raw.pattern.is_some() || raw.min_length.is_some() || raw.max_length.is_some();
    if let Some(properties) = &raw.properties {
        if constrained || raw.values.is_some() {
            ctx.error(
                &at,
                Target::Key,
                format!("type `{wire}` has `properties` and also `values` or string constraints"),
                Some("an object type lists `properties` only; declare the others as types of their own".into()),
            );
            return None;
        }
        if properties.0.is_empty() {
            ctx.error(
                &key("properties"),
                Target::Value,
                format!("object type `{wire}` has no properties"),
                Some("list its properties, or use `type: object` where any JSON goes".into()),
            );
            return None;
        }
        // Its fields are lowered once every type has a name: they may name others.
        return Some(NamedType {
            name: camel(wire),
            wire: wire.to_string(),
            doc: raw.doc.clone(),
            kind: NamedKind::Object(ObjectDef::default()),
        });
    }
    let kind = match (&raw.values, constrained) {
        (Some(_), true) => {
            ctx.error(
                &at,
                Target::Key,
                format!("type `{wire}` has both `values` and string constraints"),
                Some("an enum lists `values`; a constrained string has `pattern`, `min_length` or `max_length`".into()),
            );
            return None;
        }
        (Some(values), false) => NamedKind::Enum(enum_def(ctx, &key("values"), values)?),
        (None, false) => {
            ctx.error(
                &at,
                Target::Key,
                format!("type `{wire}` constrains nothing"),
                Some("add `pattern`, `min_length`/`max_length`, `values` for an enum, or `properties` for an object; a plain string is `type: string`".into()),
            );
            return None;
        }
        (None, true) => string_rule(ctx, wire, raw, patterns)?,
    };
    Some(NamedType {
        name: camel(wire),
        wire: wire.to_string(),
        doc: raw.doc.clone(),
        kind,
    })
}

fn string_rule(
    ctx: &mut Ctx,
    wire: &str,
    raw: &raw::NamedType,
    patterns: &mut Budget,
) -> Option<NamedKind> {
    let at = |k: &'static str| ["types", wire, k];
    if let (Some(min), Some(max)) = (raw.min_length, raw.max_length) {
        if min > max {
            ctx.error(
                &at("min_length"),
                Target::Value,
                format!("min_length {min} is greater than max_length {max}"),
                Some("swap them, or fix the one that is wrong".into()),
            );
            return None;
        }
    }
    let Some(pattern) = &raw.pattern else {
        return Some(NamedKind::Constrained(StringRule {
            pattern: None,
            min_length: raw.min_length,
            max_length: raw.max_length,
            sid_choice: None,
        }));
    };
    match analyse(pattern, patterns) {
        Err(refused @ Refused::TooCostly { .. }) => {
            ctx.error(
                &at("pattern"),
                Target::Value,
                format!("`{pattern}` costs too much to compile: {refused}"),
                Some(TOO_COSTLY_HELP.into()),
            );
            None
        }
        Err(Refused::Invalid(why)) => {
            let why = why.lines().last().unwrap_or("invalid").trim();
            let why = why.strip_prefix("error: ").unwrap_or(why);
            ctx.error(
                &at("pattern"),
                Target::Value,
                format!("`{pattern}` is not a valid regex: {why}"),
                Some(
                    "patterns use the syntax of the `regex` crate; check brackets and escapes"
                        .into(),
                ),
            );
            None
        }
        Ok(PatternShape::Sid { prefix, digits }) => {
            let len = (prefix.len() + digits) as u64;
            for (key, bound) in [
                ("min_length", raw.min_length),
                ("max_length", raw.max_length),
            ] {
                if bound.is_some_and(|b| b != len) {
                    ctx.error(
                        &at(key),
                        Target::Value,
                        format!("{key} {} contradicts the pattern, which matches exactly {len} characters", bound.unwrap_or(0)),
                        Some(format!("set {key} to {len}, or remove it")),
                    );
                    return None;
                }
            }
            Some(NamedKind::Sid { prefix, digits })
        }
        Ok(PatternShape::General) => Some(NamedKind::Constrained(StringRule {
            pattern: Some(pattern.clone()),
            min_length: raw.min_length,
            max_length: raw.max_length,
            sid_choice: None,
        })),
        Ok(PatternShape::AnySid { prefixes, digits }) => Some(NamedKind::Constrained(StringRule {
            pattern: Some(pattern.clone()),
            min_length: raw.min_length,
            max_length: raw.max_length,
            sid_choice: Some(crate::model::SidChoice { prefixes, digits }),
        })),
    }
}

fn enum_def(ctx: &mut Ctx, at: &[&str], values: &[String]) -> Option<EnumDef> {
    if values.is_empty() {
        ctx.error(
            at,
            Target::Value,
            "an enum needs at least one value",
            Some("list the values, like `values: [public, private]`".into()),
        );
        return None;
    }
    let mut seen_wire = HashSet::new();
    let mut seen_name: HashMap<String, &str> = HashMap::new();
    let mut ok = true;
    for (i, value) in values.iter().enumerate() {
        let index = i.to_string();
        let here = [at, &[index.as_str()]].concat();
        let name = camel(value);
        if !seen_wire.insert(value.as_str()) {
            ctx.error(
                &here,
                Target::Value,
                format!("enum value `{value}` is listed twice"),
                Some("remove one".into()),
            );
            ok = false;
        } else if let Some(first) = seen_name.get(&name) {
            ctx.error(
                &here,
                Target::Value,
                format!("enum values `{first}` and `{value}` both become the variant `{name}`"),
                Some("values may differ only in ways that survive conversion to CamelCase".into()),
            );
            ok = false;
        } else {
            seen_name.insert(name.clone(), value);
        }
    }
    if !ok {
        return None;
    }
    let variants: Vec<Variant> = values
        .iter()
        .map(|v| Variant {
            name: camel(v),
            wire: v.clone(),
        })
        .collect();
    let mut fallback = "Unknown".to_string();
    let mut n = 1;
    while variants.iter().any(|v| v.name == fallback) {
        n += 1;
        fallback = format!("Unknown{n}");
    }
    Some(EnumDef { variants, fallback })
}

/// A `type:` and the keys that qualify it, as written on a property or parameter.
pub struct TypeExpr<'a> {
    pub ty: &'a str,
    pub items: Option<&'a str>,
    /// For a `map`: its values may be `null`.
    pub items_nullable: bool,
    pub format: Option<raw::DateFormat>,
    pub values: Option<&'a [String]>,
    pub minimum: Option<Bound>,
    pub maximum: Option<Bound>,
}

impl<'a> TypeExpr<'a> {
    /// A type qualified by nothing but a date format.
    pub fn plain(ty: &'a str, format: Option<raw::DateFormat>) -> Self {
        TypeExpr {
            ty,
            items: None,
            items_nullable: false,
            format,
            values: None,
            minimum: None,
            maximum: None,
        }
    }

    /// An operation parameter's type, as written.
    pub fn of_param(p: &'a raw::Param) -> Self {
        TypeExpr {
            items: p.items.as_deref(),
            values: p.values.as_deref(),
            minimum: p.minimum,
            maximum: p.maximum,
            ..TypeExpr::plain(&p.ty, p.format)
        }
    }

    /// A property's type, as written.
    pub fn of_property(p: &'a raw::Property) -> Self {
        TypeExpr {
            items: p.items.as_deref(),
            items_nullable: p.items_nullable,
            values: p.values.as_deref(),
            minimum: p.minimum,
            maximum: p.maximum,
            ..TypeExpr::plain(&p.ty, p.format)
        }
    }
}

/// Resolves a `type:`. Inline enums are added to `enums`, named `enum_name`.
pub fn resolve(
    ctx: &mut Ctx,
    index: &TypeIndex,
    at: &[&str],
    expr: &TypeExpr,
    enum_name: &str,
    doc: &str,
    enums: &mut Vec<InlineEnum>,
) -> Option<Type> {
    if !keys_apply(ctx, at, expr) {
        return None;
    }
    let key = |k: &'static str| [at, &[k]].concat();
    Some(match expr.ty {
        "string" => Type::String,
        "boolean" => Type::Boolean,
        "uri" => Type::Uri,
        "object" => Type::Json,
        "date-time" => Type::DateTime(expr.format.map_or(DateFormat::Iso8601, DateFormat::from)),
        "date" => Type::Date,
        "integer" => integer_type(ctx, at, expr)?,
        "number" => number_type(ctx, at, expr)?,
        "decimal" => Type::Decimal,
        t @ ("array" | "map") => {
            let item = item_type(ctx, at, t, expr.items)?;
            let item_at = key("items");
            let item = Box::new(resolve(ctx, index, &item_at, &item, enum_name, doc, enums)?);
            if t == "array" {
                Type::Array(item)
            } else {
                Type::Map {
                    value: item,
                    nullable_values: expr.items_nullable,
                }
            }
        }
        "enum" => {
            let Some(values) = expr.values else {
                ctx.error(
                    at,
                    Target::Key,
                    "an `enum` needs `values`",
                    Some("add `values: [a, b]`".into()),
                );
                return None;
            };
            let def = enum_def(ctx, &key("values"), values)?;
            enums.push(InlineEnum {
                name: enum_name.to_string(),
                doc: doc.to_string(),
                def,
                origin: at.iter().map(|s| s.to_string()).collect(),
            });
            Type::Enum(enum_name.to_string())
        }
        named => named_type(ctx, index, at, named)?,
    })
}

/// False (with an error for each) when `expr` has keys its type doesn't take.
fn keys_apply(ctx: &mut Ctx, at: &[&str], expr: &TypeExpr) -> bool {
    let t = expr.ty;
    let container = t == "array" || t == "map";
    let numeric = t == "integer" || t == "number";
    let misplaced = [
        (
            expr.items.is_some() && !container,
            "items",
            "`array` and `map`",
        ),
        (expr.items_nullable && t != "map", "items_nullable", "`map`"),
        (
            expr.format.is_some() && t != "date-time",
            "format",
            "`date-time`",
        ),
        (expr.values.is_some() && t != "enum", "values", "`enum`"),
        (
            expr.minimum.is_some() && !numeric,
            "minimum",
            "`integer` and `number`",
        ),
        (
            expr.maximum.is_some() && !numeric,
            "maximum",
            "`integer` and `number`",
        ),
    ];
    let mut ok = true;
    for (present, k, types) in misplaced {
        if present {
            ctx.error(
                &[at, &[k]].concat(),
                Target::Key,
                format!("`{k}` does not apply to type `{t}`"),
                Some(format!(
                    "`{k}` is for {types}; remove it or change the type"
                )),
            );
            ok = false;
        }
    }
    ok
}

/// An `integer` with its bounds, which must be whole and in order.
fn integer_type(ctx: &mut Ctx, at: &[&str], expr: &TypeExpr) -> Option<Type> {
    let key = |k: &'static str| [at, &[k]].concat();
    let as_int = |ctx: &mut Ctx, b: Option<Bound>, k: &'static str| match b {
        Some(Bound::Float(f)) => {
            ctx.error(
                &key(k),
                Target::Value,
                format!("{k} {f} is not an integer"),
                Some("integer bounds are whole numbers".into()),
            );
            Err(())
        }
        Some(Bound::Int(i)) => Ok(Some(i)),
        None => Ok(None),
    };
    let (min, max) = (
        as_int(ctx, expr.minimum, "minimum"),
        as_int(ctx, expr.maximum, "maximum"),
    );
    let (Ok(min), Ok(max)) = (min, max) else {
        return None;
    };
    check_order(
        ctx,
        &key("minimum"),
        min.map(|m| m as f64),
        max.map(|m| m as f64),
    )?;
    Some(Type::Integer { min, max })
}

/// A `number` with its bounds, which must be finite and in order.
fn number_type(ctx: &mut Ctx, at: &[&str], expr: &TypeExpr) -> Option<Type> {
    let as_f64 = |b: Option<Bound>| {
        b.map(|b| match b {
            Bound::Int(i) => i as f64,
            Bound::Float(f) => f,
        })
    };
    let (min, max) = (as_f64(expr.minimum), as_f64(expr.maximum));
    for (k, bound) in [("minimum", min), ("maximum", max)] {
        if bound.is_some_and(|b| !b.is_finite()) {
            ctx.error(
                &[at, &[k]].concat(),
                Target::Value,
                format!("{k} must be a finite number"),
                Some("remove it, or write a number".into()),
            );
            return None;
        }
    }
    check_order(ctx, &[at, &["minimum"]].concat(), min, max)?;
    Some(Type::Number { min, max })
}

/// The item type of an `array` or `map`, as an expression of its own: a name or a
/// scalar, not another inline container, enum or date.
fn item_type<'a>(
    ctx: &mut Ctx,
    at: &[&str],
    t: &str,
    items: Option<&'a str>,
) -> Option<TypeExpr<'a>> {
    let Some(items) = items else {
        ctx.error(
            at,
            Target::Key,
            format!(
                "{} `{t}` needs `items`",
                if t == "array" { "an" } else { "a" }
            ),
            Some("add `items: string`, or the name of the item type".into()),
        );
        return None;
    };
    if matches!(items, "array" | "map" | "enum" | "date-time" | "date") {
        ctx.error(
            &[at, &["items"]].concat(),
            Target::Value,
            format!("{t} items can't be an inline `{items}`"),
            Some("declare the item type under `types:` and name it here".into()),
        );
        return None;
    }
    Some(TypeExpr::plain(items, None))
}

/// A type declared under `types:`, by name; an unknown name gets a suggestion.
fn named_type(ctx: &mut Ctx, index: &TypeIndex, at: &[&str], named: &str) -> Option<Type> {
    if index.broken.contains(named) {
        return None;
    }
    match index.valid.get(named) {
        Some(name) if index.objects.contains(name) => Some(Type::Object(name.clone())),
        Some(name) => Some(Type::Named(name.clone())),
        None => {
            let known = BUILTINS
                .iter()
                .copied()
                .chain(index.valid.keys().map(String::as_str));
            let help = match did_you_mean(named, known) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "use a built-in type ({}) or declare `{named}` under `types:`",
                    BUILTINS.join(", ")
                ),
            };
            let type_at = if at.last() == Some(&"items") {
                at.to_vec()
            } else {
                [at, &["type"]].concat()
            };
            ctx.error(
                &type_at,
                Target::Value,
                format!("unknown type `{named}`"),
                Some(help),
            );
            None
        }
    }
}

fn check_order(ctx: &mut Ctx, at: &[&str], min: Option<f64>, max: Option<f64>) -> Option<()> {
    match (min, max) {
        (Some(min), Some(max)) if min > max => {
            ctx.error(
                at,
                Target::Value,
                format!("minimum {min} is greater than maximum {max}"),
                Some("swap them, or fix the one that is wrong".into()),
            );
            None
        }
        _ => Some(()),
    }
}

pub(super) fn wire_values(def: &EnumDef) -> Vec<(String, String)> {
    def.variants
        .iter()
        .map(|v| (v.wire.clone(), v.name.clone()))
        .collect()
}
