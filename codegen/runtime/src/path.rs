//! Free text in a URL path, such as a channel's unique name where a SID may also go.

use crate::validate::{Problem, ValidationError};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Every byte except RFC 3986's unreserved characters: ALPHA / DIGIT / `-` `.` `_` `~`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes `value` as exactly one path segment, for the parameter `target`.
///
/// Everything but letters, digits and `-._~` is encoded, so `/`, `?`, `#` and `%`
/// can't change which resource is addressed; non-ASCII text is encoded as UTF-8.
/// Refuses the empty string, and `.` and `..`, which URL parsers treat as relative
/// path steps even when encoded as `%2E`.
pub fn segment(value: &str, target: &'static str) -> Result<String, ValidationError> {
    match value {
        "" => Err(ValidationError::new(target, Problem::Empty)),
        "." | ".." => Err(ValidationError::new(target, Problem::DotSegment)),
        _ => Ok(utf8_percent_encode(value, SEGMENT).to_string()),
    }
}
