//! OAuth2 client credentials: the access token a client trades them for at the API's
//! token endpoint, kept until shortly before it expires, shared by the client's
//! clones, and fetched by one request at a time.
//!
//! The wire is Twilio's (and RFC 6749's, section 4.4): a form POST of `grant_type=
//! client_credentials`, `client_id` and `client_secret`, answered with JSON holding
//! `access_token`, and usually `expires_in` (seconds) and `token_type` (`bearer`).
//! Twilio's tokens are JWTs whose `exp` says when they expire; the earlier of the two
//! is believed.

use crate::body::{read_body, ERROR_BODY_BYTES};
use crate::error::{snippet, Error};
use crate::secret::Secret;
use base64::Engine as _;
use reqwest::header::{HeaderValue, ACCEPT, USER_AGENT};
use reqwest::Url;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// What a token request is sent with: the client's connection pool and settings
/// (the transport lends them, so this module needs nothing of its).
pub(crate) struct Sender<'a> {
    pub(crate) http: &'a reqwest::Client,
    pub(crate) user_agent: &'a HeaderValue,
    pub(crate) timeout: Duration,
    pub(crate) max_body_bytes: usize,
}

/// How long before its expiry a token is replaced, at most; a short-lived token is
/// replaced after half its life.
const REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// The longest life believed, so that a nonsense `expires_in` can't overflow a clock.
const MAX_LIFETIME: Duration = Duration::from_secs(366 * 24 * 60 * 60);

/// Where a client gets its bearer token, and the one it has.
pub(crate) struct TokenSource {
    url: Url,
    client_id: String,
    client_secret: Secret,
    /// The token, behind an async lock held across a fetch: requests that find no
    /// good token wait for the one fetch in flight instead of starting their own.
    cached: tokio::sync::Mutex<Option<Token>>,
    pub(crate) clock: Clock,
}

/// A bearer token and when to replace it.
#[derive(Clone)]
struct Token {
    /// `Bearer …`, marked sensitive.
    header: HeaderValue,
    /// `None` when the answer said nothing of expiry: kept until a 401 refuses it.
    refresh_at: Option<Instant>,
}

/// The monotonic clock the cache reads, which tests move forward.
#[derive(Default)]
pub(crate) struct Clock {
    ahead_ms: AtomicU64,
}

impl Clock {
    fn now(&self) -> Instant {
        Instant::now() + self.ahead()
    }

    fn unix_now(&self) -> Duration {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            + self.ahead()
    }

    fn ahead(&self) -> Duration {
        Duration::from_millis(self.ahead_ms.load(Ordering::Relaxed))
    }

    /// Moves the clock `by` forward, for tests of expiry.
    #[cfg(test)]
    pub(crate) fn advance(&self, by: Duration) {
        self.ahead_ms
            .fetch_add(by.as_millis() as u64, Ordering::Relaxed);
    }
}

impl TokenSource {
    pub(crate) fn new(url: Url, client_id: String, client_secret: Secret) -> TokenSource {
        TokenSource {
            url,
            client_id,
            client_secret,
            cached: tokio::sync::Mutex::new(None),
            clock: Clock::default(),
        }
    }

    /// The `Authorization` header for a request of `operation`: the cached token
    /// while it is good, else a new one. `rejected` is a header the API just answered
    /// 401 to: if it is still the cached one it is replaced, and if another request
    /// already replaced it, that newer token is used.
    pub(crate) async fn authorization(
        &self,
        sender: Sender<'_>,
        operation: &'static str,
        rejected: Option<&HeaderValue>,
    ) -> Result<HeaderValue, Error> {
        let mut cached = self.cached.lock().await;
        if let Some(token) = cached.as_ref() {
            let stale = token.refresh_at.is_some_and(|at| self.clock.now() >= at);
            if !stale && rejected != Some(&token.header) {
                return Ok(token.header.clone());
            }
        }
        *cached = None;
        let token = self.fetch(&sender, operation).await?;
        let header = token.header.clone();
        *cached = Some(token);
        Ok(header)
    }

