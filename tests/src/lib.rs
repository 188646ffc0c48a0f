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

/// True when the heavy tests (those that spawn cargo) should run: where
/// `CODEGEN_HEAVY_TESTS` is set, as `.ci/run` sets it. Otherwise says on stderr
/// that `name` was left out, so a local run shows what it did not do.
pub fn heavy_tests(name: &str) -> bool {
    let on = std::env::var_os("CODEGEN_HEAVY_TESTS").is_some_and(|v| !v.is_empty());
    if !on {
        eprintln!("{name}: left out; set CODEGEN_HEAVY_TESTS=1 to run it (CI does)");
    }
    on
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
