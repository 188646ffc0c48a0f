//! Tests of the generated crate `twilio-chat-v1`: its validators and its models
//! against Twilio's own example bodies.

mod roundtrip;
mod validators;
