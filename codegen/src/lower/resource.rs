//! Resources and object types: their properties, operations, path parameters and
//! example programs.

use super::*;
use operation::{lower_operation, path_placeholders, split_scope_params};
use params::Scope;

pub(super) fn lower_resource(
    ctx: &mut Ctx,
    index: &types::TypeIndex,
    wire: &str,
    raw: &raw::Resource,
) -> Resource {
    let name = camel(wire);
    let plural = raw.plural.clone().unwrap_or_else(|| format!("{wire}s"));
    let mut enums = Vec::new();

    let fields = lower_properties(
        ctx,
        index,
        &["resources", wire],
        wire,
        &raw.properties,
        &mut enums,
    );

    let ops = &raw.operations;
    let mut operations = Vec::new();
    for (kind, op) in [
        (OpKind::Create, &ops.create),
        (OpKind::Fetch, &ops.fetch),
        (OpKind::List, &ops.list),
        (OpKind::Update, &ops.update),
        (OpKind::Delete, &ops.delete),
    ] {
        if let Some(op) = op {
            let scope = Scope {
                resource: wire,
                resource_name: &name,
                plural: &plural,
                shared: &raw.params,
            };
            if let Some(lowered) = lower_operation(ctx, index, &scope, kind, op, &mut enums) {
                operations.push(lowered);
            }
        }
    }
    check_resource_params(ctx, wire, raw);
    // A resource whose operations all answer nothing or a redirect has no record to
    // describe (an archive's delete).
    let answers_a_record = operations
        .iter()
        .any(|op| op.answer == crate::model::Answer::Record);
    if raw.properties.0.is_empty() && (answers_a_record || operations.is_empty()) {
        ctx.error(
            &["resources", wire, "properties"],
            Target::Key,
            format!("resource `{wire}` has no properties"),
            Some("list the fields of the resource's JSON representation".into()),
        );
    }

    let scope_params = split_scope_params(ctx, wire, &mut operations);
    let page = raw
        .operations
        .list
        .as_ref()
        .and_then(|op| Some((op.envelope.clone()?, op.paging)))
        .map(|(key, paging)| Page {
            name: format!("{name}Page"),
            field: snake(&key),
            key,
            paging: paging.unwrap_or(crate::model::Paging::Meta),
        });
    let plural_snake = snake(&plural);
    let example = raw
        .example
        .and_then(|kind| lower_example(ctx, wire, &plural_snake, kind, &operations));
    Resource {
        name,
        wire: wire.to_string(),
        module: snake(wire),
        file: format!("src/resources/{}.rs", snake(wire).trim_start_matches("r#")),
        plural_snake,
        handle: if camel(&plural) == camel(wire) {
            format!("{}Handle", camel(wire))
        } else {
            camel(&plural)
        },
        plural_camel: camel(&plural),
        doc: raw.doc.clone(),
        fields,
        enums,
        scope_params,
        from_client: false,
        operations,
        page,
        example,
    }
}

/// Resource parameters are path parameters that some operation's path names.
fn check_resource_params(ctx: &mut Ctx, wire: &str, raw: &raw::Resource) {
    let ops = &raw.operations;
    for (pwire, p) in &raw.params.0 {
        if p.location != raw::ParamIn::Path {
            ctx.error(
                &["resources", wire, "params", pwire.as_str(), "in"],
                Target::Value,
                format!("resource parameter `{pwire}` is not a path parameter"),
                Some(
                    "declare query and form parameters under the operation that takes them".into(),
                ),
            );
            continue;
        }
        let used = [&ops.create, &ops.fetch, &ops.list, &ops.update, &ops.delete]
            .into_iter()
            .flatten()
            .any(|op| path_placeholders(&op.path).any(|p| p == pwire));
        if !used {
            ctx.error(
                &["resources", wire, "params", pwire.as_str()],
                Target::Key,
                format!("resource parameter `{pwire}` is in no operation's path"),
                Some(format!(
                    "remove it, or add `{{{pwire}}}` to the paths that take it"
                )),
            );
        }
    }
}

/// The fields of a resource's or an object type's `properties:`, whose inline enums
/// (named `<Owner><Property>`) go to `enums`. `at` is the owner's node path.
fn lower_properties(
    ctx: &mut Ctx,
    index: &types::TypeIndex,
    at: &[&str],
    owner: &str,
    properties: &raw::Entries<raw::Property>,
    enums: &mut Vec<InlineEnum>,
) -> Vec<Field> {
    let mut field_names = NameSet::new("field").reserve(vec![generated_crate::UNREAD_FIELDS]);
    let mut fields = Vec::new();
    for (pwire, p) in &properties.0 {
        let at = [at, &["properties", pwire.as_str()]].concat();
        let expr = TypeExpr::of_property(p);
        let enum_name = camel(&format!("{owner} {pwire}"));
        let Some(ty) = types::resolve(ctx, index, &at, &expr, &enum_name, &p.doc, enums) else {
            continue;
        };
        let default = match &p.default {
            Some(value) => {
                let Some(literal) = defaults::default_value(ctx, index, &at, &ty, value, enums)
                else {
                    continue;
                };
                if p.nullable {
                    ctx.error(
                        &[&at[..], &["default"]].concat(),
                        Target::Key,
                        format!("property `{pwire}` has a default, so it is never null"),
                        Some("remove `nullable: true`, or remove `default`".into()),
                    );
                    continue;
                }
                Some(literal)
            }
            None => None,
        };
        let field_name = snake(pwire);
        field_names.claim(ctx, &field_name, &at);
        let default_fn = default
            .as_ref()
            .filter(|value| !is_zero(value))
            .map(|_| format!("default_{}", field_name.trim_start_matches("r#")));
        fields.push(Field {
            name: field_name,
            wire: pwire.clone(),
            doc: p.doc.clone(),
            ty,
            nullable: p.nullable,
            default,
            default_fn,
        });
    }
    fields
}

