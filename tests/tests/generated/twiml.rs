//! The TwiML crate against Twilio's own libraries' unit tests, as vectors:
//! twilio-python's `tests/unit/twiml/` byte for byte (its writer is the one this crate
//! matches), and twilio-csharp's `test/Twilio.Test/TwiML/` as documents (the same
//! elements, attributes and text; C# indents, orders attributes as given and writes
//! `encoding="utf-8"`). Both MIT. Then escaping and the errors of what can't be XML.
//!
//! Left out, by design: Python's `append("text")` and `add_child(…)`, and C#'s
//! `AddChild`, which put any text or element anywhere; the builders here allow only
//! what the description allows, and `attribute` for attributes this crate doesn't know.

use twilio_twiml::messaging::{Media, Message, Redirect as MessagingRedirect};
use twilio_twiml::voice::*;
use twilio_twiml::{
    GatherInput, HttpMethod, MessagingResponse, SayVoice, TwimlError, VoiceResponse,
};

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

fn voice(r: VoiceResponse) -> String {
    r.to_xml()
        .expect("a document")
        .strip_prefix(DECLARATION)
        .expect("declared")
        .to_owned()
}

fn messaging(r: MessagingResponse) -> String {
    r.to_xml()
        .expect("a document")
        .strip_prefix(DECLARATION)
        .expect("declared")
        .to_owned()
}

#[test]
fn python_responses() {
    assert_eq!(
        VoiceResponse::new().to_xml().unwrap(),
        format!("{DECLARATION}<Response />")
    );
    assert_eq!(
        voice(
            VoiceResponse::new()
                .hangup(Hangup::new())
                .leave(Leave::new())
                .sms(Sms::new("twilio sms").to("+11234567890").from("+10987654321"))
        ),
        "<Response><Hangup /><Leave /><Sms from=\"+10987654321\" to=\"+11234567890\">twilio sms</Sms></Response>"
    );
    assert_eq!(
        voice(
            VoiceResponse::new().gather(Gather::new().say(Say::new("Hello").voice(SayVoice::Man)))
        ),
        "<Response><Gather><Say voice=\"man\">Hello</Say></Gather></Response>"
    );
}

#[test]
fn python_say() {
    let say = |s: Say| voice(VoiceResponse::new().say(s));
    assert_eq!(say(Say::new("")), "<Response><Say /></Response>");
    assert_eq!(
        say(Say::new("Hello World")),
        "<Response><Say>Hello World</Say></Response>"
    );
    assert_eq!(
        say(Say::new("n\u{e9}cessaire et d'autres")),
        "<Response><Say>nécessaire et d'autres</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey").r#loop(3)),
        "<Response><Say loop=\"3\">Hello Monkey</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey").language("en-gb")),
        "<Response><Say language=\"en-gb\">Hello Monkey</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey").r#loop(3).voice(SayVoice::Woman)),
        "<Response><Say loop=\"3\" voice=\"woman\">Hello Monkey</Say></Response>"
    );
    assert_eq!(
        say(Say::new("Hello Monkey")
            .r#loop(3)
            .voice(SayVoice::Man)
            .language("fr")),
        "<Response><Say language=\"fr\" loop=\"3\" voice=\"man\">Hello Monkey</Say></Response>"
    );
}

#[test]
fn python_play_record_redirect() {
    let one = |r: VoiceResponse| voice(r);
    assert_eq!(
        one(VoiceResponse::new().play(Play::new(""))),
        "<Response><Play /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().play(Play::new("http://hellomonkey.mp3"))),
        "<Response><Play>http://hellomonkey.mp3</Play></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().play(Play::new("http://hellomonkey.mp3").r#loop(3))),
        "<Response><Play loop=\"3\">http://hellomonkey.mp3</Play></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().play(Play::new("").digits("w123"))),
        "<Response><Play digits=\"w123\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().record(Record::new())),
        "<Response><Record /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new()
            .record(Record::new().action("example.com").method(HttpMethod::Get))),
        "<Response><Record action=\"example.com\" method=\"GET\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().record(Record::new().timeout(4).finish_on_key("#").max_length(30))),
        "<Response><Record finishOnKey=\"#\" maxLength=\"30\" timeout=\"4\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().record(Record::new().transcribe_callback("example.com"))),
        "<Response><Record transcribeCallback=\"example.com\" /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().redirect(Redirect::new(""))),
        "<Response><Redirect /></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().redirect(Redirect::new("example.com").method(HttpMethod::Post))),
        "<Response><Redirect method=\"POST\">example.com</Redirect></Response>"
    );
    assert_eq!(
        one(VoiceResponse::new().redirect(Redirect::new("example.com?id=34&action=hey").method(HttpMethod::Post))),
        "<Response><Redirect method=\"POST\">example.com?id=34&amp;action=hey</Redirect></Response>"
    );
}

