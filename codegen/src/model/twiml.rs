//! A TwiML vocabulary: documents, their elements and attribute values.

/// A TwiML vocabulary: enums of attribute values, and a module per document.
#[derive(Debug)]
pub struct Twiml {
    pub enums: Vec<TwimlEnum>,
    pub documents: Vec<TwimlDocument>,
}

/// An enum of attribute values, at the crate root.
#[derive(Debug)]
pub struct TwimlEnum {
    pub name: String,
    pub doc: String,
    /// `(variant, value as written)`.
    pub variants: Vec<(String, String)>,
    /// It has `Other(String)` for values beyond the list.
    pub open: bool,
}

/// One kind of document (Voice, Messaging, Fax): a module of builders.
#[derive(Debug)]
pub struct TwimlDocument {
    /// The module: `voice`.
    pub module: String,
    /// The root's Rust name: `VoiceResponse`; its tag is `Response`.
    pub root: String,
    pub doc: String,
    pub source: String,
    /// Indices into `elements` of the root's children.
    pub children: Vec<usize>,
    pub elements: Vec<TwimlElement>,
}

/// A verb or noun: a builder struct.
#[derive(Debug)]
pub struct TwimlElement {
    /// Its Rust name: `Say`, `ReferSip`.
    pub name: String,
    /// Its XML tag: `Say`, `Sip`.
    pub tag: String,
    /// The method that adds it to a parent: `say`, `sip`.
    pub adder: String,
    pub doc: String,
    pub text: TwimlText,
    pub attributes: Vec<TwimlAttribute>,
    /// Indices into the document's `elements`.
    pub children: Vec<usize>,
}

/// Whether an element holds text; read from the spec as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TwimlText {
    /// No text: `<Hangup />`.
    #[default]
    None,
    /// Text given to `new`: `<Say>Hello</Say>`.
    Required,
    /// Text that may be set: `<Dial>` with a number, or with nouns.
    Optional,
}

#[derive(Debug)]
pub struct TwimlAttribute {
    /// As written in the XML: `statusCallbackEvent`.
    pub xml: String,
    /// Its setter: `status_callback_event`.
    pub setter: String,
    pub ty: TwimlType,
    /// Several values, joined by spaces.
    pub list: bool,
    pub doc: String,
}

/// An attribute's value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwimlType {
    String,
    Integer,
    Boolean,
    /// An index into the vocabulary's `enums`.
    Enum(usize),
}
