//! What generated code calls and consumers never do: sending a described request,
//! paging, the checks behind constrained types, date codecs and the macros that write
//! each newtype's impls. Not part of the crate's semver promise to consumers; the
//! API surface check versions it for generated crates (see `codegen/docs/`).

pub use crate::builder::ApiClient;
pub use crate::newtype::{deserialize_from_str, parse_sid};
pub use crate::page::Page;
pub use crate::path::segment;
pub use crate::transport::{Request, Transport};
pub use crate::unread::KEY as UNREAD_KEY;

/// A 2xx answer's body read as the client reads it (strictly, then repaired field by
/// field): for the fuzz targets, which have no server to ask.
pub fn decode_answer<T: serde::de::DeserializeOwned>(body: Vec<u8>) -> Result<T, crate::Error> {
    crate::unread::decode("fuzz", 200, body)
}

/// A 2xx page body read as the client reads one: for the fuzz targets.
pub fn decode_answer_page<P: Page>(body: Vec<u8>) -> Result<P, crate::Error> {
    crate::unread::decode_page("fuzz", 200, body)
}
pub use crate::validate::{is_sid, length, range, range_f64, sid};
pub use fstr::FStr;
pub use reqwest::Method;
pub use serde;

/// The value of `values` that `value` is in another letter case, if one is: how a
/// generated enum reads `SMS` as `sms`.
pub fn known_value(values: &'static [&'static str], value: &str) -> Option<&'static str> {
    values
        .iter()
        .copied()
        .find(|v| v.eq_ignore_ascii_case(value))
}

/// A JSON value as one form or query value, as Twilio's libraries send one: a string
/// as it is, anything else as its JSON text (`{"a":1}`, `[1,2]`, `true`).
pub fn json_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A JSON object body as a parameter struct builds it, for
/// [`Request::json`](crate::__private::Request::json).
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// A JSON body as the runtime sends it.
pub type JsonValue = serde_json::Value;

/// The body of a parameter struct's object.
pub fn json_object(object: JsonObject) -> serde_json::Value {
    serde_json::Value::Object(object)
}

/// An explicit `null`, for a nullable JSON parameter set to `None`.
pub const JSON_NULL: serde_json::Value = serde_json::Value::Null;

/// A parameter's value in a JSON body. Generated parameters are text, numbers,
/// booleans, SIDs, enums, JSON and arrays of those, none of which can fail to
/// serialise; a value that did would go as `null`.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Reading a generated record from a JSON object: its `Deserialize` names its keys and
/// readers, the runtime's visitor does the rest.
pub mod record {
    pub use crate::record::{
        date, date_time, decimal, deserialize, number, number_option, text, Fields,
    };
}

/// Timestamps as the API writes them: `#[serde(with)]` helpers and form values.
pub mod date {
    pub use crate::date::{
        deserialize_date_option, deserialize_option, format_date, format_filter_iso8601,
        format_filter_rfc2822, format_iso8601, format_rfc2822, serialize_date_option,
        serialize_iso8601_option, serialize_rfc2822_option,
    };
}

/// Values an answer writes in another form than its description says.
pub mod wire_text {
    pub use crate::decimal::deserialize_option as deserialize_decimal_option;
    pub use crate::wire_text::{
        deserialize_number, deserialize_number_option, deserialize_text_option,
    };
}

pub use crate::__sid_newtype as sid_newtype;
pub use crate::__string_enum as string_enum;
pub use crate::__string_newtype as string_newtype;
#[doc(hidden)]
pub use crate::__text_doors as text_doors;

/// The HTTP types a callback reads a request as.
pub use http;

/// Webhook events as generated code reads them, and the answers it builds with the
/// status and fields each API's spec gives.
pub mod webhook {
    use crate::webhook::{WebhookParamError, WebhookParams, WebhookResponse};
    use std::fmt::Display;
    use std::str::FromStr;

    /// An answer with `status` and no body, such as a pre-event's rejection.
    pub fn status_only(status: u16) -> WebhookResponse {
        WebhookResponse::status_only(status)
    }

    /// `200 OK` with a JSON object of the fields that change.
    pub fn changes(fields: &[(&str, &str)]) -> WebhookResponse {
        WebhookResponse::changes(fields)
    }

