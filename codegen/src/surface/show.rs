//! Rust as a surface line shows it: types with paths into `std`, the crate itself
//! and the runtime cut to their last segment (`Option<RoleSid>`), other crates' kept
//! (`time::OffsetDateTime`), so that where a generated crate spells a path out in
//! full and the runtime imports it, the line is the same.

use std::fmt::Write as _;

/// A type as a line shows it.
pub fn ty(ty: &syn::Type) -> String {
    let mut out = String::new();
    write_type(ty, &mut out);
    out
}

/// A type the emitters wrote, as a line shows it.
pub fn tokens(tokens: proc_macro2::TokenStream) -> String {
    match syn::parse2::<syn::Type>(tokens.clone()) {
        Ok(parsed) => ty(&parsed),
        // Emitters write valid types; show the tokens if one ever isn't.
        Err(_) => tokens.to_string(),
    }
}

/// A path (a trait, a re-export's target) as a line shows it.
pub fn path(path: &syn::Path) -> String {
    let mut out = String::new();
    write_path(path, &mut out);
    out
}

/// `<T: Page>`, `<'de>`, or nothing: generic parameters with their bounds.
pub fn generics(generics: &syn::Generics) -> String {
    if generics.params.is_empty() {
        return String::new();
    }
    let params: Vec<String> = generics
        .params
        .iter()
        .map(|p| match p {
            syn::GenericParam::Type(t) => {
                let mut out = t.ident.to_string();
                if !t.bounds.is_empty() {
                    out.push_str(": ");
                    write_bounds(t.bounds.iter(), &mut out);
                }
                out
            }
            syn::GenericParam::Lifetime(l) => format!("'{}", l.lifetime.ident),
            syn::GenericParam::Const(c) => format!("const {}: {}", c.ident, ty(&c.ty)),
        })
        .collect();
    let mut out = format!("<{}>", params.join(", "));
    if let Some(clause) = &generics.where_clause {
        let _ = write!(out, " {}", text(clause));
    }
    out
}

/// Tokens as one line of text, spaced as a person writes Rust, for what has no
/// printer of its own here (a macro's matchers, a where clause).
pub fn text(tokens: &impl quote::ToTokens) -> String {
    let mut text = tokens.to_token_stream().to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" ::", "::"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
        ("( ", "("),
        (" )", ")"),
        ("' ", "'"),
        (" :", ":"),
    ] {
        text = text.replace(from, to);
    }
    text
}

fn write_type(ty: &syn::Type, out: &mut String) {
    match ty {
        syn::Type::Path(p) => write_path(&p.path, out),
        syn::Type::Reference(r) => {
            out.push('&');
            if let Some(lifetime) = &r.lifetime {
                let _ = write!(out, "'{} ", lifetime.ident);
            }
            if r.mutability.is_some() {
                out.push_str("mut ");
            }
            write_type(&r.elem, out);
        }
        syn::Type::Tuple(t) => {
            out.push('(');
            for (i, elem) in t.elems.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(elem, out);
            }
            out.push(')');
        }
        syn::Type::Slice(s) => {
            out.push('[');
            write_type(&s.elem, out);
            out.push(']');
        }
        syn::Type::Array(a) => {
            out.push('[');
            write_type(&a.elem, out);
            let len = &a.len;
            let _ = write!(out, "; {}]", quote::quote!(#len));
        }
        syn::Type::ImplTrait(t) => {
            out.push_str("impl ");
            write_bounds(t.bounds.iter(), out);
        }
        syn::Type::TraitObject(t) => {
            out.push_str("dyn ");
            write_bounds(t.bounds.iter(), out);
        }
        syn::Type::Paren(p) => write_type(&p.elem, out),
        other => out.push_str(&text(other)),
    }
}

fn write_bounds<'a>(bounds: impl Iterator<Item = &'a syn::TypeParamBound>, out: &mut String) {
    for (i, bound) in bounds.enumerate() {
        if i > 0 {
            out.push_str(" + ");
        }
        match bound {
            syn::TypeParamBound::Trait(t) => {
                if t.maybe.is_some() {
                    out.push('?');
                }
                write_path(&t.path, out)
            }
            syn::TypeParamBound::Lifetime(l) => {
                let _ = write!(out, "'{}", l.ident);
            }
            other => out.push_str(&text(other)),
        }
    }
}

fn write_path(path: &syn::Path, out: &mut String) {
    let first = path.segments.first().map(|s| s.ident.to_string());
    let ours = matches!(
        first.as_deref(),
        Some("std" | "core" | "alloc" | "crate" | "self" | "super" | "twilio_codegen_runtime")
    ) || (path.leading_colon.is_none() && path.segments.len() == 1)
        // `crate::runtime::Page` in a generated crate is the runtime's `Page`.
        || first.as_deref() == Some("runtime");
    let segments: Vec<&syn::PathSegment> = if ours {
        path.segments.iter().last().into_iter().collect()
    } else {
        path.segments.iter().collect()
    };
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            out.push_str("::");
        }
        out.push_str(&segment.ident.to_string());
        match &segment.arguments {
            syn::PathArguments::AngleBracketed(args) => {
                out.push('<');
                for (i, arg) in args.args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    match arg {
                        syn::GenericArgument::Type(t) => write_type(t, out),
                        syn::GenericArgument::AssocType(a) => {
                            let _ = write!(out, "{} = ", a.ident);
                            write_type(&a.ty, out);
                        }
                        syn::GenericArgument::Lifetime(l) => {
                            let _ = write!(out, "'{}", l.ident);
                        }
                        other => out.push_str(&text(other)),
                    }
                }
                out.push('>');
            }
            syn::PathArguments::Parenthesized(args) => {
                out.push('(');
                for (i, input) in args.inputs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&text(input));
                }
                out.push(')');
                if let syn::ReturnType::Type(_, ret) = &args.output {
                    out.push_str(" -> ");
                    write_type(ret, out);
                }
            }
            syn::PathArguments::None => {}
        }
    }
}
