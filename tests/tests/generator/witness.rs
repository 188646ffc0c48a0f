//! The witness: every spec folder of `spec/` that names its OpenAPI source (in its
//! `openapi:` section) is checked against that file, both ways: every operation,
//! parameter and property of one must be in the other, with the same location,
//! requiredness, type, constraints, nullability and default.
//!
//! Deliberate departures are listed, with their reasons, in the same section
//! (`spec/<crate>/openapi.yaml`). An entry that no longer matches a difference fails
//! the test too, so the list stays true. A construct the witness does not know is a
//! difference it reports, not a panic.

use codegen::model::{
    Api, Departure, EnumDef, Field, InlineEnum, Literal, NamedKind, OpKind, OpenApiLink, Operation,
    Param, PathSegment, Resource, Type,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;
use tests::workspace_root;

/// The Chat v1 folder, which the mutation tests below use.
const CHAT_V1: &str = "spec/twilio-chat-v1";

#[test]
fn every_spec_matches_its_openapi_source() {
    let root = workspace_root();
    let mut witnessed = 0;
    let mut failures = Vec::new();
    for job in xtask::default_jobs(&root).expect("listing spec folders") {
        let display = codegen::fresh::display_path(&root, &job.spec);
        let spec = Spec::load_dir(&job.spec, &display);
        let Some(link) = spec.api.openapi.clone() else {
            continue;
        };
        witnessed += 1;
        let source = job.spec.join(&link.source);
        let doc = openapi_at(&source);
        // In a folder the importer writes, what its import of the source reports as
        // less typed than the OpenAPI is excused, as for every import; departures are
        // the maintainer's own choices.
        let lossy = import_lossy(&job.spec, &display, &source, &link.source);
        let differences = compare(&doc, &spec)
            .into_iter()
            .filter(|d| reported(d, &lossy).is_none())
            .collect();
        let problems = apply_departures(differences, &departures(&link));
        if !problems.is_empty() {
            failures.push(format!(
                "{display} and {} disagree in {} places. Fix the spec, or, for a deliberate \
                 choice, add an entry with its reason to the departures in {display}'s \
                 `openapi:` section:\n  {}",
                link.source,
                problems.len(),
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        witnessed >= 3,
        "only {witnessed} spec folders name an OpenAPI source"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// What importing `source` into the spec folder `dir` reports as less typed than the
/// OpenAPI; nothing for a folder written by hand (one without `resources.yaml`).
fn import_lossy(
    dir: &Path,
    display: &str,
    source: &Path,
    link: &str,
) -> Vec<codegen::import::Lossy> {
    if !dir.join(codegen::import::RESOURCES_FILE).exists() {
        return Vec::new();
    }
    let existing = codegen::read_spec_dir(dir, display).expect("reading the spec folder");
    let openapi = codegen::SourceFile {
        name: link.to_string(),
        text: std::fs::read_to_string(source).expect("reading the OpenAPI file"),
    };
    codegen::import::import(&openapi, &existing, link)
        .unwrap_or_else(|d| panic!("{display}: its source no longer imports:\n{d}"))
        .lossy
}

/// Every import of Twilio's 53 files (in memory, as `cargo xtask import-report` does
/// it) against the file it came from. What the format can't say, the import reports
/// as less typed than the OpenAPI; each difference left must be such a place (the
/// import's own report names it), and the list of them is pinned, so a reviewer sees
/// any that comes or goes.
#[test]
fn every_imported_twilio_api_matches_its_openapi_file() {
    let dir = workspace_root().join(xtask::every_api::TWILIO_OAI_DIR);
    let reports = crate::twilio_corpus();
    let mut witnessed = 0;
    let mut left = String::new();
    let mut unexplained = Vec::new();
    for r in reports {
        let Ok(g) = &r.outcome else { continue };
        witnessed += 1;
        let sources: Vec<codegen::SourceFile> = g
            .spec
            .iter()
            .map(|(name, text)| codegen::SourceFile {
                name: format!("{}/{name}", r.name()),
                text: text.clone(),
            })
            .collect();
        let spec = Spec::from_sources(&sources, r.name());
        let doc = openapi_at(&dir.join(&r.file));
        for d in compare(&doc, &spec) {
            match reported(&d, &g.lossy) {
                Some(kind) => left.push_str(&format!("{} ({kind}): {d}\n", r.name())),
                None => unexplained.push(format!("{}: {d}", r.name())),
            }
        }
    }
    assert_eq!(witnessed, 53);
    assert!(
        unexplained.is_empty(),
        "imports that differ from their OpenAPI file where the import reports nothing \
         less typed: fix the importer, or make it report the place\n  {}",
        unexplained.join("\n  ")
    );
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("witness__every_import_difference", left);
    });
}

/// The kind of the place the import reported that explains `d`, if one does: a
/// resource whose operations answer with several schemas (named in its report), a
/// path parameter made text, a null the format can't send (each naming the
/// parameter), a record property's default another answer leaves out (naming it).
fn reported(d: &Difference, lossy: &[codegen::import::Lossy]) -> Option<&'static str> {
    let param = d
        .openapi
        .split_once(" parameter ")
        .map(|(_, name)| format!("`{name}`"));
    let property = d
        .openapi
        .split_once(" property ")
        .map(|(_, name)| format!("`{name}`"));
    let kinds: &[&str] = match d.differs.as_str() {
        "record schemas" => &["answer read as the resource's record"],
        "default" if property.is_some() => &["default of a property another answer lacks"],
        "pattern" | "minLength" | "maxLength" if param.is_some() => {
            &["path parameter typed differently"]
        }
        "nullable" if param.is_some() => &[
            "null for an array parameter",
            "null for a required parameter",
        ],
        _ => return None,
    };
    lossy
        .iter()
        .filter(|l| kinds.contains(&l.kind))
        .find(|l| match param.as_ref().or(property.as_ref()) {
            Some(name) => l.detail.starts_with(name.as_str()),
            None => d
                .found
                .split(", ")
                .any(|s| l.detail.contains(&format!("`{s}`"))),
        })
        .map(|l| l.kind)
}

// ---------------------------------------------------------------------------------
// Differences and departures
// ---------------------------------------------------------------------------------

/// One disagreement: the OpenAPI node, the spec node, what differs, and both values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Difference {
    openapi: String,
    spec: String,
    differs: String,
    /// What the OpenAPI says.
    expected: String,
    /// What the spec says.
    found: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} / {}: {}: expected {}, found {}",
            self.openapi, self.spec, self.differs, self.expected, self.found
        )
    }
}

