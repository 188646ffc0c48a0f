//! Escaping, and the errors of what can't be XML.

use super::*;

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

/// A character that needs escaping, or that XML can't carry, is found wherever it
/// falls in a value, its first and last bytes included.
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

/// Attributes set by name are written among the setters' in name order, as
/// Twilio's Python library writes them, whatever order they were set in. (The C#
/// vectors compare attributes as a set: C# keeps the order given.)
#[test]
fn attributes_set_by_name_take_their_place_in_name_order() {
    let xml = voice(
        VoiceResponse::new().gather(
            Gather::new()
                .timeout(5)
                .attribute("newParam2", "1")
                .action("/menu")
                .attribute("newParam1", "value"),
        ),
    );
    assert_eq!(
        xml,
        "<Response><Gather action=\"/menu\" newParam1=\"value\" newParam2=\"1\" timeout=\"5\" /></Response>"
    );
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
