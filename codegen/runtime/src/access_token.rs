//! Access tokens: the short-lived JWT a server mints so that a browser or phone app can
//! join a Conversation, a Chat, a Video room, a Sync service or a Voice call.

mod grants;

pub use grants::{ChatGrant, PlaybackGrant, SyncGrant, TaskRouterGrant, VideoGrant, VoiceGrant};

use crate::auth::{Auth, Kind};
use crate::secret::Secret;
use crate::validate::{self, Problem, ValidationError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{json, Map, Value};
use sha2::Sha256;
use std::fmt;
use std::time::Duration;
use time::OffsetDateTime;

/// The longest life Twilio accepts for an access token: 24 hours.
pub const MAX_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// How long a token lives unless told otherwise: one hour, as in Twilio's libraries.
const DEFAULT_TTL: Duration = Duration::from_secs(60 * 60);

/// An access token for one of Twilio's client SDKs, signed with an API key (`SK…`) of
/// the account: `iss` is the key, `sub` the account, `jti` `{key}-{issued at}`, and
/// `grants` holds the identity and what the client may do. The header carries
/// `cty: twilio-fpa;v=1`, and `twr` when a region is set. Signed with HS256.
///
/// Everything is checked when the token is minted, not when the client is refused:
/// the SIDs' shapes, a time to live between one second and 24 hours, a start before
/// the end. The key's secret never shows in `Debug`.
///
/// ```
/// use twilio_codegen_runtime::access_token::{AccessToken, ChatGrant};
/// use std::time::Duration;
///
/// let token = AccessToken::new(
///     "AC00000000000000000000000000000000",
///     "SK00000000000000000000000000000000",
///     "the key's secret",
/// )
/// .identity("alice")
/// .ttl(Duration::from_secs(15 * 60))
/// .grant(ChatGrant::new().service_sid("IS00000000000000000000000000000000"));
/// let jwt = token.to_jwt()?;
/// assert_eq!(jwt.split('.').count(), 3);
/// assert!(!format!("{token:?}").contains("the key's secret"));
/// # Ok::<(), twilio_codegen_runtime::ValidationError>(())
/// ```
#[derive(Clone)]
pub struct AccessToken {
    account_sid: String,
    api_key_sid: String,
    secret: Secret,
    identity: Option<String>,
    ttl: Duration,
    not_before: Option<OffsetDateTime>,
    region: Option<String>,
    grants: Map<String, Value>,
    /// The first grant that failed its checks, reported by `to_jwt`.
    refused: Option<ValidationError>,
}

impl AccessToken {
    /// A token for `account_sid` (`AC…`), signed with the API key `api_key_sid`
    /// (`SK…`) and its secret. It lives an hour unless [`ttl`](Self::ttl) says
    /// otherwise, and holds no grants yet.
    pub fn new(
        account_sid: impl Into<String>,
        api_key_sid: impl Into<String>,
        api_key_secret: impl Into<Secret>,
    ) -> Self {
        AccessToken {
            account_sid: account_sid.into(),
            api_key_sid: api_key_sid.into(),
            secret: api_key_secret.into(),
            identity: None,
            ttl: DEFAULT_TTL,
            not_before: None,
            region: None,
            grants: Map::new(),
            refused: None,
        }
    }

    /// A token signed with the API key of `auth`, made by [`Auth::api_key`]. An auth
    /// token can't sign access tokens, and OAuth2 client credentials aren't a key, so
    /// either is refused with the reason.
    pub fn from_auth(auth: &Auth) -> Result<Self, crate::Error> {
        match &auth.kind {
            Kind::Basic {
                account_sid,
                username,
                secret,
            } if username != account_sid => Ok(Self::new(
                account_sid.clone(),
                username.clone(),
                secret.clone(),
            )),
            Kind::Basic { .. } => Err(crate::Error::Config(
                "access tokens are signed with an API key (SK…); these credentials are \
                 an auth token: make them with Auth::api_key"
                    .into(),
            )),
            Kind::ClientCredentials { .. } => Err(crate::Error::Config(
                "access tokens are signed with an API key (SK…), not OAuth2 client \
                 credentials: make the credentials with Auth::api_key"
                    .into(),
            )),
        }
    }

    /// Who the client is: the name other participants see, and what Twilio routes
    /// incoming calls and messages to. Chat, Conversations and Voice need one.
    pub fn identity(mut self, identity: impl Into<String>) -> Self {
        self.identity = Some(identity.into());
        self
    }

    /// How long the token is valid from when it is minted: at least one second, at
    /// most [`MAX_TTL`]; whole seconds count.
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// The time before which the token is not valid (`nbf`); by default it is valid
    /// from the moment it is minted.
    pub fn not_before(mut self, at: OffsetDateTime) -> Self {
        self.not_before = Some(at);
        self
    }

    /// The Twilio region the token is for (`twr` in the header), such as `ie1`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Adds a grant; a second grant of the same kind replaces the first.
    pub fn grant(mut self, grant: impl Into<Grant>) -> Self {
        let grant = grant.into();
        match grant.claims {
            Ok(claims) => {
                self.grants
                    .insert(grant.key.to_owned(), Value::Object(claims));
            }
            Err(refusal) => {
                self.refused.get_or_insert(refusal);
            }
        }
        self
    }

    /// Mints the token now.
    pub fn to_jwt(&self) -> Result<String, ValidationError> {
        self.to_jwt_at(OffsetDateTime::now_utc())
    }

    /// Mints the token as if it were `issued_at`: the same inputs give the same token,
    /// which is what tests need.
    pub fn to_jwt_at(&self, issued_at: OffsetDateTime) -> Result<String, ValidationError> {
        let (header, claims) = self.parts(issued_at.unix_timestamp())?;
        let signing_input = format!("{}.{}", encode_part(&header), encode_part(&claims));
        let mut mac = Hmac::<Sha256>::new_from_slice(self.secret.expose().as_bytes())
            .expect("HMAC takes a key of any length");
        mac.update(signing_input.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        Ok(format!("{signing_input}.{signature}"))
    }

    /// The header and claims, after every check.
    fn parts(&self, issued_at: i64) -> Result<(Value, Value), ValidationError> {
        self.check()?;
        let expires = issued_at + self.ttl.as_secs() as i64;
        let mut header = json!({ "alg": "HS256", "typ": "JWT", "cty": "twilio-fpa;v=1" });
        if let Some(region) = &self.region {
            header["twr"] = json!(region);
        }
        let mut grants = self.grants.clone();
        if let Some(identity) = &self.identity {
            grants.insert("identity".into(), json!(identity));
        }
        let mut claims = json!({
            "jti": format!("{}-{issued_at}", self.api_key_sid),
            "iss": self.api_key_sid,
            "sub": self.account_sid,
            "exp": expires,
            "grants": grants,
        });
        if let Some(nbf) = self.not_before {
            let nbf = nbf.unix_timestamp();
            if nbf >= expires {
                return Err(out_of_range(
                    "NotBefore",
                    None,
                    Some(expires - 1),
                    nbf.into(),
                ));
            }
            claims["nbf"] = json!(nbf);
        }
        Ok((header, claims))
    }

    /// The checks that don't depend on the time of minting.
    fn check(&self) -> Result<(), ValidationError> {
        validate::sid::<32>(&self.account_sid, "AccountSid", "AC")?;
        validate::sid::<32>(&self.api_key_sid, "ApiKeySid", "SK")?;
        let ttl = self.ttl.as_secs();
        if ttl == 0 || self.ttl > MAX_TTL {
            return Err(out_of_range(
                "Ttl",
                Some(1),
                Some(MAX_TTL.as_secs() as i64),
                ttl.into(),
            ));
        }
        non_empty("Identity", self.identity.as_deref())?;
        non_empty("Region", self.region.as_deref())?;
        match &self.refused {
            Some(refusal) => Err(refusal.clone()),
            None => Ok(()),
        }
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("account_sid", &self.account_sid)
            .field("api_key_sid", &self.api_key_sid)
            .field("secret", &self.secret)
            .field("identity", &self.identity)
            .field("ttl", &self.ttl)
            .field("not_before", &self.not_before)
            .field("region", &self.region)
            .field("grants", &self.grants)
            .finish()
    }
}

/// One grant, as [`AccessToken::grant`] takes it: made from [`ChatGrant`],
/// [`VoiceGrant`], [`VideoGrant`], [`SyncGrant`], [`TaskRouterGrant`] or
/// [`PlaybackGrant`].
#[derive(Debug, Clone)]
pub struct Grant {
    /// Its name in the token's `grants`.
    key: &'static str,
    /// Its claims, or why they can't be sent.
    claims: Result<Map<String, Value>, ValidationError>,
}

fn encode_part(part: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(part).expect("JSON values always serialize"))
}

fn out_of_range(
    target: &'static str,
    min: Option<i64>,
    max: Option<i64>,
    actual: i128,
) -> ValidationError {
    ValidationError::new(target, Problem::OutOfRange { min, max, actual })
}

/// A text given but empty, which Twilio would refuse or read as absent.
fn non_empty(target: &'static str, value: Option<&str>) -> Result<(), ValidationError> {
    match value {
        Some("") => Err(ValidationError::new(target, Problem::Empty)),
        _ => Ok(()),
    }
}