/// The difference a departure excuses.
fn excused(departure: &Departure) -> Difference {
    Difference {
        openapi: departure.openapi.clone(),
        spec: departure.spec.clone(),
        differs: departure.differs.clone(),
        expected: departure.expected.clone(),
        found: departure.found.clone(),
    }
}

fn departures(link: &OpenApiLink) -> Vec<Departure> {
    link.departures.clone()
}

/// Removes the differences the departures excuse; returns what is left, and every
/// departure that excuses nothing or gives no reason, sorted.
fn apply_departures(differences: Vec<Difference>, departures: &[Departure]) -> Vec<String> {
    let mut left: BTreeSet<Difference> = differences.into_iter().collect();
    let mut problems = Vec::new();
    for departure in departures {
        let d = excused(departure);
        if !left.remove(&d) {
            problems.push(format!("stale departure, matching no difference: {d}"));
        }
        if departure.reason.trim().is_empty() {
            problems.push(format!("departure without a reason: {d}"));
        }
    }
    problems.extend(left.iter().map(Difference::to_string));
    problems.sort();
    problems
}

/// Collects differences under one pair of nodes.
struct Recorder<'a> {
    openapi: &'a str,
    spec: &'a str,
    out: &'a mut Vec<Difference>,
}

impl<'a> Recorder<'a> {
    fn new(openapi: &'a str, spec: &'a str, out: &'a mut Vec<Difference>) -> Self {
        Recorder { openapi, spec, out }
    }

    fn check(&mut self, differs: &str, expected: impl ToString, found: impl ToString) {
        let (expected, found) = (expected.to_string(), found.to_string());
        if expected != found {
            self.out.push(Difference {
                openapi: self.openapi.to_string(),
                spec: self.spec.to_string(),
                differs: differs.to_string(),
                expected,
                found,
            });
        }
    }
}

// ---------------------------------------------------------------------------------
// Shapes: a type and its constraints, in terms both sides can be put into
// ---------------------------------------------------------------------------------

/// A value's type as both sides can state it. Named types are compared by their rule,
/// never by their name.
#[derive(Debug, Default)]
struct Shape {
    kind: &'static str,
    pattern: Option<String>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    /// Enum values; compared as a set.
    values: Option<BTreeSet<String>>,
    /// Array items or map values.
    inner: Option<Box<Shape>>,
    /// An object's properties: each one's nullability and shape.
    fields: BTreeMap<String, (bool, Shape)>,
}

impl Shape {
    fn of(kind: &'static str) -> Shape {
        Shape {
            kind,
            ..Shape::default()
        }
    }
}

fn show<T: fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_string(), T::to_string)
}

fn show_values(values: &Option<BTreeSet<String>>) -> String {
    values.as_ref().map_or_else(
        || "none".to_string(),
        |v| format!("[{}]", v.iter().cloned().collect::<Vec<_>>().join(", ")),
    )
}

/// Compares two shapes aspect by aspect; `prefix` names nested shapes (`items.`).
fn compare_shapes(prefix: &str, expected: &Shape, found: &Shape, rec: &mut Recorder) {
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

// ---------------------------------------------------------------------------------
// The OpenAPI side
// ---------------------------------------------------------------------------------

/// The OpenAPI file at `path`, read as the importer reads it (the witness checks the
/// importer's mapping, independently; the parsing is shared).
fn openapi_at(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = codegen::SourceFile {
        name: path.display().to_string(),
        text,
    };
    codegen::import::read_openapi(&file).unwrap_or_else(|d| panic!("{d}"))
}

/// Chat v1's OpenAPI source, for the mutation tests.
fn openapi() -> Value {
    let spec = Spec::load();
    let link = spec.api.openapi.expect("Chat v1 names its OpenAPI source");
    openapi_at(&workspace_root().join(CHAT_V1).join(link.source))
}

/// The entries of a spec file's mapping, if the node is one.
fn yaml_entries(node: Option<&serde_yaml::Value>) -> Vec<(&serde_yaml::Value, &serde_yaml::Value)> {
    let map = node.and_then(serde_yaml::Value::as_mapping);
    map.into_iter().flatten().collect()
}

/// A key of a mapping, when the node is one and has it.
fn get<'a>(node: &'a Value, key: &str) -> Option<&'a Value> {
    node.as_object().and_then(|m| m.get(key))
}

