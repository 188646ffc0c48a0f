//! The importer (`cargo xtask import`): its rules on a small OpenAPI file in Twilio's
//! shape (`tests/fixtures/import/widgets.yaml`), a maintainer's choices surviving a
//! re-import, every imported spec folder being exactly what its OpenAPI file imports
//! to, Chat v1's import beside its hand-written spec, and malformed OpenAPI files
//! (`tests/fixtures/malformed_openapi/`) rejected with their node paths, all at once,
//! with nothing written.

use codegen::fresh::{Job, Mode};
use codegen::import::{import, import_folder, ImportError};
use codegen::model::{Api, NamedKind, OpKind, ParamIn, Type};
use codegen::SourceFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tests::workspace_root;

fn fixture_path(path: &str) -> PathBuf {
    workspace_root().join("tests/fixtures").join(path)
}

/// `widgets.yaml` imported into an empty folder, as files by name; the folder would
/// name its source `../widgets.yaml`.
fn widgets_files() -> BTreeMap<String, String> {
    let openapi = SourceFile {
        name: "widgets.yaml".into(),
        text: tests::fixture("import/widgets.yaml"),
    };
    let imported = import(&openapi, &[], "../widgets.yaml").expect("widgets.yaml imports");
    imported.files.into_iter().collect()
}

/// A spec folder's files, checked into the model.
fn checked(folder: &str, files: &BTreeMap<String, String>) -> Api {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile {
            name: format!("{folder}/{name}"),
            text: text.clone(),
        })
        .collect();
    codegen::check(&sources).unwrap_or_else(|d| panic!("{folder} does not check:\n{d}"))
}

fn named<'a>(api: &'a Api, name: &str) -> &'a codegen::model::NamedType {
    api.types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn resource<'a>(api: &'a Api, name: &str) -> &'a codegen::model::Resource {
    api.resources
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no resource {name}"))
}

fn param<'a>(
    r: &'a codegen::model::Resource,
    kind: OpKind,
    wire: &str,
) -> &'a codegen::model::Param {
    let op = r
        .operations
        .iter()
        .find(|o| o.kind == kind)
        .unwrap_or_else(|| panic!("{}: no {kind:?}", r.name));
    op.params
        .iter()
        .find(|p| p.wire == wire)
        .unwrap_or_else(|| panic!("{}: no parameter {wire}", r.name))
}

// ---------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------

#[test]
fn a_first_import_writes_the_three_files_of_a_spec_folder() {
    let files = widgets_files();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["api.yaml", "openapi.yaml", "resources.yaml"]
    );
    for (name, text) in &files {
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("import__widgets__{name}"), text);
        });
    }
}

#[test]
fn resources_are_path_groups_named_by_their_record_schema() {
    let api = checked("widgets", &widgets_files());
    let names: Vec<(&str, &str)> = api
        .resources
        .iter()
        .map(|r| (r.name.as_str(), r.plural_camel.as_str()))
        .collect();
    // `widgets.v1.box.media` and `widgets.v1.shelf.media` both end in `media`: the
    // collision is settled by one more segment. The plural comes from the list path
    // (`Media`, `Boxes`), and a singleton (`/v1/Configuration`) keeps its name.
    assert_eq!(
        names,
        [
            ("Box", "Boxes"),
            ("BoxMedia", "BoxMedia"),
            ("ShelfMedia", "ShelfMedia"),
            ("Configuration", "Configuration"),
        ]
    );
    // A list path and the instance path under it are one resource.
    let kinds: Vec<OpKind> = resource(&api, "Box")
        .operations
        .iter()
        .map(|o| o.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            OpKind::Create,
            OpKind::Fetch,
            OpKind::List,
            OpKind::Update,
            OpKind::Delete
        ]
    );
}

