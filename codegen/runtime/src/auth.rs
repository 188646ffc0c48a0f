//! Credentials: who the client authenticates as, and the secret it proves it with.

use crate::error::Error;
use crate::secret::Secret;
use std::ffi::OsString;
use std::fmt;

/// HTTP Basic credentials: an Account SID (`AC…`) with its auth token, or an API key
/// SID (`SK…`) with its secret, plus the Account SID it belongs to.
///
/// The token or secret never appears in `Debug` output or in any error.
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
/// ```
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

    /// The credentials in the environment, as Twilio's libraries read them:
    /// `TWILIO_ACCOUNT_SID` with `TWILIO_AUTH_TOKEN`, or with `TWILIO_API_KEY` (`SK…`)
    /// and `TWILIO_API_SECRET` when both are set. Empty variables count as unset;
    /// surrounding whitespace is dropped; errors name the variable, never its value.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(&|name| std::env::var_os(name))
    }

    /// [`Auth::from_env`] with the variables from `lookup`.
    pub(crate) fn from_lookup(lookup: &dyn Fn(&str) -> Option<OsString>) -> Result<Self, Error> {
        let var = crate::builder::env_var(lookup);
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

    /// The Account SID.
    pub fn account_sid(&self) -> &str {
        &self.account_sid
    }

    /// The HTTP Basic user name: the Account SID or the API key SID.
    pub fn username(&self) -> &str {
        &self.username
    }

    /// The auth token or API key secret, the HTTP Basic password.
    pub(crate) fn secret(&self) -> &Secret {
        &self.secret
    }

    /// Refuses empty parts, and a user name that can't go into an HTTP Basic header.
    pub(crate) fn check(&self) -> Result<(), Error> {
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
