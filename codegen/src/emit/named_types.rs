//! `src/types.rs`: the types declared once under `types:`. Constrained strings become
//! newtypes with a private field, checked at every door (`FromStr`, `TryFrom`,
//! `Deserialize`); SIDs, whose length is fixed, are kept inline and are `Copy`; enums
//! keep values they don't know.

use super::docs::{doc, doc_with};
use super::ident;
use crate::model::{Api, EnumDef, NamedKind, NamedType, StringRule};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit(api: &Api) -> TokenStream {
    let items = api.types.iter().map(|t| match &t.kind {
        NamedKind::Sid { prefix, digits } => sid(t, prefix, *digits),
        NamedKind::Constrained(rule) => constrained(t, rule),
        NamedKind::Enum(def) => emit_enum(&t.name, &t.doc, def),
    });
    quote! {
        //! Types the API description declares once and uses in many places.
        #(#items)*
    }
}

fn sid(t: &NamedType, prefix: &str, digits: usize) -> TokenStream {
    let len = prefix.len() + digits;
    let (len_lit, digits_lit) = (
        Literal::usize_unsuffixed(len),
        Literal::usize_unsuffixed(digits),
    );
    let rule = format!(
        "`{prefix}` followed by {digits} hex digits of either case ({len} characters); \
         kept inline, so it is `Copy`."
    );
    let check = quote! {
        crate::runtime::validate::sid::<#digits_lit>(value, Self::NAME, #prefix)
    };
    let is_valid = quote! {
        crate::runtime::validate::is_sid::<#digits_lit>(value, #prefix)
    };
    let consts = quote! {
        /// The literal every value starts with.
        pub const PREFIX: &'static str = #prefix;
        /// The length of every value, in bytes and characters.
        pub const LEN: usize = #len_lit;
    };
    let storage = Storage::Inline(len_lit);
    string_newtype(t, &rule, storage, consts, check, is_valid)
}

fn constrained(t: &NamedType, rule: &StringRule) -> TokenStream {
    let opt = |v: Option<u64>| match v {
        Some(v) => {
            let v = Literal::u64_unsuffixed(v);
            quote!(::std::option::Option::Some(#v))
        }
        None => quote!(::std::option::Option::None),
    };
    let (min, max) = (opt(rule.min_length), opt(rule.max_length));
    let mut text = Vec::new();
    if let Some(p) = &rule.pattern {
        text.push(format!("matches `{}`", p.replace('`', "'")));
    }
    match (rule.min_length, rule.max_length) {
        (Some(a), Some(b)) => text.push(format!("is {a} to {b} characters long")),
        (Some(a), None) => text.push(format!("is at least {a} characters long")),
        (None, Some(b)) => text.push(format!("is at most {b} characters long")),
        (None, None) => {}
    }
    let doc_rule = format!("A value {}.", text.join(" and "));
    let pattern_check = rule.pattern.as_ref().map(|pattern| {
        quote! {
            // Checked to be a valid `regex` when this file was generated.
            static PATTERN: ::std::sync::LazyLock<::regex::Regex> =
                ::std::sync::LazyLock::new(|| ::regex::Regex::new(#pattern).expect("pattern is valid"));
            if !PATTERN.is_match(value) {
                return ::std::result::Result::Err(crate::runtime::validate::ValidationError::new(
                    Self::NAME,
                    crate::runtime::validate::Problem::Pattern { pattern: #pattern },
                ));
            }
        }
    });
    let check = quote! {
        crate::runtime::validate::length(value, Self::NAME, #min, #max)?;
        #pattern_check
        ::std::result::Result::Ok(())
    };
    string_newtype(
        t,
        &doc_rule,
        Storage::Heap,
        quote!(),
        check,
        quote!(Self::validate(value).is_ok()),
    )
}

/// Where a string newtype keeps its text.
enum Storage {
    /// A `String`, for text of any length.
    Heap,
    /// An `FStr` of this many bytes, for text of exactly that length.
    Inline(Literal),
}

/// A string newtype whose every constructor runs `check` on `value: &str`;
/// `is_valid` is the same test without the explanation.
fn string_newtype(
    t: &NamedType,
    rule: &str,
    storage: Storage,
    consts: TokenStream,
    check: TokenStream,
    is_valid: TokenStream,
) -> TokenStream {
    let name = ident(&t.name);
    let wire = &t.wire;
    let docs = doc_with(&t.doc, rule);
    let (derives, field, doors) = match storage {
        Storage::Heap => (
            quote!(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash),
            quote!(::std::string::String),
            quote!(string_newtype),
        ),
        // `Debug` is the macro's, to print the text rather than the storage.
        Storage::Inline(len) => (
            quote!(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash),
            quote!(::fstr::FStr<#len>),
            quote!(sid_newtype),
        ),
    };
    quote! {
        #docs
        #[derive(#derives)]
        pub struct #name(#field);

        impl #name {
            /// The type's name in error messages.
            pub const NAME: &'static str = #wire;
            #consts

            /// Checks `value` without allocating, saying what is wrong.
            pub fn validate(value: &str) -> ::std::result::Result<(), crate::runtime::validate::ValidationError> {
                #check
            }

            /// True when `value` is valid; the fast test behind [`Self::validate`].
            #[inline]
            pub fn is_valid(value: &str) -> bool {
                #is_valid
            }
        }

        crate::runtime::newtype::#doors!(#name);
    }
}

/// An enum of string values. Values from the API that this crate doesn't know yet are
/// kept in the fallback variant rather than failing the whole response; parsing text
/// a consumer wrote (`FromStr`) is strict.
pub fn emit_enum(name: &str, description: &str, def: &EnumDef) -> TokenStream {
    let name = ident(name);
    let docs = doc(description);
    let fallback = ident(&def.fallback);
    let variants: Vec<_> = def.variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<_> = def.variants.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = wires.iter().map(|w| format!(" `{}`", w.replace('`', "'")));
    quote! {
        #docs
        // Values the API adds later are decoded into the fallback; `non_exhaustive`
        // keeps adding them to the crate a compatible change.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            /// A value this crate did not know when it was generated, kept as sent.
            #fallback(::std::string::String),
        }

        impl #name {
            /// Every value the API description defines.
            pub const VALUES: &'static [&'static str] = &[#(#wires),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( #name::#variants => #wires, )*
                    #name::#fallback(value) => value,
                }
            }

            /// The value for wire text, known or not.
            pub fn from_wire(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #( #wires => #name::#variants, )*
                    _ => #name::#fallback(value),
                }
            }
        }

        crate::runtime::newtype::string_enum!(#name, #fallback);
    }
}