fn get_str<'a>(node: &'a Value, key: &str) -> Option<&'a str> {
    get(node, key).and_then(Value::as_str)
}

fn get_bool(node: &Value, key: &str) -> bool {
    get(node, key).and_then(Value::as_bool).unwrap_or(false)
}

fn get_u64(node: &Value, key: &str) -> Option<u64> {
    get(node, key).map(|v| {
        v.as_u64()
            .unwrap_or_else(|| panic!("OpenAPI `{key}` is not a whole number: {v:?}"))
    })
}

fn get_f64(node: &Value, key: &str) -> Option<f64> {
    get(node, key).map(|v| {
        v.as_f64()
            .unwrap_or_else(|| panic!("OpenAPI `{key}` is not a number: {v:?}"))
    })
}

/// The node a `$ref` names (`#/components/<kind>/<name>`), with the name when it is a
/// schema's; a node without `$ref` is itself.
fn resolve<'a>(doc: &'a Value, node: &'a Value) -> (Option<&'a str>, &'a Value) {
    let Some(reference) = get_str(node, "$ref") else {
        return (None, node);
    };
    let (kind, name) = reference
        .strip_prefix("#/components/")
        .and_then(|r| r.split_once('/'))
        .unwrap_or_else(|| panic!("OpenAPI $ref outside components: {reference}"));
    let target = get(doc, "components")
        .and_then(|c| get(c, kind))
        .and_then(|k| get(k, name))
        .unwrap_or_else(|| panic!("OpenAPI: $ref to nowhere: {reference}"));
    ((kind == "schemas").then_some(name), target)
}

/// An object schema's properties, with `allOf` parts merged and `oneOf`/`anyOf`
/// alternatives united, and the names it requires (every `allOf` part's, and those
/// every alternative requires), as the importer reads them.
fn object_properties<'a>(
    doc: &'a Value,
    schema: &'a Value,
) -> (Vec<(String, &'a Value)>, BTreeSet<String>) {
    let schema = resolve(doc, schema).1;
    let mut properties: Vec<(String, &Value)> = get(schema, "properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, p)| (name.clone(), p))
        .collect();
    let mut required: BTreeSet<String> = get(schema, "required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    for (key, all) in [("allOf", true), ("oneOf", false), ("anyOf", false)] {
        let Some(parts) = get(schema, key).and_then(Value::as_array) else {
            continue;
        };
        let mut in_every: Option<BTreeSet<String>> = None;
        for part in parts {
            let (props, req) = object_properties(doc, part);
            for (name, p) in props {
                if !properties.iter().any(|(n, _)| *n == name) {
                    properties.push((name, p));
                }
            }
            if all {
                required.extend(req);
            } else {
                in_every = Some(match in_every {
                    None => req,
                    Some(prev) => prev.intersection(&req).cloned().collect(),
                });
            }
        }
        required.extend(in_every.unwrap_or_default());
    }
    (properties, required)
}

/// Nullable on the node, or on the schema it refers to.
fn openapi_nullable(doc: &Value, schema: &Value) -> bool {
    get_bool(schema, "nullable") || get_bool(resolve(doc, schema).1, "nullable")
}

fn openapi_shape(doc: &Value, schema: &Value) -> Shape {
    openapi_shape_at(doc, schema, 0)
}

/// The shape of `schema`, `depth` objects down.
fn openapi_shape_at(doc: &Value, schema: &Value, depth: usize) -> Shape {
    let schema = resolve(doc, schema).1;
    if let Some(values) = get(schema, "enum") {
        let values = values
            .as_array()
            .unwrap_or_else(|| panic!("OpenAPI enum is not a list: {values:?}"))
            .iter()
            .map(|v| scalar_text(v, "enum value"))
            .collect();
        return Shape {
            values: Some(values),
            ..Shape::of("enum")
        };
    }
    let format = get_str(schema, "format");
    match (get_str(schema, "type"), format) {
        // No type at all: any JSON value.
        (None, _) => Shape::of("json"),
        (Some("string"), Some("uri")) => Shape::of("uri"),
        (Some("string"), Some("date-time" | "date-time-rfc-2822")) => Shape::of("date-time"),
        (Some("string"), Some("date")) => Shape::of("date"),
        // Formats that only describe the text (`http-method`, `phone-number`, …).
        (Some("string"), _) => Shape {
            pattern: get_str(schema, "pattern").map(str::to_string),
            // A length of at least 0 says nothing.
            min_length: get_u64(schema, "minLength").filter(|&n| n > 0),
            max_length: get_u64(schema, "maxLength"),
            ..Shape::of("string")
        },
        // `int64` only says how wide the server's integer is.
        (
            Some(kind @ ("integer" | "number")),
            None | Some("int32" | "int64" | "float" | "double"),
        ) => Shape {
            minimum: get_f64(schema, "minimum"),
            maximum: get_f64(schema, "maximum"),
            ..Shape::of(if kind == "integer" {
                "integer"
            } else {
                "number"
            })
        },
        (Some("boolean"), None) => Shape::of("boolean"),
        (Some("array"), None) => {
            let items = get(schema, "items")
                .unwrap_or_else(|| panic!("OpenAPI array without items: {schema:?}"));
            Shape {
                inner: Some(Box::new(openapi_shape_at(doc, items, depth))),
                ..Shape::of("array")
            }
        }
        // Twilio's `uri-map`: names to absolute URLs.
        (Some("object"), Some("uri-map")) => Shape {
            inner: Some(Box::new(Shape::of("uri"))),
            ..Shape::of("map")
        },
        // Typed properties: an object type, property by property.
        (Some("object"), _) => {
            let (properties, _) = object_properties(doc, schema);
            if properties.is_empty() {
                return Shape::of("json");
            }
            // A schema that holds itself is free JSON where it recurs, as imported.
            if depth > 8 {
                return Shape::of("json");
            }
            let fields = properties
                .into_iter()
                .map(|(name, property)| {
                    let shape = openapi_shape_at(doc, property, depth + 1);
                    (name, (openapi_nullable(doc, property), shape))
                })
                .collect();
            Shape {
                fields,
                ..Shape::of("object")
            }
        }
        // Reported as a difference of type: the spec can't have said it.
        (kind, format) => Shape::of(Box::leak(
            format!("unknown to the witness (type {kind:?}, format {format:?})").into_boxed_str(),
        )),
    }
}

/// A scalar as text: enum values and defaults are compared as text.
fn scalar_text(value: &Value, what: &str) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => panic!("OpenAPI {what} is not a scalar: {other:?}"),
    }
}

