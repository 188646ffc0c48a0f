//! Reading a generated record (a resource's record, an object type, a page) from a
//! JSON object. A record's `Deserialize` names its wire keys and how it reads each
//! value, and this visitor does the rest, once for every record: serde's derive wrote
//! all of it again for each of them (a field enum and its visitor, a sequence
//! visitor, a wrapper type for each field read another way), about half of a
//! generated crate's compiled code.
//!
//! What it reads is what the derive read: a key the record doesn't know is skipped, a
//! key the body lacks leaves the field at the record's `Default` (its API default, or
//! `None`), and a page without its records is an error. A key sent twice keeps its
//! last value, as the JSON tree the answer is repaired from would.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// A record's wire keys and how each value is read, implemented by a type local to
/// the record's `Deserialize`.
pub trait Fields<'de> {
    /// The record read.
    type Record: Default;
    /// Its name, for the error when the body is not an object.
    const NAME: &'static str;
    /// The field a body must hold (a page's records): its index and wire key.
    const REQUIRED: Option<(usize, &'static str)> = None;

    /// The index of the field `key` names, if the record has one. Not generic, so
    /// compiled once, and a key is matched once however many deserializers read it.
    fn field(key: &str) -> Option<usize>;

    /// Reads the value of field `field` from `map` into `record`.
    fn read<A: MapAccess<'de>>(
        record: &mut Self::Record,
        field: usize,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// Reads the record `F` describes from a JSON object.
pub fn deserialize<'de, D: Deserializer<'de>, F: Fields<'de>>(d: D) -> Result<F::Record, D::Error> {
    d.deserialize_map(Record::<F>(PhantomData))
}

struct Record<F>(PhantomData<F>);

impl<'de, F: Fields<'de>> Visitor<'de> for Record<F> {
    type Value = F::Record;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", F::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<F::Record, A::Error> {
        let mut record = F::Record::default();
        let mut required = F::REQUIRED;
        while let Some(key) = map.next_key_seed(Key::<F>(PhantomData))? {
            let Some(field) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            F::read(&mut record, field, &mut map)?;
            if required.is_some_and(|(index, _)| index == field) {
                required = None;
            }
        }
        match required {
            Some((_, key)) => Err(de::Error::missing_field(key)),
            None => Ok(record),
        }
    }
}

/// A key, read as the index of the field it names (`None` for one the record lacks),
/// without copying it.
struct Key<F>(PhantomData<F>);

impl<'de, F: Fields<'de>> DeserializeSeed<'de> for Key<F> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de, F: Fields<'de>> Visitor<'de> for Key<F> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(F::field(key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Option<usize>, E> {
        Ok(std::str::from_utf8(key).ok().and_then(F::field))
    }
}

/// Readers for fields their type's own `Deserialize` doesn't read as the API writes
/// them: `"price" => record.price = read::decimal(map)?`. Each reads the next value
/// through a wrapper whose `Deserialize` is the runtime's function.
macro_rules! readers {
    ($($(#[$doc:meta])* $read:ident $(<$t:ident>)? -> $ty:ty = $function:path;)*) => {$(
        $(#[$doc])*
        pub fn $read<'de, $($t: Deserialize<'de>,)? A: MapAccess<'de>>(
            map: &mut A,
        ) -> Result<$ty, A::Error> {
            struct Wrapper $(<$t>)? ($ty);

            impl<'de, $($t: Deserialize<'de>)?> Deserialize<'de> for Wrapper $(<$t>)? {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    $function(d).map(Wrapper)
                }
            }

            map.next_value::<Wrapper $(<$t>)?>().map(|Wrapper(value)| value)
        }
    )*};
}

readers! {
    /// A timestamp in either of the API's formats, or `null`.
    date_time -> Option<time::OffsetDateTime> = crate::date::deserialize_option;
    /// A date (`2015-07-30`), or `null`.
    date -> Option<time::Date> = crate::date::deserialize_date_option;
    /// A number, or a number written as a string.
    number -> f64 = crate::wire_text::deserialize_number;
    /// A number, a number written as a string, or `null`.
    number_option -> Option<f64> = crate::wire_text::deserialize_number_option;
    /// A decimal as a number or as text, an empty string or `null`.
    decimal -> Option<crate::Decimal> = crate::decimal::deserialize_option;
    /// A checked text value (a SID), `null`, or an empty string as `null`.
    text<T> -> Option<T> = crate::wire_text::deserialize_text_option;
}
