//! The runtime crate's own public API, versioned like the generated crates': every
//! item it exports (to consumers, and in `__private` to generated code, which older
//! generated crates keep calling), one line each, read from its source with syn and
//! judged against the list recorded in `codegen/runtime/released-api.txt` when its
//! version was last set. A line that is gone or changed breaks someone; a new line
//! is compatible.

use codegen::api_diff::{Verdict, Version};
use codegen::fresh::{ensure_file_contents, Mode};
use quote::ToTokens;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The record, beside the runtime's manifest.
pub const RECORD: &str = "released-api.txt";

/// The runtime's public items, as lines, and its version.
#[derive(Debug, Clone, PartialEq)]
pub struct RuntimeApi {
    pub version: String,
    pub lines: BTreeSet<String>,
}

impl RuntimeApi {
    /// Reads the runtime crate at `dir` (`codegen/runtime`).
    pub fn read(dir: &Path) -> Result<RuntimeApi, String> {
        let manifest = read(&dir.join("Cargo.toml"))?;
        let version = manifest
            .lines()
            .find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"'))
            .ok_or("codegen/runtime/Cargo.toml has no version")?
            .to_string();
        let src = dir.join("src");
        let mut modules = BTreeMap::new();
        for entry in std::fs::read_dir(&src).map_err(|e| format!("{}: {e}", src.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "rs") {
                let name = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                modules.insert(name, parse(&path)?);
            }
        }
        let mut lines = BTreeSet::new();
        let lib = modules.get("lib").ok_or("no src/lib.rs")?;
        exports(&modules, &lib.items, "", &mut lines);
        let private = modules.get("__private").ok_or("no src/__private.rs")?;
        exports(&modules, &private.items, "__private::", &mut lines);
        Ok(RuntimeApi { version, lines })
    }

