//! The reserved names are exactly those the runtime and the generated crate define.

use super::{RESERVED_CLIENT_METHODS, RESERVED_PARAM_NAMES, RESERVED_TYPE_NAMES};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The workspace root: `codegen/` sits in it.
fn workspace_root() -> &'static Path {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest)
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `codegen/runtime/*.rs`, so a new or split runtime file is read too.
fn runtime_files() -> Vec<PathBuf> {
    let dir = workspace_root().join("codegen/runtime");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("listing codegen/runtime").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no runtime files in {}", dir.display());
    files
}

/// Names a `pub use` at the root of `file` re-exports from `runtime::…`.
fn runtime_reexports(file: &syn::File) -> BTreeSet<String> {
    fn walk(tree: &syn::UseTree, from_runtime: bool, out: &mut BTreeSet<String>) {
        match tree {
            syn::UseTree::Path(p) => walk(&p.tree, from_runtime || p.ident == "runtime", out),
            syn::UseTree::Name(n) if from_runtime => {
                out.insert(n.ident.to_string());
            }
            syn::UseTree::Rename(r) if from_runtime => {
                out.insert(r.rename.to_string());
            }
            syn::UseTree::Glob(_) if from_runtime => {
                panic!("a glob re-export from the runtime hides which names it takes")
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| walk(t, from_runtime, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for item in &file.items {
        if let syn::Item::Use(u) = item {
            if matches!(u.vis, syn::Visibility::Public(_)) {
                let from_runtime = matches!(&u.tree, syn::UseTree::Path(p) if p.ident == "runtime");
                walk(&u.tree, from_runtime, &mut out);
            }
        }
    }
    out
}

/// Every function `Client` has in `items`, whatever its visibility: an inherent one of
/// any visibility clashes with a handle method of the same name, and a trait method
/// would be shadowed by one.
fn client_methods(items: &[syn::Item], out: &mut BTreeSet<String>) {
    for item in items {
        match item {
            syn::Item::Impl(block) if is_client(&block.self_ty) => {
                for item in &block.items {
                    if let syn::ImplItem::Fn(f) = item {
                        out.insert(f.sig.ident.to_string());
                    }
                }
            }
            syn::Item::Struct(s) if s.ident == "Client" => {
                for attr in s.attrs.iter().filter(|a| a.path().is_ident("derive")) {
                    attr.parse_nested_meta(|meta| {
                        let derived = meta.path.segments.last().map(|s| s.ident.to_string());
                        let written = derived_methods(derived.as_deref().unwrap_or_default());
                        out.extend(written.iter().map(|m| m.to_string()));
                        Ok(())
                    })
                    .expect("a derive lists paths");
                }
            }
            syn::Item::Mod(m) if !is_test(&m.attrs) => {
                if let Some((_, items)) = &m.content {
                    client_methods(items, out);
                }
            }
            _ => {}
        }
    }
}

fn is_client(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p)
        if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Client"))
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Path>()
                .is_ok_and(|p| p.is_ident("test"))
    })
}

/// The methods a derive writes.
fn derived_methods(derive: &str) -> &'static [&'static str] {
    match derive {
        "Clone" => &["clone"],
        "Debug" => &["fmt"],
        "Default" => &["default"],
        "PartialEq" => &["eq"],
        "Eq" => &[],
        "Hash" => &["hash"],
        other => panic!("`Client` derives `{other}`; add the methods it writes here"),
    }
}

fn is_sorted(names: &[&str]) -> bool {
    names.windows(2).all(|w| w[0] < w[1])
}

/// What `expected` has that `reserved` lacks, and what `reserved` has beyond it.
fn drift(reserved: &[&str], expected: &BTreeSet<String>) -> (Vec<String>, Vec<String>) {
    let reserved: BTreeSet<String> = reserved.iter().map(|s| s.to_string()).collect();
    (
        expected.difference(&reserved).cloned().collect(),
        reserved.difference(expected).cloned().collect(),
    )
}

#[test]
fn reserved_lists_are_sorted() {
    for (name, list) in [
        ("RESERVED_TYPE_NAMES", RESERVED_TYPE_NAMES),
        ("RESERVED_CLIENT_METHODS", RESERVED_CLIENT_METHODS),
        ("RESERVED_PARAM_NAMES", RESERVED_PARAM_NAMES),
    ] {
        assert!(is_sorted(list), "{name} is not sorted without repeats");
    }
}

#[test]
fn reserved_type_names_are_the_runtime_reexports() {
    let lib = workspace_root().join("generated/src/lib.rs");
    let reexported = runtime_reexports(&parse(&lib));
    let (missing, extra) = drift(RESERVED_TYPE_NAMES, &reexported);
    assert!(
        missing.is_empty() && extra.is_empty(),
        "RESERVED_TYPE_NAMES (codegen/src/lower/mod.rs) must list exactly what \
         generated/src/lib.rs re-exports from the runtime; add {missing:?}, remove {extra:?}"
    );
}

#[test]
fn reserved_client_methods_are_the_methods_client_has() {
    let mut methods = BTreeSet::new();
    let generated_client = workspace_root().join("generated/src/client.rs");
    for path in runtime_files().iter().chain([&generated_client]) {
        client_methods(&parse(path).items, &mut methods);
    }
    // Names `Client` has had all along, so a walk that finds nothing can't pass.
    for name in [
        "new",
        "builder",
        "from_env",
        "builder_from_env",
        "clone",
        "fmt",
    ] {
        assert!(methods.contains(name), "found no `Client::{name}`");
    }
    let (missing, extra) = drift(RESERVED_CLIENT_METHODS, &methods);
    assert!(
        missing.is_empty() && extra.is_empty(),
        "RESERVED_CLIENT_METHODS (codegen/src/lower/mod.rs) must list exactly the functions \
         `Client` has in codegen/runtime/*.rs and generated/src/client.rs; add {missing:?}, \
         remove {extra:?}"
    );
}
