//! A generator that turns a YAML description of a REST API (`spec/`) into a typed Rust
//! client crate.
//!
//! [`generate`] is pure: spec texts in, files (path → contents) or diagnostics out.
//! It runs in three stages: load (YAML into the raw format), lower (check and resolve
//! into [`model`]), emit (`quote!` and prettyplease, which can't fail).
//!
//! [`surface()`] lists the generated crate's public API, read from its code, and
//! [`api_diff`] classifies the change between two surfaces for semver.

pub mod api_diff;
pub mod diagnostic;
mod emit;
pub mod fresh;
pub mod generated_crate;
pub mod import;
mod lower;
pub mod model;
pub mod naming;
mod parallel;
mod pattern;
pub mod release;
mod spec;
pub mod surface;
mod version;

pub use diagnostic::{Diagnostic, Diagnostics, Location};
pub use emit::{Code, Files, Layout, RuntimeDep};

use std::path::Path;

/// One spec file's text and the name to show for it (`spec/chat_v1.yaml`).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// The runtime crate's folder in the generator's repository.
pub const RUNTIME_DIR: &str = "codegen/runtime";

/// The folders of this repository whose crates are members of its workspace.
pub const MEMBER_DIRS: &[&str] = &["generated", "tests/fixtures"];

impl Layout {
    /// A member of this repository's workspace.
    pub fn member() -> Layout {
        Layout {
            runtime: RuntimeDep::Workspace,
            own_workspace: false,
        }
    }

    /// The layout of a crate generated into `out` by the repository at `root`: a
    /// member when `out` is in one of [`MEMBER_DIRS`]; otherwise the runtime by its
    /// path relative to `out`, and a workspace of its own unless a folder above `out`
    /// has a workspace's `Cargo.toml`, which then takes the crate as a member (its
    /// `members` must cover `out`).
    pub fn for_output(root: &Path, out: &Path) -> std::io::Result<Layout> {
        let root = lexical_absolute(root)?;
        let out = lexical_absolute(out)?;
        if MEMBER_DIRS
            .iter()
            .any(|dir| out.starts_with(root.join(dir)))
        {
            return Ok(Layout::member());
        }
        Ok(Layout {
            runtime: RuntimeDep::Path(relative_path(&out, &root.join(RUNTIME_DIR))),
            // This repository's own workspace lists only its member folders.
            own_workspace: enclosing_workspace(&out).is_none_or(|dir| dir == root),
        })
    }
}

/// The nearest folder above `out` whose `Cargo.toml` declares a `[workspace]`.
pub fn enclosing_workspace(out: &Path) -> Option<std::path::PathBuf> {
    out.ancestors().skip(1).find_map(|dir| {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
        manifest
            .lines()
            .any(|line| line.trim() == "[workspace]")
            .then(|| dir.to_path_buf())
    })
}

/// The path from the folder `from` to `to`, both absolute, with `/` separators.
pub fn relative_path(from: &Path, to: &Path) -> String {
    let common = to
        .components()
        .zip(from.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut rel = std::path::PathBuf::new();
    for _ in from.components().skip(common) {
        rel.push("..");
    }
    rel.extend(to.components().skip(common));
    rel.to_string_lossy().replace('\\', "/")
}

/// `path` made absolute, with `.` and `..` resolved by the text alone (the folder may
/// not exist yet).
pub fn lexical_absolute(path: &Path) -> std::io::Result<std::path::PathBuf> {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for part in std::path::absolute(path)?.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// Turns the files of one spec folder into the generated crate's files.
pub fn generate(sources: &[SourceFile], layout: &Layout) -> Result<Files, Diagnostics> {
    let api = check(sources)?;
    Ok(emit::emit(&api, layout))
}

/// The generated crate's files for a checked API (see [`check`]).
pub fn emit(api: &model::Api, layout: &Layout) -> Files {
    emit::emit(api, layout)
}

/// The generated crate's files, and its code read for its surface
/// ([`surface::Surface::of_code`]), as `cargo xtask gen` makes them.
pub fn emit_with_code(api: &model::Api, layout: &Layout) -> (Files, emit::Code) {
    emit::emit_with_code(api, layout)
}

/// The public API surface of the crate generated from `api`, one item a line
/// ([`surface::Surface`]).
pub fn surface(api: &model::Api) -> String {
    surface::render(api)
}

/// Loads and checks a spec without emitting anything.
pub fn check(sources: &[SourceFile]) -> Result<model::Api, Diagnostics> {
    let mut diags = Diagnostics::default();
    if sources.is_empty() {
        diags.push(empty_folder("spec"));
        return Err(diags);
    }
    let mut parsed = Vec::new();
    for source in sources {
        match spec::load::parse(&source.name, &source.text) {
            Ok(spec) => parsed.push(lower::Parsed {
                file: &source.name,
                text: &source.text,
                spec,
            }),
            Err(d) => diags.0.extend(d.0),
        }
    }
    if !diags.is_empty() {
        diags.sort();
        return Err(diags);
    }
    lower::lower(parsed)
}

/// The error for a spec folder (shown as `folder`) that holds no spec file.
pub fn empty_folder(folder: &str) -> Diagnostic {
    Diagnostic::new(folder, "", "the spec folder has no spec files")
        .help("add a `.yaml` file with an `api:` section")
}

/// Reads every `.yaml` / `.yml` file directly in `dir`, in name order, then the files
/// they name under `include:` (by path from `dir`). Names are shown as
/// `display_dir/<file>`, an included file's by its path from there.
pub fn read_spec_dir(dir: &Path, display_dir: &str) -> std::io::Result<Vec<SourceFile>> {
    let mut files = read_folder_files(dir, display_dir)?;
    let mut included = Vec::new();
    for file in &files {
        for path in spec::load::includes(&file.text) {
            let name = lexical_join(display_dir, &path);
            if files
                .iter()
                .chain(&included)
                .any(|f: &SourceFile| f.name == name)
            {
                continue;
            }
            let full = dir.join(&path);
            let text = std::fs::read_to_string(&full).map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("{}: included by {}: {e}", full.display(), file.name),
                )
            })?;
            if !spec::load::includes(&text).is_empty() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{name}, included by {}, has an `include:` of its own; an included file can't include", file.name),
                ));
            }
            included.push(SourceFile { name, text });
        }
    }
    files.extend(included);
    Ok(files)
}

/// `base/relative` with `.` and `..` resolved as text: `spec/a` + `../b/c.yaml` is
/// `spec/b/c.yaml`.
fn lexical_join(base: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    if base.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The spec files directly in `dir`.
fn read_folder_files(dir: &Path, display_dir: &str) -> std::io::Result<Vec<SourceFile>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| {
        p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
    });
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            let name = format!("{}/{file_name}", display_dir.trim_end_matches('/'));
            let text = std::fs::read_to_string(&path)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            Ok(SourceFile { name, text })
        })
        .collect()
}
