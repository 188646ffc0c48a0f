//! The generated crate's `README.md`, what crates.io and a repository browser show:
//! what the API is, how to add the crate, the quick start as a whole program, and
//! where the docs are. `src/lib.rs` compiles the README's code as a doctest, so the
//! quick start a new user copies builds.

use crate::model::Api;

pub fn emit(api: &Api, stamp: &str) -> String {
    let stamp = format!("<!-- {} -->", stamp.trim_start_matches("// "));
    let krate = &api.crate_name;
    let mut out = vec![stamp, String::new(), format!("# {krate}"), String::new()];
    out.push(format!(
        "A typed Rust client for {}, generated from its API description: models with \
         SIDs that can't hold an invalid value, a handle for every resource, parameters \
         checked before anything is sent, retries, paging and typed errors.",
        api.title
    ));
    out.push(String::new());
    if let Some(docs) = &api.docs {
        out.extend(docs.trim_end().lines().map(str::to_owned));
        out.push(String::new());
    }
    let program = quick_start(api);
    out.extend(install(api, program.as_deref()));
    if let Some(code) = program {
        out.extend(["## Quick start".into(), String::new()]);
        out.push(format!(
            "Credentials come from {}.",
            super::docs::credentials_from_env(&api.auth)
        ));
        out.push(String::new());
        out.push("```rust,no_run".into());
        out.extend(code);
        out.push("```".into());
        out.push(String::new());
    }
    out.extend([
        "## Documentation".into(),
        String::new(),
        format!("- This crate's API: <https://docs.rs/{krate}>"),
        "- Twilio's documentation of the API: <https://www.twilio.com/docs>".into(),
        String::new(),
    ]);
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// A TwiML crate's README: what it is, how to add it, and its example.
pub fn twiml(api: &Api, stamp: &str) -> String {
    let stamp = format!("<!-- {} -->", stamp.trim_start_matches("// "));
    let krate = &api.crate_name;
    let version = crate::version::Version::parse(&api.version)
        .map_or_else(|| api.version.clone(), |v| v.caret());
    let mut out = vec![stamp, String::new(), format!("# {krate}"), String::new()];
    if let Some(docs) = &api.docs {
        out.extend(docs.trim_end().lines().map(str::to_owned));
        out.push(String::new());
    }
    out.extend([
        "## Install".into(),
        String::new(),
        "```toml".into(),
        "[dependencies]".into(),
        format!("{krate} = \"{version}\""),
        "```".into(),
        String::new(),
    ]);
    if let Some(code) = &api.quick_start {
        out.extend(["## Example".into(), String::new(), "```rust".into()]);
        out.push(format!(
            "fn main() -> Result<(), {}::TwimlError> {{",
            api.lib_name
        ));
        out.extend(code.trim_end().lines().map(|l| match l {
            "" => String::new(),
            l => format!("    {l}"),
        }));
        out.extend(["    Ok(())".into(), "}".into(), "```".into(), String::new()]);
    }
    out.extend([
        "## Documentation".into(),
        String::new(),
        format!("- This crate's API: <https://docs.rs/{krate}>"),
        "- Twilio's TwiML documentation: <https://www.twilio.com/docs/glossary/what-is-twilio-markup-language-twiml>".into(),
        String::new(),
    ]);
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// `[dependencies]` for a program that runs the quick start.
fn install(api: &Api, program: Option<&[String]>) -> Vec<String> {
    let version = crate::version::Version::parse(&api.version)
        .map_or_else(|| api.version.clone(), |v| v.caret());
    let mut deps = vec![format!("{} = \"{version}\"", api.crate_name)];
    deps.push("tokio = { version = \"1\", features = [\"macros\", \"rt\"] }".into());
    if program.is_some_and(|code| code.iter().any(|l| l.contains("futures_util"))) {
        deps.push("futures-util = \"0.3\"".into());
    }
    let mut out = vec![
        "## Install".into(),
        String::new(),
        "```toml".into(),
        "[dependencies]".into(),
    ];
    out.extend(deps);
    out.extend([
        "```".into(),
        String::new(),
        "TLS is rustls with ring by default; the features `rustls-aws-lc` and \
         `native-tls` pick another backend (with `default-features = false`)."
            .into(),
        String::new(),
    ]);
    out
}

/// The crate docs' quick start as a whole program: its shown lines in an async `main`.
fn quick_start(api: &Api) -> Option<Vec<String>> {
    let lines = super::doc_examples::quick_start(api)?;
    let mut inside = false;
    let mut body = Vec::new();
    for line in &lines {
        let line = line.strip_prefix(' ').unwrap_or(line);
        if line.starts_with("```") {
            inside = !inside;
            continue;
        }
        // Rustdoc hides `# ` lines: the wrapper the crate docs run the code in.
        if inside && !(line.starts_with("# ") || line == "#") {
            body.push(line.to_string());
        }
    }
    let mut program = vec![
        "#[tokio::main(flavor = \"current_thread\")]".to_string(),
        "async fn main() -> Result<(), Box<dyn std::error::Error>> {".to_string(),
    ];
    program.extend(
        body.into_iter()
            .map(|l| if l.is_empty() { l } else { format!("    {l}") }),
    );
    program.extend(["    Ok(())".to_string(), "}".to_string()]);
    Some(program)
}
