//! Malformed OpenAPI files: rejected with their node paths, nothing written.

use super::*;

pub(super) fn malformed_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_path("malformed_openapi"))
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
pub(super) fn every_malformed_openapi_file_is_rejected_with_a_pinned_message() {
    let names = malformed_names();
    assert!(names.len() >= 20, "the corpus has {} files", names.len());
    for name in names {
        let bytes = std::fs::read(fixture_path("malformed_openapi").join(&name)).expect("read");
        let openapi = SourceFile {
            name: format!("malformed_openapi/{name}"),
            text: String::from_utf8_lossy(&bytes).into_owned(),
        };
        let diags = match import(&openapi, &[], "../broken.yaml") {
            Ok(_) => panic!("{name} was imported"),
            Err(diags) => diags,
        };
        tests::assert_each_diagnostic_helps(&name, &diags);
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("import_malformed__{stem}"), diags.to_string());
        });
    }
}

/// Each file of `tests/fixtures/import/constructs/` holds one construct of Twilio's
/// files that the format says only in part: it imports to a spec that checks, and the
/// snapshot pins the spec it becomes and the places the import reports as less typed
/// than the OpenAPI.
#[test]
pub(super) fn every_construct_imports_to_a_spec_that_checks_and_says_what_it_lost() {
    let dir = fixture_path("import/constructs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("constructs folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let openapi = SourceFile {
            name: format!("constructs/{name}"),
            text: std::fs::read_to_string(dir.join(&name)).expect("read"),
        };
        let imported = import(&openapi, &[], "../construct.yaml")
            .unwrap_or_else(|d| panic!("{name} does not import:\n{d}"));
        let files: BTreeMap<String, String> = imported.files.iter().cloned().collect();
        checked(&name, &files);
        let mut lossy: Vec<String> = imported
            .lossy
            .iter()
            .map(|l| format!("{} ({}): {}", l.at, l.kind, l.detail))
            .collect();
        if lossy.is_empty() {
            lossy.push("(nothing)".into());
        }
        let stem = name.trim_end_matches(".yaml");
        let text = format!(
            "{}\n# Less typed than the OpenAPI:\n# {}\n",
            files["resources.yaml"],
            lossy.join("\n# ")
        );
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("import_construct__{stem}"), text);
        });
    }
}

#[test]
pub(super) fn all_problems_of_a_file_are_reported_in_one_run() {
    let openapi = SourceFile {
        name: "several_problems_at_once.yaml".into(),
        text: tests::fixture("malformed_openapi/several_problems_at_once.yaml"),
    };
    let diags = import(&openapi, &[], "../x.yaml").expect_err("malformed");
    let paths: Vec<&str> = diags.0.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(diags.len(), 3, "{diags}");
    assert!(
        paths.iter().any(|p| p.ends_with("/parameters/1"))
            && paths.iter().any(|p| p.ends_with("/parameters/2/schema"))
            && paths.iter().any(|p| p.ends_with("/parameters/3/schema")),
        "{paths:?}"
    );
}

/// A listing of `dir`: every file with its content.
pub(super) fn snapshot_of(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries {
            let path = entry.expect("entry").path();
            files.insert(path.clone(), std::fs::read(&path).expect("read"));
        }
    }
    files
}

#[test]
pub(super) fn a_failed_import_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A folder with an earlier import, which a failed one must leave as it is.
    let folder = dir.path().join("spec");
    import_folder(&fixture_path("import/widgets.yaml"), &folder, Mode::Write).expect("imports");
    let before = snapshot_of(&folder);
    let missing = dir.path().join("never-made");
    for name in malformed_names() {
        let openapi = fixture_path("malformed_openapi").join(&name);
        for out in [&folder, &missing] {
            match import_folder(&openapi, out, Mode::Write) {
                Err(ImportError::Invalid(_)) => {}
                other => panic!("{name}: {other:?}"),
            }
        }
        assert_eq!(snapshot_of(&folder), before, "{name} changed the folder");
        assert!(!missing.exists(), "{name} made the folder");
    }
}