#[test]
fn python_empty_verbs_and_sms() {
    assert_eq!(
        voice(VoiceResponse::new().hangup(Hangup::new())),
        "<Response><Hangup /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().leave(Leave::new())),
        "<Response><Leave /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().reject(Reject::new())),
        "<Response><Reject /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().echo(Echo::new())),
        "<Response><Echo /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(Sms::new(""))),
        "<Response><Sms /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(Sms::new("Hello, World"))),
        "<Response><Sms>Hello, World</Sms></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(
            Sms::new("Hello, World")
                .to("1231231234")
                .from("3453453456")
                .status_callback("example.com?id=34&action=hey")
        )),
        "<Response><Sms from=\"3453453456\" statusCallback=\"example.com?id=34&amp;action=hey\" to=\"1231231234\">Hello, World</Sms></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().sms(
            Sms::new("Hello").method(HttpMethod::Post).action("example.com?id=34&action=hey")
        )),
        "<Response><Sms action=\"example.com?id=34&amp;action=hey\" method=\"POST\">Hello</Sms></Response>"
    );
}

#[test]
fn python_dial_and_its_nouns() {
    let dial = |d: Dial| voice(VoiceResponse::new().dial(d));
    assert_eq!(
        dial(Dial::new().conference(
            Conference::new("TestConferenceAttributes")
                .beep("false")
                .wait_url("")
                .start_conference_on_enter(true)
                .end_conference_on_exit(true)
        )),
        "<Response><Dial><Conference beep=\"false\" endConferenceOnExit=\"true\" startConferenceOnEnter=\"true\" waitUrl=\"\">TestConferenceAttributes</Conference></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().conference(
            Conference::new("TestConferenceMutedAttribute")
                .beep("false")
                .muted(true)
                .wait_url("")
                .start_conference_on_enter(true)
                .end_conference_on_exit(true)
        )),
        "<Response><Dial><Conference beep=\"false\" endConferenceOnExit=\"true\" muted=\"true\" startConferenceOnEnter=\"true\" waitUrl=\"\">TestConferenceMutedAttribute</Conference></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().queue(Queue::new("TestQueueAttribute").url("").method(HttpMethod::Get))),
        "<Response><Dial><Queue method=\"GET\" url=\"\">TestQueueAttribute</Queue></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().text("1231231234")),
        "<Response><Dial>1231231234</Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().sim(Sim::new("123123123"))),
        "<Response><Dial><Sim>123123123</Sim></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().sip(Sip::new("foo@example.com"))),
        "<Response><Dial><Sip>foo@example.com</Sip></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().sip(Sip::new("foo@example.com").username("foo").password("bar"))),
        "<Response><Dial><Sip password=\"bar\" username=\"foo\">foo@example.com</Sip></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().number(Number::new("1231231234"))),
        "<Response><Dial><Number>1231231234</Number></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().number(
            Number::new("1231231234")
                .status_callback("http://example.com")
                .status_callback_event("initiated completed")
        )),
        "<Response><Dial><Number statusCallback=\"http://example.com\" statusCallbackEvent=\"initiated completed\">1231231234</Number></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().conference(Conference::new("My Room"))),
        "<Response><Dial><Conference>My Room</Conference></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().queue(Queue::new("The Cute Queue"))),
        "<Response><Dial><Queue>The Cute Queue</Queue></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().client(Client::new().text(""))),
        "<Response><Dial><Client /></Dial></Response>"
    );
    assert_eq!(
        dial(Dial::new().client(Client::new().text("alice"))),
        "<Response><Dial><Client>alice</Client></Dial></Response>"
    );
}

