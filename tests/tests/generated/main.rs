//! Tests of the generated crate `twilio-chat-v1`: its validators, its models
//! against Twilio's own example bodies, and its client against a real HTTP server
//! on loopback.

mod client;
mod roundtrip;
mod validators;