#[test]
fn one_sid_type_per_prefix_and_one_enum_per_value_list() {
    let api = checked("widgets", &widgets_files());
    let mut sids: Vec<(&str, &str)> = api
        .types
        .iter()
        .filter_map(|t| match &t.kind {
            NamedKind::Sid { prefix, .. } => Some((t.name.as_str(), prefix.as_str())),
            _ => None,
        })
        .collect();
    sids.sort();
    // Named after the resource whose `sid` has the prefix, else after the fields
    // that hold one (`account_sid`, `shelf_sid`).
    assert_eq!(
        sids,
        [
            ("AccountSid", "AC"),
            ("BoxMediaSid", "ME"),
            ("BoxSid", "BX"),
            ("ShelfMediaSid", "MS"),
            ("ShelfSid", "SH"),
        ]
    );
    // `box_enum_color` [red, green] and `media_enum_tint` [green, red] are one type,
    // used by four properties and parameters; named by the most common name.
    let color = named(&api, "Color");
    let NamedKind::Enum(def) = &color.kind else {
        panic!("Color is not an enum");
    };
    let wires: Vec<&str> = def.variants.iter().map(|v| v.wire.as_str()).collect();
    assert_eq!(wires, ["red", "green"]);
    let media = resource(&api, "BoxMedia");
    let tint = media
        .fields
        .iter()
        .find(|f| f.wire == "tint")
        .expect("tint");
    assert_eq!(tint.ty, Type::Named("Color".into()));
    assert!(!api.types.iter().any(|t| t.name == "Tint"));
}

#[test]
fn parameters_keep_their_location_status_nullability_format_and_secrecy() {
    let api = checked("widgets", &widgets_files());
    let boxes = resource(&api, "Box");
    let create = boxes
        .operations
        .iter()
        .find(|o| o.kind == OpKind::Create)
        .expect("create");
    assert_eq!(create.statuses, [201, 202]);
    let header = param(boxes, OpKind::Create, "X-Twilio-Webhook-Enabled");
    assert_eq!(header.location, ParamIn::Header);
    assert!(!header.required);
    assert!(param(boxes, OpKind::Create, "FriendlyName").required);
    // Secrets by name: `*Password`, `*Token` (a page token is not one).
    assert!(param(boxes, OpKind::Create, "Password").secret);
    assert!(param(boxes, OpKind::Create, "AuthToken").secret);
    assert!(!param(boxes, OpKind::Create, "FriendlyName").secret);
    assert!(!param(boxes, OpKind::List, "PageToken").secret);
    assert!(matches!(
        param(boxes, OpKind::Create, "DeliverAt").ty,
        Type::DateTime(codegen::model::DateFormat::Iso8601)
    ));
    assert!(param(boxes, OpKind::Update, "Size").nullable);
    assert!(matches!(
        &param(boxes, OpKind::List, "Color").ty,
        Type::Array(item) if **item == Type::Named("Color".into())
    ));
}

// ---------------------------------------------------------------------------------
// Re-imports
// ---------------------------------------------------------------------------------

/// What the maintainer writes after the first import.
const CHOICES: &str = "\
openapi:
  source: ../widgets.yaml
  departures: []
  rename:
    Color: BoxColor
  secrets:
    Password: false
    FriendlyName: true
  examples:
    Box: list
";

