//! The HTTP client: credentials, base URL, timeouts and retries, and sending one
//! request and reading its answer.
//!
//! The runtime doesn't know which API it serves, so its constructors take the API's
//! default base URL (`https://chat.twilio.com`) as an argument; the generated crate
//! adds `Client::new`, `Client::builder` and `Client::from_env`, which pass it.

use super::error::Error;
use super::retry::{self, RetryPolicy};
use super::secret::Secret;
use reqwest::header::{HeaderValue, ACCEPT, RETRY_AFTER, USER_AGENT};
use reqwest::{Method, Url};
use serde::de::{DeserializeOwned, IgnoredAny};
use std::ffi::OsString;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The region Twilio's libraries use when only an edge is given.
const DEFAULT_REGION: &str = "us1";

/// HTTP Basic credentials: an Account SID (`AC…`) with its auth token, or an API key
/// SID (`SK…`) with its secret, plus the Account SID it belongs to.
///
/// The token or secret never appears in `Debug` output or in any error.
#[derive(Clone)]
pub struct Auth {
    account_sid: String,
    username: String,
    secret: Secret,
}

impl Auth {
    /// The account's own SID and auth token.
    pub fn auth_token(account_sid: impl Into<String>, auth_token: impl Into<String>) -> Self {
        let account_sid = account_sid.into();
        Auth {
            username: account_sid.clone(),
            account_sid,
            secret: Secret::new(auth_token),
        }
    }

    /// An API key (`SK…`) and its secret, for the account `account_sid`.
    pub fn api_key(
        account_sid: impl Into<String>,
        api_key_sid: impl Into<String>,
        api_key_secret: impl Into<String>,
    ) -> Self {
        Auth {
            account_sid: account_sid.into(),
            username: api_key_sid.into(),
            secret: Secret::new(api_key_secret),
        }
    }

    /// The Account SID.
    pub fn account_sid(&self) -> &str {
        &self.account_sid
    }

    /// The HTTP Basic user name: the Account SID or the API key SID.
    pub fn username(&self) -> &str {
        &self.username
    }

    fn check(&self) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::Config(format!("the {what} is empty")));
        if self.account_sid.trim().is_empty() {
            return bad("Account SID");
        }
        if self.username.trim().is_empty() {
            return bad("API key SID");
        }
        if self.secret.expose().is_empty() {
            return bad("auth token or API key secret");
        }
        if self.username.contains(':') || self.username.chars().any(char::is_control) {
            return Err(Error::Config(format!(
                "the user name `{}` can't hold `:` or control characters",
                self.username.escape_debug()
            )));
        }
        Ok(())
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("account_sid", &self.account_sid)
            .field("username", &self.username)
            .field("secret", &self.secret)
            .finish()
    }
}

/// Configures a [`Client`]; made by `ClientBuilder::new` or `ClientBuilder::from_env`.
pub struct ClientBuilder {
    default_base_url: &'static str,
    credentials: Auth,
    base_url: Option<String>,
    region: Option<String>,
    edge: Option<String>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent_suffix: Option<String>,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
}

impl ClientBuilder {
    /// A builder for the API whose description names `default_base_url`
    /// (`https://chat.twilio.com`), with everything else at its default.
    pub fn new(default_base_url: &'static str, credentials: Auth) -> Self {
        ClientBuilder {
            default_base_url,
            credentials,
            base_url: None,
            region: None,
            edge: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent_suffix: None,
            retry: RetryPolicy::default(),
            http: None,
        }
    }

    /// A builder configured from the environment, as Twilio's libraries read it.
    ///
    /// - `TWILIO_ACCOUNT_SID` (required) and `TWILIO_AUTH_TOKEN`; or, when both
    ///   `TWILIO_API_KEY` (`SK…`) and `TWILIO_API_SECRET` are set, that API key is
    ///   used instead of the auth token.
    /// - `TWILIO_REGION` and `TWILIO_EDGE`, optional: see [`ClientBuilder::region`].
    ///
    /// Empty variables count as unset; surrounding whitespace is dropped. Errors
    /// name the variable, never its value. A [`ClientBuilder::base_url`] set
    /// afterwards overrides region and edge.
    pub fn from_env(default_base_url: &'static str) -> Result<Self, Error> {
        Self::from_lookup(default_base_url, |name| std::env::var_os(name))
    }

