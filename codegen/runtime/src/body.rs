//! Reading an answer's body in bounded memory, for the transport and the OAuth2
//! token source alike.

use crate::error::Error;

/// Error bodies are only parsed for Twilio's JSON error and shown as a snippet.
pub(crate) const ERROR_BODY_BYTES: usize = 64 << 10;

/// Reads the answer's body chunk by chunk, stopping with [`Error::BodyTooLarge`] as
/// soon as it would pass `limit` bytes, so no more than `limit` is ever held.
pub(crate) async fn read_body(
    operation: &'static str,
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, Error> {
    let status = response.status().as_u16();
    let too_large = || Error::BodyTooLarge {
        operation,
        status,
        limit,
    };
    // A declared length over the limit is refused before reading any of it.
    let declared = response.content_length().unwrap_or(0);
    if declared > limit as u64 {
        return Err(too_large());
    }
    let mut body = Vec::with_capacity(declared as usize);
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| Error::transport(operation, e))?
    {
        if chunk.len() > limit - body.len() {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
