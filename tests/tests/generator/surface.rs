//! The public API surface of every spec's crate: pinned by a snapshot, so a reviewer
//! sees the API change behind a spec or generator change, and checked against the
//! code the generator really emits, so the surface can't drift from it.

use super::snapshots::spec_name;
use codegen::fresh::display_path;
use codegen::surface::{Detail, Kind, Surface};
use std::collections::BTreeSet;
use tests::workspace_root;
use xtask::default_jobs;

/// Every default job's spec, checked, with its snapshot prefix.
fn apis() -> Vec<(String, Vec<codegen::SourceFile>, codegen::model::Api)> {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    jobs.iter()
        .map(|job| {
            let display = display_path(&root, &job.spec);
            let sources = codegen::read_spec_dir(&job.spec, &display).expect("reading spec");
            let api = codegen::check(&sources).unwrap_or_else(|d| panic!("{display}:\n{d}"));
            (spec_name(&display), sources, api)
        })
        .collect()
}

#[test]
fn every_surface_is_snapshotted() {
    for (name, _, api) in apis() {
        let name = format!("{name}__surface");
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => "public API surface" }, {
            insta::assert_snapshot!(name, codegen::surface(&api));
        });
    }
}

/// The surface's items, and the same items read from the generated code with syn.
#[derive(Debug, Default, PartialEq)]
struct Items {
    /// Structs and enums with their `non_exhaustive` and `Default`; string newtypes
    /// with their `Copy`.
    types: BTreeSet<String>,
    /// `Struct.field: Type`, for records, pages and parameter structs.
    members: BTreeSet<String>,
    /// `Enum::Variant` or `Enum::Fallback(String)`.
    variants: BTreeSet<String>,
    /// Handle and `Client` methods and parameter constructors, as surface lines.
    fns: BTreeSet<String>,
}

