//! A property's `default:`, checked against its type.

use super::types::{wire_values, TypeIndex};
use super::Ctx;
use crate::model::*;
use crate::spec::load::Target;
use crate::spec::raw::Scalar;

/// Checks a property's `default` against its type.
pub fn default_value(
    ctx: &mut Ctx,
    index: &TypeIndex,
    at: &[&str],
    ty: &Type,
    value: &Scalar,
    enums: &[InlineEnum],
) -> Option<Literal> {
    let key = [at, &["default"]].concat();
    let enum_values = match ty {
        Type::Enum(name) => enums
            .iter()
            .find(|e| &e.name == name)
            .map(|e| wire_values(&e.def)),
        Type::Named(name) => index.enum_values.get(name).cloned(),
        _ => None,
    };
    let mismatch = |ctx: &mut Ctx, what: &str| {
        ctx.error(
            &key,
            Target::Value,
            format!("the default {} is not {what}", shown(value)),
            Some(format!("use {what}, or remove `default`")),
        );
        None
    };
    match (ty, value) {
        (Type::Boolean, Scalar::Bool(b)) => Some(Literal::Bool(*b)),
        (Type::Boolean, _) => mismatch(ctx, "`true` or `false`"),
        (Type::Integer { min, max }, Scalar::Int(i)) => {
            if min.is_some_and(|m| *i < m) || max.is_some_and(|m| *i > m) {
                return mismatch(ctx, "a value within the property's `minimum` and `maximum`");
            }
            Some(Literal::Int(*i))
        }
        (Type::Integer { .. }, _) => mismatch(ctx, "an integer"),
        (Type::Number { min, max }, Scalar::Int(_) | Scalar::Float(_)) => {
            let f = match value {
                Scalar::Int(i) => *i as f64,
                Scalar::Float(f) => *f,
                _ => unreachable!("matched above"),
            };
            if !f.is_finite() || min.is_some_and(|m| f < m) || max.is_some_and(|m| f > m) {
                return mismatch(ctx, "a finite number within the property's bounds");
            }
            Some(Literal::Float(f))
        }
        (Type::Number { .. }, _) => mismatch(ctx, "a number"),
        (Type::String | Type::Uri, Scalar::Str(s)) => Some(Literal::Str(s.clone())),
        (Type::String | Type::Uri, _) => mismatch(ctx, "text"),
        (Type::Enum(_) | Type::Named(_), Scalar::Str(s))
            if enum_values
                .as_ref()
                .is_some_and(|v| v.iter().any(|(wire, _)| wire == s)) =>
        {
            let (wire, name) = enum_values
                .unwrap_or_default()
                .into_iter()
                .find(|(wire, _)| wire == s)?;
            Some(Literal::Variant { wire, name })
        }
        (Type::Enum(_) | Type::Named(_), _) if enum_values.is_some() => {
            let values: Vec<String> = enum_values
                .unwrap_or_default()
                .into_iter()
                .map(|(wire, _)| wire)
                .collect();
            mismatch(
                ctx,
                &format!("one of the enum's values ({})", values.join(", ")),
            )
        }
        _ => {
            ctx.error(
                &key,
                Target::Key,
                "this property's type can't have a default",
                Some("defaults are for `string`, `uri`, `integer`, `number`, `boolean` and enum properties".into()),
            );
            None
        }
    }
}

fn shown(value: &Scalar) -> String {
    match value {
        Scalar::Bool(b) => format!("`{b}`"),
        Scalar::Int(i) => format!("`{i}`"),
        Scalar::Float(f) => format!("`{f}`"),
        Scalar::Str(s) => format!("`{}`", s.escape_debug()),
    }
}
