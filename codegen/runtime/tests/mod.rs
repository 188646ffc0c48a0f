//! The runtime's tests, one file for each runtime file. They live here, not in the
//! runtime files, so that the copies in generated crates hold no test code.
//!
//! Tests that send do so to a real HTTP server on loopback (wiremock), with requests
//! built by hand as generated code builds them; `server` holds what they share.

mod auth;
mod builder;
mod client;
mod date;
mod error;
mod newtype;
mod paging;
mod path;
mod retry;
mod secret;
mod server;
mod validate;
