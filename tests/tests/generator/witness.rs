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
use serde_yaml::{Mapping, Value};
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
        let problems = apply_departures(compare(&doc, &spec), &departures(&link));
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

fn openapi_at(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Chat v1's OpenAPI source, for the mutation tests.
fn openapi() -> Value {
    let spec = Spec::load();
    let link = spec.api.openapi.expect("Chat v1 names its OpenAPI source");
    openapi_at(&workspace_root().join(CHAT_V1).join(link.source))
}

/// A key of a mapping, when the node is one and has it.
fn get<'a>(node: &'a Value, key: &str) -> Option<&'a Value> {
    node.as_mapping().and_then(|m| m.get(key))
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

/// The schema a `$ref` names (`#/components/schemas/<name>`), with its name.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> (Option<&'a str>, &'a Value) {
    let Some(reference) = get_str(schema, "$ref") else {
        return (None, schema);
    };
    let name = reference
        .strip_prefix("#/components/schemas/")
        .unwrap_or_else(|| panic!("OpenAPI $ref outside components.schemas: {reference}"));
    (Some(name), schema_by_name(doc, name))
}

/// Nullable on the node, or on the schema it refers to.
fn openapi_nullable(doc: &Value, schema: &Value) -> bool {
    get_bool(schema, "nullable") || get_bool(resolve(doc, schema).1, "nullable")
}

fn openapi_shape(doc: &Value, schema: &Value) -> Shape {
    let schema = resolve(doc, schema).1;
    if let Some(values) = get(schema, "enum") {
        let values = values
            .as_sequence()
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
            min_length: get_u64(schema, "minLength"),
            max_length: get_u64(schema, "maxLength"),
            ..Shape::of("string")
        },
        // `int64` only says how wide the server's integer is.
        (Some(kind @ ("integer" | "number")), None | Some("int32" | "int64")) => Shape {
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
                inner: Some(Box::new(openapi_shape(doc, items))),
                ..Shape::of("array")
            }
        }
        // Twilio's `uri-map`: names to absolute URLs.
        (Some("object"), Some("uri-map")) => Shape {
            inner: Some(Box::new(Shape::of("uri"))),
            ..Shape::of("map")
        },
        // Typed properties: an object type, property by property.
        (Some("object"), None) if get(schema, "properties").is_some_and(|p| !is_empty(p)) => {
            let fields = get(schema, "properties")
                .and_then(Value::as_mapping)
                .into_iter()
                .flatten()
                .map(|(name, property)| {
                    let shape = openapi_shape(doc, property);
                    let nullable = openapi_nullable(doc, property);
                    (scalar_text(name, "property name"), (nullable, shape))
                })
                .collect();
            Shape {
                fields,
                ..Shape::of("object")
            }
        }
        (Some("object"), None) => Shape::of("json"),
        // Reported as a difference of type: the spec can't have said it.
        (kind, format) => Shape::of(Box::leak(
            format!("unknown to the witness (type {kind:?}, format {format:?})").into_boxed_str(),
        )),
    }
}

/// True for an empty mapping (`properties: {}`), which says nothing of the object.
fn is_empty(node: &Value) -> bool {
    node.as_mapping().is_some_and(Mapping::is_empty)
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

/// What a successful response carries.
enum Body<'a> {
    None,
    /// One record of the named schema.
    Record(&'a str),
    /// A page: the records key and the records' schema.
    Page {
        key: String,
        schema: &'a str,
    },
}

struct OpenApiOp<'a> {
    id: String,
    method: String,
    path: String,
    statuses: Vec<String>,
    params: Vec<OpenApiParam<'a>>,
    body: Body<'a>,
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn openapi_ops(doc: &Value) -> Vec<OpenApiOp<'_>> {
    let paths = get(doc, "paths")
        .and_then(Value::as_mapping)
        .expect("OpenAPI has `paths`");
    let mut ops = Vec::new();
    for (path, item) in paths {
        let path = path.as_str().expect("OpenAPI path keys are strings");
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
        .and_then(Value::as_mapping)
        .unwrap_or_else(|| panic!("OpenAPI {id} has no responses"));
    let success: Vec<(String, &Value)> = responses
        .iter()
        .map(|(status, r)| (scalar_text(status, "status"), r))
        .filter(|(status, _)| status.starts_with('2'))
        .collect();
    let body = success.first().map_or(Body::None, |(_, response)| {
        response_body(doc, &id, response)
    });
    OpenApiOp {
        method: method.to_uppercase(),
        path: path.to_string(),
        statuses: success.iter().map(|(s, _)| s.clone()).collect(),
        params: openapi_params(&id, op),
        body,
        id,
    }
}

fn response_body<'a>(doc: &'a Value, id: &str, response: &'a Value) -> Body<'a> {
    let Some(schema) = get(response, "content")
        .and_then(|c| get(c, "application/json"))
        .and_then(|j| get(j, "schema"))
    else {
        return Body::None;
    };
    if let (Some(name), _) = resolve(doc, schema) {
        return Body::Record(name);
    }
    // A page: `meta` (read by the runtime, the same for every list) and the records.
    let properties = get(schema, "properties")
        .and_then(Value::as_mapping)
        .unwrap_or_else(|| panic!("OpenAPI {id}: a response that is neither $ref nor page"));
    // The records are the page's one array; beside them `meta`, or api_v2010's
    // `next_page_uri` and the rest (`paging: flat`), which the runtime reads alike.
    let records: Vec<(&Value, &Value)> = properties
        .iter()
        .filter(|(key, v)| key.as_str() != Some("meta") && get_str(v, "type") == Some("array"))
        .collect();
    let [(key, records)] = records.as_slice() else {
        panic!("OpenAPI {id}: a page should have `meta` and one records array");
    };
    let items = get(records, "items")
        .unwrap_or_else(|| panic!("OpenAPI {id}: the page records are not an array"));
    match resolve(doc, items) {
        (Some(schema), _) => Body::Page {
            key: scalar_text(key, "page key"),
            schema,
        },
        (None, _) => panic!("OpenAPI {id}: page records are not a $ref"),
    }
}

/// Path and query parameters, then the form body's properties.
fn openapi_params<'a>(id: &str, op: &'a Value) -> Vec<OpenApiParam<'a>> {
    let mut params = Vec::new();
    for p in get(op, "parameters")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
    {
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
    params.extend(form_params(id, op));
    params
}

