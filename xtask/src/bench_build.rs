//! `cargo xtask bench-build`: what the generated crate costs its consumers to build.
//! A cold build of the crate alone (its dependencies already built), median of a few
//! runs, and the number of crates it depends on.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const PACKAGE: &str = "twilio-chat-v1";

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let runs: usize = match args {
        [] => 3,
        [n] => n
            .parse()
            .map_err(|_| format!("RUNS must be a number, not `{n}`"))?,
        _ => return Err("usage: cargo xtask bench-build [RUNS]".into()),
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let cargo_cmd = |args: &[&str]| {
        let mut cmd = Command::new(&cargo);
        cmd.args(args).current_dir(root);
        cmd
    };
    let status = |mut cmd: Command| -> Result<(), String> {
        let out = cmd.output().map_err(|e| format!("running cargo: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    };

    println!("building {PACKAGE} and its dependencies once…");
    status(cargo_cmd(&["build", "--quiet", "-p", PACKAGE]))?;
    let mut times = Vec::new();
    for i in 1..=runs {
        status(cargo_cmd(&["clean", "--quiet", "-p", PACKAGE]))?;
        let started = Instant::now();
        status(cargo_cmd(&["build", "--quiet", "-p", PACKAGE]))?;
        let secs = started.elapsed().as_secs_f64();
        println!("  run {i}: {secs:.2} s");
        times.push(secs);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];

    let tree = cargo_cmd(&[
        "tree", "--quiet", "-p", PACKAGE, "-e", "normal", "--prefix", "none",
    ])
    .output()
    .map_err(|e| format!("running cargo tree: {e}"))?;
    let text = String::from_utf8_lossy(&tree.stdout);
    let mut crates: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches(" (*)").trim())
        .filter(|l| !l.is_empty() && !l.starts_with(PACKAGE))
        .collect();
    crates.sort_unstable();
    crates.dedup();

    println!(
        "{PACKAGE}: cold build {median:.2} s (median of {runs}, dev profile, dependencies built); \
         {} crates in its normal dependency tree",
        crates.len()
    );
    Ok(())
}
