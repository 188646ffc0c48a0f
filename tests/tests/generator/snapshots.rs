//! One insta snapshot per file the generator decides, for `spec/` and every fixture
//! spec, so a reviewer sees exactly what a generator change does to the output. The
//! runtime copies are checked byte for byte against `codegen/runtime/` instead: a
//! snapshot of a verbatim copy would show a reviewer nothing new.

use codegen::fresh::display_path;
use tests::workspace_root;
use xtask::default_jobs;

/// The snapshot prefix of a spec folder: `spec` → `spec`,
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
        let files = codegen::generate(&sources).unwrap_or_else(|d| panic!("{display}:\n{d}"));
        let spec_name = spec_name(&display);
        for (path, contents) in &files {
            if path.starts_with("src/runtime/") {
                continue;
            }
            let name = format!("{spec_name}__{}", path.replace(['/', '.'], "_"));
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => path.as_str() }, {
                insta::assert_snapshot!(name, contents);
            });
        }
    }
}

#[test]
fn runtime_copies_are_the_runtime_byte_for_byte() {
    let root = workspace_root();
    let runtime = root.join("codegen/runtime");
    for job in default_jobs(&root).expect("listing spec folders") {
        let copies = job.out.join("src/runtime");
        let mut names: Vec<String> = std::fs::read_dir(&copies)
            .expect("a runtime folder in every generated crate")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut expected: Vec<String> = std::fs::read_dir(&runtime)
            .expect("codegen/runtime")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".rs") && n != "lib.rs")
            .collect();
        expected.sort();
        assert_eq!(names, expected, "{}", copies.display());
        for name in names {
            let copy = std::fs::read_to_string(copies.join(&name)).expect("a copy");
            let original = std::fs::read_to_string(runtime.join(&name)).expect("the original");
            let (stamp, body) = copy.split_once('\n').expect("a stamp line");
            assert!(stamp.contains(codegen::fresh::STAMP), "{name}: {stamp}");
            assert!(
                body == original,
                "{}/{name} differs from codegen/runtime/{name}",
                copies.display()
            );
        }
    }
}
