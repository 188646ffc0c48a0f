//! Decimal amounts (prices, charges, a PSD2 amount), kept exactly as written: Twilio
//! writes `"-0.00750"`, and a `f64` would read it as `-0.0075` and send `12.00` as `12`.

use crate::validate::{Problem, ValidationError};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A decimal number as written: `12.00`, `-0.0075`, `1e-5`. Read from the text or
/// JSON number Twilio sends; sent as the text it holds in a form or query, and as a
/// JSON number with the same digits in a JSON body.
///
/// Equality is of the text: `12.0` and `12.00` are different amounts as written, as
/// they are on an invoice. [`Decimal::to_f64`] gives the value for arithmetic.
///
/// ```
/// use twilio_codegen_runtime::Decimal;
///
/// let price: Decimal = "-0.00750".parse()?;
/// assert_eq!(price.as_str(), "-0.00750");
/// assert_eq!(price.to_f64(), -0.0075);
/// assert_eq!(Decimal::new(1200, 2).as_str(), "12.00");
/// assert_eq!(Decimal::from(5).as_str(), "5");
/// assert!("12,00".parse::<Decimal>().is_err());
/// # Ok::<(), twilio_codegen_runtime::ValidationError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Decimal(Box<str>);

impl Decimal {
    /// `mantissa` × 10<sup>−`scale`</sup>, with `scale` digits after the point:
    /// `Decimal::new(1200, 2)` is `12.00`.
    pub fn new(mantissa: i64, scale: u32) -> Decimal {
        let digits = mantissa.unsigned_abs().to_string();
        let scale = scale as usize;
        let sign = if mantissa < 0 { "-" } else { "" };
        if scale == 0 {
            return Decimal(format!("{sign}{digits}").into());
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        Decimal(format!("{sign}{whole}.{fraction}").into())
    }

    /// The decimal as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The nearest `f64`, for arithmetic.
    pub fn to_f64(&self) -> f64 {
        // Every text `FromStr` accepts is a float literal Rust reads.
        self.0.parse().unwrap_or(f64::NAN)
    }
}

/// A JSON number: an optional `-`, digits without a leading zero (but `0` itself),
/// an optional fraction and an optional exponent, of a size an `f64` holds. A leading
/// `+`, `01`, a bare fraction or `1e310` is not one.
fn is_decimal(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole = |s: &str| digits(s) && (s == "0" || !s.starts_with('0'));
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (number, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((number, exponent)) => (number, Some(exponent)),
        None => (unsigned, None),
    };
    let (int, fraction) = match number.split_once('.') {
        Some((int, fraction)) => (int, Some(fraction)),
        None => (number, None),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    // And within `f64`'s range, as JSON readers need (`1e310` is not a number to them).
    let finite = || text.parse::<f64>().is_ok_and(f64::is_finite);
    whole(int) && fraction.is_none_or(digits) && exponent_ok && finite()
}

impl FromStr for Decimal {
    type Err = ValidationError;

    fn from_str(text: &str) -> Result<Decimal, ValidationError> {
        if is_decimal(text) {
            Ok(Decimal(text.into()))
        } else {
            let value = text.chars().take(40).collect();
            Err(ValidationError::new(
                "Decimal",
                Problem::NotDecimal { value },
            ))
        }
    }
}

macro_rules! from_integer {
    ($($int:ty),*) => {$(
        impl From<$int> for Decimal {
            fn from(n: $int) -> Decimal {
                Decimal(n.to_string().into())
            }
        }
    )*};
}
from_integer!(i32, i64, u32, u64);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Decimal").field(&&*self.0).finish()
    }
}

/// Written into JSON as the number it is, digit for digit (`12.00`, not `12.0`): a
/// request body's amount is a number, and a record written back keeps its digits.
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Every text `FromStr` accepts is a JSON number.
        let raw = serde_json::value::RawValue::from_string(self.0.to_string())
            .map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

/// Reads a decimal as text (`"-0.00750"`) or as a JSON number; a number keeps the
/// digits the JSON reader gave it (`0.05`), since JSON numbers arrive as `f64`.
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }
}

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number, as a number or as text")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Decimal, E> {
        Ok(n.into())
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Decimal, E> {
        Ok(n.into())
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Decimal, E> {
        // `Display` of a finite `f64` is the shortest text that reads back as it,
        // without an exponent: a decimal.
        if n.is_finite() {
            Ok(Decimal(n.to_string().into()))
        } else {
            Err(E::custom("a decimal must be finite"))
        }
    }
}

/// Reads a decimal that may be missing: `null` or an empty string (an unpriced
/// message's `price`) is `None`; text or a JSON number is read as [`Decimal`] reads it.
pub fn deserialize_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_any(OptionalDecimal)
}

struct OptionalDecimal;

