//! `cargo xtask`: the maintainer's commands.
//!
//! ```text
//! cargo xtask gen      [--spec DIR [--out DIR]]          regenerate, report API changes
//! cargo xtask check    [--spec DIR [--out DIR]]          fail if stale or under-versioned
//! cargo xtask api-diff [--spec DIR] [--markdown]         the API change report
//! ```
//!
//! Exit codes: 0 success, 1 errors in a spec (or, for `check`, stale output or an
//! API change the version doesn't cover), 2 usage or I/O errors.

mod bench_build;
mod bench_gen;
mod bench_sms;
mod bench_tls;

use codegen::fresh::{self, Job, JobOutcome};
use codegen::release::Standing;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <gen|check> [--spec DIR [--out DIR]]
       cargo xtask import --openapi FILE --out DIR
       cargo xtask api-diff [--spec DIR] [--markdown]
       cargo xtask release [--spec DIR] [--date YYYY-MM-DD]
       cargo xtask bench-build [RUNS]
       cargo xtask bench-gen [RUNS]
       cargo xtask bench-tls
       cargo xtask bench-sms [RUNS]
       cargo xtask import-report [--lossy]

  gen          regenerate the crate(s) from their spec folders; writes only changed files,
               then reports how each crate's public API changed since its last release
               (the surface recorded in the spec folder's released-api.jsonl), and records
               a new release when api.version was bumped far enough
  check        exit non-zero if any generated file or release record is not what `gen`
               would write, or if the API changed since the last release more than
               api.version allows (a breaking change needs a breaking bump)
  import       write the spec folder DIR from one of Twilio's OpenAPI files (YAML or
               JSON): DIR/resources.yaml always, api.yaml and openapi.yaml the first
               time; the maintainer's choices in openapi.yaml are kept
  api-diff     the API change report of each crate since its last release; --markdown
               prints tables to paste into a pull request
  release      for each crate whose API changed since its last release: set api.version
               to the least version the changes need (or keep a bigger one already set),
               regenerate, which records the release, and add the changes to the
               crate's CHANGELOG.md under the date (today's, UTC, by default)
  bench-build  time a rebuild of generated/twilio-chat-v1 (and of a crate with Invite
               alone) with dependencies built (median of RUNS, default 3); count its
               dependencies
  bench-gen    time `cargo xtask gen` on spec/twilio-chat-v1 through cargo, full and no-op
               (median of RUNS, default 11), against `cargo xtask help`
  bench-sms    a program that sends one SMS, with twilio-api-v2010, twilio-rust-openapi
               1.0.0 and twilio 1.1.0: its cold build, and the client crate's own
               rebuild (median of RUNS, default 3), side by side
  bench-tls    a cold build of generated/twilio-chat-v1 with each TLS backend, in an
               empty target folder each, and the crates in its dependency tree
  import-report
               import and generate every file of tests/fixtures/twilio-oai/ in memory
               and print a table per API: operations, resources, lines of Rust, and the
               places less typed than the OpenAPI by kind (--lossy: each place); fails
               if a file with operations is refused

Without --spec, the commands cover every spec/<crate>/ -> generated/<crate>/ and every
tests/fixtures/<name>/spec/ -> tests/fixtures/<name>/out/. --spec alone names one of
those; with --out, any spec folder goes to any output folder.";

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