fn flags(name: &str, non_exhaustive: bool, default: bool) -> String {
    let flags: Vec<&str> = [
        non_exhaustive.then_some("non_exhaustive"),
        default.then_some("Default"),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!("{name} [{}]", flags.join(", "))
}

fn newtype(name: &str, copy: bool) -> String {
    if copy {
        format!("{name} [Copy]")
    } else {
        name.to_string()
    }
}

fn from_surface(surface: &Surface) -> Items {
    let mut items = Items::default();
    for item in &surface.items {
        match (&item.detail, item.kind) {
            (Detail::StringType { copy, .. }, _) => {
                items.types.insert(newtype(&item.path, *copy));
            }
            (Detail::Enum { non_exhaustive }, _) => {
                items
                    .types
                    .insert(flags(&item.path, *non_exhaustive, false));
            }
            (
                Detail::Struct {
                    non_exhaustive,
                    default,
                    ..
                },
                _,
            ) => {
                items
                    .types
                    .insert(flags(&item.path, *non_exhaustive, *default));
            }
            (Detail::Field { ty, .. } | Detail::Param { ty, .. }, _) => {
                items.members.insert(format!("{}: {ty}", item.path));
            }
            (Detail::Variant { wire }, _) => {
                let tuple = if wire.is_none() { "(String)" } else { "" };
                items.variants.insert(format!("{}{tuple}", item.path));
            }
            (_, Kind::Fn) => {
                items.fns.insert(item.line());
            }
            _ => {}
        }
    }
    items
}

fn from_code(files: &codegen::Files, surface: &Surface) -> Items {
    let params: BTreeSet<&str> = surface
        .items
        .iter()
        .filter(|i| {
            matches!(
                i.detail,
                Detail::Struct {
                    role: codegen::surface::StructRole::Params,
                    ..
                }
            )
        })
        .map(|i| i.path.as_str())
        .collect();
    let enums: BTreeSet<&str> = surface
        .items
        .iter()
        .filter(|i| i.kind == Kind::Enum)
        .map(|i| i.path.as_str())
        .collect();
    let mut items = Items::default();
    for (path, text) in files {
        let resource = path.starts_with("src/resources/") && !path.ends_with("mod.rs");
        if !resource && path != "src/types.rs" {
            continue;
        }
        let file: syn::File = syn::parse_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        for item in &file.items {
            match item {
                syn::Item::Struct(s) if is_pub(&s.vis) => {
                    let name = s.ident.to_string();
                    match &s.fields {
                        syn::Fields::Unnamed(_) => {
                            items
                                .types
                                .insert(newtype(&name, derives(&s.attrs, "Copy")));
                        }
                        _ => {
                            items.types.insert(flags(
                                &name,
                                has_attr(&s.attrs, "non_exhaustive"),
                                derives(&s.attrs, "Default"),
                            ));
                        }
                    }
                    for f in &s.fields {
                        if let (Some(ident), true) = (&f.ident, is_pub(&f.vis)) {
                            items
                                .members
                                .insert(format!("{name}.{ident}: {}", ty(&f.ty)));
                        }
                    }
                }
                syn::Item::Enum(e) if is_pub(&e.vis) => {
                    let name = e.ident.to_string();
                    items
                        .types
                        .insert(flags(&name, has_attr(&e.attrs, "non_exhaustive"), false));
                    for v in &e.variants {
                        let tuple = match &v.fields {
                            syn::Fields::Unnamed(f) => {
                                let types: Vec<String> =
                                    f.unnamed.iter().map(|f| ty(&f.ty)).collect();
                                format!("({})", types.join(", "))
                            }
                            _ => String::new(),
                        };
                        items.variants.insert(format!("{name}::{}{tuple}", v.ident));
                    }
                }
                syn::Item::Impl(block) if resource && block.trait_.is_none() => {
                    let owner = ty(&block.self_ty);
                    for member in &block.items {
                        let syn::ImplItem::Fn(f) = member else {
                            continue;
                        };
                        let name = f.sig.ident.to_string();
                        // A parameter struct's setters, `validate` and `to_pairs`, and an
                        // enum's `as_str` and `from_wire`, are the same for every
                        // parameter or enum and stand for no item of their own.
                        let surfaced = !enums.contains(owner.as_str())
                            && (!params.contains(owner.as_str()) || name == "new");
                        if is_pub(&f.vis) && surfaced {
                            items.fns.insert(signature(&owner, &f.sig));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    items
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|a| a.path().is_ident(name))
}

fn derives(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .any(|a| {
            let mut found = false;
            let _ = a.parse_nested_meta(|meta| {
                found |= meta.path.is_ident(name);
                Ok(())
            });
            found
        })
}

/// `async fn Invites::create(&self, params: CreateInvite) -> Result<Invite, Error>`.
fn signature(owner: &str, sig: &syn::Signature) -> String {
    let args: Vec<String> = sig
        .inputs
        .iter()
        .map(|arg| match arg {
            syn::FnArg::Receiver(_) => "&self".to_string(),
            syn::FnArg::Typed(t) => {
                let syn::Pat::Ident(name) = &*t.pat else {
                    panic!("{owner}::{}: an argument that is not a name", sig.ident)
                };
                format!("{}: {}", name.ident, ty(&t.ty))
            }
        })
        .collect();
    let ret = match &sig.output {
        syn::ReturnType::Default => "()".to_string(),
        syn::ReturnType::Type(_, t) => ty(t),
    };
    let asyncness = if sig.asyncness.is_some() {
        "async "
    } else {
        ""
    };
    format!(
        "{asyncness}fn {owner}::{}({}) -> {ret}",
        sig.ident,
        args.join(", ")
    )
}

/// A type as the surface spells it: `std` and `crate` paths cut to their last
/// segment, other crates' kept.
fn ty(t: &syn::Type) -> String {
    match t {
        syn::Type::Path(p) => path(&p.path),
        syn::Type::Reference(r) => {
            let mutability = if r.mutability.is_some() { "mut " } else { "" };
            format!("&{mutability}{}", ty(&r.elem))
        }
        syn::Type::ImplTrait(i) => {
            let bounds: Vec<String> = i
                .bounds
                .iter()
                .map(|b| match b {
                    syn::TypeParamBound::Trait(t) => path(&t.path),
                    syn::TypeParamBound::Lifetime(l) => l.to_string(),
                    _ => panic!("a bound that is neither a trait nor a lifetime"),
                })
                .collect();
            format!("impl {}", bounds.join(" + "))
        }
        syn::Type::Tuple(t) if t.elems.is_empty() => "()".into(),
        _ => panic!("a type the surface has no spelling for"),
    }
}

fn path(p: &syn::Path) -> String {
    let segments: Vec<&syn::PathSegment> = p.segments.iter().collect();
    let first = segments[0].ident.to_string();
    let kept = if matches!(first.as_str(), "std" | "crate" | "self") {
        &segments[segments.len() - 1..]
    } else {
        &segments[..]
    };
    let kept: Vec<String> = kept
        .iter()
        .map(|s| {
            let syn::PathArguments::AngleBracketed(args) = &s.arguments else {
                return s.ident.to_string();
            };
            let args: Vec<String> = args
                .args
                .iter()
                .map(|a| match a {
                    syn::GenericArgument::Type(t) => ty(t),
                    syn::GenericArgument::AssocType(a) => format!("{} = {}", a.ident, ty(&a.ty)),
                    _ => panic!("a generic argument that is neither a type nor `Item = …`"),
                })
                .collect();
            format!("{}<{}>", s.ident, args.join(", "))
        })
        .collect();
    kept.join("::")
}

#[test]
fn surface_is_what_the_generator_emits() {
    for (name, sources, api) in apis() {
        let surface = Surface::of(&api);
        let files = codegen::generate(&sources).expect("the spec is valid");
        let (said, emitted) = (from_surface(&surface), from_code(&files, &surface));
        for (what, a, b) in [
            ("types", &said.types, &emitted.types),
            ("fields", &said.members, &emitted.members),
            ("variants", &said.variants, &emitted.variants),
            ("methods", &said.fns, &emitted.fns),
        ] {
            let only_surface: Vec<_> = a.difference(b).collect();
            let only_code: Vec<_> = b.difference(a).collect();
            assert!(
                only_surface.is_empty() && only_code.is_empty(),
                "{name}: the surface's {what} differ from the code's\n  only in the surface: {only_surface:#?}\n  only in the code: {only_code:#?}"
            );
        }
        assert!(!said.fns.is_empty() && !said.members.is_empty(), "{name}");
    }
}
