//! `src/webhooks.rs`: the events Twilio sends the API's webhook URLs. An [`Event`] is
//! a verified request's parameters, kept whole and in order, with its `EventType` as
//! an enum and a typed accessor for every declared parameter; `decode` gives each
//! documented event as a struct of its declared parameters; pre-events are answered
//! with `allow`, `reject` or, where the docs allow, a changes type.

use super::docs::{doc, escape};
use super::ident;
use super::rust_types::{
    webhook_param_type, webhook_read, ENUM_NON_EXHAUSTIVE, RECORD_NON_EXHAUSTIVE,
};
use crate::generated_crate::webhook_names as names;
use crate::model::{Api, EventKind, WebhookEvent, WebhookParam, Webhooks};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit(api: &Api) -> Option<TokenStream> {
    let hooks = api.webhooks.as_ref()?;
    let module_docs = module_docs(api, hooks);
    let event_type = event_type(hooks);
    let event = event(api, hooks);
    let decoded = decoded(hooks);
    let structs = hooks.events.iter().map(|e| event_struct(hooks, e));
    let changes = hooks.events.iter().filter_map(changes);
    Some(quote! {
        #(#![doc = #module_docs])*
        #event_type
        #event
        #decoded
        #(#structs)*
        #(#changes)*
    })
}

/// The module docs: what it holds, where the list comes from, which events declare
/// parameters, and an example that runs.
fn module_docs(api: &Api, hooks: &Webhooks) -> Vec<String> {
    let mut out = wrap(
        "The requests Twilio sends this API's webhook URLs: check one with \
         [`WebhookValidator`](crate::WebhookValidator), read it as an [`Event`], and \
         answer it with a [`WebhookResponse`](crate::WebhookResponse).",
    );
    if let Some(d) = &hooks.doc {
        out.push(String::new());
        out.extend(super::docs::lines(d));
    }
    let (with, without): (Vec<&WebhookEvent>, Vec<&WebhookEvent>) =
        hooks.events.iter().partition(|e| !e.params.is_empty());
    let list = |events: &[&WebhookEvent]| {
        events
            .iter()
            .map(|e| format!("`{}`", e.wire))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!(
        "The events and their parameters are those of [Twilio's docs]({}). ",
        escape(&hooks.source)
    );
    if !with.is_empty() {
        text.push_str(&format!(
            "These list parameters of their own, typed in their structs: {}. ",
            list(&with)
        ));
    }
    if !without.is_empty() {
        text.push_str(&format!(
            "The docs list none of their own for {}: their structs hold the parameters every \
             event has, and every parameter is still in [`Event::params`]. ",
            list(&without)
        ));
    }
    text.push_str(
        "A parameter is read only when asked for, and one that doesn't parse as its type \
         is an error of its own accessor, never the whole event's: `decode` leaves it \
         `None` in the event's struct and names it in the struct's `unparsed`, so a \
         receiver still answers a pre-event when Twilio sends a value this crate doesn't \
         expect. Parameters the docs don't list are kept too.",
    );
    out.push(String::new());
    out.extend(wrap(&text));
    let first = &hooks.events[0];
    let krate = &api.lib_name;
    let example = format!(
        "```\n\
         use {krate}::WebhookValidator;\n\
         use {krate}::webhooks::{{Decoded, Event, EventType}};\n\
         \n\
         let validator = WebhookValidator::new(\"the account's auth token\");\n\
         let url = \"https://example.com/twilio/events\";\n\
         // What Twilio sends; `sign_form` plays Twilio, as in a test.\n\
         let body = b\"EventType={wire}\";\n\
         let params = vec![(\"EventType\".to_owned(), \"{wire}\".to_owned())];\n\
         let signature = validator.sign_form(url, &params);\n\
         \n\
         let event = Event::from_params(validator.verify_form(url, Some(&signature), body)?)?;\n\
         assert_eq!(event.event_type(), &EventType::{variant});\n\
         assert!(matches!(event.decode(), Decoded::{variant}(_)));\n\
         assert_eq!(event.allow().status(), 200);\n\
         # Ok::<(), Box<dyn std::error::Error>>(())\n\
         ```",
        wire = first.wire,
        variant = first.variant,
    );
    out.push(String::new());
    out.extend(example.lines().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    }));
    out
}

