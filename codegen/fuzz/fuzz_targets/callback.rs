//! Any text as a signed callback's parameters, read as every API v2010 callback:
//! `from_params` must always give the struct (a value that doesn't parse is named,
//! never fatal), keep every parameter, find no more media than parameters, and never
//! panic or hang (run with `-timeout=1`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_api_v2010::callbacks::*;
use twilio_codegen_runtime::WebhookValidator;

fuzz_target!(|data: &[u8]| {
    let url = format!("https://example.com/sms?{}", String::from_utf8_lossy(data));
    let validator = WebhookValidator::new("fuzz-token");
    let signature = validator.sign_url(&url);
    let Ok(params) = validator.verify_query(&url, Some(&signature)) else {
        return;
    };
    let message = IncomingMessage::from_params(params.clone());
    assert!(message.media.len() <= params.len());
    assert_eq!(message.params, params);
    let _ = MessageStatusCallback::from_params(params.clone());
    let _ = IncomingCall::from_params(params.clone());
    let _ = GatherAction::from_params(params.clone());
    let _ = CallStatusCallback::from_params(params.clone());
    let _ = RecordingStatusCallback::from_params(params.clone());
    let _ = TranscriptionCallback::from_params(params.clone());
    let _ = ConferenceStatusCallback::from_params(params.clone());
    let _ = EnqueueWait::from_params(params.clone());
    let _ = EnqueueAction::from_params(params);
});
