//! The runtime as a crate of its own, to build and test it where it is written.
//!
//! This file is not copied: the generator copies `mod.rs` and the files it declares
//! into each generated crate's `src/runtime/`. Here as there they sit at
//! `crate::runtime`, and their tests, in `tests/`, stay out of the generated crates.

// Plumbing such as `Request` and `Client::send_json` is crate-private and called by
// generated code, which this crate doesn't have. Unused runtime code is caught where
// it is copied: every generated crate is built with warnings denied.
#[cfg_attr(not(test), allow(dead_code))]
#[path = "mod.rs"]
pub mod runtime;

#[cfg(test)]
mod tests;