    fn from_lookup(
        default_base_url: &'static str,
        lookup: impl Fn(&str) -> Option<OsString>,
    ) -> Result<Self, Error> {
        let var = |name: &str| -> Result<Option<String>, Error> {
            match lookup(name) {
                None => Ok(None),
                Some(value) => match value.into_string() {
                    Ok(text) if text.trim().is_empty() => Ok(None),
                    Ok(text) => Ok(Some(text.trim().to_owned())),
                    Err(_) => Err(Error::Config(format!("{name} is not valid Unicode"))),
                },
            }
        };
        let account_sid = var("TWILIO_ACCOUNT_SID")?.ok_or_else(|| {
            Error::Config("the environment variable TWILIO_ACCOUNT_SID is not set".into())
        })?;
        let credentials = match (var("TWILIO_API_KEY")?, var("TWILIO_API_SECRET")?) {
            (Some(key), Some(secret)) => Auth::api_key(account_sid, key, secret),
            (Some(_), None) => {
                return Err(Error::Config(
                    "TWILIO_API_KEY is set but TWILIO_API_SECRET is not".into(),
                ))
            }
            (None, Some(_)) => {
                return Err(Error::Config(
                    "TWILIO_API_SECRET is set but TWILIO_API_KEY is not".into(),
                ))
            }
            (None, None) => match var("TWILIO_AUTH_TOKEN")? {
                Some(token) => Auth::auth_token(account_sid, token),
                None => {
                    return Err(Error::Config(
                        "set TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET".into(),
                    ))
                }
            },
        };
        let mut builder = ClientBuilder::new(default_base_url, credentials);
        builder.region = var("TWILIO_REGION")?;
        builder.edge = var("TWILIO_EDGE")?;
        Ok(builder)
    }

    /// Sends requests to `url` instead, for tests and proxies; region and edge are
    /// then ignored. Checked by [`ClientBuilder::build`]: `https` only, except that
    /// `http` is allowed to a loopback host (`localhost`, `127.0.0.0/8`, `::1`); no
    /// user name, password, query or fragment. A path is kept as a prefix.
    pub fn base_url(mut self, url: impl AsRef<str>) -> Self {
        self.base_url = Some(url.as_ref().to_owned());
        self
    }

    /// Twilio's processing region, such as `ie1` or `au1`: the host becomes
    /// `chat.{edge}.{region}.twilio.com` (`chat.{region}.twilio.com` without an edge).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Twilio's edge location, such as `dublin` or `sydney`; the region defaults to
    /// `us1` when only an edge is set.
    pub fn edge(mut self, edge: impl Into<String>) -> Self {
        self.edge = Some(edge.into());
        self
    }