impl<'de> Visitor<'de> for OptionalDecimal {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number as a number or as text, an empty string or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<Decimal>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<Decimal>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<Decimal>, E> {
        match text {
            "" => Ok(None),
            text => DecimalVisitor.visit_str(text).map(Some),
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Option<Decimal>, E> {
        DecimalVisitor.visit_i64(n).map(Some)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Option<Decimal>, E> {
        DecimalVisitor.visit_u64(n).map(Some)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Option<Decimal>, E> {
        DecimalVisitor.visit_f64(n).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn keeps_the_text_as_written() {
        for text in [
            "12.00", "-0.00750", "0", "7", "1e-5", "2.5E+3", "-0.0", "10", "0.05",
        ] {
            let d: Decimal = text.parse().expect(text);
            assert_eq!(d.as_str(), text);
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn refuses_what_is_no_decimal() {
        for text in [
            "", "-", "+1", ".5", "5.", "1,5", "1.2.3", "e5", "1e", "0x10", " 1", "NaN", "inf",
            "1_000",
        ] {
            let err = text.parse::<Decimal>().expect_err(text);
            assert!(err.to_string().contains("decimal"), "{err}");
        }
    }

    #[test]
    fn new_places_the_point() {
        let cases = [
            ((1200, 2), "12.00"),
            ((-75, 4), "-0.0075"),
            ((5, 0), "5"),
            ((0, 2), "0.00"),
            ((i64::MIN, 1), "-922337203685477580.8"),
        ];
        for ((mantissa, scale), text) in cases {
            assert_eq!(Decimal::new(mantissa, scale).as_str(), text);
        }
    }

    #[test]
    fn reads_text_and_numbers_and_writes_text() {
        let read = |json: &str| serde_json::from_str::<Decimal>(json);
        assert_eq!(read(r#""-0.00750""#).unwrap().as_str(), "-0.00750");
        assert_eq!(read("12").unwrap().as_str(), "12");
        assert_eq!(read("-3").unwrap().as_str(), "-3");
        assert_eq!(read("0.05").unwrap().as_str(), "0.05");
        assert!(read(r#""cheap""#).is_err());
        assert!(read("true").is_err());
        let written = serde_json::to_string(&Decimal::new(1200, 2)).unwrap();
        assert_eq!(written, "12.00");
        let value = serde_json::to_value(Decimal::new(-75, 4)).unwrap();
        assert_eq!(value, serde_json::json!(-0.0075));
    }

    proptest::proptest! {
        /// Any text: refused, or a decimal kept as given that reads as a number.
        #[test]
        fn any_text_is_a_decimal_or_refused(text in "\\PC{0,24}|-?[0-9]{1,6}(\\.[0-9]{0,4})?([eE][+-]?[0-9]{0,3})?") {
            if let Ok(d) = text.parse::<Decimal>() {
                proptest::prop_assert_eq!(d.as_str(), text.as_str());
                proptest::prop_assert!(text.parse::<f64>().is_ok(), "{:?}", text);
                proptest::prop_assert!(serde_json::from_str::<serde_json::Number>(&text).is_ok(), "{:?}", text);
            }
        }

        /// Any JSON number reads, as the number the JSON reader made of it (which is
        /// not always the nearest `f64`: serde_json's default float reader isn't).
        #[test]
        fn any_json_number_reads(n in proptest::num::f64::NORMAL | proptest::num::f64::ZERO) {
            let json = serde_json::to_string(&n).unwrap();
            let d: Decimal = serde_json::from_str(&json).unwrap();
            let read: f64 = serde_json::from_str(&json).unwrap();
            proptest::prop_assert_eq!(d.to_f64(), read);
        }
    }

    #[test]
    fn a_missing_decimal_is_null_or_empty_text() {
        #[derive(serde::Deserialize)]
        struct Priced {
            #[serde(default, deserialize_with = "super::deserialize_option")]
            price: Option<Decimal>,
        }
        let text = |json: &str| {
            let read = serde_json::from_str::<Priced>(json).map(|p| p.price);
            let value: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(
                read.as_ref().ok(),
                serde_json::from_value::<Priced>(value)
                    .map(|p| p.price)
                    .as_ref()
                    .ok(),
                "{json}: text and a JSON tree read the same"
            );
            read.map(|p| p.map(|d| d.as_str().to_owned()))
        };
        assert_eq!(
            text(r#"{"price": "-0.00750"}"#).unwrap().as_deref(),
            Some("-0.00750")
        );
        assert_eq!(
            text(r#"{"price": 12.355}"#).unwrap().as_deref(),
            Some("12.355")
        );
        assert_eq!(text(r#"{"price": 3}"#).unwrap().as_deref(), Some("3"));
        assert_eq!(text(r#"{"price": ""}"#).unwrap(), None);
        assert_eq!(text(r#"{"price": null}"#).unwrap(), None);
        assert_eq!(text(r#"{}"#).unwrap(), None);
        assert!(text(r#"{"price": "free"}"#).is_err());
        assert!(text(r#"{"price": true}"#).is_err());
    }

    #[test]
    fn equality_is_of_the_text() {
        let a: Decimal = "12.0".parse().unwrap();
        let b: Decimal = "12.00".parse().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.to_f64(), b.to_f64());
        assert_eq!(format!("{b:?}"), r#"Decimal("12.00")"#);
    }
}
