//! Tests of what the generator decides in the generated crates: their models against
//! Twilio's own example bodies, their clients against a real HTTP server on loopback,
//! and their webhooks. How checks, sending, paging and redaction work is the runtime's, tested
//! in `codegen/runtime/src/tests/`.

mod callbacks;
mod client;
mod format_features;
mod future_size;
mod oauth;
mod object_types;
mod odd_answers;
mod receiver;
mod roundtrip;
mod shared_runtime;
mod twiml;
mod webhooks;
mod wire;