/// Generated prose as doc lines of at most about 88 columns.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() > 84 {
            lines.push(format!(" {line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!(" {line}"));
    }
    lines
}

fn event_type(hooks: &Webhooks) -> TokenStream {
    let name = ident(names::EVENT_TYPE_ENUM);
    let variants: Vec<_> = hooks.events.iter().map(|e| ident(&e.variant)).collect();
    let wires: Vec<&str> = hooks.events.iter().map(|e| e.wire.as_str()).collect();
    let variant_docs = hooks.events.iter().map(|e| {
        let kind = match e.kind {
            EventKind::Pre => "a pre-event: Twilio waits for the answer",
            EventKind::Post => "a post-event",
        };
        doc(&format!("`{}` ({kind}): {}", e.wire, e.doc))
    });
    let pre: Vec<_> = hooks
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Pre)
        .map(|e| ident(&e.variant))
        .collect();
    let is_pre = ident(names::IS_PRE_EVENT);
    let non_exhaustive = ENUM_NON_EXHAUSTIVE.then(|| quote!(#[non_exhaustive]));
    quote! {
        /// Which event a webhook is about: its `EventType` parameter.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #non_exhaustive
        pub enum #name {
            #( #variant_docs #variants, )*
            /// An event this crate did not know when it was generated, kept as sent.
            Unknown(::std::string::String),
        }

        impl #name {
            /// Every event the API's docs list.
            pub const VALUES: &'static [&'static str] = &[#(#wires),*];

            /// The name as sent.
            pub fn as_str(&self) -> &str {
                match self {
                    #( #name::#variants => #wires, )*
                    #name::Unknown(value) => value,
                }
            }

            /// The event for a name, known or not.
            pub fn from_wire(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #( #wires => #name::#variants, )*
                    _ => #name::Unknown(value),
                }
            }

            /// True for a pre-event, whose answer may allow, change or reject the
            /// action; false for a post-event or an unknown one.
            pub fn #is_pre(&self) -> bool {
                matches!(self, #( #name::#pre )|*)
            }
        }

        crate::runtime::string_enum!(#name, Unknown);
    }
}

fn event(api: &Api, hooks: &Webhooks) -> TokenStream {
    let (event, event_type, decoded) = (
        ident(names::EVENT),
        ident(names::EVENT_TYPE_ENUM),
        ident(names::DECODED),
    );
    let (from_params, event_type_fn, params_fn, param_fn, decode, allow, reject) = (
        ident(names::FROM_PARAMS),
        ident(names::EVENT_TYPE_FN),
        ident(names::PARAMS),
        ident(names::PARAM),
        ident(names::DECODE),
        ident(names::ALLOW),
        ident(names::REJECT),
    );
    let event_type_wire = names::EVENT_TYPE;
    let accessors = hooks.params.iter().map(|p| accessor(api, hooks, p));
    let arms = decode_arms(hooks);
    let reject_status = Literal::u16_unsuffixed(hooks.reject_status);
    let reject_doc = format!(
        " Rejects a pre-event: `{}`, with no body, which Twilio's docs name for it. To a \
         post-event it means nothing but an error in Twilio's logs.",
        hooks.reject_status
    );
    quote! {
        /// A webhook request Twilio sent: its event and every parameter, in the order
        /// sent (after [`WebhookValidator`](crate::WebhookValidator) checked them).
        #[derive(Debug, Clone, PartialEq)]
        pub struct #event {
            #event_type_fn: #event_type,
            #params_fn: crate::WebhookParams,
        }

        impl #event {
            /// The event of these parameters (from a validator, or built from pairs);
            /// they must have an `EventType`.
            pub fn #from_params(
                #params_fn: crate::WebhookParams,
            ) -> ::std::result::Result<Self, crate::WebhookError> {
                let name = crate::runtime::webhook::text(&#params_fn, #event_type_wire)
                    .ok_or(crate::WebhookError::MissingEventType)?;
                ::std::result::Result::Ok(#event {
                    #event_type_fn: #event_type::from_wire(::std::borrow::ToOwned::to_owned(name)),
                    #params_fn,
                })
            }

            /// Which event this is.
            pub fn #event_type_fn(&self) -> &#event_type {
                &self.#event_type_fn
            }

            /// Every parameter, as sent and in order, declared or not.
            pub fn #params_fn(&self) -> &crate::WebhookParams {
                &self.#params_fn
            }

            /// The first value of the parameter `name`, as sent.
            pub fn #param_fn(&self, name: &str) -> ::std::option::Option<&str> {
                self.#params_fn.get(name)
            }

            #(#accessors)*

            /// The event as its struct, with the parameters its docs list read as their
            /// types; an event this crate doesn't know, by name. It never fails: a
            /// parameter that doesn't parse is `None` in the struct and named in its
            /// `unparsed`, and its accessor gives the error.
            pub fn #decode(&self) -> #decoded {
                match &self.#event_type_fn {
                    #(#arms)*
                    #event_type::Unknown(name) => #decoded::Unknown(::std::clone::Clone::clone(name)),
                }
            }

            /// `200 OK`, no body: a pre-event goes ahead unchanged, a post-event is
            /// acknowledged.
            pub fn #allow(&self) -> crate::WebhookResponse {
                crate::WebhookResponse::ok()
            }

            #[doc = #reject_doc]
            pub fn #reject(&self) -> crate::WebhookResponse {
                crate::runtime::webhook::status_only(#reject_status)
            }
        }
    }
}

