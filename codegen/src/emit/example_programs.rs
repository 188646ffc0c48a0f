//! `examples/<program>.rs`: a program a spec asks for with `example:`. It lists every
//! record of a resource, after creating one from its arguments for `create-and-list`,
//! with credentials from the environment. It is consumer code, so it uses plain paths:
//! a spec can't put names into its scope.

use super::ident;
use crate::model::{Api, Auth, Example, ExampleKind, OpKind, Param, Resource, Type};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(api: &Api, r: &Resource, example: &Example) -> TokenStream {
    let krate = ident(&api.lib_name);
    let method = ident(&r.plural_snake);
    let op = |kind| r.operations.iter().find(|op| op.kind == kind);
    // Lowering made sure of both operations.
    let list_params = op(OpKind::List).and_then(|op| op.params_type.as_deref());
    let create = op(OpKind::Create).filter(|_| example.kind == ExampleKind::CreateAndList);
    let create_args: Vec<&Param> = create
        .map(|op| op.params.iter().filter(|p| p.required).collect())
        .unwrap_or_default();

    let program = &example.program;
    let usage_args: Vec<String> = r
        .maker_params()
        .iter()
        .chain(create_args.iter().copied())
        .map(|p| format!("<{}>", p.wire))
        .collect();
    let usage = format!("usage: {program} {}", usage_args.join(" "));
    let base_env = &api.base_url_env;
    let doc = program_docs(api, r, example, &usage_args);
    let args = (!usage_args.is_empty()).then(|| quote!(let mut args = std::env::args().skip(1);));
    let reads = r
        .maker_params()
        .iter()
        .chain(create_args.iter().copied())
        .map(|p| {
            let name = ident(&p.name);
            let parse = match p.ty {
                Type::String | Type::Uri => quote!(),
                _ => quote!(.parse()?),
            };
            quote!(let #name = args.next().ok_or(#usage)? #parse;)
        });
    let passes: Vec<TokenStream> = r
        .maker_params()
        .iter()
        .map(|p| {
            let name = ident(&p.name);
            match p.ty {
                Type::Integer { .. } => quote!(#name),
                _ => quote!(&#name),
            }
        })
        .collect();
    let mut uses = vec![quote!(use #krate::Client;)];
    let module = ident(&r.module);
    let create_call = create.map(|op| {
        let create = ident(&op.fn_name);
        let params = op.params_type.as_deref().map(ident);
        let args = create_args.iter().map(|p| ident(&p.name));
        let params_arg = params.as_ref().map(|p| quote!(#p::new(#(#args),*)));
        if let Some(p) = &params {
            uses.push(quote!(use #krate::resources::#module::#p;));
        }
        quote! {
            let created = handle.#create(#params_arg).await?;
            let line = serde_json::to_string(&created)?;
            println!("{line}");
        }
    });
    let list_arg = list_params.map(|p| {
        let p = ident(p);
        uses.push(quote!(use #krate::resources::#module::#p;));
        quote!(#p::new())
    });
    quote! {
        #(#![doc = #doc])*

        use futures_util::TryStreamExt;
        #(#uses)*

        #[tokio::main(flavor = "current_thread")]
        async fn main() -> Result<(), Box<dyn std::error::Error>> {
            #args
            #(#reads)*
            let mut builder = Client::builder_from_env()?;
            if let Ok(url) = std::env::var(#base_env) {
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            let handle = client.#method(#(#passes),*);
            #create_call
            let mut records = std::pin::pin!(handle.stream(#list_arg));
            let mut count = 0usize;
            while let Some(record) = records.try_next().await? {
                let line = serde_json::to_string(&record)?;
                println!("{line}");
                count += 1;
            }
            eprintln!("{count} records");
            Ok(())
        }
    }
}

/// The program's docs: what it does, how to run it, where credentials come from.
fn program_docs(api: &Api, r: &Resource, example: &Example, usage_args: &[String]) -> Vec<String> {
    let program = &example.program;
    let base_env = &api.base_url_env;
    let scope_args: Vec<String> = r
        .maker_params()
        .iter()
        .map(|p| format!("<{}>", p.wire))
        .collect();
    let what = match example.kind {
        ExampleKind::List => format!(" Lists every {}", r.wire),
        ExampleKind::CreateAndList => format!(
            " Creates {} {} from the arguments, then lists every {}",
            article(&r.wire),
            r.wire,
            r.wire
        ),
    };
    let of = if scope_args.is_empty() {
        String::new()
    } else {
        format!(" of one {}", scope_args.join(", "))
    };
    let doc = [
        format!("{what}{of}, one JSON object a line."),
        String::new(),
        " ```text".into(),
        format!(" cargo run --example {program} -- {}", usage_args.join(" ")),
        " ```".into(),
        String::new(),
    ];
    let mut doc = doc.to_vec();
    if api.auth == Auth::BASIC {
        doc.extend([
            " Credentials come from `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or".into(),
            " `TWILIO_API_KEY` and `TWILIO_API_SECRET`); `TWILIO_REGION` and `TWILIO_EDGE` pick"
                .into(),
        ]);
    } else {
        doc.extend([
            format!(
                " Credentials come from {};",
                super::docs::credentials_from_env(&api.auth)
            ),
            " `TWILIO_REGION` and `TWILIO_EDGE` pick".into(),
        ]);
    }
    doc.push(format!(
        " a region; `{base_env}` points the client elsewhere, such as a local test server."
    ));
    doc
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The receiver's crate doc: what it does and how to run it.
fn receiver_doc(event: &str, param: &str, program: &str) -> Vec<String> {
    vec![
        format!(
            " A webhook receiver: it checks each request's `X-Twilio-Signature`, rejects `{event}`"
        ),
        format!(" when its `{param}` holds a word, allows the other pre-events, and logs every"),
        " event, one line each.".into(),
        String::new(),
        " ```text".into(),
        format!(" cargo run --example {program} -- <public origin> <word>"),
        " ```".into(),
        String::new(),
        " `<public origin>` is the scheme and host Twilio calls, such as".into(),
        " `https://example.ngrok.app`: Twilio signs the whole URL, and a request line has".into(),
        " only the path. The auth token comes from `TWILIO_AUTH_TOKEN`; `WEBHOOK_ADDR` is".into(),
        " the address to listen on (`127.0.0.1:8080` unless set; port 0 picks one).".into(),
    ]
}

/// `examples/webhook_receiver.rs`: a small webhook server. It checks each request's
/// signature (refusing with 403 what Twilio didn't send), rejects the spec's chosen
/// pre-event when the chosen parameter holds a word from the command line, allows
/// the other pre-events, and logs every event, a line each.
pub fn webhook_receiver(api: &Api) -> Option<TokenStream> {
    let hooks = api.webhooks.as_ref()?;
    let example = hooks.example.as_ref()?;
    let krate = ident(&api.lib_name);
    let event = &hooks.events[example.event];
    let param = &hooks.params[example.param];
    let variant = ident(&event.variant);
    let accessor = ident(&param.name);
    let program = &example.program;
    let usage = format!("usage: {program} <public origin> <word>");
    let doc = receiver_doc(&event.wire, &param.wire, program);
    Some(quote! {
        #(#![doc = #doc])*

        use std::io::Read;
        use #krate::webhooks::{Event, EventType};
        use #krate::{WebhookResponse, WebhookValidator};

        fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
            let mut args = std::env::args().skip(1);
            let origin = args.next().ok_or(#usage)?;
            let word = args.next().ok_or(#usage)?;
            let validator = WebhookValidator::new(std::env::var("TWILIO_AUTH_TOKEN")?);
            let addr = std::env::var("WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
            let server = tiny_http::Server::http(&addr)?;
            let listening = server.server_addr().to_ip().ok_or("not an IP address")?;
            println!("listening on {listening}");
            for mut request in server.incoming_requests() {
                let url = format!("{origin}{}", request.url());
                let signature = request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv("X-Twilio-Signature"))
                    .map(|h| h.value.as_str().to_owned());
                // Read one byte past the limit, so a longer body is refused, not cut.
                let mut body = Vec::new();
                let limit = validator.body_limit() as u64 + 1;
                request.as_reader().take(limit).read_to_end(&mut body)?;
                let event = validator
                    .verify_form(&url, signature.as_deref(), &body)
                    .and_then(Event::from_params);
                let answer = match event {
                    Err(refused) => {
                        println!("refused: {refused}");
                        request.respond(tiny_http::Response::empty(403))?;
                        continue;
                    }
                    Ok(event) => answer(&event, &word),
                };
                request.respond(to_tiny_http(answer))?;
            }
            Ok(())
        }

        /// What to answer `event`: a rejection when it is the one watched and holds the
        /// word, else an allowance (which acknowledges a post-event).
        fn answer(event: &Event, word: &str) -> WebhookResponse {
            let watched = event.event_type() == &EventType::#variant;
            let text = event.#accessor().ok().flatten().unwrap_or_default();
            if watched && text.contains(word) {
                println!("rejected {}", event.event_type());
                event.reject()
            } else if event.event_type().is_pre_event() {
                println!("allowed {}", event.event_type());
                event.allow()
            } else {
                println!("{} {:?}", event.event_type(), event.params());
                event.allow()
            }
        }

        fn to_tiny_http(answer: WebhookResponse) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
            let mut response = tiny_http::Response::from_string(answer.body())
                .with_status_code(answer.status());
            if let Some(content_type) = answer.content_type() {
                let header = tiny_http::Header::from_bytes("Content-Type", content_type)
                    .expect("a valid header");
                response = response.with_header(header);
            }
            response
        }
    })
}
