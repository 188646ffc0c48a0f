//! Any bytes as a signed JSON webhook: the URL (which may carry `bodySHA256`), a NUL,
//! then the body. `verify_json` must accept or refuse, never panic or hang (run with
//! `-timeout=1`); the first byte says whether the URL is given the body's real hash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_codegen_runtime::WebhookValidator;

fuzz_target!(|data: &[u8]| {
    let Some((&hashed, rest)) = data.split_first() else {
        return;
    };
    let at = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let mut url = String::from_utf8_lossy(&rest[..at]).into_owned();
    let body = rest.get(at + 1..).unwrap_or(&[]);
    if hashed & 1 == 1 {
        url = WebhookValidator::url_with_body_hash(&url, body);
    }
    let validator = WebhookValidator::new("fuzz-token");
    let signature = validator.sign_url(&url);
    let _ = validator.verify_json(&url, Some(&signature), body);
});