    /// The media of an incoming message: every `MediaUrl{N}`, in the order of `N`,
    /// with the `MediaContentType{N}` of the same `N`. `NumMedia` is not trusted:
    /// the pairs sent are what there is. One pass over the parameters and a sort, so
    /// a request with many is read in `n log n`; a name whose `N` is not a plain
    /// decimal number (or past `u32`) is no media parameter.
    pub fn media(params: &WebhookParams) -> Vec<crate::WebhookMedia> {
        let mut urls: Vec<(u32, &str)> = Vec::new();
        let mut types: Vec<(u32, &str)> = Vec::new();
        for (name, value) in params.iter() {
            if let Some(n) = numbered(name, "MediaUrl") {
                urls.push((n, value));
            } else if let Some(n) = numbered(name, "MediaContentType") {
                types.push((n, value));
            }
        }
        // Stable: of two `MediaUrl3`, the first sent comes first.
        urls.sort_by_key(|&(n, _)| n);
        types.sort_by_key(|&(n, _)| n);
        urls.into_iter()
            .map(|(n, url)| crate::WebhookMedia {
                url: url.to_owned(),
                content_type: types
                    .binary_search_by_key(&n, |&(t, _)| t)
                    .ok()
                    .map(|i| types[i].1.to_owned()),
            })
            .collect()
    }

    /// `N` of a parameter named `{prefix}{N}`.
    fn numbered(name: &str, prefix: &str) -> Option<u32> {
        let digits = name.strip_prefix(prefix)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }

    /// The first value of `wire` among `params`.
    pub fn text<'a>(params: &'a WebhookParams, wire: &str) -> Option<&'a str> {
        params.get(wire)
    }

    /// A parameter as an event's struct holds it: `None` when it doesn't parse, and
    /// then its error added to `unparsed`, so one odd value never fails the event.
    pub fn keep<T>(
        read: Result<Option<T>, WebhookParamError>,
        unparsed: &mut Vec<WebhookParamError>,
    ) -> Option<T> {
        read.unwrap_or_else(|e| {
            unparsed.push(e);
            None
        })
    }

    /// `wire`'s value read with `FromStr` (SIDs, numbers); `None` when it is absent.
    pub fn parse<T>(
        params: &WebhookParams,
        wire: &'static str,
    ) -> Result<Option<T>, WebhookParamError>
    where
        T: FromStr,
        T::Err: Display,
    {
        text(params, wire)
            .map(|value| {
                value.parse().map_err(|e: T::Err| WebhookParamError {
                    param: wire,
                    reason: e.to_string(),
                })
            })
            .transpose()
    }

    /// `wire`'s value as a boolean: `true` or `false`, in any case.
    pub fn boolean(
        params: &WebhookParams,
        wire: &'static str,
    ) -> Result<Option<bool>, WebhookParamError> {
        text(params, wire)
            .map(|value| match value.to_ascii_lowercase().as_str() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(WebhookParamError {
                    param: wire,
                    reason: "not `true` or `false`".into(),
                }),
            })
            .transpose()
    }

    /// `wire`'s value as a timestamp, ISO 8601 or RFC 2822.
    pub fn date_time(
        params: &WebhookParams,
        wire: &'static str,
    ) -> Result<Option<time::OffsetDateTime>, WebhookParamError> {
        text(params, wire)
            .map(|value| {
                crate::date::parse(value).ok_or(WebhookParamError {
                    param: wire,
                    reason: "not an ISO 8601 or RFC 2822 timestamp".into(),
                })
            })
            .transpose()
    }

    /// `wire`'s value as a calendar date, `2026-12-01`.
    pub fn date(
        params: &WebhookParams,
        wire: &'static str,
    ) -> Result<Option<time::Date>, WebhookParamError> {
        text(params, wire)
            .map(|value| {
                crate::date::parse_date(value).ok_or(WebhookParamError {
                    param: wire,
                    reason: "not a date like 2026-12-01".into(),
                })
            })
            .transpose()
    }

    /// `wire`'s value as the JSON it holds (`Attributes`, `Media`).
    pub fn json(
        params: &WebhookParams,
        wire: &'static str,
    ) -> Result<Option<serde_json::Value>, WebhookParamError> {
        text(params, wire)
            .map(|value| {
                serde_json::from_str(value).map_err(|e| WebhookParamError {
                    param: wire,
                    reason: format!("not JSON: {e}"),
                })
            })
            .transpose()
    }
}
