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

/// Every diagnostic of the malformed input `name` says what is wrong and how to fix
/// it: a message, and help (or, for a YAML syntax error, what the parser expected).
pub fn assert_each_diagnostic_helps(name: &str, diags: &codegen::Diagnostics) {
    for d in &diags.0 {
        assert!(!d.message.is_empty(), "{name}: empty message");
        assert!(
            d.help.is_some() || d.message.contains("expected"),
            "{name}: no hint in\n{d}"
        );
    }
}

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
