//! Answering Twilio: an SMS auto-reply, and a call answered with `<Say>` and a
//! `<Gather>` menu. Every request's `X-Twilio-Signature` is checked before it is read;
//! each answer is TwiML from `twilio-twiml`, which escapes what the caller sent.
//!
//! ```text
//! TWILIO_AUTH_TOKEN=… cargo run -p tests --example answer_twilio -- <public origin>
//! ```
//!
//! `<public origin>` is the scheme and host Twilio calls, such as
//! `https://example.ngrok.app`: Twilio signs the whole URL, and a request line has
//! only the path. Point a number's message URL at `/sms` and its voice URL at
//! `/voice`. `WEBHOOK_ADDR` is the address to listen on (`127.0.0.1:8080` unless set;
//! port 0 picks one). It prints one line per request.

use std::io::Read;
use twilio_api_v2010::callbacks::{GatherAction, IncomingCall, IncomingMessage};
use twilio_api_v2010::{WebhookError, WebhookResponse, WebhookValidator};
use twilio_twiml::messaging::Message;
use twilio_twiml::voice::{Gather, Hangup, Say};
use twilio_twiml::{HttpMethod, MessagingResponse, SayVoice, TwimlError, VoiceResponse};

type Failure = Box<dyn std::error::Error + Send + Sync>;

fn main() -> Result<(), Failure> {
    let origin = std::env::args()
        .nth(1)
        .ok_or("usage: answer_twilio <public origin>")?;
    let validator = WebhookValidator::new(std::env::var("TWILIO_AUTH_TOKEN")?);
    let addr = std::env::var("WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let server = tiny_http::Server::http(&addr)?;
    let listening = server.server_addr().to_ip().ok_or("not an IP address")?;
    println!("listening on {listening}");
    for mut request in server.incoming_requests() {
        let url = format!("{origin}{}", request.url());
        let http = to_http(&mut request, validator.body_limit())?;
        match answer(&validator, &url, &http) {
            Ok(answer) => request.respond(to_tiny_http(answer))?,
            Err(refused) => {
                println!("refused: {refused}");
                request.respond(tiny_http::Response::empty(403))?;
            }
        }
    }
    Ok(())
}

/// Why a request gets no TwiML: it isn't Twilio's, or the answer can't be written.
#[derive(Debug)]
enum Refusal {
    Webhook(WebhookError),
    Twiml(TwimlError),
    NotFound(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Webhook(e) => write!(f, "{e}"),
            Refusal::Twiml(e) => write!(f, "{e}"),
            Refusal::NotFound(path) => write!(f, "no such URL: {path}"),
        }
    }
}

impl From<WebhookError> for Refusal {
    fn from(e: WebhookError) -> Self {
        Refusal::Webhook(e)
    }
}

impl From<TwimlError> for Refusal {
    fn from(e: TwimlError) -> Self {
        Refusal::Twiml(e)
    }
}

/// The TwiML for a request, by the URL it was sent to.
fn answer(
    validator: &WebhookValidator,
    url: &str,
    request: &http::Request<Vec<u8>>,
) -> Result<WebhookResponse, Refusal> {
    let twiml = match request.uri().path() {
        "/sms" => {
            let message = IncomingMessage::from_request(validator, url, request)?;
            let body = message.body.unwrap_or_default();
            println!("sms from {}: {body}", message.from.unwrap_or_default());
            let reply = format!("Thanks! You sent: {body}");
            MessagingResponse::new()
                .message(Message::new(reply))
                .to_xml()?
        }
        "/voice" => {
            let call = IncomingCall::from_request(validator, url, request)?;
            println!("call from {}", call.from.unwrap_or_default());
            VoiceResponse::new()
                .say(Say::new("Thanks for calling.").voice(SayVoice::Alice))
                .gather(
                    Gather::new()
                        .num_digits(1)
                        .action("/gather")
                        .method(HttpMethod::Post)
                        .say(Say::new("Press 1 for sales, 2 for support.")),
                )
                .to_xml()?
        }
        "/gather" => {
            let gather = GatherAction::from_request(validator, url, request)?;
            let digits = gather.digits.unwrap_or_default();
            println!("pressed {digits}");
            VoiceResponse::new()
                .say(Say::new(format!("You pressed {digits}. Goodbye.")))
                .hangup(Hangup::new())
                .to_xml()?
        }
        other => return Err(Refusal::NotFound(other.to_owned())),
    };
    Ok(WebhookResponse::twiml(twiml))
}

/// The request as `http` has it, its body read up to the validator's limit and one
/// byte more, so that a longer one is refused rather than cut.
fn to_http(
    request: &mut tiny_http::Request,
    limit: usize,
) -> Result<http::Request<Vec<u8>>, Failure> {
    let mut builder = http::Request::builder()
        .method(request.method().as_str())
        .uri(request.url());
    for header in request.headers() {
        builder = builder.header(header.field.as_str().as_str(), header.value.as_str());
    }
    let mut body = Vec::new();
    request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body)?;
    Ok(builder.body(body)?)
}

fn to_tiny_http(answer: WebhookResponse) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut response = tiny_http::Response::from_data(answer.body().as_bytes().to_vec())
        .with_status_code(answer.status());
    if let Some(content_type) = answer.content_type() {
        let header =
            tiny_http::Header::from_bytes("Content-Type", content_type).expect("a valid header");
        response = response.with_header(header);
    }
    response
}
