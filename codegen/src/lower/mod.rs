//! Checks parsed spec files and resolves them into the [`model`](crate::model).
//!
//! Every rule the format has beyond its shape lives here. Problems are collected, not
//! returned early, so one run reports all of them.

mod names;
mod pattern;
mod types;

use crate::diagnostic::{did_you_mean, Diagnostic, Diagnostics};
use crate::model::*;
use crate::naming::{camel, snake};
use crate::spec::load::{locate, Target};
use crate::spec::raw;
use names::NameSet;
use types::TypeExpr;

/// One parsed spec file with the text its positions refer to.
pub struct Parsed<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub spec: raw::SpecFile,
}

impl Parsed<'_> {
    /// Where this file's diagnostics go.
    fn ctx<'a>(&'a self, diags: &'a mut Diagnostics) -> Ctx<'a, 'a> {
        Ctx {
            file: self.file,
            text: self.text,
            diags,
        }
    }
}

/// Where diagnostics for one file go.
struct Ctx<'a, 'd> {
    file: &'a str,
    text: &'a str,
    diags: &'d mut Diagnostics,
}

impl Ctx<'_, '_> {
    fn error(
        &mut self,
        path: &[&str],
        target: Target,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let location = locate(self.text, path, target);
        let mut d = Diagnostic::new(self.file, path.join("."), message).at(location, self.text);
        d.help = help;
        self.diags.push(d);
    }
}

/// Names the generated crate defines at its root; spec types may not take them.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "ApiError",
    "Client",
    "ClientBuilder",
    "Auth",
    "Error",
    "PageMeta",
    "Problem",
    "RetryPolicy",
    "Secret",
    "SidFault",
    "ValidationError",
];

/// Methods the runtime's `Client` has; a resource's handle method may not take them.
const RESERVED_CLIENT_METHODS: &[&str] = &[
    "account_sid",
    "base_url",
    "builder",
    "builder_from_env",
    "clone",
    "fmt",
    "from_env",
    "new",
    "paginate",
    "send_empty",
    "send_json",
];

/// Methods every parameter type has, and the names generated methods use for their
/// own arguments and locals.
const RESERVED_PARAM_NAMES: &[&str] = &["client", "new", "params", "scope", "to_pairs", "validate"];

pub fn lower(files: Vec<Parsed<'_>>) -> Result<Api, Diagnostics> {
    let mut diags = Diagnostics::default();
    let sources: Vec<String> = files.iter().map(|f| f.file.to_string()).collect();

    let api = lower_api(&files, &mut diags);

    // Named types first: resources refer to them.
    let mut types = Vec::new();
    let mut type_names = NameSet::new("type").reserve(RESERVED_TYPE_NAMES);
    for parsed in &files {
        let mut ctx = parsed.ctx(&mut diags);
        for (wire, raw) in &parsed.spec.types.0 {
            if let Some(t) = types::lower_named(&mut ctx, wire, raw) {
                type_names.claim(&mut ctx, &t.name, &["types", wire]);
                types.push(t);
            }
        }
    }
    let declared = files
        .iter()
        .flat_map(|f| f.spec.types.0.iter().map(|(wire, _)| wire.clone()));
    let type_index = types::TypeIndex::new(&types, declared);

    let mut resources = Vec::new();
    let mut handles = NameSet::new("client method").reserve(RESERVED_CLIENT_METHODS);
    for parsed in &files {
        let mut ctx = parsed.ctx(&mut diags);
        for (wire, raw) in &parsed.spec.resources.0 {
            let resource = lower_resource(&mut ctx, &type_index, wire, raw);
            let at = ["resources", wire.as_str()];
            type_names.claim(&mut ctx, &resource.name, &at);
            if !resource.operations.is_empty() {
                let plural_at = [&at[..], &["plural"]].concat();
                type_names.claim(&mut ctx, &resource.plural_camel, &plural_at);
            }
            for e in &resource.enums {
                let origin: Vec<&str> = e.origin.iter().map(String::as_str).collect();
                type_names.claim(&mut ctx, &e.name, &origin);
            }
            if let Some(page) = &resource.page {
                type_names.claim(
                    &mut ctx,
                    &page.name,
                    &[&at[..], &["operations", "list", "envelope"]].concat(),
                );
            }
            for op in &resource.operations {
                if let Some(name) = &op.params_type {
                    type_names.claim(
                        &mut ctx,
                        name,
                        &[&at[..], &["operations", op.kind.as_str()]].concat(),
                    );
                }
            }
            handles.claim(&mut ctx, &resource.plural_snake, &at);
            resources.push(resource);
        }
    }

    match api {
        Some(api) if diags.is_empty() => Ok(Api {
            sources,
            types,
            resources,
            ..api
        }),
        _ => {
            diags.sort();
            Err(diags)
        }
    }
}

