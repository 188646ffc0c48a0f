//! Credentials: who the client authenticates as, and the secret it proves it with.

use crate::error::Error;
use crate::secret::Secret;
use std::ffi::OsString;
use std::fmt;

/// Credentials: HTTP Basic (an Account SID (`AC…`) with its auth token, or an API key
/// SID (`SK…`) with its secret, plus the Account SID it belongs to), or OAuth2 client
/// credentials (an OAuth app's client ID and secret, traded for an access token).
///
/// Which kinds an API takes is in its crate's docs; a client built with another kind
/// fails in `build` with [`Error::Config`]. The token, secret or client secret never
/// appears in `Debug` output or in any error.
///
/// ```
/// use twilio_codegen_runtime::Auth;
///
/// let auth = Auth::auth_token("AC00000000000000000000000000000000", "token");
/// assert_eq!(auth.username(), auth.account_sid());
///
/// let key = Auth::api_key("AC00000000000000000000000000000000", "SK11111111111111111111111111111111", "secret");
/// assert_eq!(key.username(), "SK11111111111111111111111111111111");
/// assert!(format!("{key:?}").contains("[redacted]") && !format!("{key:?}").contains("\"secret\""));
///
/// let app = Auth::client_credentials("OQ00000000000000000000000000000000", "client-secret");
/// assert_eq!(app.client_id(), Some("OQ00000000000000000000000000000000"));
/// assert!(!format!("{app:?}").contains("client-secret"));
/// ```
#[derive(Clone)]
pub struct Auth {
    pub(crate) kind: Kind,
}

/// The two kinds of credentials.
#[derive(Clone)]
pub(crate) enum Kind {
    /// HTTP Basic, sent with every request.
    Basic {
        account_sid: String,
        username: String,
        secret: Secret,
    },
    /// OAuth2 client credentials, traded at the API's token endpoint for a bearer
    /// token.
    ClientCredentials {
        client_id: String,
        client_secret: Secret,
    },
}

impl Auth {
    /// The account's own SID and auth token.
    pub fn auth_token(account_sid: impl Into<String>, auth_token: impl Into<String>) -> Self {
        let account_sid = account_sid.into();
        Auth {
            kind: Kind::Basic {
                username: account_sid.clone(),
                account_sid,
                secret: Secret::new(auth_token),
            },
        }
    }

    /// An API key (`SK…`) and its secret, for the account `account_sid`.
    pub fn api_key(
        account_sid: impl Into<String>,
        api_key_sid: impl Into<String>,
        api_key_secret: impl Into<String>,
    ) -> Self {
        Auth {
            kind: Kind::Basic {
                account_sid: account_sid.into(),
                username: api_key_sid.into(),
                secret: Secret::new(api_key_secret),
            },
        }
    }

    /// An OAuth app's client ID and client secret, for APIs that take OAuth2 client
    /// credentials. The client trades them at the API's token endpoint (on the
    /// client's own base URL, never another host) for an access token, sent as
    /// `Authorization: Bearer`, kept until shortly before it expires and shared by
    /// the client's clones.
    pub fn client_credentials(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        Auth {
            kind: Kind::ClientCredentials {
                client_id: client_id.into(),
                client_secret: Secret::new(client_secret),
            },
        }
    }

