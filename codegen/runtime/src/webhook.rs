//! The requests Twilio sends: checking that one really comes from Twilio
//! ([`WebhookValidator`]), and answering it ([`WebhookResponse`]).

pub(crate) mod form;
mod signature;
pub(crate) mod url;

use crate::secret::Secret;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::fmt;
use std::ops::Range;
use subtle::ConstantTimeEq as _;

/// Checks `X-Twilio-Signature` on the requests Twilio sends, with the account's auth
/// token (an API key can't: Twilio signs with the token).
///
/// What Twilio signs (HMAC-SHA1 keyed with the auth token, base64):
///
/// - **A form POST**: the URL Twilio called, exactly as configured (query string
///   included), then each POST parameter's name and value with nothing between, names
///   sorted by their bytes. For a name given more than once, each distinct value once,
///   values sorted: what Twilio's Python, Node and PHP libraries do.
/// - **A GET**: the URL alone; the parameters are in its query.
/// - **A JSON body**: the URL alone, which carries the body's SHA-256 as lowercase hex
///   in its `bodySHA256` query parameter; the body must hash to that.
///
/// The URL is tried as given, then once more with its port toggled: a URL with a
/// port (any port) without it, one without a port with its scheme's (`:443` for
/// `https`, `:80` for `http`), as Twilio's helper libraries try both. So a forged
/// request costs at most two HMACs of its parameters. Everything else in the URL
/// must be byte for byte what Twilio called, credentials (`user:pass@`) included:
/// Twilio's docs don't say it signs without them. Pass the URL configured in Twilio
/// (behind a proxy, the public one), not one rebuilt by a framework.
///
/// A form body (or a GET's query) is decoded before its signature is checked, in
/// time linear in its length, and no more than
/// [`max_body_bytes`](Self::max_body_bytes) of body is read.
///
/// ```
/// use twilio_codegen_runtime::{WebhookError, WebhookValidator};
///
/// // The example from Twilio's docs.
/// let validator = WebhookValidator::new("12345");
/// let url = "https://example.com/myapp.php?foo=1&bar=2";
/// let body = b"CallSid=CA1234567890ABCDE&Caller=%2B14158675310&Digits=1234\
///              &From=%2B14158675310&To=%2B18005551212";
/// let params = validator.verify_form(url, Some("L/OH5YylLD5NRKLltdqwSvS0BnU="), body)?;
/// assert_eq!(params.get("CallSid"), Some("CA1234567890ABCDE"));
///
/// let tampered = validator.verify_form(url, Some("L/OH5YylLD5NRKLltdqwSvS0BnU="), b"Digits=9");
/// assert!(matches!(tampered, Err(WebhookError::SignatureMismatch)));
/// # Ok::<(), WebhookError>(())
/// ```
#[derive(Clone)]
pub struct WebhookValidator {
    token: Secret,
    max_body_bytes: usize,
}

impl fmt::Debug for WebhookValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookValidator")
            .field("token", &self.token)
            .field("max_body_bytes", &self.max_body_bytes)
            .finish()
    }
}

/// A webhook's parameters, in the order sent, each name and value decoded. A name
/// may come more than once (`MessagingBinding.Address` for each address); [`get`]
/// gives the first value, [`iter`] every pair.
///
/// ```
/// use twilio_codegen_runtime::WebhookParams;
///
/// let params: WebhookParams = [("EventType", "onMessageSend"), ("Body", "hi")].into_iter().collect();
/// assert_eq!(params.get("Body"), Some("hi"));
/// assert_eq!(params.iter().count(), 2);
/// ```
///
/// [`get`]: WebhookParams::get
/// [`iter`]: WebhookParams::iter
#[derive(Clone, Default, PartialEq, Eq)]
pub struct WebhookParams {
    /// Every name and value, one after another.
    text: String,
    /// Where each name and its value are in `text`.
    pairs: Vec<(Range<usize>, Range<usize>)>,
}

impl WebhookParams {
    pub(crate) fn from_parts(text: String, pairs: Vec<(Range<usize>, Range<usize>)>) -> Self {
        WebhookParams { text, pairs }
    }

