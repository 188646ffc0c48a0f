//! The public API surface of every spec's crate, pinned by a snapshot, so a reviewer
//! sees the API change behind a spec or generator change. The surface is printed from
//! the types and signatures the emitters write (`emit::rust_types`), so it can't drift
//! from the code.

use super::snapshots::spec_name;
use codegen::fresh::display_path;
use tests::workspace_root;
use xtask::default_jobs;

/// Every default job's spec, checked, with its snapshot prefix.
fn apis() -> Vec<(String, codegen::model::Api)> {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    jobs.iter()
        .map(|job| {
            let display = display_path(&root, &job.spec);
            let sources = codegen::read_spec_dir(&job.spec, &display).expect("reading spec");
            let api = codegen::check(&sources).unwrap_or_else(|d| panic!("{display}:\n{d}"));
            (spec_name(&display), api)
        })
        .collect()
}

#[test]
fn every_surface_is_snapshotted() {
    for (name, api) in apis() {
        let name = format!("{name}__surface");
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => "public API surface" }, {
            insta::assert_snapshot!(name, codegen::surface(&api));
        });
    }
}
