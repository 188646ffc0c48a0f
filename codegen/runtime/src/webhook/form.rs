//! Form bodies read strictly: a webhook's parameters are what Twilio signed, so a
//! body that doesn't decode cleanly is refused rather than guessed at. Decoding is
//! total and linear: every byte sequence is either read or refused with a typed
//! error, in one pass over the pieces, because it runs before the signature is
//! checked, on whatever anyone sends.

use super::{WebhookError, WebhookParams};
use percent_encoding::percent_decode;
use std::borrow::Cow;
use std::ops::Range;

/// The pairs of an `application/x-www-form-urlencoded` body, in order, as the WHATWG
/// URL standard reads them: pieces split on `&`, each split on its *first* `=` (a
/// later `=` belongs to the value, as in base64 `abc==`), `+` a space, `%XX` a byte.
/// Empty pieces (`a=1&&b=2`) are skipped, and a piece without `=` is a name with an
/// empty value. Stricter than the standard in two ways, since Twilio never sends
/// either: a `%` not followed by two hex digits, and a name or value that is not
/// UTF-8 once decoded, are [`WebhookError::MalformedBody`].
pub(crate) fn decode(body: &[u8]) -> Result<WebhookParams, WebhookError> {
    let mut text = String::with_capacity(body.len());
    let mut pairs = Vec::new();
    let mut piece_at = 0;
    for piece in body.split(|&b| b == b'&') {
        let at = piece_at;
        piece_at += piece.len() + 1;
        if piece.is_empty() {
            continue;
        }
        let (name, value, value_at) = match piece.iter().position(|&b| b == b'=') {
            Some(eq) => (&piece[..eq], &piece[eq + 1..], at + eq + 1),
            None => (piece, &piece[piece.len()..], at + piece.len()),
        };
        let name = append(&mut text, name, at)?;
        let value = append(&mut text, value, value_at)?;
        pairs.push((name, value));
    }
    Ok(WebhookParams::from_parts(text, pairs))
}

/// Decodes one name or value, which starts at byte `at` of the body, onto the end
/// of `text`; returns where it landed.
fn append(text: &mut String, raw: &[u8], at: usize) -> Result<Range<usize>, WebhookError> {
    if let Some(bad) = bad_escape(raw) {
        return Err(WebhookError::MalformedBody {
            offset: at + bad,
            reason: "`%` not followed by two hex digits",
        });
    }
    // `+` is a space only as written: `%2B` decodes to a `+` that stays one.
    let spaced: Cow<'_, [u8]> = if raw.contains(&b'+') {
        Cow::Owned(
            raw.iter()
                .map(|&b| if b == b'+' { b' ' } else { b })
                .collect(),
        )
    } else {
        Cow::Borrowed(raw)
    };
    let decoded =
        percent_decode(&spaced)
            .decode_utf8()
            .map_err(|_| WebhookError::MalformedBody {
                offset: at,
                reason: "a name or value that is not UTF-8 once decoded",
            })?;
    let start = text.len();
    text.push_str(&decoded);
    Ok(start..text.len())
}

/// Where in `raw` a `%` is not followed by two hex digits, if anywhere.
fn bad_escape(raw: &[u8]) -> Option<usize> {
    let hex = |i: usize| raw.get(i).is_some_and(u8::is_ascii_hexdigit);
    raw.iter()
        .enumerate()
        .find(|&(i, &b)| b == b'%' && !(hex(i + 1) && hex(i + 2)))
        .map(|(i, _)| i)
}
