//! The module drawing reads top to bottom: within the generator, the runtime and
//! xtask, no two modules use each other, directly or round a loop. A module may use
//! what its ancestors define (`super::Ctx`); a macro's `$crate::` paths are its
//! caller's, not a dependency of the module that defines it.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tests::workspace_root;

/// Each module of the crate under `src` (`lower::params`; the root is ``), with the
/// modules it uses.
fn dependencies(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![src.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            let rel = path.strip_prefix(src).expect("under src");
            if path.is_dir() && rel != Path::new("tests") {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
                let rel = rel.with_extension("");
                let mut parts: Vec<String> =
                    rel.iter().map(|p| p.to_string_lossy().into()).collect();
                if matches!(
                    parts.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    parts.pop();
                }
                let text = std::fs::read_to_string(&path).expect("a source file");
                files.insert(parts.join("::"), text);
            }
        }
    }
    let names: BTreeSet<String> = files.keys().cloned().collect();
    let absolute = Regex::new(r"(\$?)crate::([a-z_0-9]+(?:::[a-z_0-9]+)*)").expect("a regex");
    let relative = Regex::new(r"super::([a-z_0-9]+(?:::[a-z_0-9]+)*)").expect("a regex");
    let child = Regex::new(r"(?:^|[^\w:])([a-z_0-9]+)::").expect("a regex");
    let comment = Regex::new(r"//[^\n]*").expect("a regex");
    // The longest prefix of `parts` under `base` that is a module.
    let module_of = |base: &str, parts: &[&str]| -> Option<String> {
        (1..=parts.len()).rev().find_map(|k| {
            let path = parts[..k].join("::");
            let full = if base.is_empty() {
                path
            } else {
                format!("{base}::{path}")
            };
            names.contains(&full).then_some(full)
        })
    };
    let mut out = BTreeMap::new();
    for (module, text) in &files {
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
        let text = comment.replace_all(text, "");
        let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
        let mut deps = BTreeSet::new();
        for c in absolute.captures_iter(&text) {
            if c[1].is_empty() {
                let parts: Vec<&str> = c[2].split("::").collect();
                deps.extend(module_of("", &parts));
            }
        }
        if !module.is_empty() {
            for c in relative.captures_iter(&text) {
                let parts: Vec<&str> = c[1].split("::").collect();
                deps.extend(module_of(parent, &parts));
            }
        }
        for c in child.captures_iter(&text) {
            let full = if module.is_empty() {
                c[1].to_string()
            } else {
                format!("{module}::{}", &c[1])
            };
            if names.contains(&full) {
                deps.insert(full);
            }
        }
        // What a module's ancestors define is above it.
        deps.retain(|d| d != module && !(d.is_empty() || module.starts_with(&format!("{d}::"))));
        out.insert(module.clone(), deps);
    }
    out
}

/// A loop of modules that use each other, if there is one.
fn a_cycle(deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        at: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|m| m == at) {
            let mut cycle = path[i..].to_vec();
            cycle.push(at.to_string());
            return Some(cycle);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in deps.get(at).into_iter().flatten() {
            if let Some(cycle) = visit(next, deps, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    deps.keys()
        .find_map(|m| visit(m, deps, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_modules_use_each_other() {
    let root = workspace_root();
    for src in ["codegen/src", "codegen/runtime/src", "xtask/src"] {
        let deps = dependencies(&root.join(src));
        assert!(deps.len() > 3, "{src}: the scan found its modules");
        if let Some(cycle) = a_cycle(&deps) {
            panic!("{src}: modules that use each other: {}", cycle.join(" -> "));
        }
    }
}

/// The scan sees a loop: `lower::params` using `lower::operation` back would be one.
#[test]
fn a_loop_of_two_modules_is_found() {
    let deps = dependencies(&workspace_root().join("codegen/src"));
    let mut looped = deps.clone();
    looped
        .get_mut("lower::params")
        .expect("lower::params")
        .insert("lower::operation".into());
    assert!(
        deps["lower::operation"].contains("lower::params"),
        "operation uses params"
    );
    assert!(a_cycle(&looped).is_some());
}
