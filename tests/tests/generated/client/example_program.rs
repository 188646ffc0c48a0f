//! The generated example program `list_invites`, run as a process against a
//! loopback server that serves two pages.

use super::*;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use wiremock::matchers::{method, path};
use wiremock::Mock;

/// Where `cargo test --workspace` puts the example: beside `deps/`, the folder of
/// this test binary.
fn example_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let profile = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary sits in target/<profile>/deps/");
    let binary = profile
        .join("examples")
        .join(format!("list_invites{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.is_file(),
        "the example program {} is missing: run `cargo test --workspace` (which builds \
         the examples of twilio-chat-v1), or `cargo build -p twilio-chat-v1 --example list_invites`, \
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
    let binary = example_binary();
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

    let uri = server.uri();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(binary)
            .args([SERVICE_SID, "general"])
            .env("TWILIO_ACCOUNT_SID", ACCOUNT_SID)
            .env("TWILIO_AUTH_TOKEN", AUTH_TOKEN)
            .env("TWILIO_CHAT_V1_BASE_URL", uri)
            .env_remove("TWILIO_API_KEY")
            .env_remove("TWILIO_API_SECRET")
            .env_remove("TWILIO_REGION")
            .env_remove("TWILIO_EDGE")
            .stdin(Stdio::null())
            .output()
            .expect("the example runs")
    })
    .await
    .expect("the blocking task ends");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 stdout");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
    assert!(!stdout.contains(AUTH_TOKEN) && !stderr.contains(AUTH_TOKEN));

    let lines: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert_eq!(lines, [record(0), record(1), record(2)], "{stdout}");
    assert!(stderr.contains("3 records"), "{stderr}");

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for sent in &requests {
        assert_eq!(sent.method.as_str(), "GET");
        assert_eq!(sent.url.path(), collection);
        assert_common_headers(sent);
    }
}
