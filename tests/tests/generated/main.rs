//! Tests of what the generator decides in the crate `twilio-chat-v1`: its models
//! against Twilio's own example bodies, and its client against a real HTTP server on
//! loopback. How checks, sending, paging and redaction work is the runtime's, tested
//! in `codegen/runtime/src/tests/`.

mod client;
mod format_features;
mod roundtrip;
mod shared_runtime;
mod wire;