#[test]
fn a_maintainers_choices_survive_a_reimport_and_a_reimport_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("spec");
    let openapi = dir.path().join("widgets.yaml");
    std::fs::copy(fixture_path("import/widgets.yaml"), &openapi).expect("copy");

    let first = import_folder(&openapi, &folder, Mode::Write).expect("first import");
    assert_eq!(
        first.changed,
        ["resources.yaml", "api.yaml", "openapi.yaml"]
    );
    assert_eq!((first.operations, first.resources), (9, 4));

    // The maintainer edits the crate's section and records choices.
    let api_yaml = std::fs::read_to_string(folder.join("api.yaml"))
        .expect("api.yaml")
        .replace(
            "title: \"Twilio Widgets\"",
            "title: Widgets, as the maintainer calls them",
        );
    std::fs::write(folder.join("api.yaml"), &api_yaml).expect("write");
    std::fs::write(folder.join("openapi.yaml"), CHOICES).expect("write");

    let second = import_folder(&openapi, &folder, Mode::Write).expect("re-import");
    assert_eq!(second.changed, ["resources.yaml"]);
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).expect(name);
    assert_eq!(read("api.yaml"), api_yaml, "a re-import rewrote api.yaml");
    assert_eq!(
        read("openapi.yaml"),
        CHOICES,
        "a re-import rewrote openapi.yaml"
    );

    let files: BTreeMap<String, String> = ["api.yaml", "openapi.yaml", "resources.yaml"]
        .into_iter()
        .map(|name| (name.to_string(), read(name)))
        .collect();
    let api = checked("spec", &files);
    assert_eq!(api.title, "Widgets, as the maintainer calls them");
    assert!(api.types.iter().any(|t| t.name == "BoxColor"));
    assert!(!api.types.iter().any(|t| t.name == "Color"));
    let boxes = resource(&api, "Box");
    assert!(!param(boxes, OpKind::Create, "Password").secret);
    assert!(param(boxes, OpKind::Create, "FriendlyName").secret);
    assert!(param(boxes, OpKind::Create, "AuthToken").secret);
    assert!(boxes.example.is_some(), "the example program was dropped");

    let third = import_folder(&openapi, &folder, Mode::Write).expect("re-import");
    assert!(third.changed.is_empty(), "changed {:?}", third.changed);
}

/// An imported folder is exactly what its OpenAPI file imports to: nobody edited
/// `resources.yaml` by hand (choices go in `openapi.yaml`), and the importer has
/// not changed since it was written without a re-import to show for it.
#[test]
fn every_imported_spec_folder_is_what_its_openapi_imports_to() {
    let root = workspace_root();
    let mut imported = 0;
    for Job { spec, .. } in xtask::default_jobs(&root).expect("spec folders") {
        let resources = spec.join(codegen::import::RESOURCES_FILE);
        let Ok(text) = std::fs::read_to_string(&resources) else {
            continue;
        };
        if !text.contains("@generated by `cargo xtask import`") {
            continue;
        }
        imported += 1;
        let api = codegen::check(&codegen::read_spec_dir(&spec, "spec").expect("spec folder"))
            .expect("the spec checks");
        let source = spec.join(
            &api.openapi
                .expect("an imported folder names its source")
                .source,
        );
        let outcome = import_folder(&source, &spec, Mode::Check).expect("imports");
        assert!(
            outcome.changed.is_empty(),
            "{}: a re-import of {} would change {:?}; run `cargo xtask import --openapi {} --out {}` \
             and review the result",
            spec.display(),
            source.display(),
            outcome.changed,
            source.display(),
            spec.display(),
        );
    }
    assert!(imported >= 2, "only {imported} imported spec folders");
}

// ---------------------------------------------------------------------------------
// Chat v1: imported beside its hand-written spec
// ---------------------------------------------------------------------------------

