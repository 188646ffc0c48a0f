//! The comparison: operations paired, then their parameters and records compared.

use super::*;

/// Every difference between the OpenAPI document and the spec, sorted.
pub(super) fn compare(doc: &Value, spec: &Spec) -> Vec<Difference> {
    let mut out = Vec::new();
    let ops = openapi_ops(doc);
    // Each resource, with the OpenAPI schemas its operations return and from which ops.
    type Answers<'a> = BTreeMap<&'a str, (&'a Value, Vec<&'a str>)>;
    let mut records: BTreeMap<&str, (&Resource, Answers)> = BTreeMap::new();
    for (resource, op) in pair_operations(&ops, spec, &mut out) {
        let Some(theirs) = ops
            .iter()
            .find(|o| o.method == method(op) && o.path == codegen::model::path_template(&op.path))
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

pub(super) fn method(op: &Operation) -> String {
    op.method.as_str().to_string()
}

/// Pairs each spec operation with the OpenAPI operation of the same method and path,
/// recording operations only one side has. Returns the spec operations to compare.
pub(super) fn pair_operations<'a>(
    ops: &[OpenApiOp],
    spec: &'a Spec,
    out: &mut Vec<Difference>,
) -> Vec<(&'a Resource, &'a Operation)> {
    let mut by_route: BTreeMap<(String, String), Vec<(&Resource, &Operation)>> = BTreeMap::new();
    for resource in &spec.api.resources {
        for op in &resource.operations {
            by_route
                .entry((method(op), codegen::model::path_template(&op.path)))
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

pub(super) fn compare_operation(
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

pub(super) fn compare_param(
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
pub(super) fn compare_records(
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

pub(super) fn compare_property(
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
