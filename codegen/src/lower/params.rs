//! An operation's parameters: declared where they may be, of a type their place
//! takes, and placed in the path, query, form, JSON body or headers.

use super::Ctx;
use crate::diagnostic::did_you_mean;
use crate::model::*;
use crate::spec::load::Target;
use crate::spec::raw;

/// What an operation shares with the rest of its resource.
pub struct Scope<'a> {
    /// The resource's spec name (`Invite`).
    pub resource: &'a str,
    /// Its Rust name.
    pub resource_name: &'a str,
    pub plural: &'a str,
    /// Path parameters declared on the resource.
    pub shared: &'a raw::Entries<raw::Param>,
}

/// The node path of `key` under an operation's path `at`.
pub(super) fn sub<'a>(at: &[&'a str; 4], key: &'a str) -> [&'a str; 5] {
    [at[0], at[1], at[2], at[3], key]
}

/// A parameter as declared: its wire name, its spec, and its node path.
pub(super) type Declared<'a> = (&'a str, &'a raw::Param, Vec<&'a str>);

/// The operation's own parameters, then the resource's path parameters that its path
/// names; and whether none of its own repeats one of the resource's.
pub(super) fn declared_params<'a>(
    ctx: &mut Ctx,
    scope: &Scope<'a>,
    at: &[&'a str; 4],
    raw: &'a raw::Operation,
    template: &[PathSegment],
) -> (Vec<Declared<'a>>, bool) {
    let Scope {
        resource, shared, ..
    } = *scope;
    let mut ok = true;
    let mut declared: Vec<Declared> = Vec::new();
    for (pwire, p) in &raw.params.0 {
        let pat = vec![at[0], at[1], at[2], at[3], "params", pwire.as_str()];
        // A query or form parameter may share its wire name with a path parameter of
        // the resource (a number's update moving it to another `AccountSid`); a
        // path parameter is declared once.
        if shared
            .0
            .iter()
            .any(|(w, _)| w == pwire && p.location == raw::ParamIn::Path)
        {
            ctx.error(
                &pat,
                Target::Key,
                format!("parameter `{pwire}` is declared on the resource already"),
                Some(format!(
                    "remove it here; `resources.{resource}.params.{pwire}` serves every operation whose path names it"
                )),
            );
            ok = false;
            continue;
        }
        declared.push((pwire, p, pat));
    }
    for (pwire, p) in &shared.0 {
        if p.location == raw::ParamIn::Path && template.contains(&PathSegment::Param(pwire.clone()))
        {
            declared.push((
                pwire,
                p,
                vec!["resources", resource, "params", pwire.as_str()],
            ));
        }
    }

    (declared, ok)
}

/// Whether a parameter's `secret` and `nullable` fit its location and type, and a
/// header's name and type fit HTTP.
pub(super) fn param_fits(
    ctx: &mut Ctx,
    pwire: &str,
    p: &raw::Param,
    pat: &[&str],
    ty: &Type,
    location: ParamIn,
) -> bool {
    let mut ok = true;
    if p.secret && (location == ParamIn::Path || *ty != Type::String) {
        let why = if location == ParamIn::Path {
            "a path parameter is part of the URL, which is not secret"
        } else {
            "only a `string` parameter can be secret"
        };
        ctx.error(
            &[pat, &["secret"]].concat(),
            Target::Key,
            format!("parameter `{pwire}` can't be secret: {why}"),
            Some("remove `secret: true`, or make it a query or form `string`".into()),
        );
        ok = false;
    }
    let array = matches!(ty, Type::Array(_));
    if p.nullable
        && (location == ParamIn::Path || location == ParamIn::Header || p.required || array)
    {
        let why = if p.required {
            "a required parameter always has its value"
        } else if array {
            "an array parameter left empty sends nothing, and there is no null for it"
        } else {
            "only a query or form parameter can be sent as an explicit null"
        };
        ctx.error(
            &[pat, &["nullable"]].concat(),
            Target::Key,
            format!("parameter `{pwire}` can't be nullable: {why}"),
            Some("remove `nullable: true`".into()),
        );
        ok = false;
    }
    if location == ParamIn::Header {
        let token = !pwire.is_empty()
            && pwire
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            ctx.error(
                pat,
                Target::Key,
                format!("`{pwire}` can't be the name of an HTTP header"),
                Some("use letters, digits and `-`, like `X-Twilio-Webhook-Enabled`".into()),
            );
            ok = false;
        }
        if !matches!(
            ty,
            Type::String | Type::Boolean | Type::Integer { .. } | Type::Enum(_) | Type::Named(_)
        ) {
            ctx.error(
                &[pat, &["type"]].concat(),
                Target::Value,
                format!("header parameter `{pwire}` can't be of type `{}`", p.ty),
                Some("a header parameter is a string, a boolean, an integer, an enum or a named string type".into()),
            );
            ok = false;
        }
    }
    ok
}

/// Where an operation's parameters go: its method, and its path as parsed and as
/// written.
pub(super) struct Place<'a> {
    pub(super) method: Method,
    pub(super) template: &'a [PathSegment],
    pub(super) path: &'a str,
}

