//! Nothing to build. This script exists for its build-dependency on `syn` (see
//! `Cargo.toml`): it asks for the generator's `syn` features on the host side too, so
//! `serde_derive`'s `syn` and the generator's are one crate, compiled once on a
//! fresh clone instead of twice.
fn main() {}
