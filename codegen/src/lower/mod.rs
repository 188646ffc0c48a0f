//! Checks parsed spec files and resolves them into the [`model`](crate::model).
//!
//! Every rule the format has beyond its shape lives here. Problems are collected, not
//! returned early, so one run reports all of them.

mod callbacks;
mod defaults;
mod names;
mod operation;
mod params;
mod pattern;
mod resource;
mod twiml;
mod types;
mod webhooks;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::generated_crate;
use crate::model::*;
use crate::naming::{camel, snake};
use crate::pattern::Budget;
use crate::spec::load::{locate, Target};
use crate::spec::raw;
use names::NameSet;
use resource::{lower_objects, lower_resource};
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

pub fn lower(files: Vec<Parsed<'_>>) -> Result<Api, Diagnostics> {
    let mut diags = Diagnostics::default();
    let sources: Vec<String> = files.iter().map(|f| f.file.to_string()).collect();

    let api = lower_api(&files, &mut diags);

    // Named types first: resources refer to them.
    let mut types = Vec::new();
    let mut type_names = NameSet::new("type").reserve(generated_crate::reserved_type_names());
    for parsed in &files {
        let mut ctx = parsed.ctx(&mut diags);
        let mut patterns = Budget::default();
        for (wire, raw) in &parsed.spec.types.0 {
            if let Some(t) = types::lower_named(&mut ctx, wire, raw, &mut patterns) {
                type_names.claim(&mut ctx, &t.name, &["types", wire]);
                types.push(t);
            }
        }
    }
    let declared = files
        .iter()
        .flat_map(|f| f.spec.types.0.iter().map(|(wire, _)| wire.clone()));
    let type_index = types::TypeIndex::new(&types, declared);
    lower_objects(&files, &mut diags, &type_index, &mut types, &mut type_names);

    let mut resources = Vec::new();
    let mut handles =
        NameSet::new("client method").reserve(generated_crate::client_fns::reserved());
    for parsed in &files {
        let mut ctx = parsed.ctx(&mut diags);
        for (wire, raw) in &parsed.spec.resources.0 {
            let resource = lower_resource(&mut ctx, &type_index, wire, raw);
            let at = ["resources", wire.as_str()];
            type_names.claim(&mut ctx, &resource.name, &at);
            if !resource.operations.is_empty() {
                let plural_at = [&at[..], &["plural"]].concat();
                type_names.claim(&mut ctx, &resource.handle, &plural_at);
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

    let client_account = lower_client_account(&files, &mut diags, &types, &mut resources);
    let openapi = lower_openapi(&files, &mut diags);
    let lib_name = api.as_ref().map_or("", |a| a.lib_name.as_str());
    let webhooks = webhooks::lower(&files, &type_index, lib_name, &mut diags);
    let callbacks = callbacks::lower(&files, &type_index, &mut diags);
    let twiml = twiml::lower(&files, &mut diags);
    match api {
        Some(api) if diags.is_empty() => Ok(Api {
            sources,
            openapi,
            types,
            resources,
            webhooks,
            callbacks,
            twiml,
            client_account,
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
    let twiml = files.iter().any(|f| f.spec.twiml.is_some());
    let (base_url, auth) = lower_endpoint(raw, twiml, &mut ctx);
    if let Some(code) = &raw.quick_start {
        if code.trim().is_empty() || code.contains("```") {
            ctx.error(
                &["api", "quick_start"],
                Target::Value,
                "the quick start must be Rust statements, without a code fence",
                Some(
                    "write the statements only; the generator fences them as a `no_run` doctest"
                        .into(),
                ),
            );
        }
    }
    Some(Api {
        base_url_env: format!("{}_BASE_URL", lib_name.to_uppercase()),
        lib_name,
        crate_name: raw.crate_name.clone(),
        version: raw.version.clone(),
        title: raw.title.clone(),
        base_url,
        auth,
        docs: raw.docs.clone(),
        quick_start: raw.quick_start.clone(),
        publish: raw.publish,
        access_token: raw.access_token,
        client_account: None,
        sources: Vec::new(),
        openapi: None,
        types: Vec::new(),
        resources: Vec::new(),
        webhooks: None,
        callbacks: None,
        twiml: None,
    })
}

/// `api.base_url` and `api.auth`: an API's origin and credentials, which a TwiML
/// crate, sending nothing, doesn't have.
fn lower_endpoint(raw: &raw::Api, twiml: bool, ctx: &mut Ctx<'_, '_>) -> (String, Auth) {
    let (base_url, auth) = match (&raw.base_url, &raw.auth, twiml) {
        (Some(base_url), Some(auth), false) => (base_url, auth),
        (None, None, true) => return (String::new(), Auth::BASIC),
        (_, _, true) => {
            let key = if raw.base_url.is_some() {
                "base_url"
            } else {
                "auth"
            };
            ctx.error(
                &["api", key],
                Target::Key,
                format!("a TwiML crate sends no requests, so it has no `{key}`"),
                Some(format!("remove `{key}`")),
            );
            return (String::new(), Auth::BASIC);
        }
        (base_url, _, false) => {
            let key = if base_url.is_none() {
                "base_url"
            } else {
                "auth"
            };
            ctx.error(
                &["api"],
                Target::Key,
                format!("`api` has no `{key}`"),
                Some(match key {
                    "base_url" => {
                        "add the API's HTTPS origin, like `base_url: https://chat.twilio.com`"
                            .into()
                    }
                    _ => "add the credentials it takes, like `auth: basic`".into(),
                }),
            );
            return (String::new(), Auth::BASIC);
        }
    };
    let host = base_url.strip_prefix("https://").unwrap_or("");
    if host.is_empty() || host.contains(['/', '?', '#', ' ']) {
        ctx.error(
            &["api", "base_url"],
            Target::Value,
            format!("`{base_url}` is not an HTTPS origin"),
            Some("write the scheme and host only, like `https://chat.twilio.com`; paths go in operations".into()),
        );
    }
    let auth = lower_auth(auth, base_url, ctx);
    (base_url.clone(), auth)
}

/// `api.auth`: at least one kind of credentials, and a token URL on the API's own
/// origin (the client sends the credentials there, and resolves its path against its
/// own base URL, so a test's or a region's host serves the token too).
fn lower_auth(raw: &raw::Auth, base_url: &str, ctx: &mut Ctx<'_, '_>) -> Auth {
    let kinds = match raw {
        raw::Auth::Basic => return Auth::BASIC,
        raw::Auth::Kinds(kinds) => kinds,
    };
    let Some(oauth2) = &kinds.oauth2 else {
        if kinds.basic {
            return Auth::BASIC;
        }
        ctx.error(
            &["api", "auth"],
            Target::Key,
            "`auth` names no kind of credentials",
            Some("write `auth: basic`, or `auth: { oauth2: { token_url: https://… } }`".into()),
        );
        return Auth::BASIC;
    };
    let url = oauth2.token_url.trim();
    let at = ["api", "auth", "oauth2", "token_url"];
    let path = match url.strip_prefix(base_url) {
        _ if !url.starts_with("https://") => Err(format!("`{url}` is not an HTTPS URL")),
        Some(path) if path.starts_with('/') && path.len() > 1 => Ok(path),
        Some(_) => Err(format!("`{url}` has no path on `{base_url}`")),
        None => Err(format!(
            "the token URL `{url}` is not on the API's origin `{base_url}`"
        )),
    };
    let path = path.and_then(|path| {
        if path.contains(['?', '#', '{', '}', ' ', '\\']) || path.contains("/../") || path.ends_with("/..") {
            Err(format!("the token URL's path `{path}` must be a plain path, without a query, fragment, placeholder or `..`"))
        } else {
            Ok(path)
        }
    });
    match path {
        Ok(path) => Auth {
            basic: kinds.basic,
            oauth2: Some(OAuth2 {
                token_url: url.to_owned(),
                token_path: path.to_owned(),
            }),
        },
        Err(message) => {
            ctx.error(
                &at,
                Target::Value,
                message,
                Some(format!(
                    "write the token endpoint on the base URL's host, like `{base_url}/v1/token`: the client sends the credentials nowhere else"
                )),
            );
            Auth::BASIC
        }
    }
}

/// `api.client_account`: the path parameter the client's own account fills. Every
/// resource whose scope starts with it is made without it; it must be a SID type.
fn lower_client_account(
    files: &[Parsed<'_>],
    diags: &mut Diagnostics,
    types: &[NamedType],
    resources: &mut [Resource],
) -> Option<ClientAccount> {
    let (parsed, wire) = files
        .iter()
        .find_map(|f| Some((f, f.spec.api.as_ref()?.client_account.as_ref()?)))?;
    let mut ctx = parsed.ctx(diags);
    let at = ["api", "client_account"];
    // The client's own account is the one its HTTP Basic credentials name.
    let basic = parsed.spec.api.as_ref().is_some_and(|a| match &a.auth {
        Some(raw::Auth::Basic) => true,
        Some(raw::Auth::Kinds(kinds)) => kinds.basic,
        None => false,
    });
    if !basic {
        ctx.error(
            &at,
            Target::Value,
            "a client's own account comes with HTTP Basic credentials, which this API doesn't take",
            Some("remove `client_account`, or add `basic: true` to `auth`".into()),
        );
        return None;
    }
    let is_sid = |name: &str| {
        types
            .iter()
            .any(|t| t.name == name && matches!(t.kind, NamedKind::Sid { .. }))
    };
    let mut ty: Option<String> = None;
    for r in resources.iter_mut() {
        let Some(first) = r.scope_params.first().filter(|p| &p.wire == wire) else {
            continue;
        };
        match &first.ty {
            Type::Named(name) if is_sid(name) && ty.as_ref().is_none_or(|t| t == name) => {
                ty = Some(name.clone());
                r.from_client = true;
            }
            _ => {
                ctx.error(
                    &at,
                    Target::Value,
                    format!(
                        "`{wire}` of resource `{}` is not the same SID type everywhere",
                        r.wire
                    ),
                    Some(
                        "the client's account is one SID type: name a path parameter that has it"
                            .into(),
                    ),
                );
                return None;
            }
        }
    }
    if ty.is_none() {
        ctx.error(
            &at,
            Target::Value,
            format!("no resource's path starts with `{{{wire}}}`"),
            Some(
                "name the path parameter the client's own account fills, such as `AccountSid`"
                    .into(),
            ),
        );
    }
    Some(ClientAccount {
        wire: wire.clone(),
        ty: ty?,
    })
}

/// The `openapi:` section: in one file at most, its source a relative path.
fn lower_openapi(files: &[Parsed<'_>], diags: &mut Diagnostics) -> Option<OpenApiLink> {
    let with: Vec<&Parsed> = files.iter().filter(|f| f.spec.openapi.is_some()).collect();
    let first = with.first()?;
    for extra in &with[1..] {
        extra.ctx(diags).error(
            &["openapi"],
            Target::Key,
            format!(
                "a second `openapi:` section (the first is in {})",
                first.file
            ),
            Some("keep `openapi:` in one file of the spec folder".into()),
        );
    }
    let raw = first.spec.openapi.as_ref()?;
    let mut ctx = first.ctx(diags);
    let source = raw.source.trim();
    if source.is_empty() || source.starts_with('/') || source.contains('\\') {
        ctx.error(
            &["openapi", "source"],
            Target::Value,
            format!("`{}` is not a relative path to the OpenAPI file", raw.source),
            Some("write the path from the spec folder, with `/`, like `../openapi/twilio_chat_v2.yaml`".into()),
        );
    }
    for (i, d) in raw.departures.iter().enumerate() {
        if d.reason.trim().is_empty() {
            let index = i.to_string();
            ctx.error(
                &["openapi", "departures", index.as_str(), "reason"],
                Target::Value,
                "a departure needs a reason",
                Some("say why the spec differs from the OpenAPI here, for a reviewer".into()),
            );
        }
    }
    Some(OpenApiLink {
        source: source.to_string(),
        departures: raw
            .departures
            .iter()
            .map(|d| Departure {
                openapi: d.openapi.clone(),
                spec: d.spec.clone(),
                differs: d.differs.clone(),
                expected: d.expected.clone(),
                found: d.found.clone(),
                reason: d.reason.clone(),
            })
            .collect(),
    })
}

// The model's plain enums, from the spec format's serde ones.

impl From<raw::DateFormat> for DateFormat {
    fn from(format: raw::DateFormat) -> Self {
        match format {
            raw::DateFormat::Iso8601 => DateFormat::Iso8601,
            raw::DateFormat::Rfc2822 => DateFormat::Rfc2822,
        }
    }
}

impl From<raw::Method> for Method {
    fn from(method: raw::Method) -> Self {
        match method {
            raw::Method::Get => Method::Get,
            raw::Method::Post => Method::Post,
            raw::Method::Put => Method::Put,
            raw::Method::Patch => Method::Patch,
            raw::Method::Delete => Method::Delete,
        }
    }
}

impl From<raw::ParamIn> for ParamIn {
    fn from(location: raw::ParamIn) -> Self {
        match location {
            raw::ParamIn::Path => ParamIn::Path,
            raw::ParamIn::Query => ParamIn::Query,
            raw::ParamIn::Form => ParamIn::Form,
            raw::ParamIn::Json => ParamIn::Json,
            raw::ParamIn::Body => ParamIn::Body,
            raw::ParamIn::Header => ParamIn::Header,
        }
    }
}

/// Names the compiler gives meaning to at the root of every path.
const BUILTIN_CRATES: &[&str] = &["alloc", "core", "proc_macro", "std", "test"];

/// Why a crate (by its library name) can't have this name, if it can't.
fn crate_name_clash(lib_name: &str) -> Option<&'static str> {
    if generated_crate::dependency_libs().any(|lib| lib == lib_name) {
        Some("the generated code depends on a crate of that name")
    } else if BUILTIN_CRATES.contains(&lib_name) {
        Some("the compiler's own crates have that name")
    } else if crate::naming::is_keyword(lib_name) {
        Some("it is a Rust keyword, so `use` can't name it")
    } else {
        None
    }
}
