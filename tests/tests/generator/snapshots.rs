//! One insta snapshot per generated file, for every spec folder of `spec/` and every
//! fixture spec, so a reviewer sees exactly what a generator change does to the output.

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
fn every_generated_file_is_snapshotted() {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    assert!(jobs.len() >= 2, "spec/ and at least one fixture");
    for job in jobs {
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
