//! `cargo xtask bench-build`: what each generated crate costs its consumers to build.
//! For every crate under `generated/`: its size in lines and a rebuild of the crate
//! alone (`cargo clean -p`, then `cargo build` with its dependencies, the runtime
//! among them, already built), median of a few runs. Chat v1's rebuild is held to a
//! target, with the number of crates it depends on; so is a crate generated from
//! `spec/twilio-chat-v1` with the Invite resource alone, the size the project started
//! with.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const PACKAGE: &str = "twilio-chat-v1";
/// The rebuild target for the whole Chat v1 crate on the project's 2-core machines
/// (progenitor's crate for the same spec rebuilds in 3.75 s there).
const TARGET_SECS: f64 = 2.0;
/// The Invite-only crate: its package name, and its rebuild target (progenitor's
/// crate for the same resource: 0.81 s).
const INVITE_PACKAGE: &str = "twilio-chat-v1-invite";
const INVITE_TARGET_SECS: f64 = 0.8;

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let runs = xtask::runs(args, 3, "bench-build")?;
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

    // Every crate of `generated/`, Chat v1 among them.
    let mut rebuilt = Vec::new();
    for job in xtask::default_jobs(root).map_err(|e| e.to_string())? {
        if !job.out.starts_with(root.join("generated")) {
            continue;
        }
        let package = job
            .out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("building {package} and its dependencies once…");
        let median = rebuild_median(&cargo_cmd, &status, &package, runs)?;
        let lines = rust_lines(&job.out)?;
        rebuilt.push((package, lines, median));
    }
    let median = rebuilt
        .iter()
        .find(|(package, ..)| package == PACKAGE)
        .map(|(_, _, median)| *median)
        .ok_or_else(|| format!("no {PACKAGE} under generated/"))?;

    let invite_dir = invite_crate(root)?;
    let invite_cmd = |args: &[&str]| {
        let mut cmd = Command::new(&cargo);
        cmd.args(args)
            .current_dir(&invite_dir)
            .env("CARGO_TARGET_DIR", root.join("target"));
        cmd
    };
    println!("building {INVITE_PACKAGE} (spec/ with Invite alone) once…");
    let invite_median = rebuild_median(&invite_cmd, &status, INVITE_PACKAGE, runs)?;

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

    let lines = rust_lines(&root.join("generated").join(PACKAGE))?;
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
    let invite_lines = rust_lines(&invite_dir.join("src"))?;
    let verdict = if invite_median <= INVITE_TARGET_SECS {
        "met"
    } else {
        "MISSED"
    };
    println!(
        "{INVITE_PACKAGE}: {invite_lines} lines of Rust; rebuild {invite_median:.2} s (median of \
         {runs}; target <= {INVITE_TARGET_SECS} s: {verdict}, ratio {:.2})",
        invite_median / INVITE_TARGET_SECS
    );
    println!(
        "\nevery generated crate (rebuild, median of {runs}, dev profile, dependencies built):"
    );
    for (package, lines, median) in &rebuilt {
        println!(
            "  {package:<28} {lines:>7} lines  {median:>6.2} s  {:>5.2} s per 10,000 lines",
            median * 10_000.0 / *lines as f64
        );
    }
    Ok(())
}

/// Builds `package` once, then times `runs` rebuilds of it alone; the median, in seconds.
fn rebuild_median(
    cargo_cmd: &dyn Fn(&[&str]) -> Command,
    status: &dyn Fn(Command) -> Result<(), String>,
    package: &str,
    runs: usize,
) -> Result<f64, String> {
    status(cargo_cmd(&["build", "--quiet", "-p", package]))?;
    let mut times = Vec::new();
    for i in 1..=runs {
        status(cargo_cmd(&["clean", "--quiet", "-p", package]))?;
        let started = Instant::now();
        status(cargo_cmd(&["build", "--quiet", "-p", package]))?;
        let secs = started.elapsed().as_secs_f64();
        println!("  run {i}: {secs:.2} s");
        times.push(secs);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

/// Writes the crate generated from `spec/` with the Invite resource alone under
/// `target/bench-build/`, as a workspace of its own with this workspace's lock file and
/// dev profile, so that built with this workspace's target folder it reuses the
/// dependencies already built.
fn invite_crate(root: &Path) -> Result<std::path::PathBuf, String> {
    let spec = format!("spec/{PACKAGE}");
    let sources = codegen::read_spec_dir(&root.join(&spec), &spec).map_err(|e| e.to_string())?;
    let mut api = codegen::check(&sources).map_err(|d| d.to_string())?;
    api.resources.retain(|r| r.wire == "Invite");
    // And the named types Invite uses, as the crate had them when it served Invite alone.
    let used = named_types_used(&api);
    api.types.retain(|t| used.contains(&t.name));
    api.crate_name = INVITE_PACKAGE.into();
    api.lib_name = INVITE_PACKAGE.replace('-', "_");
    let dir = root.join("target/bench-build").join(INVITE_PACKAGE);
    let _ = std::fs::remove_dir_all(&dir);
    let layout = codegen::Layout::for_output(root, &dir).map_err(|e| e.to_string())?;
    for (path, contents) in codegen::emit(&api, &layout) {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        let contents = if path.ends_with("Cargo.toml") {
            // The same profile as the workspace's, so built dependencies are reused.
            format!(
                "{contents}\n[profile.dev.package.\"*\"]\ndebug = false\n\n\
                 [profile.dev]\ndebug = \"line-tables-only\"\n"
            )
        } else {
            contents
        };
        std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// The names of the named types the API's resources refer to.
fn named_types_used(api: &codegen::model::Api) -> Vec<String> {
    use codegen::model::Type;
    fn walk(ty: &Type, out: &mut Vec<String>) {
        match ty {
            Type::Named(name) => out.push(name.clone()),
            Type::Array(item) => walk(item, out),
            Type::Map { value, .. } => walk(value, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for r in &api.resources {
        for f in &r.fields {
            walk(&f.ty, &mut out);
        }
        let params = r.scope_params.iter().chain(
            r.operations
                .iter()
                .flat_map(|op| op.own_path_params.iter().chain(&op.params)),
        );
        for p in params {
            walk(&p.ty, &mut out);
        }
    }
    out
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
