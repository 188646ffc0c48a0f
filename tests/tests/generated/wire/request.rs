//! What a row must send (the example's values, completed and normalised), and the
//! check of the one request the server received.

use super::*;

/// A scalar as a form or query value: booleans as `true`/`false`.
pub(super) fn wire_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        other => panic!("not a scalar: {other}"),
    }
}

/// `params` as the wire pairs they must become: an array as a repeated key.
pub(super) fn wire_pairs(params: &Map<String, Value>) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (key, value) in params {
        match value {
            Value::Array(items) => pairs.extend(items.iter().map(|v| (key.clone(), wire_text(v)))),
            scalar => pairs.push((key.clone(), wire_text(scalar))),
        }
    }
    pairs
}

/// The values the row's call gets, and the server must receive: a list's query from
/// the row, or the example request without the [`SKIPPED`] keys.
pub(super) fn values_to_send<C>(
    doc: &Doc,
    op: &Operation,
    row: &Row<C>,
) -> Result<Map<String, Value>, String> {
    let is_list = op.id.starts_with("List");
    if !is_list && !row.query.is_empty() {
        return Err("only a list row sets a query".into());
    }
    if is_list {
        let known = op.query_param_names();
        let mut query = Map::new();
        for &(key, value) in row.query {
            if !known.contains(key) {
                return Err(format!("{key} is not a query parameter of the operation"));
            }
            match query.get_mut(key) {
                None => {
                    query.insert(key.to_owned(), value.into());
                }
                Some(Value::Array(items)) => items.push(value.into()),
                Some(first) => *first = Value::Array(vec![first.take(), value.into()]),
            }
        }
        op.fill_required(&mut query, op.required_in_query());
        return Ok(query);
    }
    let mut example = op.request_example().unwrap_or_default();
    for skip in doc.skipped.iter().filter(|skip| skip.op == op.id) {
        let keys: Vec<String> = example
            .keys()
            .filter(|key| matches_pattern(skip.key, key))
            .cloned()
            .collect();
        if keys.len() != skip.count {
            return Err(format!(
                "skip {:?} matches {} keys of the example, not {}: {keys:?}",
                skip.key,
                keys.len(),
                skip.count
            ));
        }
        for key in keys {
            if op.request_schema_has(&key) {
                return Err(format!("skipped {key} is a parameter of the operation"));
            }
            example.remove(&key);
        }
    }
    op.fill_required(&mut example, op.required_in_body());
    op.fill_required(&mut example, op.required_in_query());
    for fix in doc
        .corrected
        .iter()
        .filter(|fix| fix.op == op.id && fix.in_request)
    {
        fix.apply(&mut example)?;
    }
    for (key, value) in example.iter_mut() {
        let schema = doc.resolve(&op.form()["schema"]["properties"][key.as_str()]);
        let compact = |value: &mut Value| {
            if let Some(json) = value.as_str().and_then(|t| t.parse::<Value>().ok()) {
                *value = Value::String(json.to_string());
            }
        };
        match (schema["type"].as_str(), &schema["items"]) {
            // A float is sent as the number it is (`0.50` as `0.5`); a decimal (a
            // number without `format: float`) is sent as written: `12.00`.
            (Some("number"), _)
                if matches!(schema["format"].as_str(), Some("float" | "double")) =>
            {
                if let Some(n) = value.as_str().and_then(|t| t.parse::<f64>().ok()) {
                    *value = Value::String(n.to_string());
                }
            }
            // A boolean is sent as Twilio's libraries write it: `"True"` as `true`.
            (Some("boolean"), _) => {
                if let Some(b) = value
                    .as_str()
                    .and_then(|t| t.to_lowercase().parse::<bool>().ok())
                {
                    *value = Value::String(b.to_string());
                }
            }
            // Any JSON (`items: {}`) is sent as the client writes it, without the
            // example's spaces; the API reads the same JSON.
            (Some("array"), items) if items.as_object().is_some_and(Map::is_empty) => {
                value.as_array_mut().into_iter().flatten().for_each(compact);
            }
            // An object where a form takes text (a JSON document the API reads) is
            // sent as its JSON text, as Twilio's libraries send one.
            (Some("string"), _) if value.is_object() && !op.form().is_null() => {
                *value = Value::String(value.to_string());
            }
            _ => {}
        }
    }
    Ok(example)
}

/// `key` against a [`Skip`] pattern: `*` matches exactly one dotted part.
pub(super) fn matches_pattern(pattern: &str, key: &str) -> bool {
    let (pattern, key): (Vec<_>, Vec<_>) = (pattern.split('.').collect(), key.split('.').collect());
    pattern.len() == key.len() && pattern.iter().zip(&key).all(|(p, k)| *p == "*" || p == k)
}

