//! A resource's client handle (`Invites`): one async method per operation, plus
//! `stream` for lists. Only what differs per spec is emitted here; sending, auth,
//! retries, errors and paging are the runtime's.

use super::doc_examples;
use super::docs::doc;
use super::ident;
use super::rust_types::{operation_args, operation_output, path_arg_type, stream_type};
use crate::generated_crate::{client_fns, param_fns};
use crate::model::{
    Answer, Api, Method, OpKind, Operation, Param, ParamIn, PathSegment, Resource, Type,
};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The handle type, the `Client` method that makes it, and its operation methods.
pub fn emit(api: &Api, r: &Resource) -> Option<TokenStream> {
    if r.operations.is_empty() {
        return None;
    }
    let handle = ident(&r.handle);
    let method = ident(&r.plural_snake);
    let (handle_doc, made_by, method_doc) = handle_docs(r);
    // The maker takes the scope but the client's account, which it fills itself.
    let maker_args: Vec<TokenStream> = r.maker_params().iter().map(scope_arg).collect();
    let example = doc_examples::handle_method(api, r);
    let ops = r.operations.iter().map(|op| operation(api, r, op));
    let (scope_field, scope_init, scope_fn) = scope(r);

    Some(quote! {
        #[doc = #handle_doc]
        #[doc = ""]
        #[doc = #made_by]
        #[derive(Debug, Clone)]
        pub struct #handle {
            client: crate::Client,
            #scope_field
        }

        impl crate::Client {
            #method_doc
            #example
            pub fn #method(&self, #(#maker_args),*) -> #handle {
                #handle {
                    client: ::std::clone::Clone::clone(self),
                    #scope_init
                }
            }
        }

        impl #handle {
            #scope_fn

            #(#ops)*
        }
    })
}

/// The handle's docs, the line saying what makes it, and its maker's docs.
fn handle_docs(r: &Resource) -> (String, String, TokenStream) {
    let wire = &r.wire;
    let scope_names: Vec<String> = r
        .scope_params
        .iter()
        .map(|p| format!("`{}`", p.wire))
        .collect();
    let handle_doc = if scope_names.is_empty() {
        format!(" Operations on {wire} resources.")
    } else {
        format!(
            " Operations on the {wire} resources of one {}.",
            scope_names.join(", ")
        )
    };
    let made_by = format!(
        " Made by [`Client::{}`](crate::Client::{}); cheap to clone.",
        r.plural_snake, r.plural_snake
    );
    let of = if r.from_client {
        let rest = &scope_names[1..];
        let also = match rest.is_empty() {
            true => String::new(),
            false => format!(" and one {}", rest.join(", ")),
        };
        format!(
            " of the account the client acts for (its own, or the one `with_account` gave){also}"
        )
    } else if scope_names.is_empty() {
        String::new()
    } else {
        format!(" of one {}", scope_names.join(", "))
    };
    let method_doc = doc(&format!(
        "{wire} resources{of}. Path parameters are checked when a request is made."
    ));
    (handle_doc, made_by, method_doc)
}

