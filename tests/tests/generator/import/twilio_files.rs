//! Every Twilio OpenAPI file: imported, generated, and linted.

use super::*;

/// Each of Twilio's OpenAPI files is imported, checked and generated in process, or
/// refused with its problems, and never panics; an import keeps every operation of its
/// file. The snapshots are the per-API table (`cargo xtask import-report`) and every
/// place a crate is less typed than its OpenAPI, so the work of importing them all
/// shows as their diff.
#[test]
pub(super) fn every_twilio_openapi_file_imports_and_generates_or_says_why() {
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
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
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
pub(super) fn every_imported_twilio_api_passes_clippy_outside_the_repo() {
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
        let output = clippy(&root, &job.out, &base.join("target"));
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
pub(super) fn oauth2_security_schemes_import_as_oauth2_auth() {
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
