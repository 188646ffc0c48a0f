//! Paths into resources: each operation as the file has it, grouped by list and
//! instance path, with the record schema and name of the resource each group is.

use super::*;

/// The HTTP methods an operation may have, with their spec spelling.
pub(super) const METHODS: &[(&str, &str)] = &[
    ("get", "GET"),
    ("post", "POST"),
    ("put", "PUT"),
    ("patch", "PATCH"),
    ("delete", "DELETE"),
];

/// One operation as the OpenAPI has it, before mapping.
pub(super) struct RawOp<'a> {
    pub(super) path: &'a str,
    pub(super) method: &'static str,
    pub(super) node: &'a Value,
    pub(super) at: String,
    pub(super) kind: &'static str,
    /// The length of the operationId's kind prefix (`Create`, `Patch`).
    pub(super) prefix: usize,
}

/// A path group: the list path, the instance path under it, or both.
#[derive(Default)]
pub(super) struct Group<'a> {
    pub(super) list: Option<&'a str>,
    pub(super) instance: Option<&'a str>,
    pub(super) ops: Vec<RawOp<'a>>,
}

/// The operations grouped: an instance path goes with the list path one segment up.
pub(super) fn groups<'a>(
    doc: &mut Doc<'a>,
    paths: &'a serde_json::Map<String, Value>,
) -> Vec<Group<'a>> {
    let mut by_list: Vec<Group<'a>> = Vec::new();
    // api_v2010 ends each path in `.json`: `…/Calls/{Sid}.json` is under `…/Calls.json`.
    let list_of = |path: &str| -> Option<String> {
        let (path, ext) = path
            .strip_suffix(".json")
            .map_or((path, ""), |p| (p, ".json"));
        let (parent, last) = path.rsplit_once('/')?;
        (last.starts_with('{') && last.ends_with('}')).then(|| format!("{parent}{ext}"))
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    // Where each operationId was first seen: a second use names two operations alike.
    let mut ids: HashMap<&'a str, String> = HashMap::new();
    for (path, item) in paths {
        let at = child("/paths", path);
        if !path.starts_with('/') || path.contains(['#', '?']) || path.contains(char::is_whitespace)
        {
            doc.problem(
                &at,
                format!("the path `{path}` is not a URL path"),
                "a path starts with `/` and has no query, fragment or spaces, like `/v1/Services/{Sid}`",
            );
            continue;
        }
        let path_type = item.get("x-twilio").and_then(|x| text(x, "pathType"));
        let is_instance = match path_type {
            Some("instance") => true,
            Some("list") => false,
            _ => list_of(path).is_some_and(|l| paths.contains_key(&l)),
        };
        let key = if is_instance {
            list_of(path)
                .filter(|l| paths.contains_key(l))
                .unwrap_or_else(|| path.clone())
        } else {
            path.clone()
        };
        let slot = *index.entry(key).or_insert_with(|| {
            by_list.push(Group::default());
            by_list.len() - 1
        });
        let group = &mut by_list[slot];
        if is_instance {
            group.instance = Some(path);
        } else {
            group.list = Some(path);
        }
        for (method, spelled) in METHODS {
            let Some(node) = item.get(*method) else {
                continue;
            };
            if let Some(op) = raw_op(doc, &mut ids, path, &at, (method, spelled), node) {
                group.ops.push(op);
            }
        }
    }
    by_list.retain(|g| !g.ops.is_empty());
    let extra = second_of_a_kind(doc, &mut by_list);
    by_list.extend(extra);
    by_list
}

/// One operation of a path item, with its kind from its operationId's prefix; `None`
/// (and a problem) for an id of no kind the format has. A second use of an id is a
/// problem too.
fn raw_op<'a>(
    doc: &mut Doc<'a>,
    ids: &mut HashMap<&'a str, String>,
    path: &'a str,
    at: &str,
    (method, spelled): (&str, &'static str),
    node: &'a Value,
) -> Option<RawOp<'a>> {
    let op_at = child(at, method);
    let id = text(node, "operationId").unwrap_or("");
    if !id.is_empty() {
        if let Some(first) = ids.get(id) {
            doc.problem(
                &child(&op_at, "operationId"),
                format!("operationId `{id}` is also the id of {first}"),
                "give each operation an id of its own",
            );
        } else {
            ids.insert(id, op_at.clone());
        }
    }
    // `Patch…` (a partial update beside a PUT's full one) is an update too.
    let kind = [
        ("Create", "create"),
        ("Fetch", "fetch"),
        ("List", "list"),
        ("Update", "update"),
        ("Patch", "update"),
        ("Delete", "delete"),
    ]
    .into_iter()
    .find(|(prefix, _)| id.starts_with(prefix));
    let Some((prefix, kind)) = kind else {
        doc.problem(
            &op_at,
            format!("operation `{id}` is not a create, fetch, list, update or delete"),
            "the format has those five kinds; its operationId must start with one",
        );
        return None;
    };
    Some(RawOp {
        path,
        method: spelled,
        node,
        at: op_at,
        kind,
        prefix: prefix.len(),
    })
}

