//! Any text as a signed webhook's parameters, read as a Conversations event under
//! each event type it documents: `Event::decode` must always give the event's struct
//! (a parameter that doesn't parse is named, never fatal), never panic or hang (run
//! with `-timeout=1`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_codegen_runtime::{WebhookParams, WebhookValidator};
use twilio_conversations_v1::webhooks::{Decoded, Event, EventType};

fuzz_target!(|data: &[u8]| {
    let url = format!("https://example.com/hook?{}", String::from_utf8_lossy(data));
    let validator = WebhookValidator::new("fuzz-token");
    let signature = validator.sign_url(&url);
    let Ok(params) = validator.verify_query(&url, Some(&signature)) else {
        return;
    };
    if let Ok(event) = Event::from_params(params.clone()) {
        let _ = event.decode();
    }
    for name in EventType::VALUES {
        let typed: WebhookParams = std::iter::once(("EventType", *name))
            .chain(params.iter())
            .collect();
        let event = Event::from_params(typed).expect("it has an EventType");
        let decoded = event.decode();
        assert!(
            !matches!(decoded, Decoded::Unknown(_)),
            "{name} is documented"
        );
    }
});
