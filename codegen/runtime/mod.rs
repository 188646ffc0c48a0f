//! Code that is the same for every API: copied into each generated crate as is from
//! `codegen/runtime/`, where it is written and unit-tested.

pub mod client;
pub mod date;
pub mod error;
pub mod newtype;
pub mod page;
pub mod paging;
pub mod path;
pub mod retry;
pub mod secret;
pub mod validate;
