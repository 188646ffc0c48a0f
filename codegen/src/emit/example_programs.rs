//! `examples/<program>.rs`: a program a spec asks for with `example:`. It lists every
//! record of a resource, after creating one from its arguments for `create-and-list`,
//! with credentials from the environment. It is consumer code, so it uses plain paths:
//! a spec can't put names into its scope.

use super::ident;
use crate::model::{Api, Example, ExampleKind, OpKind, Param, Resource, Type};
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
        .scope_params
        .iter()
        .chain(create_args.iter().copied())
        .map(|p| format!("<{}>", p.wire))
        .collect();
    let usage = format!("usage: {program} {}", usage_args.join(" "));
    let base_env = &api.base_url_env;
    let scope_args: Vec<String> = r
        .scope_params
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
        " Credentials come from `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or".into(),
        " `TWILIO_API_KEY` and `TWILIO_API_SECRET`); `TWILIO_REGION` and `TWILIO_EDGE` pick".into(),
        format!(
            " a region; `{base_env}` points the client elsewhere, such as a local test server."
        ),
    ];
    let args = (!usage_args.is_empty()).then(|| quote!(let mut args = std::env::args().skip(1);));
    let reads = r
        .scope_params
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
        .scope_params
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
    let create_call = create.map(|op| {
        let create = ident(&op.fn_name);
        let params = op.params_type.as_deref().map(ident);
        let args = create_args.iter().map(|p| ident(&p.name));
        let params_arg = params.as_ref().map(|p| quote!(#p::new(#(#args),*)));
        if let Some(p) = &params {
            uses.push(quote!(use #krate::#p;));
        }
        quote! {
            let created = handle.#create(#params_arg).await?;
            let line = serde_json::to_string(&created)?;
            println!("{line}");
        }
    });
    let list_arg = list_params.map(|p| {
        let p = ident(p);
        uses.push(quote!(use #krate::#p;));
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

fn article(word: &str) -> &'static str {
    if word.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
