//! How spec types are spelled in Rust. Paths are fully qualified so that a spec type
//! named `Result`, `Option` or `String` can't shadow what generated code means.

use super::ident;
use crate::model::Type;
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type of a value of `ty`.
pub fn rust_type(ty: &Type) -> TokenStream {
    match ty {
        Type::String | Type::Uri => quote!(::std::string::String),
        Type::Integer { min, max } => int_type(*min, *max),
        Type::Number { .. } => quote!(f64),
        Type::Boolean => quote!(bool),
        Type::DateTime(_) => quote!(::time::OffsetDateTime),
        Type::Json => quote!(::serde_json::Value),
        Type::Named(name) => {
            let name = ident(name);
            quote!(crate::types::#name)
        }
        Type::Enum(name) => {
            let name = ident(name);
            quote!(self::#name)
        }
        Type::Array(item) => {
            let item = rust_type(item);
            quote!(::std::vec::Vec<#item>)
        }
        Type::Map {
            value,
            nullable_values,
        } => {
            let value = rust_type(value);
            let value = if *nullable_values {
                quote!(::std::option::Option<#value>)
            } else {
                value
            };
            quote!(::std::collections::BTreeMap<::std::string::String, #value>)
        }
    }
}

/// The narrowest natural integer type for the bounds: counts and sizes are unsigned.
pub fn int_type(min: Option<i64>, max: Option<i64>) -> TokenStream {
    let name = proc_macro2::Ident::new(int_name(min, max), proc_macro2::Span::call_site());
    quote!(#name)
}

/// The name of [`int_type`]; the API surface spells types with it too.
pub fn int_name(min: Option<i64>, max: Option<i64>) -> &'static str {
    match (min, max) {
        (Some(min), Some(max)) if min >= 0 && max <= i64::from(u32::MAX) => "u32",
        (Some(min), _) if min >= 0 => "u64",
        _ => "i64",
    }
}

/// The argument type a setter or constructor takes for `ty`: `impl Into<String>` for
/// text, any iterator for arrays, the type itself otherwise.
pub fn arg_type(ty: &Type) -> TokenStream {
    match ty {
        Type::String | Type::Uri => quote!(impl ::std::convert::Into<::std::string::String>),
        Type::Array(item) => {
            let item = arg_type(item);
            quote!(impl ::std::iter::IntoIterator<Item = #item>)
        }
        other => rust_type(other),
    }
}

/// Converts an argument of [`arg_type`] named `value` into the field's type.
pub fn from_arg(ty: &Type, value: TokenStream) -> TokenStream {
    match ty {
        Type::String | Type::Uri => quote!(#value.into()),
        Type::Array(item) if needs_conversion(item) => {
            let each = from_arg(item, quote!(item));
            quote!(#value.into_iter().map(|item| #each).collect())
        }
        Type::Array(_) => quote!(#value.into_iter().collect()),
        _ => value,
    }
}

/// False when [`arg_type`] is the field's type itself.
pub fn needs_conversion(ty: &Type) -> bool {
    matches!(ty, Type::String | Type::Uri | Type::Array(_))
}

/// The wire text of a scalar `value` (a reference) for a query string or form body.
pub fn to_wire(ty: &Type, value: TokenStream) -> TokenStream {
    match ty {
        Type::DateTime(crate::model::DateFormat::Iso8601) => {
            quote!(crate::runtime::date::format_iso8601(#value))
        }
        Type::DateTime(crate::model::DateFormat::Rfc2822) => {
            quote!(crate::runtime::date::format_rfc2822(#value))
        }
        _ => quote!(::std::string::ToString::to_string(#value)),
    }
}