/// Checks the one request the server received: method, exact raw path, credentials,
/// and the values (form body for a POST, query for a list, nothing otherwise).
pub(super) fn check_request(
    op: &Operation,
    request: &Request,
    params: &Map<String, Value>,
    headers: &[(&str, &str)],
    credentials: &str,
    problems: &mut Vec<String>,
) {
    expect_in(problems)("method", op.method.clone(), request.method.to_string());
    check_path(op, request, problems);
    check_headers(op, request, headers, credentials, problems);
    check_values(op, request, params, problems);
}

/// The credentials (none for an anonymous operation) and the headers expected.
fn check_headers(
    op: &Operation,
    request: &Request,
    headers: &[(&str, &str)],
    credentials: &str,
    problems: &mut Vec<String>,
) {
    let mut expect = expect_in(problems);
    let authorization = request
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let credentials = match op.anonymous() {
        true => String::new(),
        false => credentials.to_owned(),
    };
    expect("Authorization", credentials, authorization.into());

    for (name, value) in headers {
        let sent: Vec<&str> = request
            .headers
            .get_all(*name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        expect(
            &format!("header {name}"),
            format!("[{value:?}]"),
            format!("{sent:?}"),
        );
    }
}

/// A check that records a difference in `problems`: what, expected, found.
fn expect_in(problems: &mut Vec<String>) -> impl FnMut(&str, String, String) + '_ {
    move |what, expected, found| {
        if expected != found {
            problems.push(format!("{what}: expected {expected:?}, sent {found:?}"));
        }
    }
}

/// The exact raw path, each free-text segment percent-encoded as one segment.
fn check_path(op: &Operation, request: &Request, problems: &mut Vec<String>) {
    let mut expect = expect_in(problems);
    let expected_path = op.expected_path();
    let sent_path = request.url.path().to_owned();
    expect("path", expected_path.clone(), sent_path.clone());
    // A free-text parameter is one segment, percent-encoded: the same segment count.
    let sent_segments: Vec<&str> = sent_path.split('/').collect();
    for (i, segment) in op.template.split('/').enumerate() {
        let is_name = op
            .path_params()
            .iter()
            .any(|p| p.sample == NAME && segment == format!("{{{}}}", p.name));
        if is_name {
            let found = sent_segments.get(i).copied().unwrap_or_default();
            expect(
                &format!("path segment {segment}"),
                NAME_ENCODED.into(),
                found.into(),
            );
        }
    }
    expect(
        "path segments",
        expected_path.split('/').count().to_string(),
        sent_segments.len().to_string(),
    );
}

/// The values: a form body where the operation declares one, a JSON body, or the
/// query string, and nothing where the others would go.
fn check_values(
    op: &Operation,
    request: &Request,
    params: &Map<String, Value>,
    problems: &mut Vec<String>,
) {
    let mut expect = expect_in(problems);
    let sorted = |mut pairs: Vec<(String, String)>| {
        pairs.sort();
        format!("{pairs:?}")
    };
    // Only a form or a query is pairs; a JSON body may nest.
    let expected_pairs = || sorted(wire_pairs(params));
    let query = request.url.query();
    let body = String::from_utf8_lossy(&request.body).into_owned();
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // A form body where the operation declares one (a POST, or a PATCH); the query
    // string otherwise. A POST with no body declared sends none.
    if !op.form().is_null() {
        expect(
            "Content-Type",
            "application/x-www-form-urlencoded".into(),
            content_type.into(),
        );
        let form: Vec<(String, String)> =
            serde_urlencoded::from_str(&body).unwrap_or_else(|e| panic!("form {body:?}: {e}"));
        expect("form body", expected_pairs(), sorted(form));
        expect("query", "None".into(), format!("{query:?}"));
    } else if !op.json_body().is_null() {
        expect(
            "Content-Type",
            "application/json".into(),
            content_type.into(),
        );
        let sent: Value = serde_json::from_str(&body).unwrap_or(Value::String(body.clone()));
        // The same JSON, in whichever order the keys were written.
        let expected = Value::Object(params.clone());
        if sent != expected {
            expect("JSON body", expected.to_string(), sent.to_string());
        }
        expect("query", "None".into(), format!("{query:?}"));
    } else if op.method == "POST" {
        expect("body", String::new(), body);
        expect("query", "None".into(), format!("{query:?}"));
        expect("form body", expected_pairs(), "[]".into());
    } else {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or_default())
            .unwrap_or_else(|e| panic!("query {query:?}: {e}"));
        expect("query", expected_pairs(), sorted(pairs));
        expect("body", String::new(), body);
    }
}
