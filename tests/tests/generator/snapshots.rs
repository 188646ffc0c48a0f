//! One insta snapshot per generated file of every fixture spec, so a reviewer sees
//! exactly what a generator change does to the output, in `cargo insta review`. The
//! crates of `spec/` are not snapshotted: they are committed under `generated/`, so
//! their diff is already the change's, and `cargo xtask check` (and the freshness
//! test) pin them. The three fixture crates (42 files) are the exception: the tests
//! build them, so they are committed under `tests/fixtures/*/out/` and kept fresh
//! too, and a change to them is accepted twice (`cargo xtask gen`, then `cargo insta
//! accept`).

use codegen::fresh::display_path;
use tests::workspace_root;
use xtask::default_jobs;

/// The snapshot prefix of a spec folder: `spec/twilio-chat-v1` → `twilio-chat-v1`,
/// `tests/fixtures/everything/spec` → `everything`.
pub fn spec_name(display: &str) -> String {
    display
        .trim_end_matches("/spec")
        .rsplit('/')
        .next()
        .unwrap_or("spec")
        .to_string()
}

#[test]
fn every_file_a_fixture_generates_is_snapshotted() {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    let fixtures: Vec<_> = jobs
        .into_iter()
        .filter(|job| !job.out.starts_with(root.join("generated")))
        .collect();
    assert!(
        fixtures.len() >= 3,
        "the fixtures: everything, hostile, oauth"
    );
    for job in fixtures {
        let display = display_path(&root, &job.spec);
        let sources = codegen::read_spec_dir(&job.spec, &display).expect("reading spec");
        let layout = codegen::Layout::for_output(&root, &job.out).expect("a layout");
        let files =
            codegen::generate(&sources, &layout).unwrap_or_else(|d| panic!("{display}:\n{d}"));
        let spec_name = spec_name(&display);
        for (path, contents) in &files {
            let name = format!("{spec_name}__{}", path.replace(['/', '.'], "_"));
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => path.as_str() }, {
                insta::assert_snapshot!(name, contents);
            });
        }
    }
}
