//! What Twilio's answers send in another form than their descriptions say, read as
//! what they mean. The 2010 API writes decimals as JSON strings (`"price": "-0.0025"`,
//! `"latitude": "19.720000"`) where its description says `number`, and an unset SID as
//! an empty string (`"sms_application_sid": ""`) where it says `null`.

use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or a number written as a string")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        // Strictly a decimal number: no `NaN`, `inf` or spaces, which `parse` takes.
        let decimal = !v.is_empty()
            && v.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
            && v.bytes().any(|b| b.is_ascii_digit());
        match v.parse::<f64>() {
            Ok(n) if decimal && n.is_finite() => Ok(n),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
}

/// Reads a number, or a number written as a string.
pub fn deserialize_number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    d.deserialize_any(NumberVisitor)
}

/// Reads a number, a number written as a string, or `null`.
pub fn deserialize_number_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapper(#[serde(deserialize_with = "deserialize_number")] f64);
    Ok(Option::<Wrapper>::deserialize(d)?.map(|Wrapper(n)| n))
}

/// Reads a value of a checked text type (a SID), or `null`, or an empty string as
/// `null`: no SID is empty, and the 2010 API writes an unset one so. Any other text
/// is checked as the type checks it, without a copy of it.
pub fn deserialize_text_option<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_option(OptionalText(PhantomData))
}

struct OptionalText<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OptionalText<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text, an empty string or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_str(self)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
        if v.is_empty() {
            return Ok(None);
        }
        T::deserialize(v.into_deserializer()).map(Some)
    }
}
