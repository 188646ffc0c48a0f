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

mod csharp;
mod escaping;
mod python;

pub(super) const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

pub(super) fn voice(r: VoiceResponse) -> String {
    r.to_xml()
        .expect("a document")
        .strip_prefix(DECLARATION)
        .expect("declared")
        .to_owned()
}

pub(super) fn messaging(r: MessagingResponse) -> String {
    r.to_xml()
        .expect("a document")
        .strip_prefix(DECLARATION)
        .expect("declared")
        .to_owned()
}
