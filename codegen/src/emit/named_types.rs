//! `src/types.rs`: the types declared once under `types:`. Constrained strings become
//! newtypes with a private field, checked at every door (`FromStr`, `TryFrom`,
//! `Deserialize`); enums keep values they don't know.

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
    let rule =
        format!("`{prefix}` followed by {digits} hex digits of either case ({len} characters).");
    let check = quote! {
        crate::runtime::validate::sid::<#digits_lit>(value, Self::NAME, #prefix)
    };
    let consts = quote! {
        /// The literal every value starts with.
        pub const PREFIX: &'static str = #prefix;
        /// The length of every value, in bytes and characters.
        pub const LEN: usize = #len_lit;
    };
    string_newtype(t, &rule, consts, check)
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
    string_newtype(t, &doc_rule, quote!(), check)
}

/// A string newtype whose every constructor runs `check` on `value: &str`.
fn string_newtype(
    t: &NamedType,
    rule: &str,
    consts: TokenStream,
    check: TokenStream,
) -> TokenStream {
    let name = ident(&t.name);
    let wire = &t.wire;
    let docs = doc_with(&t.doc, rule);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct #name(::std::string::String);

        impl #name {
            /// The type's name in error messages.
            pub const NAME: &'static str = #wire;
            #consts

            /// Checks `value` without allocating.
            pub fn validate(value: &str) -> ::std::result::Result<(), crate::runtime::validate::ValidationError> {
                #check
            }

            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The value as an owned `String`.
            pub fn into_string(self) -> ::std::string::String {
                self.0
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = crate::runtime::validate::ValidationError;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Self::validate(value)?;
                ::std::result::Result::Ok(#name(::std::borrow::ToOwned::to_owned(value)))
            }
        }

        impl ::std::convert::TryFrom<&str> for #name {
            type Error = crate::runtime::validate::ValidationError;

            fn try_from(value: &str) -> ::std::result::Result<Self, Self::Error> {
                ::std::str::FromStr::from_str(value)
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for #name {
            type Error = crate::runtime::validate::ValidationError;

            /// Keeps the `String`'s allocation.
            fn try_from(value: ::std::string::String) -> ::std::result::Result<Self, Self::Error> {
                Self::validate(&value)?;
                ::std::result::Result::Ok(#name(value))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::cmp::PartialEq<str> for #name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl ::std::cmp::PartialEq<&str> for #name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::convert::TryFrom::try_from(value).map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
    }
}

/// An enum of string values. Values from the API that this crate doesn't know yet are
/// kept in the fallback variant rather than failing the whole response; parsing text
/// a consumer wrote (`FromStr`) is strict.
pub fn emit_enum(name: &str, description: &str, def: &EnumDef) -> TokenStream {
    let type_name = name;
    let name = ident(name);
    let docs = doc(description);
    let fallback = ident(&def.fallback);
    let variants: Vec<_> = def.variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<_> = def.variants.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = wires.iter().map(|w| format!(" `{}`", w.replace('`', "'")));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

            fn from_wire(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #( #wires => #name::#variants, )*
                    _ => #name::#fallback(value),
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = crate::runtime::validate::ValidationError;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match #name::from_wire(::std::borrow::ToOwned::to_owned(value)) {
                    #name::#fallback(value) => ::std::result::Result::Err(crate::runtime::validate::ValidationError::new(
                        #type_name,
                        crate::runtime::validate::Problem::UnknownVariant { value, expected: Self::VALUES },
                    )),
                    known => ::std::result::Result::Ok(known),
                }
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <::std::string::String as ::serde::Deserialize>::deserialize(deserializer).map(#name::from_wire)
            }
        }
    }
}
