//! The HTTP transport every generated client sends through: one request, retried as
//! the policy says, and its answer read in bounded memory. Built by
//! [`ClientBuilder`](crate::ClientBuilder); generated code holds it inside its own
//! `Client` and describes each call as a [`Request`].

use crate::auth::{Auth, Kind};
use crate::body::{read_body, ERROR_BODY_BYTES};
use crate::error::Error;
use crate::oauth::TokenSource;
use crate::retry::{self, RetryPolicy};
use crate::validate::{Problem, ValidationError};
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE,
    LOCATION, RETRY_AFTER, USER_AGENT,
};
use reqwest::{Method, Url};
use serde::de::{DeserializeOwned, IgnoredAny};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Credentials, settings and a connection pool for one API's base URL: cheap to
/// clone (the clones share one pool), and usable from many tasks at once.
#[derive(Clone)]
pub struct Transport {
    inner: Arc<Inner>,
}

/// What a client holds, as [`ClientBuilder::build`] checked it.
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: Url,
    /// With a region or edge, the default base URL: a next-page link on its host is
    /// moved to the regional host, as Twilio's libraries do with every URL.
    pub(crate) rehome_from: Option<Url>,
    pub(crate) credentials: Auth,
    /// With OAuth2 client credentials, where the bearer token comes from.
    pub(crate) oauth: Option<TokenSource>,
    pub(crate) user_agent: HeaderValue,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    /// The longest 2xx body read; see [`ClientBuilder::max_body_bytes`].
    pub(crate) max_body_bytes: usize,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.inner.base_url.as_str())
            .field("credentials", &self.inner.credentials)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .field("max_body_bytes", &self.inner.max_body_bytes)
            .finish_non_exhaustive()
    }
}

