//! A crate's public items, read from its source with syn: the one way both the
//! runtime's API and a generated crate's are listed, so nothing public can be left
//! out of the surface by a hand-kept list.
//!
//! An item is public when a path from the crate root reaches it through `pub mod`
//! and `pub use`; it is listed once, at its shortest path, and every other path that
//! reaches it is a [`Kind::Use`] line of its own (removing one breaks whoever wrote
//! it). Inherent `pub` methods and constants are listed under their type, trait
//! impls and derives as [`Kind::Impl`] lines, a `macro_rules!` marked
//! `#[macro_export]` at the root. What syn can't see (wire names, routes, bounds) is
//! the side table's, [`super::facts`].

pub use super::syntax::Module;
use super::syntax::{depth, is_cfg_test, join, unraw, Entry, DEPTH};
use super::{Detail, Item, Kind};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A crate's modules by path (`""` for the root, `resources::invite`).
#[derive(Default)]
pub struct Source {
    modules: BTreeMap<String, Module>,
}

impl Source {
    /// From the modules of each file, by the file's path under the crate
    /// (`src/lib.rs`, `src/resources/mod.rs`).
    pub fn from_modules(
        files: impl IntoIterator<Item = (String, Vec<(String, Module)>)>,
    ) -> Source {
        let mut source = Source::default();
        for (path, modules) in files {
            let Some(rel) = path
                .strip_prefix("src/")
                .and_then(|p| p.strip_suffix(".rs"))
            else {
                continue;
            };
            let rel = rel.strip_suffix("/mod").unwrap_or(rel);
            let base = match rel {
                "lib" | "main" => String::new(),
                other => other.replace('/', "::"),
            };
            for (inner, module) in modules {
                let name = if inner.is_empty() {
                    base.clone()
                } else {
                    join(&base, &inner)
                };
                source.modules.insert(name, module);
            }
        }
        source
    }

    /// The crate whose `src/lib.rs` is under `dir`, following its `mod` declarations.
    pub fn read_dir(dir: &Path) -> Result<Source, String> {
        let mut source = Source::default();
        let mut pending = vec![(dir.join("src/lib.rs"), String::new())];
        while let Some((path, module)) = pending.pop() {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let file = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            // `lib.rs` and `mod.rs` hold their children beside them; `x.rs` in `x/`.
            let folder = match path.file_stem().and_then(|s| s.to_str()) {
                Some("lib" | "mod") => path.parent().map(Path::to_path_buf).unwrap_or_default(),
                _ => path.with_extension(""),
            };
            for item in &file.items {
                if let syn::Item::Mod(m) = item {
                    if m.content.is_none() && !is_cfg_test(&m.attrs) && depth(&module) < DEPTH {
                        let name = unraw(&m.ident);
                        let flat = folder.join(format!("{name}.rs"));
                        let nested = folder.join(&name).join("mod.rs");
                        let file = if flat.exists() { flat } else { nested };
                        pending.push((file, join(&module, &name)));
                    }
                }
            }
            for (inner, read) in Module::read(&file.items) {
                source.modules.insert(join(&module, &inner), read);
            }
        }
        Ok(source)
    }

    /// Every public item, at its shortest path, with the other paths as `Use` lines.
    /// The items are moved out of the modules they were read into, not copied.
    pub fn items(self) -> Vec<Item> {
        let (plan, mut out) = self.plan();
        let mut modules: Vec<Module> = self.modules.into_values().collect();
        for (def, path, impls) in plan {
            let own = take_items(&mut modules, def);
            let Some(kind) = own.first().map(|item| item.kind) else {
                continue;
            };
            out.extend(own.into_iter().map(|item| placed(item, &path, kind)));
            for block in impls {
                let items = take_items(&mut modules, block);
                out.extend(items.into_iter().map(|item| placed(item, &path, kind)));
            }
        }
        out
    }