/// The handle's scope: its field, how the maker fills it, and the functions that
/// encode it and hand it out. Without scope parameters, nothing.
fn scope(r: &Resource) -> (TokenStream, TokenStream, TokenStream) {
    if r.scope_params.is_empty() {
        return (quote!(), quote!(), quote!());
    }
    let handle = ident(&r.handle);
    let n = Literal::usize_unsuffixed(r.scope_params.len());
    let args: Vec<TokenStream> = r.scope_params.iter().map(scope_arg).collect();
    let arg_names: Vec<_> = r.scope_params.iter().map(|p| ident(&p.name)).collect();
    let segments = r.scope_params.iter().map(|p| {
        let name = ident(&p.name);
        segment(p, quote!(#name))
    });
    let field = quote! {
        /// The scope's path parameters, percent-encoded; if one is invalid, every
        /// request fails with its error before anything is sent.
        scope: ::std::result::Result<[::std::string::String; #n], crate::ValidationError>,
    };
    let init = if r.from_client {
        let rest = &arg_names[1..];
        quote! {
            scope: self
                .acting_account()
                .and_then(|account| #handle::scope(&account, #(#rest),*)),
        }
    } else {
        quote!(scope: #handle::scope(#(#arg_names),*),)
    };
    let fns = quote! {
        fn scope(#(#args),*) -> ::std::result::Result<[::std::string::String; #n], crate::ValidationError> {
            ::std::result::Result::Ok([#(#segments),*])
        }

        /// The scope's segments, or the error of the one that was refused.
        fn segments(&self) -> ::std::result::Result<&[::std::string::String; #n], crate::Error> {
            self.scope.as_ref().map_err(|e| crate::Error::from(::std::clone::Clone::clone(e)))
        }
    };
    (field, init, fns)
}

/// A path parameter as an argument: SIDs and enums by reference, text as `&str`.
fn scope_arg(p: &Param) -> TokenStream {
    let name = ident(&p.name);
    let ty = path_arg_type(p);
    quote!(#name: #ty)
}

/// `value` (a path argument) percent-encoded as one path segment.
fn segment(p: &Param, value: TokenStream) -> TokenStream {
    let wire = &p.wire;
    let text = match &p.ty {
        Type::String | Type::Uri => quote!(#value.as_ref()),
        Type::Named(_) | Type::Enum(_) => quote!(#value.as_str()),
        Type::Date => quote!(&crate::runtime::date::format_date(&#value)),
        _ => quote!(&::std::string::ToString::to_string(&#value)),
    };
    quote!(crate::runtime::segment(#text, #wire)?)
}

fn operation(api: &Api, r: &Resource, op: &Operation) -> TokenStream {
    let request_fn = ident(&op.request_fn);
    let method_name = ident(&op.fn_name);
    let args: Vec<TokenStream> = operation_args(op)
        .into_iter()
        .map(|(name, ty)| {
            let name = ident(&name);
            quote!(#name: #ty)
        })
        .collect();
    // The request builder borrows what the method takes by value.
    let request_args: Vec<TokenStream> = operation_args(op)
        .into_iter()
        .map(|(name, ty)| {
            let by_ref = name == param_fns::PARAMS_ARG;
            let name = ident(&name);
            if by_ref {
                quote!(#name: &#ty)
            } else {
                quote!(#name: #ty)
            }
        })
        .collect();
    let call_args: Vec<TokenStream> = operation_args(op)
        .into_iter()
        .map(|(name, _)| {
            let by_ref = name == param_fns::PARAMS_ARG;
            let name = ident(&name);
            if by_ref {
                quote!(&#name)
            } else {
                quote!(#name)
            }
        })
        .collect();

    let request = request_builder(r, op, &request_fn, &request_args);

    let transport = ident(client_fns::TRANSPORT_FIELD);
    let docs = op_docs(api, r, op);
    let output = operation_output(r, op);
    // How the answer is read follows from what it is.
    let send_fn = format_ident!(
        "{}",
        match op.answer {
            Answer::Nothing => "send_empty",
            Answer::Redirect => "send_redirect",
            Answer::Record if op.kind == OpKind::List => "send_page",
            Answer::Record => "send_json",
        }
    );
    let stream = (op.kind == OpKind::List).then(|| {
        let stream_docs = stream_docs(api, r, op);
        let stream = stream_type(r);
        quote! {
            #stream_docs
            pub fn stream(&self, #(#args),*) -> #stream {
                self.client.#transport.paginate::<#output>(self.#request_fn(#(#call_args),*))
            }
        }
    });
    let send = match op.with_fn_name() {
        // Only optional headers: the method takes none, `<name>_with` takes them.
        Some(with_name) => {
            let with_fn = ident(&with_name);
            let without = &args[..args.len() - 1];
            let without_names = &call_args[..call_args.len() - 1];
            let params_type = ident(op.params_type.as_deref().unwrap_or_default());
            let with_doc = format!(
                " [`{}`](Self::{}), with the header parameters of [`{params_type}`].",
                op.fn_name, op.fn_name
            );
            quote! {
                #docs
                pub async fn #method_name(&self, #(#without),*) -> ::std::result::Result<#output, crate::Error> {
                    self.#with_fn(#(#without_names,)* #params_type::new()).await
                }

                #[doc = #with_doc]
                pub async fn #with_fn(&self, #(#args),*) -> ::std::result::Result<#output, crate::Error> {
                    self.client.#transport.#send_fn(self.#request_fn(#(#call_args),*)?).await
                }
            }
        }
        None => quote! {
            #docs
            pub async fn #method_name(&self, #(#args),*) -> ::std::result::Result<#output, crate::Error> {
                self.client.#transport.#send_fn(self.#request_fn(#(#call_args),*)?).await
            }

            #stream
        },
    };
    quote! { #request #send }
}

/// The private function that builds an operation's `Request`: its parameters
/// checked, its path encoded, its pairs in the form body or query string, its JSON
/// body and headers.
fn request_builder(
    r: &Resource,
    op: &Operation,
    request_fn: &proc_macro2::Ident,
    request_args: &[TokenStream],
) -> TokenStream {
    let (encode_path, path) = path_expr(r, op);
    let http_method = format_ident!("{}", op.method.as_str());
    let operation_name = &op.label;
    let (validate, to_pairs, to_headers) = (
        ident(param_fns::VALIDATE),
        ident(param_fns::TO_PAIRS),
        ident(param_fns::TO_HEADERS),
    );
    let validate = super::params::has_rules(op).then(|| quote!(params.#validate()?;));
    // The pairs go in the form body or the query string, whichever the parameters
    // are in; headers apart.
    let has = |at: ParamIn| op.params.iter().any(|p| p.location == at);
    let to_query = ident(param_fns::TO_QUERY);
    let pairs = if has(ParamIn::Form) && has(ParamIn::Query) {
        Some(quote!(.query(params.#to_query()).form(params.#to_pairs())))
    } else if has(ParamIn::Form) {
        Some(quote!(.form(params.#to_pairs())))
    } else if has(ParamIn::Query) {
        Some(quote!(.query(params.#to_pairs())))
    } else {
        None
    };
    let to_json = ident(param_fns::TO_JSON);
    let json = (has(ParamIn::Json) || has(ParamIn::Body)).then(|| quote!(.json(params.#to_json())));
    let headers = has(ParamIn::Header).then(|| quote!(.headers(params.#to_headers())));
    let anonymous = op.anonymous.then(|| quote!(.anonymous()));
    let scope = (!r.scope_params.is_empty()).then(|| quote!(let scope = self.segments()?;));
    quote! {
        fn #request_fn(&self, #(#request_args),*) -> ::std::result::Result<crate::runtime::Request, crate::Error> {
            #validate
            #scope
            #encode_path
            ::std::result::Result::Ok(
                crate::runtime::Request::new(#operation_name, crate::runtime::Method::#http_method, #path)
                    #pairs
                    #json
                    #headers
                    #anonymous
            )
        }
    }
}

/// The statements that bind the operation's own path parameters, encoded, to their
/// own names, and the `format!` of the path from them and the scope.
fn path_expr(r: &Resource, op: &Operation) -> (TokenStream, TokenStream) {
    let encode = op.own_path_params.iter().map(|p| {
        let name = ident(&p.name);
        let value = segment(p, quote!(#name));
        quote!(let #name = #value;)
    });
    let encode = quote!(#(#encode)*);
    let mut template = String::new();
    let mut values = Vec::new();
    for seg in &op.path {
        match seg {
            PathSegment::Literal(text) => template.push_str(text),
            PathSegment::Param(wire) => {
                template.push_str("{}");
                if let Some(i) = r.scope_params.iter().position(|p| &p.wire == wire) {
                    let i = Literal::usize_unsuffixed(i);
                    values.push(quote!(scope[#i]));
                } else if let Some(p) = op.own_path_params.iter().find(|p| &p.wire == wire) {
                    let name = ident(&p.name);
                    values.push(quote!(#name));
                }
            }
        }
    }
    let path = if values.is_empty() {
        quote!(::std::string::String::from(#template))
    } else {
        quote!(::std::format!(#template, #(#values),*))
    };
    (encode, path)
}

fn op_docs(api: &Api, r: &Resource, op: &Operation) -> TokenStream {
    let a = if r
        .wire
        .starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u'])
    {
        "an"
    } else {
        "a"
    };
    let statuses: Vec<String> = op.statuses.iter().map(|s| s.to_string()).collect();
    let statuses = statuses.join(" or ");
    let what = match op.kind {
        OpKind::Create => format!(
            "Creates {a} {} (`{} {}`; the API answers {statuses}).",
            r.wire,
            op.method.as_str(),
            crate::model::path_template(&op.path),
        ),
        OpKind::Fetch => format!(
            "Fetches one {} (`{} {}`).",
            r.wire,
            op.method.as_str(),
            crate::model::path_template(&op.path)
        ),
        OpKind::List => format!(
            "Lists one page of {} resources (`{} {}`); [`stream`](Self::stream) walks every page.",
            r.wire,
            op.method.as_str(),
            crate::model::path_template(&op.path)
        ),
        OpKind::Update => format!(
            "Updates {a} {} (`{} {}`).",
            r.wire,
            op.method.as_str(),
            crate::model::path_template(&op.path)
        ),
        OpKind::Delete => format!(
            "Deletes {a} {} (`{} {}`; the API answers {statuses}, or 200 with `null`).",
            r.wire,
            op.method.as_str(),
            crate::model::path_template(&op.path),
        ),
    };
    let retry = match op.method {
        // The statuses and timings live in the runtime's `RetryPolicy`, documented there once.
        Method::Get | Method::Delete => {
            "Idempotent: retried as the client's [`RetryPolicy`](crate::RetryPolicy) allows."
        }
        _ => "Not idempotent: retried only if the client's [`RetryPolicy`](crate::RetryPolicy) opts in to non-idempotent requests.",
    };
    let answer = match op.answer {
        Answer::Redirect => format!(
            " The API answers {statuses}, a redirect: this returns the URL it points to, \
             without following it (the target is often another host, which must not get \
             the credentials)."
        ),
        Answer::Nothing if op.kind != OpKind::Delete => {
            format!(" The API answers {statuses}, with no content.")
        }
        _ => String::new(),
    };
    let what = format!("{what}{answer}");
    let text = match &op.doc {
        Some(extra) => format!("{what}\n\n{}\n\n{retry}", extra.trim()),
        None => format!("{what}\n\n{retry}"),
    };
    let docs = doc(&text);
    let example = doc_examples::operation(api, r, op, false);
    quote! { #docs #example }
}

fn stream_docs(api: &Api, r: &Resource, op: &Operation) -> TokenStream {
    use crate::model::Paging;
    let next = match r.page.as_ref().map_or(Paging::Meta, |p| p.paging) {
        Paging::Meta | Paging::Flat => {
            "Next pages are followed exactly as the API links them, and only on the \
             client's own scheme, host and port"
        }
        Paging::Numbered => {
            "While a page's `has_next` is true, the next is the first request again with \
             `Page` one higher"
        }
        Paging::Token => {
            "While a page's `meta.next_token` is set, the next is the first request again \
             with `Token` set to it"
        }
        Paging::None => "The listing is one page, asked for once",
        Paging::Scim => "A SCIM list is one page, asked for once",
    };
    let docs = doc(&format!(
        "Every {} the list operation returns, page after page, as a stream.\n\n\
         A page is fetched only when the stream is polled past the records already \
         fetched. {next}; the stream ends after the first error.",
        r.wire
    ));
    let example = doc_examples::operation(api, r, op, true);
    quote! { #docs #example }
}