    /// The most one attempt may take, from connecting to the last byte of the answer;
    /// 30 s by default. Retries each get the full time.
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// The most connecting may take; 10 s by default. Not applied to a client given
    /// with [`ClientBuilder::http_client`], which keeps its own.
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// Text added to the `User-Agent`, after `{crate}/{version} ({os} {arch}) rust`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// When to retry; see [`RetryPolicy`].
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Sends through an existing `reqwest::Client` (shared pools, proxies, custom
    /// TLS). The timeout set here is still applied to each request; the connect
    /// timeout and redirect policy are the given client's own.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Checks the configuration and makes the client.
    pub fn build(self) -> Result<Client, Error> {
        self.credentials.check()?;
        let default_base = check_base_url(self.default_base_url)?;
        let (base_url, rehome_from) = match &self.base_url {
            Some(custom) => (check_base_url(custom)?, None),
            None if self.region.is_none() && self.edge.is_none() => (default_base, None),
            None => {
                let regional =
                    regional(&default_base, self.region.as_deref(), self.edge.as_deref())?;
                (regional, Some(default_base))
            }
        };
        let mut user_agent = format!(
            "{}/{} ({} {}) rust",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        if let Some(suffix) = self
            .user_agent_suffix
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            user_agent.push(' ');
            user_agent.push_str(suffix);
        }
        let user_agent = HeaderValue::from_str(&user_agent).map_err(|_| {
            Error::Config("the User-Agent suffix must be visible ASCII text".into())
        })?;
        let http = match self.http {
            Some(client) => client,
            None => reqwest::Client::builder()
                .connect_timeout(self.connect_timeout)
                // Twilio doesn't redirect; a redirect is a misconfigured proxy, not a page.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|e| Error::Config(format!("could not make the HTTP client: {e}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                rehome_from,
                credentials: self.credentials,
                user_agent,
                timeout: self.timeout,
                retry: self.retry,
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A base URL given by hand may hold a password, refused later by `build`.
        let base_url = self.base_url.as_deref().map(|text| match Url::parse(text) {
            Ok(mut url) if url.password().is_some() => {
                let _ = url.set_password(Some("redacted"));
                url.to_string()
            }
            Ok(url) => url.to_string(),
            Err(_) => "<not a URL>".to_owned(),
        });
        f.debug_struct("ClientBuilder")
            .field("default_base_url", &self.default_base_url)
            .field("credentials", &self.credentials)
            .field("base_url", &base_url)
            .field("region", &self.region)
            .field("edge", &self.edge)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("retry", &self.retry)
            .field("http", &self.http)
            .finish()
    }
}

/// Parses and checks a base URL; errors never echo the text, which might hold a
/// password.
fn check_base_url(text: &str) -> Result<Url, Error> {
    let url =
        Url::parse(text).map_err(|e| Error::Config(format!("the base URL is not a URL: {e}")))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Config(
            "the base URL must not hold a user name or password; pass them in `Auth`".into(),
        ));
    }
    // The parser has already turned `127.1` and `[0:0::1]` into canonical addresses.
    let loopback = url.host_str().is_some_and(|host| {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost")
            || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
    });
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(Error::Config(format!(
                "the base URL `{url}` must use https (http is allowed only to localhost, 127.0.0.0/8 and ::1)"
            )))
        }
        other => return Err(Error::Config(format!("the base URL must use https, not `{other}`"))),
    }
    if url.host().is_none() {
        return Err(Error::Config(format!("the base URL `{url}` has no host")));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Config(format!(
            "the base URL `{url}` must not have a query or fragment"
        )));
    }
    Ok(url)
}

/// `chat.twilio.com` → `chat.{edge}.{region}.twilio.com`, as Twilio's libraries do:
/// the first label, then edge and region, then the last two labels.
fn regional(default_base: &Url, region: Option<&str>, edge: Option<&str>) -> Result<Url, Error> {
    let label = |what: &str, value: &str| -> Result<String, Error> {
        let ok = !value.is_empty()
            && value.len() <= 63
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-');
        if ok {
            Ok(value.to_ascii_lowercase())
        } else {
            Err(Error::Config(format!(
                "the {what} `{}` must be a host name label: letters, digits and `-`",
                value.escape_debug()
            )))
        }
    };
    let edge = edge.map(|e| label("edge", e)).transpose()?;
    let region = match region {
        Some(r) => Some(label("region", r)?),
        None => edge.as_ref().map(|_| DEFAULT_REGION.to_owned()),
    };
    let host = default_base.host_str().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 3 {
        return Err(Error::Config(format!(
            "can't add a region or edge to the host `{host}`"
        )));
    }
    let mut parts = vec![labels[0].to_owned()];
    parts.extend(edge);
    parts.extend(region);
    parts.extend(labels[labels.len() - 2..].iter().map(|l| (*l).to_owned()));
    let mut url = default_base.clone();
    url.set_host(Some(&parts.join(".")))
        .map_err(|e| Error::Config(format!("the regional host is not valid: {e}")))?;
    Ok(url)
}

