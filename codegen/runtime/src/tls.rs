//! The TLS backend, chosen by the crate's features: `rustls-ring` (the default),
//! `rustls-aws-lc` or `native-tls`.

use crate::error::Error;

/// True when the crate was built with a TLS backend, so it can reach `https://`.
pub(crate) const AVAILABLE: bool = cfg!(any(
    feature = "rustls-ring",
    feature = "rustls-aws-lc",
    feature = "native-tls"
));

/// `builder` with the TLS backend the features choose.
pub(crate) fn backend(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, Error> {
    #[cfg(all(feature = "rustls-ring", not(feature = "rustls-aws-lc")))]
    {
        ring(builder)
    }
    #[cfg(not(all(feature = "rustls-ring", not(feature = "rustls-aws-lc"))))]
    {
        Ok(builder)
    }
}

/// rustls with *ring* as its crypto provider, given to this client alone: reqwest
/// is built without a provider (`rustls-no-provider`), and installing a process-wide
/// default from a library would decide for the whole program. Certificates are
/// checked by the platform's verifier, as reqwest's own rustls backend does.
#[cfg(all(feature = "rustls-ring", not(feature = "rustls-aws-lc")))]
fn ring(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, Error> {
    use std::sync::Arc;
    let fail = |e: rustls::Error| Error::Config(format!("could not set up TLS: {e}"));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone()).map_err(fail)?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(fail)?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    // reqwest is built without HTTP/2, so offer only HTTP/1.1.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(builder.tls_backend_preconfigured(config))
}
