//! Everything that can go wrong with a call, in one error type.
//!
//! No variant holds or prints a credential: requests carry them only in the
//! `Authorization` header, never in a URL, and the header is never kept here.

use crate::validate::ValidationError;
use std::fmt;

/// How many bytes of a response body an error keeps.
pub(crate) const SNIPPET_BYTES: usize = 512;

/// Why a call failed.
///
/// ```
/// use twilio_codegen_runtime::Error;
///
/// fn describe(err: &Error) -> String {
///     match err {
///         Error::Validation(refused) => format!("not sent: {refused}"),
///         Error::Api(api) if err.is_not_found() => format!("gone ({:?})", api.code),
///         other if other.is_timeout() => "too slow; try again".to_owned(),
///         other => other.to_string(),
///     }
/// }
/// # let _ = describe;
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value was refused before sending: which field, and what rule it broke.
    #[error(transparent)]
    Validation(#[from] ValidationError),

    /// The API answered with Twilio's JSON error: HTTP status, Twilio's error code,
    /// message, link and details.
    #[error(transparent)]
    Api(Box<ApiError>),

    /// A non-2xx answer whose body is not Twilio's JSON error, such as a proxy's
    /// 502 page.
    #[error("{operation}: HTTP {status} without a Twilio error body: {body}")]
    Http {
        /// The operation that was called, such as `Invite.create`.
        operation: &'static str,
        /// The HTTP status code.
        status: u16,
        /// The start of the body, at most 512 bytes, cut on a character boundary.
        body: String,
    },

    /// A 2xx answer whose body can't be read at all (it is not JSON, or not even
    /// the shape of the record): **the request succeeded**, so don't send it again
    /// blindly; what the API created or changed may be recovered from `body`. A
    /// field that merely breaks its documented type is no error: the record names
    /// it in its `unread_fields`.
    #[error("{operation}: the request succeeded (HTTP {status}), but its answer could not be read: {message}; the body starts: {snippet}")]
    Decode {
        /// The operation that was called, such as `Invite.fetch`.
        operation: &'static str,
        /// The HTTP status code.
        status: u16,
        /// What the JSON decoder said.
        message: String,
        /// The start of the body, at most 512 bytes, cut on a character boundary.
        snippet: String,
        /// The whole body, up to the client's
        /// [`max_body_bytes`](crate::ClientBuilder::max_body_bytes).
        body: Vec<u8>,
    },

    /// The answer's body was longer than the client reads (see
    /// [`ClientBuilder::max_body_bytes`](crate::ClientBuilder::max_body_bytes));
    /// reading stopped there.
    #[error("{operation}: the HTTP {status} answer's body is longer than the {limit}-byte limit")]
    BodyTooLarge {
        /// The operation that was called.
        operation: &'static str,
        /// The HTTP status code.
        status: u16,
        /// The most bytes of body the client reads for this answer.
        limit: usize,
    },

    /// No complete answer came within the client's timeout.
    #[error("{operation}: timed out")]
    Timeout {
        /// The operation that was called.
        operation: &'static str,
        /// What the HTTP client reported.
        source: reqwest::Error,
    },

    /// The connection could not be made (DNS, refused, TLS handshake).
    #[error("{operation}: could not connect{}", host_of(source))]
    Connect {
        /// The operation that was called.
        operation: &'static str,
        /// What the HTTP client reported.
        source: reqwest::Error,
    },

    /// Any other failure to send the request or read the answer.
    #[error("{operation}: the request failed{}", host_of(source))]
    Transport {
        /// The operation that was called.
        operation: &'static str,
        /// What the HTTP client reported.
        source: reqwest::Error,
    },

    /// No OAuth2 access token could be had from the API's token endpoint: it answered
    /// with an error (Twilio's code and message are in `message`), with a body that is
    /// not a bearer token, or with one longer than the client reads. The message never
    /// holds the client secret or a token. Failing to reach the endpoint at all is
    /// [`Error::Connect`] or [`Error::Timeout`], as for any request.
    #[error("{operation}: no OAuth2 access token: {message}")]
    Token {
        /// The operation that needed the token, such as `Organization.fetch`.
        operation: &'static str,
        /// The token endpoint's HTTP status, when it answered; not the API's, so
        /// [`Error::status`] is `None` for this error.
        status: Option<u16>,
        /// What was wrong with the answer.
        message: String,
    },

    /// The client was configured wrongly: a missing environment variable, a base URL
    /// that is not `https`, a bad region, an empty credential.
    #[error("client configuration: {0}")]
    Config(String),

    /// Paging stopped instead of following a `next_page_url`: it pointed at another
    /// scheme, host or port than the client's base URL, or at a page already fetched.
    #[error("paging: {0}")]
    Paging(String),
}

