//! Tests of the generator: snapshots of its output, freshness of the committed output,
//! and its answers to malformed specs.

mod fresh;
mod malformed;
mod random_specs;
mod snapshots;
