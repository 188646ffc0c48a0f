//! Settings read from the environment (`TWILIO_ACCOUNT_SID`, `TWILIO_REGION`, …), for
//! credentials and the client builder alike.

use crate::error::Error;
use std::ffi::OsString;

/// Reads one environment variable through `lookup`: unset or blank is `None`, and
/// surrounding whitespace is dropped.
pub(crate) fn env_var<'a>(
    lookup: &'a dyn Fn(&str) -> Option<OsString>,
) -> impl Fn(&str) -> Result<Option<String>, Error> + 'a {
    move |name| match lookup(name) {
        None => Ok(None),
        Some(value) => match value.into_string() {
            Ok(text) if text.trim().is_empty() => Ok(None),
            Ok(text) => Ok(Some(text.trim().to_owned())),
            Err(_) => Err(Error::Config(format!("{name} is not valid Unicode"))),
        },
    }
}
