//! The server half's requests: webhooks with an event, callbacks without.

use super::*;

/// The webhooks of an API: its events, every parameter they send, and how to answer.
#[derive(Debug)]
pub struct Webhooks {
    /// Where the events are documented.
    pub source: String,
    pub doc: Option<String>,
    /// The status a pre-event's rejection answers with.
    pub reject_status: u16,
    /// Every declared parameter, in spec order.
    pub params: Vec<WebhookParam>,
    /// Indices into `params` of those every event sends.
    pub common: Vec<usize>,
    pub events: Vec<WebhookEvent>,
    pub example: Option<WebhookExample>,
}

/// Requests Twilio sends to a URL of their own, without an `EventType`.
#[derive(Debug)]
pub struct Callbacks {
    pub doc: Option<String>,
    /// Every declared parameter, in spec order.
    pub params: Vec<WebhookParam>,
    /// Indices into `params` of those every request sends.
    pub common: Vec<usize>,
    pub requests: Vec<CallbackRequest>,
}

/// One kind of callback request, decoded into a struct of its own.
#[derive(Debug)]
pub struct CallbackRequest {
    /// The struct's name: `IncomingMessage`.
    pub name: String,
    /// The docs page that lists its parameters.
    pub source: String,
    pub doc: String,
    pub answer: CallbackAnswer,
    /// Indices into the callbacks' `params` of its own parameters.
    pub params: Vec<usize>,
    /// It carries `MediaUrl{N}`/`MediaContentType{N}` pairs.
    pub media: bool,
}

/// What Twilio does with the answer to a callback; read from the spec as written
/// (`twiml`, `empty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CallbackAnswer {
    /// TwiML instructions: an incoming call or message.
    Twiml,
    /// Nothing: a status report, acknowledged with `200 OK`.
    Empty,
}

/// A parameter of webhook events.
#[derive(Debug)]
pub struct WebhookParam {
    /// `ChannelSid`, `MessagingBinding.Address`.
    pub wire: String,
    /// The accessor and field name: `channel_sid`.
    pub name: String,
    pub ty: Type,
    pub doc: String,
}

/// One event.
#[derive(Debug)]
pub struct WebhookEvent {
    /// Its `EventType`: `onMessageSend`.
    pub wire: String,
    /// The `EventType` variant and the name of its typed struct: `OnMessageSend`.
    pub variant: String,
    pub kind: EventKind,
    pub doc: String,
    /// Indices into the webhooks' `params` of its own parameters (the common ones
    /// besides).
    pub params: Vec<usize>,
    /// The fields a pre-event's answer may change.
    pub modify: Vec<WebhookChange>,
    /// The type that builds such an answer (`OnMessageAddChanges`), if any.
    pub changes_type: Option<String>,
}

/// Whether Twilio waits for the answer to an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Before the action: the answer may allow, change or reject it.
    Pre,
    /// After it: the answer is only acknowledged.
    Post,
}

/// A field a pre-event's answer may change.
#[derive(Debug)]
pub struct WebhookChange {
    /// The JSON key: `body`.
    pub key: String,
    /// Its setter: `body`.
    pub setter: String,
    pub doc: String,
}

/// The receiver program: it rejects `event` when the string parameter `param` holds
/// a word from the command line.
#[derive(Debug)]
pub struct WebhookExample {
    pub event: usize,
    pub param: usize,
    /// Its file stem: the crate's name and `webhook_receiver`, unique in a workspace of
    /// several generated crates.
    pub program: String,
}
