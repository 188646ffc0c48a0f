//! Lowering one resource's operations: their paths, parameters and scope.

use super::names::NameSet;
use super::params::{
    declared_params, one_body, param_fits, place_param, placeholders_declared, sub, Place, Scope,
};
use super::types::{self, TypeExpr};
use super::Ctx;
use crate::model::*;
use crate::naming::{camel, snake};
use crate::spec::load::Target;
use crate::spec::raw;

/// The `{Name}` placeholders of a path as written, without checking it.
pub fn path_placeholders(path: &str) -> impl Iterator<Item = &str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

/// One operation of a resource, checked: its answer, envelope and paging, path and
/// parameters. Every problem is recorded in `ctx`, in the order the spec reads.
pub fn lower_operation(
    ctx: &mut Ctx,
    index: &types::TypeIndex,
    scope: &Scope,
    kind: OpKind,
    raw: &raw::Operation,
    enums: &mut Vec<InlineEnum>,
) -> Option<Operation> {
    let Scope {
        resource,
        resource_name,
        ..
    } = *scope;
    let at = ["resources", resource, "operations", kind.as_str()];
    let (answer, mut ok) = answer_of(ctx, &at, kind, raw);
    ok &= envelope_and_paging(ctx, &at, kind, raw);

    let method = Method::from(raw.method);
    let template = parse_path(ctx, &sub(&at, "path"), &raw.path);
    ok &= template.is_some();
    let template = template.unwrap_or_default();

    let (declared, fine) = declared_params(ctx, scope, &at, raw, &template);
    ok &= fine;
    let mut path_params = Vec::new();
    let mut params = Vec::new();
    let mut names = NameSet::new("parameter")
        .reserve(crate::generated_crate::param_fns::RESERVED)
        .suggest(crate::naming::alternative_param_name);
    for (pwire, p, pat) in &declared {
        let (pwire, pat) = (*pwire, &pat[..]);
        let expr = TypeExpr::of_param(p);
        let enum_name = camel(&format!("{} {pwire}", kind.as_str()));
        let enum_name = format!("{resource_name}{enum_name}");
        let Some(ty) = types::resolve(ctx, index, pat, &expr, &enum_name, &p.doc, enums) else {
            ok = false;
            continue;
        };
        let name = snake(p.name.as_deref().unwrap_or(pwire));
        names.claim(ctx, &name, pat);
        let location = ParamIn::from(p.location);
        ok &= param_fits(ctx, pwire, p, pat, &ty, location);
        let param = Param {
            name,
            wire: pwire.to_string(),
            doc: p.doc.clone(),
            location,
            ty,
            required: p.required || location == ParamIn::Path,
            nullable: p.nullable,
            secret: p.secret,
        };
        let place = Place {
            method,
            template: &template,
            path: &raw.path,
        };
        ok &= place_param(
            ctx,
            &place,
            pwire,
            p,
            pat,
            param,
            &mut path_params,
            &mut params,
        );
    }
    ok &= one_body(ctx, &at, kind, &params);
    ok &= placeholders_declared(ctx, &at, &template, &declared);
    ok.then(|| {
        let parts = Parts {
            answer,
            template,
            path_params,
            params,
        };
        assemble(scope, kind, raw, parts)
    })
}

/// What lowering an operation found, before it is assembled.
struct Parts {
    answer: Answer,
    template: Vec<PathSegment>,
    path_params: Vec<Param>,
    params: Vec<Param>,
}

