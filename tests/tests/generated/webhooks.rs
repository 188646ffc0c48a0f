//! What the generator decides for webhooks, in the Chat and Conversations crates:
//! every documented event name decodes to its variant and struct, unknown names and
//! parameters are kept, parameters read as the crate's types (or fail naming the
//! parameter, in their own accessor and never the whole event), and answers carry the status and fields the spec gives. Then each
//! example receiver, run as a process and sent requests signed here. How signatures
//! are checked is the runtime's, tested in `codegen/runtime/src/tests/webhook.rs`.

use crate::receiver::Receiver;
use twilio_codegen_runtime::{WebhookError, WebhookParams, WebhookValidator};

const TOKEN: &str = "webhook-test-token";
const URL: &str = "https://hooks.example.com/twilio/events?tenant=acme";

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A form body of `params`.
fn form(params: &[(String, String)]) -> Vec<u8> {
    serde_urlencoded::to_string(params)
        .expect("encodes")
        .into_bytes()
}

/// `params` as Twilio sends them: signed, then checked as a receiver checks them.
fn received(params: &[(String, String)]) -> WebhookParams {
    let validator = WebhookValidator::new(TOKEN);
    let signature = validator.sign_form(URL, params);
    validator
        .verify_form(URL, Some(&signature), &form(params))
        .expect("a signed request verifies")
}

/// Every name an API's docs list decodes to its own variant and struct (named like
/// the event, `onMessageSend` → `OnMessageSend`), and its answer is allowed.
macro_rules! every_event_decodes {
    ($test:ident, $api:ident) => {
        #[test]
        fn $test() {
            use $api::webhooks::{Event, EventType};
            assert!(EventType::VALUES.len() >= 20, "{:?}", EventType::VALUES);
            for name in EventType::VALUES {
                let event = Event::from_params(received(&pairs(&[
                    ("AccountSid", "AC00000000000000000000000000000000"),
                    ("EventType", name),
                ])))
                .expect("an event");
                let variant = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
                assert_eq!(event.event_type().as_str(), *name);
                assert_eq!(format!("{:?}", event.event_type()), variant);
                let decoded = format!("{:?}", event.decode());
                assert!(
                    decoded.starts_with(&format!("{variant}({variant} {{")),
                    "{decoded}"
                );
                assert_eq!(event.allow().status(), 200);
                // Pre-events are the ones named in the present tense.
                let past = name.ends_with("ed") || name.ends_with("Sent");
                assert_eq!(event.event_type().is_pre_event(), !past, "{name}");
            }
        }
    };
}

every_event_decodes!(every_chat_v1_event_decodes, twilio_chat_v1);
every_event_decodes!(every_chat_v2_event_decodes, twilio_chat_v2);
every_event_decodes!(every_conversations_event_decodes, twilio_conversations_v1);

#[test]
fn the_documented_events_are_all_there() {
    use twilio_chat_v2::webhooks::EventType as Chat;
    use twilio_conversations_v1::webhooks::EventType as Conversations;
    // Chat's page: 11 pre-events and 12 post-events; Conversations': 10 and 13.
    let count = |values: &[&str], pre: fn(&str) -> bool| values.iter().filter(|v| pre(v)).count();
    let chat_pre = |v: &str| Chat::from_wire(v.to_owned()).is_pre_event();
    let conv_pre = |v: &str| Conversations::from_wire(v.to_owned()).is_pre_event();
    assert_eq!(
        (count(Chat::VALUES, chat_pre), Chat::VALUES.len()),
        (11, 23)
    );
    assert_eq!(
        (
            count(Conversations::VALUES, conv_pre),
            Conversations::VALUES.len()
        ),
        (10, 23)
    );
    for name in [
        "onMessageSend",
        "onMediaMessageSent",
        "onMemberUpdated",
        "onUserAdded",
    ] {
        assert!(Chat::VALUES.contains(&name), "{name}");
    }
    for name in [
        "onMessageAdd",
        "onConversationStateUpdated",
        "onDeliveryUpdated",
    ] {
        assert!(Conversations::VALUES.contains(&name), "{name}");
    }
}

