//! What the generator decides for callbacks (requests without an `EventType`), in the
//! API v2010 crate: a signed request reads into the struct for its URL, parameters
//! typed as the crate's SIDs, enums and numbers, media pairs as a list, every
//! parameter kept as sent, and an odd value named instead of failing the request.
//! Signatures themselves are the runtime's, tested in `codegen/runtime/src/tests/`.

use twilio_api_v2010::callbacks::{CallStatusCallback, GatherAction, IncomingMessage};
use twilio_api_v2010::types::{CallStatus, MessageStatus};
use twilio_api_v2010::{WebhookError, WebhookValidator};

const TOKEN: &str = "callback-test-token";
const URL: &str = "https://hooks.example.com/twilio/sms?tenant=acme";
const MESSAGE: &str = "SM0123456789abcdef0123456789abcdef";

/// A form POST of `params` to `URL`, signed as Twilio signs it.
fn signed(params: &[(&str, &str)]) -> http::Request<Vec<u8>> {
    let pairs: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let signature = WebhookValidator::new(TOKEN).sign_form(URL, &pairs);
    http::Request::post("/twilio/sms?tenant=acme")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-twilio-signature", signature)
        .body(
            serde_urlencoded::to_string(&pairs)
                .expect("encodes")
                .into_bytes(),
        )
        .expect("a request")
}

/// A callback struct's `from_request`.
type FromRequest<T> =
    fn(&WebhookValidator, &str, &http::Request<Vec<u8>>) -> Result<T, WebhookError>;

fn read<T>(from_request: FromRequest<T>, params: &[(&str, &str)]) -> T {
    from_request(&WebhookValidator::new(TOKEN), URL, &signed(params)).expect("verifies")
}

#[test]
fn an_incoming_mms_reads_typed_with_its_media_in_order() {
    let message = read(
        IncomingMessage::from_request,
        &[
            ("AccountSid", "AC00000000000000000000000000000000"),
            ("MessageSid", MESSAGE),
            ("From", "+14155550100"),
            ("To", "+14155550199"),
            ("Body", "Hello <world> & all"),
            ("NumMedia", "2"),
            (
                "MediaUrl1",
                "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/SM0/Media/ME1",
            ),
            ("MediaContentType1", "image/png"),
            (
                "MediaUrl0",
                "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/SM0/Media/ME0",
            ),
            ("MediaContentType0", "image/jpeg"),
            ("Forwarded", "true"),
            ("Latitude", "37.7749"),
            ("SomethingNew", "kept"),
        ],
    );
    assert_eq!(
        message.message_sid.as_ref().map(|s| s.as_str()),
        Some(MESSAGE)
    );
    assert_eq!(message.body.as_deref(), Some("Hello <world> & all"));
    assert_eq!(message.num_media, Some(2));
    assert_eq!(message.forwarded, Some(true));
    assert_eq!(message.latitude, Some(37.7749));
    let media: Vec<(&str, Option<&str>)> = message
        .media
        .iter()
        .map(|m| (&m.url[m.url.len() - 3..], m.content_type.as_deref()))
        .collect();
    assert_eq!(
        media,
        [("ME0", Some("image/jpeg")), ("ME1", Some("image/png"))]
    );
    assert!(message.unparsed.is_empty(), "{:?}", message.unparsed);
    assert_eq!(message.params.get("SomethingNew"), Some("kept"));
    assert_eq!(message.params.len(), 13);
}

/// A SID of a kind the crate doesn't know and a count that is no number are named in
/// `unparsed`; everything else is still read, so the receiver can still answer.
#[test]
fn an_odd_value_is_named_and_the_rest_still_read() {
    let message = read(
        IncomingMessage::from_request,
        &[
            ("MessageSid", "XY0123456789abcdef0123456789abcdef"),
            ("NumMedia", "two"),
            ("Body", "hi"),
        ],
    );
    assert_eq!(message.message_sid, None);
    assert_eq!(message.num_media, None);
    assert_eq!(message.body.as_deref(), Some("hi"));
    let named: Vec<&str> = message.unparsed.iter().map(|e| e.param).collect();
    assert_eq!(named, ["MessageSid", "NumMedia"]);
    assert_eq!(
        message.params.get("MessageSid"),
        Some("XY0123456789abcdef0123456789abcdef")
    );
}