/// One call as the generated code describes it: which operation, method and path,
/// then its query pairs, form body and headers as it has them. Its `Debug` shows the
/// form body's keys but not its values, which may be secrets.
#[derive(Clone)]
pub struct Request {
    operation: &'static str,
    method: Method,
    path: String,
    query: Vec<(&'static str, String)>,
    body: Body,
    headers: Vec<(&'static str, String)>,
    /// False for an operation the API describes with no security (an OAuth2 token
    /// endpoint): it is sent without credentials.
    authenticated: bool,
}

/// An answer the operation expected: its status, a redirect's `Location`, the body.
struct Answer {
    status: u16,
    location: Option<String>,
    body: Vec<u8>,
}

/// What a request sends after its headers.
#[derive(Clone)]
enum Body {
    None,
    /// `application/x-www-form-urlencoded` pairs; a key may repeat.
    Form(Vec<(&'static str, String)>),
    /// An `application/json` value, an object but for a free-form body.
    Json(serde_json::Value),
}

impl Request {
    /// A call of `operation` (`Invite.create`, for error messages) with `method` to
    /// `path`, which starts with `/` and has every parameter already percent-encoded
    /// (see [`segment`](crate::__private::segment)).
    pub fn new(operation: &'static str, method: Method, path: String) -> Request {
        Request {
            operation,
            method,
            path,
            query: Vec::new(),
            body: Body::None,
            headers: Vec::new(),
            authenticated: true,
        }
    }

    /// Sends no credentials: for an operation the API takes from anyone (an OAuth2
    /// token endpoint, whose form carries its own).
    pub fn anonymous(mut self) -> Request {
        self.authenticated = false;
        self
    }

    /// Query parameters in order; a key may repeat (`Identity=a&Identity=b`).
    pub fn query(mut self, pairs: Vec<(&'static str, String)>) -> Request {
        self.query = pairs;
        self
    }

    /// A JSON body, sent as `application/json`. Its values stay out of `Debug`, as
    /// a form's do: they may be secrets.
    pub fn json(mut self, value: serde_json::Value) -> Request {
        self.body = Body::Json(value);
        self
    }

    /// The form body, sent as `application/x-www-form-urlencoded`.
    pub fn form(mut self, pairs: Vec<(&'static str, String)>) -> Request {
        self.body = Body::Form(pairs);
        self
    }

    /// Request headers the operation takes (`X-Twilio-Webhook-Enabled`).
    pub fn headers(mut self, pairs: Vec<(&'static str, String)>) -> Request {
        self.headers = pairs;
        self
    }

    /// The operation, for errors.
    pub(crate) fn operation(&self) -> &'static str {
        self.operation
    }

    /// The same call's next page: a GET of the page's URL, with the same headers.
    pub(crate) fn next_page(&self) -> Request {
        Request::new(self.operation, Method::GET, String::new()).headers(self.headers.clone())
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Request");
        debug
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query);
        match &self.body {
            Body::None => debug.field("form_keys", &None::<()>),
            Body::Form(pairs) => debug.field(
                "form_keys",
                &Some(pairs.iter().map(|(key, _)| *key).collect::<Vec<_>>()),
            ),
            Body::Json(value) => debug.field(
                "json_keys",
                &value
                    .as_object()
                    .map(|object| object.keys().collect::<Vec<_>>()),
            ),
        };
        debug.field("headers", &self.headers).finish()
    }
}

impl Transport {
    /// The transport for what [`ClientBuilder::build`](crate::ClientBuilder::build)
    /// checked.
    pub(crate) fn from_inner(inner: Inner) -> Transport {
        Transport {
            inner: Arc::new(inner),
        }
    }

    /// The clock the OAuth2 token cache reads, for tests of expiry.
    #[cfg(test)]
    pub(crate) fn token_clock(&self) -> &crate::oauth::Clock {
        &self.inner.oauth.as_ref().expect("OAuth2 credentials").clock
    }

    /// What the OAuth2 token source sends its requests with: this client's pool and
    /// settings.
    fn token_sender(&self) -> crate::oauth::Sender<'_> {
        crate::oauth::Sender {
            http: &self.inner.http,
            user_agent: &self.inner.user_agent,
            timeout: self.inner.timeout,
            max_body_bytes: self.inner.max_body_bytes,
        }
    }

    /// Where requests go: the default host, the regional one, or the base URL given.
    pub fn base_url(&self) -> &str {
        self.inner.base_url.as_str()
    }

    /// The Account SID of the credentials; empty for OAuth2 client credentials.
    pub fn account_sid(&self) -> &str {
        self.inner.credentials.account_sid()
    }

    /// Sends `req` and decodes a 2xx answer's JSON body as `T`, a record: a field
    /// that breaks its documented type is left out and named in the record's
    /// `unread_fields` (see [`UnreadField`](crate::UnreadField)), never an error.
    pub async fn send_json<T: DeserializeOwned>(&self, req: Request) -> Result<T, Error> {
        let url = self.url_for(&req)?;
        let (status, body) = self.execute(&req, url).await?;
        crate::unread::decode(req.operation, status, body)
    }

    /// Sends `req` and decodes a 2xx answer's JSON body as one page of a listing,
    /// each record read as [`send_json`](Self::send_json) reads one.
    pub async fn send_page<P: crate::page::Page>(&self, req: Request) -> Result<P, Error> {
        let url = self.url_for(&req)?;
        let (status, body) = self.execute(&req, url).await?;
        crate::unread::decode_page(req.operation, status, body)
    }

    /// Sends `req` and expects no content back: 204, or any 2xx whose body is
    /// empty or JSON (such as `null`). A body that is not JSON is an
    /// [`Error::Decode`], since it means something else
    /// answered.
    pub async fn send_empty(&self, req: Request) -> Result<(), Error> {
        let url = self.url_for(&req)?;
        let (status, body) = self.execute(&req, url).await?;
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        crate::unread::decode::<IgnoredAny>(req.operation, status, body).map(|_| ())
    }

    /// The absolute URL for `req`: base URL, path, query.
    pub(crate) fn url_for(&self, req: &Request) -> Result<Url, Error> {
        if !req.path.starts_with('/') {
            return Err(Error::Config(format!(
                "{}: the request path `{}` must start with `/`",
                req.operation, req.path
            )));
        }
        let mut url = self.inner.base_url.clone();
        let path = format!("{}{}", url.path().trim_end_matches('/'), req.path);
        url.set_path(&path);
        if !req.query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(req.query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        Ok(url)
    }

    /// Checks a `next_page_url` against the base URL: same scheme, host and port, or
    /// the default host when a region or edge moved the base URL (then moved too).
    pub(crate) fn next_page_url(&self, operation: &'static str, text: &str) -> Result<Url, Error> {
        let base = &self.inner.base_url;
        let mut url = base.join(text).map_err(|e| {
            Error::Paging(format!(
                "{operation}: the next page URL `{text}` is not a URL: {e}"
            ))
        })?;
        if same_origin(&url, base) {
            return Ok(url);
        }
        let on_default_host = self
            .inner
            .rehome_from
            .as_ref()
            .is_some_and(|d| same_origin(&url, d));
        if on_default_host && url.set_host(base.host_str()).is_ok() && same_origin(&url, base) {
            return Ok(url);
        }
        Err(Error::Paging(format!(
            "{operation}: not following the next page to {}, which is not the client's {}",
            origin(&url),
            origin(base)
        )))
    }

    /// Sends `req`, whose answer is a redirect, and returns the URL it points to,
    /// resolved against the request's, without following it: the target is often
    /// another host (a file store), which must never see the credentials. The target
    /// is the `Location` header of a 3xx, or, without one, the `redirect_to` of the
    /// answer's JSON body (Twilio's OpenAPI examples answer with the body alone). An
    /// answer with neither is an [`Error::Decode`].
    pub async fn send_redirect(&self, req: Request) -> Result<String, Error> {
        let url = self.url_for(&req)?;
        let answer = Box::pin(self.exchange(&req, url.clone(), true)).await?;
        let failed = |message: String| Error::Decode {
            operation: req.operation,
            status: answer.status,
            message,
            snippet: crate::error::snippet(&answer.body),
            body: answer.body.clone(),
        };
        let target = match &answer.location {
            Some(location) => location.clone(),
            None => redirect_to(&answer.body).ok_or_else(|| {
                failed(
                    "expected a redirect: a `Location` header or a body with `redirect_to`".into(),
                )
            })?,
        };
        url.join(&target)
            .map(String::from)
            .map_err(|e| failed(format!("the redirect target `{target}` is not a URL: {e}")))
    }

    /// Sends `req` to `url` (its path and query already in it), retrying as the
    /// policy says; the status and body of a 2xx answer, or the error.
    pub(crate) async fn execute(&self, req: &Request, url: Url) -> Result<(u16, Vec<u8>), Error> {
        // Boxed: the retry loop's state would otherwise live in every operation's
        // future, and a program awaiting many kinds of operation holds the largest.
        let answer = Box::pin(self.exchange(req, url, false)).await?;
        Ok((answer.status, answer.body))
    }

    /// [`execute`](Self::execute), and with `redirect` a 3xx is an answer too, with
    /// its `Location`.
    async fn exchange(&self, req: &Request, url: Url, redirect: bool) -> Result<Answer, Error> {
        let operation = req.operation;
        let headers = header_map(req)?;
        let policy = &self.inner.retry;
        let attempts = policy.attempts_for(&req.method);
        let mut attempt = 1;
        // With OAuth2, the bearer token sent, and whether a 401 already replaced it.
        let mut rejected: Option<HeaderValue> = None;
        let mut reauthorized = false;
        loop {
            let retry_left = attempt < attempts;
            let bearer = match &self.inner.oauth {
                Some(source) if req.authenticated => Some(
                    source
                        .authorization(self.token_sender(), operation, rejected.as_ref())
                        .await?,
                ),
                _ => None,
            };
            let sent = self
                .request(
                    &req.method,
                    url.clone(),
                    &req.body,
                    &headers,
                    req.authenticated.then_some(bearer.as_ref()),
                )
                .send()
                .await;
            let response = match sent {
                Ok(response) => response,
                Err(e) if retry_left && e.is_connect() && !e.is_timeout() => {
                    tokio::time::sleep(policy.backoff(attempt)).await;
                    attempt += 1;
                    continue;
                }
                Err(e) => return Err(Error::transport(operation, e)),
            };
            let status = response.status().as_u16();
            // A 401 to a bearer token: the token may have been revoked or expired
            // early. One new token, one more try; the API refused the request
            // before acting on it, so any method may be sent again.
            if status == 401 && bearer.is_some() && !reauthorized {
                drop(response);
                reauthorized = true;
                rejected = bearer;
                continue;
            }
            if retry_left && policy.retries_status(status) {
                let retry_after = response
                    .headers()
                    .get(RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| retry::parse_retry_after(v, time::OffsetDateTime::now_utc()));
                if let Some(wait) = policy.wait(attempt, retry_after) {
                    drop(response);
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                    continue;
                }
            }
            let success = (200..300).contains(&status);
            let redirected = redirect && (300..400).contains(&status);
            let location = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .filter(|_| redirected)
                .map(str::to_owned);
            let limit = if success {
                self.inner.max_body_bytes
            } else {
                self.inner.max_body_bytes.min(ERROR_BODY_BYTES)
            };
            let body = read_body(operation, response, limit).await?;
            if success || redirected {
                return Ok(Answer {
                    status,
                    location,
                    body,
                });
            }
            return Err(Error::from_response(operation, status, &body));
        }
    }

    fn request(
        &self,
        method: &Method,
        url: Url,
        body: &Body,
        headers: &HeaderMap,
        // `None`: no credentials at all; `Some(None)`: Basic; `Some(Some(bearer))`.
        authorization: Option<Option<&HeaderValue>>,
    ) -> reqwest::RequestBuilder {
        let inner = &self.inner;
        let builder = inner
            .http
            .request(method.clone(), url)
            .headers(headers.clone());
        // An `Authorization` header parameter the caller set (Flex Insights takes one)
        // is this request's credentials: the client's are not sent beside it, as two
        // `Authorization` headers are not HTTP.
        let Some(bearer) = authorization.filter(|_| !headers.contains_key(AUTHORIZATION)) else {
            return self.common_headers(builder, method, body);
        };
        let builder = match (bearer, inner.credentials.kind()) {
            (Some(bearer), _) => builder.header(AUTHORIZATION, bearer.clone()),
            (
                None,
                Kind::Basic {
                    username, secret, ..
                },
            ) => builder.basic_auth(username, Some(secret.expose())),
            // `build` made a token source for these: never reached.
            (None, Kind::ClientCredentials { .. }) => builder,
        };
        self.common_headers(builder, method, body)
    }

    /// What every request has besides credentials: `Accept`, `User-Agent`, the
    /// timeout, and the body with its type.
    fn common_headers(
        &self,
        builder: reqwest::RequestBuilder,
        method: &Method,
        body: &Body,
    ) -> reqwest::RequestBuilder {
        let builder = builder
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, self.inner.user_agent.clone())
            .timeout(self.inner.timeout);
        match body {
            // Twilio's libraries send an empty POST with `Content-Length: 0`, and
            // some front ends answer 411 without it.
            Body::None if method_has_body(method) => builder.header(CONTENT_LENGTH, "0"),
            Body::None => builder,
            Body::Form(pairs) => builder.form(pairs),
            Body::Json(value) => builder
                .header(CONTENT_TYPE, "application/json")
                .body(value.to_string()),
        }
    }
}

/// The request's own headers, each value checked: a value that can't be an HTTP
/// header (a line break, a control character) is refused before anything is sent.
fn header_map(req: &Request) -> Result<HeaderMap, Error> {
    let mut map = HeaderMap::new();
    for (name, value) in &req.headers {
        let value = HeaderValue::from_str(value)
            .map_err(|_| ValidationError::new(name, Problem::NotHeaderText))?;
        // The spec's names were checked to be header tokens when it was generated.
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            Error::Config(format!("{}: `{name}` is not a header name", req.operation))
        })?;
        map.append(name, value);
    }
    Ok(map)
}

/// The `redirect_to` of a JSON body, if it has one.
fn redirect_to(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Redirect {
        redirect_to: String,
    }
    serde_json::from_slice::<Redirect>(body)
        .ok()
        .map(|r| r.redirect_to)
}

/// Whether a request with `method` carries a body, empty or not.
fn method_has_body(method: &Method) -> bool {
    matches!(*method, Method::POST | Method::PUT | Method::PATCH)
}

fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host() == b.host()
        && a.port_or_known_default() == b.port_or_known_default()
}

fn origin(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{}://{host}:{port}", url.scheme()),
        (Some(host), None) => format!("{}://{host}", url.scheme()),
        (None, _) => url.scheme().to_owned(),
    }
}
