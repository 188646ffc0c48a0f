//! Access tokens against twilio-python's unit tests (`tests/unit/jwt/test_access_token.py`,
//! MIT), as vectors: each test builds the token those tests build and compares the
//! decoded header and claims whole. The vectors' SIDs (`AC123`, `SK123`, `IS123`…) are
//! padded to real SIDs' 34 characters, as this crate checks them; the Voice vector's
//! application is `AP…`, a TwiML app's prefix, where Python's test writes `CP123`.
//! Signatures are verified with an independent JWT library, `jsonwebtoken`.

use crate::access_token::*;
use crate::validate::{Problem, ValidationError};
use crate::Auth;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{json, Value};
use std::time::Duration;
use time::OffsetDateTime;

const ACCOUNT: &str = "AC12300000000000000000000000000000";
const KEY: &str = "SK12300000000000000000000000000000";
const SECRET: &str = "secret";
/// 2026-01-01T00:00:00Z, so that `jti` and `exp` are known.
const NOW: i64 = 1_767_225_600;

fn token() -> AccessToken {
    AccessToken::new(ACCOUNT, KEY, SECRET)
}

fn sid(prefix: &str) -> String {
    format!("{prefix}12300000000000000000000000000000")
}

/// The token minted at `NOW`, split into its decoded header and claims.
fn decode(token: &AccessToken) -> (Value, Value) {
    let jwt = token
        .to_jwt_at(OffsetDateTime::from_unix_timestamp(NOW).unwrap())
        .unwrap();
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3, "{jwt}");
    let part = |i: usize| -> Value {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[i]).unwrap()).unwrap()
    };
    (part(0), part(1))
}

fn header() -> Value {
    json!({ "alg": "HS256", "typ": "JWT", "cty": "twilio-fpa;v=1" })
}

/// The claims every vector shares, with `grants`.
fn claims(grants: Value) -> Value {
    json!({
        "jti": format!("{KEY}-{NOW}"),
        "iss": KEY,
        "sub": ACCOUNT,
        "exp": NOW + 3600,
        "grants": grants,
    })
}

#[test]
fn empty_grants() {
    assert_eq!(decode(&token()), (header(), claims(json!({}))));
}

#[test]
fn region_goes_in_the_header() {
    let mut expected = header();
    expected["twr"] = json!("foo");
    assert_eq!(decode(&token().region("foo")).0, expected);
}

#[test]
fn nbf_when_set() {
    let nbf = OffsetDateTime::from_unix_timestamp(NOW - 60).unwrap();
    let mut expected = claims(json!({}));
    expected["nbf"] = json!(NOW - 60);
    assert_eq!(decode(&token().not_before(nbf)).1, expected);
}

#[test]
fn identity_is_a_grant() {
    let token = token().identity("test@twilio.com");
    assert_eq!(
        decode(&token).1,
        claims(json!({ "identity": "test@twilio.com" }))
    );
}

#[test]
fn ttl_sets_exp() {
    let token = token().ttl(Duration::from_secs(86_400));
    assert_eq!(decode(&token).1["exp"], json!(NOW + 86_400));
}

#[test]
fn voice_outgoing() {
    let token = token().grant(VoiceGrant::new().outgoing_application_sid(sid("AP")));
    let grants = json!({ "voice": { "outgoing": { "application_sid": sid("AP") } } });
    assert_eq!(decode(&token).1, claims(grants));
}

#[test]
fn voice_outgoing_with_params() {
    let grant = VoiceGrant::new()
        .outgoing_application_sid(sid("AP"))
        .outgoing_application_param("foo", "bar");
    let grants = json!({ "voice": { "outgoing": { "application_sid": sid("AP"), "params": { "foo": "bar" } } } });
    assert_eq!(decode(&token().grant(grant)).1, claims(grants));
}

