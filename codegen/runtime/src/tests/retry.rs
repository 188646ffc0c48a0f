//! `RetryPolicy` and `Retry-After`: which requests, how often, how long apart.

use super::server::*;
use crate::retry::*;
use reqwest::Method;
use serde_json::Value;
use std::time::Duration;
use std::time::Instant;
use time::format_description::well_known::Rfc2822;
use time::OffsetDateTime;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn defaults_retry_idempotent_429_and_503_three_times() {
    let p = RetryPolicy::default();
    assert_eq!(p.attempts_for(&Method::GET), 3);
    assert_eq!(p.attempts_for(&Method::DELETE), 3);
    assert_eq!(p.attempts_for(&Method::POST), 1);
    assert!(p.retries_status(429) && p.retries_status(503));
    assert!(!p.retries_status(500) && !p.retries_status(404));
    assert_eq!(
        p.clone()
            .retry_non_idempotent(true)
            .attempts_for(&Method::POST),
        3
    );
}

#[test]
fn none_and_knobs() {
    assert_eq!(RetryPolicy::none().attempts_for(&Method::GET), 1);
    assert_eq!(
        RetryPolicy::default()
            .max_attempts(0)
            .attempts_for(&Method::GET),
        1
    );
    let p = RetryPolicy::default().max_attempts(5).statuses([500]);
    assert_eq!(p.attempts_for(&Method::GET), 5);
    assert!(p.retries_status(500) && !p.retries_status(429));
}

#[test]
fn backoff_is_full_jitter_under_a_doubling_cap() {
    let p = RetryPolicy::default();
    for (retry, ceiling_ms) in [
        (1, 100),
        (2, 200),
        (3, 400),
        (5, 1600),
        (6, 3000),
        (40, 3000),
        (u32::MAX, 3000),
    ] {
        let ceiling = Duration::from_millis(ceiling_ms);
        let waits: Vec<_> = (0..200).map(|_| p.backoff(retry)).collect();
        assert!(
            waits.iter().all(|w| *w <= ceiling),
            "retry {retry}: {waits:?}"
        );
        // Jitter spreads the waits: not all in the upper or lower half.
        assert!(waits.iter().any(|w| *w < ceiling / 2), "retry {retry}");
        assert!(waits.iter().any(|w| *w > ceiling / 2), "retry {retry}");
    }
}

#[test]
fn retry_after_is_honoured_up_to_the_limit() {
    let p = RetryPolicy::default();
    assert_eq!(
        p.wait(1, Some(Duration::from_secs(2))),
        Some(Duration::from_secs(2))
    );
    assert_eq!(
        p.wait(1, Some(Duration::from_secs(10))),
        Some(Duration::from_secs(10))
    );
    assert_eq!(p.wait(1, Some(Duration::from_secs(11))), None);
    assert!(p
        .wait(1, None)
        .is_some_and(|w| w <= Duration::from_millis(100)));
}

#[test]
fn retry_after_parses_seconds_and_http_dates() {
    let now = OffsetDateTime::parse("Sun, 06 Nov 1994 08:49:37 GMT", &Rfc2822).unwrap();
    assert_eq!(parse_retry_after("0", now), Some(Duration::ZERO));
    assert_eq!(
        parse_retry_after(" 120 ", now),
        Some(Duration::from_secs(120))
    );
    assert_eq!(
        parse_retry_after("99999999999999999999999", now),
        Some(Duration::MAX)
    );
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:40 GMT", now),
        Some(Duration::from_secs(3))
    );
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
        Some(Duration::ZERO)
    );
    for bad in ["", "-1", "1.5", "soon", "2 seconds"] {
        assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
    }
}

#[test]
fn retry_after_accepts_all_three_http_date_forms() {
    // RFC 9110 §5.6.7: a recipient must accept IMF-fixdate, RFC 850 and asctime.
    let now = OffsetDateTime::parse("Sun, 06 Nov 1994 08:49:37 GMT", &Rfc2822).unwrap();
    let three = Some(Duration::from_secs(3));
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:40 GMT", now),
        three
    );
    assert_eq!(
        parse_retry_after("Sunday, 06-Nov-94 08:49:40 GMT", now),
        three
    );
    assert_eq!(parse_retry_after("Sun Nov  6 08:49:40 1994", now), three);
    // In the past: no wait.
    for past in [
        "Saturday, 05-Nov-94 08:49:40 GMT",
        "Sat Nov  5 08:49:40 1994",
    ] {
        assert_eq!(parse_retry_after(past, now), Some(Duration::ZERO), "{past}");
    }
    // A two-digit year more than 50 years ahead is the century before: 2044 is
    // ahead by 50 (kept), 2045 would be 51 (so 1945, in the past).
    assert_eq!(
        parse_retry_after("Sunday, 06-Nov-44 08:49:37 GMT", now),
        Some(Duration::from_secs(18263 * 86400))
    );
    assert_eq!(
        parse_retry_after("Monday, 06-Nov-45 08:49:37 GMT", now),
        Some(Duration::ZERO)
    );
    for bad in [
        "Sunday, 06-Nov-1994 08:49:40 GMT",
        "Sunday, 06-Nov-+4 08:49:40 GMT",
        "Sunday, 06-Nov-94 08:49:40 PST",
        "Sun Nov  6 08:49:40",
        "Sun Nov 6 1994",
        "Sunday, 31-Feb-94 08:49:40 GMT",
    ] {
        assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
    }
}

