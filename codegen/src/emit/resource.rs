//! `src/resources/<name>.rs`: one resource's model, enums, page type and operation
//! parameters.

use super::docs::{doc, doc_with};
use super::named_types::emit_enum;
use super::rust_types::rust_type;
use super::{file_stem, handles, ident, params};
use crate::model::{Api, DateFormat, Field, Page, Resource, Type};
use proc_macro2::TokenStream;
use quote::quote;

/// `src/resources/mod.rs`: one module per resource.
pub fn emit_mod(api: &Api) -> TokenStream {
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

pub fn emit(api: &Api, r: &Resource) -> TokenStream {
    let module_doc = format!(
        " The {} resource: its representation and its operations' parameters.",
        r.wire.replace('`', "'")
    );
    let model = model(r);
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

fn model(r: &Resource) -> TokenStream {
    let name = ident(&r.name);
    let docs = doc(&r.doc);
    let fields = r.fields.iter().map(field);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #(#fields)*
        }
    }
}

fn field(f: &Field) -> TokenStream {
    let name = ident(&f.name);
    let docs = doc(&f.doc);
    let ty = rust_type(&f.ty);
    let ty = if f.nullable {
        quote!(::std::option::Option<#ty>)
    } else {
        ty
    };
    let rename = (file_stem(&f.name) != f.wire).then(|| {
        let wire = &f.wire;
        quote!(#[serde(rename = #wire)])
    });
    let dates = match (&f.ty, f.nullable) {
        (Type::DateTime(format), nullable) => {
            let suffix = if nullable { "_option" } else { "" };
            let de = format!("crate::runtime::date::deserialize{suffix}");
            let fmt = match format {
                DateFormat::Iso8601 => "iso8601",
                DateFormat::Rfc2822 => "rfc2822",
            };
            let ser = format!("crate::runtime::date::serialize_{fmt}{suffix}");
            let default = nullable.then(|| quote!(default,));
            Some(quote!(#[serde(#default deserialize_with = #de, serialize_with = #ser)]))
        }
        _ => None,
    };
    quote! {
        #docs
        #rename
        #dates
        pub #name: #ty,
    }
}

fn page(r: &Resource, p: &Page) -> TokenStream {
    let name = ident(&p.name);
    let item = ident(&r.name);
    let key = &p.key;
    let field = ident(&p.field);
    let rename =
        (file_stem(&field.to_string()) != key.as_str()).then(|| quote!(#[serde(rename = #key)]));
    let docs = doc_with(
        &format!(
            "One page of {} records, as the list operation returns it.",
            r.wire
        ),
        &format!(
            "The records are under `{}`; `meta` says how to reach the next page.",
            key.replace('`', "'")
        ),
    );
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            /// The records on this page.
            #rename
            pub #field: ::std::vec::Vec<#item>,
            /// Where this page is and how to reach the others.
            pub meta: crate::runtime::page::PageMeta,
        }

        impl crate::runtime::paging::Page for #name {
            type Item = #item;

            fn into_parts(self) -> (::std::vec::Vec<#item>, crate::runtime::page::PageMeta) {
                (self.#field, self.meta)
            }
        }
    }
}
