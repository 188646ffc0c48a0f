//! Configuring a generated crate's `Client`: credentials, base URL, region and edge,
//! timeouts, body limits, `User-Agent` and retries, from code or from the environment.
//!
//! The builder is the same for every API; what it builds is told by the generated
//! crate through [`ApiClient`]: the API's default base URL, the crate's name for the
//! `User-Agent`, and how to wrap the checked [`Transport`].

use crate::auth::{Auth, Kind};
use crate::error::Error;
use crate::oauth::{token_url, TokenSource};
use crate::retry::RetryPolicy;
use crate::transport::{Inner, Transport};
use reqwest::header::HeaderValue;
use reqwest::Url;
use std::ffi::OsString;
use std::fmt;
use std::marker::PhantomData;
use std::net::IpAddr;
use std::time::Duration;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Twilio's largest pages are a few MiB; this leaves room and still bounds a call.
const DEFAULT_MAX_BODY_BYTES: usize = 16 << 20;
/// The region Twilio's libraries use when only an edge is given.
const DEFAULT_REGION: &str = "us1";

/// What a generated crate tells the runtime about its `Client`. Implemented by
/// generated code only, and hidden so that its impls don't show in their docs.
#[doc(hidden)]
pub trait ApiClient: Sized {
    /// The API's address from its description, such as `https://chat.twilio.com`.
    const DEFAULT_BASE_URL: &'static str;
    /// The generated crate's name and version, such as `twilio-chat-v1/0.1.0`: the
    /// start of every request's `User-Agent`.
    const USER_AGENT: &'static str;
    /// Whether the API takes HTTP Basic credentials ([`Auth::auth_token`],
    /// [`Auth::api_key`]); without, `build` refuses them.
    const TAKES_BASIC: bool = true;
    /// The path of the API's OAuth2 token endpoint, such as `/v1/token`, when it takes
    /// OAuth2 client credentials ([`Auth::client_credentials`]); without, `build`
    /// refuses them. The token is fetched from this path on the client's base URL,
    /// as requests are sent, so credentials never go to another host.
    const OAUTH2_TOKEN_PATH: Option<&'static str> = None;

    /// The crate's client around a checked transport.
    fn from_transport(transport: Transport) -> Self;
}

/// Configures the `Client` `C` of a generated crate, which names this type
/// `ClientBuilder` and makes one with `Client::builder(auth)` or
/// `Client::builder_from_env()`.
///
/// From the environment, credentials and region are read as Twilio's libraries read
/// them:
///
/// - `TWILIO_ACCOUNT_SID` (required) and `TWILIO_AUTH_TOKEN`; or, when both
///   `TWILIO_API_KEY` (`SK…`) and `TWILIO_API_SECRET` are set, that API key is
///   used instead of the auth token (see [`Auth::from_env`]).
/// - For an API that takes OAuth2 client credentials only, `TWILIO_CLIENT_ID` and
///   `TWILIO_CLIENT_SECRET` instead (see [`Auth::client_credentials_from_env`]); for
///   one that takes both kinds, those when either is set, else the ones above.
/// - `TWILIO_REGION` and `TWILIO_EDGE`, optional: see [`ClientBuilder::region`].
///
/// Empty variables count as unset; surrounding whitespace is dropped. Errors
/// name the variable, never its value. A [`ClientBuilder::base_url`] set
/// afterwards overrides region and edge.
///
/// ```
/// # use twilio_codegen_runtime::__private::{ApiClient, Transport};
/// # struct Client(Transport);
/// # impl ApiClient for Client {
/// #     const DEFAULT_BASE_URL: &'static str = "https://chat.twilio.com";
/// #     const USER_AGENT: &'static str = "twilio-chat-v1/0.1.0";
/// #     fn from_transport(transport: Transport) -> Self { Client(transport) }
/// # }
/// use std::time::Duration;
/// use twilio_codegen_runtime::{Auth, ClientBuilder, RetryPolicy};
///
/// // A generated crate's `Client::builder(auth)` is `ClientBuilder::<Client>::new(auth)`.
/// let auth = Auth::auth_token("AC00000000000000000000000000000000", "token");
/// let client: Client = ClientBuilder::new(auth)
///     .region("ie1")
///     .edge("dublin")
///     .timeout(Duration::from_secs(10))
///     .user_agent_suffix("my-app/1.0")
///     .retry_policy(RetryPolicy::none())
///     .build()?;
/// assert_eq!(client.0.base_url(), "https://chat.dublin.ie1.twilio.com/");
/// # Ok::<(), twilio_codegen_runtime::Error>(())
/// ```
pub struct ClientBuilder<C> {
    pub(crate) credentials: Auth,
    base_url: Option<String>,
    region: Option<String>,
    edge: Option<String>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent_suffix: Option<String>,
    retry: RetryPolicy,
    max_body_bytes: usize,
    http: Option<reqwest::Client>,
    client: PhantomData<fn() -> C>,
}

impl<C: ApiClient> ClientBuilder<C> {
    /// A builder for the API's default base URL with these credentials and every
    /// setting at its default.
    pub fn new(credentials: Auth) -> Self {
        ClientBuilder {
            credentials,
            base_url: None,
            region: None,
            edge: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent_suffix: None,
            retry: RetryPolicy::default(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            http: None,
            client: PhantomData,
        }
    }

    /// A builder configured from the environment, as [`ClientBuilder`] describes.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|name| std::env::var_os(name))
    }

