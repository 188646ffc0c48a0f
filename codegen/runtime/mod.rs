//! Code that is the same for every API: copied into each generated crate as is from
//! `codegen/runtime/`, where it is written and tested.

pub mod auth;
pub mod builder;
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
