//! How the model is spelled in Rust: every type, signature and derive decision the
//! emitters make, in one place. The API surface (`crate::surface`) reads the same
//! functions, so what it lists is what is emitted.
//!
//! Paths are fully qualified so that a spec type named `Result`, `Option` or `String`
//! can't shadow what generated code means.

use super::ident;
use crate::generated_crate::page_field_names;
use crate::model::{Field, OpKind, Operation, Paging, Param, Resource, Type};
use proc_macro2::TokenStream;
use quote::quote;

/// Records take properties the API adds later: `#[non_exhaustive]`, so adding a
/// field is a compatible change. They implement `Default`, so a consumer's tests can
/// build one without a struct literal.
pub const RECORD_NON_EXHAUSTIVE: bool = true;
/// Parameter structs are `#[non_exhaustive]` for the same reason: a new optional
/// parameter is a compatible change.
pub const PARAMS_NON_EXHAUSTIVE: bool = true;
/// Enums gain values: `#[non_exhaustive]`, with a fallback variant for values the API
/// sends before the crate knows them.
pub const ENUM_NON_EXHAUSTIVE: bool = true;

/// A parameter struct is `Default` only where that gives a complete value: when it has
/// no required parameters.
pub fn params_default(op: &Operation) -> bool {
    op.params.iter().all(|p| !p.required)
}

