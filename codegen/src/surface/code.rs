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
    pub fn items(&self) -> Vec<Item> {
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
        for (def, path) in &canonical {
            index.def_items(*def, path, &mut out);
        }
        out
    }
}

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
    impls: HashMap<&'a str, Vec<&'a [Item]>>,
}

impl<'a> Index<'a> {
    fn new(source: &'a Source) -> Index<'a> {
        let mut index = Index {
            names: Vec::new(),
            modules: Vec::new(),
            by_name: HashMap::new(),
            impls: HashMap::new(),
        };
        for (name, module) in &source.modules {
            index.by_name.insert(name, index.names.len());
            index.names.push(name);
            index.modules.push(module);
            for entry in &module.entries {
                if let Entry::Impl { owner, items } = entry {
                    index.impls.entry(owner).or_default().push(items);
                }
            }
        }
        index
    }

    /// The definition or module `name` names in module `m`, looking through `use`.
    fn lookup(&self, m: usize, name: &str, hops: usize) -> Option<Target> {
        if hops > DEPTH {
            return None;
        }
        for (i, entry) in self.modules[m].entries.iter().enumerate() {
            match entry {
                Entry::Mod { name: n, .. } if n == name => {
                    return Some(Target::Module(join(self.names[m], name)));
                }
                Entry::Use { paths, .. } => {
                    if let Some((path, _)) = paths.iter().find(|(_, alias)| alias == name) {
                        return self.resolve(m, path, hops + 1);
                    }
                }
                Entry::Def { name: n, .. } if n == name => {
                    return Some(Target::Def(Def {
                        module: m,
                        entry: i,
                    }));
                }
                _ => {}
            }
        }
        // A `#[macro_export]` macro is at the root, wherever it is written.
        if self.names[m].is_empty() {
            return self
                .exported_macros()
                .find(|(n, _)| *n == name)
                .map(|(_, d)| Target::Def(d));
        }
        None
    }

    fn exported_macros(&self) -> impl Iterator<Item = (&str, Def)> + '_ {
        self.modules.iter().enumerate().flat_map(|(m, module)| {
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
            Some(first) => match self.lookup(m, first, hops) {
                Some(Target::Module(_)) => (m, path),
                _ if path.len() == 1 => return self.lookup(m, first, hops),
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

    /// The lines of one definition at `path`, with its impls' lines.
    fn def_items(&self, def: Def, path: &str, out: &mut Vec<Item>) {
        let Entry::Def { name, items, .. } = &self.modules[def.module].entries[def.entry] else {
            return;
        };
        let Some(own) = items.first() else {
            return;
        };
        let owner_kind = own.kind;
        out.extend(items.iter().map(|item| placed(item, path, owner_kind)));
        if matches!(owner_kind, Kind::Struct | Kind::Enum) {
            for block in self.impls.get(name.as_str()).into_iter().flatten() {
                out.extend(block.iter().map(|item| placed(item, path, owner_kind)));
            }
        }
    }
}

/// A line read with a path relative to its definition, placed at `path`.
fn placed(item: &Item, path: &str, owner_kind: Kind) -> Item {
    let mut item = item.clone();
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