/// Chat v1's OpenAPI imported, and the API-change report from the hand-written
/// spec (the reviewed reference) to the import: what a maintainer gets from the
/// importer alone, and what the hand spec adds. The README sums it up.
#[test]
fn chat_v1_imported_beside_its_hand_written_spec() {
    let root = workspace_root();
    let openapi = SourceFile {
        name: "twilio_chat_v1.yaml".into(),
        text: tests::fixture("twilio-oai/twilio_chat_v1.yaml"),
    };
    let imported = import(&openapi, &[], "../twilio_chat_v1.yaml").expect("Chat v1 imports");
    let files: BTreeMap<String, String> = imported.files.into_iter().collect();
    let api = checked("imported", &files);
    // Without its webhooks, which no OpenAPI file describes.
    let hand: Vec<SourceFile> =
        codegen::read_spec_dir(&root.join("spec/twilio-chat-v1"), "spec/twilio-chat-v1")
            .expect("the hand spec")
            .into_iter()
            .filter(|f| !f.name.ends_with("/webhooks.yaml"))
            .collect();
    let hand_api = codegen::check(&hand).expect("the hand spec checks");

    // The same 9 resources, 40 routes, 9 SID types and 6 enums, by the same names.
    let routes = |api: &Api| -> Vec<String> {
        let mut routes: Vec<String> = api
            .resources
            .iter()
            .flat_map(|r| r.operations.iter().map(|o| o.label.clone()))
            .collect();
        routes.sort();
        routes
    };
    assert_eq!(routes(&api).len(), 40);
    assert_eq!(routes(&api), routes(&hand_api));
    let types = |api: &Api| -> Vec<String> {
        let mut names: Vec<String> = api
            .types
            .iter()
            .filter(|t| matches!(t.kind, NamedKind::Sid { .. } | NamedKind::Enum(_)))
            .map(|t| t.name.clone())
            .collect();
        names.sort();
        names
    };
    assert_eq!(types(&api).len(), 15);
    assert_eq!(types(&api), types(&hand_api));

    let report = codegen::api_diff::compare_to(&hand, &api).expect("comparable");
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("import__chat_v1_hand_spec_to_import", report.text());
    });
}

// ---------------------------------------------------------------------------------
// Malformed OpenAPI files
// ---------------------------------------------------------------------------------

fn malformed_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_path("malformed_openapi"))
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_malformed_openapi_file_is_rejected_with_a_pinned_message() {
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
        for d in &diags.0 {
            assert!(!d.message.is_empty(), "{name}: empty message");
            // A YAML syntax error says what the parser expected instead.
            assert!(
                d.help.is_some() || d.message.contains("expected"),
                "{name}: no hint in\n{d}"
            );
        }
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("import_malformed__{stem}"), diags.to_string());
        });
    }
}

/// Each file of `tests/fixtures/import/constructs/` holds one construct of Twilio's
/// files that the format says only in part: it imports to a spec that checks, and the
/// snapshot pins the spec it becomes and the places the import reports as less typed
/// than the OpenAPI.
#[test]
fn every_construct_imports_to_a_spec_that_checks_and_says_what_it_lost() {
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
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("import_construct__{stem}"), text);
        });
    }
}

#[test]
fn all_problems_of_a_file_are_reported_in_one_run() {
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
fn snapshot_of(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
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
fn a_failed_import_writes_nothing() {
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

// ---------------------------------------------------------------------------------
// An imported crate, built where a maintainer might put it
// ---------------------------------------------------------------------------------

/// `cargo xtask import` then `cargo xtask gen --spec DIR --out OUT` into a folder
/// outside the repo, and the crate there passes clippy with warnings denied: its
/// dependency on the runtime resolves from wherever it is. Spawns cargo: heavy.
#[test]
#[cfg_attr(
    not(heavy_tests),
    ignore = "spawns cargo: set CODEGEN_HEAVY_TESTS=1 (CI does)"
)]
fn an_imported_crate_builds_clippy_clean_outside_the_repo() {
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
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).expect("lock file");
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "clippy",
            "--offline",
            "--quiet",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", root.join("target/random-specs/target"))
        .output()
        .expect("running cargo");
    assert!(
        output.status.success(),
        "the imported crate in {} failed clippy:\n{}",
        out.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

// ---------------------------------------------------------------------------------
// Every Twilio OpenAPI file
// ---------------------------------------------------------------------------------

/// Each of Twilio's OpenAPI files is imported, checked and generated in process, or
/// refused with its problems, and never panics; an import keeps every operation of its
/// file. The snapshots are the per-API table (`cargo xtask import-report`) and every
/// place a crate is less typed than its OpenAPI, so the work of importing them all
/// shows as their diff.
#[test]
fn every_twilio_openapi_file_imports_and_generates_or_says_why() {
    let reports = crate::twilio_corpus();
    assert_eq!(reports.len(), 55);
    // Two of Twilio's files are empty placeholders; every other one imports.
    let refused: Vec<&str> = reports
        .iter()
        .filter(|r| r.outcome.is_err())
        .map(|r| r.name())
        .collect();
    assert_eq!(refused, ["iam_scim", "verify_v3"]);
    for r in reports {
        if let Ok(g) = &r.outcome {
            assert_eq!(
                g.operations, r.operations_in_file,
                "{}: operations were dropped",
                r.file
            );
            assert!(g.files.contains_key("src/lib.rs"), "{}", r.file);
        }
    }
    // The table's one pinned copy is the one in the docs, between two markers: a
    // change to it shows as that file's diff.
    let docs = std::fs::read_to_string(workspace_root().join("codegen/docs/every-api.md"))
        .expect("codegen/docs/every-api.md");
    let start = docs
        .find("checked by a test -->\n")
        .expect("the table's start marker");
    let end = docs
        .find("<!-- /import-report -->")
        .expect("the table's end marker");
    assert_eq!(
        &docs[start + "checked by a test -->\n".len()..end],
        xtask::every_api::table(reports),
        "codegen/docs/every-api.md: paste in the output of `cargo xtask import-report`"
    );
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("import__every_lossy_place", xtask::every_api::lossy_places(reports));
    });
}

