//! What generated code calls and consumers never do: sending a described request,
//! paging, the checks behind constrained types, date codecs and the macros that write
//! each newtype's impls. Not part of the crate's semver promise to consumers; the
//! API surface check versions it for generated crates (see `codegen/docs/`).

pub use crate::builder::ApiClient;
pub use crate::newtype::{deserialize_from_str, parse_sid};
pub use crate::paging::Page;
pub use crate::path::segment;
pub use crate::transport::{Request, Transport};
pub use crate::validate::{is_sid, length, range, range_f64, sid};
pub use fstr::FStr;
pub use reqwest::Method;
pub use serde;

/// Timestamps as the API writes them: `#[serde(with)]` helpers and form values.
pub mod date {
    pub use crate::date::{
        deserialize_option, format_iso8601, format_rfc2822, serialize_iso8601_option,
        serialize_rfc2822_option,
    };
}

pub use crate::__sid_newtype as sid_newtype;
pub use crate::__string_enum as string_enum;
pub use crate::__string_newtype as string_newtype;
#[doc(hidden)]
pub use crate::__text_doors as text_doors;

/// Answers to webhooks, built with the status and fields each API's spec gives.
pub mod webhook {
    use crate::webhook::WebhookResponse;

    /// An answer with `status` and no body, such as a pre-event's rejection.
    pub fn status_only(status: u16) -> WebhookResponse {
        WebhookResponse::status_only(status)
    }

    /// `200 OK` with a JSON object of the fields that change.
    pub fn changes(fields: &[(&str, &str)]) -> WebhookResponse {
        WebhookResponse::changes(fields)
    }
}
