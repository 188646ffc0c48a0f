//! `X-Twilio-Signature`: base64 of an HMAC-SHA1, keyed with the auth token, over the
//! URL Twilio called followed by the POST parameters.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// The HMAC as Twilio computes it, before base64.
pub(crate) type Tag = [u8; 20];

/// The bytes Twilio signs for a form body: the URL, then for each parameter name in
/// sorted order (by bytes, so case-sensitive: `CallSid` before `callSid`) and each of
/// its distinct values in sorted order, the name and the value, with nothing between.
/// Repeated names are where Twilio's libraries differ; sorting and de-duplicating
/// values is what the Python, Node and PHP libraries settled on (each after a bug
/// report), and what a Java or Go validator's one value per name agrees with when a
/// name is not repeated.
pub(crate) fn form_payload(url: &str, params: &[(String, String)]) -> Vec<u8> {
    let mut sorted: Vec<(&str, &str)> = params
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    sorted.sort_unstable();
    sorted.dedup();
    let len = url.len() + sorted.iter().map(|(n, v)| n.len() + v.len()).sum::<usize>();
    let mut payload = Vec::with_capacity(len);
    payload.extend_from_slice(url.as_bytes());
    for (name, value) in sorted {
        payload.extend_from_slice(name.as_bytes());
        payload.extend_from_slice(value.as_bytes());
    }
    payload
}

/// The HMAC-SHA1 of `payload` keyed with `token`.
pub(crate) fn tag(token: &[u8], payload: &[u8]) -> Tag {
    let mut mac = Hmac::<Sha1>::new_from_slice(token).expect("HMAC takes a key of any length");
    mac.update(payload);
    mac.finalize().into_bytes().into()
}

/// Whether `expected` is the HMAC of `payload`, compared in constant time.
pub(crate) fn matches(token: &[u8], payload: &[u8], expected: &Tag) -> bool {
    let mut mac = Hmac::<Sha1>::new_from_slice(token).expect("HMAC takes a key of any length");
    mac.update(payload);
    mac.verify_slice(expected).is_ok()
}
