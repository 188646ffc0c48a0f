//! Retries: which requests, on which answers, how many times and how long apart.

use super::*;
use std::time::Instant;
use twilio_chat_v1::CreateInvite;
use wiremock::matchers::{method, path};
use wiremock::Mock;

fn too_many(retry_after: Option<&str>) -> ResponseTemplate {
    let body = serde_json::json!({
        "code": 20429,
        "message": "Too Many Requests",
        "more_info": "https://www.twilio.com/docs/errors/20429",
        "status": 429,
    });
    let answer = json(429, &body);
    match retry_after {
        Some(value) => answer.insert_header("Retry-After", value),
        None => answer,
    }
}

/// Answers `first` to the first `times` requests that match `verb`, then `then`.
async fn mount_then(
    server: &MockServer,
    verb: &str,
    first: ResponseTemplate,
    times: u64,
    then: ResponseTemplate,
) {
    Mock::given(method(verb))
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method(verb))
        .respond_with(then)
        .with_priority(2)
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_get_answered_429_with_retry_after_waits_then_succeeds() {
    let server = MockServer::start().await;
    let answer = example("invite_fetch.json");
    mount_then(&server, "GET", too_many(Some("1")), 1, json(200, &answer)).await;

    let started = Instant::now();
    let invite = invites(&server)
        .fetch(&INVITE_SID.parse().unwrap())
        .await
        .expect("second attempt succeeds");
    let waited = started.elapsed();
    assert_invite_is(&invite, &answer);
    assert!(
        waited >= Duration::from_millis(950),
        "Retry-After: 1 was not waited out: {waited:?}"
    );
    assert!(waited < Duration::from_secs(5), "{waited:?}");

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for sent in &requests {
        assert_eq!(sent.method.as_str(), "GET");
        assert_eq!(sent.url.path(), instance_path());
        assert_common_headers(sent);
    }
}

#[tokio::test]
async fn a_retry_after_http_date_in_the_past_retries_at_once() {
    let server = MockServer::start().await;
    let answer = example("invite_read_empty.json");
    mount_then(
        &server,
        "GET",
        too_many(Some("Sun, 06 Nov 1994 08:49:37 GMT")),
        1,
        json(200, &answer),
    )
    .await;

    let started = Instant::now();
    let page = invites(&server)
        .list(twilio_chat_v1::ListInvites::new())
        .await
        .expect("second attempt succeeds");
    assert!(page.invites.is_empty());
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn a_get_gives_up_after_three_attempts_by_default() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(instance_path()))
        .respond_with(too_many(Some("0")))
        .mount(&server)
        .await;

    let err = no_secret(
        invites(&server)
            .fetch(&INVITE_SID.parse().unwrap())
            .await
            .expect_err("still 429"),
    );
    assert_eq!(received(&server).await.len(), 3);
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.code(), Some(20429));
    assert_eq!(
        err.api().map(|a| a.message.as_str()),
        Some("Too Many Requests")
    );
    assert!(!err.is_not_found());
}

#[tokio::test]
async fn a_503_without_retry_after_backs_off_and_succeeds() {
    let server = MockServer::start().await;
    mount_then(
        &server,
        "DELETE",
        ResponseTemplate::new(503),
        2,
        ResponseTemplate::new(204),
    )
    .await;

    let started = Instant::now();
    invites(&server)
        .delete(&INVITE_SID.parse().unwrap())
        .await
        .expect("third attempt succeeds");
    // Backoff with a 2 ms base: far below a second.
    assert!(started.elapsed() < Duration::from_secs(1));
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|r| r.method.as_str() == "DELETE"));
}

#[tokio::test]
async fn a_retry_after_beyond_the_limit_returns_at_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(too_many(Some("60")))
        .mount(&server)
        .await;

    let started = Instant::now();
    let err = no_secret(
        invites(&server)
            .fetch(&INVITE_SID.parse().unwrap())
            .await
            .expect_err("429"),
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(err.status(), Some(429));
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_create_is_not_retried_on_429_by_default() {
    let server = MockServer::start().await;
    mount_then(
        &server,
        "POST",
        too_many(Some("0")),
        1,
        json(201, &example("invite_create.json")),
    )
    .await;

    let err = no_secret(
        invites(&server)
            .create(CreateInvite::new("alice"))
            .await
            .expect_err("429, not retried"),
    );
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.code(), Some(20429));
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_create_is_retried_when_the_policy_opts_in() {
    let server = MockServer::start().await;
    let answer = example("invite_create.json");
    mount_then(&server, "POST", too_many(Some("0")), 1, json(201, &answer)).await;

    let invite = builder(&server)
        .retry_policy(
            RetryPolicy::default()
                .base_delay(Duration::from_millis(2))
                .retry_non_idempotent(true),
        )
        .build()
        .unwrap()
        .invites(&SERVICE_SID.parse().unwrap(), CHANNEL_SID)
        .create(CreateInvite::new("alice"))
        .await
        .expect("second attempt succeeds");
    assert_invite_is(&invite, &answer);

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for sent in &requests {
        assert_eq!(sent.method.as_str(), "POST");
        assert_eq!(sent.url.path(), collection_path(CHANNEL_SID));
        assert_eq!(sent.body, b"Identity=alice");
        assert_eq!(
            header(sent, "content-type"),
            "application/x-www-form-urlencoded"
        );
        assert_common_headers(sent);
    }
}

#[tokio::test]
async fn retry_policy_none_sends_once() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(too_many(Some("0")))
        .mount(&server)
        .await;

    let invites = builder(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
        .invites(&SERVICE_SID.parse().unwrap(), CHANNEL_SID);
    let sid = INVITE_SID.parse().unwrap();
    let err = no_secret(invites.fetch(&sid).await.expect_err("429"));
    assert_eq!(err.status(), Some(429));
    assert_eq!(received(&server).await.len(), 1);
    let err = no_secret(invites.delete(&sid).await.expect_err("429"));
    assert_eq!(err.status(), Some(429));
    assert_eq!(received(&server).await.len(), 2);
}
