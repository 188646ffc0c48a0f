//! One module's syntax read into plain data: what it declares, re-exports and
//! implements, each item's lines with paths relative to the item. [`super::code`]
//! resolves the paths across modules; this file knows syn, that one doesn't.

use super::items::{
    constant, docs, enum_items, function, has_attr, impl_items, is_pub, matchers, struct_items,
    trait_items,
};
use super::{show, Detail, Item, Kind};

/// What one module declares, read from its syntax into plain data (which, unlike
/// syn's, can cross threads: the emitters read each file on the core that wrote it).
#[derive(Debug, Default)]
pub struct Module {
    pub(super) entries: Vec<Entry>,
}

#[derive(Debug)]
pub(super) enum Entry {
    Mod {
        name: String,
        public: bool,
    },
    Use {
        public: bool,
        /// Each path and the name it is bound to (`*` for a glob).
        paths: Vec<(Vec<String>, String)>,
    },
    Def {
        name: String,
        public: bool,
        /// A `#[macro_export]` macro, at the root wherever it is written.
        exported: bool,
        /// Its lines, with paths relative to its own (`""`, `.field`, `::Variant`).
        items: Vec<Item>,
    },
    /// An impl block or a module-level macro call about the type named `owner`.
    Impl {
        owner: String,
        items: Vec<Item>,
    },
}

/// Modules nest no deeper than this, and a `use` is followed this many times.
pub(super) const DEPTH: usize = 16;

impl Module {
    /// The module `items` form, and the inline `mod` blocks among them, each by its
    /// path relative to this module (`""` for this one); `#[cfg(test)]` ones left out.
    pub fn read(items: &[syn::Item]) -> Vec<(String, Module)> {
        let mut out = Vec::new();
        read_into(items, "", &mut out);
        out
    }
}

fn read_into(items: &[syn::Item], at: &str, out: &mut Vec<(String, Module)>) {
    let mut module = Module::default();
    for item in items {
        if let syn::Item::Mod(m) = item {
            if is_cfg_test(&m.attrs) {
                continue;
            }
            let name = unraw(&m.ident);
            if let Some((_, inner)) = &m.content {
                if depth(at) < DEPTH {
                    read_into(inner, &join(at, &name), out);
                }
            }
            module.entries.push(Entry::Mod {
                name,
                public: is_pub(&m.vis),
            });
            continue;
        }
        if let Some(entry) = entry(item) {
            module.entries.push(entry);
        }
    }
    out.push((at.to_string(), module));
}

/// What one item declares, if anything a path can reach: nothing for an item only a
/// test or doctest build has.
fn entry(item: &syn::Item) -> Option<Entry> {
    if test_only(item) {
        return None;
    }
    // Only a public definition's lines are read: a private one is only a name.
    fn def(name: String, public: bool, items: impl FnOnce() -> Vec<Item>) -> Entry {
        Entry::Def {
            name,
            public,
            exported: false,
            items: if public { items() } else { Vec::new() },
        }
    }
    Some(match item {
        syn::Item::Use(u) => Entry::Use {
            public: is_pub(&u.vis),
            paths: use_paths(&u.tree, u.leading_colon.is_some()),
        },
        syn::Item::Impl(block) => Entry::Impl {
            owner: self_name(&block.self_ty)?,
            items: impl_items(block),
        },
        syn::Item::Macro(call) if call.ident.is_none() => {
            // `crate::runtime::sid_newtype!(AccountSid, "AC", 32)`: what the runtime's
            // macro implements for the type; the macro is the runtime's API.
            let name = call.mac.path.segments.last()?.ident.to_string();
            let mut text = show::text(&call.mac.tokens);
            // What the runtime's macro implements is as stable as the runtime: a
            // breaking runtime release changes it in every crate that calls it.
            let from_runtime = call
                .mac
                .path
                .segments
                .iter()
                .any(|s| s.ident == crate::generated_crate::RUNTIME_ALIAS);
            if from_runtime {
                text.push_str(&format!(" (runtime {})", runtime_compatibility()));
            }
            Entry::Impl {
                owner: macro_owner(call)?,
                items: vec![Item::new(
                    Kind::Impl,
                    format!(": {name}!"),
                    Some((Kind::Struct, "")),
                    Detail::Text(text),
                    0,
                )],
            }
        }
        syn::Item::Macro(m) => Entry::Def {
            name: m.ident.as_ref()?.to_string(),
            public: false,
            exported: has_attr(&m.attrs, "macro_export"),
            items: vec![Item::new(
                Kind::Macro,
                String::new(),
                None,
                Detail::Text(matchers(&m.mac.tokens)),
                docs(&m.attrs),
            )],
        },
        syn::Item::Struct(s) => def(s.ident.to_string(), is_pub(&s.vis), || struct_items(s)),
        syn::Item::Enum(e) => def(e.ident.to_string(), is_pub(&e.vis), || enum_items(e)),
        syn::Item::Fn(f) => def(f.sig.ident.to_string(), is_pub(&f.vis), || {
            vec![function(String::new(), &f.sig, None, docs(&f.attrs))]
        }),
        syn::Item::Const(c) => def(c.ident.to_string(), is_pub(&c.vis), || {
            vec![constant(String::new(), &c.ty, None, docs(&c.attrs))]
        }),
        syn::Item::Static(s) => def(s.ident.to_string(), is_pub(&s.vis), || {
            vec![constant(String::new(), &s.ty, None, docs(&s.attrs))]
        }),
        syn::Item::Type(t) => def(t.ident.to_string(), is_pub(&t.vis), || {
            vec![Item::new(
                Kind::Type,
                String::new(),
                None,
                Detail::Text(format!(
                    "{} = {}",
                    show::generics(&t.generics),
                    show::ty(&t.ty)
                )),
                docs(&t.attrs),
            )]
        }),
        syn::Item::Trait(t) => def(t.ident.to_string(), is_pub(&t.vis), || trait_items(t)),
        _ => return None,
    })
}

