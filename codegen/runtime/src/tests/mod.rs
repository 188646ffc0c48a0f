//! The runtime's tests, one file for each runtime file, and `limits`, `faults` and
//! `load` for the client under hostile answers, broken connections and load. They
//! live here, not in the runtime files, so that the copies in generated crates hold
//! no test code.
//!
//! Tests that send do so to a real HTTP server on loopback (wiremock), with requests
//! built by hand as generated code builds them; `server` holds what they share.
//! What wiremock can't serve (endless or broken bodies, resets, stalls) comes from
//! the hand-written servers in `loopback`.

mod access_token;
mod auth;
mod builder;
mod client;
mod date;
mod error;
mod faults;
mod json_text;
mod limits;
mod load;
mod loopback;
mod newtype;
mod oauth;
mod oauth_credentials;
mod paging;
mod path;
mod redirect;
mod retry;
mod secret;
mod server;
mod unread;
mod validate;
mod webhook;
mod webhook_input;
mod wire_text;
