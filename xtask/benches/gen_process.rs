//! `cargo xtask gen` as a process, xtask already built: median wall time of a run
//! on a copy of `spec/` whose output is up to date, against `xtask help` (process
//! start alone) in the same run; and proof that such a no-op run writes no file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};
use tests::bench::{criterion, print_ratio};
use tests::workspace_root;

fn xtask() -> Command {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("running xtask");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every file under `dir` with its modification time.
fn mtimes(dir: &Path) -> Vec<(PathBuf, SystemTime)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).expect("listing") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let modified = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .expect("mtime");
                out.push((path, modified));
            }
        }
    }
    out.sort();
    out
}

fn main() {
    let started = SystemTime::now();
    let tmp = tempfile::tempdir().expect("temp dir");
    let spec = tmp.path().join("spec");
    let out = tmp.path().join("generated");
    std::fs::create_dir(&spec).expect("mkdir");
    for entry in std::fs::read_dir(workspace_root().join("spec")).expect("spec/") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, spec.join(path.file_name().expect("name"))).expect("copy");
    }
    let gen_args = [
        "gen",
        "--spec",
        spec.to_str().expect("UTF-8"),
        "--out",
        out.to_str().expect("UTF-8"),
    ];
    let first = run(xtask().args(gen_args));
    println!("first run: {}", first.trim());

    let before = mtimes(&out);
    let second = run(xtask().args(gen_args));
    println!("no-op run: {}", second.trim());
    assert!(
        second.contains(" 0 written, 0 removed"),
        "a no-op run wrote files: {second}"
    );

    let mut c = criterion();
    let mut group = c.benchmark_group("process");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("gen_noop", |b| b.iter(|| run(xtask().args(gen_args))));
    group.bench_function("help", |b| b.iter(|| run(xtask().arg("help"))));
    group.finish();
    c.final_summary();

    let after = mtimes(&out);
    assert_eq!(before, after, "no-op runs changed files");
    println!(
        "\n{} files, modification times unchanged by every no-op run",
        after.len()
    );
    println!("ratios (medians of this run)");
    print_ratio(
        "`xtask gen` (no-op) / `xtask help` (process start)",
        "process/gen_noop",
        "process/help",
        None,
        started,
    );
}