/// The checked operation, its names made from the resource's.
fn assemble(scope: &Scope, kind: OpKind, raw: &raw::Operation, parts: Parts) -> Operation {
    let Parts {
        answer,
        template,
        mut path_params,
        params,
    } = parts;
    // Path parameters in template order, so method arguments read like the URL.
    path_params.sort_by_key(|p| {
        template
            .iter()
            .position(|s| *s == PathSegment::Param(p.wire.clone()))
    });
    let params_type = (!params.is_empty()).then(|| match kind {
        OpKind::List => format!("List{}", camel(scope.plural)),
        _ => format!("{}{}", camel(kind.as_str()), scope.resource_name),
    });
    Operation {
        kind,
        fn_name: kind.as_str().to_string(),
        request_fn: format!("{}_request", kind.as_str()),
        label: format!("{}.{}", scope.resource, kind.as_str()),
        method: Method::from(raw.method),
        path: template,
        statuses: raw.status.to_vec(),
        answer,
        doc: raw.doc.clone(),
        own_path_params: path_params,
        params,
        params_type,
        anonymous: raw.anonymous,
    }
}

/// What the operation answers, from its success statuses, and whether those are
/// sound: 2xx, or one 3xx alone; each once.
fn answer_of(ctx: &mut Ctx, at: &[&str; 4], kind: OpKind, raw: &raw::Operation) -> (Answer, bool) {
    let mut ok = true;
    let statuses = raw.status.to_vec();
    let redirect = matches!(statuses[..], [s] if (300..=399).contains(&s));
    if redirect && kind == OpKind::List {
        ctx.error(
            &sub(at, "status"),
            Target::Value,
            "a list operation can't answer with a redirect",
            Some("a list answers a page with a 2xx status".into()),
        );
        ok = false;
    } else if let Some(bad) = statuses
        .iter()
        .find(|s| !redirect && !(200..=299).contains(*s))
    {
        ctx.error(
            &sub(at, "status"),
            Target::Value,
            format!("success status {bad} is not a 2xx status"),
            Some(format!(
                "use the status the API answers a successful {} with, such as 200, or one 3xx alone for an operation that redirects",
                kind.as_str()
            )),
        );
        ok = false;
    }
    let answer = if redirect {
        Answer::Redirect
    } else if kind == OpKind::Delete || (!statuses.is_empty() && statuses.iter().all(|s| *s == 204))
    {
        Answer::Nothing
    } else {
        Answer::Record
    };
    let mut seen = std::collections::HashSet::new();
    if statuses.is_empty() || !statuses.iter().all(|s| seen.insert(*s)) {
        ctx.error(
            &sub(at, "status"),
            Target::Value,
            "the success statuses must be one or more, each once",
            Some("write one status, or a list like `[201, 202]` with the usual one first".into()),
        );
        ok = false;
    }
    (answer, ok)
}

/// Whether the operation's `envelope` and `paging` fit its kind: a list has an
/// envelope that no field of its page takes; nothing else has either.
fn envelope_and_paging(ctx: &mut Ctx, at: &[&str; 4], kind: OpKind, raw: &raw::Operation) -> bool {
    let mut ok = true;
    match (kind, &raw.envelope) {
        (OpKind::List, None) => {
            ctx.error(
                at,
                Target::Key,
                "a list operation needs an `envelope`",
                Some("add `envelope: <key>`, the name of the records array in the page (Twilio's `meta.key`)".into()),
            );
            ok = false;
        }
        (OpKind::List, Some(key)) if key.is_empty() || snake(key) == "meta" => {
            ctx.error(
                &sub(at, "envelope"),
                Target::Value,
                format!("`{key}` can't be the records key of a page"),
                Some("use the name of the records array, such as `invites`".into()),
            );
            ok = false;
        }
        (OpKind::List, Some(_)) => {}
        (_, Some(_)) => {
            ctx.error(
                &sub(at, "envelope"),
                Target::Key,
                format!(
                    "only a list operation has an `envelope`, not {}",
                    kind.as_str()
                ),
                Some("remove `envelope`".into()),
            );
            ok = false;
        }
        (_, None) => {}
    }
    // `meta` is the default page's field, whose name no records key has ever taken.
    let page_fields = raw
        .paging
        .map_or(&[][..], crate::generated_crate::page_field_names);
    match (kind, raw.paging, &raw.envelope) {
        (OpKind::List, Some(_), Some(key)) if page_fields.contains(&snake(key).as_str()) => {
            ctx.error(
                &sub(at, "envelope"),
                Target::Value,
                format!(
                    "`{key}` can't be the records key of this page, which has a field of that name"
                ),
                Some("use the name of the records array, such as `messages`".into()),
            );
            ok = false;
        }
        (OpKind::List, ..) | (_, None, _) => {}
        (_, Some(_), _) => {
            ctx.error(
                &sub(at, "paging"),
                Target::Key,
                format!("only a list operation has `paging`, not {}", kind.as_str()),
                Some("remove `paging`".into()),
            );
            ok = false;
        }
    }

    ok
}

