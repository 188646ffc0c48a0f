//! Credential's secrets, in every API that has the resource: the server receives
//! them, and no `Debug` of the parameters and no error ever shows them.

use super::*;
use crate::client::no_secret;

/// Credential's secret parameters and values. Each value has a plain marker as
/// well, since `Debug` escapes the newlines of a PEM block and a leak of the escaped
/// text would not contain the value itself.
pub const SECRETS: [(&str, &str, &str); 4] = [
    ("ApiKey", "AIzaApiKeyMarker1+/=", "ApiKeyMarker1"),
    ("Secret", "fcm secret&Marker2=", "Marker2"),
    (
        "Certificate",
        "-----BEGIN CERTIFICATE-----\nMIIBcertMarker3+/==\n-----END CERTIFICATE-----",
        "certMarker3",
    ),
    (
        "PrivateKey",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEkeyMarker4/+==\n-----END RSA PRIVATE KEY-----",
        "keyMarker4",
    ),
];

/// The four secret values, in the order of [`SECRETS`].
pub fn values() -> [&'static str; 4] {
    SECRETS.map(|(_, value, _)| value)
}

/// Fails if `shown` contains any secret value or marker.
fn assert_no_secret_in(what: &str, shown: &str) {
    for (name, value, marker) in SECRETS {
        assert!(
            !shown.contains(value) && !shown.contains(marker),
            "{what} shows {name}: {shown}"
        );
    }
}

/// Sends `doc`'s operation `op_id` carrying every secret (`call`, whose parameters
/// print as `params_debug`) to a server that answers 400 with a Twilio error, and
/// checks the secrets reached the server and nothing else.
pub async fn check_secrets<C, F, Fut>(doc: &Doc, op_id: &str, params_debug: String, call: F)
where
    C: ApiClient,
    F: FnOnce(C) -> Fut,
    Fut: Future<Output = Result<Value, Error>>,
{
    assert!(params_debug.contains("[redacted]"), "{params_debug}");
    assert_no_secret_in("the parameters' Debug", &params_debug);

    let server = MockServer::start().await;
    let op = doc.find(op_id);
    let twilio_error = serde_json::json!({
        "code": 20001,
        "message": "bad",
        "more_info": "https://www.twilio.com/docs/errors/20001",
        "status": 400,
    });
    Mock::given(method("POST"))
        .and(path(op.expected_path()))
        .respond_with(json(400, &twilio_error))
        .mount(&server)
        .await;

    let err = no_secret(
        call(client::<C>(&server))
            .await
            .expect_err("the server says 400"),
    );
    match &err {
        Error::Api(api) => assert_eq!((api.status, api.code), (400, Some(20001)), "{api}"),
        other => panic!("not an API error: {other:?}"),
    }
    assert_no_secret_in("the error's Display", &format!("{err}"));
    assert_no_secret_in("the error's Debug", &format!("{err:?}"));

    // The server still got the real values.
    let requests = received(&server).await;
    let form: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&requests[0].body).expect("a form body");
    for (name, value, _) in SECRETS {
        let sent: Vec<&str> = form
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(sent, [value], "{op_id}: {name}");
    }
}

/// Create and update of a Credential resource, each with all four secrets: the same
/// test for every API, which names its types through `$api`.
macro_rules! credential_secrets_test {
    ($api:ident, $doc:expr, $push:expr, $sid:literal) => {
        #[tokio::test]
        async fn credential_secrets_are_sent_but_never_shown() {
            use $api::resources::credential::{CreateCredential, UpdateCredential};
            use $api::Client;
            use $crate::wire::secrets::{check_secrets, values};
            let [api_key, secret, certificate, private_key] = values();

            let create = CreateCredential::new($push)
                .friendly_name("push")
                .api_key(api_key)
                .secret(secret)
                .certificate(certificate)
                .private_key(private_key);
            check_secrets::<Client, _, _>(
                &$doc,
                "CreateCredential",
                format!("{create:?}"),
                |client| async move {
                    let record = client.credentials().create(create).await?;
                    Ok(serde_json::to_value(record).expect("encodes"))
                },
            )
            .await;

            let update = UpdateCredential::new()
                .api_key(api_key)
                .secret(secret)
                .certificate(certificate)
                .private_key(private_key);
            let sid = $sid.parse().unwrap();
            check_secrets::<Client, _, _>(
                &$doc,
                "UpdateCredential",
                format!("{update:?}"),
                |client| async move {
                    let record = client.credentials().update(&sid, update).await?;
                    Ok(serde_json::to_value(record).expect("encodes"))
                },
            )
            .await;
        }
    };
}
pub(crate) use credential_secrets_test;