#[test]
fn voice_params_without_an_application_are_not_sent() {
    let grant = VoiceGrant::new().outgoing_application_param("foo", "bar");
    assert_eq!(
        decode(&token().grant(grant)).1,
        claims(json!({ "voice": {} }))
    );
}

#[test]
fn voice_incoming() {
    let token = token().grant(VoiceGrant::new().incoming_allow(true));
    assert_eq!(
        decode(&token).1,
        claims(json!({ "voice": { "incoming": { "allow": true } } }))
    );
}

#[test]
fn voice_push_credential_and_endpoint() {
    let grant = VoiceGrant::new()
        .push_credential_sid(sid("CR"))
        .endpoint_id("phone-1");
    let grants = json!({ "voice": { "push_credential_sid": sid("CR"), "endpoint_id": "phone-1" } });
    assert_eq!(decode(&token().grant(grant)).1, claims(grants));
}

#[test]
fn video_room() {
    let token = token().grant(VideoGrant::new().room("RM123"));
    assert_eq!(
        decode(&token).1,
        claims(json!({ "video": { "room": "RM123" } }))
    );
}

#[test]
fn chat_service_and_push_credential() {
    let grant = ChatGrant::new()
        .service_sid(sid("IS"))
        .push_credential_sid(sid("CR"));
    let grants = json!({ "chat": { "service_sid": sid("IS"), "push_credential_sid": sid("CR") } });
    assert_eq!(decode(&token().grant(grant)).1, claims(grants));
}

#[test]
fn sync_with_identity() {
    let grant = SyncGrant::new()
        .service_sid(sid("IS"))
        .endpoint_id("blahblahendpoint");
    let token = token().identity("bender").grant(grant);
    let grants = json!({
        "identity": "bender",
        "data_sync": { "service_sid": sid("IS"), "endpoint_id": "blahblahendpoint" },
    });
    assert_eq!(decode(&token).1, claims(grants));
}

#[test]
fn empty_grants_of_two_kinds() {
    let token = token().grant(VideoGrant::new()).grant(ChatGrant::new());
    assert_eq!(decode(&token).1, claims(json!({ "video": {}, "chat": {} })));
}

#[test]
fn task_router() {
    let grant = TaskRouterGrant::new()
        .workspace_sid(sid("WS"))
        .worker_sid(sid("WK"))
        .role("worker");
    let grants = json!({ "task_router": { "workspace_sid": sid("WS"), "worker_sid": sid("WK"), "role": "worker" } });
    assert_eq!(decode(&token().grant(grant)).1, claims(grants));
}