/// A client for the API: cheap to clone (the clones share one connection pool), and
/// usable from many tasks at once.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: Url,
    /// With a region or edge, the default base URL: a next-page link on its host is
    /// moved to the regional host, as Twilio's libraries do with every URL.
    rehome_from: Option<Url>,
    credentials: Auth,
    user_agent: HeaderValue,
    timeout: Duration,
    retry: RetryPolicy,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("credentials", &self.inner.credentials)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// One call as the generated code describes it. Its `Debug` shows the form body's
/// keys but not its values, which may be secrets.
#[derive(Clone)]
pub struct Request {
    /// `Resource.operation`, such as `Invite.create`, for error messages.
    pub operation: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path after the base URL, starting with `/`, with every parameter already
    /// percent-encoded (see `path::segment`).
    pub path: String,
    /// Query parameters in order; a key may repeat (`Identity=a&Identity=b`).
    pub query: Vec<(&'static str, String)>,
    /// The form body, sent as `application/x-www-form-urlencoded`; `None` for no body.
    pub form: Option<Vec<(&'static str, String)>>,
    /// The success status the API description names (201 for create). Any 2xx is
    /// accepted, as Twilio's libraries do.
    pub expect: u16,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let form_keys = self
            .form
            .as_ref()
            .map(|pairs| pairs.iter().map(|(key, _)| *key).collect::<Vec<_>>());
        f.debug_struct("Request")
            .field("operation", &self.operation)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("form_keys", &form_keys)
            .field("expect", &self.expect)
            .finish()
    }
}

impl Client {
    /// Where requests go: the default host, the regional one, or the base URL given.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// The Account SID of the credentials.
    pub fn account_sid(&self) -> &str {
        self.inner.credentials.account_sid()
    }

    /// Sends `req` and decodes a 2xx answer's JSON body as `T`.
    pub async fn send_json<T: DeserializeOwned>(&self, req: Request) -> Result<T, Error> {
        let url = self.url_for(&req)?;
        let (status, body) = self
            .execute(req.operation, &req.method, url, req.form.as_deref())
            .await?;
        decode(req.operation, status, &body)
    }

    /// Sends `req` and expects no content back: 204, or any 2xx whose body is
    /// empty or JSON (such as `null`). A body that is not JSON is an
    /// [`Error::Decode`], since it means something else
    /// answered.
    pub async fn send_empty(&self, req: Request) -> Result<(), Error> {
        let url = self.url_for(&req)?;
        let (status, body) = self
            .execute(req.operation, &req.method, url, req.form.as_deref())
            .await?;
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        decode::<IgnoredAny>(req.operation, status, &body).map(|_| ())
    }

