//! Verifying a webhook: `WebhookValidator::verify_form` on a 20-parameter form body
//! as Twilio sends a Chat event (decode the body strictly, sort the parameters, build
//! the signed bytes, HMAC-SHA1, compare in constant time), against a plain HMAC-SHA1
//! of the same signed bytes, which any validator must compute. No target: decoding is
//! total and linear first (a well-kept crate reads the body), the ratio is reported.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use std::hint::black_box;
use std::time::{Duration, SystemTime};
use tests::bench::{criterion, print_ratio};
use twilio_codegen_runtime::WebhookValidator;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";
const URL: &str = "https://hooks.example.com/twilio/chat/events?tenant=acme";

/// An `onMessageSent` as Twilio sends it, with 20 parameters.
fn params() -> Vec<(String, String)> {
    [
        ("EventType", "onMessageSent"),
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("InstanceSid", "IS0123456789abcdef0123456789abcdef"),
        ("Source", "SDK"),
        ("ClientIdentity", "alice@example.com"),
        ("RetryCount", "0"),
        ("MessageSid", "IM0123456789abcdef0123456789abcdef"),
        ("Index", "1204"),
        ("ChannelSid", "CH0123456789abcdef0123456789abcdef"),
        (
            "Body",
            "Bonjour à tous! Meeting moved to 3pm, room B & C = both.",
        ),
        (
            "Attributes",
            r#"{"importance":"high","thread":"ops","tags":["a","b"]}"#,
        ),
        ("From", "alice@example.com"),
        ("To", "CH0123456789abcdef0123456789abcdef"),
        ("DateCreated", "2026-12-01T10:20:30.456Z"),
        ("WebhookType", "webhook"),
        ("WebhookSid", "WH0123456789abcdef0123456789abcdef"),
        ("ChannelType", "private"),
        ("FriendlyName", "Operations"),
        ("UniqueName", "ops-room"),
        ("MemberSid", "MB0123456789abcdef0123456789abcdef"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
}

fn main() {
    let started = SystemTime::now();
    let mut c = criterion();
    let params = params();
    assert_eq!(params.len(), 20);
    let body = serde_urlencoded::to_string(&params)
        .expect("encodes")
        .into_bytes();
    let validator = WebhookValidator::new(TOKEN);
    let signature = validator.sign_form(URL, &params);
    assert!(validator.verify_form(URL, Some(&signature), &body).is_ok());

    // The signed bytes, as Twilio computes them, built once: the baseline's input.
    let mut sorted = params.clone();
    sorted.sort();
    let mut signed = URL.as_bytes().to_vec();
    for (name, value) in &sorted {
        signed.extend_from_slice(name.as_bytes());
        signed.extend_from_slice(value.as_bytes());
    }

    let mut group = c.benchmark_group("webhook");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("verify_form_20_params", |b| {
        b.iter(|| {
            validator
                .verify_form(
                    black_box(URL),
                    Some(black_box(&signature)),
                    black_box(&body),
                )
                .is_ok()
        })
    });
    group.bench_function("plain_hmac_sha1", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha1>::new_from_slice(TOKEN.as_bytes()).expect("any key");
            mac.update(black_box(&signed));
            mac.finalize().into_bytes()
        })
    });
    group.finish();
    c.final_summary();

    println!("\nwebhook results (medians of this run)");
    println!(
        "signed bytes: {}; form body: {} bytes",
        signed.len(),
        body.len()
    );
    print_ratio(
        "verify a 20-parameter form / plain HMAC-SHA1 of its bytes",
        "webhook/verify_form_20_params",
        "webhook/plain_hmac_sha1",
        None,
        started,
    );
}