/// The runtime's version as far as Cargo's caret requirement reaches (`0.4`, `1`):
/// what a crate that calls its macros depends on.
fn runtime_compatibility() -> String {
    let version = crate::generated_crate::runtime_version();
    crate::version::Version::parse(version).map_or_else(|| version.to_string(), |v| v.caret())
}

/// Every path a use tree names, with the name it is exported as (`*` for a glob). A
/// path written with a leading `::` names another crate: its first segment is
/// `::name`, so it never resolves to a module of this one.
fn use_paths(tree: &syn::UseTree, leading_colon: bool) -> Vec<(Vec<String>, String)> {
    fn walk(tree: &syn::UseTree, at: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
        match tree {
            syn::UseTree::Path(p) => {
                at.push(unraw(&p.ident));
                walk(&p.tree, at, out);
                at.pop();
            }
            syn::UseTree::Name(n) => {
                let mut path = at.clone();
                path.push(unraw(&n.ident));
                out.push((path, unraw(&n.ident)));
            }
            syn::UseTree::Rename(r) => {
                let mut path = at.clone();
                path.push(unraw(&r.ident));
                out.push((path, unraw(&r.rename)));
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| walk(t, at, out)),
            syn::UseTree::Glob(_) => out.push((at.clone(), "*".into())),
        }
    }
    let mut out = Vec::new();
    walk(tree, &mut Vec::new(), &mut out);
    if leading_colon {
        for (path, _) in &mut out {
            if let Some(first) = path.first_mut() {
                first.insert_str(0, "::");
            }
        }
    }
    out
}

/// The last segment of an impl's self type (`crate::Client` is `Client`).
fn self_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            p.path.segments.last().map(|s| s.ident.to_string())
        }
        _ => None,
    }
}

/// The type a module-level macro call is about: its first identifier.
fn macro_owner(call: &syn::ItemMacro) -> Option<String> {
    match call.mac.tokens.clone().into_iter().next()? {
        proc_macro2::TokenTree::Ident(id) => Some(id.to_string()),
        _ => None,
    }
}

/// `#[cfg(test)]` or `#[cfg(doctest)]`: not part of what a consumer builds.
fn test_only(item: &syn::Item) -> bool {
    let attrs: &[syn::Attribute] = match item {
        syn::Item::Struct(s) => &s.attrs,
        syn::Item::Enum(e) => &e.attrs,
        syn::Item::Fn(f) => &f.attrs,
        syn::Item::Const(c) => &c.attrs,
        syn::Item::Mod(m) => &m.attrs,
        syn::Item::Use(u) => &u.attrs,
        syn::Item::Impl(i) => &i.attrs,
        _ => return false,
    };
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Path>()
                .is_ok_and(|p| p.is_ident("test") || p.is_ident("doctest"))
    })
}

pub(super) fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Path>()
                .is_ok_and(|p| p.is_ident("test"))
    })
}

pub(super) fn unraw(ident: &syn::Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
}

/// `prefix::name`, or either alone when the other is empty.
pub(super) fn join(prefix: &str, name: &str) -> String {
    if name.is_empty() {
        prefix.to_string()
    } else if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}::{name}")
    }
}

/// How many `::` a path has.
pub(super) fn depth(path: &str) -> usize {
    path.matches("::").count()
}
