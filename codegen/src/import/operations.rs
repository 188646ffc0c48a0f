//! A resource's operations: parameters, answers, paging and the names they get.

use super::*;

/// True when the operation's success has no body to read: a 204, a 2xx without
/// content, or, with no 2xx at all, a redirect.
pub(super) fn answers_no_record(op: &RawOp) -> bool {
    match success(op.node) {
        Some((status, response)) => status == 204 || response.get("content").is_none(),
        None => !redirects(op.node).is_empty(),
    }
}

/// The 3xx statuses an operation answers with.
pub(super) fn redirects(op: &Value) -> Vec<u16> {
    let mut statuses: Vec<u16> = object(op.get("responses").unwrap_or(&Value::Null))
        .keys()
        .filter_map(|k| k.parse().ok())
        .filter(|s| (300..400).contains(s))
        .collect();
    statuses.sort_unstable();
    statuses
}

/// The JSON schema of an operation's success answer, with its status.
pub(super) fn answer_schema<'a>(op: &RawOp<'a>) -> Option<(u16, &'a Value)> {
    let (status, response) = success(op.node)?;
    let schema = json_content(response.get("content")?)?.get("schema")?;
    Some((status, schema))
}

/// An answer's JSON content: `application/json`, or the SCIM API's
/// `application/scim+json`, which is JSON too.
/// The node of an operation's JSON answer schema for `status`.
pub(super) fn answer_schema_at(op_at: &str, status: impl std::fmt::Display) -> String {
    let content = child(
        &child(&child(op_at, "responses"), &status.to_string()),
        "content",
    );
    child(&child(&content, "application/json"), "schema")
}

pub(super) fn json_content(content: &Value) -> Option<&Value> {
    content
        .get("application/json")
        .or_else(|| content.get("application/scim+json"))
}

/// The success answer of an operation: its lowest 2xx status and response.
pub(super) fn success(op: &Value) -> Option<(u16, &Value)> {
    object(op.get("responses")?)
        .iter()
        .filter_map(|(status, r)| Some((status.parse::<u16>().ok()?, r)))
        .filter(|(s, _)| (200..300).contains(s))
        .min_by_key(|(s, _)| *s)
}

/// Where a schema is used, which decides what it can be.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Use {
    Property,
    /// A path, query, header or form parameter: one text value on the wire.
    Param,
    /// A property of a JSON body.
    Body,
}

/// The operation's success statuses; with no 2xx, its one redirect, as it returns
/// where that points.
fn statuses(doc: &mut Doc, op: &RawOp) -> Option<Vec<u16>> {
    let mut statuses: Vec<u16> = object(op.node.get("responses").unwrap_or(&Value::Null))
        .keys()
        .filter_map(|k| k.parse().ok())
        .filter(|s| (200..300).contains(s))
        .collect();
    statuses.sort_unstable();
    match (statuses.is_empty(), &redirects(op.node)[..]) {
        (false, _) => Some(statuses),
        (true, [redirect]) if op.kind != "list" => Some(vec![*redirect]),
        _ => {
            doc.problem(
                &op.at,
                "the operation has no 2xx answer, nor one redirect",
                "add the success response",
            );
            None
        }
    }
}

/// A list operation's records key and paging; others have neither.
fn list_shape<'a>(doc: &mut Doc<'a>, op: &RawOp<'a>) -> Option<(Option<String>, Paging)> {
    if op.kind != "list" {
        return Some((None, Paging::Meta));
    }
    let page = success(op.node).and_then(|(status, r)| {
        let schema = json_content(r.get("content")?)?.get("schema")?;
        let at = answer_schema_at(&op.at, status);
        Some(doc.resolve(schema, &at)?.0)
    });
    // A `meta` of tokens rather than links (numbers_v1's port-in requests).
    let tokens = page.is_some_and(|page| {
        let meta = doc.follow(&page["properties"]["meta"]);
        meta["properties"].get("next_token").is_some()
    });
    match page.and_then(page_records) {
        Some((key, _, Some(Paging::Meta))) if tokens => {
            Some((Some(key.to_string()), Paging::Token))
        }
        Some((key, _, Some(paging))) => Some((Some(key.to_string()), paging)),
        Some((_, _, None)) => {
            doc.problem(
                &op.at,
                "a page with neither `meta` nor `next_page_uri`",
                "the format follows Twilio's two page shapes: `meta.next_page_url`, or `next_page_uri` beside the records",
            );
            None
        }
        None => {
            doc.problem(
                &op.at,
                "a list operation whose answer has no records array",
                "a page holds `meta` and one array",
            );
            None
        }
    }
}