/// Splits `/v1/Services/{ServiceSid}/Invites` into literals and placeholders.
fn parse_path(ctx: &mut Ctx, at: &[&str], path: &str) -> Option<Vec<PathSegment>> {
    let bad = |ctx: &mut Ctx, msg: String| {
        ctx.error(
            at,
            Target::Value,
            msg,
            Some("write it like `/v1/Services/{ServiceSid}/Channels`".into()),
        );
        None
    };
    if !path.starts_with('/') {
        return bad(ctx, format!("path `{path}` must start with `/`"));
    }
    if path.contains(['?', '#']) || path.contains(char::is_whitespace) {
        return bad(
            ctx,
            format!("path `{path}` may not contain a query, fragment or whitespace"),
        );
    }
    let mut segments = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let (literal, tail) = rest.split_at(open);
        if literal.contains('}') {
            return bad(ctx, format!("path `{path}` has a `}}` without `{{`"));
        }
        if !literal.is_empty() {
            segments.push(PathSegment::Literal(literal.to_string()));
        }
        let Some(close) = tail.find('}') else {
            return bad(ctx, format!("path `{path}` has a `{{` without `}}`"));
        };
        let name = &tail[1..close];
        if name.is_empty() || name.contains('{') {
            return bad(
                ctx,
                format!("path `{path}` has an empty or nested placeholder"),
            );
        }
        if segments.contains(&PathSegment::Param(name.to_string())) {
            return bad(ctx, format!("path `{path}` uses `{{{name}}}` twice"));
        }
        segments.push(PathSegment::Param(name.to_string()));
        rest = &tail[close + 1..];
    }
    if rest.contains('}') {
        return bad(ctx, format!("path `{path}` has a `}}` without `{{`"));
    }
    if !rest.is_empty() {
        segments.push(PathSegment::Literal(rest.to_string()));
    }
    Some(segments)
}

/// Path parameters that every operation has (same name, same type) belong to the
/// resource's scope: they are given once, when the consumer picks the parent.
pub fn split_scope_params(
    ctx: &mut Ctx,
    resource: &str,
    operations: &mut [Operation],
) -> Vec<Param> {
    let Some((first, rest)) = operations.split_first() else {
        return Vec::new();
    };
    let mut scope: Vec<Param> = first
        .own_path_params
        .iter()
        .filter(|p| {
            rest.iter()
                .all(|op| op.own_path_params.iter().any(|q| q.wire == p.wire))
        })
        .cloned()
        .collect();
    for op in rest {
        for p in &op.own_path_params {
            if let Some(s) = scope.iter().find(|s| s.wire == p.wire) {
                if s.ty != p.ty {
                    ctx.error(
                        &[
                            "resources",
                            resource,
                            "operations",
                            op.kind.as_str(),
                            "params",
                            &p.wire,
                            "type",
                        ],
                        Target::Value,
                        format!(
                            "path parameter `{}` has a different type than in `{}`",
                            p.wire,
                            first.kind.as_str()
                        ),
                        Some(
                            "give a shared path parameter the same type in every operation".into(),
                        ),
                    );
                }
            }
        }
    }
    scope.retain(|s| {
        operations.iter().all(|op| {
            op.own_path_params
                .iter()
                .any(|p| p.wire == s.wire && p.ty == s.ty)
        })
    });
    for op in operations.iter_mut() {
        op.own_path_params
            .retain(|p| !scope.iter().any(|s| s.wire == p.wire));
    }
    scope
}
