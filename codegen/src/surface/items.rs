//! Each kind of item's lines in the surface: a struct's fields, an enum's variants,
//! an impl's methods and constants, a trait's items, a function's signature and a
//! macro's matchers, and the attribute helpers both files use. [`super::syntax`]
//! walks the module and calls these; nothing here calls back.

use super::{show, Detail, Item, Kind};

/// A struct's lines: itself, its public fields, its derives.
pub(super) fn struct_items(s: &syn::ItemStruct) -> Vec<Item> {
    let owner = Some((Kind::Struct, ""));
    let mut out = vec![Item::new(
        Kind::Struct,
        String::new(),
        None,
        Detail::Struct {
            role: None,
            non_exhaustive: has_attr(&s.attrs, "non_exhaustive"),
            generics: show::generics(&s.generics),
        },
        docs(&s.attrs),
    )];
    for (i, f) in s.fields.iter().enumerate() {
        if !is_pub(&f.vis) {
            continue;
        }
        let name = f.ident.as_ref().map_or(i.to_string(), ToString::to_string);
        out.push(Item::new(
            Kind::Field,
            format!(".{name}"),
            owner,
            Detail::Field {
                ty: show::ty(&f.ty),
                wire: None,
                nullable: false,
                default: None,
            },
            docs(&f.attrs),
        ));
    }
    derives(&s.attrs, Kind::Struct, &mut out);
    out
}

/// An enum's lines: itself, its variants, its derives.
pub(super) fn enum_items(e: &syn::ItemEnum) -> Vec<Item> {
    let mut out = vec![Item::new(
        Kind::Enum,
        String::new(),
        None,
        Detail::Enum {
            non_exhaustive: has_attr(&e.attrs, "non_exhaustive"),
        },
        docs(&e.attrs),
    )];
    for v in &e.variants {
        out.push(Item::new(
            Kind::Variant,
            format!("::{}", v.ident),
            Some((Kind::Enum, "")),
            Detail::Variant {
                fields: variant_fields(&v.fields),
                wire: None,
            },
            docs(&v.attrs),
        ));
    }
    derives(&e.attrs, Kind::Enum, &mut out);
    out
}

/// An impl block's lines: the trait it implements, or its public methods and
/// constants.
pub(super) fn impl_items(block: &syn::ItemImpl) -> Vec<Item> {
    let owner = Some((Kind::Struct, ""));
    if let Some((trait_path, _)) = &block.trait_ {
        let not = if block.modifiers.polarity.is_some() {
            "!"
        } else {
            ""
        };
        let (path, generics) = match as_derived(trait_path, &block.generics) {
            Some(path) => (path, String::new()),
            None => (show::path(trait_path), show::generics(&block.generics)),
        };
        return vec![Item::new(
            Kind::Impl,
            format!(": {not}{path}"),
            owner,
            Detail::Text(generics),
            0,
        )];
    }
    let mut out = Vec::new();
    for member in &block.items {
        match member {
            syn::ImplItem::Fn(f) if is_pub(&f.vis) => out.push(function(
                format!("::{}", f.sig.ident),
                &f.sig,
                owner,
                docs(&f.attrs),
            )),
            syn::ImplItem::Const(c) if is_pub(&c.vis) => out.push(constant(
                format!("::{}", c.ident),
                &c.ty,
                owner,
                docs(&c.attrs),
            )),
            _ => {}
        }
    }
    out
}

/// `impl<'de> Deserialize<'de> for X` as `#[derive(Deserialize)]` would list it: the
/// trait without its lifetimes, when the impl's only generics are lifetimes and has no
/// `where`. A derive expands to exactly that impl, so writing one by hand instead (as
/// generated records do) is no change to the API.
fn as_derived(trait_path: &syn::Path, generics: &syn::Generics) -> Option<String> {
    let only_lifetimes = !generics.params.is_empty()
        && generics.where_clause.is_none()
        && generics
            .params
            .iter()
            .all(|p| matches!(p, syn::GenericParam::Lifetime(_)));
    let syn::PathArguments::AngleBracketed(args) = &trait_path.segments.last()?.arguments else {
        return None;
    };
    let lifetimes = args
        .args
        .iter()
        .all(|a| matches!(a, syn::GenericArgument::Lifetime(_)));
    if !only_lifetimes || !lifetimes {
        return None;
    }
    // The arguments are the end of the text, and hold no `<` of their own.
    let text = show::path(trait_path);
    Some(text[..text.rfind('<')?].to_string())
}

