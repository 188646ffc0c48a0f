//! `X-Twilio-Signature`: base64 of an HMAC-SHA1, keyed with the auth token, over the
//! URL Twilio called followed by the POST parameters.

use super::WebhookParams;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// The HMAC as Twilio computes it, before base64.
pub(crate) type Tag = [u8; 20];

/// The HMAC-SHA1, keyed with `token`, of what Twilio signs for a form body: the URL,
/// then for each parameter name in sorted order (by bytes, so case-sensitive:
/// `CallSid` before `callSid`) and each of its distinct values in sorted order, the
/// name and the value, with nothing between. Repeated names are where Twilio's
/// libraries differ; sorting and de-duplicating values is what the Python, Node and
/// PHP libraries settled on (each after a bug report), and what a Java or Go
/// validator's one value per name agrees with when a name is not repeated.
pub(crate) fn form_mac(token: &[u8], url: &str, params: &WebhookParams) -> Hmac<Sha1> {
    let mut order: Vec<(&str, &str)> = params.iter().collect();
    order.sort_unstable();
    order.dedup();
    let mut mac = Hmac::<Sha1>::new_from_slice(token).expect("HMAC takes a key of any length");
    mac.update(url.as_bytes());
    for (name, value) in order {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    mac
}

/// The tag Twilio would send for `params` posted to `url`.
pub(crate) fn form_tag(token: &[u8], url: &str, params: &WebhookParams) -> Tag {
    form_mac(token, url, params).finalize().into_bytes().into()
}

/// Whether `expected` is the tag of `params` posted to `url`, compared in constant
/// time.
pub(crate) fn form_matches(
    token: &[u8],
    url: &str,
    params: &WebhookParams,
    expected: &Tag,
) -> bool {
    form_mac(token, url, params).verify_slice(expected).is_ok()
}
