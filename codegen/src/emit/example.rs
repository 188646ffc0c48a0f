//! `examples/list_<plural>.rs`: a program that lists every record of a listable
//! resource, with credentials from the environment. It is consumer code, so it uses
//! plain paths: a spec can't put names into its scope.

use super::ident;
use crate::model::{Api, OpKind, Resource, Type};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(api: &Api, r: &Resource) -> Option<TokenStream> {
    let list = r.operations.iter().find(|op| op.kind == OpKind::List)?;
    let krate = ident(&api.lib_name);
    let method = ident(&r.plural_snake);
    let params = list.params_type.as_deref().map(ident);
    let (params_use, params_arg) = match &params {
        Some(p) => (quote!(use #krate::#p;), quote!(#p::new())),
        None => (quote!(), quote!()),
    };
    // A list operation's required parameters are not examples' business.
    if list.params.iter().any(|p| p.required) {
        return None;
    }
    let program = format!("list_{}", r.plural_snake.trim_start_matches("r#"));
    let usage_args: Vec<String> = r
        .scope_params
        .iter()
        .map(|p| format!("<{}>", p.wire))
        .collect();
    let usage = format!("usage: {program} {}", usage_args.join(" "));
    let base_env = format!("{}_BASE_URL", api.lib_name.to_uppercase());
    let doc = [
        format!(
            " Lists every {} {}, one JSON object a line.",
            r.wire,
            if usage_args.is_empty() {
                String::new()
            } else {
                format!("of one {}", usage_args.join(", "))
            }
        ),
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
    let args =
        (!r.scope_params.is_empty()).then(|| quote!(let mut args = ::std::env::args().skip(1);));
    let reads = r.scope_params.iter().map(|p| {
        let name = ident(&p.name);
        let parse = match p.ty {
            Type::String | Type::Uri => quote!(),
            _ => quote!(.parse()?),
        };
        quote!(let #name = args.next().ok_or(#usage)? #parse;)
    });
    let passes = r.scope_params.iter().map(|p| {
        let name = ident(&p.name);
        match p.ty {
            Type::Integer { .. } => quote!(#name),
            _ => quote!(&#name),
        }
    });
    Some(quote! {
        #(#![doc = #doc])*

        use futures_util::TryStreamExt;
        use #krate::Client;
        #params_use

        #[tokio::main(flavor = "current_thread")]
        async fn main() -> Result<(), Box<dyn std::error::Error>> {
            #args
            #(#reads)*
            let mut builder = Client::builder_from_env()?;
            if let Ok(url) = std::env::var(#base_env) {
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            let mut records = std::pin::pin!(client.#method(#(#passes),*).stream(#params_arg));
            let mut count = 0usize;
            while let Some(record) = records.try_next().await? {
                println!("{}", serde_json::to_string(&record)?);
                count += 1;
            }
            eprintln!("{count} records");
            Ok(())
        }
    })
}