    /// The absolute URL for `req`: base URL, path, query.
    pub(super) fn url_for(&self, req: &Request) -> Result<Url, Error> {
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
    pub(super) fn next_page_url(&self, operation: &'static str, text: &str) -> Result<Url, Error> {
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

    /// Sends one request, retrying as the policy says; the status and body of a 2xx
    /// answer, or the error.
    pub(super) async fn execute(
        &self,
        operation: &'static str,
        method: &Method,
        url: Url,
        form: Option<&[(&'static str, String)]>,
    ) -> Result<(u16, Vec<u8>), Error> {
        let policy = &self.inner.retry;
        let attempts = policy.attempts_for(method);
        let mut attempt = 1;
        loop {
            let retry_left = attempt < attempts;
            let sent = self.request(method, url.clone(), form).send().await;
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
            let body = response
                .bytes()
                .await
                .map_err(|e| Error::transport(operation, e))?;
            if (200..300).contains(&status) {
                return Ok((status, body.to_vec()));
            }
            return Err(Error::from_response(operation, status, &body));
        }
    }

    fn request(
        &self,
        method: &Method,
        url: Url,
        form: Option<&[(&'static str, String)]>,
    ) -> reqwest::RequestBuilder {
        let inner = &self.inner;
        let builder = inner
            .http
            .request(method.clone(), url)
            .basic_auth(
                &inner.credentials.username,
                Some(inner.credentials.secret.expose()),
            )
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, inner.user_agent.clone())
            .timeout(inner.timeout);
        match form {
            Some(form) => builder.form(form),
            None => builder,
        }
    }
}

/// Decodes a 2xx body, or says which operation got what.
pub(super) fn decode<T: DeserializeOwned>(
    operation: &'static str,
    status: u16,
    body: &[u8],
) -> Result<T, Error> {
    serde_json::from_slice(body).map_err(|e| Error::decode(operation, status, &e, body))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const DEFAULT: &str = "https://chat.twilio.com";
    const SECRET: &str = "s3cr3t-t0ken-value";

    fn creds() -> Auth {
        Auth::auth_token("AC00000000000000000000000000000000", SECRET)
    }

    fn built(f: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Result<Client, Error> {
        f(ClientBuilder::new(DEFAULT, creds())).build()
    }

    fn request(path: &str, query: Vec<(&'static str, String)>) -> Request {
        Request {
            operation: "Invite.list",
            method: Method::GET,
            path: path.into(),
            query,
            form: None,
            expect: 200,
        }
    }

    #[test]
    fn default_base_url_and_regions() {
        let host = |f: fn(ClientBuilder) -> ClientBuilder| {
            built(f).unwrap().base_url().as_str().to_owned()
        };
        assert_eq!(host(|b| b), "https://chat.twilio.com/");
        assert_eq!(host(|b| b.region("ie1")), "https://chat.ie1.twilio.com/");
        assert_eq!(
            host(|b| b.edge("dublin")),
            "https://chat.dublin.us1.twilio.com/"
        );
        assert_eq!(
            host(|b| b.edge("Dublin").region("IE1")),
            "https://chat.dublin.ie1.twilio.com/"
        );
        // A base URL wins over region and edge.
        assert_eq!(
            host(|b| b.region("ie1").base_url("http://127.0.0.1:8080/")),
            "http://127.0.0.1:8080/"
        );
        for bad in ["", "ie1.evil.com", "ie 1", "-ie1", "ie1/x"] {
            let err = built(|b| b.region(bad)).unwrap_err();
            assert!(matches!(err, Error::Config(_)), "{bad:?}: {err}");
        }
    }

    #[test]
    fn base_url_must_be_https_unless_loopback() {
        for ok in [
            "https://example.com",
            "https://proxy.example.com/twilio/",
            "http://127.0.0.1",
            "http://127.0.0.1:9999",
            "http://127.8.9.10:1",
            "http://localhost:3000",
            "http://LOCALHOST",
            "http://[::1]:8080",
            "http://127.1",
            "http://[0:0::1]",
        ] {
            assert!(built(|b| b.base_url(ok)).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com",
            "http://128.0.0.1",
            "http://[::2]",
            "http://localhost.example.com",
            "ftp://127.0.0.1",
            "file:///tmp/x",
            "not a url",
            "https://example.com/?x=1",
            "https://example.com/#x",
        ] {
            let err = built(|b| b.base_url(bad)).unwrap_err();
            assert!(matches!(err, Error::Config(_)), "{bad}: {err}");
        }
        let err = built(|b| b.base_url("http://example.com")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "client configuration: the base URL `http://example.com/` must use https \
             (http is allowed only to localhost, 127.0.0.0/8 and ::1)"
        );
    }

    #[test]
    fn base_url_with_password_is_refused_without_echoing_it() {
        let builder = ClientBuilder::new(DEFAULT, creds())
            .base_url(format!("https://user:{SECRET}@example.com"));
        let shown = format!("{builder:?}");
        assert!(
            shown.contains("https://user:redacted@example.com/") && !shown.contains(SECRET),
            "{shown}"
        );
        let err = builder.build().unwrap_err();
        assert!(matches!(err, Error::Config(_)));
        assert!(!format!("{err} {err:?}").contains(SECRET));
        let err = built(|b| b.base_url(format!("https://user:{SECRET}@exa mple.com"))).unwrap_err();
        assert!(!format!("{err} {err:?}").contains(SECRET));
    }

    #[test]
    fn empty_credentials_are_refused() {
        let err = ClientBuilder::new(DEFAULT, Auth::auth_token("AC1", ""))
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "client configuration: the auth token or API key secret is empty"
        );
        let err = ClientBuilder::new(DEFAULT, Auth::auth_token("", "t"))
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "client configuration: the Account SID is empty"
        );
        let err = ClientBuilder::new(DEFAULT, Auth::api_key("AC1", "SK:1", "t"))
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("can't hold `:`"), "{err}");
    }

    #[test]
    fn user_agent_names_crate_version_and_platform() {
        let client = built(|b| b.user_agent_suffix("my-app/2.0")).unwrap();
        let ua = client.inner.user_agent.to_str().unwrap().to_owned();
        let want = format!(
            "{}/{} ({} {}) rust my-app/2.0",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        assert_eq!(ua, want);
        assert!(built(|b| b.user_agent_suffix("bad\nsuffix")).is_err());
    }

    #[test]
    fn url_for_appends_path_and_form_encoded_query() {
        let client = built(|b| b).unwrap();
        let url = client
            .url_for(&request(
                "/v1/Services/IS1/Channels/general%20chat/Invites",
                vec![
                    ("Identity", "a b".into()),
                    ("Identity", "c&d=é".into()),
                    ("PageSize", "50".into()),
                ],
            ))
            .unwrap();
        assert_eq!(
            url.as_str(),
            "https://chat.twilio.com/v1/Services/IS1/Channels/general%20chat/Invites\
             ?Identity=a+b&Identity=c%26d%3D%C3%A9&PageSize=50"
        );
        // A base URL's path is a prefix.
        let proxied = built(|b| b.base_url("https://proxy.example.com/twilio/")).unwrap();
        let url = proxied.url_for(&request("/v1/Services", vec![])).unwrap();
        assert_eq!(url.as_str(), "https://proxy.example.com/twilio/v1/Services");
        assert!(client.url_for(&request("v1/Services", vec![])).is_err());
    }

    #[test]
    fn next_page_must_stay_on_the_base_origin() {
        let client = built(|b| b).unwrap();
        let ok = client.next_page_url(
            "Invite.list",
            "https://chat.twilio.com/v1/Services?PageSize=50&Page=1&PageToken=PT1",
        );
        assert_eq!(
            ok.unwrap().as_str(),
            "https://chat.twilio.com/v1/Services?PageSize=50&Page=1&PageToken=PT1"
        );
        assert!(client
            .next_page_url("Invite.list", "https://chat.twilio.com:443/v1/x")
            .is_ok());
        for foreign in [
            "http://chat.twilio.com/v1/x",
            "https://chat.twilio.com:8443/v1/x",
            "https://evil.example.com/v1/x",
            "https://chat.twilio.com.evil.example.com/v1/x",
        ] {
            let err = client.next_page_url("Invite.list", foreign).unwrap_err();
            assert!(matches!(err, Error::Paging(_)), "{foreign}: {err}");
        }
        let err = client
            .next_page_url("Invite.list", "https://evil.example.com/v1/x")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "paging: Invite.list: not following the next page to https://evil.example.com, \
             which is not the client's https://chat.twilio.com"
        );
    }

    #[test]
    fn regional_client_moves_default_host_next_pages_onto_its_host() {
        let client = built(|b| b.edge("sydney").region("au1")).unwrap();
        let url = client
            .next_page_url("Invite.list", "https://chat.twilio.com/v1/x?Page=1")
            .unwrap();
        assert_eq!(
            url.as_str(),
            "https://chat.sydney.au1.twilio.com/v1/x?Page=1"
        );
        let url = client
            .next_page_url(
                "Invite.list",
                "https://chat.sydney.au1.twilio.com/v1/x?Page=1",
            )
            .unwrap();
        assert_eq!(
            url.as_str(),
            "https://chat.sydney.au1.twilio.com/v1/x?Page=1"
        );
        assert!(client
            .next_page_url("Invite.list", "https://chat.dublin.ie1.twilio.com/v1/x")
            .is_err());
        assert!(client
            .next_page_url("Invite.list", "http://chat.twilio.com/v1/x")
            .is_err());
    }

    fn env(vars: &[(&str, &str)]) -> Result<ClientBuilder, Error> {
        let map: HashMap<String, OsString> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect();
        ClientBuilder::from_lookup(DEFAULT, |name| map.get(name).cloned())
    }

    #[test]
    fn environment_auth_token_api_key_region_edge() {
        let b = env(&[
            ("TWILIO_ACCOUNT_SID", "AC1"),
            ("TWILIO_AUTH_TOKEN", " tok\n"),
        ])
        .unwrap();
        assert_eq!(b.credentials.username(), "AC1");
        assert_eq!(b.credentials.secret.expose(), "tok");
        let b = env(&[
            ("TWILIO_ACCOUNT_SID", "AC1"),
            ("TWILIO_AUTH_TOKEN", "tok"),
            ("TWILIO_API_KEY", "SK1"),
            ("TWILIO_API_SECRET", "sec"),
            ("TWILIO_REGION", "ie1"),
            ("TWILIO_EDGE", "dublin"),
        ])
        .unwrap();
        assert_eq!(
            (b.credentials.account_sid(), b.credentials.username()),
            ("AC1", "SK1")
        );
        assert_eq!(b.credentials.secret.expose(), "sec");
        assert_eq!(
            b.build().unwrap().base_url().as_str(),
            "https://chat.dublin.ie1.twilio.com/"
        );

        let message = |vars: &[(&str, &str)]| env(vars).unwrap_err().to_string();
        assert_eq!(
            message(&[("TWILIO_AUTH_TOKEN", "tok")]),
            "client configuration: the environment variable TWILIO_ACCOUNT_SID is not set"
        );
        assert_eq!(
            message(&[("TWILIO_ACCOUNT_SID", "AC1"), ("TWILIO_AUTH_TOKEN", "")]),
            "client configuration: set TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET"
        );
        assert_eq!(
            message(&[
                ("TWILIO_ACCOUNT_SID", "AC1"),
                ("TWILIO_API_KEY", "SK1"),
                ("TWILIO_AUTH_TOKEN", "tok")
            ]),
            "client configuration: TWILIO_API_KEY is set but TWILIO_API_SECRET is not"
        );
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let builder = ClientBuilder::new(DEFAULT, Auth::api_key("AC1", "SK1", SECRET));
        let shown = format!("{builder:?} {:?}", builder.credentials);
        let client = builder.build().unwrap();
        let shown = format!("{shown} {client:?} {:?}", client.clone());
        assert!(
            shown.contains("SK1") && shown.contains("[redacted]"),
            "{shown}"
        );
        assert!(!shown.contains(SECRET), "{shown}");
    }

    #[test]
    fn request_debug_shows_form_keys_not_values() {
        let request = Request {
            operation: "Credential.create",
            method: Method::POST,
            path: "/v1/Credentials".into(),
            query: Vec::new(),
            form: Some(vec![("Type", "apn".into()), ("Secret", SECRET.into())]),
            expect: 201,
        };
        let shown = format!("{request:?}");
        assert!(
            shown.contains("\"Secret\"") && !shown.contains(SECRET),
            "{shown}"
        );
    }

    #[test]
    fn client_is_send_sync() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<Client>();
        assert_send_sync::<Error>();
    }
}