/// A default as written in the OpenAPI, in the form [`show_literal`] gives.
fn show_openapi_default(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        other => scalar_text(other, "default"),
    }
}

struct OpenApiParam<'a> {
    name: String,
    location: &'static str,
    required: bool,
    schema: &'a Value,
}

/// What a successful response carries, read as the spec's operation reads it.
enum Body<'a> {
    None,
    /// One record: its schema's name (or where it is declared in place) and schema.
    Record(Schema<'a>),
    /// A page: the records key and the records' schema.
    Page {
        key: String,
        records: Schema<'a>,
    },
}

/// A record schema and the name the witness reports it by.
#[derive(Clone, Copy)]
struct Schema<'a> {
    name: &'a str,
    node: &'a Value,
}

struct OpenApiOp<'a> {
    id: String,
    method: String,
    path: String,
    /// The 2xx statuses, or the 3xx ones of an operation that only redirects.
    statuses: Vec<String>,
    params: Vec<OpenApiParam<'a>>,
    /// The JSON schema of the first success's body, if it has one.
    answer: Option<&'a Value>,
    /// `security: []`: the operation takes no credentials.
    anonymous: bool,
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// The media types whose bodies are JSON: Twilio's, and SCIM's.
const JSON_MEDIA: [&str; 2] = ["application/json", "application/scim+json"];

fn openapi_ops(doc: &Value) -> Vec<OpenApiOp<'_>> {
    let paths = get(doc, "paths")
        .and_then(Value::as_object)
        .expect("OpenAPI has `paths`");
    let mut ops = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if let Some(op) = get(item, method) {
                ops.push(openapi_op(doc, path, method, op));
            }
        }
    }
    ops
}

fn openapi_op<'a>(doc: &'a Value, path: &str, method: &str, op: &'a Value) -> OpenApiOp<'a> {
    let id = get_str(op, "operationId")
        .unwrap_or_else(|| panic!("OpenAPI {method} {path} has no operationId"))
        .to_string();
    let responses = get(op, "responses")
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("OpenAPI {id} has no responses"));
    let with = |class: char| -> Vec<(String, &'a Value)> {
        responses
            .iter()
            .map(|(status, r)| (status.clone(), resolve(doc, r).1))
            .filter(|(status, _)| status.starts_with(class))
            .collect()
    };
    let mut success = with('2');
    // An operation that only redirects answers with where it points, not a body.
    let redirects = success.is_empty();
    if redirects {
        success = with('3');
    }
    let answer = success
        .first()
        .filter(|_| !redirects)
        .and_then(|(_, response)| {
            let content = get(response, "content")?;
            JSON_MEDIA
                .iter()
                .find_map(|media| get(content, media))
                .and_then(|j| get(j, "schema"))
        });
    OpenApiOp {
        method: method.to_uppercase(),
        path: path.to_string(),
        statuses: success.iter().map(|(s, _)| s.clone()).collect(),
        params: openapi_params(doc, &id, op),
        answer,
        anonymous: get(op, "security")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty),
        id,
    }
}

/// The body of `theirs`'s answer, for an operation that lists (`list`) or not.
fn body<'a>(doc: &'a Value, theirs: &'a OpenApiOp<'a>, list: bool) -> Body<'a> {
    let Some(schema) = theirs.answer else {
        return Body::None;
    };
    let record = |node: &'a Value, place: &'a str| {
        let (name, node) = resolve(doc, node);
        Schema {
            name: name.unwrap_or(place),
            node,
        }
    };
    let answer = record(schema, &theirs.id);
    if !list {
        return Body::Record(answer);
    }
    // The records are the page's one array; beside them `meta`, api_v2010's
    // `next_page_uri` and the rest, or numbers; the runtime reads the links.
    // An array of records, not of text (SCIM's `schemas` beside its `Resources`).
    let of_records = |v: &Value| {
        let v = resolve(doc, v).1;
        get_str(v, "type") == Some("array")
            && get(v, "items").is_some_and(|items| !object_properties(doc, items).0.is_empty())
    };
    let arrays: Vec<(String, &Value)> = object_properties(doc, answer.node)
        .0
        .into_iter()
        .filter(|(key, v)| key != "meta" && of_records(v))
        .collect();
    match arrays.as_slice() {
        [(key, records)] => match get(resolve(doc, records).1, "items") {
            Some(items) => Body::Page {
                key: key.clone(),
                records: record(items, &theirs.id),
            },
            None => Body::Record(answer),
        },
        _ => Body::Record(answer),
    }
}

