//! The client under faults: connections that break, bodies that are cut or are not
//! JSON, servers that stall, odd `Retry-After` values. Each ends in a typed error,
//! never a panic or a hang, and is retried only where the policy says so (each test
//! counts the requests the server saw).

use super::loopback::{answer, head, reset, stall, RawServer, Then};
use super::server::*;
use crate::__private::Transport;
use crate::error::Error;
use serde_json::Value;
use std::io::Write;
use std::time::{Duration, Instant};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A 200 that promises `{"sid": …}` of 1000 bytes and sends the first 100.
fn half_a_body(stream: &mut std::net::TcpStream) -> std::io::Result<()> {
    stream.write_all(&head(
        200,
        &[
            ("content-type", "application/json"),
            ("content-length", "1000"),
        ],
    ))?;
    let mut body = b"{\"sid\": \"".to_vec();
    body.resize(100, b'a');
    stream.write_all(&body)?;
    stream.flush()
}

/// Runs `req` on `client` and checks that it took less than `most`.
async fn within<T: serde::de::DeserializeOwned>(
    client: &Transport,
    req: crate::__private::Request,
    most: Duration,
) -> Result<T, Error> {
    let started = Instant::now();
    let result = client.send_json::<T>(req).await;
    assert!(started.elapsed() < most, "took {:?}", started.elapsed());
    result
}

#[tokio::test]
async fn a_connection_broken_in_the_middle_of_a_body_is_error_transport() {
    let reset_mid_body = RawServer::start(|stream, _| {
        half_a_body(stream)?;
        reset(stream)
    });
    let closed_mid_body = RawServer::start(|stream, _| {
        half_a_body(stream)?;
        Ok(Then::Close)
    });
    let closed_before_answering = RawServer::start(|_, _| Ok(Then::Close));
    for (what, server) in [
        ("reset in the body", &reset_mid_body),
        ("closed in the body", &closed_mid_body),
        ("closed before answering", &closed_before_answering),
    ] {
        let client = server.client();
        for req in [get("/v1/x"), create(vec![("Identity", "a".into())])] {
            let err = no_secret(
                within::<Value>(&client, req, Duration::from_secs(5))
                    .await
                    .unwrap_err(),
            );
            assert!(matches!(err, Error::Transport { .. }), "{what}: {err:?}");
            assert_eq!(err.status(), None, "{what}");
            assert!(err.to_string().starts_with("Invite."), "{what}: {err}");
        }
        // Neither the GET nor the POST was sent again: the answer had begun, or the
        // request was carried out as far as the client can tell.
        assert_eq!(server.requests(), 2, "{what}");
    }
}

#[tokio::test]
async fn a_truncated_json_body_is_error_decode() {
    let server = RawServer::start(|stream, _| {
        answer(
            stream,
            200,
            &[("content-type", "application/json")],
            br#"{"sid": "IN1", "identi"#,
        )
    });
    let err = server
        .client()
        .send_json::<Invite>(get("/v1/x"))
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            operation: "Invite.fetch",
            status: 200,
            message,
            snippet,
            ..
        } => {
            assert!(message.contains("EOF while parsing"), "{message}");
            assert_eq!(snippet, r#"{"sid": "IN1", "identi"#);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn a_server_that_stalls_times_out_and_is_not_retried() {
    let timeout = ms(300);
    let headers_then_stall = RawServer::start(|stream, _| {
        stream.write_all(&head(200, &[("content-length", "100")]))?;
        stall(stream)
    });
    let part_of_the_body_then_stall = RawServer::start(|stream, _| {
        half_a_body(stream)?;
        stall(stream)
    });
    let read_and_never_answer = RawServer::start(|stream, _| stall(stream));
    let never_read = RawServer::silent();
    for (what, server) in [
        ("headers, then nothing", &headers_then_stall),
        (
            "part of the body, then nothing",
            &part_of_the_body_then_stall,
        ),
        ("the request read, never answered", &read_and_never_answer),
        ("accepted, never read", &never_read),
    ] {
        let client = server.builder().timeout(timeout).build().unwrap();
        let started = Instant::now();
        let err = no_secret(client.send_json::<Value>(get("/v1/x")).await.unwrap_err());
        let took = started.elapsed();
        assert!(
            matches!(
                err,
                Error::Timeout {
                    operation: "Invite.fetch",
                    ..
                }
            ),
            "{what}: {err:?}"
        );
        assert!(err.is_timeout(), "{what}");
        assert!(
            took >= ms(250) && took < Duration::from_secs(3),
            "{what}: {took:?}"
        );
        assert_eq!(server.requests(), 1, "{what}");
    }
}

#[tokio::test]
async fn a_200_with_html_or_an_empty_body_is_error_decode() {
    let server = MockServer::start().await;
    let html = "<!DOCTYPE html><html><body>Please log in</body></html>";
    Mock::given(wiremock::matchers::path("/v1/html"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(html, "text/html"))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/v1/empty"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let client = client(&server);

    let err = client
        .send_json::<Invite>(get("/v1/html"))
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            status: 200,
            message,
            snippet,
            ..
        } => {
            assert!(message.contains("expected value"), "{message}");
            assert_eq!(snippet, html);
        }
        other => panic!("{other:?}"),
    }
    // A record is expected; nothing came.
    for req in [get("/v1/empty"), create(vec![("Identity", "a".into())])] {
        let err = client.send_json::<Invite>(req).await.unwrap_err();
        match &err {
            Error::Decode {
                message, snippet, ..
            } => {
                assert!(message.contains("EOF while parsing"), "{message}");
                assert_eq!(snippet, "");
            }
            other => panic!("{other:?}"),
        }
        assert!(err.to_string().ends_with("; the body starts: "), "{err}");
    }
    // A 2xx is an answer: none of these were sent again.
    assert_eq!(requests(&server).await.len(), 3);
}

