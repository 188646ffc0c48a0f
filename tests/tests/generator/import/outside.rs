//! An imported crate, built where a maintainer might put it.

use super::*;

/// `cargo xtask import` then `cargo xtask gen --spec DIR --out OUT` into a folder
/// outside the repo, and the crate there passes clippy with warnings denied: its
/// dependency on the runtime resolves from wherever it is. Spawns cargo: heavy.
#[test]
#[cfg_attr(
    not(heavy_tests),
    ignore = "spawns cargo: set CODEGEN_HEAVY_TESTS=1 (CI does)"
)]
pub(super) fn an_imported_crate_builds_clippy_clean_outside_the_repo() {
    let root = workspace_root();
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec");
    let out = dir.path().join("out");
    import_folder(&fixture_path("import/widgets.yaml"), &spec, Mode::Write).expect("imports");
    codegen::fresh::run(
        &root,
        &[Job {
            spec: spec.clone(),
            out: out.clone(),
        }],
        Mode::Write,
    )
    .expect("generates");
    // This workspace's lock file keeps the build offline and its dependencies
    // shared with the random specs' build.
    let output = clippy(&root, &out, &root.join("target/random-specs/target"));
    assert!(
        output.status.success(),
        "the imported crate in {} failed clippy:\n{}",
        out.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}