/// `decode`'s arm for each event: its struct, each listed parameter read by its
/// accessor, and the ones that didn't parse named in `unparsed`.
fn decode_arms(hooks: &Webhooks) -> Vec<TokenStream> {
    let (event_type, decoded) = (ident(names::EVENT_TYPE_ENUM), ident(names::DECODED));
    let unparsed = ident(names::UNPARSED);
    let arms = hooks.events.iter().map(|e| {
        let variant = ident(&e.variant);
        let fields = event_params(hooks, e).map(|p| {
            let name = ident(&p.name);
            quote!(#name: crate::runtime::webhook::keep(self.#name(), &mut #unparsed))
        });
        quote! {
            #event_type::#variant => {
                let mut #unparsed = ::std::vec::Vec::new();
                #decoded::#variant(#variant { #(#fields,)* #unparsed })
            }
        }
    });
    arms.collect()
}

/// A typed accessor: `Ok(None)` when the parameter is absent.
fn accessor(api: &Api, hooks: &Webhooks, p: &WebhookParam) -> TokenStream {
    let name = ident(&p.name);
    let ty = webhook_param_type(&p.ty);
    let read = webhook_read(api, &p.ty, &p.wire, quote!(&self.params));
    let sent_by = if hooks.common.iter().any(|&c| hooks.params[c].wire == p.wire) {
        "Sent with every event.".to_string()
    } else {
        let events: Vec<String> = hooks
            .events
            .iter()
            .filter(|e| e.params.iter().any(|&i| hooks.params[i].wire == p.wire))
            .map(|e| format!("`{}`", e.wire))
            .collect();
        if events.is_empty() {
            "Declared, but listed for no event.".to_string()
        } else {
            format!("Listed for {}.", events.join(", "))
        }
    };
    let docs = doc(&format!(
        "`{}`: {}\n\n{sent_by} `Ok(None)` when the request doesn't have it.",
        p.wire,
        p.doc.trim()
    ));
    quote! {
        #docs
        pub fn #name(&self) -> ::std::result::Result<::std::option::Option<#ty>, crate::WebhookParamError> {
            #read
        }
    }
}

/// An event's parameters: the common ones, then its own.
fn event_params<'a>(
    hooks: &'a Webhooks,
    e: &'a WebhookEvent,
) -> impl Iterator<Item = &'a WebhookParam> {
    hooks
        .common
        .iter()
        .chain(&e.params)
        .map(|&i| &hooks.params[i])
}

