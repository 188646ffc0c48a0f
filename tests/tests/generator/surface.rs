//! The public API surface of every spec's crate, pinned by a snapshot, so a reviewer
//! sees the API change behind a spec or generator change. The surface is read from
//! the code the emitters write, so it can't drift from it; these tests check that
//! by a second, independent reading.

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
/// gate seeing it.
#[test]
fn every_public_item_of_a_generated_crate_is_in_its_surface() {
    let mut missing = Vec::new();
    for (name, api) in apis() {
        let surface = surface_paths(&codegen::surface(&api));
        let layout = codegen::Layout::member();
        let files = codegen::emit(&api, &layout);
        let root_names = files
            .get("src/lib.rs")
            .map(|lib| reexported_names(lib))
            .unwrap_or_default();
        for (path, text) in &files {
            let Some(module) = path
                .strip_prefix("src/")
                .and_then(|p| p.strip_suffix(".rs"))
            else {
                continue;
            };
            // The modules whose items the root doesn't re-export keep their path; of a
            // TwiML document's, the root re-exports the response.
            let twiml_root = api.twiml.as_ref().and_then(|t| {
                t.documents
                    .iter()
                    .find(|d| d.module == module)
                    .map(|d| d.root.as_str())
            });
            let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{name} {path}: {e}"));
            for item in public_items(&file.items) {
                let reexported = twiml_root
                    .is_some_and(|root| item == root || item.starts_with(&format!("{root}::")));
                // A resource's or type's item is in its module unless the root
                // re-exports it (what the quick start names); a resource's methods
                // on the root's `Client` are the client's.
                let first = item.split(['.', ':']).next().unwrap_or(&item);
                let at_root = first == "Client" || root_names.iter().any(|n| n == first);
                let item = match module {
                    "webhooks" | "callbacks" => format!("{module}::{item}"),
                    _ if twiml_root.is_some() && !reexported => format!("{module}::{item}"),
                    "types" if !at_root => format!("types::{item}"),
                    _ if module.starts_with("resources/") && !at_root => {
                        format!("{}::{item}", module.replace('/', "::"))
                    }
                    _ => item,
                };
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

/// The names the crate root re-exports from its own modules (`pub use
/// resources::message::CreateMessage;`).
fn reexported_names(lib: &str) -> Vec<String> {
    let file = syn::parse_file(lib).expect("lib.rs parses");
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Use(u) if matches!(u.vis, syn::Visibility::Public(_)) => Some(&u.tree),
            _ => None,
        })
        .filter_map(|tree| {
            let mut tree = tree;
            let mut first = true;
            loop {
                match tree {
                    syn::UseTree::Path(p) => {
                        if first && p.ident != "resources" && p.ident != "types" {
                            return None;
                        }
                        first = false;
                        tree = &p.tree;
                    }
                    syn::UseTree::Name(n) if !first => return Some(n.ident.to_string()),
                    _ => return None,
                }
            }
        })
        .collect()
}

/// The same for the runtime: every name `lib.rs` and `__private` export, and the
/// public fields, variants, methods and constants of the types among them, wherever
/// in the crate they are written.
#[test]
fn every_public_item_of_the_runtime_is_in_its_surface() {
    let dir = workspace_root().join(codegen::RUNTIME_DIR);
    let surface = xtask::runtime_api::read(&dir).expect("the runtime's surface");
    let surface = surface_paths(&surface.render());
    let parse = |rel: &str| {
        let text = std::fs::read_to_string(dir.join(rel)).expect("a source file");
        syn::parse_file(&text).expect("Rust")
    };
    // What each exported type is called where it is exported.
    let mut exported = std::collections::BTreeMap::new();
    for (rel, prefix) in [("src/lib.rs", ""), ("src/__private.rs", "__private::")] {
        for item in parse(rel).items {
            if let syn::Item::Use(u) = item {
                if matches!(u.vis, syn::Visibility::Public(_)) {
                    for (ident, alias) in use_names(&u.tree) {
                        exported.insert(ident, format!("{prefix}{alias}"));
                    }
                }
            }
        }
    }
    let mut missing = Vec::new();
    for path in exported.values() {
        if !surface.contains(path) {
            missing.push(path.clone());
        }
    }
    let mut pending = vec![dir.join("src")];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() && !path.ends_with("tests") {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&dir).expect("under the runtime");
                let file = parse(&rel.to_string_lossy());
                for item in public_items(&file.items) {
                    let (owner, member) =
                        item.split_at(item.find(['.', ':']).unwrap_or(item.len()));
                    if let Some(at) = exported.get(owner) {
                        if !member.is_empty() && !surface.contains(&format!("{at}{member}")) {
                            missing.push(format!("{at}{member} ({})", rel.display()));
                        }
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "public runtime items the surface lacks:\n{}",
        missing.join("\n")
    );
}

/// The last identifier of each path a use tree names, and the name it is bound to.
fn use_names(tree: &syn::UseTree) -> Vec<(String, String)> {
    match tree {
        syn::UseTree::Path(p) => use_names(&p.tree),
        syn::UseTree::Name(n) => vec![(n.ident.to_string(), n.ident.to_string())],
        syn::UseTree::Rename(r) => vec![(r.ident.to_string(), r.rename.to_string())],
        syn::UseTree::Group(g) => g.items.iter().flat_map(use_names).collect(),
        syn::UseTree::Glob(_) => Vec::new(),
    }
}

/// The item paths a surface lists: `Binding`, `Binding.sid`, `Bindings::fetch`.
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
        "use ",
        "macro ",
        "trait ",
    ];
    let mut paths = std::collections::BTreeSet::new();
    for line in surface.lines() {
        let Some(rest) = kinds.iter().find_map(|k| line.strip_prefix(k)) else {
            continue;
        };
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | ':' | '.' | '#')))
            .unwrap_or(rest.len());
        paths.insert(rest[..end].trim_end_matches(':').to_string());
    }
    paths
}

/// The paths of `items`' public declarations: types and their public fields and
/// variants, functions and constants, and the public methods and constants of
/// inherent impls.
fn public_items(items: &[syn::Item]) -> Vec<String> {
    let public = |vis: &syn::Visibility| matches!(vis, syn::Visibility::Public(_));
    // What only a test or doctest build has is no one's API.
    let test_only = |attrs: &[syn::Attribute]| {
        attrs.iter().any(|a| {
            a.path().is_ident("cfg")
                && a.parse_args::<syn::Path>()
                    .is_ok_and(|p| p.is_ident("test") || p.is_ident("doctest"))
        })
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            syn::Item::Struct(s) if test_only(&s.attrs) => {}
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