    /// Where each public definition goes (its shortest path, and the impl blocks of
    /// its type), and the `use` lines of every other path.
    fn plan(&self) -> (Vec<Placement>, Vec<Item>) {
        let index = Index::new(self);
        let exports = index.public_paths();
        let mut canonical: HashMap<Def, String> = HashMap::new();
        for (path, target) in &exports {
            if let Target::Def(def) = target {
                let best = canonical.entry(*def).or_insert_with(|| path.clone());
                if shorter(path, best) {
                    *best = path.clone();
                }
            }
        }
        let mut out = Vec::new();
        for (path, target) in &exports {
            let to = match target {
                Target::Def(def) if canonical[def] == *path => continue,
                Target::Def(def) => canonical[def].clone(),
                Target::External(to) => to.clone(),
                Target::Module(_) => continue,
            };
            out.push(Item::new(Kind::Use, path.clone(), None, Detail::Use(to), 0));
        }
        let plan = canonical
            .into_iter()
            .map(|(def, path)| {
                let impls = index.impls_of(def);
                (def, path, impls)
            })
            .collect();
        (plan, out)
    }
}

/// The lines an entry holds, moved out (an impl block is placed under one type).
fn take_items(modules: &mut [Module], at: Def) -> Vec<Item> {
    match &mut modules[at.module].entries[at.entry] {
        Entry::Def { items, .. } | Entry::Impl { items, .. } => std::mem::take(items),
        _ => Vec::new(),
    }
}

/// A definition, the path it is listed at, and the impl blocks of its type.
type Placement = (Def, String, Vec<Def>);

/// A definition: its module and its place among that module's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Def {
    module: usize,
    entry: usize,
}

/// What a name in a module stands for.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Def(Def),
    Module(String),
    /// Another crate's item (`twilio_codegen_runtime::Auth`, `fstr::FStr`).
    External(String),
}

/// The source's modules in order, and every impl by the name of its type.
struct Index<'a> {
    names: Vec<&'a str>,
    modules: Vec<&'a Module>,
    by_name: HashMap<&'a str, usize>,
    impls: HashMap<&'a str, Vec<Def>>,
    /// Each module's names, and what each is bound to (the first binding).
    bindings: Vec<HashMap<&'a str, Binding<'a>>>,
}

/// What a name is bound to in a module.
#[derive(Clone, Copy)]
enum Binding<'a> {
    Mod,
    Use(&'a [String]),
    Def(Def),
}

