//! Any text as the URL of a signed GET: `verify_query` decodes the query once the
//! signature (made here, as Twilio would) checks, and must read or refuse it, never
//! panic or hang (run with `-timeout=1`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_codegen_runtime::WebhookValidator;

fuzz_target!(|data: &[u8]| {
    let url = String::from_utf8_lossy(data);
    let validator = WebhookValidator::new("fuzz-token");
    let signature = validator.sign_url(&url);
    if let Ok(params) = validator.verify_query(&url, Some(&signature)) {
        let _ = params.to_vec();
    }
});
