//! The committed `generated/` and fixture outputs must be what the generator makes
//! from the committed specs now (rust-analyzer's trick): `cargo test` fails on a
//! spec edit until `cargo xtask gen` is run, and on a breaking API change until the
//! spec's version is bumped.

use codegen::fresh::{run, Mode, RunError};
use tests::workspace_root;
use xtask::default_jobs;

#[test]
fn generated_code_is_fresh() {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    let report = match run(&root, &jobs, Mode::Check) {
        Ok(report) => report,
        Err(RunError::Spec(all)) => panic!(
            "a spec has errors:\n{}",
            all.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Err(RunError::Io(e)) => panic!("{e}"),
    };
    let stale: Vec<String> = report
        .changed
        .iter()
        .chain(&report.stale)
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        stale.is_empty(),
        "generated code is stale; run `cargo xtask gen` and commit the result:\n  {}",
        stale.join("\n  ")
    );
}

/// `cargo xtask check`'s other half: each spec's public API may change since the last
/// commit only as far as its `api.version` allows, so a breaking change fails here
/// until the version is bumped. Outside a git checkout there is nothing to compare.
#[test]
fn api_changes_since_head_fit_the_version() {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    let reports =
        xtask::api_report::reports(&root, &jobs, "HEAD").unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = reports
        .iter()
        .filter_map(|r| {
            r.version_problem()
                .map(|report| format!("{}: {}", r.spec, report.text()))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "the API changed more than api.version allows:\n{}",
        problems.join("\n")
    );
}
