//! `cargo xtask bench-build`: what the generated crate costs its consumers to build.
//! Its size in lines, a rebuild of the crate alone (`cargo clean -p`, then `cargo
//! build` with its dependencies already built), median of a few runs, against the
//! target, and the number of crates it depends on.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const PACKAGE: &str = "twilio-chat-v1";
/// The rebuild target for the whole Chat v1 crate on the project's 2-core machines.
const TARGET_SECS: f64 = 3.0;

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

    let lines = rust_lines(&root.join("generated"))?;
    let verdict = if median <= TARGET_SECS {
        "met"
    } else {
        "MISSED"
    };
    println!(
        "{PACKAGE}: {lines} lines of Rust; rebuild {median:.2} s (median of {runs}, dev profile, \
         dependencies built; target <= {TARGET_SECS} s: {verdict}, ratio {:.2}); \
         {} crates in its normal dependency tree",
        median / TARGET_SECS,
        crates.len()
    );
    Ok(())
}

/// Lines in the `.rs` files under `dir`.
fn rust_lines(dir: &Path) -> Result<usize, String> {
    let mut total = 0;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            total += rust_lines(&path)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            total += text.lines().count();
        }
    }
    Ok(total)
}
