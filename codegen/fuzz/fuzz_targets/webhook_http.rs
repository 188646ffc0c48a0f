//! Any bytes as an HTTP request to a webhook URL: a byte for the method, one for the
//! content type, one for whether it is signed, then the URL, a NUL and the body.
//! `verify_http` must accept or refuse, never panic or hang (run with `-timeout=1`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_codegen_runtime::WebhookValidator;

const METHODS: [&str; 4] = ["GET", "POST", "PUT", "DELETE"];
const TYPES: [&str; 5] = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "application/json",
    "text/plain",
    "",
];

fuzz_target!(|data: &[u8]| {
    let [method, content_type, signed, rest @ ..] = data else {
        return;
    };
    let at = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let url = String::from_utf8_lossy(&rest[..at]).into_owned();
    let body = rest.get(at + 1..).unwrap_or(&[]).to_vec();
    let validator = WebhookValidator::new("fuzz-token");
    let mut request = http::Request::builder()
        .method(METHODS[usize::from(*method) % 4])
        .uri("/");
    let content_type = TYPES[usize::from(*content_type) % TYPES.len()];
    if !content_type.is_empty() {
        request = request.header("content-type", content_type);
    }
    if signed & 1 == 1 {
        request = request.header("x-twilio-signature", validator.sign_url(&url));
    }
    let Ok(request) = request.body(body) else {
        return;
    };
    let _ = validator.verify_http(&url, &request);
});