/// A page's records: the key and items of its one array, and how it links to the next
/// page (`None`: neither of Twilio's two ways).
pub(super) fn page_records(page: &Value) -> Option<(&str, &Value, Option<Paging>)> {
    let properties = object(page.get("properties").unwrap_or(&Value::Null));
    let (key, records) = properties
        .iter()
        .find(|(k, v)| k.as_str() != "meta" && text(v, "type") == Some("array"))?;
    let paging = if properties.contains_key("meta") {
        Some(Paging::Meta)
    } else if properties.contains_key("next_page_uri") {
        Some(Paging::Flat)
    } else if properties.contains_key("has_next") && properties.contains_key("current_page") {
        Some(Paging::Numbered)
    } else if properties.contains_key("totalResults") && key == "Resources" {
        Some(Paging::Scim)
    } else if properties.keys().all(|k| {
        let k = k.to_ascii_lowercase();
        !["next", "page", "index", "cursor", "token"]
            .iter()
            .any(|w| k.contains(w))
    }) {
        // Nothing that could lead to another page (the records, their count, the
        // page's own URI): one page is the listing.
        Some(Paging::None)
    } else {
        None
    };
    Some((key.as_str(), records.get("items")?, paging))
}

/// Whether a parameter that may be null takes an explicit null: an array can't (an
/// empty one sends nothing), which the report says.
pub(super) fn nullable_param(
    doc: &mut Doc,
    at: &str,
    wire: &str,
    ty: &TypeRef,
    nullable: bool,
    required: bool,
) -> bool {
    if nullable && required {
        doc.lossy(
            at,
            "null for a required parameter",
            format!("`{wire}` can't be sent as null: a required parameter always has its value"),
        );
        return false;
    }
    if nullable && ty.ty == "array" {
        doc.lossy(
            at,
            "null for an array parameter",
            format!("`{wire}` can't be sent as null: an empty array sends nothing"),
        );
        return false;
    }
    nullable
}

/// Rust names for the parameters whose own is reserved or taken in the operation, or
/// by a path parameter of the resource: [`crate::naming::alternative_param_name`].
pub(super) fn rust_names(params: &mut [(String, Param)], resource_params: &[String]) {
    let reserved = crate::generated_crate::param_fns::RESERVED;
    let mut taken: Vec<String> = resource_params.to_vec();
    // Plain names first, so that `StartTime` keeps `start_time`.
    let mut order: Vec<usize> = (0..params.len()).collect();
    order.sort_by_key(|&i| params[i].0.ends_with(['<', '>']));
    for i in order {
        let (wire, param) = &mut params[i];
        let mut name = snake(wire);
        if reserved.contains(&name.as_str()) || taken.contains(&name) {
            name = crate::naming::alternative_param_name(wire);
            param.name = Some(name.clone());
        }
        taken.push(name);
    }
}

/// The secret flag by name, unless the maintainer chose otherwise.
pub(super) fn with_secret(choices: &Choices, wire: &str, mut param: Param) -> Param {
    // A page token is a cursor the API hands out, not a credential.
    let by_name = matches!(wire, "ApiKey" | "Secret" | "Certificate" | "PrivateKey")
        || wire.ends_with("Password")
        || (wire.ends_with("Token") && wire != "PageToken");
    let secret = choices.secrets.get(wire).copied().unwrap_or(by_name);
    param.secret =
        secret && param.ty.ty == "string" && matches!(param.location, "query" | "form" | "json");
    param
}

