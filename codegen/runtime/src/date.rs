//! Timestamps on the wire. Twilio sends ISO 8601 (`2015-07-30T20:00:00Z`) although its
//! docs say RFC 2822 (`Thu, 30 Jul 2015 20:00:00 +0000`), so reading accepts both and
//! writing uses the format the API description names.

use serde::{de, Deserialize, Deserializer, Serializer};
use std::fmt;
use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// Parses an ISO 8601 (RFC 3339) or RFC 2822 timestamp.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    parse_utc_seconds(text).or_else(|| {
        OffsetDateTime::parse(text, &Rfc3339)
            .or_else(|_| OffsetDateTime::parse(text, &Rfc2822))
            .ok()
    })
}

/// The shape Twilio sends, `2015-07-30T20:00:00Z`, read by position; anything else
/// (offsets, fractions, leap seconds) is left to the full parsers, which agree on
/// every text this accepts.
pub(crate) fn parse_utc_seconds(text: &str) -> Option<OffsetDateTime> {
    let b: &[u8; 20] = text.as_bytes().try_into().ok()?;
    let punctuation = [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (19, b'Z'),
    ];
    if punctuation.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let number = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u16, |n, &c| {
            let digit = c.wrapping_sub(b'0');
            (digit < 10).then(|| n * 10 + u16::from(digit))
        })
    };
    let month = Month::try_from(u8::try_from(number(5, 7)?).ok()?).ok()?;
    let date =
        Date::from_calendar_date(i32::from(number(0, 4)?), month, number(8, 10)? as u8).ok()?;
    let time = Time::from_hms(
        number(11, 13)? as u8,
        number(14, 16)? as u8,
        number(17, 19)? as u8,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_utc())
}

struct DateVisitor;

impl de::Visitor<'_> for DateVisitor {
    type Value = OffsetDateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO 8601 or RFC 2822 timestamp")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<OffsetDateTime, E> {
        parse(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// Reads either format; for `#[serde(deserialize_with)]`.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// Reads either format or `null`.
pub fn deserialize_option<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<OffsetDateTime>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapper(#[serde(deserialize_with = "deserialize")] OffsetDateTime);
    Ok(Option::<Wrapper>::deserialize(d)?.map(|Wrapper(t)| t))
}

/// Formats as ISO 8601 (`2015-07-30T20:00:00Z`).
pub fn format_iso8601(t: &OffsetDateTime) -> String {
    // Formatting a valid date in RFC 3339 fails only for years outside 0..=9999.
    t.format(&Rfc3339).unwrap_or_else(|_| t.to_string())
}

/// Formats as RFC 2822 (`Thu, 30 Jul 2015 20:00:00 +0000`).
pub fn format_rfc2822(t: &OffsetDateTime) -> String {
    t.format(&Rfc2822).unwrap_or_else(|_| t.to_string())
}

/// Writes ISO 8601; for `#[serde(serialize_with)]`.
pub fn serialize_iso8601<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_iso8601(t))
}

/// Writes ISO 8601 or `null`.
pub fn serialize_iso8601_option<S: Serializer>(
    t: &Option<OffsetDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => serialize_iso8601(t, s),
        None => s.serialize_none(),
    }
}

/// Writes RFC 2822; for `#[serde(serialize_with)]`.
pub fn serialize_rfc2822<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_rfc2822(t))
}

/// Writes RFC 2822 or `null`.
pub fn serialize_rfc2822_option<S: Serializer>(
    t: &Option<OffsetDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => serialize_rfc2822(t, s),
        None => s.serialize_none(),
    }
}

/// Parses a calendar date as the API writes one, `2026-12-01`.
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// Formats a calendar date as `2026-12-01`.
pub fn format_date(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A list filter's date: a calendar day (`2026-12-01`, "on that day" in UTC, as the
/// filters' docs describe them) or a timestamp, which the filter also takes. Made
/// from either with `into()`, so a filter's setter takes both.
///
/// ```
/// use twilio_codegen_runtime::DateFilter;
///
/// let day = time::Date::from_calendar_date(2026, time::Month::December, 1)?;
/// assert_eq!(DateFilter::from(day), DateFilter::Date(day));
/// let at = time::OffsetDateTime::from_unix_timestamp(1_796_119_200)?;
/// assert_eq!(DateFilter::from(at), DateFilter::DateTime(at));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateFilter {
    /// A day, sent as `2026-12-01`.
    Date(Date),
    /// A moment, sent in the format the API description names for the filter.
    DateTime(OffsetDateTime),
}

impl From<Date> for DateFilter {
    fn from(d: Date) -> Self {
        DateFilter::Date(d)
    }
}

impl From<OffsetDateTime> for DateFilter {
    fn from(t: OffsetDateTime) -> Self {
        DateFilter::DateTime(t)
    }
}

/// A filter's date: a day as `2026-12-01`, a moment as ISO 8601.
pub fn format_filter_iso8601(f: &DateFilter) -> String {
    match f {
        DateFilter::Date(d) => format_date(d),
        DateFilter::DateTime(t) => format_iso8601(t),
    }
}

/// A filter's date: a day as `2026-12-01`, a moment as RFC 2822.
pub fn format_filter_rfc2822(f: &DateFilter) -> String {
    match f {
        DateFilter::Date(d) => format_date(d),
        DateFilter::DateTime(t) => format_rfc2822(t),
    }
}

/// Reads a calendar date or `null`; for `#[serde(deserialize_with)]`.
pub fn deserialize_date_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    let Some(text) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    parse_date(&text).map(Some).ok_or_else(|| {
        de::Error::invalid_value(de::Unexpected::Str(&text), &"a date like 2026-12-01")
    })
}

/// Writes a calendar date or `null`; for `#[serde(serialize_with)]`.
pub fn serialize_date_option<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&format_date(d)),
        None => s.serialize_none(),
    }
}