/// Enums' `FromStr` never fails: `"in-progress".parse()?` works where an `Error` is
/// returned.
impl From<std::convert::Infallible> for Error {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

/// Twilio's JSON error body, with the HTTP status it came with.
///
/// ```json
/// {"code": 20404, "message": "The requested resource was not found",
///  "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The operation that was called, such as `Invite.fetch`.
    pub operation: &'static str,
    /// The HTTP status code of the answer.
    pub status: u16,
    /// Twilio's error code, such as `20404`; see <https://www.twilio.com/docs/api/errors>.
    pub code: Option<i64>,
    /// Twilio's message; empty when the body had none.
    pub message: String,
    /// A link to the documentation of this error code.
    pub more_info: Option<String>,
    /// Extra structured detail some errors carry.
    pub details: Option<serde_json::Value>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.operation)?;
        match self.code {
            Some(code) => write!(f, "Twilio error {code} (HTTP {})", self.status)?,
            None => write!(f, "HTTP {}", self.status)?,
        }
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        if let Some(more_info) = &self.more_info {
            write!(f, " (see {more_info})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

impl Error {
    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Http { status, .. }
            | Error::Decode { status, .. }
            | Error::BodyTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Twilio's error code (`20404`), when the answer was Twilio's JSON error.
    ///
    /// Official libraries report the HTTP status as the code when the body is not
    /// Twilio's error; here that is [`Error::status`] and this is `None`.
    pub fn code(&self) -> Option<i64> {
        match self {
            Error::Api(e) => e.code,
            _ => None,
        }
    }

    /// True for an HTTP 404 answer: the resource does not exist.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// True when no complete answer came within the timeout.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
    }

    /// True when the connection could not be made.
    pub fn is_connect(&self) -> bool {
        matches!(self, Error::Connect { .. })
    }

    /// The refused value, when a check failed before sending.
    pub fn validation(&self) -> Option<&ValidationError> {
        match self {
            Error::Validation(e) => Some(e),
            _ => None,
        }
    }

    /// Twilio's error, when the API answered with one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The operation that failed, such as `Invite.create`, when a request was made.
    pub fn operation(&self) -> Option<&'static str> {
        match self {
            Error::Api(e) => Some(e.operation),
            Error::Http { operation, .. }
            | Error::Decode { operation, .. }
            | Error::BodyTooLarge { operation, .. }
            | Error::Timeout { operation, .. }
            | Error::Connect { operation, .. }
            | Error::Transport { operation, .. }
            | Error::Token { operation, .. } => Some(operation),
            _ => None,
        }
    }

    /// The error for a non-2xx answer: Twilio's JSON error if the body is one,
    /// otherwise the status and the start of the body.
    pub(crate) fn from_response(operation: &'static str, status: u16, body: &[u8]) -> Error {
        match twilio_error(body) {
            Some((code, message, more_info, details)) => ApiError {
                operation,
                status,
                code,
                message,
                more_info,
                details,
            }
            .into(),
            None => Error::Http {
                operation,
                status,
                body: snippet(body),
            },
        }
    }

    /// The error for a 2xx body that did not decode.
    pub(crate) fn decode(
        operation: &'static str,
        status: u16,
        error: &serde_json::Error,
        body: Vec<u8>,
    ) -> Error {
        Error::Decode {
            operation,
            status,
            message: error.to_string(),
            snippet: snippet(&body),
            body,
        }
    }

    /// Sorts a transport failure into timeout, connect or other.
    pub(crate) fn transport(operation: &'static str, source: reqwest::Error) -> Error {
        if source.is_timeout() {
            Error::Timeout { operation, source }
        } else if source.is_connect() {
            Error::Connect { operation, source }
        } else {
            Error::Transport { operation, source }
        }
    }
}

type TwilioError = (
    Option<i64>,
    String,
    Option<String>,
    Option<serde_json::Value>,
);

/// Reads `{"code", "message", "more_info", "details"}`; `None` unless the body is a
/// JSON object with a `code` or a `message`.
fn twilio_error(body: &[u8]) -> Option<TwilioError> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    let code = object.get("code").and_then(|c| match c {
        serde_json::Value::String(s) => s.trim().parse().ok(),
        other => other.as_i64(),
    });
    let message = object
        .get("message")
        .and_then(|m| m.as_str())
        .map(str::to_owned);
    if code.is_none() && message.is_none() {
        return None;
    }
    let more_info = object
        .get("more_info")
        .and_then(|m| m.as_str())
        .map(str::to_owned);
    let details = object.get("details").filter(|d| !d.is_null()).cloned();
    Some((code, message.unwrap_or_default(), more_info, details))
}

/// The body as text, cut to at most [`SNIPPET_BYTES`] bytes on a character boundary,
/// with `…` when cut.
pub(crate) fn snippet(body: &[u8]) -> String {
    // Only the start is converted: converting a long body of invalid UTF-8 whole
    // would allocate three times its size. Each byte becomes at least one byte of
    // text, so a character cut off at the end of `head` lies past the snippet.
    let body = body.trim_ascii();
    let head = &body[..body.len().min(SNIPPET_BYTES + 4)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim();
    if text.len() <= SNIPPET_BYTES && head.len() == body.len() {
        return text.to_owned();
    }
    let mut end = SNIPPET_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// ` to HOST` when the failed request's URL is known.
fn host_of(source: &reqwest::Error) -> String {
    source
        .url()
        .and_then(|u| u.host_str())
        .map(|host| format!(" to {host}"))
        .unwrap_or_default()
}
