//! Tests of the generator: snapshots of its output and of its crates' public API,
//! freshness of the committed output, its answers to malformed specs, the importer,
//! and `spec/` witnessed against Twilio's OpenAPI.

mod formatting;
mod fresh;
mod import;
mod malformed;
mod random_specs;
mod snapshots;
mod surface;
mod witness;