impl<'a> Mapper<'a, '_> {
    pub(super) fn resource(&mut self, name: &str, group: &Group<'a>) -> Option<Resource> {
        let (record, schema, schema_at) = match record_schema(self.doc, group) {
            Some((record, schema, at)) => (Some(record), schema, at),
            None => (None, &Value::Null, String::new()),
        };
        let mut properties = self.properties(schema, &schema_at);
        // A singleton (an instance path with no list above it and no placeholder of its
        // own, like `/v1/Configuration`) is named by its name.
        let singleton = group.list.is_none()
            && group
                .instance
                .is_some_and(|p| !p.trim_end_matches(".json").ends_with('}'));
        let plural = match (group.list, singleton) {
            (_, true) => name.to_string(),
            (Some(list), false) => plural_of(name, list),
            (None, false) => plural_of(name, group.instance.unwrap_or("")),
        };
        self.merge_answers(name, group, record, &mut properties);
        if let Some((_, sid)) = properties.iter().find(|(prop, _)| prop == "sid") {
            self.names.own_sid(&sid.ty.ty, name);
        }
        let mut operations = Vec::new();
        let mut path_params: Vec<(String, Param, usize)> = Vec::new();
        for op in &group.ops {
            let Some(mapped) = self.operation(op, &mut path_params) else {
                continue;
            };
            operations.push(mapped);
        }
        let shared = share_path_params(&mut operations, path_params);
        let doc_text = group
            .list
            .or(group.instance)
            .and_then(|p| self.doc.root.get("paths")?.get(p))
            .and_then(|item| text(item, "description"))
            .unwrap_or("")
            .to_string();
        let order = ["create", "fetch", "list", "update", "delete"];
        operations.sort_by_key(|o| order.iter().position(|k| *k == o.kind));
        Some(Resource {
            name: name.to_string(),
            doc: doc_text,
            plural,
            example: self.choices.examples.get(name).copied(),
            params: shared,
            properties,
            operations,
        })
    }

    /// Every property of the resource's answers: an answer other than its `record`
    /// schema (a create's, with a new key's `secret`) adds its own, each noted as read
    /// as the record.
    fn merge_answers(
        &mut self,
        name: &str,
        group: &Group<'a>,
        record: Option<&'a str>,
        properties: &mut Vec<(String, Property)>,
    ) {
        for op in &group.ops {
            let answer = answer_schema(op).and_then(|(_, schema)| {
                if op.kind == "list" {
                    page_records(self.doc.follow(schema)).map(|(_, items, _)| items)
                } else {
                    Some(schema)
                }
            });
            // An answer declared in place is named by its operation, as its record is.
            let Some((answer, answer_node)) = answer.and_then(|a| {
                let in_place = || {
                    text(op.node, "operationId")
                        .and_then(|id| id.get(op.prefix..))
                        .filter(|n| !n.is_empty() && a.get("properties").is_some())
                };
                Some((ref_name(a).or_else(in_place)?, a))
            }) else {
                continue;
            };
            if record.is_some_and(|record| answer != record) {
                self.doc.lossy(
                    &op.at,
                    "answer read as the resource's record",
                    format!(
                        "the {} answer `{answer}` is read as {name}'s record `{}`, which has the properties of every answer",
                        op.kind,
                        record.unwrap_or_default()
                    ),
                );
                // The record holds what every answer says (its fields are optional), so
                // no answer's property is lost: a new key's `secret` from its create.
                let Some((other, other_at)) =
                    self.doc.resolve(answer_node, &child(&op.at, "answer"))
                else {
                    continue;
                };
                let others = self.properties(other, &other_at);
                // A default says what a missing property means in the record's own
                // schema; this answer may leave the property out for another reason
                // (Monitor's create answers with the SID alone), so it reads as unset.
                for (prop, p) in properties.iter_mut() {
                    if others.iter().any(|(o, _)| o == prop) {
                        continue;
                    }
                    if let Some(default) = p.default.take() {
                        self.doc.lossy(
                            &op.at,
                            "default of a property another answer lacks",
                            format!(
                                "`{prop}` of `{}`: the {} answer `{answer}` leaves it out, so a missing `{prop}` reads as unset, not as {default}",
                                record.unwrap_or_default(),
                                op.kind
                            ),
                        );
                    }
                }
                for (prop, p) in others {
                    if !properties.iter().any(|(known, _)| *known == prop) {
                        properties.push((prop, p));
                    }
                }
            }
        }
    }

    pub(super) fn operation(
        &mut self,
        op: &RawOp<'a>,
        path_params: &mut Vec<(String, Param, usize)>,
    ) -> Option<Operation> {
        let statuses = statuses(self.doc, op)?;
        let (envelope, paging) = list_shape(self.doc, op)?;
        let mut params = Vec::new();
        let declared = op
            .node
            .get("parameters")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (i, p) in declared.iter().enumerate() {
            let at = child(&child(&op.at, "parameters"), &i.to_string());
            if let Some(param) = self.declared_param(p, &at, &params, path_params) {
                params.push(param);
            }
        }
        if let Some(body) = op.node.get("requestBody") {
            self.body_params(op, body, &mut params)?;
        }
        Some(Operation {
            kind: op.kind,
            method: op.method,
            path: op.path.to_string(),
            statuses,
            envelope,
            paging,
            // `security: []` overrides the file's: the operation takes no credentials.
            anonymous: op
                .node
                .get("security")
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty),
            params,
        })
    }

    /// One declared parameter, or `None` (and a problem) when it can't be mapped. A
    /// path parameter is noted in `path_params`, which its resource's operations share.
    fn declared_param(
        &mut self,
        p: &'a Value,
        at: &str,
        params: &[(String, Param)],
        path_params: &mut Vec<(String, Param, usize)>,
    ) -> Option<(String, Param)> {
        let (p, at) = self.doc.resolve(p, at)?;
        let Some(wire) = text(p, "name") else {
            self.doc
                .problem(&at, "a parameter without a name", "add `name:`");
            return None;
        };
        if !writable_name(self.doc, wire, &child(&at, "name")) {
            return None;
        }
        if let Some((_, first)) = params.iter().find(|(w, _): &&(String, Param)| w == wire) {
            self.doc.problem(
                &at,
                format!(
                    "parameter `{wire}` is also a {} parameter of this operation",
                    first.location
                ),
                "the spec names an operation's parameters by name: rename one of the two in the OpenAPI file",
            );
            return None;
        }
        let location = match text(p, "in") {
            Some("path") => "path",
            Some("query") => "query",
            Some("header") => "header",
            other => {
                self.doc.problem(
                    &at,
                    format!(
                        "parameters `in: {}` are not supported",
                        other.unwrap_or("?")
                    ),
                    "the format has path, query, header and form parameters",
                );
                return None;
            }
        };
        let schema = p.get("schema").unwrap_or(&Value::Null);
        let (ty, nullable, _) =
            self.schema_type(schema, &child(&at, "schema"), wire, Use::Param)?;
        let required =
            p.get("required").and_then(Value::as_bool).unwrap_or(false) || location == "path";
        let nullable = nullable_param(
            self.doc,
            &at,
            wire,
            &ty,
            nullable && location != "path" && location != "header",
            required,
        );
        let param = Param {
            location,
            nullable,
            ty,
            required,

            secret: false,
            name: None,
            doc: text(p, "description").unwrap_or("").to_string(),
        };
        let param = with_secret(self.choices, wire, param);
        if location == "path" {
            match path_params.iter_mut().find(|(w, _, _)| w == wire) {
                Some((_, first, uses)) if first.ty == param.ty => *uses += 1,
                // Typed differently by two operations (a SID in one, a name in the
                // other): text in both, which any of them takes.
                Some((_, first, uses)) => {
                    self.doc.lossy(
                        &at,
                        "path parameter typed differently",
                        format!("`{wire}` is text: the operations of its path group give it different types"),
                    );
                    first.ty = TypeRef {
                        ty: "string".into(),
                        ..TypeRef::default()
                    };
                    *uses += 1;
                }
                None => path_params.push((wire.to_string(), param.clone(), 1)),
            }
        }
        Some((wire.to_string(), param))
    }

    /// The parameters a request body holds: its properties, or the body whole when it
    /// is a free-form JSON object.
    fn body_params(
        &mut self,
        op: &RawOp<'a>,
        body: &'a Value,
        params: &mut Vec<(String, Param)>,
    ) -> Option<()> {
        let body_required = body
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let at = child(&op.at, "requestBody");
        let content = object(body.get("content").unwrap_or(&Value::Null));
        let body = [
            ("application/x-www-form-urlencoded", "form"),
            ("application/json", "json"),
        ]
        .into_iter()
        .find_map(|(media, location)| Some((media, location, content.get(media)?)));
        let Some((media, location, body)) = body else {
            let types: Vec<&str> = content.keys().map(String::as_str).collect();
            self.doc.problem(
            &at,
            format!("request bodies of {} are not supported", types.join(", ")),
            "the format sends form bodies (application/x-www-form-urlencoded) and JSON objects (application/json)",
        );
            return None;
        };
        let schema_at = child(&child(&child(&at, "content"), media), "schema");
        let (schema, schema_at) = self
            .doc
            .resolve(body.get("schema").unwrap_or(&Value::Null), &schema_at)?;
        let (properties, required) = object_shape(self.doc, schema, &schema_at);
        // A JSON object with no properties said: free-form, the body whole.
        let free_form = properties.is_empty()
            && location == "json"
            && matches!(text(schema, "type"), Some("object") | None);
        if free_form {
            let param = Param {
                location: "body",
                ty: TypeRef {
                    ty: "object".into(),
                    ..TypeRef::default()
                },
                required: body_required,
                nullable: false,
                secret: false,
                name: None,
                doc: text(body, "description").unwrap_or("").to_string(),
            };
            params.push(("Body".to_string(), param));
        } else if properties.is_empty() {
            self.doc.problem(
                &schema_at,
                "a request body that is not an object with properties",
                "the format sends a body's properties as parameters",
            );
            return None;
        }
        let used = if location == "json" {
            Use::Body
        } else {
            Use::Param
        };
        for (wire, value, at) in properties {
            let Some((ty, nullable, docs)) = self.schema_type(value, &at, wire, used) else {
                continue;
            };
            let required = required.contains(&wire.as_str());
            let param = Param {
                location,
                nullable: nullable_param(self.doc, &at, wire, &ty, nullable, required),
                ty,
                required,
                secret: false,
                name: None,
                doc: docs,
            };
            params.push((wire.clone(), with_secret(self.choices, wire, param)));
        }
        Some(())
    }
}

/// The path parameters every operation naming them takes alike, taken out of the
/// operations as the resource's own; the operations' own names give way to theirs.
fn share_path_params(
    operations: &mut [Operation],
    path_params: Vec<(String, Param, usize)>,
) -> Vec<(String, Param)> {
    let mut shared = Vec::new();
    for (wire, param, uses) in path_params {
        let naming = operations
            .iter()
            .filter(|o| o.path.contains(&format!("{{{wire}}}")))
            .count();
        if uses == naming {
            shared.push((wire, param));
        }
    }
    let shared_names: Vec<String> = shared.iter().map(|(w, _)| snake(w)).collect();
    for op in operations.iter_mut() {
        op.params
            .retain(|(w, p)| p.location != "path" || !shared.iter().any(|(s, _)| s == w));
        rust_names(&mut op.params, &shared_names);
    }
    shared
}