/// `cargo xtask import-report`: every file of tests/fixtures/twilio-oai/ imported and
/// generated in memory, as a table; `--lossy` adds each place less typed than the
/// OpenAPI. Fails when a file with operations is refused.
fn import_report(root: &Path, args: &[String]) -> Result<ExitCode, String> {
    let lossy = match args {
        [] => false,
        [flag] if flag == "--lossy" => true,
        _ => return Err(format!("import-report takes only --lossy\n\n{USAGE}")),
    };
    let started = Instant::now();
    let reports = xtask::every_api::run(&root.join(xtask::every_api::TWILIO_OAI_DIR))
        .map_err(|e| format!("reading {}: {e}", xtask::every_api::TWILIO_OAI_DIR))?;
    let elapsed = started.elapsed();
    print!("{}", xtask::every_api::table(&reports));
    if lossy {
        print!("\n{}", xtask::every_api::lossy_places(&reports));
    }
    let refused = reports.iter().filter(|r| r.outcome.is_err()).count();
    // The empty placeholders (no operations) are refused by design.
    let failed = reports
        .iter()
        .filter(|r| r.outcome.is_err() && r.operations_in_file > 0)
        .count();
    eprintln!(
        "{} files imported and generated in {:.1} ms; {refused} refused",
        reports.len() - refused,
        elapsed.as_secs_f64() * 1000.0
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let root = workspace_root();
    let mode = match command.as_str() {
        "gen" => fresh::Mode::Write,
        "check" | "api-diff" => fresh::Mode::Check,
        "bench-build" => return bench_build::run(&root, rest).map(|()| ExitCode::SUCCESS),
        "bench-gen" => return bench_gen::run(&root, rest).map(|()| ExitCode::SUCCESS),
        "bench-tls" => return bench_tls::run(&root, rest).map(|()| ExitCode::SUCCESS),
        "bench-sms" => return bench_sms::run(&root, rest).map(|()| ExitCode::SUCCESS),
        "import" => return import(rest),
        "release" => return release(&root, rest),
        "import-report" => return import_report(&root, rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        other => return Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    let options = Options::parse(rest)?;
    if options.markdown && command != "api-diff" {
        return Err(format!("--markdown is an option of api-diff\n\n{USAGE}"));
    }
    if options.out.is_some() && command == "api-diff" {
        return Err(format!("api-diff takes no --out\n\n{USAGE}"));
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
    let runtime = xtask::runtime_api::keep(&root, mode)?;
    let elapsed = started.elapsed();
    if command == "api-diff" {
        print_api_diff(&report.jobs, options.markdown);
        return Ok(ExitCode::SUCCESS);
    }
    let outcome = Outcome {
        root: &root,
        report: &report,
        runtime: &runtime,
        jobs: jobs.len(),
        elapsed,
    };
    Ok(match mode {
        fresh::Mode::Write => outcome.written(),
        fresh::Mode::Check => outcome.checked(),
    })
}

/// What `gen` or `check` found, to print.
struct Outcome<'a> {
    root: &'a std::path::Path,
    report: &'a fresh::Report,
    runtime: &'a xtask::runtime_api::RuntimeStanding,
    jobs: usize,
    elapsed: std::time::Duration,
}

impl Outcome<'_> {
    /// `gen`: what was written, and each crate's API news. The files are written
    /// either way; the standing only informs here.
    fn written(&self) -> ExitCode {
        let (report, runtime) = (self.report, self.runtime);
        println!(
            "{} files generated from {} spec folder(s): {} written, {} removed, {} unchanged ({:.1} ms)",
            report.total,
            self.jobs,
            report.changed.len(),
            report.stale.len(),
            report.total - report.changed.len(),
            self.elapsed.as_secs_f64() * 1e3
        );
        for job in report.jobs.iter().filter(|j| has_news(j)) {
            print!("\n{}", job_text(job));
        }
        if runtime.unfit() || runtime.has_changes() {
            print!("\n{}: {}", codegen::RUNTIME_DIR, runtime.text());
        }
        if runtime.record_changed {
            println!(
                "recorded the runtime's API as its release {}",
                runtime.surface.version
            );
        }
        ExitCode::SUCCESS
    }

    /// `check`: fails on stale output or records, or changes a version doesn't allow.
    fn checked(&self) -> ExitCode {
        let (report, runtime, root) = (self.report, self.runtime, self.root);
        let mut failed = false;
        if report.changed.is_empty() && report.stale.is_empty() {
            println!("{} generated files are fresh", report.total);
        } else {
            failed = true;
            eprintln!("generated code is stale:");
            for path in &report.changed {
                eprintln!("  differs: {}", fresh::display_path(root, path));
            }
            for path in &report.stale {
                eprintln!("  no longer generated: {}", fresh::display_path(root, path));
            }
            eprintln!("run `cargo xtask gen` and commit the result");
        }
        let unfit: Vec<&JobOutcome> = report.unfit().collect();
        if unfit.is_empty() && !runtime.unfit() {
            println!("API changes since each crate's last release fit its version");
        }
        if runtime.record_changed {
            failed = true;
            eprintln!(
                "the runtime's API record is stale: run `cargo xtask gen` to record release {}",
                runtime.surface.version
            );
        }
        if runtime.unfit() {
            failed = true;
            eprint!("\n{}: {}", codegen::RUNTIME_DIR, runtime.text());
        }
        for job in unfit {
            failed = true;
            eprint!("\n{}", job_text(job));
        }
        if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// `cargo xtask release [--spec DIR] [--date YYYY-MM-DD]`.
fn release(root: &Path, args: &[String]) -> Result<ExitCode, String> {
    let (mut rest, mut date) = (Vec::new(), None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--date" => date = Some(it.next().ok_or("--date needs a value")?.clone()),
            _ => rest.push(arg.clone()),
        }
    }
    let options = Options::parse(&rest)?;
    if options.out.is_some() || options.markdown {
        return Err(format!("release takes --spec and --date only\n\n{USAGE}"));
    }
    let date = date.unwrap_or_else(today);
    for line in xtask::release::run(root, &jobs(root, &options)?, &date)? {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Today's date in UTC, `YYYY-MM-DD`.
fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

/// `cargo xtask import --openapi FILE --out DIR`.
fn import(args: &[String]) -> Result<ExitCode, String> {
    let (mut openapi, mut out) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--openapi" => openapi = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    let (Some(openapi), Some(out)) = (openapi, out) else {
        return Err(format!(
            "import needs --openapi FILE and --out DIR\n\n{USAGE}"
        ));
    };
    let started = Instant::now();
    let outcome = match codegen::import::import_folder(&openapi, &out, fresh::Mode::Write) {
        Ok(outcome) => outcome,
        Err(codegen::import::ImportError::Invalid(diags)) => {
            eprintln!("{diags}");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.to_string()),
    };
    println!(
        "{} operations in {} resources from {} into {}: {} ({:.1} ms)",
        outcome.operations,
        outcome.resources,
        openapi.display(),
        out.display(),
        if outcome.changed.is_empty() {
            "nothing changed".to_string()
        } else {
            format!("wrote {}", outcome.changed.join(", "))
        },
        started.elapsed().as_secs_f64() * 1e3
    );
    Ok(ExitCode::SUCCESS)
}

/// `cargo xtask api-diff`: every job's report since its release, as text or Markdown.
fn print_api_diff(jobs: &[JobOutcome], markdown: bool) {
    if markdown {
        println!("### API changes since the last release\n");
    }
    for (i, job) in jobs.iter().enumerate() {
        if i > 0 {
            println!();
        }
        match (job.standing.report(), markdown) {
            (Some(report), true) => print!(
                "_`{}` since {}_\n\n{}",
                job.spec,
                report.old_version,
                report.markdown()
            ),
            (None, true) => println!("_`{}`: {}_", job.spec, job.standing.summary(&job.surface)),
            (_, false) => print!("{}", job_text(job)),
        }
    }
}

/// True when a job's API changed since its release, or its record changes now.
fn has_news(job: &JobOutcome) -> bool {
    match &job.standing {
        Standing::Unreleased(report) => !report.changes.is_empty(),
        Standing::FirstRecord | Standing::Released(_) | Standing::Unfit(_) => true,
    }
}

/// `spec/x since 0.1.0: 3 API changes (…) to twilio-chat-v1`, then the changes.
fn job_text(job: &JobOutcome) -> String {
    match job.standing.report() {
        Some(report) => format!(
            "{} since {}: {}{}",
            job.spec,
            report.old_version,
            report.text(),
            match &job.standing {
                Standing::Released(_) =>
                    format!("recorded as the release of {}\n", report.new_version),
                _ => String::new(),
            }
        ),
        None => format!("{}: {}\n", job.spec, job.standing.summary(&job.surface)),
    }
}

/// The command line's options; each command takes some of them.
#[derive(Default)]
struct Options {
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
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
        // A folder of `spec/` has its output in the folder of the same name in `generated/`.
        (Some(spec), None) => xtask::default_jobs(root)
            .map_err(|e| e.to_string())?
            .into_iter()
            .find(|job| same_folder(&job.spec, &spec))
            .map(|job| vec![job])
            .ok_or_else(|| {
                format!(
                    "{} is not a spec folder of this repository: give --out too",
                    spec.display()
                )
            }),
        (None, None) => xtask::default_jobs(root).map_err(|e| e.to_string()),
        (None, Some(_)) => Err("--out needs --spec".into()),
    }
}

/// True when `a` and `b` name the same existing folder.
fn same_folder(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// The repository to act on, found when `cargo xtask` runs, never where it was
/// compiled: with a target dir shared by two checkouts, cargo may run in one a
/// binary it built in the other. `cargo run` sets `CARGO_MANIFEST_DIR` to this
/// checkout's `xtask/`; run another way, the nearest folder up from the current one
/// with an `xtask/Cargo.toml`.
fn workspace_root() -> PathBuf {
    let is_root = |dir: &Path| dir.join("xtask/Cargo.toml").is_file();
    let from_cargo = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .and_then(|manifest| manifest.parent().map(Path::to_path_buf))
        .filter(|dir| is_root(dir));
    let from_cwd = || {
        let cwd = std::env::current_dir().ok()?;
        cwd.ancestors()
            .find(|dir| is_root(dir))
            .map(Path::to_path_buf)
    };
    from_cargo
        .or_else(from_cwd)
        .unwrap_or_else(|| PathBuf::from("."))
}
