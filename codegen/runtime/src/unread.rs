//! Reading a 2xx answer as far as it can be read. The API has done what was asked, so
//! a field that breaks its documented type (a SID with another prefix, the string
//! `"null"` where a SID belongs, a date in another format) must not turn the answer
//! into an error: the record is read without that field, and the field is named on
//! the record.
//!
//! The common case costs nothing: the body is decoded strictly, in one pass, as
//! before. Only when that fails on a value (not on the JSON itself) is the body read
//! again as a JSON tree, and decoded once more for each field that has to be left
//! out. A page's records are each repaired on their own, so a page where every
//! record has an odd field costs time linear in its size.

use crate::error::Error;
use crate::page::Page;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_path_to_error::{Path, Segment};

/// A field of an answer that could not be read as its API documents it, and so was
/// left out of the record (a field that is `None`, or its default). The record names
/// them in its `unread_fields`.
///
/// ```
/// use twilio_codegen_runtime::UnreadField;
///
/// fn report(unread: &[UnreadField]) {
///     for field in unread {
///         eprintln!("{}: {} ({})", field.path, field.value, field.reason);
///     }
/// }
/// # report(&[]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnreadField {
    /// Where the field is in its record: `role_sid`, or inside an object
    /// `price.amount` or a list `sids[2]`.
    pub path: String,
    /// The value as sent, as JSON text: `"null"` for the string, `null` for JSON's
    /// null. At most [`UnreadField::VALUE_BYTES`] bytes, cut on a character boundary.
    pub value: String,
    /// Why it could not be read, as the decoder said it.
    pub reason: String,
}

impl UnreadField {
    /// The most bytes of a value kept.
    pub const VALUE_BYTES: usize = 256;
}

/// A record's [`UnreadField`]s: a slice (`record.unread_fields.is_empty()`,
/// `.iter()`), empty for almost every record, so it takes one word in it and
/// allocates nothing when empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnreadFields(Option<Box<[UnreadField]>>);

impl std::ops::Deref for UnreadFields {
    type Target = [UnreadField];

    fn deref(&self) -> &[UnreadField] {
        self.0.as_deref().unwrap_or_default()
    }
}

impl<'a> IntoIterator for &'a UnreadFields {
    type Item = &'a UnreadField;
    type IntoIter = std::slice::Iter<'a, UnreadField>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'de> Deserialize<'de> for UnreadFields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields = Vec::<UnreadField>::deserialize(d)?;
        Ok(UnreadFields(
            (!fields.is_empty()).then(|| fields.into_boxed_slice()),
        ))
    }
}

/// The key under which the runtime hands a record its unread fields: generated
/// records read `unread_fields` from it. No JSON a server sends has it, since JSON
/// keys from Twilio never hold a NUL.
pub const KEY: &str = "\u{0}unread";

/// A 2xx body decoded as `T`, with any field that breaks `T`'s types left out and
/// named on `T` (a record). The body moves into the error, if there is one.
pub(crate) fn decode<T: DeserializeOwned>(
    operation: &'static str,
    status: u16,
    body: Vec<u8>,
) -> Result<T, Error> {
    let read = match strict_or_tree(&body) {
        Ok(Ok(t)) => return Ok(t),
        Ok(Err(value)) => repair(value),
        Err(e) => Err(e),
    };
    read.map_err(|e| Error::decode(operation, status, &e, body))
}

/// A 2xx page body decoded as `P`: each record repaired on its own, then the page.
pub(crate) fn decode_page<P: Page>(
    operation: &'static str,
    status: u16,
    body: Vec<u8>,
) -> Result<P, Error> {
    let read = match strict_or_tree(&body) {
        Ok(Ok(page)) => return Ok(page),
        Ok(Err(value)) => repair_page(value),
        Err(e) => Err(e),
    };
    read.map_err(|e| Error::decode(operation, status, &e, body))
}

/// `body` decoded strictly as `T` (`Ok(Ok)`, the common case, in one pass); when
/// that fails on a value rather than on the JSON itself, the body as a JSON tree to
/// repair (`Ok(Err)`); otherwise the error.
fn strict_or_tree<T: DeserializeOwned>(body: &[u8]) -> Result<Result<T, Value>, serde_json::Error> {
    match serde_json::from_slice(body) {
        Ok(t) => Ok(Ok(t)),
        Err(e) if e.is_data() => serde_json::from_slice(body).map(Err),
        Err(e) => Err(e),
    }
}