    /// The credentials in the environment, as Twilio's libraries read them:
    /// `TWILIO_ACCOUNT_SID` with `TWILIO_AUTH_TOKEN`, or with `TWILIO_API_KEY` (`SK…`)
    /// and `TWILIO_API_SECRET` when both are set. Empty variables count as unset;
    /// surrounding whitespace is dropped; errors name the variable, never its value.
    /// For OAuth2 client credentials, see [`Auth::client_credentials_from_env`].
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(&|name| std::env::var_os(name))
    }

    /// OAuth2 client credentials from `TWILIO_CLIENT_ID` and `TWILIO_CLIENT_SECRET`,
    /// read as [`Auth::from_env`] reads its variables.
    pub fn client_credentials_from_env() -> Result<Self, Error> {
        Self::client_credentials_from_lookup(&|name| std::env::var_os(name))
    }

    /// [`Auth::from_env`] with the variables from `lookup`.
    pub(crate) fn from_lookup(lookup: &dyn Fn(&str) -> Option<OsString>) -> Result<Self, Error> {
        let var = crate::env::env_var(lookup);
        let account_sid = var("TWILIO_ACCOUNT_SID")?.ok_or_else(|| {
            Error::Config("the environment variable TWILIO_ACCOUNT_SID is not set".into())
        })?;
        match (var("TWILIO_API_KEY")?, var("TWILIO_API_SECRET")?) {
            (Some(key), Some(secret)) => Ok(Auth::api_key(account_sid, key, secret)),
            (Some(_), None) => Err(Error::Config(
                "TWILIO_API_KEY is set but TWILIO_API_SECRET is not".into(),
            )),
            (None, Some(_)) => Err(Error::Config(
                "TWILIO_API_SECRET is set but TWILIO_API_KEY is not".into(),
            )),
            (None, None) => match var("TWILIO_AUTH_TOKEN")? {
                Some(token) => Ok(Auth::auth_token(account_sid, token)),
                None => Err(Error::Config(
                    "set TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET".into(),
                )),
            },
        }
    }

    /// [`Auth::client_credentials_from_env`] with the variables from `lookup`.
    pub(crate) fn client_credentials_from_lookup(
        lookup: &dyn Fn(&str) -> Option<OsString>,
    ) -> Result<Self, Error> {
        let var = crate::env::env_var(lookup);
        match (var(CLIENT_ID_VAR)?, var(CLIENT_SECRET_VAR)?) {
            (Some(id), Some(secret)) => Ok(Auth::client_credentials(id, secret)),
            (Some(_), None) => Err(Error::Config(format!(
                "{CLIENT_ID_VAR} is set but {CLIENT_SECRET_VAR} is not"
            ))),
            (None, _) => Err(Error::Config(format!(
                "the environment variable {CLIENT_ID_VAR} is not set"
            ))),
        }
    }

    /// The Account SID; empty for OAuth2 client credentials, which name an OAuth app
    /// rather than an account.
    pub fn account_sid(&self) -> &str {
        match &self.kind {
            Kind::Basic { account_sid, .. } => account_sid,
            Kind::ClientCredentials { .. } => "",
        }
    }

    /// The HTTP Basic user name: the Account SID or the API key SID; for OAuth2
    /// client credentials, the client ID.
    pub fn username(&self) -> &str {
        match &self.kind {
            Kind::Basic { username, .. } => username,
            Kind::ClientCredentials { client_id, .. } => client_id,
        }
    }

    /// The OAuth app's client ID, for OAuth2 client credentials.
    pub fn client_id(&self) -> Option<&str> {
        match &self.kind {
            Kind::Basic { .. } => None,
            Kind::ClientCredentials { client_id, .. } => Some(client_id),
        }
    }

    /// The auth token, API key secret or client secret.
    #[cfg(test)]
    pub(crate) fn secret(&self) -> &Secret {
        match &self.kind {
            Kind::Basic { secret, .. } => secret,
            Kind::ClientCredentials { client_secret, .. } => client_secret,
        }
    }

    /// Which kind of credentials these are, and what they hold.
    pub(crate) fn kind(&self) -> &Kind {
        &self.kind
    }

    /// Refuses empty parts, and a user name or client ID that can't be sent.
    pub(crate) fn check(&self) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::Config(format!("the {what} is empty")));
        let (name, what) = match &self.kind {
            Kind::Basic {
                account_sid,
                username,
                secret,
            } => {
                if account_sid.trim().is_empty() {
                    return bad("Account SID");
                }
                if username.trim().is_empty() {
                    return bad("API key SID");
                }
                if secret.expose().is_empty() {
                    return bad("auth token or API key secret");
                }
                if username.contains(':') {
                    return Err(Error::Config(format!(
                        "the user name `{}` can't hold `:` or control characters",
                        username.escape_debug()
                    )));
                }
                (username, "user name")
            }
            Kind::ClientCredentials {
                client_id,
                client_secret,
            } => {
                if client_id.trim().is_empty() {
                    return bad("OAuth2 client ID");
                }
                if client_secret.expose().is_empty() {
                    return bad("OAuth2 client secret");
                }
                (client_id, "client ID")
            }
        };
        if name.chars().any(char::is_control) {
            let colon = if what == "user name" { "`:` or " } else { "" };
            return Err(Error::Config(format!(
                "the {what} `{}` can't hold {colon}control characters",
                name.escape_debug()
            )));
        }
        Ok(())
    }
}

/// The environment variables of OAuth2 client credentials, as Twilio's own tests
/// name them.
const CLIENT_ID_VAR: &str = "TWILIO_CLIENT_ID";
const CLIENT_SECRET_VAR: &str = "TWILIO_CLIENT_SECRET";

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Basic {
                account_sid,
                username,
                secret,
            } => f
                .debug_struct("Auth")
                .field("account_sid", account_sid)
                .field("username", username)
                .field("secret", secret)
                .finish(),
            Kind::ClientCredentials {
                client_id,
                client_secret,
            } => f
                .debug_struct("Auth")
                .field("client_id", client_id)
                .field("client_secret", client_secret)
                .finish(),
        }
    }
}
