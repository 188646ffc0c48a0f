//! Any bytes as an OpenAPI file: the importer must answer with a spec folder or
//! diagnostics, never panic, hang or run out of memory; and a spec folder it writes
//! must go through the generator the same way.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let openapi = codegen::SourceFile {
        name: "fuzz.yaml".into(),
        text: String::from_utf8_lossy(data).into_owned(),
    };
    match codegen::import::import(&openapi, &[], "../fuzz.yaml") {
        Ok(imported) => {
            let sources: Vec<codegen::SourceFile> = imported
                .files
                .into_iter()
                .map(|(name, text)| codegen::SourceFile {
                    name: format!("fuzz/{name}"),
                    text,
                })
                .collect();
            if let Err(diags) = codegen::generate(&sources, &codegen::Layout::member()) {
                let _ = diags.to_string();
            }
        }
        // Rendering is part of the contract too.
        Err(diags) => {
            let _ = diags.to_string();
        }
    }
});
