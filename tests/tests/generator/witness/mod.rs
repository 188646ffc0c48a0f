//! The witness: every spec folder of `spec/` that names its OpenAPI source (in its
//! `openapi:` section) is checked against that file, both ways: every operation,
//! parameter and property of one must be in the other, with the same location,
//! requiredness, type, constraints, nullability and default.
//!
//! Deliberate departures are listed, with their reasons, in the same section
//! (`spec/<crate>/openapi.yaml`). An entry that no longer matches a difference fails
//! the test too, so the list stays true. A construct the witness does not know is a
//! difference it reports, not a panic.

use codegen::model::{
    Api, Departure, EnumDef, Field, InlineEnum, Literal, NamedKind, OpKind, OpenApiLink, Operation,
    Param, Resource, Type,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;
use tests::workspace_root;

mod compare;
mod differences;
mod mutations;
mod openapi;
mod shapes;
mod spec;

use compare::*;
use differences::*;
use openapi::*;
use shapes::*;
use spec::*;

/// The Chat v1 folder, which the mutation tests below use.
const CHAT_V1: &str = "spec/twilio-chat-v1";

#[test]
fn every_spec_matches_its_openapi_source() {
    let root = workspace_root();
    let mut witnessed = 0;
    let mut failures = Vec::new();
    for job in xtask::default_jobs(&root).expect("listing spec folders") {
        let display = codegen::fresh::display_path(&root, &job.spec);
        let spec = Spec::load_dir(&job.spec, &display);
        let Some(link) = spec.api.openapi.clone() else {
            continue;
        };
        witnessed += 1;
        let source = job.spec.join(&link.source);
        let doc = openapi_at(&source);
        // In a folder the importer writes, what its import of the source reports as
        // less typed than the OpenAPI is excused, as for every import; departures are
        // the maintainer's own choices.
        let lossy = import_lossy(&job.spec, &display, &source, &link.source);
        let differences = compare(&doc, &spec)
            .into_iter()
            .filter(|d| reported(d, &lossy).is_none())
            .collect();
        let problems = apply_departures(differences, &departures(&link));
        if !problems.is_empty() {
            failures.push(format!(
                "{display} and {} disagree in {} places. Fix the spec, or, for a deliberate \
                 choice, add an entry with its reason to the departures in {display}'s \
                 `openapi:` section:\n  {}",
                link.source,
                problems.len(),
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        witnessed >= 3,
        "only {witnessed} spec folders name an OpenAPI source"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// What importing `source` into the spec folder `dir` reports as less typed than the
/// OpenAPI; nothing for a folder written by hand (one without `resources.yaml`).
fn import_lossy(
    dir: &Path,
    display: &str,
    source: &Path,
    link: &str,
) -> Vec<codegen::import::Lossy> {
    if !dir.join(codegen::import::RESOURCES_FILE).exists() {
        return Vec::new();
    }
    let existing = codegen::read_spec_dir(dir, display).expect("reading the spec folder");
    let openapi = codegen::SourceFile {
        name: link.to_string(),
        text: std::fs::read_to_string(source).expect("reading the OpenAPI file"),
    };
    codegen::import::import(&openapi, &existing, link)
        .unwrap_or_else(|d| panic!("{display}: its source no longer imports:\n{d}"))
        .lossy
}

/// Every import of Twilio's 53 files (in memory, as `cargo xtask import-report` does
/// it) against the file it came from. What the format can't say, the import reports
/// as less typed than the OpenAPI; each difference left must be such a place (the
/// import's own report names it), and the list of them is pinned, so a reviewer sees
/// any that comes or goes.
#[test]
fn every_imported_twilio_api_matches_its_openapi_file() {
    let dir = workspace_root().join(xtask::every_api::TWILIO_OAI_DIR);
    let reports = crate::twilio_corpus();
    let mut witnessed = 0;
    let mut left = String::new();
    let mut unexplained = Vec::new();
    for r in reports {
        let Ok(g) = &r.outcome else { continue };
        witnessed += 1;
        let sources: Vec<codegen::SourceFile> = g
            .spec
            .iter()
            .map(|(name, text)| codegen::SourceFile {
                name: format!("{}/{name}", r.name()),
                text: text.clone(),
            })
            .collect();
        let spec = Spec::from_sources(&sources, r.name());
        let doc = openapi_at(&dir.join(&r.file));
        for d in compare(&doc, &spec) {
            match reported(&d, &g.lossy) {
                Some(kind) => left.push_str(&format!("{} ({kind}): {d}\n", r.name())),
                None => unexplained.push(format!("{}: {d}", r.name())),
            }
        }
    }
    assert_eq!(witnessed, 53);
    assert!(
        unexplained.is_empty(),
        "imports that differ from their OpenAPI file where the import reports nothing \
         less typed: fix the importer, or make it report the place\n  {}",
        unexplained.join("\n  ")
    );
    // Kept with the other generator tests' snapshots, above this folder.
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("witness__every_import_difference", left);
    });
}

/// The kind of the place the import reported that explains `d`, if one does: a
/// resource whose operations answer with several schemas (named in its report), a
/// path parameter made text, a null the format can't send (each naming the
/// parameter), a record property's default another answer leaves out (naming it).
fn reported(d: &Difference, lossy: &[codegen::import::Lossy]) -> Option<&'static str> {
    let param = d
        .openapi
        .split_once(" parameter ")
        .map(|(_, name)| format!("`{name}`"));
    let property = d
        .openapi
        .split_once(" property ")
        .map(|(_, name)| format!("`{name}`"));
    let kinds: &[&str] = match d.differs.as_str() {
        "record schemas" => &["answer read as the resource's record"],
        "default" if property.is_some() => &["default of a property another answer lacks"],
        "pattern" | "minLength" | "maxLength" if param.is_some() => {
            &["path parameter typed differently"]
        }
        "nullable" if param.is_some() => &[
            "null for an array parameter",
            "null for a required parameter",
        ],
        _ => return None,
    };
    lossy
        .iter()
        .filter(|l| kinds.contains(&l.kind))
        .find(|l| match param.as_ref().or(property.as_ref()) {
            Some(name) => l.detail.starts_with(name.as_str()),
            None => d
                .found
                .split(", ")
                .any(|s| l.detail.contains(&format!("`{s}`"))),
        })
        .map(|l| l.kind)
}
