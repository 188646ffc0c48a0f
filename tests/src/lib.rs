//! Helpers shared by the workspace's integration tests (in `tests/tests/`).

use std::path::PathBuf;

pub mod bench;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace root")
        .to_path_buf()
}

/// The layout of a crate generated in memory as if into `generated/<crate>/`.
pub fn layout_in_memory() -> codegen::Layout {
    codegen::Layout::member()
}

/// The text of a file under `tests/fixtures/`.
pub fn fixture(path: &str) -> String {
    let full = workspace_root().join("tests/fixtures").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("reading {}: {e}", full.display()))
}

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
