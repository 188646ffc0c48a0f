//! Values that must never be shown: auth tokens, API key secrets, and parameters a
//! spec marks `secret: true`.

use std::fmt;

/// Text sent to the API but never shown: `Debug` prints `[redacted]`, and there is no
/// `Display`, so a secret can't reach a log or an error message by accident.
///
/// ```
/// use twilio_codegen_runtime::Secret;
///
/// let key = Secret::new("-----BEGIN PRIVATE KEY-----");
/// assert_eq!(format!("{key:?}"), "[redacted]");
/// assert_eq!(key.expose(), "-----BEGIN PRIVATE KEY-----");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps `value`.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret text, for sending it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}
