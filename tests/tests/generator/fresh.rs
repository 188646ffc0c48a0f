//! The committed `generated/` and fixture outputs must be what the generator makes
//! from the committed specs now (rust-analyzer's trick): `cargo test` fails on a
//! spec edit until `cargo xtask gen` is run.

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
