//! `cargo xtask bench-sms [RUNS]`: what a new user pays to build a program that sends
//! one SMS, with this project's `twilio-api-v2010`, with `twilio-rust-openapi` 1.0.0
//! (openapi-generator's output for the same OpenAPI file) and with the hand-written
//! `twilio` 1.1.0, side by side in one run: the cold debug build (an empty target
//! folder of its own, dependencies fetched first) and the client crate's own rebuild
//! (`cargo clean -p <crate>`, then `cargo build`, median of RUNS). Each program is
//! written under `target/bench-sms/`, outside the workspace, as a user's would be.
//! This project's crate is a path dependency there, which cargo would compile
//! incrementally (caches only path and workspace crates get); the builds run with
//! `CARGO_INCREMENTAL=0`, so it is compiled as the other two, from a registry, are.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// A program that sends an SMS with one crate.
struct Program {
    name: &'static str,
    /// The client crate, as `cargo clean -p` names it.
    package: &'static str,
    /// Its `[dependencies]` line (`{root}` is the repository).
    dependency: &'static str,
    main: &'static str,
}

const TOKIO: &str = r#"tokio = { version = "1", features = ["macros", "rt"] }"#;

const PROGRAMS: &[Program] = &[
    Program {
        name: "this-project",
        package: "twilio-api-v2010",
        dependency: r#"twilio-api-v2010 = { path = "{root}/generated/twilio-api-v2010" }"#,
        main: r#"use twilio_api_v2010::{Client, CreateMessage};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env()?;
    let message = CreateMessage::new("+15558675310").from("+15017122661").body("Hello");
    let sent = client.messages().create(message).await?;
    println!("{:?}", sent.sid);
    Ok(())
}
"#,
    },
    Program {
        name: "twilio-rust-openapi",
        package: "twilio-rust-openapi",
        dependency: r#"twilio-rust-openapi = "=1.0.0""#,
        main: r#"use twilio_rust_openapi::apis::api20100401_message_api::{create_message, CreateMessageParams};
use twilio_rust_openapi::apis::configuration::Configuration;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let account = std::env::var("TWILIO_ACCOUNT_SID")?;
    let mut config = Configuration::new();
    config.basic_auth = Some((account.clone(), std::env::var("TWILIO_AUTH_TOKEN").ok()));
    let params = CreateMessageParams {
        account_sid: account, to: "+15558675310".into(), status_callback: None,
        application_sid: None, max_price: None, provide_feedback: None, attempt: None,
        validity_period: None, force_delivery: None, content_retention: None,
        address_retention: None, smart_encoded: None, persistent_action: None,
        shorten_urls: None, schedule_type: None, send_at: None, send_as_mms: None,
        content_variables: None, risk_check: None, from: Some("+15017122661".into()),
        messaging_service_sid: None, body: Some("Hello".into()), media_url: None,
        content_sid: None,
    };
    let sent = create_message(&config, params).await.map_err(|e| e.to_string())?;
    println!("{:?}", sent.sid);
    Ok(())
}
"#,
    },
    Program {
        name: "twilio",
        package: "twilio",
        dependency: r#"twilio = "=1.1.0""#,
        main: r#"use twilio::{Client, OutboundMessage};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::new(&std::env::var("TWILIO_ACCOUNT_SID")?, &std::env::var("TWILIO_AUTH_TOKEN")?);
    let sent = client
        .send_message(OutboundMessage::new("+15017122661", "+15558675310", "Hello"))
        .await
        .map_err(|e| format!("{e:?}"))?;
    println!("{}", sent.sid);
    Ok(())
}
"#,
    },
];

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let runs = xtask::runs(args, 3, "bench-sms")?;
    let scratch = root.join("target/bench-sms");
    let mut rows = Vec::new();
    for program in PROGRAMS {
        let dir = write_program(root, &scratch, program)?;
        cargo(&dir, &["fetch", "--quiet"])?;
        let cold = timed(|| cargo(&dir, &["build", "--quiet"]))?;
        let mut rebuilds = Vec::new();
        for _ in 0..runs {
            cargo(&dir, &["clean", "--quiet", "-p", program.package])?;
            rebuilds.push(timed(|| cargo(&dir, &["build", "--quiet"]))?);
        }
        rebuilds.sort_by(f64::total_cmp);
        let rebuild = rebuilds[rebuilds.len() / 2];
        println!(
            "{:<22} cold {cold:>7.1} s   own rebuild {rebuild:>6.2} s",
            program.name
        );
        rows.push((program.name, cold, rebuild));
    }
    let (ours, openapi) = (rows[0], rows[1]);
    println!(
        "\nthis project / twilio-rust-openapi: cold build {:.2}× (target ≤ 0.85×), own rebuild {:.2}× (target ≤ 0.4×)",
        ours.1 / openapi.1,
        ours.2 / openapi.2
    );
    Ok(())
}

/// The program's folder: a `Cargo.toml` with a workspace of its own, and `main.rs`.
fn write_program(root: &Path, scratch: &Path, program: &Program) -> Result<PathBuf, String> {
    let dir = scratch.join(program.name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let dependency = program
        .dependency
        .replace("{root}", &root.to_string_lossy());
    let manifest = format!(
        "[package]\nname = \"sms-{}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dependency}\n{TOKIO}\n\n[workspace]\n",
        program.name
    );
    let write = |path: PathBuf, text: &str| std::fs::write(&path, text).map_err(|e| e.to_string());
    write(dir.join("Cargo.toml"), &manifest)?;
    write(dir.join("src/main.rs"), program.main)?;
    Ok(dir)
}

fn cargo(dir: &Path, args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(args)
        .current_dir(dir)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .map_err(|e| format!("running cargo: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo {} in {}: {}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn timed(f: impl FnOnce() -> Result<(), String>) -> Result<f64, String> {
    let started = Instant::now();
    f()?;
    Ok(started.elapsed().as_secs_f64())
}
