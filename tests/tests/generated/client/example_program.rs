//! The generated example programs, run as processes against a loopback server:
//! `list_invites` over two pages, and `create_and_list_messages`. The imported
//! crates' examples are run by their wire tests, with these helpers.

use super::*;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use wiremock::matchers::{method, path};
use wiremock::Mock;

/// Where `cargo test --workspace` puts the example `name` of crate `krate`: beside
/// `deps/`, the folder of this test binary.
pub fn example_binary(krate: &str, name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary sits in target/<profile>/deps/");
    let binary = profile
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.is_file(),
        "the example program {} is missing: run `cargo test --workspace` (which builds \
         the examples of every crate), or `cargo build -p {krate} --example {name}`, \
         before this test",
        binary.display()
    );
    binary
}

fn record(n: u32) -> Value {
    let mut record = example("invite_read_full.json")["invites"][0].clone();
    record["sid"] = format!("IN{n:032x}").into();
    record["identity"] = format!("user {n} é").into();
    record
}

#[tokio::test]
async fn list_invites_prints_one_json_line_per_invite_across_pages() {
    let binary = example_binary("twilio-chat-v1", "list_invites");
    let server = MockServer::start().await;
    let collection = collection_path("general");
    let base = format!("{}{collection}", server.uri());
    let next = format!("{base}?PageSize=2&Page=1&PageToken=PT1");

    let mut first = example("invite_read_full.json");
    first["invites"] = Value::Array(vec![record(0), record(1)]);
    first["meta"]["page_size"] = 2.into();
    first["meta"]["next_page_url"] = next.clone().into();
    let mut second = example("invite_read_full.json");
    second["invites"] = Value::Array(vec![record(2)]);
    second["meta"]["page"] = 1.into();
    second["meta"]["page_size"] = 2.into();
    second["meta"]["url"] = next.into();
    Mock::given(method("GET"))
        .and(path(collection.clone()))
        .and(QueryIs::none())
        .respond_with(json(200, &first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(collection.clone()))
        .and(QueryIs::exactly("PageSize=2&Page=1&PageToken=PT1"))
        .respond_with(json(200, &second))
        .expect(1)
        .mount(&server)
        .await;

    let output = run(
        binary,
        &[SERVICE_SID, "general"],
        "TWILIO_CHAT_V1_BASE_URL",
        server.uri(),
    )
    .await;
    let (lines, stderr) = printed(output);
    assert_eq!(lines, [record(0), record(1), record(2)]);
    assert!(stderr.contains("3 records"), "{stderr}");

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for sent in &requests {
        assert_eq!(sent.method.as_str(), "GET");
        assert_eq!(sent.url.path(), collection);
        assert_common_headers(sent);
    }
}

/// Runs an example program with credentials for the test server (`uri`, set in the
/// crate's `base_url_var`) and no other Twilio settings from the environment.
pub async fn run(
    binary: PathBuf,
    args: &[&str],
    base_url_var: &'static str,
    uri: String,
) -> std::process::Output {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        Command::new(binary)
            .args(args)
            .env("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
            .env("TWILIO_AUTH_TOKEN", AUTH_TOKEN)
            .env(base_url_var, uri)
            .env_remove("TWILIO_API_KEY")
            .env_remove("TWILIO_API_SECRET")
            .env_remove("TWILIO_REGION")
            .env_remove("TWILIO_EDGE")
            .stdin(Stdio::null())
            .output()
            .expect("the example runs")
    })
    .await
    .expect("the blocking task ends")
}

/// The JSON lines a successful example program printed, and its stderr; fails if it
/// did not succeed or showed the auth token.
pub fn printed(output: std::process::Output) -> (Vec<Value>, String) {
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 stdout");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "{}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
    assert!(!stdout.contains(AUTH_TOKEN) && !stderr.contains(AUTH_TOKEN));
    let lines = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    (lines, stderr)
}

fn message(sid: &str, body: &str) -> Value {
    serde_json::json!({
        "sid": sid,
        "account_sid": ACCOUNT_SID,
        "service_sid": SERVICE_SID,
        "channel_sid": CHANNEL_SID,
        "attributes": "{}",
        "to": CHANNEL_SID,
        "date_created": "2016-03-24T20:37:57Z",
        "date_updated": "2016-03-24T20:37:57Z",
        "was_edited": false,
        "from": "system",
        "body": body,
        "index": 0,
        "url": "https://chat.twilio.com/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Channels/CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    })
}

#[tokio::test]
async fn create_and_list_messages_posts_then_prints_the_channel() {
    let binary = example_binary("twilio-chat-v1", "create_and_list_messages");
    let server = MockServer::start().await;
    let collection = format!("/v1/Services/{SERVICE_SID}/Channels/{CHANNEL_SID}/Messages");
    let posted = message("IM00000000000000000000000000000001", "Hello, é & =");
    let earlier = message("IM00000000000000000000000000000000", "Earlier");
    Mock::given(method("POST"))
        .and(path(collection.clone()))
        .respond_with(json(201, &posted))
        .expect(1)
        .mount(&server)
        .await;
    let page = serde_json::json!({
        "messages": [earlier, posted],
        "meta": {
            "first_page_url": format!("{}{collection}?PageSize=50&Page=0", server.uri()),
            "key": "messages",
            "next_page_url": null,
            "page": 0,
            "page_size": 50,
            "previous_page_url": null,
            "url": format!("{}{collection}?PageSize=50&Page=0", server.uri()),
        }
    });
    Mock::given(method("GET"))
        .and(path(collection.clone()))
        .respond_with(json(200, &page))
        .expect(1)
        .mount(&server)
        .await;

    let output = run(
        binary,
        &[SERVICE_SID, CHANNEL_SID, "Hello, é & ="],
        "TWILIO_CHAT_V1_BASE_URL",
        server.uri(),
    )
    .await;
    let (lines, stderr) = printed(output);
    assert_eq!(lines, [posted.clone(), earlier, posted]);
    assert!(stderr.contains("2 records"), "{stderr}");

    let requests = received(&server).await;
    assert_eq!(requests[0].method.as_str(), "POST");
    let form: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&requests[0].body).expect("a form body");
    assert_eq!(form, [("Body".to_string(), "Hello, é & =".to_string())]);
    assert_eq!(requests[1].method.as_str(), "GET");
    for sent in &requests {
        assert_common_headers(sent);
    }
}
