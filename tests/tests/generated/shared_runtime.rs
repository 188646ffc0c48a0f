//! Two generated crates in one program share one runtime: one `Auth` value makes a
//! client for each, and both answer with one `Error` type. Were the runtime built
//! once per crate, each would have its own `Auth` and `Error`, and this file would
//! not compile.

use fixture_everything as everything;
use fixture_hostile as hostile;
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const SID: &str = "AC0123456789abcdef0123456789ABCDEF";
const TOKEN: &str = "shared-t0ken";

#[tokio::test]
async fn two_crates_share_one_auth_and_one_error_type() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404, "message": "not found", "status": 404
        })))
        .mount(&server)
        .await;

    let auth = everything::Auth::auth_token(SID, TOKEN);
    // One type under both crates' names.
    let same: hostile::Auth = auth.clone();
    let first = everything::Client::builder(auth)
        .base_url(server.uri())
        .build()
        .expect("a client");
    let second = hostile::Client::builder(same)
        .base_url(server.uri())
        .build()
        .expect("a client");

    let errors: Vec<everything::Error> = vec![
        first.boxes().fetch("x").await.expect_err("404"),
        second
            .types("x")
            .list(hostile::ListTypes::new())
            .await
            .expect_err("404"),
    ];
    for err in &errors {
        assert!(err.is_not_found(), "{err}");
        assert_eq!(err.code(), Some(20404));
    }

    let sent = server.received_requests().await.expect("recorded");
    assert_eq!(sent.len(), 2);
    let header = |i: usize, name: &str| {
        sent[i]
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header(0, "authorization"), header(1, "authorization"));
    // Each names itself in the User-Agent, though the runtime is shared.
    assert!(header(0, "user-agent").starts_with("fixture-everything/1.2.3 "));
    assert!(header(1, "user-agent").starts_with("fixture-hostile/0.0.1 "));
}