/// Path, query and header parameters, then the body's: a form's or a JSON object's
/// properties, or a free-form JSON body as one `Body`.
fn openapi_params<'a>(doc: &'a Value, id: &str, op: &'a Value) -> Vec<OpenApiParam<'a>> {
    let mut params = Vec::new();
    for p in get(op, "parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let p = resolve(doc, p).1;
        let name = get_str(p, "name").unwrap_or_else(|| panic!("OpenAPI {id}: unnamed parameter"));
        let location = match get_str(p, "in") {
            Some("path") => "path",
            Some("query") => "query",
            Some("header") => "header",
            _ => "unknown to the witness",
        };
        let schema =
            get(p, "schema").unwrap_or_else(|| panic!("OpenAPI {id} parameter {name}: no schema"));
        params.push(OpenApiParam {
            name: name.to_string(),
            location,
            required: get_bool(p, "required"),
            schema,
        });
    }
    params.extend(body_params(doc, id, op));
    params
}

fn body_params<'a>(doc: &'a Value, id: &str, op: &'a Value) -> Vec<OpenApiParam<'a>> {
    let Some(request) = get(op, "requestBody").map(|b| resolve(doc, b).1) else {
        return Vec::new();
    };
    let content = get(request, "content")
        .unwrap_or_else(|| panic!("OpenAPI {id}: a request body without content"));
    let (location, schema) = match get(content, "application/x-www-form-urlencoded") {
        Some(form) => ("form", get(form, "schema")),
        None => (
            "json",
            JSON_MEDIA
                .iter()
                .find_map(|media| get(content, media))
                .and_then(|j| get(j, "schema")),
        ),
    };
    let schema = schema
        .unwrap_or_else(|| panic!("OpenAPI {id}: a request body that is neither a form nor JSON"));
    let (properties, required) = object_properties(doc, schema);
    if properties.is_empty() && location == "json" {
        return vec![OpenApiParam {
            name: "Body".into(),
            location: "body",
            required: get_bool(request, "required"),
            schema,
        }];
    }
    properties
        .into_iter()
        .map(|(name, property)| OpenApiParam {
            required: required.contains(&name),
            location,
            schema: property,
            name,
        })
        .collect()
}

// ---------------------------------------------------------------------------------
// The spec side
// ---------------------------------------------------------------------------------

/// The checked spec, and where each resource-level path parameter was written.
struct Spec {
    api: Api,
    /// `(resource, parameter)` pairs declared under `resources.<R>.params`.
    resource_params: BTreeSet<(String, String)>,
}

impl Spec {
    fn load() -> Spec {
        Spec::load_dir(&workspace_root().join(CHAT_V1), CHAT_V1)
    }

    fn load_dir(dir: &Path, display: &str) -> Spec {
        let sources = codegen::read_spec_dir(dir, display)
            .unwrap_or_else(|e| panic!("reading {display}: {e}"));
        Spec::from_sources(&sources, display)
    }

    fn from_sources(sources: &[codegen::SourceFile], display: &str) -> Spec {
        let api = codegen::check(sources).unwrap_or_else(|d| panic!("{display} has errors:\n{d}"));
        // The model keeps no record of where a path parameter was written; the raw
        // YAML does, and a failure should point at the line to edit.
        let mut resource_params = BTreeSet::new();
        for source in sources {
            let raw: serde_yaml::Value = serde_yaml::from_str(&source.text)
                .unwrap_or_else(|e| panic!("{}: {e}", source.name));
            for (resource, body) in yaml_entries(raw.get("resources")) {
                for (param, _) in yaml_entries(body.get("params")) {
                    let text = |v: &serde_yaml::Value| v.as_str().unwrap_or_default().to_owned();
                    resource_params.insert((text(resource), text(param)));
                }
            }
        }
        Spec {
            api,
            resource_params,
        }
    }

    fn param_node(&self, resource: &Resource, op: &Operation, param: &Param) -> String {
        let key = (resource.wire.clone(), param.wire.clone());
        if self.resource_params.contains(&key) {
            format!("resources.{}.params.{}", resource.wire, param.wire)
        } else {
            format!("{}.params.{}", op_node(resource, op), param.wire)
        }
    }
}

fn op_node(resource: &Resource, op: &Operation) -> String {
    format!(
        "resources.{}.operations.{}",
        resource.wire,
        op.kind.as_str()
    )
}

fn spec_path(op: &Operation) -> String {
    op.path
        .iter()
        .map(|segment| match segment {
            PathSegment::Literal(text) => text.clone(),
            PathSegment::Param(wire) => format!("{{{wire}}}"),
        })
        .collect()
}

/// Every parameter of an operation: the resource's shared path parameters first.
fn spec_params<'a>(resource: &'a Resource, op: &'a Operation) -> Vec<&'a Param> {
    resource
        .scope_params
        .iter()
        .chain(&op.own_path_params)
        .chain(&op.params)
        .collect()
}