    /// Every name and value, in the order sent.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.pairs
            .iter()
            .map(|(name, value)| (&self.text[name.clone()], &self.text[value.clone()]))
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| value)
    }

    /// How many pairs there are.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The pairs, owned.
    pub fn to_vec(&self) -> Vec<(String, String)> {
        self.iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect()
    }
}

impl fmt::Debug for WebhookParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<K: AsRef<str>, V: AsRef<str>> FromIterator<(K, V)> for WebhookParams {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut params = WebhookParams::default();
        for (name, value) in iter {
            let at = params.text.len();
            params.text.push_str(name.as_ref());
            let middle = params.text.len();
            params.text.push_str(value.as_ref());
            params.pairs.push((at..middle, middle..params.text.len()));
        }
        params
    }
}

/// Why a request was not accepted as Twilio's. No variant holds the auth token, the
/// expected signature or the body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The request has no `X-Twilio-Signature` header, or an empty one.
    #[error("the request has no X-Twilio-Signature")]
    MissingSignature,

    /// The header is not the base64 of a 20-byte HMAC-SHA1.
    #[error("the X-Twilio-Signature is not base64 of an HMAC-SHA1")]
    MalformedSignature,

    /// The signature is well formed but not what the auth token gives for this URL
    /// and these parameters: the request is not from Twilio, was changed on the way,
    /// or the URL is not the one Twilio called.
    #[error("the X-Twilio-Signature does not match the URL and parameters")]
    SignatureMismatch,

    /// The body is longer than the validator reads; nothing was decoded.
    #[error("the body is longer than the {limit}-byte limit")]
    BodyTooLarge {
        /// The most bytes of body the validator reads.
        limit: usize,
    },

    /// The form body (or, for a GET, the query) does not decode.
    #[error("the form body does not decode at byte {offset}: {reason}")]
    MalformedBody {
        /// Where in the body the problem starts.
        offset: usize,
        /// What is wrong there.
        reason: &'static str,
    },

    /// A JSON body, but the URL has no `bodySHA256` query parameter to check it with.
    #[error("the URL of a JSON webhook has no bodySHA256 parameter")]
    MissingBodyHash,

    /// The body does not hash to the URL's `bodySHA256`.
    #[error("the body does not hash to the URL's bodySHA256")]
    BodyHashMismatch,

    /// The request is neither a form POST, a JSON POST nor a GET.
    #[error("not a webhook request Twilio sends: {0}")]
    UnexpectedRequest(&'static str),

    /// The parameters have no `EventType`, so they are no event.
    #[error("the webhook has no EventType parameter")]
    MissingEventType,
}

/// A webhook parameter whose value is not of the type its API documents (a SID that
/// is not one, a count that is not a number). It names the parameter and the rule;
/// the value itself, which may be personal data, is not kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("webhook parameter {param}: {reason}")]
#[non_exhaustive]
pub struct WebhookParamError {
    /// The parameter, as sent: `ChannelSid`.
    pub param: &'static str,
    /// What is wrong with its value.
    pub reason: String,
}

impl WebhookValidator {
    /// The most bytes of body a validator reads unless told otherwise: Twilio's
    /// webhook bodies are a few kilobytes.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;