#[test]
fn unknown_events_and_parameters_are_kept() {
    use twilio_chat_v2::webhooks::{Decoded, Event, EventType};
    let params = pairs(&[
        ("EventType", "onSomethingNew"),
        ("Brand", "new é"),
        ("ChannelSid", "CH00000000000000000000000000000001"),
        ("Brand", "twice"),
    ]);
    let event = Event::from_params(received(&params)).expect("an event");
    assert_eq!(
        event.event_type(),
        &EventType::Unknown("onSomethingNew".into())
    );
    assert!(!event.event_type().is_pre_event());
    assert_eq!(event.params().to_vec(), params);
    assert_eq!(event.param("Brand"), Some("new é"));
    assert_eq!(event.decode(), Decoded::Unknown("onSomethingNew".into()));
    // A declared parameter reads on an unknown event too.
    assert_eq!(
        event.channel_sid().expect("a SID").map(|s| s.to_string()),
        Some("CH00000000000000000000000000000001".into())
    );
    assert_eq!(
        Event::from_params([("Body", "hi")].into_iter().collect()),
        Err(WebhookError::MissingEventType)
    );
}

#[test]
fn parameters_read_as_the_crate_types() {
    use twilio_chat_v2::types::{EventSource, MemberReason};
    use twilio_chat_v2::webhooks::{Decoded, Event};
    let event = Event::from_params(received(&pairs(&[
        ("EventType", "onMessageSent"),
        ("AccountSid", "AC00000000000000000000000000000000"),
        ("InstanceSid", "IS00000000000000000000000000000000"),
        ("Source", "SDK"),
        ("RetryCount", "2"),
        ("MessageSid", "IM00000000000000000000000000000000"),
        ("Index", "41"),
        ("ChannelSid", "CH00000000000000000000000000000000"),
        ("Body", "Hello, é & ="),
        ("Attributes", r#"{"importance":"high","n":1}"#),
        ("From", "alice"),
        ("DateCreated", "2016-09-08T12:27:33.384Z"),
    ])))
    .expect("an event");
    assert_eq!(event.index(), Ok(Some(41)));
    assert_eq!(event.retry_count(), Ok(Some(2)));
    assert_eq!(event.source(), Ok(Some(EventSource::Sdk)));
    assert_eq!(event.body().expect("text").as_deref(), Some("Hello, é & ="));
    assert_eq!(
        event.attributes().expect("JSON"),
        Some(serde_json::json!({"importance": "high", "n": 1}))
    );
    let created = event.date_created().expect("a date").expect("present");
    assert_eq!(created.unix_timestamp(), 1_473_337_653);
    assert_eq!(created.millisecond(), 384);
    assert_eq!(event.reason(), Ok(None), "not sent");
    let Decoded::OnMessageSent(sent) = event.decode() else {
        panic!("not onMessageSent");
    };
    assert_eq!(sent.index, Some(41));
    assert_eq!(sent.message_sid, event.message_sid().expect("a SID"));
    assert_eq!(sent.from.as_deref(), Some("alice"));
    assert_eq!(
        sent.instance_sid.map(|s| s.to_string()).as_deref(),
        Some("IS00000000000000000000000000000000")
    );

    // A value the docs don't list for an enum is kept, not refused.
    let event = Event::from_params(received(&pairs(&[
        ("EventType", "onMemberRemoved"),
        ("Source", "SMS"),
        ("Reason", "LEFT"),
        ("IsOnline", "True"),
    ])))
    .expect("an event");
    assert_eq!(event.source(), Ok(Some(EventSource::Unknown("SMS".into()))));
    assert_eq!(event.reason(), Ok(Some(MemberReason::Left)));
    assert_eq!(event.is_online(), Ok(Some(true)));
}

#[test]
fn a_parameter_that_does_not_parse_is_an_error_naming_it() {
    use twilio_conversations_v1::webhooks::{Decoded, Event};
    for (name, value, read) in [
        ("ConversationSid", "MB00000000000000000000000000000000", 0),
        ("ConversationSid", "CH0000", 0),
        ("Index", "forty-one", 1),
        ("DateCreated", "yesterday", 2),
        ("Attributes", "{not json", 3),
        ("isOnline", "maybe", 4),
        ("ChannelMessageSid", "SM0000000000000000000000000000000g", 5),
    ] {
        let event = Event::from_params(received(&pairs(&[
            ("EventType", "onMessageUpdated"),
            (name, value),
        ])))
        .expect("an event");
        let err = match read {
            0 => event.conversation_sid().map(|_| ()),
            1 => event.index().map(|_| ()),
            2 => event.date_created().map(|_| ()),
            3 => event.attributes().map(|_| ()),
            4 => event.is_online().map(|_| ()),
            _ => event.channel_message_sid().map(|_| ()),
        }
        .expect_err(value);
        assert_eq!(err.param, name, "{err}");
        assert!(
            err.to_string()
                .starts_with(&format!("webhook parameter {name}: ")),
            "{err}"
        );
        // The event still decodes: the parameter is `None` in its struct and named
        // in `unparsed`, where the event lists it.
        let Decoded::OnMessageUpdated(updated) = event.decode() else {
            panic!("not onMessageUpdated");
        };
        let listed = !matches!(name, "isOnline" | "ChannelMessageSid");
        let unparsed: Vec<&str> = updated.unparsed.iter().map(|e| e.param).collect();
        assert_eq!(unparsed, if listed { vec![name] } else { vec![] }, "{name}");
        assert_eq!(updated.conversation_sid, None);
        assert_eq!(updated.index, None);
    }
}

/// The day Twilio sends a SID with a new prefix, a pre-event must still be answered:
/// the event decodes with every other parameter read, and can be allowed.
#[test]
fn a_pre_event_with_an_odd_sid_still_decodes_and_is_allowed() {
    use twilio_conversations_v1::webhooks::{Decoded, Event};
    let event = Event::from_params(received(&pairs(&[
        ("EventType", "onMessageAdd"),
        ("AccountSid", "AC00000000000000000000000000000000"),
        ("ConversationSid", "XX00000000000000000000000000000000"),
        ("Body", "hello"),
        ("Author", "alice"),
    ])))
    .expect("an event");
    let Decoded::OnMessageAdd(add) = event.decode() else {
        panic!("not onMessageAdd");
    };
    assert_eq!(add.body.as_deref(), Some("hello"));
    assert_eq!(add.author.as_deref(), Some("alice"));
    assert!(add.account_sid.is_some());
    assert_eq!(add.conversation_sid, None);
    assert_eq!(add.unparsed.len(), 1);
    assert_eq!(add.unparsed[0].param, "ConversationSid");
    assert_eq!(
        event.param("ConversationSid"),
        Some("XX00000000000000000000000000000000")
    );
    assert_eq!(event.allow().status(), 200);
}

#[test]
fn answers_carry_the_specs_status_and_changes() {
    use twilio_conversations_v1::webhooks::{Event, OnConversationAddChanges, OnMessageAddChanges};
    let event =
        Event::from_params(received(&pairs(&[("EventType", "onMessageAdd")]))).expect("an event");
    assert_eq!(event.reject().status(), 403);
    assert_eq!(event.reject().body(), "");
    let allowed = event.allow();
    assert_eq!(
        (allowed.status(), allowed.body(), allowed.content_type()),
        (200, "", None)
    );

    let changed = OnMessageAddChanges::new()
        .body("[redacted]")
        .attributes(r#"{"moderated":true}"#)
        .into_response();
    assert_eq!(changed.status(), 200);
    assert_eq!(changed.content_type(), Some("application/json"));
    let json: serde_json::Value = serde_json::from_str(changed.body()).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({"body": "[redacted]", "attributes": "{\"moderated\":true}"})
    );
    let renamed = OnConversationAddChanges::new()
        .friendly_name("Support")
        .into_response();
    assert_eq!(renamed.body(), r#"{"friendly_name":"Support"}"#);
    // No changes set: an empty object, which Twilio reads as "go ahead unchanged".
    assert_eq!(OnMessageAddChanges::new().into_response().body(), "{}");

    let chat = twilio_chat_v2::webhooks::Event::from_params(received(&pairs(&[(
        "EventType",
        "onMessageSend",
    )])))
    .expect("an event");
    assert_eq!(chat.reject().status(), 403);
}

// ---------------------------------------------------------------------------------
// The example receivers, as processes
// ---------------------------------------------------------------------------------

/// The webhook receiver example of `krate`, watching for `word`.
fn start_receiver(krate: &str, word: &str) -> Receiver {
    let program = format!("{}_webhook_receiver", krate.replace('-', "_"));
    let binary = crate::client::example_program::example_binary(krate, &program);
    Receiver::start(binary, &["https://hooks.example.com", word], TOKEN)
}

/// Posts `params` signed as Twilio signs them, to the path of `URL`.
async fn post_signed(receiver: &Receiver, params: &[(String, String)]) -> (u16, String) {
    let signature = WebhookValidator::new(TOKEN).sign_form(URL, params);
    receiver.post(path(), Some(&signature), form(params)).await
}

fn path() -> &'static str {
    URL.strip_prefix("https://hooks.example.com").expect("URL")
}

/// The receiver of `krate` refuses what Twilio didn't sign, rejects `event` when
/// `param` holds the word, allows it otherwise, and logs `post_event`.
async fn check_receiver(krate: &str, event: &str, param: &str, post_event: &str) {
    let mut receiver = start_receiver(krate, "forbidden");

    let clean = pairs(&[
        ("EventType", event),
        (param, "all good here"),
        ("AccountSid", "AC00000000000000000000000000000000"),
    ]);
    // Unsigned, signed with another token, changed on the way, too long: refused.
    assert_eq!(receiver.post(path(), None, form(&clean)).await.0, 403);
    assert!(receiver
        .next_line()
        .starts_with("refused: the request has no X-Twilio-Signature"));
    let forged = WebhookValidator::new("not-the-token").sign_form(URL, &clean);
    assert_eq!(
        receiver.post(path(), Some(&forged), form(&clean)).await.0,
        403
    );
    assert!(receiver.next_line().contains("does not match"));
    let signature = WebhookValidator::new(TOKEN).sign_form(URL, &clean);
    let mut tampered = clean.clone();
    tampered[1].1 = "forbidden words".into();
    assert_eq!(
        receiver
            .post(path(), Some(&signature), form(&tampered))
            .await
            .0,
        403
    );
    assert!(receiver.next_line().contains("does not match"));
    let long = vec![b'a'; WebhookValidator::DEFAULT_MAX_BODY_BYTES + 1];
    assert_eq!(receiver.post(path(), Some(&signature), long).await.0, 403);
    assert!(receiver
        .next_line()
        .contains("longer than the 65536-byte limit"));

    // Signed: the word rejects, its absence allows.
    let bad = pairs(&[("EventType", event), (param, "some forbidden text")]);
    assert_eq!(post_signed(&receiver, &bad).await, (403, String::new()));
    assert_eq!(receiver.next_line(), format!("rejected {event}"));
    assert_eq!(post_signed(&receiver, &clean).await, (200, String::new()));
    assert_eq!(receiver.next_line(), format!("allowed {event}"));

    // A post-event is logged with its parameters, even one holding the word.
    let post = pairs(&[
        ("EventType", post_event),
        (param, "forbidden, but already sent"),
    ]);
    assert_eq!(post_signed(&receiver, &post).await.0, 200);
    let line = receiver.next_line();
    assert!(line.starts_with(&format!("{post_event} [")), "{line}");
    assert!(line.contains("forbidden, but already sent"), "{line}");
}

#[tokio::test]
async fn the_chat_receiver_rejects_a_message_with_the_word() {
    check_receiver("twilio-chat-v2", "onMessageSend", "Body", "onMessageSent").await;
}

#[tokio::test]
async fn the_conversations_receiver_rejects_a_message_with_the_word() {
    check_receiver(
        "twilio-conversations-v1",
        "onMessageAdd",
        "Body",
        "onMessageAdded",
    )
    .await;
}