fn lower_api(files: &[Parsed<'_>], diags: &mut Diagnostics) -> Option<Api> {
    let with_api: Vec<&Parsed> = files.iter().filter(|f| f.spec.api.is_some()).collect();
    let Some(first) = with_api.first() else {
        let file = files.first().map_or("spec", |f| f.file);
        diags.push(
            Diagnostic::new(file, "api", "no spec file has an `api:` section")
                .help("add `api:` with `crate`, `version`, `title`, `base_url` and `auth`"),
        );
        return None;
    };
    for extra in &with_api[1..] {
        let mut ctx = extra.ctx(diags);
        ctx.error(
            &["api"],
            Target::Key,
            format!("a second `api:` section (the first is in {})", first.file),
            Some("keep `api:` in one file of the spec folder".into()),
        );
    }
    let raw = first.spec.api.as_ref()?;
    let mut ctx = first.ctx(diags);
    let valid_crate = raw.crate_name.starts_with(|c: char| c.is_ascii_lowercase())
        && raw
            .crate_name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    let lib_name = raw.crate_name.replace('-', "_");
    if !valid_crate {
        ctx.error(
            &["api", "crate"],
            Target::Value,
            format!("`{}` is not a valid crate name", raw.crate_name),
            Some("use lowercase ASCII letters, digits, `-` and `_`, starting with a letter".into()),
        );
    } else if let Some(why) = crate_name_clash(&lib_name) {
        ctx.error(
            &["api", "crate"],
            Target::Value,
            format!("the crate can't be named `{}`: {why}", raw.crate_name),
            Some("pick a name of the API's own, like `acme-chat-v1`".into()),
        );
    }
    let mut parts = raw.version.split('.');
    let semver = (0..3).all(|_| {
        parts
            .next()
            .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    }) && parts.next().is_none();
    if !semver {
        ctx.error(
            &["api", "version"],
            Target::Value,
            format!(
                "`{}` is not a version of the form MAJOR.MINOR.PATCH",
                raw.version
            ),
            Some("write it like `0.1.0`".into()),
        );
    }
    let host = raw.base_url.strip_prefix("https://").unwrap_or("");
    if host.is_empty() || host.contains(['/', '?', '#', ' ']) {
        ctx.error(
            &["api", "base_url"],
            Target::Value,
            format!("`{}` is not an HTTPS origin", raw.base_url),
            Some("write the scheme and host only, like `https://chat.twilio.com`; paths go in operations".into()),
        );
    }
    Some(Api {
        lib_name,
        crate_name: raw.crate_name.clone(),
        version: raw.version.clone(),
        title: raw.title.clone(),
        base_url: raw.base_url.clone(),
        auth: raw.auth,
        docs: raw.docs.clone(),
        sources: Vec::new(),
        types: Vec::new(),
        resources: Vec::new(),
    })
}

/// Crates the generated code depends on or names by path; a crate of the same name would
/// shadow them in its own code and doctests.
const DEPENDENCY_CRATES: &[&str] = &[
    "fastrand",
    "futures_util",
    "percent_encoding",
    "regex",
    "reqwest",
    "serde",
    "serde_json",
    "thiserror",
    "time",
    "tokio",
];

/// Names the compiler gives meaning to at the root of every path.
const BUILTIN_CRATES: &[&str] = &["alloc", "core", "proc_macro", "std", "test"];

/// Why a crate (by its library name) can't have this name, if it can't.
fn crate_name_clash(lib_name: &str) -> Option<&'static str> {
    if DEPENDENCY_CRATES.contains(&lib_name) {
        Some("the generated code depends on a crate of that name")
    } else if BUILTIN_CRATES.contains(&lib_name) {
        Some("the compiler's own crates have that name")
    } else if crate::naming::is_keyword(lib_name) {
        Some("it is a Rust keyword, so `use` can't name it")
    } else {
        None
    }
}

