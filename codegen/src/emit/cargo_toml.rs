//! The generated crate's `Cargo.toml`: only the dependencies its code uses.

use crate::model::Api;

pub fn emit(api: &Api, stamp: &str) -> String {
    let stamp = stamp.replacen("//", "#", 1);
    let description = toml_string(&format!(
        "Typed Rust client for {}, generated from its API description.",
        api.title
    ));
    let mut dependencies: Vec<&str> = super::runtime::DEPENDENCIES.lines().collect();
    if api.needs_regex() {
        dependencies.push(r#"regex = { version = "1", default-features = false, features = ["std", "perf", "unicode"] }"#);
    }
    dependencies.sort_unstable();
    let dependencies = dependencies.join("\n");
    format!(
        r#"{stamp}

[package]
name = "{name}"
version = "{version}"
edition = "2021"
rust-version = "1.85"
description = {description}

[dependencies]
{dependencies}

# For the examples.
[dev-dependencies]
tokio = {{ version = "1", features = ["macros", "rt"] }}
"#,
        name = api.crate_name,
        version = api.version,
    )
}

/// A TOML basic string; `Debug` escapes quotes, backslashes and control characters the
/// way TOML reads them, except `\u{…}`, which TOML writes `\uXXXX`.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