/// The shape of `ty`, whose inline enums are among `enums` (its owner's).
fn spec_shape(api: &Api, enums: &[InlineEnum], ty: &Type) -> Shape {
    match ty {
        Type::String => Shape::of("string"),
        Type::Integer { min, max } => Shape {
            minimum: min.map(|m| m as f64),
            maximum: max.map(|m| m as f64),
            ..Shape::of("integer")
        },
        Type::Number { min, max } => Shape {
            minimum: *min,
            maximum: *max,
            ..Shape::of("number")
        },
        Type::Decimal => Shape::of("decimal"),
        Type::Boolean => Shape::of("boolean"),
        // The written format is the client's choice; the OpenAPI only says date-time.
        Type::DateTime(_) | Type::DateFilter(_) => Shape::of("date-time"),
        Type::Date => Shape::of("date"),
        Type::Uri => Shape::of("uri"),
        Type::Json => Shape::of("json"),
        Type::Named(name) | Type::Object(name) => named_shape(api, name),
        Type::Enum(name) => {
            let inline = enums
                .iter()
                .find(|e| &e.name == name)
                .unwrap_or_else(|| panic!("model: no inline enum {name}"));
            enum_shape(&inline.def)
        }
        Type::Array(items) => Shape {
            inner: Some(Box::new(spec_shape(api, enums, items))),
            ..Shape::of("array")
        },
        Type::Map { value, .. } => Shape {
            inner: Some(Box::new(spec_shape(api, enums, value))),
            ..Shape::of("map")
        },
    }
}

fn named_shape(api: &Api, name: &str) -> Shape {
    let named = api
        .types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("model: no type {name}"));
    match &named.kind {
        NamedKind::Sid { prefix, digits } => {
            let length = (prefix.len() + digits) as u64;
            Shape {
                pattern: Some(format!("^{prefix}[0-9a-fA-F]{{{digits}}}$")),
                min_length: Some(length),
                max_length: Some(length),
                ..Shape::of("string")
            }
        }
        NamedKind::Constrained(rule) => Shape {
            pattern: rule.pattern.clone(),
            min_length: rule.min_length,
            max_length: rule.max_length,
            ..Shape::of("string")
        },
        NamedKind::Enum(def) => enum_shape(def),
        NamedKind::Object(def) => Shape {
            fields: def
                .fields
                .iter()
                .map(|f| {
                    let shape = spec_shape(api, &def.enums, &f.ty);
                    (f.wire.clone(), (f.nullable, shape))
                })
                .collect(),
            ..Shape::of("object")
        },
    }
}

fn enum_shape(def: &EnumDef) -> Shape {
    Shape {
        values: Some(def.variants.iter().map(|v| v.wire.clone()).collect()),
        ..Shape::of("enum")
    }
}

/// A default in the form [`show_openapi_default`] gives.
fn show_literal(literal: &Literal) -> String {
    match literal {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Float(f) => f.to_string(),
        Literal::Str(s) | Literal::Variant { wire: s, .. } => format!("{s:?}"),
    }
}

// ---------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------