    /// A validator for the account whose auth token is `auth_token`.
    pub fn new(auth_token: impl Into<Secret>) -> Self {
        WebhookValidator {
            token: auth_token.into(),
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// The most bytes of body to read; a longer body is refused with
    /// [`WebhookError::BodyTooLarge`] before anything is decoded. The default is
    /// [`WebhookValidator::DEFAULT_MAX_BODY_BYTES`]. A server should stop reading there too.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// The limit set with [`max_body_bytes`](Self::max_body_bytes).
    pub fn body_limit(&self) -> usize {
        self.max_body_bytes
    }

    /// Checks a form POST (`application/x-www-form-urlencoded`) to `url` with the
    /// `X-Twilio-Signature` value `signature`, and returns its parameters in the order
    /// sent. The body is decoded strictly: bad percent-encoding or text that is not
    /// UTF-8 is an error, not a guess.
    pub fn verify_form(
        &self,
        url: &str,
        signature: Option<&str>,
        body: &[u8],
    ) -> Result<WebhookParams, WebhookError> {
        let expected = decode_signature(signature)?;
        self.check_size(body)?;
        let params = form::decode(body)?;
        self.check(url, &params, &expected)?;
        Ok(params)
    }

    /// Checks a GET to `url`, whose parameters are in its query, and returns them in
    /// order.
    pub fn verify_query(
        &self,
        url: &str,
        signature: Option<&str>,
    ) -> Result<WebhookParams, WebhookError> {
        let expected = decode_signature(signature)?;
        self.check(url, &WebhookParams::default(), &expected)?;
        form::decode(url::query(url).as_bytes())
    }

    /// Checks a POST with a JSON body to `url`: the signature covers the URL, and the
    /// body must hash to the URL's `bodySHA256`. The body is the caller's to parse.
    pub fn verify_json(
        &self,
        url: &str,
        signature: Option<&str>,
        body: &[u8],
    ) -> Result<(), WebhookError> {
        let expected = decode_signature(signature)?;
        self.check_size(body)?;
        let claimed = url::query_value(url, "bodySHA256").ok_or(WebhookError::MissingBodyHash)?;
        self.check(url, &WebhookParams::default(), &expected)?;
        let actual = hex(&Sha256::digest(body));
        // Not secret, but compared as the libraries do: in constant time.
        if bool::from(actual.as_bytes().ct_eq(claimed.as_bytes())) {
            Ok(())
        } else {
            Err(WebhookError::BodyHashMismatch)
        }
    }

    /// Checks a request as an HTTP server received it: a GET by its query, a POST by
    /// its content type (a form, or JSON with `bodySHA256`), with the signature from
    /// its `X-Twilio-Signature` header. `url` is the URL Twilio called: the request's
    /// own URI is usually just its path, and behind a proxy not even that. Returns
    /// the form or query parameters, in order (for JSON, the query's).
    pub fn verify_http<B: AsRef<[u8]>>(
        &self,
        url: &str,
        request: &http::Request<B>,
    ) -> Result<WebhookParams, WebhookError> {
        let signature = request
            .headers()
            .get("x-twilio-signature")
            .map(|v| v.to_str().map_err(|_| WebhookError::MalformedSignature))
            .transpose()?;
        let body = request.body().as_ref();
        if request.method() == http::Method::GET {
            return self.verify_query(url, signature);
        }
        if request.method() != http::Method::POST {
            return Err(WebhookError::UnexpectedRequest(
                "a method other than GET or POST",
            ));
        }
        let content_type = request
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
        match content_type.as_deref() {
            Some("application/x-www-form-urlencoded") => self.verify_form(url, signature, body),
            Some("application/json") => {
                self.verify_json(url, signature, body)?;
                form::decode(url::query(url).as_bytes())
            }
            _ => Err(WebhookError::UnexpectedRequest(
                "a POST that is neither a form nor JSON",
            )),
        }
    }

    /// The `X-Twilio-Signature` Twilio would send with a form POST of `params` to
    /// `url`: for tests that play Twilio.
    pub fn sign_form(&self, url: &str, params: &[(String, String)]) -> String {
        let params: WebhookParams = params.iter().map(|(k, v)| (k, v)).collect();
        base64::engine::general_purpose::STANDARD.encode(signature::form_tag(
            self.token.expose().as_bytes(),
            url,
            &params,
        ))
    }

    /// The signature Twilio would send with a GET to `url`, or with a JSON body to
    /// `url` (which then carries the body's `bodySHA256`): for tests that play Twilio.
    pub fn sign_url(&self, url: &str) -> String {
        self.sign_form(url, &[])
    }

    /// `url` with the `bodySHA256` of `body` added to its query, as Twilio calls a
    /// JSON webhook: for tests that play Twilio.
    pub fn url_with_body_hash(url: &str, body: &[u8]) -> String {
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}bodySHA256={}", hex(&Sha256::digest(body)))
    }

    fn check_size(&self, body: &[u8]) -> Result<(), WebhookError> {
        if body.len() > self.max_body_bytes {
            Err(WebhookError::BodyTooLarge {
                limit: self.max_body_bytes,
            })
        } else {
            Ok(())
        }
    }

    /// Whether `expected` signs `params` posted to `url`: the URL as given first, its
    /// one other form only if that fails, so at most two HMACs.
    fn check(
        &self,
        url: &str,
        params: &WebhookParams,
        expected: &signature::Tag,
    ) -> Result<(), WebhookError> {
        let token = self.token.expose().as_bytes();
        let signs = |url: &str| signature::form_matches(token, url, params, expected);
        if signs(url) || url::other_form(url).is_some_and(|url| signs(&url)) {
            Ok(())
        } else {
            Err(WebhookError::SignatureMismatch)
        }
    }
}

/// The 20 bytes of an `X-Twilio-Signature` value.
fn decode_signature(signature: Option<&str>) -> Result<signature::Tag, WebhookError> {
    let text = signature
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or(WebhookError::MissingSignature)?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| WebhookError::MalformedSignature)?;
    bytes
        .try_into()
        .map_err(|_| WebhookError::MalformedSignature)
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// What to answer a webhook with: a status and a body, a JSON object of changes to a
/// pre-event, or TwiML for a Voice or Messaging request. Each generated crate builds
/// these for its API's events (allow, reject, modify), with the status and fields
/// Twilio documents for it.
///
/// ```
/// use twilio_codegen_runtime::WebhookResponse;
///
/// let ok = WebhookResponse::ok();
/// assert_eq!((ok.status(), ok.body(), ok.content_type()), (200, "", None));
/// let http: http::Response<String> = ok.into();
/// assert_eq!(http.status(), 200);
///
/// let reply = WebhookResponse::twiml("<Response><Message>Hi</Message></Response>");
/// assert_eq!(reply.content_type(), Some("text/xml"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookResponse {
    status: u16,
    /// A JSON object, TwiML, or empty.
    body: String,
    /// The body's media type; `None` when there is no body.
    content_type: Option<&'static str>,
}

