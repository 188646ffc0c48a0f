//! One insta snapshot per generated file, for `spec/` and every fixture spec, so a
//! reviewer sees exactly what a generator change does to the output.

use codegen::fresh::{default_jobs, display_path};
use tests::workspace_root;

#[test]
fn every_generated_file_is_snapshotted() {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    assert!(jobs.len() >= 2, "spec/ and at least one fixture");
    for job in jobs {
        let display = display_path(&root, &job.spec);
        let sources = codegen::read_spec_dir(&job.spec, &display).expect("reading spec");
        let files = codegen::generate(&sources).unwrap_or_else(|d| panic!("{display}:\n{d}"));
        // `spec/` → `spec`, `tests/fixtures/everything/spec` → `everything`.
        let spec_name = display
            .trim_end_matches("/spec")
            .rsplit('/')
            .next()
            .unwrap_or("spec")
            .to_string();
        for (path, contents) in &files {
            // The runtime is copied verbatim; its snapshot is taken once, from spec/.
            if path.starts_with("src/runtime/") && spec_name != "spec" {
                continue;
            }
            let name = format!("{spec_name}__{}", path.replace(['/', '.'], "_"));
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => path.as_str() }, {
                insta::assert_snapshot!(name, contents);
            });
        }
    }
}
