//! Tests of the generator: snapshots of its output and of its crates' public API,
//! freshness of the committed output, its answers to malformed specs, and `spec/`
//! witnessed against Twilio's OpenAPI.

mod formatting;
mod fresh;
mod malformed;
mod random_specs;
mod snapshots;
mod surface;
mod witness;