    /// Asks the token endpoint for a token.
    async fn fetch(&self, sender: &Sender<'_>, operation: &'static str) -> Result<Token, Error> {
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose()),
        ];
        let response = sender
            .http
            .post(self.url.clone())
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, sender.user_agent.clone())
            .timeout(sender.timeout)
            .form(&form)
            .send()
            .await
            .map_err(|e| Error::transport(operation, e))?;
        let status = response.status().as_u16();
        let fail = |message: String| Error::Token {
            operation,
            status: Some(status),
            message: self.redact(message),
        };
        let limit = sender.max_body_bytes.min(ERROR_BODY_BYTES);
        let body = match read_body(operation, response, limit).await {
            Ok(body) => body,
            Err(Error::BodyTooLarge { limit, .. }) => {
                return Err(fail(format!(
                "the token endpoint's HTTP {status} answer is longer than the {limit}-byte limit"
            )))
            }
            Err(other) => return Err(other),
        };
        if !(200..300).contains(&status) {
            return Err(fail(refusal(operation, status, &body)));
        }
        // A 2xx body may hold a token, so no part of it is ever shown.
        let answer: serde_json::Value = serde_json::from_slice(&body).map_err(|_| {
            fail(format!(
                "the token endpoint's HTTP {status} answer is not JSON"
            ))
        })?;
        let access_token = answer
            .get("access_token")
            .and_then(|t| t.as_str())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| fail("the token endpoint's answer has no `access_token`".into()))?;
        if let Some(kind) = answer.get("token_type").and_then(|t| t.as_str()) {
            if !kind.eq_ignore_ascii_case("bearer") {
                return Err(fail(format!(
                    "the token endpoint issued a `{}` token, not a bearer token",
                    kind.escape_debug()
                )));
            }
        }
        let mut header = HeaderValue::from_str(&format!("Bearer {access_token}"))
            .map_err(|_| fail("the access token is not visible ASCII text".into()))?;
        header.set_sensitive(true);
        let lifetime = [
            expires_in(&answer),
            jwt_expiry(access_token).map(|exp| exp.saturating_sub(self.clock.unix_now())),
        ]
        .into_iter()
        .flatten()
        .min()
        .map(|life| life.min(MAX_LIFETIME));
        let refresh_at = lifetime.map(|life| {
            let margin = REFRESH_MARGIN.min(life / 2);
            self.clock.now() + (life - margin)
        });
        Ok(Token { header, refresh_at })
    }

    /// `message` with the client secret blanked out, for an endpoint that echoes it.
    fn redact(&self, message: String) -> String {
        message.replace(self.client_secret.expose(), "[redacted]")
    }
}

/// What a refusal says: Twilio's error (code, message), OAuth2's (`error`,
/// `error_description`), or the start of the body.
fn refusal(operation: &'static str, status: u16, body: &[u8]) -> String {
    let answered = format!("the token endpoint answered HTTP {status}");
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        if let Some(error) = value.get("error").and_then(|e| e.as_str()) {
            return match value.get("error_description").and_then(|d| d.as_str()) {
                Some(description) => format!("{answered}: {error}: {description}"),
                None => format!("{answered}: {error}"),
            };
        }
    }
    match Error::from_response(operation, status, body) {
        Error::Api(api) => {
            let mut text = answered;
            if let Some(code) = api.code {
                text.push_str(&format!(", Twilio error {code}"));
            }
            if !api.message.is_empty() {
                text.push_str(&format!(": {}", api.message));
            }
            if let Some(more_info) = &api.more_info {
                text.push_str(&format!(" (see {more_info})"));
            }
            text
        }
        _ if body.trim_ascii().is_empty() => answered,
        _ => format!("{answered} without a Twilio error body: {}", snippet(body)),
    }
}

/// `expires_in`, in seconds, as a number or a numeric string.
fn expires_in(answer: &serde_json::Value) -> Option<Duration> {
    let value = answer.get("expires_in")?;
    let seconds = match value {
        serde_json::Value::String(text) => text.trim().parse::<f64>().ok()?,
        other => other.as_f64()?,
    };
    (seconds.is_finite() && seconds >= 0.0)
        .then(|| Duration::try_from_secs_f64(seconds).unwrap_or(MAX_LIFETIME))
}

/// The `exp` claim of a JWT (seconds since the Unix epoch), read without checking
/// the signature: it only says when to fetch the next token.
fn jwt_expiry(token: &str) -> Option<Duration> {
    let mut parts = token.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || payload.len() > 16 << 10 {
        return None;
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let exp = claims.get("exp")?.as_f64()?;
    (exp.is_finite() && exp >= 0.0).then(|| Duration::from_secs_f64(exp.min(1e12)))
}

/// The token endpoint at `path` on `base`, as a request path is: after the base
/// URL's own path.
pub(crate) fn token_url(base: &Url, path: &str) -> Result<Url, Error> {
    if !path.starts_with('/') || path.contains(['?', '#']) {
        return Err(Error::Config(format!(
            "the OAuth2 token path `{}` must be a path starting with `/`",
            path.escape_debug()
        )));
    }
    let mut url = base.clone();
    let joined = format!("{}{}", url.path().trim_end_matches('/'), path);
    url.set_path(&joined);
    Ok(url)
}