/// The Rust type of a value of `ty`.
pub fn rust_type(ty: &Type) -> TokenStream {
    match ty {
        Type::String | Type::Uri => quote!(::std::string::String),
        Type::Integer { min, max } => int_type(*min, *max),
        Type::Number { .. } => quote!(f64),
        Type::Decimal => quote!(crate::Decimal),
        Type::Boolean => quote!(bool),
        Type::DateTime(_) => quote!(::time::OffsetDateTime),
        Type::DateFilter(_) => quote!(crate::DateFilter),
        Type::Date => quote!(::time::Date),
        Type::Json => quote!(::serde_json::Value),
        Type::Named(name) | Type::Object(name) => {
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
    let name = match (min, max) {
        (Some(min), Some(max)) if min >= 0 && max <= i64::from(u32::MAX) => "u32",
        (Some(min), _) if min >= 0 => "u64",
        _ => "i64",
    };
    let name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
    quote!(#name)
}

/// A record field's type: its value, or an `Option` of it when it has no default.
/// Every field decodes from a body that lacks it.
pub fn field_type(f: &Field) -> TokenStream {
    let ty = rust_type(&f.ty);
    if f.default.is_none() {
        quote!(::std::option::Option<#ty>)
    } else {
        ty
    }
}

/// What a parameter's value is held as: a secret as the runtime's `Secret`, whose
/// `Debug` shows `[redacted]`.
pub fn param_value_type(p: &Param) -> TokenStream {
    if p.secret {
        quote!(crate::Secret)
    } else {
        rust_type(&p.ty)
    }
}

/// A parameter struct's field: required parameters hold their value, optional ones an
/// `Option` (of an `Option` when the API takes a null), or an empty `Vec`.
pub fn param_field_type(p: &Param) -> TokenStream {
    let ty = param_value_type(p);
    match (&p.ty, p.required) {
        (_, true) | (Type::Array(_), false) => ty,
        _ if p.nullable => quote!(::std::option::Option<::std::option::Option<#ty>>),
        _ => quote!(::std::option::Option<#ty>),
    }
}

/// What a parameter's setter takes: as [`arg_type`], or for a parameter that takes a
/// null, the value or `None` (`impl Into<Option<u32>>` takes both `5` and `None`).
pub fn setter_arg_type(p: &Param) -> TokenStream {
    if !p.nullable {
        return arg_type(&p.ty);
    }
    let ty = rust_type(&p.ty);
    if needs_conversion(&p.ty) {
        quote!(::std::option::Option<#ty>)
    } else {
        quote!(impl ::std::convert::Into<::std::option::Option<#ty>>)
    }
}

/// The argument type a setter or constructor takes for `ty`: `impl Into<String>` for
/// text, any iterator for arrays, the type itself otherwise.
pub fn arg_type(ty: &Type) -> TokenStream {
    match ty {
        Type::String | Type::Uri => quote!(impl ::std::convert::Into<::std::string::String>),
        Type::DateFilter(_) => quote!(impl ::std::convert::Into<crate::DateFilter>),
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
        Type::String | Type::Uri | Type::DateFilter(_) => quote!(#value.into()),
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
    matches!(
        ty,
        Type::String | Type::Uri | Type::DateFilter(_) | Type::Array(_)
    )
}

/// How a path parameter is taken: text as `&str`, SIDs and enums by reference.
pub fn path_arg_type(p: &Param) -> TokenStream {
    match &p.ty {
        // Text, or a SID where the API also takes a name: `"general"` and a record's
        // `&ChannelSid` alike.
        Type::String | Type::Uri => quote!(impl ::std::convert::AsRef<str>),
        Type::Named(_) | Type::Enum(_) => {
            let ty = rust_type(&p.ty);
            quote!(&#ty)
        }
        other => rust_type(other),
    }
}

/// The constructor's arguments: every required parameter, in spec order.
pub fn constructor_args(op: &Operation) -> Vec<(&Param, TokenStream)> {
    op.params
        .iter()
        .filter(|p| p.required)
        .map(|p| (p, arg_type(&p.ty)))
        .collect()
}

/// The arguments of an operation's method (and of `stream`): its own path
/// parameters, then its parameter struct.
pub fn operation_args(op: &Operation) -> Vec<(String, TokenStream)> {
    let mut args: Vec<(String, TokenStream)> = op
        .own_path_params
        .iter()
        .map(|p| (p.name.clone(), path_arg_type(p)))
        .collect();
    if let Some(params) = &op.params_type {
        let ty = ident(params);
        args.push((
            crate::generated_crate::param_fns::PARAMS_ARG.into(),
            quote!(#ty),
        ));
    }
    args
}

/// What an operation's method returns on success.
pub fn operation_output(r: &Resource, op: &Operation) -> TokenStream {
    match (op.answer, op.kind) {
        (crate::model::Answer::Nothing, _) => quote!(()),
        (crate::model::Answer::Redirect, _) => quote!(::std::string::String),
        (_, OpKind::List) => {
            let page = ident(
                &r.page
                    .as_ref()
                    .expect("lowering gives a resource with a list operation its page type")
                    .name,
            );
            quote!(#page)
        }
        _ => {
            let record = ident(&r.name);
            quote!(#record)
        }
    }
}

/// The type `stream` returns: every record, captured nothing, so it may outlive the
/// handle.
pub fn stream_type(r: &Resource) -> TokenStream {
    let record = ident(&r.name);
    quote! {
        impl ::futures_util::Stream<Item = ::std::result::Result<#record, crate::Error>>
            + ::std::marker::Send
            + use<>
    }
}

/// The wire text of a scalar `value` (a reference) for a query string or form body.
pub fn to_wire(ty: &Type, value: TokenStream) -> TokenStream {
    match ty {
        Type::DateTime(crate::model::DateFormat::Iso8601) => {
            quote!(crate::runtime::date::format_iso8601(#value))
        }
        Type::Date => quote!(crate::runtime::date::format_date(#value)),
        Type::DateTime(crate::model::DateFormat::Rfc2822) => {
            quote!(crate::runtime::date::format_rfc2822(#value))
        }
        Type::DateFilter(crate::model::DateFormat::Iso8601) => {
            quote!(crate::runtime::date::format_filter_iso8601(#value))
        }
        Type::DateFilter(crate::model::DateFormat::Rfc2822) => {
            quote!(crate::runtime::date::format_filter_rfc2822(#value))
        }
        // Text as it is, anything else as JSON text, as Twilio's libraries send it.
        Type::Json => quote!(crate::runtime::json_text(#value)),
        Type::Object(_) => quote!(crate::runtime::json_text(&crate::runtime::to_json(#value))),
        _ => quote!(::std::string::ToString::to_string(#value)),
    }
}

/// A webhook parameter's Rust type, as its accessor and event structs hold it.
pub fn webhook_param_type(ty: &Type) -> TokenStream {
    rust_type(ty)
}

/// The expression that reads the webhook parameter `wire` of type `ty` from `params`
/// (a `&[(String, String)]`): a `Result<Option<…>, WebhookParamError>`. Text is taken
/// as sent, enums keep names they don't know, and everything else is parsed.
pub fn webhook_read(
    api: &crate::model::Api,
    ty: &Type,
    wire: &str,
    params: TokenStream,
) -> TokenStream {
    let hooks = quote!(crate::runtime::webhook);
    match ty {
        Type::String | Type::Uri => quote! {
            ::std::result::Result::Ok(#hooks::text(#params, #wire).map(::std::borrow::ToOwned::to_owned))
        },
        Type::Boolean => quote!(#hooks::boolean(#params, #wire)),
        Type::DateTime(_) => quote!(#hooks::date_time(#params, #wire)),
        Type::Date => quote!(#hooks::date(#params, #wire)),
        Type::Json => quote!(#hooks::json(#params, #wire)),
        Type::Named(name) if api.is_enum(name) => {
            let ty = rust_type(ty);
            quote! {
                ::std::result::Result::Ok(#hooks::text(#params, #wire)
                    .map(|value| #ty::from_wire(::std::borrow::ToOwned::to_owned(value))))
            }
        }
        _ => quote!(#hooks::parse(#params, #wire)),
    }
}

/// A field of a page besides its records.
pub struct PageField {
    pub name: &'static str,
    /// Its key in the answer (SCIM's are camel case).
    pub wire: &'static str,
    pub ty: TokenStream,
    pub doc: &'static str,
    pub presence: Presence,
}

/// Whether a page field is always in the answer, and how it is written back.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// May be missing, and is written back as it is (`null` for a link to no page).
    Defaulted,
    /// May be missing, and `None` is left out when written back.
    Optional,
}

/// The fields a page of `paging` has besides its records (their names are the
/// crate's fact, [`page_field_names`]), with their types and docs. Every one decodes
/// from an answer that lacks it (`meta` too): a one-page listing of api_v2010 (available phone
/// numbers) sends only `uri`.
pub fn page_fields(paging: Paging) -> Vec<PageField> {
    page_field_names(paging)
        .iter()
        .map(|&name| {
            let (ty, doc, presence) = match name {
                // A page without it still has its records; it is just the last page.
                "meta" if paging == Paging::Token => (
                    quote!(crate::PageTokens),
                    "The tokens that ask for the pages beside this one.",
                    Presence::Defaulted,
                ),
                "meta" => (
                    quote!(crate::PageMeta),
                    "Where this page is and how to reach the others.",
                    Presence::Defaulted,
                ),
                "uri" if paging == Paging::None => (
                    FieldKind::Text.ty(),
                    "This page, relative to the host, where the answer says.",
                    Presence::Optional,
                ),
                _ => {
                    let &(_, kind, doc, presence) = PAGE_FIELDS
                        .iter()
                        .find(|f| f.0 == name)
                        .unwrap_or_else(|| unreachable!("no page field `{name}`"));
                    (kind.ty(), doc, presence)
                }
            };
            PageField {
                name,
                wire: crate::generated_crate::page_field_wire(name),
                ty,
                doc,
                presence,
            }
        })
        .collect()
}

/// The Rust type of a page field, by kind.
#[derive(Clone, Copy)]
enum FieldKind {
    /// A link or a text the answer may leave out.
    Text,
    /// A count or an index the answer may leave out.
    Count,
    /// A number every page of its kind has.
    Number,
    /// A yes or no every page of its kind has.
    Flag,
    /// A list of texts the answer may leave out.
    Texts,
}

impl FieldKind {
    fn ty(self) -> TokenStream {
        match self {
            FieldKind::Text => quote!(::std::option::Option<::std::string::String>),
            FieldKind::Count => quote!(::std::option::Option<u64>),
            FieldKind::Number => quote!(u64),
            FieldKind::Flag => quote!(bool),
            FieldKind::Texts => {
                quote!(::std::option::Option<::std::vec::Vec<::std::string::String>>)
            }
        }
    }
}

/// Each page field but `meta`: its name, type, doc and presence (`uri` on a page
/// without paging has its own doc, in [`page_fields`]).
const PAGE_FIELDS: &[(&str, FieldKind, &str, Presence)] = {
    use FieldKind::{Count, Flag, Number, Text, Texts};
    use Presence::{Defaulted, Optional};
    &[
        ("first_page_uri", Text, "The first page of this listing, with the same filters, relative to the host.", Optional),
        ("next_page_uri", Text, "The next page, relative to the host; `None` on the last page.", Defaulted),
        ("previous_page_uri", Text, "The previous page; `None` on the first page.", Defaulted),
        ("uri", Text, "This page, relative to the host.", Optional),
        ("page", Count, "This page's index, from 0.", Optional),
        ("page_size", Count, "How many records a page holds.", Optional),
        ("start", Count, "The index of this page's first record in the listing, from 0.", Optional),
        ("end", Count, "The index of this page's last record in the listing.", Optional),
        ("current_page", Number, "This page's number, from 0.", Defaulted),
        ("per_page", Number, "How many records a page holds.", Defaulted),
        ("has_next", Flag, "Whether the page numbered one higher has records.", Defaulted),
        ("has_prev", Flag, "Whether there is a page numbered one lower.", Defaulted),
        ("total_elements", Count, "How many records the listing holds in all, when the API says.", Optional),
        ("total_results", Count, "How many records the listing holds in all (SCIM's `totalResults`).", Optional),
        ("start_index", Count, "The index of this page's first record, from 1, where the API says.", Optional),
        ("items_per_page", Count, "How many records this page holds, where the API says.", Optional),
        ("schemas", Texts, "The SCIM schemas of this answer (`urn:ietf:params:scim:api:messages:2.0:ListResponse`).", Optional),
        ("total_pages", Count, "How many pages the listing has, when the API says.", Optional),
    ]
};
