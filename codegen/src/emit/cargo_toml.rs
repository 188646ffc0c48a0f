//! The generated crate's `Cargo.toml`: the runtime, the TLS features it forwards, and
//! only the dependencies its code uses.

use super::{Layout, RuntimeDep};
use crate::generated_crate::{
    runtime_version, Dependency, Need, DEPENDENCIES, DEV_DEPENDENCIES, RUNTIME_PACKAGE,
    TLS_FEATURES,
};
use crate::model::Api;

pub fn emit(api: &Api, layout: &Layout, stamp: &str) -> String {
    let stamp = stamp.replacen("//", "#", 1);
    let description = toml_string(&format!(
        "Typed Rust client for {}, generated from its API description.",
        api.title
    ));
    let needs = |dep: &&Dependency| match dep.when {
        Need::Always => true,
        Need::Regex => api.needs_regex(),
        Need::Json => api.needs_json(),
        Need::Dates => api.needs_dates(),
        Need::WebhookExample => api.webhooks.as_ref().is_some_and(|w| w.example.is_some()),
    };
    let mut dependencies: Vec<String> = DEPENDENCIES
        .iter()
        .filter(needs)
        .map(|d| d.manifest.to_string())
        .collect();
    dependencies.push(match &layout.runtime {
        RuntimeDep::Workspace => format!("{RUNTIME_PACKAGE}.workspace = true"),
        RuntimeDep::Path(path) => format!(
            "{RUNTIME_PACKAGE} = {{ version = \"{}\", path = {}, default-features = false }}",
            runtime_version(),
            toml_string(path)
        ),
    });
    dependencies.sort_unstable();
    let dev_dependencies: Vec<&str> = DEV_DEPENDENCIES
        .iter()
        .filter(needs)
        .map(|d| d.manifest)
        .collect();
    let features: Vec<String> = TLS_FEATURES
        .iter()
        .map(|f| format!("{f} = [\"{RUNTIME_PACKAGE}/{f}\"]"))
        .collect();
    let package = package(
        api,
        layout,
        &description,
        &keywords(&api.crate_name),
        r#"["api-bindings", "web-programming::http-client"]"#,
    );
    format!(
        r#"{stamp}

{package}
# docs.rs builds the default TLS backend; the others are listed from [features].
[package.metadata.docs.rs]
features = ["{default_tls}"]

[features]
default = ["{default_tls}"]
# The TLS backend, as the runtime offers it.
{features}

[dependencies]
{dependencies}

# For the examples and doctests.
[dev-dependencies]
{dev_dependencies}
{workspace}"#,
        workspace = workspace(layout),
        default_tls = TLS_FEATURES[0],
        features = features.join("\n"),
        dependencies = dependencies.join("\n"),
        dev_dependencies = dev_dependencies.join("\n"),
    )
}

/// A TwiML crate's manifest: no dependencies and no features, since it writes text
/// and sends nothing.
pub fn twiml(api: &Api, layout: &Layout, stamp: &str) -> String {
    let stamp = stamp.replacen("//", "#", 1);
    let description = toml_string(&format!(
        "{}: typed builders that write what Twilio's libraries write, generated from a description.",
        api.title
    ));
    let package = package(
        api,
        layout,
        &description,
        r#"["twilio", "twiml", "voice", "sms", "xml"]"#,
        r#"["api-bindings", "template-engine"]"#,
    );
    format!(
        "{stamp}\n\n{package}\n# None: a TwiML document is text the crate writes itself.\n[dependencies]\n{}",
        workspace(layout)
    )
}

/// The `[package]` table: the crate's name and version, what it is, and its licence
/// and repository, which a member of this repository's workspace takes from the
/// workspace, where they are written once (elsewhere they are the owner's).
fn package(
    api: &Api,
    layout: &Layout,
    description: &str,
    keywords: &str,
    categories: &str,
) -> String {
    let mut inherited = match layout.runtime {
        RuntimeDep::Workspace => "license.workspace = true\nrepository.workspace = true\n",
        RuntimeDep::Path(_) => "",
    }
    .to_string();
    if !api.publish {
        inherited.push_str("publish = false\n");
    }
    format!(
        r#"[package]
name = "{name}"
version = "{version}"
edition = "2024"
rust-version = "1.85"
description = {description}
{inherited}readme = "README.md"
documentation = "https://docs.rs/{name}"
keywords = {keywords}
categories = {categories}
"#,
        name = api.crate_name,
        version = api.version,
    )
}

/// A `[workspace]` table of its own, for a crate generated outside any workspace.
fn workspace(layout: &Layout) -> &'static str {
    if layout.own_workspace {
        "\n# A workspace of its own: this crate was generated outside any other (in one,\n# it is generated without this table, as a member).\n[workspace]\n"
    } else {
        ""
    }
}

/// `["twilio", "api", "chat"]`: Twilio, and the product words of the crate's name
/// (`twilio-chat-v2`), as crates.io takes them (at most five, each at most 20
/// characters of letters, digits, `-` and `_`).
fn keywords(crate_name: &str) -> String {
    let mut words = vec!["twilio".to_string(), "api".to_string()];
    for word in crate_name.split(['-', '_']) {
        let versioned = word
            .strip_prefix('v')
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
        let plain = !word.is_empty()
            && word.len() <= 20
            && word.chars().all(|c| c.is_ascii_alphanumeric())
            && word.starts_with(|c: char| c.is_ascii_alphabetic());
        if plain && !versioned && !words.contains(&word.to_ascii_lowercase()) && words.len() < 5 {
            words.push(word.to_ascii_lowercase());
        }
    }
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The crate's `rustfmt.toml`: rustfmt leaves the generated files alone, so `cargo
/// fmt` never makes them stale. They are formatted by prettyplease, the same on every
/// machine whichever rustfmt it has.
pub fn rustfmt_toml(stamp: &str) -> String {
    format!(
        "{}\n\n# Formatted by the generator (prettyplease), not rustfmt: `cargo fmt` must not\n\
         # change what `cargo xtask check` compares.\ndisable_all_formatting = true\n",
        stamp.replacen("//", "#", 1)
    )
}

/// A TOML basic string: quotes, backslashes and control characters escaped the way
/// TOML reads them; characters that reorder or hide text written as visible text.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            // As in the Rust files: a visible escape, as text, so the value shows
            // what was there instead of reordering what follows.
            c if super::hidden(c) => out.push_str(&format!("\\\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