fn decoded(hooks: &Webhooks) -> TokenStream {
    let decoded = ident(names::DECODED);
    let variants = hooks.events.iter().map(|e| {
        let variant = ident(&e.variant);
        let text = format!(" `{}`.", e.wire);
        quote!(#[doc = #text] #variant(#variant),)
    });
    let non_exhaustive = ENUM_NON_EXHAUSTIVE.then(|| quote!(#[non_exhaustive]));
    quote! {
        /// A webhook as its event's struct: [`Event::decode`].
        #[derive(Debug, Clone, PartialEq)]
        #non_exhaustive
        pub enum #decoded {
            #(#variants)*
            /// An event this crate did not know when it was generated, by name; its
            /// parameters are in [`Event::params`].
            Unknown(::std::string::String),
        }
    }
}

fn event_struct(hooks: &Webhooks, e: &WebhookEvent) -> TokenStream {
    let name = ident(&e.variant);
    let kind = match e.kind {
        EventKind::Pre => "A pre-event: Twilio waits for the answer, which may allow, change or reject the action.",
        EventKind::Post => "A post-event: the answer is only acknowledged.",
    };
    let listed = if e.params.is_empty() {
        "Its docs list no parameters of its own; these are the ones every event has."
    } else {
        "The parameters its docs list, each `None` when the request doesn't have it."
    };
    let docs = doc(&format!(
        "`{}`: {}\n\n{kind} {listed}",
        e.wire,
        e.doc.trim()
    ));
    let fields = event_params(hooks, e).map(param_field);
    let unparsed = ident(names::UNPARSED);
    let non_exhaustive = RECORD_NON_EXHAUSTIVE.then(|| quote!(#[non_exhaustive]));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Default)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            /// The parameters above that were sent but don't parse as their type (a SID
            /// with a prefix this crate doesn't know): each is `None` above, and its
            /// text is still in [`Event::params`].
            pub #unparsed: ::std::vec::Vec<crate::WebhookParamError>,
        }
    }
}

/// A struct's field of a parameter: `None` when absent or when it doesn't parse.
pub(super) fn param_field(p: &WebhookParam) -> TokenStream {
    let field = ident(&p.name);
    let ty = webhook_param_type(&p.ty);
    let docs = doc(&format!("`{}`: {}", p.wire, p.doc.trim()));
    quote!(#docs pub #field: ::std::option::Option<#ty>,)
}

/// The type that builds a pre-event's answer with changes, if its docs allow any.
fn changes(e: &WebhookEvent) -> Option<TokenStream> {
    let name = ident(e.changes_type.as_deref()?);
    let into_response = ident(names::INTO_RESPONSE);
    let docs = doc(&format!(
        "An answer to `{}` that lets the action go ahead with changes: only the fields \
         set are sent, and Twilio leaves the rest as they are.",
        e.wire
    ));
    let fields: Vec<_> = e.modify.iter().map(|c| ident(&c.setter)).collect();
    let keys: Vec<&str> = e.modify.iter().map(|c| c.key.as_str()).collect();
    let setters = e.modify.iter().map(|c| {
        let setter = ident(&c.setter);
        let docs = doc(&format!("`{}`: {}", c.key, c.doc.trim()));
        quote! {
            #docs
            pub fn #setter(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.#setter = ::std::option::Option::Some(value.into());
                self
            }
        }
    });
    Some(quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct #name {
            #( #fields: ::std::option::Option<::std::string::String>, )*
        }

        impl #name {
            /// No changes yet.
            pub fn new() -> Self {
                ::std::default::Default::default()
            }

            #(#setters)*

            /// `200 OK` with the changes as a JSON object.
            pub fn #into_response(self) -> crate::WebhookResponse {
                let mut fields: ::std::vec::Vec<(&str, &str)> = ::std::vec::Vec::new();
                #(
                    if let ::std::option::Option::Some(value) = &self.#fields {
                        fields.push((#keys, value));
                    }
                )*
                crate::runtime::webhook::changes(&fields)
            }
        }
    })
}
