//! `src/callbacks.rs`: the requests Twilio sends without an `EventType` (an incoming
//! message, a call's status). The receiver knows which by the URL it configured, so
//! each is a struct of its own, read from a verified request with its parameters
//! typed, every parameter kept as sent.

use super::docs::{doc, escape};
use super::ident;
use super::rust_types::{webhook_read, RECORD_NON_EXHAUSTIVE};
use crate::generated_crate::{callback_names as names, webhook_names};
use crate::model::{Api, CallbackAnswer, CallbackRequest, Callbacks, WebhookParam};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(api: &Api) -> Option<TokenStream> {
    let callbacks = api.callbacks.as_ref()?;
    let module_docs = module_docs(api, callbacks);
    let structs = callbacks
        .requests
        .iter()
        .map(|r| request(api, callbacks, r));
    Some(quote! {
        #(#![doc = #module_docs])*
        #(#structs)*
    })
}

fn module_docs(api: &Api, callbacks: &Callbacks) -> Vec<String> {
    let mut out = vec![
        " The requests Twilio sends the URLs an account configures, which name no event:".into(),
        " the receiver knows which it is by the URL it set. Check one with".into(),
        " [`WebhookValidator`](crate::WebhookValidator) and read it with the struct for".into(),
        " that URL (`from_request`, or `from_params` for parameters already checked).".into(),
    ];
    if let Some(d) = &callbacks.doc {
        out.push(String::new());
        out.extend(super::docs::lines(d));
    }
    out.extend([
        String::new(),
        " Each struct's docs name the page its parameters come from. A parameter is read".into(),
        " as its type; one that doesn't parse is `None`, named in the struct's `unparsed`,".into(),
        " so an answer is never lost to a value this crate doesn't expect. Every parameter,".into(),
        " listed or not, stays in `params`, in the order sent.".into(),
    ]);
    let first = &callbacks.requests[0].name;
    let krate = &api.lib_name;
    let example = format!(
        "```\n\
         use {krate}::WebhookValidator;\n\
         use {krate}::callbacks::{first};\n\
         \n\
         let validator = WebhookValidator::new(\"the account's auth token\");\n\
         let url = \"https://example.com/twilio/{first}\";\n\
         // What Twilio sends; `sign_form` plays Twilio, as in a test.\n\
         let body = b\"ApiVersion=2010-04-01\";\n\
         let params = vec![(\"ApiVersion\".to_owned(), \"2010-04-01\".to_owned())];\n\
         let signature = validator.sign_form(url, &params);\n\
         \n\
         let request = {first}::from_params(validator.verify_form(url, Some(&signature), body)?);\n\
         assert!(request.unparsed.is_empty());\n\
         assert_eq!(request.params.get(\"ApiVersion\"), Some(\"2010-04-01\"));\n\
         # Ok::<(), Box<dyn std::error::Error>>(())\n\
         ```"
    );
    out.push(String::new());
    out.extend(example.lines().map(|l| match l {
        "" => String::new(),
        l => format!(" {l}"),
    }));
    out
}

/// A request's parameters: the common ones, then its own.
fn request_params<'a>(
    callbacks: &'a Callbacks,
    r: &'a CallbackRequest,
) -> impl Iterator<Item = &'a WebhookParam> + Clone {
    callbacks
        .common
        .iter()
        .chain(&r.params)
        .map(|&i| &callbacks.params[i])
}

fn request(api: &Api, callbacks: &Callbacks, r: &CallbackRequest) -> TokenStream {
    let name = ident(&r.name);
    let answer = match r.answer {
        CallbackAnswer::Twiml => {
            "Twilio waits for TwiML in answer: `WebhookResponse::twiml(…)`; an empty `200` \
             does nothing more."
        }
        CallbackAnswer::Empty => {
            "A report: answer `WebhookResponse::ok()`; Twilio ignores the body."
        }
    };
    let docs = doc(&format!(
        "{}\n\nIts parameters are those of [Twilio's docs](<{}>). {answer}",
        r.doc.trim(),
        escape(&r.source)
    ));
    let params = request_params(callbacks, r);
    let fields = params.clone().map(super::webhooks::param_field);
    let (unparsed, params_field, media) = (
        ident(webhook_names::UNPARSED),
        ident(webhook_names::PARAMS),
        ident(names::MEDIA),
    );
    let reads = params.map(|p| {
        let field = ident(&p.name);
        let read = webhook_read(api, &p.ty, &p.wire, quote!(&#params_field));
        quote!(#field: crate::runtime::webhook::keep(#read, &mut #unparsed),)
    });
    let (media_field, media_read) = if r.media {
        (
            quote! {
                /// `MediaUrl{N}` with `MediaContentType{N}`: the message's media, in the
                /// order of `N`.
                pub #media: ::std::vec::Vec<crate::WebhookMedia>,
            },
            quote!(#media: crate::runtime::webhook::media(&#params_field),),
        )
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let (from_params, from_request) = (
        ident(webhook_names::FROM_PARAMS),
        ident(names::FROM_REQUEST),
    );
    let non_exhaustive = RECORD_NON_EXHAUSTIVE.then(|| quote!(#[non_exhaustive]));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Default)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            #media_field
            /// The parameters above that were sent but don't parse as their type: each
            /// is `None` above, and its text is still in `params`.
            pub #unparsed: ::std::vec::Vec<crate::WebhookParamError>,
            /// Every parameter, as sent and in order, listed above or not.
            pub #params_field: crate::WebhookParams,
        }

        impl #name {
            /// Reads parameters a [`WebhookValidator`](crate::WebhookValidator) checked
            /// (or, in a test, built from pairs). It never fails: what doesn't parse is
            /// in `unparsed`.
            pub fn #from_params(#params_field: crate::WebhookParams) -> Self {
                let mut #unparsed = ::std::vec::Vec::new();
                #name {
                    #(#reads)*
                    #media_read
                    #unparsed,
                    #params_field,
                }
            }

            /// Checks a request Twilio sent to `url` (its `X-Twilio-Signature`, and a
            /// POST's form body; see
            /// [`WebhookValidator::verify_http`](crate::WebhookValidator::verify_http))
            /// and reads it.
            pub fn #from_request<B: ::std::convert::AsRef<[u8]>>(
                validator: &crate::WebhookValidator,
                url: &str,
                request: &crate::runtime::http::Request<B>,
            ) -> ::std::result::Result<Self, crate::WebhookError> {
                validator.verify_http(url, request).map(Self::#from_params)
            }
        }
    }
}
