//! Generated crates in one program share one runtime: one `Auth` value makes a
//! client for each, and all answer with one `Error` type. Were the runtime built
//! once per crate, each would have its own `Auth` and `Error`, and this file would
//! not compile. Two fixture crates, then the three Twilio crates.

use fixture_everything as everything;
use fixture_hostile as hostile;
use serde_json::json;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const SID: &str = "AC0123456789abcdef0123456789ABCDEF";
const TOKEN: &str = "shared-t0ken";

/// A server that answers every request with Twilio's 404.
async fn not_found_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404, "message": "not found", "status": 404
        })))
        .mount(&server)
        .await;
    server
}

/// Header `name` of every request `server` received.
async fn sent_headers(server: &MockServer, name: &str) -> Vec<String> {
    let sent = server.received_requests().await.expect("recorded");
    sent.iter()
        .map(|r| {
            r.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn two_crates_share_one_auth_and_one_error_type() {
    let server = not_found_server().await;

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
            .list(hostile::resources::r#type::ListTypes::new())
            .await
            .expect_err("404"),
    ];
    for err in &errors {
        assert!(err.is_not_found(), "{err}");
        assert_eq!(err.code(), Some(20404));
    }

    let auth = sent_headers(&server, "authorization").await;
    assert_eq!(auth.len(), 2);
    assert_eq!(auth[0], auth[1]);
    // Each names itself in the User-Agent, though the runtime is shared.
    let agents = sent_headers(&server, "user-agent").await;
    for (agent, fixture) in agents.iter().zip(["everything", "hostile"]) {
        let (name, version) = package(fixture);
        assert!(
            agent.starts_with(&format!("{name}/{version} ")),
            "{agents:?}"
        );
    }
}

/// The name and version of a fixture crate, from its manifest.
fn package(fixture: &str) -> (String, String) {
    let path = tests::workspace_root().join(format!("tests/fixtures/{fixture}/out/Cargo.toml"));
    let manifest = std::fs::read_to_string(path).expect("the fixture's manifest");
    let field = |key: &str| {
        manifest
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key} = \"")))
            .and_then(|v| v.strip_suffix('"'))
            .expect("a package field")
            .to_owned()
    };
    (field("name"), field("version"))
}

#[tokio::test]
async fn the_three_twilio_crates_share_one_auth_and_one_error_type() {
    let server = not_found_server().await;
    let auth = twilio_chat_v1::Auth::auth_token(SID, TOKEN);
    let v1 = twilio_chat_v1::Client::builder(auth.clone())
        .base_url(server.uri())
        .build()
        .expect("a client");
    let v2 = twilio_chat_v2::Client::builder(auth.clone())
        .base_url(server.uri())
        .build()
        .expect("a client");
    let conversations = twilio_conversations_v1::Client::builder(auth)
        .base_url(server.uri())
        .build()
        .expect("a client");

    let service = "IS0123456789abcdef0123456789abcdef";
    let errors: Vec<twilio_chat_v1::Error> = vec![
        v1.services()
            .fetch(&service.parse().expect("a SID"))
            .await
            .expect_err("404"),
        v2.services()
            .fetch(&service.parse().expect("a SID"))
            .await
            .expect_err("404"),
        conversations
            .conversations()
            .fetch("CH0123456789abcdef0123456789abcdef")
            .await
            .expect_err("404"),
    ];
    for err in &errors {
        assert!(err.is_not_found(), "{err}");
    }
    let auth = sent_headers(&server, "authorization").await;
    assert_eq!(auth.len(), 3);
    assert!(auth.iter().all(|a| *a == auth[0]), "{auth:?}");
    let agents = sent_headers(&server, "user-agent").await;
    for (agent, name) in agents.iter().zip([
        "twilio-chat-v1/",
        "twilio-chat-v2/",
        "twilio-conversations-v1/",
    ]) {
        assert!(agent.starts_with(name), "{agent}");
    }
}
