//! The public API surface of every spec's crate, pinned by a snapshot, so a reviewer
//! sees the API change behind a spec or generator change. The surface is printed from
//! the types and signatures the emitters write (`emit::rust_types`), so it can't drift
//! from the code.

use super::snapshots::spec_name;
use codegen::fresh::display_path;
use tests::workspace_root;
use xtask::default_jobs;

/// Every default job's spec, checked, with its snapshot prefix.
fn apis() -> Vec<(String, codegen::model::Api)> {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    jobs.iter()
        .map(|job| {
            let display = display_path(&root, &job.spec);
            let sources = codegen::read_spec_dir(&job.spec, &display).expect("reading spec");
            let api = codegen::check(&sources).unwrap_or_else(|d| panic!("{display}:\n{d}"));
            (spec_name(&display), api)
        })
        .collect()
}

#[test]
fn every_surface_is_snapshotted() {
    for (name, api) in apis() {
        let name = format!("{name}__surface");
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => "public API surface" }, {
            insta::assert_snapshot!(name, codegen::surface(&api));
        });
    }
}

/// Every public item a generated crate declares (read back from its source with `syn`,
/// independently of how the surface is built) is in its surface, so a public item
/// can't be added, renamed or changed without the API change report and the semver
/// gate seeing it. Items the runtime gives every crate (`src/client.rs`, the
/// re-exports) and trait impls are not the crate's own API.
#[test]
fn every_public_item_of_a_generated_crate_is_in_its_surface() {
    let mut missing = Vec::new();
    for (name, api) in apis() {
        let surface = surface_paths(&codegen::surface(&api));
        let layout = codegen::Layout::member();
        let files = codegen::emit(&api, &layout);
        for (path, text) in &files {
            let Some(module) = path
                .strip_prefix("src/")
                .and_then(|p| p.strip_suffix(".rs"))
            else {
                continue;
            };
            if module == "lib" || module == "client" {
                continue;
            }
            let prefix = if module == "webhooks" {
                "webhooks::"
            } else {
                ""
            };
            let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{name} {path}: {e}"));
            for item in public_items(&file.items) {
                let item = format!("{prefix}{item}");
                if !surface.contains(&item) {
                    missing.push(format!("{name}: {item} ({path})"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "public items the surface lacks:\n{}",
        missing.join("\n")
    );
}

/// The item paths a surface lists: `Binding`, `Binding.sid`, `Bindings::fetch`. A
/// parameter (`param ListBindings.page`) is a field and the setter of the same name;
/// a string newtype (`type AccountSid = string …`) has `NAME`, `is_valid` and
/// `validate`.
fn surface_paths(surface: &str) -> std::collections::BTreeSet<String> {
    let kinds = [
        "async fn ",
        "fn ",
        "const ",
        "struct ",
        "enum ",
        "variant ",
        "field ",
        "type ",
        "param ",
    ];
    let mut paths = std::collections::BTreeSet::new();
    for line in surface.lines() {
        let Some(rest) = kinds.iter().find_map(|k| line.strip_prefix(k)) else {
            continue;
        };
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | ':' | '.' | '#')))
            .unwrap_or(rest.len());
        let path = rest[..end].trim_end_matches(':').to_string();
        if line.starts_with("param ") {
            paths.insert(path.replacen('.', "::", 1));
        }
        // A string newtype's line stands for what every newtype has, whether the
        // runtime's macro writes it or, for a pattern that needs a regex, the emitter.
        if line.starts_with("type ") && line.contains(" = string") {
            for member in ["NAME", "is_valid", "validate"] {
                paths.insert(format!("{path}::{member}"));
            }
        }
        paths.insert(path);
    }
    paths
}

/// The paths of `items`' public declarations: types and their public fields and
/// variants, functions and constants, and the public methods and constants of
/// inherent impls.
fn public_items(items: &[syn::Item]) -> Vec<String> {
    let public = |vis: &syn::Visibility| matches!(vis, syn::Visibility::Public(_));
    let mut out = Vec::new();
    for item in items {
        match item {
            syn::Item::Struct(s) if public(&s.vis) => {
                let name = s.ident.to_string();
                for field in &s.fields {
                    if let (true, Some(f)) = (public(&field.vis), &field.ident) {
                        out.push(format!("{name}.{f}"));
                    }
                }
                out.push(name);
            }
            syn::Item::Enum(e) if public(&e.vis) => {
                let name = e.ident.to_string();
                out.extend(e.variants.iter().map(|v| format!("{name}::{}", v.ident)));
                out.push(name);
            }
            syn::Item::Fn(f) if public(&f.vis) => out.push(f.sig.ident.to_string()),
            syn::Item::Const(c) if public(&c.vis) => out.push(c.ident.to_string()),
            syn::Item::Type(t) if public(&t.vis) => out.push(t.ident.to_string()),
            syn::Item::Impl(i) if i.trait_.is_none() => {
                let syn::Type::Path(ty) = &*i.self_ty else {
                    continue;
                };
                let Some(owner) = ty.path.segments.last().map(|s| s.ident.to_string()) else {
                    continue;
                };
                for member in &i.items {
                    match member {
                        syn::ImplItem::Fn(f) if public(&f.vis) => {
                            out.push(format!("{owner}::{}", f.sig.ident));
                        }
                        syn::ImplItem::Const(c) if public(&c.vis) => {
                            out.push(format!("{owner}::{}", c.ident));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    out
}