/// Every difference between the OpenAPI document and the spec, sorted.
fn compare(doc: &Value, spec: &Spec) -> Vec<Difference> {
    let mut out = Vec::new();
    let ops = openapi_ops(doc);
    // Each resource, with the OpenAPI schemas its operations return and from which ops.
    type Answers<'a> = BTreeMap<&'a str, (&'a Value, Vec<&'a str>)>;
    let mut records: BTreeMap<&str, (&Resource, Answers)> = BTreeMap::new();
    for (resource, op) in pair_operations(&ops, spec, &mut out) {
        let Some(theirs) = ops
            .iter()
            .find(|o| o.method == method(op) && o.path == spec_path(op))
        else {
            continue;
        };
        let body = body(doc, theirs, op.kind == OpKind::List);
        compare_operation(doc, spec, theirs, &body, resource, op, &mut out);
        let schema = match body {
            Body::None => continue,
            Body::Record(schema)
            | Body::Page {
                records: schema, ..
            } => schema,
        };
        records
            .entry(resource.wire.as_str())
            .or_insert_with(|| (resource, BTreeMap::new()))
            .1
            .entry(schema.name)
            .or_insert_with(|| (schema.node, Vec::new()))
            .1
            .push(&theirs.id);
    }
    for (resource, schemas) in records.values() {
        compare_records(doc, &spec.api, resource, schemas, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

fn method(op: &Operation) -> String {
    op.method.as_str().to_string()
}

/// Pairs each spec operation with the OpenAPI operation of the same method and path,
/// recording operations only one side has. Returns the spec operations to compare.
fn pair_operations<'a>(
    ops: &[OpenApiOp],
    spec: &'a Spec,
    out: &mut Vec<Difference>,
) -> Vec<(&'a Resource, &'a Operation)> {
    let mut by_route: BTreeMap<(String, String), Vec<(&Resource, &Operation)>> = BTreeMap::new();
    for resource in &spec.api.resources {
        for op in &resource.operations {
            by_route
                .entry((method(op), spec_path(op)))
                .or_default()
                .push((resource, op));
        }
    }
    for theirs in ops {
        let route = (theirs.method.clone(), theirs.path.clone());
        let count = by_route.get(&route).map_or(0, Vec::len);
        let node = by_route.get(&route).and_then(|v| v.last()).map_or_else(
            || format!("resources.*.operations ({} {})", theirs.method, theirs.path),
            |(r, o)| op_node(r, o),
        );
        Recorder::new(&theirs.id, &node, out).check("operations", 1, count);
    }
    let mut paired = Vec::new();
    for ((method, path), ours) in &by_route {
        if ops.iter().any(|o| &o.method == method && &o.path == path) {
            paired.extend(ours.iter().copied());
            continue;
        }
        for (resource, op) in ours {
            let openapi = format!("{method} {path}");
            let spec = op_node(resource, op);
            Recorder::new(&openapi, &spec, out).check("presence", "absent", "present");
        }
    }
    paired
}

fn compare_operation(
    doc: &Value,
    spec: &Spec,
    theirs: &OpenApiOp,
    body: &Body,
    resource: &Resource,
    op: &Operation,
    out: &mut Vec<Difference>,
) {
    let node = op_node(resource, op);
    let mut rec = Recorder::new(&theirs.id, &node, out);
    let mut ours: Vec<String> = op.statuses.iter().map(|s| s.to_string()).collect();
    ours.sort();
    let mut expected = theirs.statuses.clone();
    expected.sort();
    rec.check("success status", expected.join(", "), ours.join(", "));
    rec.check("without credentials", theirs.anonymous, op.anonymous);
    let page_key = match body {
        Body::Page { key, .. } => key.as_str(),
        _ => "none",
    };
    let ours_key = match (&resource.page, op.kind) {
        (Some(page), OpKind::List) => page.key.as_str(),
        _ => "none",
    };
    rec.check("page records key", page_key, ours_key);

    let ours = spec_params(resource, op);
    for p in &theirs.params {
        let openapi = format!("{} parameter {}", theirs.id, p.name);
        // By wire name, and by location where a name is taken twice (api_v2010's
        // `AccountSid` in the path and, to move a number, in the form).
        let named = |q: &&&Param| q.wire == p.name;
        let here = ours
            .iter()
            .find(|q| named(q) && q.location.as_str() == p.location)
            .or_else(|| ours.iter().find(named));
        match here {
            Some(q) => {
                let node = spec.param_node(resource, op, q);
                let mut rec = Recorder::new(&openapi, &node, out);
                compare_param(doc, &spec.api, resource, p, q, &mut rec);
            }
            None => {
                let node = format!("{node}.params.{}", p.name);
                Recorder::new(&openapi, &node, out).check("presence", "present", "absent");
            }
        }
    }
    for q in ours.iter().filter(|q| {
        let named: Vec<&OpenApiParam> = theirs.params.iter().filter(|p| p.name == q.wire).collect();
        named.is_empty()
            || (named.len() > 1 && !named.iter().any(|p| p.location == q.location.as_str()))
    }) {
        let openapi = format!("{} parameter {}", theirs.id, q.wire);
        let node = spec.param_node(resource, op, q);
        Recorder::new(&openapi, &node, out).check("presence", "absent", "present");
    }
}

fn compare_param(
    doc: &Value,
    api: &Api,
    resource: &Resource,
    theirs: &OpenApiParam,
    ours: &Param,
    rec: &mut Recorder,
) {
    rec.check("in", theirs.location, ours.location.as_str());
    rec.check("required", theirs.required, ours.required);
    rec.check(
        "nullable",
        openapi_nullable(doc, theirs.schema),
        ours.nullable,
    );
    let expected = openapi_shape(doc, theirs.schema);
    compare_shapes(
        "",
        &expected,
        &spec_shape(api, &resource.enums, &ours.ty),
        rec,
    );
}

/// A resource's properties against every schema its operations return. With several,
/// the record is read as the union of them (the import reports each such resource):
/// every schema's property must be a field of the same shape as in some schema that
/// has it, and every field in some schema.
fn compare_records(
    doc: &Value,
    api: &Api,
    resource: &Resource,
    schemas: &BTreeMap<&str, (&Value, Vec<&str>)>,
    out: &mut Vec<Difference>,
) {
    if schemas.len() > 1 {
        let node = format!("resources.{}", resource.wire);
        let ids: Vec<&str> = schemas.values().flat_map(|(_, ids)| ids).copied().collect();
        let names: Vec<&str> = schemas.keys().copied().collect();
        Recorder::new(&ids.join(", "), &node, out).check("record schemas", "one", names.join(", "));
    }
    // Each property, with every schema that has it, in the order first seen.
    let mut properties: Vec<(String, Vec<(&str, &Value)>)> = Vec::new();
    for (schema_name, (schema, _)) in schemas {
        for (name, property) in object_properties(doc, schema).0 {
            match properties.iter_mut().find(|(n, _)| *n == name) {
                Some((_, holders)) => holders.push((schema_name, property)),
                None => properties.push((name, vec![(schema_name, property)])),
            }
        }
    }
    for (name, holders) in &properties {
        let node = format!("resources.{}.properties.{name}", resource.wire);
        let Some(field) = resource.fields.iter().find(|f| &f.wire == name) else {
            let openapi = format!("schema {} property {name}", holders[0].0);
            Recorder::new(&openapi, &node, out).check("presence", "present", "absent");
            continue;
        };
        let mut first = None;
        for (schema_name, property) in holders {
            let openapi = format!("schema {schema_name} property {name}");
            let mut found = Vec::new();
            let mut rec = Recorder::new(&openapi, &node, &mut found);
            compare_property(doc, api, resource, property, field, &mut rec);
            if found.is_empty() {
                first = None;
                break;
            }
            first.get_or_insert(found);
        }
        out.extend(first.unwrap_or_default());
    }
    for field in &resource.fields {
        if !properties.iter().any(|(name, _)| *name == field.wire) {
            let schema_name = schemas.keys().next().copied().unwrap_or("none");
            let openapi = format!("schema {schema_name} property {}", field.wire);
            let node = format!("resources.{}.properties.{}", resource.wire, field.wire);
            Recorder::new(&openapi, &node, out).check("presence", "absent", "present");
        }
    }
}

fn compare_property(
    doc: &Value,
    api: &Api,
    resource: &Resource,
    theirs: &Value,
    ours: &Field,
    rec: &mut Recorder,
) {
    rec.check("nullable", openapi_nullable(doc, theirs), ours.nullable);
    rec.check(
        "default",
        show(&get(theirs, "default").map(show_openapi_default)),
        show(&ours.default.as_ref().map(show_literal)),
    );
    let expected = openapi_shape(doc, theirs);
    compare_shapes(
        "",
        &expected,
        &spec_shape(api, &resource.enums, &ours.ty),
        rec,
    );
}

// ---------------------------------------------------------------------------------
// The witness can fail: each test mutates a copy of the OpenAPI document and expects
// the comparison to name exactly that change.
// ---------------------------------------------------------------------------------

fn difference(openapi: &str, spec: &str, differs: &str, expected: &str, found: &str) -> Difference {
    Difference {
        openapi: openapi.into(),
        spec: spec.into(),
        differs: differs.into(),
        expected: expected.into(),
        found: found.into(),
    }
}

fn departure(d: &Difference) -> Departure {
    Departure {
        openapi: d.openapi.clone(),
        spec: d.spec.clone(),
        differs: d.differs.clone(),
        expected: d.expected.clone(),
        found: d.found.clone(),
        reason: "on purpose".into(),
    }
}

/// The node at `keys` under `node`, for editing.
fn node_mut<'a>(node: &'a mut Value, keys: &[&str]) -> &'a mut Value {
    keys.iter().fold(node, |node, key| {
        node.get_mut(*key)
            .unwrap_or_else(|| panic!("OpenAPI fixture has no `{key}` on the way to {keys:?}"))
    })
}

