//! JSON and other encodings.

use super::*;

/// A `.json` file is read as JSON: the escapes `json.dumps` writes for a character
/// outside the BMP (a surrogate pair) are read as that character, which the YAML
/// parser refused.
#[test]
pub(super) fn a_json_file_is_read_as_json_surrogate_escapes_included() {
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
pub(super) fn a_utf16_file_gets_a_hint_to_save_it_as_utf8() {
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