/// A page's tree decoded as `P`, its records repaired one by one (so the work stays
/// linear in the page), then the rest of the page.
fn repair_page<P: Page>(mut value: Value) -> Result<P, serde_json::Error> {
    // The records, taken out; the page keeps an empty list.
    let records = match value.get_mut(P::RECORDS) {
        Some(Value::Array(records)) => std::mem::take(records),
        // No list where the records belong: nothing to repair record by record.
        _ => return repair(value),
    };
    let mut page: P = repair(value)?;
    *page.records_mut() = records.into_iter().map(repair).collect::<Result<_, _>>()?;
    Ok(page)
}

/// The most rounds of repair one record gets. Each decodes the whole record again, so
/// without a bound a list of many odd objects inside one record would cost time
/// quadratic in its size; past it, the record is an error that keeps the body.
const MAX_REPAIRS: usize = 64;

/// `value` decoded as `T`, each field that breaks `T`'s types first read another way
/// (a number written as a string, or the reverse), else left out and named under
/// [`KEY`]. Each round changes one field of `value`, and there are at most
/// [`MAX_REPAIRS`].
fn repair<T: DeserializeOwned>(mut value: Value) -> Result<T, serde_json::Error> {
    let mut unread: Vec<UnreadField> = Vec::new();
    // Fields already read another way, with the value as sent.
    let mut coerced: Vec<(String, Value)> = Vec::new();
    for round in 0.. {
        let err = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(t) if unread.is_empty() => return Ok(t),
            Ok(_) => break,
            Err(err) if round >= MAX_REPAIRS => return Err(err.into_inner()),
            Err(err) => err,
        };
        let path = render(err.path());
        let Some((object, key)) = field_of(&mut value, err.path()) else {
            return Err(err.into_inner());
        };
        let Some(sent) = object.get_mut(&key) else {
            // A missing field: nothing to leave out.
            return Err(err.into_inner());
        };
        if !coerced.iter().any(|(p, _)| *p == path) {
            if let Some(other) = other_form(sent) {
                coerced.push((path, std::mem::replace(sent, other)));
                continue;
            }
        }
        let removed = object.remove(&key).unwrap_or(Value::Null);
        let original = coerced
            .iter()
            .position(|(p, _)| *p == path)
            .map_or(removed, |i| coerced.swap_remove(i).1);
        unread.push(UnreadField {
            path,
            value: cut(original.to_string()),
            reason: err.into_inner().to_string(),
        });
    }
    if let Value::Object(object) = &mut value {
        let named = serde_json::to_value(&unread).unwrap_or(Value::Null);
        object.insert(KEY.to_owned(), named);
    }
    T::deserialize(&value)
}

/// The object that holds the field `path` ends in (its last key), and that key: a
/// bad element of a list leaves out the whole list, a bad field of a nested object
/// just that field. `None` when `path` names no key (the whole body is wrong).
fn field_of<'v>(value: &'v mut Value, path: &Path) -> Option<(&'v mut Map<String, Value>, String)> {
    let segments: Vec<&Segment> = path.iter().collect();
    let last_key = segments
        .iter()
        .rposition(|s| matches!(s, Segment::Map { .. }))?;
    let mut at = value;
    for segment in &segments[..last_key] {
        at = match segment {
            Segment::Map { key } => at.get_mut(key.as_str())?,
            Segment::Seq { index } => at.get_mut(*index)?,
            _ => return None,
        };
    }
    let Segment::Map { key } = segments[last_key] else {
        return None;
    };
    Some((at.as_object_mut()?, key.clone()))
}

/// The same value in the other form Twilio's answers are known to use for it: a
/// whole number written as a string (`"1"`) as a number, a number as its text.
fn other_form(value: &Value) -> Option<Value> {
    match value {
        Value::String(text) => text.parse::<i64>().ok().map(Value::from),
        Value::Number(number) => Some(Value::String(number.to_string())),
        _ => None,
    }
}

/// A path as `price.amount`, `sids[2]`.
fn render(path: &Path) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { variant } => out.push_str(&format!("::{variant}")),
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

/// `text`, at most [`UnreadField::VALUE_BYTES`] of it.
fn cut(mut text: String) -> String {
    if text.len() > UnreadField::VALUE_BYTES {
        let mut end = UnreadField::VALUE_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}
