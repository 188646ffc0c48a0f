//! The items both a resource's module and `src/types.rs` write: a struct of JSON
//! properties (a resource's record, an object type) and an enum of string values.

use super::docs::doc;
use super::file_stem;
use super::ident;
use super::rust_types::{field_type, rust_type, ENUM_NON_EXHAUSTIVE, RECORD_NON_EXHAUSTIVE};
use crate::generated_crate::{UNREAD_FIELDS, UNREAD_KEY};
use crate::model::{DateFormat, EnumDef, Field, Literal, Type};
use proc_macro2::TokenStream;
use quote::quote;

/// Where a struct of JSON properties is written back to the wire.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RecordUse {
    /// A resource's record: only decoded from answers, so encoding it gives the
    /// answer back, `null`s included.
    Answer,
    /// An object type, which requests send too: a `None` is left out, so what a
    /// consumer did not set is not sent as `null`.
    Request,
}

/// A struct of JSON properties: a resource's record, or an object type.
pub fn record(
    api: &crate::model::Api,
    owner: &str,
    description: &str,
    record_fields: &[Field],
    usage: RecordUse,
) -> TokenStream {
    let name = ident(owner);
    let docs = doc(description);
    let fields = record_fields.iter().map(|f| field(api, owner, f, usage));
    let defaults: Vec<TokenStream> = record_fields.iter().filter_map(default_fn).collect();
    let non_exhaustive = RECORD_NON_EXHAUSTIVE.then(|| quote!(#[non_exhaustive]));
    let unread_field = unread_field("above");
    // `Default` is what a body with no properties decodes to: derived, unless a field
    // has a default of the API's own, which the hand-written impl calls.
    let (derive_default, default_impl) = if defaults.is_empty() {
        (Some(quote!(Default,)), None)
    } else {
        let inits = record_fields.iter().map(|f| {
            let field = ident(&f.name);
            match (&f.default, &f.default_fn) {
                (None, _) => quote!(#field: ::std::option::Option::None),
                (Some(_), Some(default_fn)) => {
                    let default_fn = ident(default_fn);
                    quote!(#field: #name::#default_fn())
                }
                (Some(_), None) => quote!(#field: ::std::default::Default::default()),
            }
        });
        let unread = ident(UNREAD_FIELDS);
        let default_impl = quote! {
            /// What a body without the field decodes to, as the API description says.
            impl #name {
                #(#defaults)*
            }

            impl ::std::default::Default for #name {
                fn default() -> Self {
                    #name { #(#inits,)* #unread: ::std::default::Default::default() }
                }
            }
        };
        (None, Some(default_impl))
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #derive_default ::serde::Serialize, ::serde::Deserialize)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            #unread_field
        }

        #default_impl
    }
}

/// Every field decodes from a body that lacks it: to its default, or to `None`. A field
/// the API never sends as `null` is left out when it is `None`, as the API would.
fn field(api: &crate::model::Api, owner: &str, f: &Field, usage: RecordUse) -> TokenStream {
    let name = ident(&f.name);
    let docs = doc(&f.doc);
    let ty = field_type(f);
    let optional = f.default.is_none();
    let rename = (file_stem(&f.name) != f.wire).then(|| {
        let wire = &f.wire;
        quote!(#[serde(rename = #wire)])
    });
    let default = match &f.default_fn {
        None => quote!(default,),
        Some(default_fn) => {
            let path = format!("{owner}::{default_fn}");
            quote!(default = #path,)
        }
    };
    let skip = (optional && (!f.nullable || usage == RecordUse::Request))
        .then(|| quote!(skip_serializing_if = "::std::option::Option::is_none",));
    let dates = match &f.ty {
        Type::DateTime(format) => {
            let de = "crate::runtime::date::deserialize_option";
            let ser = match format {
                DateFormat::Iso8601 => "crate::runtime::date::serialize_iso8601_option",
                DateFormat::Rfc2822 => "crate::runtime::date::serialize_rfc2822_option",
            };
            Some(quote!(deserialize_with = #de, serialize_with = #ser,))
        }
        Type::Date => {
            let (de, ser) = (
                "crate::runtime::date::deserialize_date_option",
                "crate::runtime::date::serialize_date_option",
            );
            Some(quote!(deserialize_with = #de, serialize_with = #ser,))
        }
        // Decimals may come as strings, and an unset SID as an empty one (the 2010
        // API does both).
        Type::Number { .. } => {
            let de = if optional {
                "crate::runtime::wire_text::deserialize_number_option"
            } else {
                "crate::runtime::wire_text::deserialize_number"
            };
            Some(quote!(deserialize_with = #de,))
        }
        // A decimal may come as text or a number; an unset one as an empty string.
        Type::Decimal if optional => {
            let de = "crate::runtime::wire_text::deserialize_decimal_option";
            Some(quote!(deserialize_with = #de,))
        }
        Type::Named(name) if optional && api.is_sid(name) => {
            let de = "crate::runtime::wire_text::deserialize_text_option";
            Some(quote!(deserialize_with = #de,))
        }
        _ => None,
    };
    // Plain `Option` fields already decode a missing key to `None`.
    let plain_option = optional && f.nullable && dates.is_none() && usage == RecordUse::Answer;
    let serde = (!plain_option).then(|| quote!(#[serde(#default #skip #dates)]));
    quote! {
        #docs
        #rename
        #serde
        pub #name: #ty,
    }
}

/// The function serde calls for a default that isn't the type's own `Default`.
fn default_fn(f: &Field) -> Option<TokenStream> {
    let name = ident(f.default_fn.as_deref()?);
    let value = f.default.as_ref()?;
    let ty = rust_type(&f.ty);
    let expr = match value {
        Literal::Bool(b) => quote!(#b),
        Literal::Int(i) => {
            let i = proc_macro2::Literal::i64_unsuffixed(*i);
            quote!(#i)
        }
        Literal::Float(x) => {
            let x = proc_macro2::Literal::f64_unsuffixed(*x);
            quote!(#x)
        }
        Literal::Variant { name, .. } => {
            let variant = ident(name);
            quote!(#ty::#variant)
        }
        Literal::Str(text) => quote!(::std::string::String::from(#text)),
    };
    let docs = doc(&format!("The default of `{}`.", f.wire.replace('`', "'")));
    Some(quote! {
        #docs
        fn #name() -> #ty {
            #expr
        }
    })
}

/// The field that names what an answer held but could not be read as documented:
/// the runtime fills it (see `twilio_codegen_runtime::UnreadField`), never the wire.
pub(super) fn unread_field(whose: &str) -> TokenStream {
    let name = ident(UNREAD_FIELDS);
    let docs = doc(&format!(
        "The fields of the answer that could not be read as the API documents them (a \
         SID of another kind, a date in another format): each is left out of the fields \
         {whose}, which are `None` or their default, and named here with the value as \
         sent. Empty when every field was read."
    ));
    quote! {
        #docs
        #[serde(rename = #UNREAD_KEY, default, skip_serializing)]
        pub #name: crate::UnreadFields,
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
    let non_exhaustive = ENUM_NON_EXHAUSTIVE.then(|| quote!(#[non_exhaustive]));
    quote! {
        #docs
        // Values the API adds later are decoded into the fallback; `non_exhaustive`
        // keeps adding them to the crate a compatible change.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #non_exhaustive
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

            /// The value for wire text, known or not. A known value in another
            /// letter case is that value (Twilio's libraries read them so), and is
            /// sent in Twilio's spelling; anything else is kept as written.
            pub fn from_wire(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #( #wires => #name::#variants, )*
                    _ => match crate::runtime::known_value(Self::VALUES, &value) {
                        ::std::option::Option::Some(known) => Self::from_wire(known.into()),
                        ::std::option::Option::None => #name::#fallback(value),
                    },
                }
            }
        }

        crate::runtime::string_enum!(#name, #fallback);
    }
}