fn lower_resource(
    ctx: &mut Ctx,
    index: &types::TypeIndex,
    wire: &str,
    raw: &raw::Resource,
) -> Resource {
    let name = camel(wire);
    let plural = raw.plural.clone().unwrap_or_else(|| format!("{wire}s"));
    let mut enums = Vec::new();

    let mut field_names = NameSet::new("field");
    let mut fields = Vec::new();
    for (pwire, p) in &raw.properties.0 {
        let at = ["resources", wire, "properties", pwire.as_str()];
        let expr = TypeExpr {
            ty: &p.ty,
            items: p.items.as_deref(),
            items_nullable: p.items_nullable,
            format: p.format,
            values: p.values.as_deref(),
            minimum: p.minimum,
            maximum: p.maximum,
        };
        let enum_name = camel(&format!("{wire} {pwire}"));
        let Some(ty) = types::resolve(ctx, index, &at, &expr, &enum_name, &p.doc, &mut enums)
        else {
            continue;
        };
        let default = match &p.default {
            Some(value) => {
                let Some(literal) = types::default_value(ctx, index, &at, &ty, value, &enums)
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
        fields.push(Field {
            name: field_name,
            wire: pwire.clone(),
            doc: p.doc.clone(),
            ty,
            nullable: p.nullable,
            default,
        });
    }

    for (pwire, p) in &raw.params.0 {
        if p.location != ParamIn::Path {
            ctx.error(
                &["resources", wire, "params", pwire.as_str(), "in"],
                Target::Value,
                format!("resource parameter `{pwire}` is not a path parameter"),
                Some(
                    "declare query and form parameters under the operation that takes them".into(),
                ),
            );
        }
    }
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
    for (pwire, p) in &raw.params.0 {
        let used = p.location != ParamIn::Path
            || [&ops.create, &ops.fetch, &ops.list, &ops.update, &ops.delete]
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
    if raw.properties.0.is_empty() {
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
        .and_then(|op| op.envelope.clone())
        .map(|key| Page {
            name: format!("{name}Page"),
            field: snake(&key),
            key,
        });
    let plural_snake = snake(&plural);
    let example = raw
        .example
        .and_then(|kind| lower_example(ctx, wire, &plural_snake, kind, &operations));
    Resource {
        name,
        wire: wire.to_string(),
        module: snake(wire),
        plural_snake,
        plural_camel: camel(&plural),
        doc: raw.doc.clone(),
        fields,
        enums,
        scope_params,
        operations,
        page,
        example,
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
                    Type::Array(_) | Type::DateTime(_) | Type::Json | Type::Map { .. }
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

/// What an operation shares with the rest of its resource.
struct Scope<'a> {
    /// The resource's spec name (`Invite`).
    resource: &'a str,
    /// Its Rust name.
    resource_name: &'a str,
    plural: &'a str,
    /// Path parameters declared on the resource.
    shared: &'a raw::Entries<raw::Param>,
}

/// The `{Name}` placeholders of a path as written, without checking it.
fn path_placeholders(path: &str) -> impl Iterator<Item = &str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

fn lower_operation(
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
        plural,
        shared,
    } = *scope;
    let at = ["resources", resource, "operations", kind.as_str()];
    let sub = |key: &'static str| [at[0], at[1], at[2], at[3], key];
    let mut ok = true;

    if !(200..=299).contains(&raw.status) {
        ctx.error(
            &sub("status"),
            Target::Value,
            format!("success status {} is not a 2xx status", raw.status),
            Some(format!(
                "use the status the API answers a successful {} with, such as 200",
                kind.as_str()
            )),
        );
        ok = false;
    }
    match (kind, &raw.envelope) {
        (OpKind::List, None) => {
            ctx.error(
                &at,
                Target::Key,
                "a list operation needs an `envelope`",
                Some("add `envelope: <key>`, the name of the records array in the page (Twilio's `meta.key`)".into()),
            );
            ok = false;
        }
        (OpKind::List, Some(key)) if key.is_empty() || snake(key) == "meta" => {
            ctx.error(
                &sub("envelope"),
                Target::Value,
                format!("`{key}` can't be the records key of a page"),
                Some("use the name of the records array, such as `invites`".into()),
            );
            ok = false;
        }
        (OpKind::List, Some(_)) => {}
        (_, Some(_)) => {
            ctx.error(
                &sub("envelope"),
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

    let template = parse_path(ctx, &sub("path"), &raw.path);
    ok &= template.is_some();
    let template = template.unwrap_or_default();

    // The operation's own parameters, then the resource's that its path names.
    let mut declared: Vec<(&str, &raw::Param, Vec<&str>)> = Vec::new();
    for (pwire, p) in &raw.params.0 {
        let pat = vec![at[0], at[1], at[2], at[3], "params", pwire.as_str()];
        if shared.0.iter().any(|(w, _)| w == pwire) {
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
        if p.location == ParamIn::Path && template.contains(&PathSegment::Param(pwire.clone())) {
            declared.push((
                pwire,
                p,
                vec!["resources", resource, "params", pwire.as_str()],
            ));
        }
    }

    let mut path_params = Vec::new();
    let mut params = Vec::new();
    let mut names = NameSet::new("parameter").reserve(RESERVED_PARAM_NAMES);
    for (pwire, p, pat) in &declared {
        let (pwire, pat) = (*pwire, &pat[..]);
        let expr = TypeExpr {
            ty: &p.ty,
            items: p.items.as_deref(),
            items_nullable: false,
            format: p.format,
            values: p.values.as_deref(),
            minimum: p.minimum,
            maximum: p.maximum,
        };
        let enum_name = camel(&format!("{} {pwire}", kind.as_str()));
        let enum_name = format!("{resource_name}{enum_name}");
        let Some(ty) = types::resolve(ctx, index, pat, &expr, &enum_name, &p.doc, enums) else {
            ok = false;
            continue;
        };
        let name = snake(pwire);
        names.claim(ctx, &name, pat);
        if p.secret && (p.location == ParamIn::Path || ty != Type::String) {
            let why = if p.location == ParamIn::Path {
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
        let param = Param {
            name,
            wire: pwire.to_string(),
            doc: p.doc.clone(),
            location: p.location,
            ty,
            required: p.required || p.location == ParamIn::Path,
            secret: p.secret,
        };
        match p.location {
            ParamIn::Path => {
                if !matches!(
                    param.ty,
                    Type::String | Type::Named(_) | Type::Enum(_) | Type::Integer { .. }
                ) {
                    ctx.error(
                        &[pat, &["type"]].concat(),
                        Target::Value,
                        format!("path parameter `{pwire}` can't be of type `{}`", p.ty),
                        Some("a path parameter is a string, an integer, an enum or a named string type".into()),
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
                            raw.path
                        ),
                        Some(help),
                    );
                    ok = false;
                }
                path_params.push(param);
            }
            ParamIn::Form if matches!(raw.method, raw::Method::GET | raw::Method::DELETE) => {
                ctx.error(
                    &[pat, &["in"]].concat(),
                    Target::Value,
                    format!("a {:?} request has no form body for `{pwire}`", raw.method),
                    Some("use `in: query`, or change the method to POST".into()),
                );
                ok = false;
            }
            ParamIn::Query | ParamIn::Form => {
                if matches!(param.ty, Type::Json | Type::Map { .. }) {
                    ctx.error(
                        &[pat, &["type"]].concat(),
                        Target::Value,
                        format!("parameter `{pwire}` can't be a JSON object or map"),
                        Some(
                            "send JSON as a `string` parameter holding the serialized object"
                                .into(),
                        ),
                    );
                    ok = false;
                }
                params.push(param)
            }
        }
    }
    let in_form = params
        .iter()
        .filter(|p| p.location == ParamIn::Form)
        .count();
    if in_form > 0 && in_form < params.len() {
        ctx.error(
            &at,
            Target::Key,
            format!("operation `{}` mixes query and form parameters", kind.as_str()),
            Some("send them all in the form body (`in: form`) or all in the query string (`in: query`)".into()),
        );
        ok = false;
    }
    for seg in &template {
        if let PathSegment::Param(p) = seg {
            if !declared
                .iter()
                .any(|(w, raw, _)| w == p && raw.location == ParamIn::Path)
            {
                ctx.error(
                    &sub("path"),
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
    // Path parameters in template order, so method arguments read like the URL.
    path_params.sort_by_key(|p| {
        template
            .iter()
            .position(|s| *s == PathSegment::Param(p.wire.clone()))
    });

    let params_type = (!params.is_empty()).then(|| match kind {
        OpKind::List => format!("List{}", camel(plural)),
        _ => format!("{}{resource_name}", camel(kind.as_str())),
    });
    ok.then_some(Operation {
        kind,
        method: raw.method,
        path: template,
        status: raw.status,
        doc: raw.doc.clone(),
        own_path_params: path_params,
        params,
        params_type,
    })
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
fn split_scope_params(ctx: &mut Ctx, resource: &str, operations: &mut [Operation]) -> Vec<Param> {
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
