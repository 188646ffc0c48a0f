//! Form bodies read strictly: a webhook's parameters are what Twilio signed, so a
//! body that doesn't decode cleanly is refused rather than guessed at.

use super::WebhookError;

/// The pairs of an `application/x-www-form-urlencoded` body, in order: `+` is a
/// space, `%XX` a byte, and the decoded bytes must be UTF-8. Empty pieces (`a=1&&b=2`)
/// are skipped, and a piece without `=` is a name with an empty value, as browsers
/// and Twilio's libraries read them.
pub(crate) fn decode(body: &[u8]) -> Result<Vec<(String, String)>, WebhookError> {
    let mut pairs = Vec::new();
    let mut start = 0;
    for piece in body.split(|&b| b == b'&') {
        if !piece.is_empty() {
            let (name, value) = match piece.iter().position(|&b| b == b'=') {
                Some(eq) => (&piece[..eq], &piece[eq + 1..]),
                None => (piece, &piece[piece.len()..]),
            };
            let value_start = start + name.len() + 1;
            pairs.push((text(name, start)?, text(value, value_start)?));
        }
        start += piece.len() + 1;
    }
    Ok(pairs)
}

/// One name or value, decoded; `at` is its offset in the body, for the error.
fn text(encoded: &[u8], at: usize) -> Result<String, WebhookError> {
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut i = 0;
    while i < encoded.len() {
        match encoded[i] {
            b'+' => bytes.push(b' '),
            b'%' => {
                let byte = encoded
                    .get(i + 1..i + 3)
                    .and_then(|hex| Some(hex_value(hex[0])? << 4 | hex_value(hex[1])?))
                    .ok_or(WebhookError::MalformedBody {
                        offset: at + i,
                        reason: "`%` not followed by two hex digits",
                    })?;
                bytes.push(byte);
                i += 2;
            }
            b => bytes.push(b),
        }
        i += 1;
    }
    String::from_utf8(bytes).map_err(|_| WebhookError::MalformedBody {
        offset: at,
        reason: "a name or value that is not UTF-8 once decoded",
    })
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}