#[test]
fn python_enqueue_and_gather() {
    assert_eq!(
        voice(VoiceResponse::new().enqueue(
            Enqueue::new()
                .text("TestEnqueueAttribute")
                .action("act")
                .method(HttpMethod::Get)
                .wait_url("wait")
                .wait_url_method(HttpMethod::Post)
        )),
        "<Response><Enqueue action=\"act\" method=\"GET\" waitUrl=\"wait\" waitUrlMethod=\"POST\">TestEnqueueAttribute</Enqueue></Response>"
    );
    assert_eq!(
        voice(
            VoiceResponse::new().enqueue(
                Enqueue::new()
                    .workflow_sid("123123123")
                    .task(Task::new(r#"{"account_sid": "AC123123123"}"#))
            )
        ),
        r#"<Response><Enqueue workflowSid="123123123"><Task>{"account_sid": "AC123123123"}</Task></Enqueue></Response>"#
    );
    assert_eq!(
        voice(VoiceResponse::new().gather(Gather::new())),
        "<Response><Gather /></Response>"
    );
    assert_eq!(
        voice(VoiceResponse::new().gather(Gather::new().say(Say::new("Hello")))),
        "<Response><Gather><Say>Hello</Say></Gather></Response>"
    );
    assert_eq!(
        voice(
            VoiceResponse::new().gather(
                Gather::new()
                    .say(Say::new("Hey"))
                    .play(Play::new("hey.mp3"))
                    .pause(Pause::new())
            )
        ),
        "<Response><Gather><Say>Hey</Say><Play>hey.mp3</Play><Pause /></Gather></Response>"
    );
}

#[test]
fn python_messaging() {
    assert_eq!(
        MessagingResponse::new().to_xml().unwrap(),
        format!("{DECLARATION}<Response />")
    );
    assert_eq!(
        messaging(
            MessagingResponse::new()
                .message(Message::new("Hello"))
                .redirect(MessagingRedirect::new("example.com"))
        ),
        "<Response><Message>Hello</Message><Redirect>example.com</Redirect></Response>"
    );
    assert_eq!(
        messaging(
            MessagingResponse::new()
                .message(Message::new("Hello").media(Media::new("example.com")))
        ),
        "<Response><Message>Hello<Media>example.com</Media></Message></Response>"
    );
    assert_eq!(
        messaging(MessagingResponse::new().message(Message::new("Hello"))),
        "<Response><Message>Hello</Message></Response>"
    );
    assert_eq!(
        messaging(MessagingResponse::new().redirect(MessagingRedirect::new("example.com"))),
        "<Response><Redirect>example.com</Redirect></Response>"
    );
}

/// An element read back: its tag, attributes sorted by name, its text (whitespace
/// between elements dropped, as C#'s indentation adds it), and its children.
#[derive(Debug, PartialEq)]
struct Node {
    tag: String,
    attributes: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
}

fn node(n: roxmltree::Node) -> Node {
    let mut attributes: Vec<(String, String)> = n
        .attributes()
        .map(|a| (a.name().to_owned(), a.value().to_owned()))
        .collect();
    attributes.sort();
    let text: String = n
        .children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect();
    Node {
        tag: n.tag_name().name().to_owned(),
        attributes,
        text: if text.trim().is_empty() {
            String::new()
        } else {
            text
        },
        children: n.children().filter(|c| c.is_element()).map(node).collect(),
    }
}

/// The one element of our `<Response>`, against C#'s document of that element alone.
fn same_as_csharp(ours: String, csharp: &str) {
    let ours = roxmltree::Document::parse(&ours).expect("our XML parses");
    let theirs = roxmltree::Document::parse(csharp).expect("C#'s XML parses");
    let ours = ours
        .root_element()
        .first_element_child()
        .expect("one element");
    assert_eq!(node(ours), node(theirs.root_element()), "{csharp}");
}

const CSHARP: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

#[test]
fn csharp_elements_with_every_attribute() {
    same_as_csharp(
        VoiceResponse::new()
            .gather(
                Gather::new()
                    .input([GatherInput::Dtmf])
                    .action("https://example.com")
                    .method(HttpMethod::Get)
                    .timeout(1)
                    .speech_timeout("speech_timeout")
                    .max_speech_time("1")
                    .profanity_filter(true)
                    .finish_on_key("finish_on_key")
                    .num_digits(1)
                    .partial_result_callback("https://example.com")
                    .partial_result_callback_method(HttpMethod::Get)
                    .language("af-ZA")
                    .hints("hints")
                    .barge_in(true)
                    .debug(true)
                    .action_on_empty_result(true)
                    .speech_model("speech_model")
                    .enhanced(true),
            )
            .to_xml()
            .unwrap(),
        &format!("{CSHARP}<Gather input=\"dtmf\" action=\"https://example.com\" method=\"GET\" timeout=\"1\" speechTimeout=\"speech_timeout\" maxSpeechTime=\"1\" profanityFilter=\"true\" finishOnKey=\"finish_on_key\" numDigits=\"1\" partialResultCallback=\"https://example.com\" partialResultCallbackMethod=\"GET\" language=\"af-ZA\" hints=\"hints\" bargeIn=\"true\" debug=\"true\" actionOnEmptyResult=\"true\" speechModel=\"speech_model\" enhanced=\"true\"></Gather>"),
    );
    same_as_csharp(
        VoiceResponse::new()
            .dial(
                Dial::new()
                    .text("number")
                    .action("https://example.com")
                    .method(HttpMethod::Get)
                    .timeout(1)
                    .hangup_on_star(true)
                    .time_limit(1)
                    .caller_id("caller_id")
                    .record("do-not-record")
                    .trim("trim-silence")
                    .recording_status_callback("https://example.com")
                    .recording_configuration_id("recording_configuration_id")
                    .recording_status_callback_method(HttpMethod::Get)
                    .recording_status_callback_event("in-progress")
                    .answer_on_bridge(true)
                    .ring_tone("at")
                    .recording_track("both")
                    .sequential(true)
                    .refer_url("https://example.com")
                    .refer_method(HttpMethod::Get)
                    .events("call-progress-event"),
            )
            .to_xml()
            .unwrap(),
        &format!("{CSHARP}<Dial action=\"https://example.com\" method=\"GET\" timeout=\"1\" hangupOnStar=\"true\" timeLimit=\"1\" callerId=\"caller_id\" record=\"do-not-record\" trim=\"trim-silence\" recordingStatusCallback=\"https://example.com\" recordingConfigurationId=\"recording_configuration_id\" recordingStatusCallbackMethod=\"GET\" recordingStatusCallbackEvent=\"in-progress\" answerOnBridge=\"true\" ringTone=\"at\" recordingTrack=\"both\" sequential=\"true\" referUrl=\"https://example.com\" referMethod=\"GET\" events=\"call-progress-event\">number</Dial>"),
    );
    same_as_csharp(
        VoiceResponse::new()
            .say(
                Say::new("message")
                    .voice(SayVoice::Man)
                    .r#loop(1)
                    .language("af-ZA"),
            )
            .to_xml()
            .unwrap(),
        &format!("{CSHARP}<Say voice=\"man\" loop=\"1\" language=\"af-ZA\">message</Say>"),
    );
    same_as_csharp(
        MessagingResponse::new()
            .message(
                Message::new("body")
                    .to("to")
                    .from("from")
                    .action("https://example.com")
                    .method(HttpMethod::Get)
                    .status_callback("https://example.com"),
            )
            .to_xml()
            .unwrap(),
        &format!("{CSHARP}<Message to=\"to\" from=\"from\" action=\"https://example.com\" method=\"GET\" statusCallback=\"https://example.com\">body</Message>"),
    );
}

#[test]
fn csharp_children_and_extra_attributes() {
    same_as_csharp(
        VoiceResponse::new()
            .gather(
                Gather::new()
                    .say(Say::new("message").voice(SayVoice::Man).r#loop(1).language("af-ZA"))
                    .pause(Pause::new().length(1))
                    .play(Play::new("https://example.com").r#loop(1).digits("digits")),
            )
            .to_xml()
            .unwrap(),
        &format!("{CSHARP}<Gather>\n  <Say voice=\"man\" loop=\"1\" language=\"af-ZA\">message</Say>\n  <Pause length=\"1\"></Pause>\n  <Play loop=\"1\" digits=\"digits\">https://example.com</Play>\n</Gather>"),
    );
    same_as_csharp(
        VoiceResponse::new()
            .gather(
                Gather::new()
                    .attribute("newParam1", "value")
                    .attribute("newParam2", "1"),
            )
            .to_xml()
            .unwrap(),
        &format!("{CSHARP}<Gather newParam1=\"value\" newParam2=\"1\"></Gather>"),
    );
}

/// Every value is escaped: a body can't close its element or add one, and an
/// attribute can't end early; tabs and line breaks in an attribute survive a parser.
#[test]
fn text_and_attributes_are_escaped() {
    let hostile = "</Message><Redirect>https://evil.example</Redirect> & \"quoted\" 'single'";
    let xml = messaging(MessagingResponse::new().message(Message::new(hostile).to(hostile)));
    assert_eq!(
        xml,
        "<Response><Message to=\"&lt;/Message&gt;&lt;Redirect&gt;https://evil.example&lt;/Redirect&gt; &amp; &quot;quoted&quot; 'single'\">\
         &lt;/Message&gt;&lt;Redirect&gt;https://evil.example&lt;/Redirect&gt; &amp; \"quoted\" 'single'</Message></Response>"
    );
    let doc = MessagingResponse::new()
        .message(
            Message::new(hostile)
                .to("a\tb\nc\rd")
                .attribute("x-custom", hostile),
        )
        .to_xml()
        .unwrap();
    let parsed = roxmltree::Document::parse(&doc).expect("well-formed");
    let message = parsed.root_element().first_element_child().unwrap();
    assert_eq!(
        message.children().count(),
        1,
        "one text node, no injected element"
    );
    assert_eq!(message.text(), Some(hostile));
    assert_eq!(message.attribute("to"), Some("a\tb\nc\rd"));
    assert_eq!(message.attribute("x-custom"), Some(hostile));
}

/// The writer passes over eight bytes at a time: a character that needs escaping,
/// or that XML can't carry, is found wherever it falls in a word, including the
/// last few bytes of a value.
#[test]
fn escaping_finds_a_character_anywhere_in_a_value() {
    let cases = [
        ("&", "&amp;", "&amp;"),
        ("<", "&lt;", "&lt;"),
        (">", "&gt;", "&gt;"),
        ("\"", "\"", "&quot;"),
        ("\t", "\t", "&#09;"),
        ("\n", "\n", "&#10;"),
        ("\r", "\r", "&#13;"),
        ("'", "'", "'"),
        ("\u{ef}", "\u{ef}", "\u{ef}"),
    ];
    for len in 1..=19 {
        for at in 0..len {
            let (before, after) = ("a".repeat(at), "b".repeat(len - at - 1));
            for (raw, in_text, in_attribute) in cases {
                let value = format!("{before}{raw}{after}");
                let xml =
                    messaging(MessagingResponse::new().message(Message::new(&value).to(&value)));
                assert_eq!(
                    xml,
                    format!(
                        "<Response><Message to=\"{before}{in_attribute}{after}\">\
                         {before}{in_text}{after}</Message></Response>"
                    ),
                    "{value:?}"
                );
            }
            for bad in ["\u{0}", "\u{1f}", "\u{fffe}", "\u{ffff}"] {
                let value = format!("{before}{bad}{after}");
                let text = MessagingResponse::new()
                    .message(Message::new(&value))
                    .to_xml();
                let to = MessagingResponse::new()
                    .message(Message::new("x").to(&value))
                    .to_xml();
                assert!(text.is_err() && to.is_err(), "{value:?}");
            }
        }
    }
}

#[test]
fn a_typed_setter_and_attribute_by_name_set_one_attribute() {
    let xml = voice(
        VoiceResponse::new().say(
            Say::new("Hi")
                .voice(SayVoice::Man)
                .attribute("voice", "Polly.Joanna"),
        ),
    );
    assert_eq!(
        xml,
        "<Response><Say voice=\"Polly.Joanna\">Hi</Say></Response>"
    );
    let xml = voice(
        VoiceResponse::new()
            .say(Say::new("Hi").voice(SayVoice::Other("Google.en-US-Neural2-F".into()))),
    );
    assert_eq!(
        xml,
        "<Response><Say voice=\"Google.en-US-Neural2-F\">Hi</Say></Response>"
    );
}

#[test]
fn what_xml_cannot_hold_is_an_error_not_a_broken_document() {
    let err = MessagingResponse::new()
        .message(Message::new("bell \u{7}"))
        .to_xml()
        .unwrap_err();
    assert_eq!(
        err,
        TwimlError::Character {
            element: "Message",
            attribute: None,
            code_point: 7
        }
    );
    assert_eq!(
        err.to_string(),
        "the text of <Message> holds U+0007, which XML can't carry"
    );
    let err = VoiceResponse::new()
        .say(Say::new("x").language("en\u{0}"))
        .to_xml()
        .unwrap_err();
    assert!(
        matches!(err, TwimlError::Character { element: "Say", attribute: Some(ref a), code_point: 0 } if a == "language")
    );
    let err = VoiceResponse::new()
        .say(Say::new("x").attribute("bad name", "v"))
        .to_xml()
        .unwrap_err();
    assert_eq!(
        err,
        TwimlError::AttributeName {
            element: "Say",
            name: "bad name".into()
        }
    );
    // Names a namespace-aware parser would refuse, or read as a declaration.
    for name in [
        "a=\"1\" b",
        "t:",
        "x:y",
        ":a",
        "xmlns",
        "xmlns:a",
        "1a",
        "",
        "xml:xmlns",
        "xml:a",
    ] {
        let err = VoiceResponse::new()
            .hangup(Hangup::new().attribute(name, "v"))
            .to_xml();
        assert!(
            matches!(err, Err(TwimlError::AttributeName { .. })),
            "{name:?}: {err:?}"
        );
    }
    let lang = VoiceResponse::new().hangup(Hangup::new().attribute("xml:lang", "fr-FR"));
    assert!(roxmltree::Document::parse(&lang.to_xml().unwrap()).is_ok());
    // U+FFFE and U+FFFF are not XML characters either; everything else is kept.
    assert!(MessagingResponse::new()
        .message(Message::new("\u{FFFF}"))
        .to_xml()
        .is_err());
    let all = "é 漢字 🎉 \u{7F} \u{85}";
    assert_eq!(
        messaging(MessagingResponse::new().message(Message::new(all))),
        format!("<Response><Message>{all}</Message></Response>")
    );
}

/// SSML inside `<Say>`: twilio-csharp's vectors, and an `xml:lang` a parser reads in
/// the XML namespace.
#[test]
fn csharp_ssml() {
    let say = |s: Say| VoiceResponse::new().say(s).to_xml().unwrap();
    let inner = |xml: String| {
        let doc = roxmltree::Document::parse(&xml).expect("XML");
        let say = doc.root_element().first_element_child().unwrap();
        node(say.first_element_child().expect("the SSML element"))
    };
    let csharp = |xml: &str| {
        node(
            roxmltree::Document::parse(&format!("{CSHARP}{xml}"))
                .unwrap()
                .root_element(),
        )
    };
    assert_eq!(
        inner(say(
            Say::new("").r#break(SsmlBreak::new().strength("none").time("time"))
        )),
        csharp("<break strength=\"none\" time=\"time\"></break>")
    );
    assert_eq!(
        inner(say(Say::new("").say_as(
            SsmlSayAs::new("words")
                .interpret_as("characters")
                .format("mdy")
        ))),
        csharp("<say-as interpret-as=\"characters\" format=\"mdy\">words</say-as>")
    );
    assert_eq!(
        inner(say(Say::new("").prosody(
            SsmlProsody::new()
                .text("words")
                .volume("volume")
                .rate("rate")
                .pitch("pitch")
        ))),
        csharp("<prosody volume=\"volume\" rate=\"rate\" pitch=\"pitch\">words</prosody>")
    );
    let lang = say(Say::new("").lang(SsmlLang::new().text("words").xml_lang("arb")));
    assert!(
        lang.contains("<lang xml:lang=\"arb\">words</lang>"),
        "{lang}"
    );
    let doc = roxmltree::Document::parse(&lang).unwrap();
    let element = doc.descendants().find(|n| n.has_tag_name("lang")).unwrap();
    assert_eq!(
        element.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        Some("arb")
    );
    // Text first, then the SSML, as twilio-python writes a `<Say>` with both.
    assert_eq!(
        voice(VoiceResponse::new().say(Say::new("Hello").r#break(SsmlBreak::new().time("1s")))),
        "<Response><Say>Hello<break time=\"1s\" /></Say></Response>"
    );
}