#[tokio::test]
async fn a_429_is_retried_after_the_retry_after_wait() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(invite(1)))
        .mount(&server)
        .await;
    let started = Instant::now();
    let got: Invite = client(&server).send_json(get("/v1/x")).await.unwrap();
    let waited = started.elapsed();
    assert_eq!(got.identity, "user1");
    // The backoff alone would be at most 5 ms; the server asked for a second.
    assert!(waited >= ms(950), "{waited:?}");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    let sent = requests(&server).await;
    assert_eq!(sent.len(), 2);
    for attempt in &sent {
        assert_eq!(attempt.method.as_str(), "GET");
        assert_eq!(attempt.url.path(), "/v1/x");
        assert_common_headers(attempt);
    }
}

#[tokio::test]
async fn retrying_gives_up_after_max_attempts() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let err = client(&server)
        .send_empty(delete("/v1/x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(requests(&server).await.len(), 3);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    let five =
        builder(&server).retry_policy(RetryPolicy::default().max_attempts(5).base_delay(ms(1)));
    let err = five
        .build()
        .unwrap()
        .send_json::<Value>(get("/v1/x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(requests(&server).await.len(), 5);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let none = builder(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert!(none.send_json::<Value>(get("/v1/x")).await.is_err());
    assert_eq!(requests(&server).await.len(), 1);
    assert!(none.send_empty(delete("/v1/x")).await.is_err());
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn statuses_outside_the_policy_and_long_retry_after_are_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    assert_eq!(
        client(&server)
            .send_json::<Value>(get("/v1/x"))
            .await
            .unwrap_err()
            .status(),
        Some(500)
    );
    assert_eq!(requests(&server).await.len(), 1);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
        .mount(&server)
        .await;
    let started = Instant::now();
    assert_eq!(
        client(&server)
            .send_json::<Value>(get("/v1/x"))
            .await
            .unwrap_err()
            .status(),
        Some(429)
    );
    assert_eq!(requests(&server).await.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn post_is_retried_only_when_opted_in() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    let err = client(&server)
        .send_json::<Value>(create(vec![("Identity", "a".into())]))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(requests(&server).await.len(), 1);

    let opted_in = builder(&server)
        .retry_policy(
            RetryPolicy::default()
                .base_delay(ms(1))
                .retry_non_idempotent(true),
        )
        .build()
        .unwrap();
    let _ = opted_in
        .send_json::<Value>(create(vec![("Identity", "a".into())]))
        .await
        .unwrap_err();
    let sent = requests(&server).await;
    assert_eq!(sent.len(), 1 + 3);
    // Every attempt carries the whole body.
    for attempt in &sent {
        assert_eq!(attempt.body, b"Identity=a");
        assert_eq!(
            attempt
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/x-www-form-urlencoded")
        );
    }
}

/// Answers `first` to the first `times` requests, then `then`.
async fn mount_then(
    server: &MockServer,
    first: ResponseTemplate,
    times: u64,
    then: ResponseTemplate,
) {
    Mock::given(wiremock::matchers::any())
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(then)
        .with_priority(2)
        .mount(server)
        .await;
}

/// Twilio's 429 answer, with `Retry-After: retry_after`.
fn too_many(retry_after: &str) -> ResponseTemplate {
    ResponseTemplate::new(429)
        .set_body_json(twilio_error(429, 20429, "Too Many Requests"))
        .insert_header("retry-after", retry_after)
}

#[tokio::test]
async fn a_retry_after_http_date_in_the_past_retries_at_once() {
    let server = MockServer::start().await;
    let ok = ResponseTemplate::new(200).set_body_json(invite(1));
    mount_then(&server, too_many("Sun, 06 Nov 1994 08:49:37 GMT"), 1, ok).await;
    let started = Instant::now();
    let got: Invite = client(&server).send_json(get("/v1/x")).await.unwrap();
    assert_eq!(got.identity, "user1");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_get_gives_up_after_three_attempts_by_default_with_the_last_answer() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(too_many("0"))
        .mount(&server)
        .await;
    let err = no_secret(
        client(&server)
            .send_json::<Value>(get("/v1/x"))
            .await
            .expect_err("still 429"),
    );
    assert_eq!(requests(&server).await.len(), 3);
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
        ResponseTemplate::new(503),
        2,
        ResponseTemplate::new(204),
    )
    .await;
    let started = Instant::now();
    client(&server)
        .send_empty(delete("/v1/x"))
        .await
        .expect("third attempt succeeds");
    // Backoff of at most 5 ms: far below a second.
    assert!(started.elapsed() < Duration::from_secs(1));
    let sent = requests(&server).await;
    assert_eq!(sent.len(), 3);
    assert!(sent.iter().all(|r| r.method.as_str() == "DELETE"));
}