/// Fills in each object type's fields, now that every type has a name, and refuses an
/// object that holds itself other than through an array or map (it would have no
/// size).
pub(super) fn lower_objects(
    files: &[Parsed<'_>],
    diags: &mut Diagnostics,
    index: &types::TypeIndex,
    types: &mut [NamedType],
    type_names: &mut NameSet,
) {
    for parsed in files {
        let mut ctx = parsed.ctx(diags);
        for (wire, raw) in &parsed.spec.types.0 {
            let Some(properties) = &raw.properties else {
                continue;
            };
            let Some(t) = types.iter_mut().find(|t| &t.wire == wire) else {
                continue;
            };
            let mut enums = Vec::new();
            let fields = lower_properties(
                &mut ctx,
                index,
                &["types", wire],
                wire,
                properties,
                &mut enums,
            );
            for e in &enums {
                let origin: Vec<&str> = e.origin.iter().map(String::as_str).collect();
                type_names.claim(&mut ctx, &e.name, &origin);
            }
            t.kind = NamedKind::Object(ObjectDef { fields, enums });
        }
    }
    let direct = |def: &ObjectDef| -> Vec<String> {
        def.fields
            .iter()
            .filter_map(|f| match &f.ty {
                Type::Object(name) => Some(name.clone()),
                _ => None,
            })
            .collect()
    };
    let edges: std::collections::HashMap<String, Vec<String>> = types
        .iter()
        .filter_map(|t| match &t.kind {
            NamedKind::Object(def) => Some((t.name.clone(), direct(def))),
            _ => None,
        })
        .collect();
    for parsed in files {
        let mut ctx = parsed.ctx(diags);
        for (wire, raw) in &parsed.spec.types.0 {
            if raw.properties.is_none() {
                continue;
            }
            let name = camel(wire);
            // Every object reachable from `name` through direct fields.
            let mut seen = vec![name.clone()];
            let mut next = edges.get(&name).cloned().unwrap_or_default();
            let mut cycle = false;
            while let Some(n) = next.pop() {
                if n == name {
                    cycle = true;
                    break;
                }
                if !seen.contains(&n) {
                    next.extend(edges.get(&n).cloned().unwrap_or_default());
                    seen.push(n);
                }
            }
            if cycle {
                ctx.error(
                    &["types", wire],
                    Target::Key,
                    format!("object type `{wire}` holds itself, so it would have no size"),
                    Some(
                        "hold it in an `array` or a `map`, or make the property `type: object`"
                            .into(),
                    ),
                );
            }
        }
    }
}

/// True when a default is its type's own `Default`, so serde needs no function for it.
fn is_zero(value: &Literal) -> bool {
    match value {
        Literal::Bool(b) => !b,
        Literal::Int(i) => *i == 0,
        Literal::Float(f) => *f == 0.0,
        // An enum has no `Default`; text keeps its function, which says what it is.
        Literal::Str(_) | Literal::Variant { .. } => false,
    }
}

/// Checks that the operations an example program calls exist and take only arguments a
/// command line can give.
fn lower_example(
    ctx: &mut Ctx,
    resource: &str,
    plural_snake: &str,
    kind: raw::ExampleKind,
    operations: &[Operation],
) -> Option<Example> {
    let at = ["resources", resource, "example"];
    let op = |k: OpKind| operations.iter().find(|op| op.kind == k);
    let mut missing = |what: &str| {
        ctx.error(
            &at,
            Target::Value,
            format!("the example program needs {what}"),
            Some("add the operation, or remove `example`".into()),
        );
        None
    };
    let Some(list) = op(OpKind::List) else {
        return missing("a `list` operation");
    };
    if list.params.iter().any(|p| p.required) {
        return missing("a `list` operation without required parameters");
    }
    let (kind, verb) = match kind {
        raw::ExampleKind::List => (ExampleKind::List, "list"),
        raw::ExampleKind::CreateAndList => {
            let Some(create) = op(OpKind::Create) else {
                return missing("a `create` operation");
            };
            let from_text = |p: &&Param| {
                !matches!(
                    p.ty,
                    Type::Array(_)
                        | Type::DateTime(_)
                        | Type::Date
                        | Type::Json
                        | Type::Object(_)
                        | Type::Map { .. }
                )
            };
            if !create
                .params
                .iter()
                .filter(|p| p.required)
                .all(|p| from_text(&p))
            {
                return missing("a `create` operation whose required parameters are text, numbers, booleans, enums or named types");
            }
            (ExampleKind::CreateAndList, "create_and_list")
        }
    };
    Some(Example {
        kind,
        program: format!("{verb}_{}", plural_snake.trim_start_matches("r#")),
    })
}
