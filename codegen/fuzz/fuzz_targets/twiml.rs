//! Any text as TwiML's text, attribute values and attribute names (what a receiver
//! echoes back from a caller): `to_xml` must give a document or a `TwimlError`, never
//! panic or hang (run with `-timeout=1`); a document must parse as XML, with the text
//! (its line breaks as a parser reads them) and the attribute values read back as given.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twilio_twiml::messaging::Message;
use twilio_twiml::MessagingResponse;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{1}');
    let (body, name, value) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or("x"),
        parts.next().unwrap_or(""),
    );
    let message = Message::new(body).to(value).attribute(name, value);
    let Ok(xml) = MessagingResponse::new().message(message).to_xml() else {
        return;
    };
    let doc = roxmltree::Document::parse(&xml).expect("the document is XML");
    let element = doc.root_element().first_element_child().expect("the message");
    // A `\r` in text is written as it is, as twilio-python writes it; XML says a
    // parser reads it as `\n` (roxmltree keeps a lone one), so line breaks are
    // compared as line breaks. Attribute values escape it, and keep it.
    let lines = |text: &str| text.replace("\r\n", "\n").replace('\r', "\n");
    assert_eq!(lines(element.text().unwrap_or("")), lines(body));
    assert_eq!(element.attribute("to"), Some(value));
    // roxmltree names an attribute of the `xml:` namespace by that namespace.
    let read = match name.strip_prefix("xml:") {
        Some(local) => element.attribute(("http://www.w3.org/XML/1998/namespace", local)),
        None => element.attribute(name),
    };
    assert_eq!(read, Some(value));
});
