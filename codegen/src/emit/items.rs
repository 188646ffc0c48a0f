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
    let fields = record_fields.iter().map(|f| field(f, usage));
    let reads: Vec<ReadField> = record_fields
        .iter()
        .map(|f| ReadField {
            wire: f.wire.clone(),
            field: ident(&f.name),
            reader: reader(api, f),
        })
        .chain([ReadField::unread()])
        .collect();
    let deserialize = deserialize_impl(&name, &reads, None);
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
        #[derive(Debug, Clone, PartialEq, #derive_default ::serde::Serialize)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            #unread_field
        }

        #default_impl
        #deserialize
    }
}

/// A field as `Serialize` writes it back: under its wire key, a `None` the API never
/// sends as `null` left out, a timestamp in the API's format.
fn field(f: &Field, usage: RecordUse) -> TokenStream {
    let name = ident(&f.name);
    let docs = doc(&f.doc);
    let ty = field_type(f);
    let optional = f.default.is_none();
    let rename = (file_stem(&f.name) != f.wire).then(|| {
        let wire = &f.wire;
        quote!(#[serde(rename = #wire)])
    });
    let skip = (optional && (!f.nullable || usage == RecordUse::Request))
        .then(|| quote!(skip_serializing_if = "::std::option::Option::is_none",));
    let ser = match &f.ty {
        Type::DateTime(DateFormat::Iso8601) => {
            Some("crate::runtime::date::serialize_iso8601_option")
        }
        Type::DateTime(DateFormat::Rfc2822) => {
            Some("crate::runtime::date::serialize_rfc2822_option")
        }
        Type::Date => Some("crate::runtime::date::serialize_date_option"),
        _ => None,
    }
    .map(|ser| quote!(serialize_with = #ser,));
    let serde = (skip.is_some() || ser.is_some()).then(|| quote!(#[serde(#skip #ser)]));
    quote! {
        #docs
        #rename
        #serde
        pub #name: #ty,
    }
}

/// The runtime's reader for a field its type's own `Deserialize` doesn't read as the
/// API writes it, if it needs one. Every field decodes from a body that lacks it: to
/// its default, or to `None`.
fn reader(api: &crate::model::Api, f: &Field) -> Option<&'static str> {
    let optional = f.default.is_none();
    Some(match &f.ty {
        Type::DateTime(_) => "date_time",
        Type::Date => "date",
        // Decimals may come as strings, and an unset SID as an empty one (the 2010
        // API does both).
        Type::Number { .. } if optional => "number_option",
        Type::Number { .. } => "number",
        // A decimal may come as text or a number; an unset one as an empty string.
        Type::Decimal if optional => "decimal",
        Type::Named(name) if optional && api.is_sid(name) => "text",
        _ => return None,
    })
}

/// A field as a record's `Deserialize` reads it: its wire key, the field, and the
/// runtime's reader (`crate::runtime::record::date_time`) if its type's own
/// `Deserialize` isn't the one.
pub(super) struct ReadField {
    pub wire: String,
    pub field: proc_macro2::Ident,
    pub reader: Option<&'static str>,
}

impl ReadField {
    /// The field the runtime fills when it repairs an answer (see `unread_field`).
    pub(super) fn unread() -> ReadField {
        ReadField {
            wire: UNREAD_KEY.to_string(),
            field: ident(UNREAD_FIELDS),
            reader: None,
        }
    }
}

/// A record's `Deserialize`: its wire keys and how each value is read, for the
/// runtime's visitor (`crate::runtime::record`), which serde's derive would write out
/// again for every record. `required` is the index in `reads` of a field the body
/// must hold.
pub(super) fn deserialize_impl(
    name: &proc_macro2::Ident,
    reads: &[ReadField],
    required: Option<usize>,
) -> TokenStream {
    let record = name.to_string();
    let index = proc_macro2::Literal::usize_unsuffixed;
    let keys = reads.iter().enumerate().map(|(i, r)| {
        let (wire, i) = (&r.wire, index(i));
        quote!(#wire => #i,)
    });
    let read_of = |r: &ReadField| {
        let field = &r.field;
        match r.reader.map(ident) {
            Some(reader) => quote!(record.#field = read::#reader(map)?),
            None => quote!(record.#field = map.next_value()?),
        }
    };
    let arms = reads.iter().enumerate().map(|(i, r)| {
        let (i, read) = (index(i), read_of(r));
        quote!(#i => #read,)
    });
    // A record with no field of its own reads only its `unread_fields`.
    let read_field = match reads {
        [only] => {
            let read = read_of(only);
            quote!(if field == 0 { #read; })
        }
        _ => quote! {
            match field {
                #(#arms)*
                // `field` gives no other index.
                _ => {}
            }
        },
    };
    let use_readers = reads.iter().any(|r| r.reader.is_some()).then(|| {
        quote!(
            use crate::runtime::record as read;
        )
    });
    let required = required.map(|i| {
        let wire = &reads[i].wire;
        let i = index(i);
        quote!(const REQUIRED: ::std::option::Option<(usize, &'static str)> = ::std::option::Option::Some((#i, #wire));)
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                #use_readers

                /// The record's wire keys, and how each value is read.
                struct Keys;

                impl<'de> crate::runtime::record::Fields<'de> for Keys {
                    type Record = #name;
                    const NAME: &'static str = #record;
                    #required

                    fn field(key: &str) -> ::std::option::Option<usize> {
                        ::std::option::Option::Some(match key {
                            #(#keys)*
                            _ => return ::std::option::Option::None,
                        })
                    }

                    fn read<A: ::serde::de::MapAccess<'de>>(
                        record: &mut #name,
                        field: usize,
                        map: &mut A,
                    ) -> ::std::result::Result<(), A::Error> {
                        #read_field
                        ::std::result::Result::Ok(())
                    }
                }

                crate::runtime::record::deserialize::<D, Keys>(d)
            }
        }
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
        #[serde(skip_serializing)]
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