/// Puts `param` with the path parameters or the others, as its location says, and
/// whether it fits there.
#[allow(clippy::too_many_arguments)]
pub(super) fn place_param(
    ctx: &mut Ctx,
    place: &Place,
    pwire: &str,
    p: &raw::Param,
    pat: &[&str],
    mut param: Param,
    path_params: &mut Vec<Param>,
    params: &mut Vec<Param>,
) -> bool {
    let method = place.method;
    let mut ok = true;
    match param.location {
        ParamIn::Path => {
            ok &= path_param_fits(ctx, place, pwire, p, pat, &param);
            path_params.push(param);
        }
        ParamIn::Form | ParamIn::Json | ParamIn::Body
            if matches!(method, Method::Get | Method::Delete) =>
        {
            ctx.error(
                &[pat, &["in"]].concat(),
                Target::Value,
                format!("a {} request has no body for `{pwire}`", method.as_str()),
                Some("use `in: query`, or change the method to POST".into()),
            );
            ok = false;
        }
        // Any type serialises to JSON; a date as its text, in its format.
        ParamIn::Json => params.push(param),
        ParamIn::Body => {
            if param.ty != Type::Json {
                ctx.error(
                    &[pat, &["type"]].concat(),
                    Target::Value,
                    format!("the body parameter `{pwire}` can't be of type `{}`", p.ty),
                    Some("the whole body is free-form JSON: `type: object`; for typed properties use `in: json`".into()),
                );
                ok = false;
            }
            params.push(param)
        }
        ParamIn::Header => params.push(param),
        ParamIn::Query | ParamIn::Form => {
            // A date-time filter whose docs show it taking a day (`DateSent`,
            // `StartTime`: "`YYYY-MM-DD`") takes either; the others, and a date-time
            // sent in a form, a moment only.
            if let (ParamIn::Query, Type::DateTime(format)) = (param.location, &param.ty) {
                if param.doc.contains("YYYY-MM-DD") {
                    param.ty = Type::DateFilter(*format);
                }
            }
            if matches!(param.ty, Type::Map { .. }) {
                ctx.error(
                    &[pat, &["type"]].concat(),
                    Target::Value,
                    format!("parameter `{pwire}` can't be a map"),
                    Some("a JSON value sent as one form or query value is `type: object`".into()),
                );
                ok = false;
            }
            params.push(param)
        }
    }
    ok
}

/// Whether a path parameter has a type a path can hold and a placeholder in the path.
fn path_param_fits(
    ctx: &mut Ctx,
    place: &Place,
    pwire: &str,
    p: &raw::Param,
    pat: &[&str],
    param: &Param,
) -> bool {
    let (template, path) = (place.template, place.path);
    let mut ok = true;
    if !matches!(
        param.ty,
        Type::String | Type::Named(_) | Type::Enum(_) | Type::Integer { .. } | Type::Date
    ) {
        ctx.error(
            &[pat, &["type"]].concat(),
            Target::Value,
            format!("path parameter `{pwire}` can't be of type `{}`", p.ty),
            Some(
                "a path parameter is a string, an integer, a date, an enum or a named string type"
                    .into(),
            ),
        );
        ok = false;
    }
    if !template.contains(&PathSegment::Param(pwire.to_string())) {
        let placeholders: Vec<&str> = template
            .iter()
            .filter_map(|s| match s {
                PathSegment::Param(p) => Some(p.as_str()),
                PathSegment::Literal(_) => None,
            })
            .collect();
        let help = match did_you_mean(pwire, placeholders) {
            Some(near) => format!("the path has `{{{near}}}`; did you mean `{near}`?"),
            None => {
                format!("add `{{{pwire}}}` to the path, or make it a query parameter")
            }
        };
        ctx.error(
            pat,
            Target::Key,
            format!(
                "path parameter `{pwire}` does not appear in the path `{}`",
                path
            ),
            Some(help),
        );
        ok = false;
    }
    ok
}

/// Whether the operation has one body at most: one `in: body`, or form parameters,
/// or JSON ones.
pub(super) fn one_body(ctx: &mut Ctx, at: &[&str; 4], kind: OpKind, params: &[Param]) -> bool {
    let mut ok = true;
    let count = |location: ParamIn| params.iter().filter(|p| p.location == location).count();
    let (in_form, in_json, in_body) = (
        count(ParamIn::Form),
        count(ParamIn::Json),
        count(ParamIn::Body),
    );
    if in_body > 1 || (in_body == 1 && in_form + in_json > 0) {
        ctx.error(
            at,
            Target::Key,
            format!(
                "operation `{}` has a body parameter beside other body parameters",
                kind.as_str()
            ),
            Some(
                "`in: body` is the whole body: one, and no `in: form` or `in: json` beside it"
                    .into(),
            ),
        );
        ok = false;
    }
    if in_form > 0 && in_json > 0 {
        ctx.error(
            at,
            Target::Key,
            format!(
                "operation `{}` mixes form and JSON body parameters",
                kind.as_str()
            ),
            Some("a request has one body: send them all `in: form` or all `in: json`".into()),
        );
        ok = false;
    }
    ok
}

/// Whether every placeholder of the path has a path parameter declared for it.
pub(super) fn placeholders_declared(
    ctx: &mut Ctx,
    at: &[&str; 4],
    template: &[PathSegment],
    declared: &[Declared],
) -> bool {
    let mut ok = true;
    for seg in template {
        if let PathSegment::Param(p) = seg {
            if !declared
                .iter()
                .any(|(w, raw, _)| w == p && raw.location == raw::ParamIn::Path)
            {
                ctx.error(
                    &sub(at, "path"),
                    Target::Value,
                    format!("the path placeholder `{{{p}}}` has no parameter"),
                    Some(format!(
                        "declare it under `params:` as `{p}: {{ in: path, type: string, doc: … }}`"
                    )),
                );
                ok = false;
            }
        }
    }
    ok
}
