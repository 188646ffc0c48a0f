//! `src/types.rs`: the types declared once under `types:`. Constrained strings become
//! newtypes with a private field, checked at every door (`FromStr`, `TryFrom`,
//! `Deserialize`); SIDs, whose length is fixed, are kept inline and are `Copy`; enums
//! keep values they don't know; objects are structs like a resource's record.

use super::docs::doc_with;
use super::ident;
use super::items::emit_enum;
use crate::model::{Api, NamedKind, NamedType, StringRule};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit(api: &Api) -> TokenStream {
    let items = api.types.iter().map(|t| match &t.kind {
        NamedKind::Sid { prefix, digits } => sid(t, prefix, *digits),
        NamedKind::Constrained(rule) => constrained(t, rule),
        NamedKind::Enum(def) => emit_enum(&t.name, &t.doc, def),
        NamedKind::Object(def) => {
            let record = super::items::record(
                api,
                &t.name,
                &t.doc,
                &def.fields,
                super::items::RecordUse::Request,
            );
            let enums = def.enums.iter().map(|e| emit_enum(&e.name, &e.doc, &e.def));
            quote! { #record #(#enums)* }
        }
    });
    quote! {
        //! Types the API description declares once and uses in many places.
        #(#items)*
    }
}

fn sid(t: &NamedType, prefix: &str, digits: usize) -> TokenStream {
    let name = ident(&t.name);
    let len = Literal::usize_unsuffixed(prefix.len() + digits);
    let digits_lit = Literal::usize_unsuffixed(digits);
    let rule = format!(
        "`{prefix}` followed by {digits} hex digits of either case ({} characters); kept \
         inline, so it is `Copy`.",
        prefix.len() + digits
    );
    let docs = doc_with(&t.doc, &rule);
    // Errors name it as the spec does, which the macro takes from the Rust name
    // unless told otherwise.
    let named = (t.name != t.wire).then(|| {
        let wire = &t.wire;
        quote!(named #wire)
    });
    quote! {
        #docs
        pub struct #name(crate::runtime::FStr<#len>);

        crate::runtime::sid_newtype!(#name #named, #prefix, #digits_lit);
    }
}

fn constrained(t: &NamedType, rule: &StringRule) -> TokenStream {
    let name = ident(&t.name);
    let wire = &t.wire;
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
    let docs = doc_with(&t.doc, &format!("A value {}.", text.join(" and ")));
    let pattern_check = rule.pattern.as_ref().map(|pattern| {
        if let Some(choice) = &rule.sid_choice {
            // A SID of any of the prefixes: the SID check of each, no regex.
            let digits = Literal::usize_unsuffixed(choice.digits);
            let prefixes = &choice.prefixes;
            return quote! {
                if !(#(crate::runtime::is_sid::<#digits>(value, #prefixes))||*) {
                    return ::std::result::Result::Err(crate::ValidationError::new(
                        Self::NAME,
                        crate::Problem::Pattern { pattern: #pattern },
                    ));
                }
            };
        }
        quote! {
            // Checked to be a valid `regex` when this file was generated.
            static PATTERN: ::std::sync::LazyLock<::regex::Regex> =
                ::std::sync::LazyLock::new(|| ::regex::Regex::new(#pattern).expect("pattern is valid"));
            if !PATTERN.is_match(value) {
                return ::std::result::Result::Err(crate::ValidationError::new(
                    Self::NAME,
                    crate::Problem::Pattern { pattern: #pattern },
                ));
            }
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct #name(::std::string::String);

        impl #name {
            /// The type's name in error messages.
            pub const NAME: &'static str = #wire;

            /// Checks `value` without allocating, saying what is wrong.
            pub fn validate(value: &str) -> ::std::result::Result<(), crate::ValidationError> {
                crate::runtime::length(value, Self::NAME, #min, #max)?;
                #pattern_check
                ::std::result::Result::Ok(())
            }

            /// True when `value` is valid.
            pub fn is_valid(value: &str) -> bool {
                Self::validate(value).is_ok()
            }
        }

        crate::runtime::string_newtype!(#name);
    }
}
