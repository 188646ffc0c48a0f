//! twilio-csharp's `test/Twilio.Test/TwiML/`, as documents: the same elements,
//! attributes and text, read back with a parser.

use super::*;

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