/// A function or method line.
pub(super) fn function(
    path: String,
    sig: &syn::Signature,
    owner: Option<(Kind, &str)>,
    docs: u64,
) -> Item {
    let mut receiver = String::new();
    let mut args = Vec::new();
    for input in &sig.inputs {
        match input {
            syn::FnArg::Receiver(r) => {
                receiver = match &r.kind {
                    syn::ReceiverKind::Reference(_, _, Some(_)) => "&mut self".into(),
                    syn::ReceiverKind::Reference(..) => "&self".into(),
                    syn::ReceiverKind::Typed(_, ty) => format!("self: {}", show::ty(ty)),
                    _ => "self".into(),
                }
            }
            syn::FnArg::Typed(t) => {
                let name = match &*t.pat {
                    syn::Pat::Ident(p) => p.ident.to_string(),
                    other => show::text(other),
                };
                args.push((name, show::ty(&t.ty)));
            }
        }
    }
    let ret = match &sig.output {
        syn::ReturnType::Default => "()".into(),
        syn::ReturnType::Type(_, ty) => show::ty(ty),
    };
    Item::new(
        Kind::Fn,
        path,
        owner,
        Detail::Fn {
            role: None,
            is_async: sig.asyncness.is_some(),
            receiver,
            generics: show::generics(&sig.generics),
            args,
            ret,
        },
        docs,
    )
}

pub(super) fn constant(
    path: String,
    ty: &syn::Type,
    owner: Option<(Kind, &str)>,
    docs: u64,
) -> Item {
    Item::new(
        Kind::Const,
        path,
        owner,
        Detail::Const {
            ty: show::ty(ty),
            value: None,
        },
        docs,
    )
}

/// A trait and its items; an item with a default body is marked, as adding one
/// without breaks implementors and adding one with doesn't.
pub(super) fn trait_items(t: &syn::ItemTrait) -> Vec<Item> {
    let supertraits: Vec<String> = t.supertraits.iter().map(show::text).collect();
    let mut out = vec![Item::new(
        Kind::Trait,
        String::new(),
        None,
        Detail::Text(format!(
            "{}: {}",
            show::generics(&t.generics),
            supertraits.join(" + ")
        )),
        docs(&t.attrs),
    )];
    for member in &t.items {
        let (name, text, provided, attrs) = match member {
            syn::TraitItem::Fn(f) => (
                f.sig.ident.to_string(),
                show::text(&f.sig),
                f.default.is_some(),
                &f.attrs,
            ),
            syn::TraitItem::Const(c) => (
                c.ident.to_string(),
                format!("const: {}", show::ty(&c.ty)),
                c.default.is_some(),
                &c.attrs,
            ),
            syn::TraitItem::Type(ty) => (
                ty.ident.to_string(),
                show::text(member),
                ty.default.is_some(),
                &ty.attrs,
            ),
            _ => continue,
        };
        let text = if provided {
            format!("{text} (provided)")
        } else {
            text
        };
        out.push(Item::new(
            Kind::TraitItem,
            format!("::{name}"),
            Some((Kind::Trait, "")),
            Detail::Text(text),
            docs(attrs),
        ));
    }
    out
}

/// `#[derive(Clone, Default)]` as impl lines.
fn derives(attrs: &[syn::Attribute], owner: Kind, out: &mut Vec<Item>) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            out.push(Item::new(
                Kind::Impl,
                format!(": {}", show::path(&meta.path)),
                Some((owner, "")),
                Detail::Text(String::new()),
                0,
            ));
            Ok(())
        });
    }
}

/// `(String)`, `{ reason: String }` or nothing.
fn variant_fields(fields: &syn::Fields) -> String {
    match fields {
        syn::Fields::Unit => String::new(),
        syn::Fields::Unnamed(f) => {
            let types: Vec<String> = f.unnamed.iter().map(|f| show::ty(&f.ty)).collect();
            format!("({})", types.join(", "))
        }
        syn::Fields::Named(f) => {
            let named: Vec<String> = f
                .named
                .iter()
                .map(|f| {
                    format!(
                        "{}: {}",
                        f.ident
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default(),
                        show::ty(&f.ty)
                    )
                })
                .collect();
            format!(" {{ {} }}", named.join(", "))
        }
    }
}

/// A macro's arms: the matcher of each, which is what callers depend on.
pub(super) fn matchers(tokens: &proc_macro2::TokenStream) -> String {
    let mut arms = Vec::new();
    let mut expect_matcher = true;
    for tt in tokens.clone() {
        match tt {
            proc_macro2::TokenTree::Group(g) if expect_matcher => {
                arms.push(g.stream().to_string());
                expect_matcher = false;
            }
            proc_macro2::TokenTree::Punct(p) if p.as_char() == ';' => expect_matcher = true,
            _ => {}
        }
    }
    arms.join(" | ")
}

/// The fingerprint of the docs' lines, each followed by a line break, fed to the hash
/// as they are read rather than joined first.
pub(super) fn docs(attrs: &[syn::Attribute]) -> u64 {
    let mut hash = super::Fingerprint::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                hash.write(s.value().as_bytes());
                hash.write(b"\n");
            }
        }
    }
    hash.finish()
}

pub(super) fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|a| a.path().is_ident(name))
}

pub(super) fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}
