//! `cargo xtask bench-tls`: what each TLS backend costs a consumer's first build. For
//! each of the runtime's TLS features, a cold dev build of `generated/twilio-chat-v1`
//! with that backend alone, in an empty target folder of its own, and the crates in
//! its normal dependency tree.

use codegen::generated_crate::TLS_FEATURES;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const PACKAGE: &str = "twilio-chat-v1";

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask bench-tls".into());
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for feature in TLS_FEATURES {
        let target = root.join("target/bench-tls").join(feature);
        let _ = std::fs::remove_dir_all(&target);
        let select = [
            "-p",
            PACKAGE,
            "--no-default-features",
            "--features",
            feature,
        ];
        let started = Instant::now();
        let out = Command::new(&cargo)
            .args(["build", "--quiet"])
            .args(select)
            .env("CARGO_TARGET_DIR", &target)
            .current_dir(root)
            .output()
            .map_err(|e| format!("running cargo: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        let secs = started.elapsed().as_secs_f64();
        let tree = Command::new(&cargo)
            .args(["tree", "--quiet", "-e", "normal", "--prefix", "none"])
            .args(select)
            .current_dir(root)
            .output()
            .map_err(|e| format!("running cargo tree: {e}"))?;
        let text = String::from_utf8_lossy(&tree.stdout);
        let mut crates: Vec<&str> = text
            .lines()
            .map(|l| l.trim_end_matches(" (*)").trim())
            .filter(|l| !l.is_empty())
            .collect();
        crates.sort_unstable();
        crates.dedup();
        println!(
            "{feature:<14} cold build {secs:6.1} s, {} crates in the normal tree",
            crates.len()
        );
        let _ = std::fs::remove_dir_all(&target);
    }
    Ok(())
}