/// A parameter of the operation at `path` / `method`, by name.
fn parameter_mut<'a>(doc: &'a mut Value, path: &str, method: &str, name: &str) -> &'a mut Value {
    node_mut(doc, &["paths", path, method, "parameters"])
        .as_array_mut()
        .expect("parameters are a list")
        .iter_mut()
        .find(|p| get_str(p, "name") == Some(name))
        .unwrap_or_else(|| panic!("no parameter {name} on {method} {path}"))
}

/// The differences `mutate` adds to those of the unchanged document.
fn differences_after(mutate: impl FnOnce(&mut Value)) -> Vec<Difference> {
    let spec = Spec::load();
    let mut doc = openapi();
    let before = compare(&doc, &spec);
    mutate(&mut doc);
    let after = compare(&doc, &spec);
    after.into_iter().filter(|d| !before.contains(d)).collect()
}

const INVITES: &str = "/v1/Services/{ServiceSid}/Channels/{ChannelSid}/Invites";

#[test]
fn a_changed_bound_is_reported() {
    let added = differences_after(|doc| {
        let page_size = parameter_mut(doc, INVITES, "get", "PageSize");
        *node_mut(page_size, &["schema", "maximum"]) = Value::from(999);
    });
    let [d] = added.as_slice() else {
        panic!("expected one new difference, got {added:#?}");
    };
    assert_eq!(
        (
            d.openapi.as_str(),
            d.spec.as_str(),
            d.differs.as_str(),
            d.expected.as_str()
        ),
        (
            "ListInvite parameter PageSize",
            "resources.Invite.operations.list.params.PageSize",
            "maximum",
            "999"
        )
    );
}

#[test]
fn a_dropped_property_is_reported() {
    let added = differences_after(|doc| {
        let properties = node_mut(
            doc,
            &[
                "components",
                "schemas",
                "chat.v1.service.channel.invite",
                "properties",
            ],
        );
        let removed = properties
            .as_object_mut()
            .and_then(|m| m.remove("created_by"));
        assert!(removed.is_some(), "the fixture's Invite has created_by");
    });
    assert_eq!(
        added,
        [difference(
            "schema chat.v1.service.channel.invite property created_by",
            "resources.Invite.properties.created_by",
            "presence",
            "absent",
            "present",
        )]
    );
}

#[test]
fn a_renamed_parameter_is_reported_on_both_sides() {
    let added = differences_after(|doc| {
        let form = node_mut(
            doc,
            &[
                "paths",
                INVITES,
                "post",
                "requestBody",
                "content",
                "application/x-www-form-urlencoded",
                "schema",
                "properties",
            ],
        )
        .as_object_mut()
        .expect("form properties are a mapping");
        let role = form.remove("RoleSid").expect("CreateInvite has RoleSid");
        form.insert("RoleSID".into(), role);
    });
    assert_eq!(
        added,
        [
            difference(
                "CreateInvite parameter RoleSID",
                "resources.Invite.operations.create.params.RoleSID",
                "presence",
                "present",
                "absent",
            ),
            difference(
                "CreateInvite parameter RoleSid",
                "resources.Invite.operations.create.params.RoleSid",
                "presence",
                "absent",
                "present",
            ),
        ]
    );
}

#[test]
fn a_departure_excuses_only_its_difference_and_a_stale_one_fails() {
    let real = difference(
        "Op parameter A",
        "resources.R.params.A",
        "minimum",
        "1",
        "0",
    );
    let other = difference(
        "Op parameter B",
        "resources.R.params.B",
        "maximum",
        "9",
        "8",
    );
    let excuse = departure(&real);
    assert_eq!(
        apply_departures(vec![real.clone(), other.clone()], &[excuse]),
        [other.to_string()]
    );

    let problems = apply_departures(Vec::new(), &[departure(&real)]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("stale departure"), "{problems:?}");
}
