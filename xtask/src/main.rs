//! `cargo xtask`: the maintainer's commands.
//!
//! ```text
//! cargo xtask gen      [--spec DIR --out DIR] [--base REV]   regenerate, report API changes
//! cargo xtask check    [--spec DIR --out DIR] [--base REV]   fail if stale or under-versioned
//! cargo xtask api-diff [--spec DIR] [--base REV] [--markdown] the API change report
//! ```
//!
//! Exit codes: 0 success, 1 errors in a spec, 2 usage or I/O errors.

mod bench_build;
mod bench_gen;

use codegen::fresh::{self, Job};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use xtask::api_report::{self, JobReport, Outcome};

const USAGE: &str = "usage: cargo xtask <gen|check> [--spec DIR --out DIR] [--base REV]
       cargo xtask api-diff [--spec DIR] [--base REV] [--markdown]
       cargo xtask bench-build [RUNS]
       cargo xtask bench-gen [RUNS]

  gen          regenerate the crate(s) from their spec folders; writes only changed files,
               then reports how each crate's public API changed since REV (default HEAD)
  check        exit non-zero if any generated file is not what `gen` would write, or if
               the API changed since REV more than the spec's `api.version` allows (a
               breaking change needs a breaking bump)
  api-diff     the API change report between each spec at REV (default HEAD) and the
               working tree; --markdown prints tables to paste into a pull request
  bench-build  time a rebuild of generated/ (and of a crate with Invite alone) with
               dependencies built (median of RUNS, default 3); count its dependencies
  bench-gen    time `cargo xtask gen` on spec/ through cargo, full and no-op (median of
               RUNS, default 11), against `cargo xtask help`

Without --spec/--out, the commands cover spec/ -> generated/ and every
tests/fixtures/<name>/spec/ -> tests/fixtures/<name>/out/. The spec at REV is read
with git in the spec folder; outside a git checkout there is no report.";

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
        "api-diff" => return api_diff(rest),
        "bench-build" => {
            return bench_build::run(&workspace_root(), rest).map(|()| ExitCode::SUCCESS)
        }
        "bench-gen" => return bench_gen::run(&workspace_root(), rest).map(|()| ExitCode::SUCCESS),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        other => return Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    let root = workspace_root();
    let options = Options::parse(rest)?;
    if options.markdown {
        return Err(format!("--markdown is an option of api-diff\n\n{USAGE}"));
    }
    let jobs = jobs(&root, &options)?;

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
    let base = options.base.as_deref().unwrap_or("HEAD");
    // The specs were checked to generate; the report reuses them.
    let api: Result<Vec<JobReport>, String> = jobs
        .iter()
        .zip(&report.apis)
        .map(|(job, api)| api_report::report(&root, job, api, base))
        .collect();
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
            // The files are written either way; the report only informs.
            match api {
                Ok(reports) => {
                    for r in reports.iter().filter(|r| has_news(r)) {
                        print!("\n{}", job_text(r, base));
                    }
                }
                Err(e) => eprintln!("no API change report: {e}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        fresh::Mode::Check => {
            let mut failed = false;
            if report.changed.is_empty() && report.stale.is_empty() {
                println!("{} generated files are fresh", report.total);
            } else {
                failed = true;
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
            }
            match api {
                Ok(reports) => {
                    let problems: Vec<&JobReport> = reports
                        .iter()
                        .filter(|r| r.version_problem().is_some())
                        .collect();
                    if problems.is_empty() {
                        println!("API changes since {base} fit each spec's api.version");
                    }
                    for r in problems {
                        failed = true;
                        eprint!("\n{}", job_text(r, base));
                    }
                }
                Err(e) => {
                    failed = true;
                    eprintln!("API change report: {e}");
                }
            }
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// `cargo xtask api-diff`: every job's report, as text or Markdown.
fn api_diff(args: &[String]) -> Result<ExitCode, String> {
    let root = workspace_root();
    let options = Options::parse(args)?;
    let jobs = match (&options.spec, &options.out) {
        (_, Some(_)) => return Err(format!("api-diff takes no --out\n\n{USAGE}")),
        (Some(spec), None) => vec![Job {
            spec: spec.clone(),
            out: PathBuf::new(),
        }],
        (None, None) => xtask::default_jobs(&root).map_err(|e| e.to_string())?,
    };
    let base = options.base.as_deref().unwrap_or("HEAD");
    let reports = api_report::reports(&root, &jobs, base)?;
    if options.markdown {
        println!("### API changes since `{base}`\n");
    }
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            println!();
        }
        match (&r.outcome, options.markdown) {
            (Outcome::Report(report), true) => {
                print!(
                    "_`{}` at `{base}` → working tree_\n\n{}",
                    r.spec,
                    report.markdown()
                )
            }
            (Outcome::Skipped(why), true) => println!("_`{}`: no report: {why}_", r.spec),
            (_, false) => print!("{}", job_text(r, base)),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// True when a job's report has changes or could not be made.
fn has_news(r: &JobReport) -> bool {
    match &r.outcome {
        Outcome::Report(report) => !report.changes.is_empty(),
        Outcome::Skipped(_) => true,
    }
}

/// `spec since HEAD: 3 API changes (…) to twilio-chat-v1`, then the changes.
fn job_text(r: &JobReport, base: &str) -> String {
    match &r.outcome {
        Outcome::Report(report) => format!("{} since {base}: {}", r.spec, report.text()),
        Outcome::Skipped(why) => format!("{}: no API change report: {why}\n", r.spec),
    }
}

/// The command line's options; each command takes some of them.
#[derive(Default)]
struct Options {
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
    base: Option<String>,
    markdown: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--spec" => options.spec = Some(PathBuf::from(value()?)),
                "--out" => options.out = Some(PathBuf::from(value()?)),
                "--base" => options.base = Some(value()?.clone()),
                "--markdown" => options.markdown = true,
                other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
            }
        }
        Ok(options)
    }
}

fn jobs(root: &Path, options: &Options) -> Result<Vec<Job>, String> {
    match (options.spec.clone(), options.out.clone()) {
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