impl WebhookResponse {
    /// `200 OK` with no body: a post-event is acknowledged, a pre-event allowed as it
    /// is, a status callback received.
    pub fn ok() -> Self {
        WebhookResponse::status_only(200)
    }

    /// `200 OK` with a TwiML document, `text/xml`: the answer to an incoming call or
    /// message. The document is sent as given; build it with a TwiML builder, which
    /// escapes what it holds.
    pub fn twiml(document: impl Into<String>) -> Self {
        WebhookResponse {
            status: 200,
            body: document.into(),
            content_type: Some("text/xml"),
        }
    }

    /// An answer with `status` and no body.
    pub(crate) fn status_only(status: u16) -> Self {
        WebhookResponse {
            status,
            body: String::new(),
            content_type: None,
        }
    }

    /// `200 OK` with a JSON object of the fields that change.
    pub(crate) fn changes(fields: &[(&str, &str)]) -> Self {
        let object: serde_json::Map<String, serde_json::Value> = fields
            .iter()
            .map(|(name, value)| ((*name).to_owned(), serde_json::Value::from(*value)))
            .collect();
        WebhookResponse {
            status: 200,
            body: serde_json::Value::Object(object).to_string(),
            content_type: Some("application/json"),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body: a JSON object, TwiML, or empty.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// `application/json` or `text/xml` when there is a body.
    pub fn content_type(&self) -> Option<&'static str> {
        self.content_type
    }
}

/// One media file of an incoming MMS or WhatsApp message: Twilio sends each as a
/// numbered pair of parameters, `MediaUrl{N}` and `MediaContentType{N}`, from 0.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct WebhookMedia {
    /// `MediaUrl{N}`: where the file is, on Twilio's API (fetched with the account's
    /// credentials).
    pub url: String,
    /// `MediaContentType{N}`: its media type, such as `image/jpeg`; `None` when the
    /// request doesn't have it.
    pub content_type: Option<String>,
}

impl From<WebhookResponse> for http::Response<String> {
    fn from(response: WebhookResponse) -> Self {
        let mut builder = http::Response::builder().status(response.status);
        if let Some(content_type) = response.content_type() {
            builder = builder.header(http::header::CONTENT_TYPE, content_type);
        }
        builder
            .body(response.body)
            .expect("a status from 200 to 599 and a fixed header are valid")
    }
}
