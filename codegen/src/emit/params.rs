//! Parameter structs of operations (`CreateInvite`, `ListInvites`): required
//! parameters are constructor arguments, optional ones are setters, bounds are checked
//! by `validate`, and `to_pairs` gives the query string or form body pairs. The last
//! two are for the crate's handles only.

use super::docs::doc_with;
use super::ident;
use super::rust_types::{
    constructor_args, from_arg, needs_conversion, param_field_type, params_default,
    setter_arg_type, to_wire, PARAMS_NON_EXHAUSTIVE,
};
use crate::generated_crate::param_fns;
use crate::model::{OpKind, Operation, Param, ParamIn, Resource, Type};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit(r: &Resource, op: &Operation) -> Option<TokenStream> {
    let name = ident(op.params_type.as_ref()?);
    let docs = struct_docs(r, op);
    let fields = op.params.iter().map(|p| {
        let field = ident(&p.name);
        let docs = param_doc(p);
        let ty = param_field_type(p);
        quote! { #docs pub #field: #ty, }
    });
    let constructor = constructor(op);
    let setters = op.params.iter().filter(|p| !p.required).map(setter);
    let default = params_default(op).then(|| quote!(Default,));
    let non_exhaustive = PARAMS_NON_EXHAUSTIVE.then(|| quote!(#[non_exhaustive]));
    let validate_fn = validate_fn(op);
    let encoders = encoders(op);

    Some(quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            #constructor

            #(#setters)*

            #validate_fn

            #encoders
        }
    })
}

/// What the struct is for, and where its parameters are sent.
fn struct_docs(r: &Resource, op: &Operation) -> TokenStream {
    let what = match op.kind {
        OpKind::List => format!(
            "Filters and paging of the list operation on {} resources.",
            r.wire
        ),
        kind => format!(
            "Parameters of the {} operation on {} resources.",
            kind.as_str(),
            r.wire
        ),
    };
    let has = |at: ParamIn| op.params.iter().any(|p| p.location == at);
    let location = if has(ParamIn::Form) {
        "Sent as a form body; required parameters are arguments of `new`."
    } else if has(ParamIn::Json) || has(ParamIn::Body) {
        "Sent as a JSON object body; required parameters are arguments of `new`."
    } else {
        "Sent in the query string; required parameters are arguments of `new`."
    };
    doc_with(&what, location)
}

/// `new`, taking every required parameter in order.
fn constructor(op: &Operation) -> TokenStream {
    let new_args = constructor_args(op).into_iter().map(|(p, ty)| {
        let arg = ident(&p.name);
        quote!(#arg: #ty)
    });
    let new = ident(param_fns::NEW);
    // Every required parameter is an argument, however many the API requires.
    let many =
        (constructor_args(op).len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let new_body = if params_default(op) {
        quote!(Self::default())
    } else {
        let inits = op.params.iter().map(|p| {
            let field = ident(&p.name);
            match (&p.ty, p.required) {
                (_, true) if !p.secret && !needs_conversion(&p.ty) => quote!(#field),
                (_, true) => {
                    let value = value_of(p, quote!(#field));
                    quote!(#field: #value)
                }
                (Type::Array(_), false) => quote!(#field: ::std::vec::Vec::new()),
                (_, false) => quote!(#field: ::std::option::Option::None),
            }
        });
        quote!(Self { #(#inits),* })
    };
    quote! {
        /// The parameters with every required one given and no optional one set.
        #many
        pub fn #new(#(#new_args),*) -> Self {
            #new_body
        }
    }
}

/// `validate`, for a struct whose parameters have rules; only its request calls it
/// (`has_rules`).
fn validate_fn(op: &Operation) -> Option<TokenStream> {
    let checks: Vec<TokenStream> = op.params.iter().filter_map(check).collect();
    (!checks.is_empty()).then(|| {
        let validate = ident(param_fns::VALIDATE);
        quote! {
            /// Checks every rule the API description states, so a bad value is refused
            /// before anything is sent.
            pub(crate) fn #validate(&self) -> ::std::result::Result<(), crate::ValidationError> {
                #(#checks)*
                ::std::result::Result::Ok(())
            }
        }
    })
}

/// The functions that put the parameters on the wire, one per place they go: the
/// form body or query string, the query beside a form body, a JSON body, headers.
fn encoders(op: &Operation) -> TokenStream {
    let at = |location: ParamIn| -> Vec<&Param> {
        op.params
            .iter()
            .filter(|p| p.location == location)
            .collect()
    };
    let has_form = op.params.iter().any(|p| p.location == ParamIn::Form);
    // With a form body, the query string's parameters (if any) go apart.
    let (pairs, query): (Vec<&Param>, Vec<&Param>) = if has_form {
        (at(ParamIn::Form), at(ParamIn::Query))
    } else {
        (at(ParamIn::Query), Vec::new())
    };
    let pairs_fn = |name: &str, doc: &str, params: &[&Param]| {
        (!params.is_empty()).then(|| {
            let name = ident(name);
            let body = encode_all(params);
            quote! {
                #[doc = #doc]
                pub(crate) fn #name(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
                    #body
                }
            }
        })
    };
    let to_pairs = pairs_fn(
        param_fns::TO_PAIRS,
        " The parameters as wire name and value pairs, arrays as repeated keys.",
        &pairs,
    );
    let to_query = pairs_fn(
        param_fns::TO_QUERY,
        " The query string's parameters, beside the form body.",
        &query,
    );
    let to_headers = pairs_fn(
        param_fns::TO_HEADERS,
        " The header parameters as name and value pairs.",
        &at(ParamIn::Header),
    );
    let to_json = to_json(&at(ParamIn::Json), &at(ParamIn::Body));
    quote! {
        #to_pairs

        #to_query

        #to_json

        #to_headers
    }
}

/// The JSON body: one parameter that is the body whole, or an object of the JSON
/// parameters in spec order.
fn to_json(json: &[&Param], body: &[&Param]) -> Option<TokenStream> {
    let to_json = ident(param_fns::TO_JSON);
    if let [whole] = body {
        let field = ident(&whole.name);
        let value = if whole.required {
            quote!(::std::clone::Clone::clone(&self.#field))
        } else {
            quote! {
                ::std::clone::Clone::clone(&self.#field)
                    .unwrap_or_else(|| crate::runtime::json_object(crate::runtime::JsonObject::new()))
            }
        };
        return Some(quote! {
            /// The JSON body; `{}` when it is not set.
            pub(crate) fn #to_json(&self) -> crate::runtime::JsonValue {
                #value
            }
        });
    }
    (!json.is_empty()).then(|| {
        let inserts = json.iter().map(|p| json_insert(p));
        quote! {
            /// The JSON body's parameters as one object, in spec order.
            pub(crate) fn #to_json(&self) -> crate::runtime::JsonValue {
                let mut object = crate::runtime::JsonObject::new();
                #(#inserts)*
                crate::runtime::json_object(object)
            }
        }
    })
}

fn param_doc(p: &Param) -> TokenStream {
    let mut notes = vec![match p.location {
        ParamIn::Body => "Sent as the whole JSON body.".to_string(),
        _ => format!("Sent as `{}`.", p.wire.replace('`', "'")),
    }];
    match &p.ty {
        Type::Integer {
            min: Some(a),
            max: Some(b),
        } => notes.push(format!("From {a} to {b}.")),
        Type::Integer {
            min: Some(a),
            max: None,
        } => notes.push(format!("At least {a}.")),
        Type::Integer {
            min: None,
            max: Some(b),
        } => notes.push(format!("At most {b}.")),
        Type::Number {
            min: Some(a),
            max: Some(b),
        } => notes.push(format!("From {a} to {b}.")),
        Type::Array(_) if p.location != ParamIn::Json => {
            notes.push("Each item is sent as a repeated key.".into())
        }
        _ => {}
    }
    if p.location == ParamIn::Header {
        notes.push("A request header.".into());
    }
    if p.nullable {
        notes.push(if p.location == ParamIn::Json {
            "`None` sends `null`; leaving it unset sends nothing.".into()
        } else {
            "`None` sends an explicit null (an empty value); leaving it unset sends nothing.".into()
        });
    }
    if p.secret {
        notes.push("A secret: `Debug` shows `[redacted]`.".into());
    }
    doc_with(&p.doc, &notes.join(" "))
}

/// The field's value from the argument `arg` of [`arg_type`].
fn value_of(p: &Param, arg: TokenStream) -> TokenStream {
    if p.secret {
        quote!(crate::Secret::new(#arg))
    } else {
        from_arg(&p.ty, arg)
    }
}

fn setter(p: &Param) -> TokenStream {
    let field = ident(&p.name);
    let ty = setter_arg_type(p);
    let value = if p.nullable {
        let value = if needs_conversion(&p.ty) {
            quote!(#field)
        } else {
            quote!(#field.into())
        };
        quote!(::std::option::Option::Some(#value))
    } else {
        let value = value_of(p, quote!(#field));
        match p.ty {
            Type::Array(_) => value,
            _ => quote!(::std::option::Option::Some(#value)),
        }
    };
    let docs = param_doc(p);
    quote! {
        #docs
        pub fn #field(mut self, #field: #ty) -> Self {
            self.#field = #value;
            self
        }
    }
}

/// The bounds check of a numeric parameter, if it has bounds.
/// Whether the operation's parameter struct checks anything before sending: then it
/// has a `validate`, which the request calls.
pub fn has_rules(op: &Operation) -> bool {
    op.params_type.is_some() && op.params.iter().any(|p| check(p).is_some())
}

fn check(p: &Param) -> Option<TokenStream> {
    let field = ident(&p.name);
    let wire = &p.wire;
    let opt_i64 = |v: Option<i64>| match v {
        Some(v) => {
            let v = Literal::i64_unsuffixed(v);
            quote!(::std::option::Option::Some(#v))
        }
        None => quote!(::std::option::Option::None),
    };
    let opt_f64 = |v: Option<f64>| match v {
        Some(v) => quote!(::std::option::Option::Some(#v)),
        None => quote!(::std::option::Option::None),
    };
    let call = match &p.ty {
        Type::Integer { min, max } if min.is_some() || max.is_some() => {
            let (min, max) = (opt_i64(*min), opt_i64(*max));
            quote!(crate::runtime::range(value, #wire, #min, #max)?;)
        }
        Type::Number { min, max } => {
            let (min, max) = (opt_f64(*min), opt_f64(*max));
            quote!(crate::runtime::range_f64(value, #wire, #min, #max)?;)
        }
        _ => return None,
    };
    Some(if p.required {
        quote! { { let value = self.#field; #call } }
    } else if p.nullable {
        quote! { if let ::std::option::Option::Some(::std::option::Option::Some(value)) = self.#field { #call } }
    } else {
        quote! { if let ::std::option::Option::Some(value) = self.#field { #call } }
    })
}

/// The body of `to_pairs`, in spec order. Leading required scalars start the vector, as
/// a person would write it (pushing right after `Vec::new()` trips clippy).
fn encode_all(params: &[&Param]) -> TokenStream {
    let lead = params
        .iter()
        .take_while(|p| p.required && !matches!(p.ty, Type::Array(_)))
        .count();
    let first = params[..lead].iter().map(|p| {
        let wire = &p.wire;
        let field = ident(&p.name);
        let text = wire_text(p, &p.ty, quote!(&self.#field));
        quote!((#wire, #text))
    });
    if lead == params.len() {
        return quote!(::std::vec::Vec::from([#(#first),*]));
    }
    let rest = params[lead..].iter().map(|p| encode(p));
    let start = if lead == 0 {
        quote!(::std::vec::Vec::new())
    } else {
        quote!(::std::vec::Vec::from([#(#first),*]))
    };
    quote! {
        let mut pairs = #start;
        #(#rest)*
        pairs
    }
}

/// The wire text of one value of `p`; a secret is exposed only here.
fn wire_text(p: &Param, ty: &Type, value: TokenStream) -> TokenStream {
    if p.secret {
        quote!(::std::borrow::ToOwned::to_owned(crate::Secret::expose(#value)))
    } else {
        to_wire(ty, value)
    }
}

fn encode(p: &Param) -> TokenStream {
    let field = ident(&p.name);
    let wire = &p.wire;
    let to_wire = |ty: &Type, value: TokenStream| wire_text(p, ty, value);
    match (&p.ty, p.required) {
        (ty, false) if p.nullable => {
            let text = to_wire(ty, quote!(value));
            quote! {
                match &self.#field {
                    ::std::option::Option::Some(::std::option::Option::Some(value)) => pairs.push((#wire, #text)),
                    ::std::option::Option::Some(::std::option::Option::None) => pairs.push((#wire, ::std::string::String::new())),
                    ::std::option::Option::None => {}
                }
            }
        }
        (Type::Array(item), _) => {
            let text = to_wire(item, quote!(item));
            quote! {
                for item in &self.#field {
                    pairs.push((#wire, #text));
                }
            }
        }
        (ty, true) => {
            let text = to_wire(ty, quote!(&self.#field));
            quote!(pairs.push((#wire, #text));)
        }
        (ty, false) => {
            let text = to_wire(ty, quote!(value));
            quote! {
                if let ::std::option::Option::Some(value) = &self.#field {
                    pairs.push((#wire, #text));
                }
            }
        }
    }
}

/// The JSON value of one value of `p`: a date as its text, a secret exposed here only.
fn json_value(p: &Param, ty: &Type, value: TokenStream) -> TokenStream {
    match ty {
        Type::DateTime(_) | Type::Date => {
            let text = to_wire(ty, value);
            quote!(crate::runtime::to_json(&#text))
        }
        _ if p.secret => quote!(crate::runtime::to_json(crate::Secret::expose(#value))),
        _ => quote!(crate::runtime::to_json(#value)),
    }
}

/// Puts `p` into `object` when it is set: an optional parameter left unset, or an
/// optional array left empty, is not sent; `Some(None)` of a nullable one is `null`.
fn json_insert(p: &Param) -> TokenStream {
    let field = ident(&p.name);
    let wire = &p.wire;
    let key = quote!(::std::string::String::from(#wire));
    match (&p.ty, p.required) {
        (ty, false) if p.nullable => {
            let value = json_value(p, ty, quote!(value));
            quote! {
                match &self.#field {
                    ::std::option::Option::Some(::std::option::Option::Some(value)) => { object.insert(#key, #value); }
                    ::std::option::Option::Some(::std::option::Option::None) => { object.insert(#key, crate::runtime::JSON_NULL); }
                    ::std::option::Option::None => {}
                }
            }
        }
        (Type::Array(_), false) => {
            let value = json_value(p, &p.ty, quote!(&self.#field));
            quote! {
                if !self.#field.is_empty() {
                    object.insert(#key, #value);
                }
            }
        }
        (ty, true) => {
            let value = json_value(p, ty, quote!(&self.#field));
            quote!(object.insert(#key, #value);)
        }
        (ty, false) => {
            let value = json_value(p, ty, quote!(value));
            quote! {
                if let ::std::option::Option::Some(value) = &self.#field {
                    object.insert(#key, #value);
                }
            }
        }
    }
}
