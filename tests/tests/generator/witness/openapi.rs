//! The OpenAPI side: operations, parameters and schemas read from the document.

use super::*;

/// The OpenAPI file at `path`, read as the importer reads it (the witness checks the
/// importer's mapping, independently; the parsing is shared).
pub(super) fn openapi_at(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = codegen::SourceFile {
        name: path.display().to_string(),
        text,
    };
    codegen::import::read_openapi(&file).unwrap_or_else(|d| panic!("{d}"))
}

/// Chat v1's OpenAPI source, for the mutation tests.
pub(super) fn openapi() -> Value {
    let spec = Spec::load();
    let link = spec.api.openapi.expect("Chat v1 names its OpenAPI source");
    openapi_at(&workspace_root().join(CHAT_V1).join(link.source))
}

/// The entries of a spec file's mapping, if the node is one.
pub(super) fn yaml_entries(
    node: Option<&serde_yaml::Value>,
) -> Vec<(&serde_yaml::Value, &serde_yaml::Value)> {
    let map = node.and_then(serde_yaml::Value::as_mapping);
    map.into_iter().flatten().collect()
}

/// A key of a mapping, when the node is one and has it.
pub(super) fn get<'a>(node: &'a Value, key: &str) -> Option<&'a Value> {
    node.as_object().and_then(|m| m.get(key))
}

pub(super) fn get_str<'a>(node: &'a Value, key: &str) -> Option<&'a str> {
    get(node, key).and_then(Value::as_str)
}

pub(super) fn get_bool(node: &Value, key: &str) -> bool {
    get(node, key).and_then(Value::as_bool).unwrap_or(false)
}

pub(super) fn get_u64(node: &Value, key: &str) -> Option<u64> {
    get(node, key).map(|v| {
        v.as_u64()
            .unwrap_or_else(|| panic!("OpenAPI `{key}` is not a whole number: {v:?}"))
    })
}

pub(super) fn get_f64(node: &Value, key: &str) -> Option<f64> {
    get(node, key).map(|v| {
        v.as_f64()
            .unwrap_or_else(|| panic!("OpenAPI `{key}` is not a number: {v:?}"))
    })
}

/// The node a `$ref` names (`#/components/<kind>/<name>`), with the name when it is a
/// schema's; a node without `$ref` is itself.
pub(super) fn resolve<'a>(doc: &'a Value, node: &'a Value) -> (Option<&'a str>, &'a Value) {
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
pub(super) fn object_properties<'a>(
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
pub(super) fn openapi_nullable(doc: &Value, schema: &Value) -> bool {
    get_bool(schema, "nullable") || get_bool(resolve(doc, schema).1, "nullable")
}

pub(super) fn openapi_shape(doc: &Value, schema: &Value) -> Shape {
    openapi_shape_at(doc, schema, 0)
}

/// The shape of `schema`, `depth` objects down.
pub(super) fn openapi_shape_at(doc: &Value, schema: &Value, depth: usize) -> Shape {
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
pub(super) fn scalar_text(value: &Value, what: &str) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => panic!("OpenAPI {what} is not a scalar: {other:?}"),
    }
}

/// A default as written in the OpenAPI, in the form [`show_literal`] gives.
pub(super) fn show_openapi_default(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        other => scalar_text(other, "default"),
    }
}

pub(super) struct OpenApiParam<'a> {
    pub(super) name: String,
    pub(super) location: &'static str,
    pub(super) required: bool,
    pub(super) schema: &'a Value,
}

/// What a successful response carries, read as the spec's operation reads it.
pub(super) enum Body<'a> {
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
pub(super) struct Schema<'a> {
    pub(super) name: &'a str,
    pub(super) node: &'a Value,
}

pub(super) struct OpenApiOp<'a> {
    pub(super) id: String,
    pub(super) method: String,
    pub(super) path: String,
    /// The 2xx statuses, or the 3xx ones of an operation that only redirects.
    pub(super) statuses: Vec<String>,
    pub(super) params: Vec<OpenApiParam<'a>>,
    /// The JSON schema of the first success's body, if it has one.
    pub(super) answer: Option<&'a Value>,
    /// `security: []`: the operation takes no credentials.
    pub(super) anonymous: bool,
}

pub(super) const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// The media types whose bodies are JSON: Twilio's, and SCIM's.
pub(super) const JSON_MEDIA: [&str; 2] = ["application/json", "application/scim+json"];

pub(super) fn openapi_ops(doc: &Value) -> Vec<OpenApiOp<'_>> {
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

pub(super) fn openapi_op<'a>(
    doc: &'a Value,
    path: &str,
    method: &str,
    op: &'a Value,
) -> OpenApiOp<'a> {
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
pub(super) fn body<'a>(doc: &'a Value, theirs: &'a OpenApiOp<'a>, list: bool) -> Body<'a> {
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
pub(super) fn openapi_params<'a>(doc: &'a Value, id: &str, op: &'a Value) -> Vec<OpenApiParam<'a>> {
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

pub(super) fn body_params<'a>(doc: &'a Value, id: &str, op: &'a Value) -> Vec<OpenApiParam<'a>> {
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