    /// [`ClientBuilder::from_env`] with the variables from `lookup`.
    pub(crate) fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> Result<Self, Error> {
        let var = crate::env::env_var(&lookup);
        let lookup: &dyn Fn(&str) -> Option<OsString> = &lookup;
        let var_set = |name: &str| var(name).map(|v| v.is_some());
        let oauth2 = match (C::TAKES_BASIC, C::OAUTH2_TOKEN_PATH.is_some()) {
            (false, _) => true,
            (true, false) => false,
            (true, true) => var_set("TWILIO_CLIENT_ID")? || var_set("TWILIO_CLIENT_SECRET")?,
        };
        let auth = if oauth2 {
            Auth::client_credentials_from_lookup(lookup)?
        } else {
            Auth::from_lookup(lookup)?
        };
        let mut builder = ClientBuilder::new(auth);
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

    /// The longest answer body that is read, in bytes; 16 MiB by default. Reading
    /// stops there with [`Error::BodyTooLarge`], so a broken or hostile server can't
    /// make a call hold more. Error answers (non-2xx) are cut off at 64 KiB, or at
    /// this limit if it is smaller.
    pub fn max_body_bytes(mut self, n: usize) -> Self {
        self.max_body_bytes = n;
        self
    }

    /// Sends through an existing `reqwest::Client` (shared pools, proxies, custom
    /// TLS). The timeout set here is still applied to each request; the connect
    /// timeout, redirect policy and TLS backend are the given client's own.
    ///
    /// With the `rustls-ring` backend (the default), reqwest is built without a
    /// crypto provider of its own, so a `reqwest::Client` built elsewhere in the
    /// program needs one: install it first with
    /// `rustls::crypto::ring::default_provider().install_default()`, or enable
    /// reqwest's `rustls` feature (which brings aws-lc-rs) where you depend on it.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Checks the configuration and makes the client.
    pub fn build(self) -> Result<C, Error> {
        self.credentials.check()?;
        let api = C::USER_AGENT.split('/').next().unwrap_or(C::USER_AGENT);
        match (self.credentials.kind(), C::OAUTH2_TOKEN_PATH) {
            (Kind::Basic { .. }, _) if !C::TAKES_BASIC => {
                return Err(Error::Config(format!(
                    "{api} takes OAuth2 client credentials only, not HTTP Basic: use \
                     `Auth::client_credentials` (or TWILIO_CLIENT_ID and TWILIO_CLIENT_SECRET)"
                )))
            }
            (Kind::ClientCredentials { .. }, None) => {
                return Err(Error::Config(format!(
                    "{api} takes HTTP Basic credentials only, not OAuth2 client credentials: \
                     use `Auth::auth_token` or `Auth::api_key`"
                )))
            }
            _ => {}
        }
        let default_base = check_base_url(C::DEFAULT_BASE_URL)?;
        let (base_url, rehome_from) = match &self.base_url {
            Some(custom) => (check_base_url(custom)?, None),
            None if self.region.is_none() && self.edge.is_none() => (default_base, None),
            None => {
                let regional =
                    regional(&default_base, self.region.as_deref(), self.edge.as_deref())?;
                (regional, Some(default_base))
            }
        };
        if base_url.scheme() == "https" && !crate::tls::AVAILABLE {
            return Err(Error::Config(
                "this build has no TLS backend, so it can't reach https:// addresses: enable \
                 the feature `rustls-ring`, `rustls-aws-lc` or `native-tls`"
                    .into(),
            ));
        }
        let mut user_agent = format!(
            "{} ({} {}) rust",
            C::USER_AGENT,
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
            None => crate::tls::backend(
                reqwest::Client::builder()
                    .connect_timeout(self.connect_timeout)
                    // Twilio doesn't redirect; a redirect is a misconfigured proxy, not a page.
                    .redirect(reqwest::redirect::Policy::none()),
            )?
            .build()
            .map_err(|e| Error::Config(format!("could not make the HTTP client: {e}")))?,
        };
        let oauth = match (self.credentials.kind(), C::OAUTH2_TOKEN_PATH) {
            (
                Kind::ClientCredentials {
                    client_id,
                    client_secret,
                },
                Some(path),
            ) => Some(TokenSource::new(
                token_url(&base_url, path)?,
                client_id.clone(),
                client_secret.clone(),
            )),
            _ => None,
        };
        Ok(C::from_transport(Transport::from_inner(Inner {
            http,
            oauth,
            base_url,
            rehome_from,
            credentials: self.credentials,
            user_agent,
            timeout: self.timeout,
            retry: self.retry,
            max_body_bytes: self.max_body_bytes,
        })))
    }
}

impl<C: ApiClient> fmt::Debug for ClientBuilder<C> {
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
            .field("default_base_url", &C::DEFAULT_BASE_URL)
            .field("credentials", &self.credentials)
            .field("base_url", &base_url)
            .field("region", &self.region)
            .field("edge", &self.edge)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("retry", &self.retry)
            .field("max_body_bytes", &self.max_body_bytes)
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