/// A second operation of a kind (a PATCH beside a PUT) goes to a group of its own
/// on the same paths, since a resource has one of each: those groups.
fn second_of_a_kind<'a>(doc: &mut Doc<'a>, groups: &mut [Group<'a>]) -> Vec<Group<'a>> {
    let mut extra = Vec::new();
    for group in groups {
        let mut seen = Vec::new();
        let (first, second): (Vec<RawOp>, Vec<RawOp>) = group.ops.drain(..).partition(|op| {
            let new = !seen.contains(&op.kind);
            seen.push(op.kind);
            new
        });
        group.ops = first;
        for op in second {
            doc.lossy(
                &op.at,
                "second operation of a kind",
                format!(
                    "`{}` is a second {} of its path group: it is the only operation of a resource of its own",
                    text(op.node, "operationId").unwrap_or(""),
                    op.kind
                ),
            );
            extra.push(Group {
                list: group.list,
                instance: group.instance,
                ops: vec![op],
            });
        }
    }
    extra
}

/// The schema name of a group's record: from an instance operation's answer, else a
/// list's items, else a create's answer.
pub(super) fn record_schema<'a>(
    doc: &mut Doc<'a>,
    group: &Group<'a>,
) -> Option<(&'a str, &'a Value, String)> {
    let mut candidates = Vec::new();
    for op in &group.ops {
        let Some((status, response)) = success(op.node) else {
            continue;
        };
        let schema = response
            .get("content")
            .and_then(json_content)
            .and_then(|c| c.get("schema"));
        let Some(schema) = schema else { continue };
        let at = answer_schema_at(&op.at, status);
        let record = if op.kind == "list" {
            let (page, _) = doc.resolve(schema, &at)?;
            page_records(page).map(|(_, items, _)| items)
        } else {
            Some(schema)
        };
        let Some(record) = record else { continue };
        let rank = match op.kind {
            "fetch" | "update" => 0,
            "list" => 1,
            _ => 2,
        };
        match ref_name(record) {
            Some(name) => candidates.push((rank, name, record, at)),
            // An answer declared in place (`{type: object, properties: …}`) is named
            // after its operation: `CreateNewFactorPasskey` → `NewFactorPasskey`.
            None if record.get("properties").is_some() => {
                let id = text(op.node, "operationId").unwrap_or("");
                let name = id.get(op.prefix..).filter(|n| !n.is_empty());
                if let Some(name) = name {
                    candidates.push((rank + 3, name, record, at));
                }
            }
            None => {}
        }
    }
    candidates.sort_by_key(|(rank, ..)| *rank);
    let (_, name, record, at) = candidates.into_iter().next()?;
    let (schema, at) = doc.resolve(record, &at)?;
    Some((name, schema, at))
}

pub(super) fn resource_name<'a>(doc: &mut Doc<'a>, group: &Group<'a>) -> Option<String> {
    let known = doc.problems.len();
    match record_schema(doc, group) {
        Some((name, ..)) => Some(name.to_string()),
        // The record's `$ref` did not resolve, which is said already.
        None if doc.problems.len() > known => None,
        // Operations that answer with no content or a redirect have no record: the
        // resource is named after the first (`DeleteArchivedCall` → `ArchivedCall`).
        None if group.ops.iter().all(answers_no_record) => group.ops.iter().find_map(|op| {
            let id = text(op.node, "operationId")?;
            id.get(op.prefix..)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
        }),
        None => {
            let at = child("/paths", group.list.or(group.instance).unwrap_or(""));
            doc.problem(
                &at,
                "no operation of this path group answers with a record schema (`$ref`)",
                "a resource's operations must answer with its schema from `components`",
            );
            None
        }
    }
}
