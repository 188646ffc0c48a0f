//! The spec's `api:` section from the OpenAPI file's info, servers and security.

use super::*;

/// `api.yaml` for a first import: crate name from the file name, title and docs from
/// `info`, base URL from the paths' servers.
pub(super) fn api_section(doc: &mut Doc, file: &str) -> String {
    let stem = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".yaml")
        .trim_end_matches(".yml")
        .trim_end_matches(".json");
    let crate_name = stem.replace('_', "-");
    let info = doc.root.get("info").cloned().unwrap_or(Value::Null);
    let title = text(&info, "title")
        .unwrap_or(stem)
        .replace("Twilio - ", "Twilio ");
    let version = stem.rsplit('_').next().unwrap_or("");
    let title = if version.starts_with('v') && !title.ends_with(version) {
        format!("{title} {version}")
    } else {
        title
    };
    let base_url = base_url(doc).unwrap_or_default();
    let schemes = object(
        doc.root
            .get("components")
            .and_then(|c| c.get("securitySchemes"))
            .unwrap_or(&Value::Null),
    );
    let auth = auth_section(doc, schemes, &base_url);
    format!(
        "# The crate's own section: written by the first `cargo xtask import`, the\n\
         # maintainer's from then on.\napi:\n  crate: {}\n  version: 0.1.0\n  title: {}\n  base_url: {}\n  auth:{auth}",
        out::scalar(&crate_name),
        out::scalar(&title),
        out::scalar(&base_url)
    )
}

/// `api.auth` from the security schemes: HTTP Basic, and OAuth2 client credentials
/// whose token URL is on the API's own origin; Basic when it names neither.
pub(super) fn auth_section(
    doc: &mut Doc,
    schemes: &serde_json::Map<String, Value>,
    base_url: &str,
) -> String {
    let mut basic = false;
    let mut token_url = None;
    for (name, scheme) in schemes {
        let at = child("/components/securitySchemes", name);
        match text(scheme, "type") {
            Some("http")
                if text(scheme, "scheme").is_some_and(|s| s.eq_ignore_ascii_case("basic")) =>
            {
                basic = true
            }
            Some("oauth2") => {
                let url = scheme
                    .get("flows")
                    .and_then(|f| f.get("clientCredentials"))
                    .and_then(|c| text(c, "tokenUrl"));
                match url {
                    Some(url)
                        if url
                            .strip_prefix(base_url)
                            .is_some_and(|path| path.starts_with('/')) =>
                    {
                        token_url = Some(url.to_owned())
                    }
                    Some(_) => doc.lossy(
                        &at,
                        "OAuth2 token URL on another host",
                        "the client sends credentials to the API's own host only, so the crate takes Basic auth",
                    ),
                    None => doc.lossy(
                        &at,
                        "OAuth2 flow other than client credentials",
                        "the runtime takes OAuth2 client credentials only",
                    ),
                }
            }
            _ => {}
        }
    }
    match token_url {
        None => " basic\n".to_owned(),
        Some(url) => format!(
            "\n{}    oauth2: {{ token_url: {} }}\n",
            if basic { "    basic: true\n" } else { "" },
            out::scalar(&url)
        ),
    }
}

/// The one server every path names.
pub(super) fn base_url(doc: &mut Doc) -> Option<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let global = doc
        .root
        .get("servers")
        .and_then(|s| s.get(0))
        .and_then(|s| text(s, "url"))
        .map(str::to_owned);
    for (path, item) in object(doc.root.get("paths").unwrap_or(&Value::Null)) {
        let url = item
            .get("servers")
            .and_then(|s| s.get(0))
            .and_then(|s| text(s, "url"))
            .map(str::to_owned)
            .or_else(|| global.clone());
        match url {
            Some(url) => *seen.entry(url).or_default() += 1,
            None => doc.problem(
                &child("/paths", path),
                "the path names no server",
                "add `servers: [{url: https://…}]` to the path or the document",
            ),
        }
    }
    // What the spec's `base_url` can be: an absolute HTTPS URL, checked again there.
    if let Some(bad) = seen
        .keys()
        .find(|url| !url.starts_with("https://") || url.len() <= 8)
    {
        doc.problem(
            "/servers",
            format!("the server URL `{bad}` is not an HTTPS URL"),
            "write the API's origin, like `https://chat.twilio.com`",
        );
    }
    if seen.len() > 1 {
        let all: Vec<&str> = seen.keys().map(String::as_str).collect();
        doc.problem(
            "/paths",
            format!("the paths name several servers ({})", all.join(", ")),
            "a crate has one base URL; split the file by server",
        );
    }
    seen.into_keys().next()
}