#[test]
fn statuses_read_as_the_crates_enums_keeping_new_values() {
    let call = read(
        CallStatusCallback::from_request,
        &[
            ("CallStatus", "no-answer"),
            ("CallDuration", "0"),
            ("Timestamp", "Tue, 01 Dec 2026 10:00:00 +0000"),
        ],
    );
    assert_eq!(call.call_status, Some(CallStatus::NoAnswer));
    assert_eq!(call.call_duration, Some(0));
    assert_eq!(
        call.timestamp.map(|t| t.unix_timestamp()),
        Some(1_796_119_200)
    );
    let call = read(
        CallStatusCallback::from_request,
        &[("CallStatus", "on-mars")],
    );
    assert_eq!(
        call.call_status,
        Some(CallStatus::Unknown("on-mars".into()))
    );
    let message = twilio_api_v2010::callbacks::MessageStatusCallback::from_params(
        [("MessageStatus", "delivered")].into_iter().collect(),
    );
    assert_eq!(message.message_status, Some(MessageStatus::Delivered));
}

#[test]
fn a_gather_reads_digits_and_speech() {
    let gather = read(
        GatherAction::from_request,
        &[
            ("Digits", "1234#"),
            ("SpeechResult", "sales please"),
            ("Confidence", "0.92"),
        ],
    );
    assert_eq!(gather.digits.as_deref(), Some("1234#"));
    assert_eq!(gather.speech_result.as_deref(), Some("sales please"));
    assert_eq!(gather.confidence, Some(0.92));
}

#[test]
fn a_request_not_signed_by_twilio_is_refused() {
    let mut request = signed(&[("Body", "hi")]);
    *request.body_mut() = b"Body=bye".to_vec();
    let refused = IncomingMessage::from_request(&WebhookValidator::new(TOKEN), URL, &request);
    assert_eq!(refused, Err(WebhookError::SignatureMismatch));
    let other = WebhookValidator::new("another token");
    assert!(IncomingMessage::from_request(&other, URL, &signed(&[("Body", "hi")])).is_err());
}

// ---------------------------------------------------------------------------------
// The example receiver `tests/examples/answer_twilio.rs`, as a process
// ---------------------------------------------------------------------------------

const ORIGIN: &str = "https://hooks.example.com";

/// Posts `params` to `path`, signed for the origin the receiver was started with.
async fn post(
    receiver: &crate::receiver::Receiver,
    path: &str,
    params: &[(&str, &str)],
) -> (u16, Option<String>, String) {
    let pairs: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let signature = WebhookValidator::new(TOKEN).sign_form(&format!("{ORIGIN}{path}"), &pairs);
    let body = serde_urlencoded::to_string(&pairs)
        .expect("encodes")
        .into_bytes();
    receiver.post_typed(path, Some(&signature), body).await
}

#[tokio::test]
async fn the_example_answers_an_sms_and_a_call_with_twiml() {
    let binary = crate::client::example_program::example_binary("tests", "answer_twilio");
    let mut receiver = crate::receiver::Receiver::start(binary, &[ORIGIN], TOKEN);

    // An SMS whose body would break hand-written XML is answered, escaped.
    let (status, content_type, body) = post(
        &receiver,
        "/sms",
        &[
            ("From", "+14155550100"),
            ("Body", "</Message><Hangup/> & more"),
        ],
    )
    .await;
    assert_eq!((status, content_type.as_deref()), (200, Some("text/xml")));
    assert_eq!(
        body,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thanks! You sent: \
         &lt;/Message&gt;&lt;Hangup/&gt; &amp; more</Message></Response>"
    );
    assert_eq!(
        receiver.next_line(),
        "sms from +14155550100: </Message><Hangup/> & more"
    );

    // A call gets a greeting and a one-digit menu; the digit, a goodbye.
    let (status, _, body) = post(
        &receiver,
        "/voice",
        &[("From", "+14155550100"), ("CallStatus", "ringing")],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say voice=\"alice\">Thanks for calling.</Say>\
         <Gather action=\"/gather\" method=\"POST\" numDigits=\"1\"><Say>Press 1 for sales, 2 for support.</Say>\
         </Gather></Response>"
    );
    assert_eq!(receiver.next_line(), "call from +14155550100");
    let (_, _, body) = post(&receiver, "/gather", &[("Digits", "2")]).await;
    assert!(
        body.ends_with("<Say>You pressed 2. Goodbye.</Say><Hangup /></Response>"),
        "{body}"
    );
    assert_eq!(receiver.next_line(), "pressed 2");

    // Not signed, or signed for another URL: refused, and nothing is read.
    let unsigned = b"Body=hi".to_vec();
    assert_eq!(receiver.post("/sms", None, unsigned).await.0, 403);
    assert!(receiver
        .next_line()
        .starts_with("refused: the request has no X-Twilio-Signature"));
    let pairs = vec![("Body".to_owned(), "hi".to_owned())];
    let elsewhere = WebhookValidator::new(TOKEN).sign_form(&format!("{ORIGIN}/voice"), &pairs);
    assert_eq!(
        receiver
            .post("/sms", Some(&elsewhere), b"Body=hi".to_vec())
            .await
            .0,
        403
    );
    assert!(receiver.next_line().contains("does not match"));
}