#[test]
fn playback_passes_the_grant_through() {
    let grant = json!({
        "requestCredentials": null,
        "playbackUrl": "https://000.us-east-1.playback.live-video.net/api/video/v1/us-east-000.channel.000?token=xxxxx",
        "playerStreamerSid": "VJXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    });
    let Value::Object(map) = grant.clone() else {
        unreachable!()
    };
    let token = token().grant(PlaybackGrant::new(map));
    assert_eq!(decode(&token).1, claims(json!({ "player": grant })));
}

#[test]
fn a_second_grant_of_a_kind_replaces_the_first() {
    let token = token()
        .grant(VideoGrant::new().room("a"))
        .grant(VideoGrant::new().room("b"));
    assert_eq!(
        decode(&token).1,
        claims(json!({ "video": { "room": "b" } }))
    );
}

/// `jsonwebtoken` checks the signature, `exp`, `nbf`, `iss` and `sub` of a token
/// minted now, and refuses it under another secret.
#[test]
fn an_independent_library_verifies_the_signature() {
    let now = OffsetDateTime::now_utc();
    let jwt = token().identity("alice").not_before(now).to_jwt().unwrap();
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[KEY]);
    validation.sub = Some(ACCOUNT.into());
    validation.validate_nbf = true;
    validation.leeway = 0;
    let key = DecodingKey::from_secret(SECRET.as_bytes());
    let data = jsonwebtoken::decode::<Value>(&jwt, &key, &validation).unwrap();
    assert_eq!(data.claims["grants"], json!({ "identity": "alice" }));
    assert_eq!(data.header.cty.as_deref(), Some("twilio-fpa;v=1"));

    let wrong = DecodingKey::from_secret(b"not the secret");
    assert!(jsonwebtoken::decode::<Value>(&jwt, &wrong, &validation).is_err());
}

fn refusal(token: AccessToken) -> ValidationError {
    token
        .to_jwt_at(OffsetDateTime::from_unix_timestamp(NOW).unwrap())
        .unwrap_err()
}

#[test]
fn a_ttl_over_24_hours_or_of_zero_is_refused() {
    for secs in [86_401, 0] {
        let err = refusal(token().ttl(Duration::from_secs(secs)));
        assert_eq!(err.target(), "Ttl");
        assert_eq!(
            err.problem(),
            &Problem::OutOfRange {
                min: Some(1),
                max: Some(86_400),
                actual: secs.into()
            }
        );
    }
}

#[test]
fn a_start_after_the_end_is_refused() {
    let late = OffsetDateTime::from_unix_timestamp(NOW + 3600).unwrap();
    let err = refusal(token().not_before(late));
    assert_eq!(err.target(), "NotBefore");
}

#[test]
fn malformed_sids_are_refused_naming_the_field() {
    let cases = [
        (AccessToken::new("AC123", KEY, SECRET), "AccountSid"),
        (AccessToken::new(ACCOUNT, ACCOUNT, SECRET), "ApiKeySid"),
        (
            token().grant(ChatGrant::new().service_sid("IS123")),
            "ServiceSid",
        ),
        (
            token().grant(ChatGrant::new().deployment_role_sid(sid("CR"))),
            "RoleSid",
        ),
        (
            token().grant(VoiceGrant::new().outgoing_application_sid(sid("CP"))),
            "ApplicationSid",
        ),
        (
            token().grant(VoiceGrant::new().push_credential_sid("x")),
            "CredentialSid",
        ),
        (
            token().grant(SyncGrant::new().service_sid(sid("IX"))),
            "ServiceSid",
        ),
        (
            token().grant(TaskRouterGrant::new().worker_sid(sid("WS"))),
            "WorkerSid",
        ),
    ];
    for (token, target) in cases {
        let err = refusal(token);
        assert_eq!(err.target(), target);
        assert!(matches!(err.problem(), Problem::Sid { .. }), "{err}");
    }
}

#[test]
fn empty_identity_or_region_is_refused() {
    assert_eq!(refusal(token().identity("")).target(), "Identity");
    assert_eq!(refusal(token().region("")).target(), "Region");
}

#[test]
fn a_refused_grant_is_reported_even_when_replaced() {
    let token = token()
        .grant(ChatGrant::new().service_sid("bad"))
        .grant(ChatGrant::new().service_sid(sid("IS")));
    assert_eq!(refusal(token).target(), "ServiceSid");
}

#[test]
fn from_auth_takes_an_api_key_only() {
    let key = Auth::api_key(ACCOUNT, KEY, SECRET);
    let token = AccessToken::from_auth(&key).unwrap();
    assert_eq!(decode(&token), (header(), claims(json!({}))));

    for auth in [
        Auth::auth_token(ACCOUNT, "token"),
        Auth::client_credentials("OQ00000000000000000000000000000000", "secret"),
    ] {
        let err = AccessToken::from_auth(&auth).unwrap_err().to_string();
        assert!(err.contains("Auth::api_key"), "{err}");
    }
}

#[test]
fn debug_never_shows_the_secret() {
    let shown = format!("{:?}", AccessToken::new(ACCOUNT, KEY, "hunter2"));
    assert!(
        shown.contains("[redacted]") && !shown.contains("hunter2"),
        "{shown}"
    );
}
