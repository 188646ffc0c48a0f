//! Form bodies read strictly: a webhook's parameters are what Twilio signed, so a
//! body that doesn't decode cleanly is refused rather than guessed at. The body is
//! decoded in one pass into one buffer, and checked as UTF-8 once: verifying a
//! webhook should cost little more than its HMAC.

use super::{WebhookError, WebhookParams};
use std::ops::Range;

/// The pairs of an `application/x-www-form-urlencoded` body, in order: `+` is a
/// space, `%XX` a byte, and the decoded bytes must be UTF-8. Empty pieces (`a=1&&b=2`)
/// are skipped, and a piece without `=` is a name with an empty value, as browsers
/// and Twilio's libraries read them.
pub(crate) fn decode(body: &[u8]) -> Result<WebhookParams, WebhookError> {
    let pieces = 1 + body.iter().filter(|&&b| b == b'&').count();
    let mut text = Vec::with_capacity(body.len());
    let mut pairs: Vec<(Range<usize>, Range<usize>)> = Vec::with_capacity(pieces);
    // Where each name and value starts, in the body and in `text`, for errors.
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(2 * pieces);
    let mut name: Option<Range<usize>> = None;
    let mut piece_start = (0, 0);
    let mut i = 0;
    let end_piece = |text: &Vec<u8>,
                     name: &mut Option<Range<usize>>,
                     pairs: &mut Vec<(Range<usize>, Range<usize>)>,
                     piece_start: (usize, usize)| {
        let value_start = name.as_ref().map_or(text.len(), |_| piece_start.1);
        match name.take() {
            Some(name) => pairs.push((name, value_start..text.len())),
            None if text.len() > piece_start.1 => {
                pairs.push((piece_start.1..text.len(), text.len()..text.len()));
            }
            None => {}
        }
    };
    starts.push((0, 0));
    while i < body.len() {
        match body[i] {
            b'&' => {
                end_piece(&text, &mut name, &mut pairs, piece_start);
                piece_start = (i + 1, text.len());
                starts.push(piece_start);
                i += 1;
            }
            b'=' if name.is_none() => {
                name = Some(piece_start.1..text.len());
                piece_start = (i + 1, text.len());
                starts.push(piece_start);
                i += 1;
            }
            b'+' => {
                text.push(b' ');
                i += 1;
            }
            b'%' => {
                let byte = body
                    .get(i + 1..i + 3)
                    .and_then(|hex| Some(hex_value(hex[0])? << 4 | hex_value(hex[1])?))
                    .ok_or(WebhookError::MalformedBody {
                        offset: i,
                        reason: "`%` not followed by two hex digits",
                    })?;
                text.push(byte);
                i += 3;
            }
            _ => {
                // A run of plain bytes, copied at once.
                let run = body[i..]
                    .iter()
                    .position(|&b| SPECIAL[usize::from(b)])
                    .unwrap_or(body.len() - i);
                text.extend_from_slice(&body[i..i + run]);
                i += run;
            }
        }
    }
    end_piece(&text, &mut name, &mut pairs, piece_start);
    // Each name and value must be UTF-8 on its own, not only all of them together.
    let bad = |at: usize| WebhookError::MalformedBody {
        offset: starts
            .iter()
            .rev()
            .find(|(_, in_text)| *in_text <= at)
            .map_or(0, |(in_body, _)| *in_body),
        reason: "a name or value that is not UTF-8 once decoded",
    };
    let text = String::from_utf8(text).map_err(|e| bad(e.utf8_error().valid_up_to()))?;
    for (name, value) in &pairs {
        for edge in [name.start, name.end, value.end] {
            if !text.is_char_boundary(edge) {
                return Err(bad(edge.saturating_sub(1)));
            }
        }
    }
    Ok(WebhookParams::from_parts(text, pairs))
}

/// The bytes that end a run of plain ones: `&`, `=`, `+` and `%`.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'&' as usize] = true;
    table[b'=' as usize] = true;
    table[b'+' as usize] = true;
    table[b'%' as usize] = true;
    table
};

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}