    /// The record's text: a header, then the lines.
    pub fn render(&self) -> String {
        let mut out = format!(
            "# The public API of twilio-codegen-runtime {} (xtask/src/runtime_api.rs): what it\n\
             # exports, `__private` included; written by `cargo xtask gen` when the version changes.\n",
            self.version
        );
        for line in &self.lines {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// A record read back.
    pub fn parse_record(text: &str) -> Result<RuntimeApi, String> {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let version = first
            .strip_prefix("# The public API of twilio-codegen-runtime ")
            .and_then(|rest| rest.split(' ').next())
            .ok_or("the record's first line names no version")?
            .to_string();
        Ok(RuntimeApi {
            version,
            lines: lines
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    }
}

/// Where the runtime's API stands against its record.
#[derive(Debug)]
pub struct Standing {
    pub removed: Vec<String>,
    pub added: Vec<String>,
    pub recorded_version: Option<String>,
    pub version: String,
    /// The record is stale (check mode) or was rewritten (write mode).
    pub record_changed: bool,
    /// The changes need a version the crate doesn't have: this says which.
    pub unfit: Option<String>,
}

impl Standing {
    /// The report, one change a line, and the verdict.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.removed {
            out.push_str(&format!("  breaking    removed or changed  {line}\n"));
        }
        for line in &self.added {
            out.push_str(&format!("  compatible  new                 {line}\n"));
        }
        match &self.unfit {
            Some(why) => out.push_str(&format!("version: {why}\n")),
            None => out.push_str(&format!(
                "version: {} covers the changes since {}\n",
                self.version,
                self.recorded_version
                    .as_deref()
                    .unwrap_or("the first record")
            )),
        }
        out
    }
}

/// Judges the runtime at `root/codegen/runtime` against its record, and keeps the
/// record: rewritten when the version moved on far enough (or there is none yet).
pub fn keep(root: &Path, mode: Mode) -> Result<Standing, String> {
    let dir = root.join(codegen::RUNTIME_DIR);
    let now = RuntimeApi::read(&dir)?;
    let path: PathBuf = dir.join(RECORD);
    let recorded = match std::fs::read_to_string(&path) {
        Ok(text) => Some(RuntimeApi::parse_record(&text)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let (mut removed, mut added): (Vec<String>, Vec<String>) = match &recorded {
        Some(old) => (
            old.lines.difference(&now.lines).cloned().collect(),
            now.lines.difference(&old.lines).cloned().collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    // A new field of a struct, or variant of an enum, that callers may build or match
    // exhaustively breaks them, though it is a new line.
    if let Some(old) = &recorded {
        let exhaustive = |line: &str| {
            let owner = line
                .strip_prefix("field ")
                .and_then(|rest| rest.split_once('.'))
                .map(|(owner, _)| format!("struct {owner}"))
                .or_else(|| {
                    let rest = line.strip_prefix("variant ")?;
                    let (owner, _) = rest.rsplit_once("::")?;
                    Some(format!("enum {owner}"))
                });
            owner.is_some_and(|owner| old.lines.contains(&owner))
        };
        let (breaking, compatible): (Vec<String>, Vec<String>) =
            added.into_iter().partition(|line| exhaustive(line));
        removed.extend(
            breaking
                .into_iter()
                .map(|line| format!("{line} (new in an exhaustive type)")),
        );
        added = compatible;
    }
    let verdict = if !removed.is_empty() {
        Some(Verdict::Breaking)
    } else if !added.is_empty() {
        Some(Verdict::Compatible)
    } else {
        None
    };
    let unfit = match &recorded {
        None => None,
        Some(old) => judge(&old.version, &now.version, verdict),
    };
    let release = match &recorded {
        None => true,
        Some(old) => old.version != now.version && unfit.is_none(),
    };
    let record_changed =
        release && !ensure_file_contents(&path, &now.render(), mode).map_err(|e| e.to_string())?;
    Ok(Standing {
        removed,
        added,
        recorded_version: recorded.map(|r| r.version),
        version: now.version,
        record_changed,
        unfit,
    })
}

/// Why `now` can't hold changes of `verdict` since `old`, if it can't.
fn judge(old: &str, now: &str, verdict: Option<Verdict>) -> Option<String> {
    let (Some(old_v), Some(now_v)) = (Version::parse(old), Version::parse(now)) else {
        return Some(format!("`{old}` or `{now}` is not MAJOR.MINOR.PATCH"));
    };
    if old_v == now_v {
        return (verdict == Some(Verdict::Breaking)).then(|| {
            format!(
                "breaking changes since {old} need version {} in codegen/runtime/Cargo.toml, \
                 but it is {now}",
                old_v.bump(Verdict::Breaking)
            )
        });
    }
    let needed = verdict.map(|v| old_v.bump(v));
    match needed {
        _ if now_v < old_v => Some(format!("version {now} is before the recorded {old}")),
        Some(needed) if now_v < needed => Some(format!(
            "changes since {old} need at least {needed}, but the version is {now}"
        )),
        _ => None,
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn parse(path: &Path) -> Result<syn::File, String> {
    syn::parse_file(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Tokens as one line of text, spaced as a person writes Rust (`Option<&'static str>`).
fn text(tokens: &impl ToTokens) -> String {
    let mut text = tokens.to_token_stream().to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" ::", "::"),
        ("< ", "<"),
        (" <", "<"),
        (" >", ">"),
        (" ,", ","),
        (",)", ")"),
        ("& ", "&"),
        ("( ", "("),
        (" )", ")"),
        (" (", "("),
        ("' ", "'"),
        (" :", ":"),
        ("# [", "#["),
        (" !", "!"),
    ] {
        text = text.replace(from, to);
    }
    text.replace("->", " -> ").replace("  ", " ")
}

/// A function's signature with its owner: `fn Auth::from_env() -> Result<Self, Error>`.
fn signature(owner: &str, sig: &syn::Signature) -> String {
    let name = sig.ident.to_string();
    text(sig).replacen(&format!("fn {name}"), &format!("fn {owner}{name}"), 1)
}

/// The lines of every item `items` export with `pub use`, define in place (`pub fn`,
/// `pub const`, `pub type`) or hold in a `pub mod` block, under `prefix`.
fn exports(
    modules: &BTreeMap<String, syn::File>,
    items: &[syn::Item],
    prefix: &str,
    out: &mut BTreeSet<String>,
) {
    for item in items {
        match item {
            syn::Item::Use(u) if is_pub(&u.vis) => {
                let mut paths = Vec::new();
                flatten(&u.tree, &mut Vec::new(), &mut paths);
                for (path, exported) in paths {
                    export(modules, &path, &format!("{prefix}{exported}"), out);
                }
            }
            syn::Item::Mod(m) if is_pub(&m.vis) => {
                if let Some((_, items)) = &m.content {
                    exports(modules, items, &format!("{prefix}{}::", m.ident), out);
                }
            }
            // Defined in place (`__private::json_text`), not re-exported.
            syn::Item::Fn(f) if is_pub(&f.vis) => {
                out.insert(signature(prefix, &f.sig));
            }
            syn::Item::Const(c) if is_pub(&c.vis) => {
                out.insert(format!("const {prefix}{}: {}", c.ident, text(&c.ty)));
            }
            syn::Item::Type(t) if is_pub(&t.vis) => {
                out.insert(format!("type {prefix}{} = {}", t.ident, text(&t.ty)));
            }
            _ => {}
        }
    }
}

/// Every path a use tree names, with the name it is exported as.
fn flatten(tree: &syn::UseTree, at: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    match tree {
        syn::UseTree::Path(p) => {
            at.push(p.ident.to_string());
            flatten(&p.tree, at, out);
            at.pop();
        }
        syn::UseTree::Name(n) => {
            let mut path = at.clone();
            path.push(n.ident.to_string());
            out.push((path, n.ident.to_string()));
        }
        syn::UseTree::Rename(r) => {
            let mut path = at.clone();
            path.push(r.ident.to_string());
            out.push((path, r.rename.to_string()));
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| flatten(t, at, out)),
        syn::UseTree::Glob(_) => out.push((at.clone(), "*".into())),
    }
}

/// The lines of one exported item: `path` is where it is defined (`crate::auth::Auth`,
/// `auth::Auth`, or another crate's), `name` what it is exported as.
fn export(
    modules: &BTreeMap<String, syn::File>,
    path: &[String],
    name: &str,
    out: &mut BTreeSet<String>,
) {
    let path: Vec<&str> = path
        .iter()
        .map(String::as_str)
        .skip_while(|s| *s == "crate")
        .collect();
    let (module, item) = match path.as_slice() {
        // `crate::__sid_newtype`: a macro exported at the root.
        [item] => ("lib", *item),
        [module, item] if modules.contains_key(*module) => (*module, *item),
        _ => {
            out.insert(format!("reexport {name} = {}", path.join("::")));
            return;
        }
    };
    let macro_home = (module == "lib")
        .then(|| find_macro(modules, item))
        .flatten();
    let Some(file) = macro_home.or_else(|| modules.get(module)) else {
        out.insert(format!("reexport {name} = {}", path.join("::")));
        return;
    };
    let mut found = false;
    for it in &file.items {
        match it {
            syn::Item::Struct(s) if s.ident == item => {
                found = true;
                out.insert(format!(
                    "struct {name}{}{}",
                    text(&s.generics),
                    attrs(&s.attrs)
                ));
                for f in s.fields.iter().filter(|f| is_pub(&f.vis)) {
                    let field = f.ident.as_ref().map_or("0".into(), |i| i.to_string());
                    out.insert(format!("field {name}.{field}: {}", text(&f.ty)));
                }
                derives(&s.attrs, name, out);
            }
            syn::Item::Enum(e) if e.ident == item => {
                found = true;
                out.insert(format!(
                    "enum {name}{}{}",
                    text(&e.generics),
                    attrs(&e.attrs)
                ));
                for v in &e.variants {
                    out.insert(format!("variant {name}::{} {}", v.ident, text(&v.fields)));
                }
                derives(&e.attrs, name, out);
            }
            syn::Item::Fn(f) if f.sig.ident == item => {
                found = true;
                out.insert(signature(
                    &name.replace(&f.sig.ident.to_string(), ""),
                    &f.sig,
                ));
            }
            syn::Item::Trait(t) if t.ident == item => {
                found = true;
                out.insert(format!(
                    "trait {name}{}: {}",
                    text(&t.generics),
                    text(&t.supertraits)
                ));
                for i in &t.items {
                    out.insert(format!("trait item {name}: {}", text(i)));
                }
            }
            syn::Item::Type(t) if t.ident == item => {
                found = true;
                out.insert(format!("type {name} = {}", text(&t.ty)));
            }
            syn::Item::Const(c) if c.ident == item => {
                found = true;
                out.insert(format!("const {name}: {}", text(&c.ty)));
            }
            syn::Item::Macro(m) if m.ident.as_ref().is_some_and(|i| i == item) => {
                found = true;
                out.insert(format!("macro {name}! {}", matchers(&m.mac.tokens)));
            }
            _ => {}
        }
    }
    if !found {
        out.insert(format!("reexport {name} = {}", path.join("::")));
        return;
    }
    impls(modules, item, name, out);
}

/// The module that defines the exported macro `name`.
fn find_macro<'a>(modules: &'a BTreeMap<String, syn::File>, name: &str) -> Option<&'a syn::File> {
    modules.values().find(|file| {
        file.items.iter().any(
            |it| matches!(it, syn::Item::Macro(m) if m.ident.as_ref().is_some_and(|i| i == name)),
        )
    })
}

/// A macro's arms: the matcher of each, which is what callers depend on.
fn matchers(tokens: &proc_macro2::TokenStream) -> String {
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

/// `(non_exhaustive)` when an item has it; what consumers may write depends on it.
fn attrs(attrs: &[syn::Attribute]) -> &'static str {
    if attrs.iter().any(|a| a.path().is_ident("non_exhaustive")) {
        " (non_exhaustive)"
    } else {
        ""
    }
}

/// The traits a `#[derive]` implements, as impl lines.
fn derives(attrs: &[syn::Attribute], name: &str, out: &mut BTreeSet<String>) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            let derived = meta.path.segments.last().map(|s| s.ident.to_string());
            out.insert(format!("impl {} for {name}", derived.unwrap_or_default()));
            Ok(())
        });
    }
}

/// Every impl block in the crate for the type `item`: its trait, or its public
/// associated functions and constants.
fn impls(
    modules: &BTreeMap<String, syn::File>,
    item: &str,
    name: &str,
    out: &mut BTreeSet<String>,
) {
    fn walk(items: &[syn::Item], item: &str, name: &str, out: &mut BTreeSet<String>) {
        for it in items {
            match it {
                syn::Item::Impl(block) if self_is(&block.self_ty, item) => match &block.trait_ {
                    Some((path, _)) => {
                        out.insert(format!(
                            "impl {}{} for {name}",
                            text(&block.generics),
                            text(path)
                        ));
                    }
                    None => {
                        for i in &block.items {
                            match i {
                                syn::ImplItem::Fn(f) if is_pub(&f.vis) => {
                                    out.insert(signature(&format!("{name}::"), &f.sig));
                                }
                                syn::ImplItem::Const(c) if is_pub(&c.vis) => {
                                    out.insert(format!(
                                        "const {name}::{}: {}",
                                        c.ident,
                                        text(&c.ty)
                                    ));
                                }
                                _ => {}
                            }
                        }
                    }
                },
                syn::Item::Mod(m) if !is_cfg_test(&m.attrs) => {
                    if let Some((_, items)) = &m.content {
                        walk(items, item, name, out);
                    }
                }
                _ => {}
            }
        }
    }
    for (module, file) in modules {
        if module != "tests" {
            walk(&file.items, item, name, out);
        }
    }
}

fn self_is(ty: &syn::Type, item: &str) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| s.ident == item))
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Path>()
                .is_ok_and(|p| p.is_ident("test"))
    })
}
