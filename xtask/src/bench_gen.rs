//! `cargo xtask bench-gen`: `cargo xtask gen` as a maintainer runs it, through cargo in
//! the dev profile, on `spec/`: a full regeneration (into an empty folder) and a no-op
//! (into a folder already up to date), medians of a few runs, against the target and
//! against `cargo xtask help` (cargo's start-up and the process alone) in the same run.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The target for a full regeneration of the whole Chat v1, cargo's start-up included.
const TARGET_MS: f64 = 150.0;

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let runs = xtask::runs(args, 11, "bench-gen")?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let scratch = root.join("target/bench-gen");
    let _ = std::fs::remove_dir_all(&scratch);
    let spec = root.join("spec/twilio-chat-v1");
    let spec = spec.to_str().ok_or("the spec path is not UTF-8")?;
    let time = |args: &[&str]| -> Result<f64, String> {
        let started = Instant::now();
        let out = Command::new(&cargo)
            .args(args)
            .current_dir(root)
            .output()
            .map_err(|e| format!("running cargo: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        Ok(started.elapsed().as_secs_f64() * 1e3)
    };
    // Built once, so every run below measures a run, not a build.
    time(&["xtask", "help"])?;
    let noop_out = scratch.join("noop");
    let noop_out = noop_out.to_str().ok_or("not UTF-8")?.to_string();
    time(&["xtask", "gen", "--spec", spec, "--out", &noop_out])?;

    let (mut full, mut noop, mut start) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..runs {
        let fresh = scratch.join(format!("full-{i}"));
        let fresh = fresh.to_str().ok_or("not UTF-8")?.to_string();
        full.push(time(&["xtask", "gen", "--spec", spec, "--out", &fresh])?);
        noop.push(time(&["xtask", "gen", "--spec", spec, "--out", &noop_out])?);
        start.push(time(&["xtask", "help"])?);
    }
    let (full, noop, start) = (median(full), median(noop), median(start));
    let verdict = if full <= TARGET_MS { "met" } else { "MISSED" };
    println!("cargo xtask gen on spec/ (dev profile, through cargo), medians of {runs} runs:");
    println!(
        "  full regeneration  {full:>7.1} ms  target <= {TARGET_MS} ms: {verdict} (ratio {:.2})",
        full / TARGET_MS
    );
    println!("  no-op              {noop:>7.1} ms");
    println!("  cargo xtask help   {start:>7.1} ms  (cargo's start-up and the process)");
    println!(
        "  generator's own share of a full regeneration: {:.1} ms ({:.2} of it)",
        full - start,
        (full - start) / full
    );
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