#[tokio::test]
async fn invalid_utf8_in_a_body_or_header_is_a_typed_error() {
    let server = MockServer::start().await;
    let record = b"{\"sid\": \"IN\xff\xfe\", \"identity\": \"x\"}".to_vec();
    Mock::given(wiremock::matchers::path("/v1/record"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(record, "application/json"))
        .mount(&server)
        .await;
    // Twilio's error shape, but its message is not UTF-8: not Twilio's error.
    let error = b"{\"code\": 20404, \"message\": \"caf\xe9\"}".to_vec();
    Mock::given(wiremock::matchers::path("/v1/error"))
        .respond_with(ResponseTemplate::new(404).set_body_raw(error, "application/json"))
        .mount(&server)
        .await;
    let client = client(&server);

    let err = client
        .send_json::<Invite>(get("/v1/record"))
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            message, snippet, ..
        } => {
            assert!(message.contains("invalid unicode"), "{message}");
            assert!(snippet.starts_with("{\"sid\": \"IN\u{fffd}"), "{snippet}");
        }
        other => panic!("{other:?}"),
    }
    let err = client
        .send_json::<Invite>(get("/v1/error"))
        .await
        .unwrap_err();
    match &err {
        Error::Http {
            status: 404, body, ..
        } => assert!(body.contains("caf\u{fffd}"), "{body}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(requests(&server).await.len(), 2);

    // A `Retry-After` that is not text is no `Retry-After`: the backoff applies.
    let server = RawServer::start(|stream, n| {
        if n == 1 {
            stream.write_all(
                b"HTTP/1.1 429 Too Many\r\nretry-after: \xff\xfe\r\ncontent-length: 0\r\n\r\n",
            )?;
            Ok(Then::KeepAlive)
        } else {
            answer(stream, 200, &[], invite(1).to_string().as_bytes())
        }
    });
    let got: Invite = within(&server.client(), get("/v1/x"), Duration::from_secs(1))
        .await
        .unwrap();
    assert_eq!(got.identity, "user1");
    assert_eq!(server.requests(), 2);
}

/// A server answering 429 with `Retry-After: value` `times` times, then an invite.
fn too_many_then_ok(value: &'static str, times: usize) -> RawServer {
    RawServer::start(move |stream, n| {
        if n <= times {
            let body = twilio_error(429, 20429, "Too Many Requests").to_string();
            answer(stream, 429, &[("retry-after", value)], body.as_bytes())
        } else {
            answer(stream, 200, &[], invite(1).to_string().as_bytes())
        }
    })
}

#[tokio::test]
async fn a_huge_retry_after_returns_the_429_at_once() {
    for huge in [
        "99999999999999999999999999999",
        "18446744073709551616",
        "31536000",
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ] {
        let server = too_many_then_ok(huge, 1);
        let err = within::<Invite>(&server.client(), get("/v1/x"), Duration::from_secs(1))
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some(20429), "{huge}: {err:?}");
        assert_eq!(server.requests(), 1, "{huge}");
    }
}

#[tokio::test]
async fn a_negative_or_malformed_retry_after_falls_back_to_the_backoff() {
    for odd in [
        "-1",
        "-99999999999999999999",
        "1.5",
        "soon",
        "Yesterday, 25:61",
    ] {
        let server = too_many_then_ok(odd, 2);
        let got: Invite = within(&server.client(), get("/v1/x"), Duration::from_secs(1))
            .await
            .unwrap_or_else(|e| panic!("{odd}: {e}"));
        assert_eq!(got.identity, "user1");
        assert_eq!(server.requests(), 3, "{odd}");

        // Still no more attempts than the policy's three.
        let server = too_many_then_ok(odd, 10);
        let err = within::<Invite>(&server.client(), get("/v1/x"), Duration::from_secs(1))
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(429), "{odd}");
        assert_eq!(server.requests(), 3, "{odd}");
    }
}
