//! `src/resources/<name>.rs`: one resource's model, enums, page type and operation
//! parameters.

use super::docs::{doc, doc_with};
use super::named_types::emit_enum;
use super::rust_types::{field_type, page_fields, rust_type, Presence, RECORD_NON_EXHAUSTIVE};
use super::{file_stem, handles, ident, params};
use crate::generated_crate::{UNREAD_FIELDS, UNREAD_KEY};
use crate::model::{DateFormat, Field, Literal, Page, Paging, Resource, Type};
use proc_macro2::TokenStream;
use quote::quote;

/// `src/resources/mod.rs`: one module per resource.
pub fn emit_mod(api: &crate::model::Api) -> TokenStream {
    let modules = api.resources.iter().map(|r| {
        let module = ident(&r.module);
        let text = format!(" The {} resource.", r.wire.replace('`', "'"));
        quote! { #[doc = #text] pub mod #module; }
    });
    quote! {
        //! The API's resources, one module each.
        #(#modules)*
    }
}

pub fn emit(api: &crate::model::Api, r: &Resource) -> TokenStream {
    let module_doc = format!(
        " The {} resource: its representation and its operations' parameters.",
        r.wire.replace('`', "'")
    );
    let model = record(api, &r.name, &r.doc, &r.fields, RecordUse::Answer);
    let enums = r.enums.iter().map(|e| emit_enum(&e.name, &e.doc, &e.def));
    let page = r.page.as_ref().map(|p| page(r, p));
    let params = r.operations.iter().filter_map(|op| params::emit(r, op));
    let handle = handles::emit(api, r);
    quote! {
        #![doc = #module_doc]
        #model
        #(#enums)*
        #page
        #(#params)*
        #handle
    }
}

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
fn unread_field(whose: &str) -> TokenStream {
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

fn page(r: &Resource, p: &Page) -> TokenStream {
    let name = ident(&p.name);
    let item = ident(&r.name);
    let key = &p.key;
    let field = ident(&p.field);
    let rename =
        (file_stem(&field.to_string()) != key.as_str()).then(|| quote!(#[serde(rename = #key)]));
    let links = match p.paging {
        Paging::Meta => "`meta` says how to reach the next page",
        Paging::Flat => "the fields beside them say how to reach the next page",
        Paging::None => "they are the whole listing",
        Paging::Numbered => "`has_next` says whether a page numbered one higher follows",
    };
    let docs = doc_with(
        &format!(
            "One page of {} records, as the list operation returns it.",
            r.wire
        ),
        &format!(
            "The records are under `{}`; {links}.",
            key.replace('`', "'")
        ),
    );
    let fields = page_fields(p.paging).into_iter().map(|f| {
        let name = ident(f.name);
        let (ty, docs) = (f.ty, doc(f.doc));
        let serde = match f.presence {
            Presence::Always => None,
            Presence::Optional => Some(
                quote!(#[serde(default, skip_serializing_if = "::std::option::Option::is_none")]),
            ),
            Presence::Defaulted => Some(quote!(#[serde(default)])),
        };
        quote! {
            #docs
            #serde
            pub #name: #ty,
        }
    });
    let meta = match p.paging {
        Paging::Meta => quote!(self.meta),
        Paging::Flat => quote! {
            crate::PageMeta {
                first_page_url: self.first_page_uri.unwrap_or_default(),
                key: ::std::string::String::from(#key),
                next_page_url: self.next_page_uri,
                page: self.page.unwrap_or_default(),
                page_size: self.page_size.unwrap_or_default(),
                previous_page_url: self.previous_page_uri,
                url: self.uri.unwrap_or_default(),
            }
        },
        Paging::Numbered => quote! {
            crate::PageMeta {
                key: ::std::string::String::from(#key),
                page: self.current_page,
                page_size: self.per_page,
                ..::std::default::Default::default()
            }
        },
        Paging::None => quote! {
            crate::PageMeta {
                key: ::std::string::String::from(#key),
                url: self.uri.unwrap_or_default(),
                ..::std::default::Default::default()
            }
        },
    };
    let unread = unread_field("of this page (not its records, which name their own)");
    let next_number = (p.paging == Paging::Numbered).then(|| {
        quote! {
            fn next_page_number(&self) -> ::std::option::Option<u64> {
                self.has_next.then_some(self.current_page + 1)
            }
        }
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            /// The records on this page.
            #rename
            pub #field: ::std::vec::Vec<#item>,
            #(#fields)*
            #unread
        }

        impl crate::runtime::Page for #name {
            type Item = #item;
            const RECORDS: &'static str = #key;

            fn records_mut(&mut self) -> &mut ::std::vec::Vec<#item> {
                &mut self.#field
            }

            fn into_parts(self) -> (::std::vec::Vec<#item>, crate::PageMeta) {
                (self.#field, #meta)
            }

            #next_number
        }
    }
}
