//! Shapes: a type and its constraints, in terms both sides can be put into.

use super::*;

/// A value's type as both sides can state it. Named types are compared by their rule,
/// never by their name.
#[derive(Debug, Default)]
pub(super) struct Shape {
    pub(super) kind: &'static str,
    pub(super) pattern: Option<String>,
    pub(super) min_length: Option<u64>,
    pub(super) max_length: Option<u64>,
    pub(super) minimum: Option<f64>,
    pub(super) maximum: Option<f64>,
    /// Enum values; compared as a set.
    pub(super) values: Option<BTreeSet<String>>,
    /// Array items or map values.
    pub(super) inner: Option<Box<Shape>>,
    /// An object's properties: each one's nullability and shape.
    pub(super) fields: BTreeMap<String, (bool, Shape)>,
}

impl Shape {
    pub(super) fn of(kind: &'static str) -> Shape {
        Shape {
            kind,
            ..Shape::default()
        }
    }
}

pub(super) fn show<T: fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_string(), T::to_string)
}

pub(super) fn show_values(values: &Option<BTreeSet<String>>) -> String {
    values.as_ref().map_or_else(
        || "none".to_string(),
        |v| format!("[{}]", v.iter().cloned().collect::<Vec<_>>().join(", ")),
    )
}

/// Compares two shapes aspect by aspect; `prefix` names nested shapes (`items.`).
pub(super) fn compare_shapes(prefix: &str, expected: &Shape, found: &Shape, rec: &mut Recorder) {
    // A decimal keeps as written what the OpenAPI calls an unbounded number or plain
    // text (a call's `price`, which the same file makes a number for a recording).
    let plain =
        expected.pattern.is_none() && expected.minimum.is_none() && expected.maximum.is_none();
    if found.kind == "decimal" && matches!(expected.kind, "number" | "string") && plain {
        return;
    }
    rec.check(&format!("{prefix}type"), expected.kind, found.kind);
    if expected.kind != found.kind {
        // The constraints of different types say nothing more.
        return;
    }
    let aspects = [
        ("pattern", show(&expected.pattern), show(&found.pattern)),
        (
            "minLength",
            show(&expected.min_length),
            show(&found.min_length),
        ),
        (
            "maxLength",
            show(&expected.max_length),
            show(&found.max_length),
        ),
        ("minimum", show(&expected.minimum), show(&found.minimum)),
        ("maximum", show(&expected.maximum), show(&found.maximum)),
        (
            "enum",
            show_values(&expected.values),
            show_values(&found.values),
        ),
    ];
    for (aspect, e, f) in aspects {
        rec.check(&format!("{prefix}{aspect}"), e, f);
    }
    for (key, (nullable, shape)) in &expected.fields {
        let at = format!("{prefix}{key}.");
        match found.fields.get(key) {
            Some((ours, theirs)) => {
                rec.check(&format!("{at}nullable"), nullable, ours);
                compare_shapes(&at, shape, theirs, rec);
            }
            None => rec.check(&format!("{at}presence"), "present", "absent"),
        }
    }
    for key in found
        .fields
        .keys()
        .filter(|k| !expected.fields.contains_key(*k))
    {
        rec.check(&format!("{prefix}{key}.presence"), "absent", "present");
    }
    if let (Some(e), Some(f)) = (&expected.inner, &found.inner) {
        let inner = if expected.kind == "map" {
            "values"
        } else {
            "items"
        };
        compare_shapes(&format!("{prefix}{inner}."), e, f, rec);
    }
}
