//! `src/resources/<name>.rs`: one resource's model, enums, page type and operation
//! parameters.

use super::docs::{doc, doc_with};
use super::items::{deserialize_impl, emit_enum, record, unread_field, ReadField, RecordUse};
use super::rust_types::{page_fields, Presence};
use super::{file_stem, handles, ident, params};
use crate::model::{Page, Paging, Resource};
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
        Paging::Token => "`meta.next_token` asks for the next page",
        Paging::Scim => "they are a SCIM list, read as one page",
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
    let page_fields = page_fields(p.paging);
    let reads: Vec<ReadField> = std::iter::once(ReadField {
        wire: key.clone(),
        field: field.clone(),
        reader: None,
    })
    .chain(page_fields.iter().map(|f| ReadField {
        wire: f.wire.to_string(),
        field: ident(f.name),
        reader: None,
    }))
    .chain([ReadField::unread()])
    .collect();
    // A page without its records is an error; any other field may be missing.
    let deserialize = deserialize_impl(&name, &reads, Some(0));
    let fields = page_fields.into_iter().map(|f| {
        let name = ident(f.name);
        let (ty, docs) = (f.ty, doc(f.doc));
        let wire = f.wire;
        let rename = (wire != f.name).then(|| quote!(#[serde(rename = #wire)]));
        let serde = match f.presence {
            Presence::Optional => {
                Some(quote!(#[serde(skip_serializing_if = "::std::option::Option::is_none")]))
            }
            Presence::Defaulted => None,
        };
        quote! {
            #docs
            #rename
            #serde
            pub #name: #ty,
        }
    });
    let meta = page_meta(p.paging, key);
    let unread = unread_field("of this page (not its records, which name their own)");
    let next_query = next_page_query(p.paging);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize)]
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

            #next_query
        }

        #deserialize
    }
}

/// What a page says of itself, as the runtime's `PageMeta`.
fn page_meta(paging: Paging, key: &str) -> TokenStream {
    match paging {
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
        Paging::Token | Paging::Scim => quote! {
            crate::PageMeta {
                key: ::std::string::String::from(#key),
                ..::std::default::Default::default()
            }
        },
    }
}

/// The query that asks for the next page, for pagings that build it from the page.
fn next_page_query(paging: Paging) -> Option<TokenStream> {
    match paging {
        Paging::Numbered => Some(quote! {
            fn next_page_query(&self) -> ::std::option::Option<(&'static str, ::std::string::String)> {
                self.has_next.then(|| ("Page", (self.current_page + 1).to_string()))
            }
        }),
        Paging::Token => Some(quote! {
            fn next_page_query(&self) -> ::std::option::Option<(&'static str, ::std::string::String)> {
                let token = self.meta.next_token.clone().filter(|t| !t.is_empty())?;
                ::std::option::Option::Some(("Token", token))
            }
        }),
        Paging::Meta | Paging::Flat | Paging::None | Paging::Scim => None,
    }
}