impl<'a> Index<'a> {
    fn new(source: &'a Source) -> Index<'a> {
        let mut index = Index {
            names: Vec::new(),
            modules: Vec::new(),
            by_name: HashMap::new(),
            impls: HashMap::new(),
            bindings: Vec::new(),
        };
        for (name, module) in &source.modules {
            let m = index.names.len();
            index.by_name.insert(name, m);
            index.names.push(name);
            index.modules.push(module);
            let mut bindings = HashMap::new();
            for (i, entry) in module.entries.iter().enumerate() {
                match entry {
                    Entry::Impl { owner, .. } => {
                        let at = Def {
                            module: m,
                            entry: i,
                        };
                        index.impls.entry(owner).or_default().push(at);
                    }
                    Entry::Mod { name, .. } => {
                        bindings.entry(name.as_str()).or_insert(Binding::Mod);
                    }
                    Entry::Use { paths, .. } => {
                        for (path, alias) in paths {
                            bindings.entry(alias.as_str()).or_insert(Binding::Use(path));
                        }
                    }
                    Entry::Def { name, .. } => {
                        let def = Def {
                            module: m,
                            entry: i,
                        };
                        bindings.entry(name.as_str()).or_insert(Binding::Def(def));
                    }
                }
            }
            index.bindings.push(bindings);
        }
        // A `#[macro_export]` macro is at the root, wherever it is written.
        let exported: Vec<(&str, Def)> = index.exported_macros().collect();
        if let Some(&root) = index.by_name.get("") {
            for (name, def) in exported {
                index.bindings[root]
                    .entry(name)
                    .or_insert(Binding::Def(def));
            }
        }
        index
    }

    /// The definition or module `name` names in module `m`, looking through `use`.
    fn lookup(&self, m: usize, name: &str, hops: usize) -> Option<Target> {
        if hops > DEPTH {
            return None;
        }
        match self.bindings[m].get(name)? {
            Binding::Mod => Some(Target::Module(join(self.names[m], name))),
            Binding::Use(path) => self.resolve(m, path, hops + 1),
            Binding::Def(def) => Some(Target::Def(*def)),
        }
    }

    fn exported_macros(&self) -> impl Iterator<Item = (&'a str, Def)> + '_ {
        self.modules.iter().enumerate().flat_map(|(m, &module)| {
            module
                .entries
                .iter()
                .enumerate()
                .filter_map(move |(i, entry)| match entry {
                    Entry::Def {
                        name,
                        exported: true,
                        ..
                    } => Some((
                        name.as_str(),
                        Def {
                            module: m,
                            entry: i,
                        },
                    )),
                    _ => None,
                })
        })
    }

    /// What a `use` path written in module `m` names.
    fn resolve(&self, m: usize, path: &[String], hops: usize) -> Option<Target> {
        let root = *self.by_name.get("")?;
        let (mut at, rest) = match path.first().map(String::as_str) {
            Some("crate" | "$crate") => (root, &path[1..]),
            Some("self") => (m, &path[1..]),
            Some("super") => (*self.by_name.get(parent(self.names[m]))?, &path[1..]),
            // `::time`: another crate's, whatever this one names `time`.
            Some(first) if first.starts_with("::") => {
                let joined = path.join("::");
                return Some(Target::External(
                    joined.trim_start_matches("::").to_string(),
                ));
            }
            Some(first) => match self.lookup(m, first, hops) {
                Some(Target::Module(_)) => (m, path),
                found if path.len() == 1 => return found,
                _ => return Some(Target::External(path.join("::"))),
            },
            None => return None,
        };
        let Some((last, between)) = rest.split_last() else {
            return Some(Target::Module(self.names[at].to_string()));
        };
        for segment in between {
            match self.lookup(at, segment, hops)? {
                Target::Module(name) => at = *self.by_name.get(name.as_str())?,
                Target::External(to) => {
                    return Some(Target::External(format!("{to}::{}", rest.join("::"))))
                }
                Target::Def(_) => return None,
            }
        }
        self.lookup(at, last, hops)
    }

    /// Every public path from the root, and what it names.
    fn public_paths(&self) -> BTreeMap<String, Target> {
        let mut out = BTreeMap::new();
        let Some(&root) = self.by_name.get("") else {
            return out;
        };
        let mut pending = vec![(String::new(), root)];
        let mut seen = BTreeSet::new();
        while let Some((prefix, m)) = pending.pop() {
            if depth(&prefix) > DEPTH || !seen.insert((prefix.clone(), m)) {
                continue;
            }
            for (i, entry) in self.modules[m].entries.iter().enumerate() {
                match entry {
                    Entry::Mod { name, public: true } => {
                        let child = join(self.names[m], name);
                        if let Some(&c) = self.by_name.get(child.as_str()) {
                            pending.push((join(&prefix, name), c));
                        }
                    }
                    Entry::Use {
                        public: true,
                        paths,
                    } => {
                        for (path, alias) in paths {
                            match self.resolve(m, path, 0) {
                                Some(Target::Module(name)) => {
                                    if let Some(&c) = self.by_name.get(name.as_str()) {
                                        // A glob re-exports the module's items in place.
                                        let at = match alias.as_str() {
                                            "*" => prefix.clone(),
                                            _ => join(&prefix, alias),
                                        };
                                        pending.push((at, c));
                                    }
                                }
                                Some(target) => {
                                    out.insert(join(&prefix, alias), target);
                                }
                                None => {
                                    let to = Target::External(path.join("::"));
                                    out.insert(join(&prefix, alias), to);
                                }
                            }
                        }
                    }
                    Entry::Def {
                        name, public: true, ..
                    } => {
                        let def = Target::Def(Def {
                            module: m,
                            entry: i,
                        });
                        out.insert(join(&prefix, name), def);
                    }
                    _ => {}
                }
            }
        }
        for (name, def) in self.exported_macros() {
            out.insert(name.to_string(), Target::Def(def));
        }
        out
    }

    /// The impl blocks and macro calls of the type `def` defines, if it defines one.
    fn impls_of(&self, def: Def) -> Vec<Def> {
        match &self.modules[def.module].entries[def.entry] {
            Entry::Def { name, items, .. }
                if items
                    .first()
                    .is_some_and(|i| matches!(i.kind, Kind::Struct | Kind::Enum)) =>
            {
                // An impl in a module that defines a type of that name is that type's;
                // one elsewhere (`impl From<A> for B` beside `A`) is the one type's of
                // that name, which a crate with two (`voice::Redirect` and
                // `messaging::Redirect`) must not have.
                let blocks = self
                    .impls
                    .get(name.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                blocks
                    .iter()
                    .filter(
                        |block| match self.bindings[block.module].get(name.as_str()) {
                            Some(Binding::Def(owner)) => *owner == def,
                            _ => true,
                        },
                    )
                    .copied()
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

/// A line read with a path relative to its definition, placed at `path`.
fn placed(mut item: Item, path: &str, owner_kind: Kind) -> Item {
    item.path = format!("{path}{}", item.path);
    if let Some((kind, parent)) = &mut item.parent {
        // Macro calls and impls don't know whether their type is a struct or an enum.
        if parent.is_empty() {
            *kind = owner_kind;
        }
        *parent = format!("{path}{parent}");
    }
    item
}

fn parent(module: &str) -> &str {
    module.rsplit_once("::").map_or("", |(p, _)| p)
}

/// Fewer segments first, then the one that sorts first.
fn shorter(a: &str, b: &str) -> bool {
    (depth(a), a) < (depth(b), b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(code: &str) -> Vec<(String, Module)> {
        let file: syn::File = syn::parse_str(code).expect("Rust");
        Module::read(&file.items)
    }

    /// Two types of one name in two modules each keep their own impl blocks, and an
    /// impl beside another type (`impl From<A> for B`) still reaches its type.
    #[test]
    fn impls_go_to_the_type_of_their_module() {
        let source = Source::from_modules([
            ("src/lib.rs".into(), module("pub mod voice; pub mod messaging; pub struct B;")),
            ("src/voice.rs".into(), module("pub struct Redirect; impl Redirect { pub fn a(self) {} }")),
            (
                "src/messaging.rs".into(),
                module("pub struct Redirect; impl Redirect { pub fn b(self) {} } pub struct A; impl From<A> for crate::B { fn from(_: A) -> crate::B { crate::B } }"),
            ),
        ]);
        let mut paths: Vec<String> = source.items().into_iter().map(|i| i.path).collect();
        paths.sort();
        paths.dedup();
        let methods: Vec<&str> = paths
            .iter()
            .map(String::as_str)
            .filter(|p| p.contains("Redirect::"))
            .collect();
        assert_eq!(
            methods,
            ["messaging::Redirect::b", "voice::Redirect::a"],
            "{paths:?}"
        );
    }

    /// A hand-written `impl<'de> Deserialize<'de>` (a generated record's) is listed as
    /// the `#[derive(Deserialize)]` it replaces, so switching is no API change; an impl
    /// with a type parameter keeps its generics.
    #[test]
    fn a_lifetime_only_impl_reads_as_its_derive() {
        let items = |code: &str| -> Vec<(String, String)> {
            let source = Source::from_modules([("src/lib.rs".into(), module(code))]);
            let mut items: Vec<(String, String)> = source
                .items()
                .into_iter()
                .filter(|i| i.kind == Kind::Impl)
                .map(|i| (i.path, format!("{:?}", i.detail)))
                .collect();
            items.sort();
            items
        };
        let derived = items("#[derive(serde::Deserialize)] pub struct A;");
        let by_hand = items(
            "pub struct A; impl<'de> serde::Deserialize<'de> for A { \
             fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> { todo!() } }",
        );
        assert_eq!(by_hand, derived);
        let generic = items("pub struct A; impl<T> From<T> for A { fn from(_: T) -> A { A } }");
        assert!(generic[0].1.contains('T'), "{generic:?}");
    }
}
