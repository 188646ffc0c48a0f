//! `cargo xtask`: the maintainer's commands.
//!
//! ```text
//! cargo xtask gen   [--spec DIR --out DIR]   regenerate (default: every spec of the repo)
//! cargo xtask check [--spec DIR --out DIR]   fail if the generated code is stale
//! ```
//!
//! Exit codes: 0 success, 1 errors in a spec, 2 usage or I/O errors.

mod bench_build;

use codegen::fresh::{self, Job};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <gen|check> [--spec DIR --out DIR]
       cargo xtask bench-build [RUNS]

  gen          regenerate the crate(s) from their spec folders; writes only changed files
  check        exit non-zero if any generated file is not what `gen` would write
  bench-build  time a cold build of generated/ with its dependencies built (median of
               RUNS, default 3) and count its dependencies

Without --spec/--out, both commands cover spec/ -> generated/ and every
tests/fixtures/<name>/spec/ -> tests/fixtures/<name>/out/.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let mode = match command.as_str() {
        "gen" => fresh::Mode::Write,
        "check" => fresh::Mode::Check,
        "bench-build" => {
            return bench_build::run(&workspace_root(), rest).map(|()| ExitCode::SUCCESS)
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        other => return Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    let root = workspace_root();
    let jobs = jobs(&root, rest)?;

    let started = Instant::now();
    let report = match fresh::run(&root, &jobs, mode) {
        Ok(report) => report,
        Err(fresh::RunError::Spec(all)) => {
            for diags in all {
                eprintln!("{diags}");
            }
            return Ok(ExitCode::from(1));
        }
        Err(fresh::RunError::Io(e)) => return Err(e.to_string()),
    };
    let elapsed = started.elapsed();
    match mode {
        fresh::Mode::Write => {
            println!(
                "{} files generated from {} spec folder(s): {} written, {} removed, {} unchanged ({:.1} ms)",
                report.total,
                jobs.len(),
                report.changed.len(),
                report.stale.len(),
                report.total - report.changed.len(),
                elapsed.as_secs_f64() * 1e3
            );
            Ok(ExitCode::SUCCESS)
        }
        fresh::Mode::Check if report.changed.is_empty() && report.stale.is_empty() => {
            println!("{} generated files are fresh", report.total);
            Ok(ExitCode::SUCCESS)
        }
        fresh::Mode::Check => {
            eprintln!("generated code is stale:");
            for path in &report.changed {
                eprintln!("  differs: {}", fresh::display_path(&root, path));
            }
            for path in &report.stale {
                eprintln!(
                    "  no longer generated: {}",
                    fresh::display_path(&root, path)
                );
            }
            eprintln!("run `cargo xtask gen` and commit the result");
            Ok(ExitCode::from(1))
        }
    }
}

fn jobs(root: &Path, args: &[String]) -> Result<Vec<Job>, String> {
    let (mut spec, mut out) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let slot = match arg.as_str() {
            "--spec" => &mut spec,
            "--out" => &mut out,
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        };
        let value = it.next().ok_or_else(|| format!("{arg} needs a value"))?;
        *slot = Some(PathBuf::from(value));
    }
    match (spec, out) {
        (Some(spec), Some(out)) => Ok(vec![Job { spec, out }]),
        (Some(spec), None) if spec == root.join("spec") || spec == Path::new("spec") => {
            Ok(vec![Job {
                spec,
                out: root.join("generated"),
            }])
        }
        (None, None) => xtask::default_jobs(root).map_err(|e| e.to_string()),
        _ => Err("give both --spec and --out, or neither".into()),
    }
}

fn workspace_root() -> PathBuf {
    // xtask/ sits in the workspace root.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
