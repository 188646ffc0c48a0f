//! Answers as Twilio has really sent them, not as its OpenAPI describes them: the
//! generated records read them as far as they can be read and name each field they
//! had to leave out, and a write that succeeded never comes back as an error. How the
//! runtime repairs an answer is tested here, through generated types, because it is
//! the generated attributes (`unread_fields`, the page's records key) that make it
//! work; the error for a body that can't be read at all is the runtime's.

use super::wire::client;
use futures_util::StreamExt;
use serde_json::{json, Value};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

async fn answering(status: u16, body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    server
}

fn participant(role_sid: Value) -> Value {
    json!({
        "account_sid": ACCOUNT,
        "conversation_sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "sid": "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "identity": "alice",
        "role_sid": role_sid,
        "date_created": "2015-12-16T22:18:37Z",
        "last_read_message_index": 3,
        "a_field_from_the_future": {"x": 1},
    })
}

/// A `201 Created` whose `role_sid` is not a Role SID: the participant was created,
/// so the create succeeds, with the field left out and named.
#[tokio::test]
async fn a_created_record_with_a_bad_sid_is_read_and_the_field_named() {
    use twilio_conversations_v1::resources::conversation_participant::CreateConversationParticipant;
    use twilio_conversations_v1::Client;
    for (sent, named) in [
        (json!("null"), Some(r#""null""#)),
        (
            json!("XXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            Some(r#""XXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#),
        ),
        // A neighbouring kind's SID: a Service Role where a Conversation Role goes
        // would pass; a Channel's doesn't.
        (
            json!("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            Some(r#""CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#),
        ),
        (json!(42), Some("42")),
        // An empty string is how an unset SID is written: no problem to name.
        (json!(""), None),
        (Value::Null, None),
    ] {
        let server = answering(201, participant(sent.clone())).await;
        let created = client::<Client>(&server)
            .conversation_participants("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .create(CreateConversationParticipant::new().identity("alice"))
            .await
            .unwrap_or_else(|e| panic!("{sent}: {e}"));
        assert_eq!(created.role_sid, None, "{sent}");
        assert_eq!(created.identity.as_deref(), Some("alice"));
        assert_eq!(created.last_read_message_index, Some(3));
        assert!(created.sid.is_some() && created.date_created.is_some());
        let unread: Vec<(&str, &str)> = created
            .unread_fields
            .iter()
            .map(|u| (u.path.as_str(), u.value.as_str()))
            .collect();
        assert_eq!(
            unread,
            named
                .map(|v| ("role_sid", v))
                .into_iter()
                .collect::<Vec<_>>()
        );
        if let Some(field) = created.unread_fields.first() {
            assert!(!field.reason.is_empty());
        }
    }
}

fn message(sid: &str, extra: Value) -> Value {
    let mut record = json!({
        "account_sid": ACCOUNT,
        "sid": sid,
        "body": "hello",
        "status": "delivered",
        "error_code": null,
        "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
        "num_segments": "1",
    });
    record
        .as_object_mut()
        .expect("an object")
        .extend(extra.as_object().expect("an object").clone());
    record
}

fn message_page(records: Vec<Value>) -> Value {
    json!({
        "messages": records,
        "first_page_uri": "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json?PageSize=50&Page=0",
        "next_page_uri": null,
        "page": 0,
        "page_size": 50,
        "previous_page_uri": null,
        "uri": "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json?PageSize=50&Page=0",
        "start": 0,
        "end": 2,
    })
}

/// One odd record does not lose the page: each record names its own odd fields, and
/// a code sent as text where the OpenAPI says integer is read as the number it is.
#[tokio::test]
async fn inside_a_page_each_record_names_its_own_odd_fields() {
    use twilio_api_v2010::resources::message::ListMessages;
    use twilio_api_v2010::Client;
    let page = message_page(vec![
        message(
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
            json!({"error_code": "30003"}),
        ),
        message(
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2",
            json!({"account_sid": "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "date_updated": "yesterday"}),
        ),
        message(
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3",
            json!({"error_code": 30008}),
        ),
    ]);
    let server = answering(200, page).await;
    let account = ACCOUNT.parse().expect("an Account SID");
    let client = client::<Client>(&server);
    let messages = client.with_account(&account).messages();
    let listed = messages.list(ListMessages::new()).await.expect("a page");
    assert_eq!(listed.messages.len(), 3);
    assert!(listed.unread_fields.is_empty());
    let [first, second, third] = &listed.messages[..] else {
        panic!("three records");
    };
    assert_eq!(first.error_code, Some(30003));
    assert!(first.unread_fields.is_empty(), "{:?}", first.unread_fields);
    assert_eq!(third.error_code, Some(30008));
    assert_eq!(second.account_sid, None);
    assert_eq!(second.date_updated, None);
    assert!(
        second.date_created.is_some(),
        "an RFC 2822 date still reads"
    );
    assert_eq!(second.body.as_deref(), Some("hello"));
    let mut paths: Vec<&str> = second
        .unread_fields
        .iter()
        .map(|u| u.path.as_str())
        .collect();
    paths.sort_unstable();
    assert_eq!(paths, ["account_sid", "date_updated"]);

    // The stream reads the same page the same way.
    let streamed: Vec<_> = messages.stream(ListMessages::new()).collect().await;
    let streamed: Vec<_> = streamed.into_iter().map(|m| m.expect("a record")).collect();
    assert_eq!(streamed, listed.messages);
}

/// A fetch of a record whose SID has a prefix the OpenAPI doesn't document (a
/// `trunk_sid` of `TR…` where `TK…` is documented), and a code as a number where it
/// says string.
#[tokio::test]
async fn a_fetched_record_reads_despite_odd_fields() {
    use twilio_api_v2010::Client;
    let number = json!({
        "account_sid": ACCOUNT,
        "sid": "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "phone_number": "+15005550006",
        "trunk_sid": "TRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "date_created": "Thu, 30 Jul 2015 23:19:04 +0000",
    });
    let server = answering(200, number).await;
    let account = ACCOUNT.parse().expect("an Account SID");
    let fetched = client::<Client>(&server)
        .with_account(&account)
        .incoming_phone_numbers()
        .fetch(&"PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().expect("a SID"))
        .await
        .expect("a record");
    assert_eq!(fetched.trunk_sid, None);
    assert_eq!(fetched.phone_number.as_deref(), Some("+15005550006"));
    assert_eq!(fetched.unread_fields.len(), 1);
    assert_eq!(fetched.unread_fields[0].path, "trunk_sid");

    let notification = json!({
        "account_sid": ACCOUNT,
        "sid": "NOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "error_code": 11200,
        "log": 0,
    });
    let server = answering(200, notification).await;
    let fetched = client::<Client>(&server)
        .with_account(&account)
        .notification_instance_notifications()
        .fetch(&"NOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().expect("a SID"))
        .await
        .expect("a record");
    assert_eq!(fetched.error_code.as_deref(), Some("11200"));
    assert!(fetched.unread_fields.is_empty());
}

/// The runtime and the generator name the key that carries unread fields once each;
/// this holds them equal.
#[test]
fn the_generator_and_the_runtime_agree_on_the_unread_key() {
    assert_eq!(
        codegen::generated_crate::UNREAD_KEY,
        twilio_codegen_runtime::__private::UNREAD_KEY
    );
}

/// A page without `meta` (numbers v1's port-in requests in Twilio's example page by
/// token instead): its records are read, and it is the last page.
#[tokio::test]
async fn a_page_without_meta_is_read_as_the_last_page() {
    use twilio_conversations_v1::resources::conversation::ListConversations;
    use twilio_conversations_v1::Client;
    let record = json!({
        "account_sid": ACCOUNT,
        "sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "friendly_name": "support",
    });
    let server = answering(200, json!({"conversations": [record.clone(), record]})).await;
    let client = client::<Client>(&server);
    let listed = client
        .conversations()
        .list(ListConversations::new())
        .await
        .expect("a page");
    assert_eq!(listed.conversations.len(), 2);
    assert_eq!(listed.meta.next_page_url, None);
    let streamed: Vec<_> = client
        .conversations()
        .stream(ListConversations::new())
        .collect()
        .await;
    assert_eq!(streamed.len(), 2, "one page, then the end: {streamed:?}");
    assert!(streamed.iter().all(Result::is_ok));
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(2));
}

/// Prices as Twilio writes them: text with trailing zeros, a number, an empty string
/// for a message not yet priced, and text that is no amount (named, not fatal).
#[tokio::test]
async fn prices_are_kept_as_written() {
    use twilio_api_v2010::resources::message::ListMessages;
    use twilio_api_v2010::Client;
    let page = message_page(vec![
        message(
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
            json!({"price": "-0.00750"}),
        ),
        message("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2", json!({"price": 0.05})),
        message("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3", json!({"price": ""})),
        message(
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa4",
            json!({"price": "free"}),
        ),
    ]);
    let server = answering(200, page).await;
    let account = ACCOUNT.parse().expect("an Account SID");
    let client = client::<Client>(&server);
    let listed = client
        .with_account(&account)
        .messages()
        .list(ListMessages::new())
        .await
        .expect("a page");
    let prices: Vec<Option<&str>> = listed
        .messages
        .iter()
        .map(|m| m.price.as_ref().map(|p| p.as_str()))
        .collect();
    assert_eq!(prices, [Some("-0.00750"), Some("0.05"), None, None]);
    let unread: Vec<&str> = listed.messages[3]
        .unread_fields
        .iter()
        .map(|u| u.path.as_str())
        .collect();
    assert_eq!(unread, ["price"]);
    // A price as a JSON number or an empty string is read, not repaired.
    for read in &listed.messages[..3] {
        assert!(read.unread_fields.is_empty(), "{:?}", read.unread_fields);
    }
}

/// How a record reads its keys (each record's `Deserialize` names its fields, the
/// runtime's visitor reads them): a key it doesn't know is skipped whatever its value,
/// a key written with escapes is the same key, and one sent twice keeps its last
/// value, as the JSON tree of a repaired answer would.
#[tokio::test]
async fn a_record_reads_its_keys_as_json_means_them() {
    use twilio_api_v2010::Client;
    let body = r#"{"sid": "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", "a_new_field": {"nested": [1, {"sid": 2}]},
        "body": "first", "b\u006fdy": "second", "num_segments": null, "status": "sent"}"#;
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let account = ACCOUNT.parse().expect("an Account SID");
    let sid = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1".parse().expect("a SID");
    let fetched = client::<Client>(&server)
        .with_account(&account)
        .messages()
        .fetch(&sid)
        .await
        .expect("a record");
    assert_eq!(fetched.sid, Some(sid));
    assert_eq!(fetched.body.as_deref(), Some("second"));
    assert_eq!(fetched.num_segments, None);
    assert_eq!(fetched.status.as_ref().map(|s| s.as_str()), Some("sent"));
    assert!(
        fetched.unread_fields.is_empty(),
        "{:?}",
        fetched.unread_fields
    );
}

/// A page must hold its records: without them the answer is no page, and the error
/// names the key. Every other field of a page may be missing.
#[tokio::test]
async fn a_page_without_its_records_is_an_error_that_names_them() {
    use twilio_api_v2010::resources::message::ListMessages;
    use twilio_api_v2010::Client;
    let server = answering(200, json!({"page": 0, "page_size": 50})).await;
    let account = ACCOUNT.parse().expect("an Account SID");
    let err = client::<Client>(&server)
        .with_account(&account)
        .messages()
        .list(ListMessages::new())
        .await
        .expect_err("no records, no page");
    assert!(err.to_string().contains("`messages`"), "{err}");
    let server = answering(200, json!({"messages": []})).await;
    let listed = client::<Client>(&server)
        .with_account(&account)
        .messages()
        .list(ListMessages::new())
        .await
        .expect("a page with nothing else");
    assert!(listed.messages.is_empty());
}
