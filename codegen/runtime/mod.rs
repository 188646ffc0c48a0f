//! Code that is the same for every API: copied into each generated crate as is from
//! `codegen/runtime/`, where it is written and unit-tested.

pub mod date;
pub mod page;
pub mod validate;
