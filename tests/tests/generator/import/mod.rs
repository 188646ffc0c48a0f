//! The importer (`cargo xtask import`): its rules on a small OpenAPI file in Twilio's
//! shape (`tests/fixtures/import/widgets.yaml`), a maintainer's choices surviving a
//! re-import, every imported spec folder being exactly what its OpenAPI file imports
//! to, Chat v1's import beside its hand-written spec, and malformed OpenAPI files
//! (`tests/fixtures/malformed_openapi/`) rejected with their node paths, all at once,
//! with nothing written.

use codegen::fresh::{Job, Mode};
use codegen::import::{import, import_folder, ImportError};
use codegen::model::{Api, NamedKind, OpKind, ParamIn, Type};
use codegen::SourceFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tests::workspace_root;

mod chat_v1;
mod encodings;
mod malformed;
mod outside;
mod reimports;
mod rules;
mod twilio_files;

pub(super) fn fixture_path(path: &str) -> PathBuf {
    workspace_root().join("tests/fixtures").join(path)
}

/// `widgets.yaml` imported into an empty folder, as files by name; the folder would
/// name its source `../widgets.yaml`.
pub(super) fn widgets_files() -> BTreeMap<String, String> {
    let openapi = SourceFile {
        name: "widgets.yaml".into(),
        text: tests::fixture("import/widgets.yaml"),
    };
    let imported = import(&openapi, &[], "../widgets.yaml").expect("widgets.yaml imports");
    imported.files.into_iter().collect()
}

/// A spec folder's files, checked into the model.
pub(super) fn checked(folder: &str, files: &BTreeMap<String, String>) -> Api {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile {
            name: format!("{folder}/{name}"),
            text: text.clone(),
        })
        .collect();
    codegen::check(&sources).unwrap_or_else(|d| panic!("{folder} does not check:\n{d}"))
}

pub(super) fn named<'a>(api: &'a Api, name: &str) -> &'a codegen::model::NamedType {
    api.types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

pub(super) fn resource<'a>(api: &'a Api, name: &str) -> &'a codegen::model::Resource {
    api.resources
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no resource {name}"))
}

pub(super) fn param<'a>(
    r: &'a codegen::model::Resource,
    kind: OpKind,
    wire: &str,
) -> &'a codegen::model::Param {
    let op = r
        .operations
        .iter()
        .find(|o| o.kind == kind)
        .unwrap_or_else(|| panic!("{}: no {kind:?}", r.name));
    op.params
        .iter()
        .find(|p| p.wire == wire)
        .unwrap_or_else(|| panic!("{}: no parameter {wire}", r.name))
}

/// `cargo clippy` with warnings denied on the crate at `dir`, built in `target` with
/// this workspace's lock file, which keeps the build offline and its dependencies
/// shared with the other builds of generated crates.
pub(super) fn clippy(root: &Path, dir: &Path, target: &Path) -> std::process::Output {
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock file");
    std::process::Command::new(env!("CARGO"))
        .args(["clippy", "--offline", "--quiet", "--all-targets"])
        .args(["--", "-D", "warnings"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("running cargo")
}
