//! Chat v1: imported beside its hand-written spec.

use super::*;

/// Chat v1's OpenAPI imported, and the API-change report from the hand-written
/// spec (the reviewed reference) to the import: what a maintainer gets from the
/// importer alone, and what the hand spec adds. The README sums it up.
#[test]
pub(super) fn chat_v1_imported_beside_its_hand_written_spec() {
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
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("import__chat_v1_hand_spec_to_import", report.text());
    });
}
