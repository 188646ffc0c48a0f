//! Any bytes as a spec file: the generator must answer with files or diagnostics,
//! never panic, hang or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let source = codegen::SourceFile {
        name: "fuzz.yaml".into(),
        text,
    };
    let layout = codegen::Layout::member();
    if let Err(diags) = codegen::generate(&[source], &layout) {
        // Rendering is part of the contract too.
        let _ = diags.to_string();
    }
});
