//! Comparing an example answer with what the client decoded, guided by the schema.

use super::*;

/// Compares the example answer with what the client decoded, re-encoded as JSON,
/// guided by the answer's schema: every key of the example must come back with an
/// equal value; a key the example lacks must be a property of the schema holding its
/// default (the schema's `default`, else `null`). Timestamps are compared as text:
/// the examples' `2015-12-16T22:18:37Z` form is how the client writes them back.
pub fn compare(
    doc: &Doc,
    expected: &Value,
    decoded: &Value,
    schema: &'static Node,
    at: &str,
    problems: &mut Vec<String>,
) {
    let schema = doc.resolve(schema);
    let alternatives = one_of(doc, schema);
    // A record of a `oneOf` answer has the properties of every alternative.
    let property = |key: &str| -> &'static Node {
        let mut found = alternatives.iter().map(|alt| &alt["properties"][key]);
        static NONE: Node = Node::Null;
        found.find(|p| !p.is_null()).unwrap_or(&NONE)
    };
    let has_properties = alternatives.iter().any(|alt| alt["properties"].is_object());
    match (expected, decoded) {
        (Value::Object(expected), Value::Object(decoded)) if has_properties => {
            for (key, value) in expected {
                match decoded.get(key) {
                    // A record leaves an unset object out of its JSON; a key its schema
                    // lacks, a typed client doesn't read (Twilio's example is wrong).
                    None if value.is_null() || property(key).is_null() => {}
                    None => problems.push(format!("{at}.{key}: in the example, not decoded")),
                    Some(found) => compare(
                        doc,
                        value,
                        found,
                        property(key),
                        &format!("{at}.{key}"),
                        problems,
                    ),
                }
            }
            for (key, found) in decoded.iter().filter(|(k, _)| !expected.contains_key(*k)) {
                let property = doc.resolve(property(key));
                let default = property["default"].clone();
                // A record whose operations answer with several schemas has the
                // properties of all: another answer's is `null` here.
                let anothers = property.is_null() && found.is_null();
                if !anothers && (property.is_null() || *found != default) {
                    problems.push(format!(
                        "{at}.{key}: not in the example, decoded as {found} (schema default {default})"
                    ));
                }
            }
        }
        (Value::Array(expected), Value::Array(decoded)) if expected.len() == decoded.len() => {
            for (i, (value, found)) in expected.iter().zip(decoded).enumerate() {
                compare(
                    doc,
                    value,
                    found,
                    &schema["items"],
                    &format!("{at}[{i}]"),
                    problems,
                );
            }
        }
        // A value its own schema refuses is left out of the record (and named in its
        // `unread_fields`): the answer is read as far as it can be.
        _ if (decoded.is_null() || *decoded == schema["default"]) && refused(schema, expected) => {}
        _ if expected != decoded && !same_on_the_wire(schema, expected, decoded) => {
            problems.push(format!(
                "{at}: the example has {expected}, decoded {decoded}"
            ));
        }
        _ => {}
    }
}

/// Whether `schema` (resolved, one alternative) refuses `value`: a value of another
/// JSON type, or a string its `pattern` doesn't match (`VT12445353` for a SID that is
/// `VT` and 32 hex digits). Checked here, not taken from the client, so a value the
/// client leaves out though it fits still fails the comparison.
fn refused(schema: &Node, value: &Value) -> bool {
    let fits_type = match (schema["type"].as_str(), value) {
        (_, Value::Null) => true,
        (Some("string"), v) => v.is_string(),
        (Some("integer"), v) => v.is_i64() || v.is_u64(),
        (Some("number"), v) => v.is_number(),
        (Some("boolean"), v) => v.is_boolean(),
        (Some("array"), v) => v.is_array(),
        (Some("object"), v) => v.is_object(),
        _ => true,
    };
    let fits_pattern = match (schema["pattern"].as_str(), value) {
        (Some(pattern), Value::String(text)) => regex::Regex::new(pattern)
            .unwrap_or_else(|e| panic!("the schema's pattern {pattern}: {e}"))
            .is_match(text),
        _ => true,
    };
    !(fits_type && fits_pattern)
}

/// `schema`'s alternatives (`oneOf`, `anyOf`), resolved; or `schema` itself.
pub(super) fn one_of(doc: &Doc, schema: &'static Node) -> Vec<&'static Node> {
    let alternatives = schema["oneOf"].as_array().or(schema["anyOf"].as_array());
    match alternatives {
        Some(all) => all.iter().map(|alt| doc.resolve(alt)).collect(),
        None => vec![schema],
    }
}

/// The forms the API writes that mean what the client decodes: a number as a string
/// (`"-0.0025"` for a `number`, a text `price`), an unset SID as an empty string, and
/// an enum's value in another letter case.
pub(super) fn same_on_the_wire(schema: &Node, expected: &Value, decoded: &Value) -> bool {
    match (expected, decoded) {
        // A decimal written as text (`"-0.00750"`, a `number` or a text `price`), which
        // the client holds as written and writes back as the JSON number it is.
        (Value::String(text), Value::Number(n))
            if matches!(schema["type"].as_str(), Some("number" | "string")) =>
        {
            text.parse::<f64>().ok() == n.as_f64()
        }
        (Value::String(text), Value::Null) => text.is_empty() && schema["pattern"].is_string(),
        // An enum's value in another letter case is that value (`"opus"` is `OPUS`).
        (Value::String(text), Value::String(value)) if schema["enum"].is_array() => {
            text.eq_ignore_ascii_case(value)
        }
        _ => false,
    }
}
