//! `src/lib.rs`: crate docs, modules and the re-exports a consumer names.

use super::docs::{escape, lines};
use super::ident;
use crate::generated_crate::{self as krate, RUNTIME_ALIAS, RUNTIME_LIB, RUNTIME_REEXPORTS};
use crate::model::{Api, Auth};
use proc_macro2::TokenStream;
use quote::quote;

/// The crate root holds the client, the runtime's shared types and the modules a
/// reader navigates (`resources::message::CreateMessage`, `types::MessageSid`), and
/// re-exports only what the quick start names from it: a root of 426 names (the 2010
/// API's, when every resource's items were there) is no table of contents.
pub fn emit(api: &Api) -> TokenStream {
    let crate_docs = crate_docs(api);
    let runtime_lib = ident(RUNTIME_LIB);
    let runtime_alias = ident(RUNTIME_ALIAS);
    let shared = RUNTIME_REEXPORTS.iter().map(|name| ident(name));
    let types_mod = (!api.types.is_empty()).then(|| {
        quote!(
            pub mod types;
        )
    });
    // Dates are `time`'s types: re-exported, so a program names them without a
    // dependency of its own, at the version this crate was built with.
    let time = api.needs_dates().then(|| {
        quote! {
            /// The `time` crate, whose `OffsetDateTime` and `Date` are this API's dates.
            pub use ::time;
        }
    });
    let webhooks_mod = api.webhooks.as_ref().map(|_| {
        let module = ident(krate::webhook_names::MODULE);
        quote!(pub mod #module;)
    });
    let callbacks_mod = api.callbacks.as_ref().map(|_| {
        let module = ident(krate::callback_names::MODULE);
        quote!(pub mod #module;)
    });
    let reexports = quick_start_reexports(api);
    let (client, builder, base) = (
        ident(krate::CLIENT),
        ident(krate::CLIENT_BUILDER),
        ident(krate::DEFAULT_BASE_URL),
    );
    quote! {
        #(#![doc = #crate_docs])*
        #![deny(missing_docs)]
        #![forbid(unsafe_code)]

        // What only generated code calls, under one name every module reaches.
        use ::#runtime_lib::__private as #runtime_alias;

        mod client;
        pub mod resources;
        #types_mod
        #webhooks_mod
        #callbacks_mod

        pub use client::{#client, #builder, #base};

        /// The README's quick start, compiled as a doctest so that what a new user
        /// copies builds.
        #[cfg(doctest)]
        #[doc = include_str!("../README.md")]
        pub struct ReadmeDoctests;
        pub use ::#runtime_lib::{#(#shared),*};
        #time
        #(#reexports)*
    }
}

/// `pub use` of each item the quick start imports from the crate root (`use
/// twilio_api_v2010::{Client, CreateMessage}`), from the module that holds it.
fn quick_start_reexports(api: &Api) -> Vec<TokenStream> {
    krate::item_homes(api)
        .into_iter()
        .filter(|home| home.at_root)
        .map(|home| {
            let module: syn::Path = syn::parse_str(&home.module).expect("a module path");
            let name = ident(&home.name);
            quote!(pub use #module::#name;)
        })
        .collect()
}

/// The crate docs: the spec's title and docs, the quick start, the resources, and
/// what every client does.
fn crate_docs(api: &Api) -> Vec<String> {
    let krate = &api.lib_name;
    let mut docs = vec![format!(" # {}", escape(&api.title)), String::new()];
    if let Some(text) = &api.docs {
        docs.extend(lines(text));
        docs.push(String::new());
    }
    let origin = match &api.openapi {
        Some(_) => " Generated from Twilio's OpenAPI description of the API by twilio-codegen.",
        None => " Generated from a description of the API by twilio-codegen.",
    };
    docs.extend([
        origin.to_string(),
        " Models are checked as they are read: SIDs and other constrained strings are".into(),
        " newtypes that can't hold an invalid value; parameters are checked before".into(),
        " anything is sent.".into(),
    ]);
    if let Some(quick_start) = super::doc_examples::quick_start(api) {
        docs.extend(quick_start);
    }
    docs.extend([String::new(), " ## Resources".into(), String::new()]);
    for r in &api.resources {
        let summary = r
            .doc
            .split(". ")
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches('.');
        // Without a summary, `- [`X`]: .` would read as a link definition.
        // A keyword module (`r#type`) is written bare: `#` would start a URL fragment.
        let module = r.module.trim_start_matches("r#");
        let link = format!("[`{}`](resources::{module}::{})", r.name, r.name);
        docs.push(match summary {
            "" => format!(" - {link}"),
            summary => format!(" - {link}: {}.", escape(summary)),
        });
    }
    if let Some(hooks) = &api.webhooks {
        let pre = hooks
            .events
            .iter()
            .filter(|e| e.kind == crate::model::EventKind::Pre)
            .count();
        docs.extend([
            String::new(),
            " ## Webhooks".into(),
            String::new(),
            format!(
                " Twilio calls the API's webhook URLs with {} events ({pre} of them pre-events,",
                hooks.events.len()
            ),
            " which may be answered no): [`WebhookValidator`] checks that a request comes from"
                .into(),
            " Twilio, and [`webhooks::Event`] reads it, with a typed accessor for each parameter"
                .into(),
            " and a struct per event; see [`webhooks`].".into(),
        ]);
    }
    if let Some(callbacks) = &api.callbacks {
        docs.extend([
            String::new(),
            " ## Callbacks".into(),
            String::new(),
            format!(
                " Twilio calls the URLs an account configures with {} kinds of request that",
                callbacks.requests.len()
            ),
            " name no event: the receiver knows which by the URL. [`WebhookValidator`] checks"
                .into(),
            " that a request comes from Twilio, and a struct per kind reads its parameters".into(),
            " typed (`from_request`); see [`callbacks`].".into(),
        ]);
    }
    docs.extend(super::doc_examples::access_token(api));
    docs.extend(credentials_docs(&api.auth));
    let auth = match (api.auth.basic, api.auth.oauth2.is_some()) {
        (true, false) => "HTTP Basic\n  auth",
        (false, _) => "an OAuth2\n  bearer token",
        (true, true) => "HTTP Basic\n  auth or an OAuth2 bearer token",
    };
    docs.extend(
        CLIENT_DOCS
            .replace("{auth}", auth)
            .replace("{krate}", krate)
            .replace("{runtime}", RUNTIME_LIB)
            .lines()
            .map(|line| {
                if line.is_empty() {
                    String::new()
                } else {
                    format!(" {line}")
                }
            }),
    );
    docs
}

/// The credentials an API that takes OAuth2 takes, and what the client does with
/// them; nothing for Basic alone, which "What the client does" covers.
fn credentials_docs(auth: &Auth) -> Vec<String> {
    let Some(oauth2) = &auth.oauth2 else {
        return Vec::new();
    };
    let mut docs: Vec<String> = vec![
        String::new(),
        " ## Credentials".into(),
        String::new(),
        " This API takes OAuth2 client credentials: an OAuth app's client ID and secret".into(),
        " ([`Auth::client_credentials`], or `TWILIO_CLIENT_ID` and `TWILIO_CLIENT_SECRET`".into(),
        " with `Client::from_env`). The client trades them for a bearer token at".into(),
        format!(" `{}` on its own base URL", oauth2.token_path),
        format!(
            " ({} by default), never on another host.",
            escape(&oauth2.token_url)
        ),
        " It fetches the token before the first request, one fetch at a time, shares".into(),
        " it with its clones, replaces it shortly before it expires (the answer's".into(),
        " `expires_in` or the token's `exp`), and after a 401 fetches a new one once and".into(),
        " sends the request again. A failure of the token endpoint is `Error::Token`, which".into(),
        " never holds the secret or a token.".into(),
        String::new(),
    ];
    docs.extend(
        if auth.basic {
            [
                " It takes HTTP Basic credentials too: an Account SID with its auth token, or an",
                " API key ([`Auth::auth_token`], [`Auth::api_key`]).",
            ]
        } else {
            [
                " HTTP Basic credentials (an Account SID and auth token) are refused: building",
                " the client fails with `Error::Config`.",
            ]
        }
        .map(String::from),
    );
    docs
}

/// What every generated client does, the same for each API.
const CLIENT_DOCS: &str = r#"
## What the client does

- **Checked before sending.** SIDs are newtypes that can't hold an invalid value
  (`"XX1".parse::<SomeSid>()` fails, saying in words what is wrong); bounds such as
  a page size, empty path segments and `.`/`..` are refused with a
  [`ValidationError`] before anything is sent. Free text in a path is
  percent-encoded as exactly one segment.
- **One error type.** Every failure is an [`Error`]: `Validation`, `Api` (the HTTP
  status and Twilio's `code`, `message`, `more_info` and `details`), `Http` (a
  non-JSON error body, cut short), `Decode` (a success whose body is no record at
  all: the request took effect, and the error keeps the whole body), `Timeout`,
  `Connect`, `Transport`, `BodyTooLarge`, `Config` and `Paging`, with helpers such
  as [`Error::status`], [`Error::code`] and [`Error::is_not_found`].
- **Transport.** HTTPS only (plain HTTP only to loopback, for tests), {auth}, `Accept: application/json`, a `User-Agent` naming this crate, a 30 s
  per-attempt and 10 s connect timeout, no redirects. Idempotent requests are
  retried on 429, 503 or a failed connection (3 attempts, exponential backoff with
  full jitter, honouring `Retry-After` up to 10 s); creates and updates only when
  [`RetryPolicy::retry_non_idempotent`] opts in. All of it is set on the
  [`ClientBuilder`].
- **Bounded memory.** A success body is read up to 16 MiB
  ([`ClientBuilder::max_body_bytes`]) and an error body up to 64 KiB; past the cap
  the call ends with `Error::BodyTooLarge`.
- **Tolerant in what it reads.** A field of a success answer that breaks its
  documented type (a SID of another kind, the text `"null"`, a date in another
  format) never turns the answer into an error: the record is read without it (the
  field is `None`, or its default) and names it, with the value as sent, in its
  `unread_fields` ([`UnreadField`]). A whole number sent as text, or a code sent as
  a number, is read as what it is. A page names each record's odd fields on that
  record. What the client *sends* is still checked, as above.
- **Paging.** `list` returns one page; `stream` yields every record, fetching the
  next page exactly as the API links it, only when polled, only on the client's own
  scheme, host and port, and never the same URL twice.
- **Dates** are `time::OffsetDateTime`, read from ISO 8601 (what the API sends) or
  RFC 2822, and written in the format the API description names.
- **Secrets** (auth tokens, and parameters the description marks secret) are held
  as [`Secret`]: `Debug` shows `[redacted]`, and no error carries them.

## Several Twilio APIs in one program

Every generated crate shares the runtime crate `{runtime}`, so [`Auth`],
[`Error`], [`RetryPolicy`] and the rest are the same types in all of them: one
`Auth` makes a client for each API (`Client::builder(auth.clone()).build()`), and
one error type comes back from all of them.

## Records in tests

Records and parameter structs are `#[non_exhaustive]`, so fields the API adds later
are compatible changes; outside this crate they can't be written as struct
literals. To build one for a test or a mock, start from `Default::default()` (what
a body without any property decodes to) and set the fields you need, or decode the
JSON the API would send with `serde_json::from_value`. Parameter structs start
from `new`, which takes the required parameters.

## TLS

The TLS backend is a feature of this crate: `rustls-ring` (the default),
`rustls-aws-lc` or `native-tls`. Turn off the default features to pick another.
"#;