/// Every crate the Twilio files import to, generated outside the repository (under
/// `target/every-api/`) and built as a consumer would: `cargo clippy --all-targets`
/// with warnings denied, one crate after another in one shared target folder. Spawns
/// cargo 50 times: heavy.
#[test]
#[cfg_attr(
    not(heavy_tests),
    ignore = "spawns cargo: set CODEGEN_HEAVY_TESTS=1 (CI does)"
)]
fn every_imported_twilio_api_passes_clippy_outside_the_repo() {
    let root = workspace_root();
    let base = root.join("target/every-api");
    let reports = crate::twilio_corpus();
    let mut jobs = Vec::new();
    for r in reports {
        let Ok(g) = &r.outcome else { continue };
        let spec = base.join("spec").join(r.name());
        let _ = std::fs::remove_dir_all(&spec);
        std::fs::create_dir_all(&spec).expect("spec folder");
        for (file, text) in &g.spec {
            std::fs::write(spec.join(file), text).expect("spec file");
        }
        jobs.push(Job {
            spec,
            out: base.join("out").join(r.name()),
        });
    }
    codegen::fresh::run(&root, &jobs, Mode::Write).expect("generates");
    let started = std::time::Instant::now();
    let mut failures = Vec::new();
    for job in &jobs {
        std::fs::copy(root.join("Cargo.lock"), job.out.join("Cargo.lock")).expect("lock file");
        let output = std::process::Command::new(env!("CARGO"))
            .args([
                "clippy",
                "--offline",
                "--quiet",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .current_dir(&job.out)
            .env("CARGO_TARGET_DIR", base.join("target"))
            .output()
            .expect("running cargo");
        if !output.status.success() {
            failures.push(format!(
                "{}:\n{}",
                job.out.display(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    eprintln!(
        "clippy of {} generated crates: {:.1} s",
        jobs.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The files whose security schemes are OAuth2 client credentials import to that
/// auth, with the token URL on the API's own host; a crate that takes OAuth2 only
/// tells the runtime so, and one that takes Basic too keeps `Client::new`.
#[test]
fn oauth2_security_schemes_import_as_oauth2_auth() {
    let dir = workspace_root().join(xtask::every_api::TWILIO_OAI_DIR);
    for (file, basic, token_url) in [
        (
            "twilio_iam_organizations.yaml",
            false,
            "https://preview-iam.twilio.com/v1/token",
        ),
        (
            "twilio_oauth_v2.yaml",
            true,
            "https://oauth.twilio.com/v2/token",
        ),
        ("twilio_chat_v2.yaml", true, ""),
    ] {
        let text = std::fs::read_to_string(dir.join(file)).expect("Twilio's file");
        let report = xtask::every_api::run_one(&SourceFile {
            name: file.into(),
            text,
        });
        let generated = report.outcome.as_ref().expect("imports and generates");
        let sources: Vec<SourceFile> = generated
            .spec
            .iter()
            .map(|(name, text)| SourceFile {
                name: name.clone(),
                text: text.clone(),
            })
            .collect();
        let api = codegen::check(&sources).expect("checks");
        assert_eq!(api.auth.basic, basic, "{file}");
        assert_eq!(
            api.auth
                .oauth2
                .as_ref()
                .map_or("", |o| o.token_url.as_str()),
            token_url,
            "{file}"
        );
        let client = &generated.files["src/client.rs"];
        assert_eq!(
            client.contains("const TAKES_BASIC: bool = false;"),
            !basic,
            "{file}"
        );
        assert_eq!(client.contains("pub fn new("), basic, "{file}");
        assert_eq!(
            client.contains("OAUTH2_TOKEN_PATH"),
            !token_url.is_empty(),
            "{file}"
        );
        assert!(
            !generated.lossy.iter().any(|l| l.kind.contains("OAuth2")),
            "{file}"
        );
    }
}

// ---------------------------------------------------------------------------------
// JSON and other encodings
// ---------------------------------------------------------------------------------

/// A `.json` file is read as JSON: the escapes `json.dumps` writes for a character
/// outside the BMP (a surrogate pair) are read as that character, which the YAML
/// parser refused.
#[test]
fn a_json_file_is_read_as_json_surrogate_escapes_included() {
    let yaml = SourceFile {
        name: "widgets.yaml".into(),
        text: tests::fixture("import/widgets.yaml"),
    };
    let mut tree = codegen::import::read_openapi(&yaml).expect("YAML");
    tree["info"]["title"] = "Twilio Widgets 🦀".into();
    let text = serde_json::to_string(&tree)
        .expect("JSON")
        .replace('🦀', "\\ud83e\\udd80");
    assert!(text.contains("\\ud83e\\udd80"));
    let json = SourceFile {
        name: "widgets.json".into(),
        text: text.clone(),
    };
    let imported = import(&json, &[], "../widgets.json").expect("imports");
    let yaml_import = widgets_files();
    let from_json: BTreeMap<String, String> = imported.files.into_iter().collect();
    assert_eq!(
        from_json["resources.yaml"].replace("widgets.json", "widgets.yaml"),
        yaml_import["resources.yaml"]
    );
    assert!(
        from_json["api.yaml"].contains('🦀'),
        "{}",
        from_json["api.yaml"]
    );

    // Named as YAML, the same text is still refused by the YAML parser, so the test
    // would fail if the name stopped choosing the parser.
    let as_yaml = SourceFile {
        name: "widgets.yaml".into(),
        text,
    };
    assert!(import(&as_yaml, &[], "../widgets.yaml").is_err());
}

/// A UTF-16 file is refused with a hint that says so, and the folder is not made.
#[test]
fn a_utf16_file_gets_a_hint_to_save_it_as_utf8() {
    let dir = std::env::temp_dir().join(format!("utf16-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let refused = |name: &str, bytes: Vec<u8>| {
        let file = dir.join(name);
        std::fs::write(&file, bytes).expect("written");
        match import_folder(&file, &dir.join("out"), Mode::Write) {
            Err(ImportError::Invalid(diags)) => diags.to_string(),
            other => panic!("{name}: {other:?}"),
        }
    };
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("openapi: 3.0.1\n".encode_utf16().flat_map(u16::to_le_bytes));
    let shown = refused("utf16.yaml", utf16);
    assert!(shown.contains("not UTF-8"), "{shown}");
    assert!(shown.contains("UTF-16"), "{shown}");
    let shown = refused("latin1.yaml", b"openapi: caf\xe9\n".to_vec());
    assert!(
        shown.contains("not UTF-8") && !shown.contains("UTF-16"),
        "{shown}"
    );
    assert!(!dir.join("out").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