fn form_params<'a>(id: &str, op: &'a Value) -> Vec<OpenApiParam<'a>> {
    let Some(body) = get(op, "requestBody").and_then(|b| get(b, "content")) else {
        return Vec::new();
    };
    let schema = get(body, "application/x-www-form-urlencoded")
        .and_then(|f| get(f, "schema"))
        .unwrap_or_else(|| panic!("OpenAPI {id}: a request body that is not a form"));
    let required: BTreeSet<&str> = get(schema, "required")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    get(schema, "properties")
        .and_then(Value::as_mapping)
        .into_iter()
        .flatten()
        .map(|(name, property)| {
            let name = scalar_text(name, "form property name");
            OpenApiParam {
                required: required.contains(name.as_str()),
                location: "form",
                schema: property,
                name,
            }
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
        let api = codegen::check(&sources).unwrap_or_else(|d| panic!("{display} has errors:\n{d}"));
        // The model keeps no record of where a path parameter was written; the raw
        // YAML does, and a failure should point at the line to edit.
        let mut resource_params = BTreeSet::new();
        for source in &sources {
            let raw: Value = serde_yaml::from_str(&source.text)
                .unwrap_or_else(|e| panic!("{}: {e}", source.name));
            for (resource, body) in get(&raw, "resources")
                .and_then(Value::as_mapping)
                .into_iter()
                .flatten()
            {
                for (param, _) in get(body, "params")
                    .and_then(Value::as_mapping)
                    .into_iter()
                    .flatten()
                {
                    resource_params.insert((
                        scalar_text(resource, "resource name"),
                        scalar_text(param, "parameter name"),
                    ));
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
        Type::Boolean => Shape::of("boolean"),
        // The written format is the client's choice; the OpenAPI only says date-time.
        Type::DateTime(_) => Shape::of("date-time"),
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
    let mut records: BTreeMap<&str, (&Resource, BTreeMap<&str, Vec<&str>>)> = BTreeMap::new();
    for (resource, op) in pair_operations(&ops, spec, &mut out) {
        let Some(theirs) = ops
            .iter()
            .find(|o| o.method == method(op) && o.path == spec_path(op))
        else {
            continue;
        };
        compare_operation(doc, spec, theirs, resource, op, &mut out);
        let schema = match &theirs.body {
            Body::None => continue,
            Body::Record(schema) | Body::Page { schema, .. } => schema,
        };
        records
            .entry(resource.wire.as_str())
            .or_insert_with(|| (resource, BTreeMap::new()))
            .1
            .entry(schema)
            .or_default()
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
    let page_key = match &theirs.body {
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
        match ours.iter().find(|q| q.wire == p.name) {
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
    for q in ours
        .iter()
        .filter(|q| !theirs.params.iter().any(|p| p.name == q.wire))
    {
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

/// A resource's properties against every schema its operations return.
fn compare_records(
    doc: &Value,
    api: &Api,
    resource: &Resource,
    schemas: &BTreeMap<&str, Vec<&str>>,
    out: &mut Vec<Difference>,
) {
    if schemas.len() > 1 {
        let node = format!("resources.{}", resource.wire);
        let ids: Vec<&str> = schemas.values().flatten().copied().collect();
        let names: Vec<&str> = schemas.keys().copied().collect();
        Recorder::new(&ids.join(", "), &node, out).check("record schemas", "one", names.join(", "));
    }
    for schema_name in schemas.keys() {
        let schema = schema_by_name(doc, schema_name);
        compare_properties(doc, api, resource, schema_name, schema, out);
    }
}

fn schema_by_name<'a>(doc: &'a Value, name: &str) -> &'a Value {
    get(doc, "components")
        .and_then(|c| get(c, "schemas"))
        .and_then(|s| get(s, name))
        .unwrap_or_else(|| panic!("OpenAPI: no schema {name}"))
}

fn compare_properties(
    doc: &Value,
    api: &Api,
    resource: &Resource,
    schema_name: &str,
    schema: &Value,
    out: &mut Vec<Difference>,
) {
    let empty = Mapping::new();
    let properties = get(schema, "properties")
        .and_then(Value::as_mapping)
        .unwrap_or(&empty);
    for (name, property) in properties {
        let name = scalar_text(name, "property name");
        let openapi = format!("schema {schema_name} property {name}");
        let node = format!("resources.{}.properties.{name}", resource.wire);
        let mut rec = Recorder::new(&openapi, &node, out);
        match resource.fields.iter().find(|f| f.wire == name) {
            Some(field) => compare_property(doc, api, resource, property, field, &mut rec),
            None => rec.check("presence", "present", "absent"),
        }
    }
    for field in &resource.fields {
        if !properties.contains_key(field.wire.as_str()) {
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
        .as_sequence_mut()
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
            .as_mapping_mut()
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
        .as_mapping_mut()
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
