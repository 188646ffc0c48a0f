//! Any bytes as a form webhook: `verify_form` must read or refuse them, never panic
//! or hang (run with `-timeout=1`, so a slow input fails too). The body is decoded
//! before the signature is checked, so an unsigned request reaches the decoder as an
//! attacker's would. The input is the URL, a NUL, then the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_codegen_runtime::WebhookValidator;

fuzz_target!(|data: &[u8]| {
    let at = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let url = String::from_utf8_lossy(&data[..at]);
    let body = data.get(at + 1..).unwrap_or(&[]);
    let validator = WebhookValidator::new("fuzz-token");
    let _ = validator.verify_form(&url, Some("L/OH5YylLD5NRKLltdqwSvS0BnU="), body);
});
