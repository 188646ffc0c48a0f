//! Bounded answer bodies: `ClientBuilder::max_body_bytes` for 2xx bodies (16 MiB by
//! default), 64 KiB for error bodies, and reading that stops at the limit.

use super::loopback::{answer, head, stall, RawServer, Then};
use super::server::ClientBuilder;
use super::server::*;
use crate::error::Error;
use crate::Auth;
use serde_json::Value;
use std::io::{self, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const MIB: usize = 1 << 20;

/// However long a body is, the server gives up after this much: a client that
/// doesn't stop fails its test instead of taking the machine's memory.
const ENDLESS: usize = 64 * MIB;

/// One chunk of a `Transfer-Encoding: chunked` body.
fn chunk(stream: &mut TcpStream, data: &[u8]) -> io::Result<()> {
    write!(stream, "{:x}\r\n", data.len())?;
    stream.write_all(data)?;
    stream.write_all(b"\r\n")
}

/// Answers `status` with a chunked body that goes on until the client hangs up (or
/// [`ENDLESS`] bytes).
fn endless(stream: &mut TcpStream, status: u16) -> io::Result<Then> {
    stream.write_all(&head(
        status,
        &[
            ("content-type", "application/json"),
            ("transfer-encoding", "chunked"),
        ],
    ))?;
    chunk(stream, b"{\"sid\": \"")?;
    let block = vec![b'x'; 64 << 10];
    for _ in 0..ENDLESS / block.len() {
        chunk(stream, &block)?;
    }
    Ok(Then::Close)
}

/// A server answering every request with an endless body and `status`.
fn endless_server(status: u16) -> RawServer {
    RawServer::start(move |stream, _| endless(stream, status))
}

#[tokio::test]
async fn an_endless_body_stops_at_the_limit_with_error_body_too_large() {
    let server = endless_server(200);
    let client = server.builder().max_body_bytes(MIB).build().unwrap();
    let started = Instant::now();
    let err = no_secret(client.send_json::<Value>(get("/v1/x")).await.unwrap_err());
    assert!(
        matches!(
            err,
            Error::BodyTooLarge {
                operation: "Invite.fetch",
                status: 200,
                limit: MIB,
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Invite.fetch: the HTTP 200 answer's body is longer than the 1048576-byte limit"
    );
    assert_eq!(err.status(), Some(200));
    assert_eq!(err.operation(), Some("Invite.fetch"));
    // Stopped at the limit, not at the timeout; and not retried.
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn the_default_limit_is_16_mib() {
    let server = endless_server(200);
    let err = server
        .client()
        .send_json::<Value>(get("/v1/x"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit, .. } if limit == 16 * MIB),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_before_reading() {
    // Headers announcing a terabyte, then nothing: only the header can end this
    // before the timeout.
    let server = RawServer::start(|stream, _| {
        stream.write_all(&head(200, &[("content-length", "1099511627776")]))?;
        stall(stream)
    });
    let client = server
        .builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.send_json::<Value>(get("/v1/x")).await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { status: 200, limit, .. } if limit == 16 * MIB),
        "{err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn error_bodies_are_cut_at_64_kib() {
    let server = endless_server(500);
    let err = server
        .client()
        .send_json::<Value>(get("/v1/x"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::BodyTooLarge {
                operation: "Invite.fetch",
                status: 500,
                limit: 65536,
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.status(), Some(500));
    assert_eq!(server.requests(), 1);

    // A smaller limit for 2xx bodies applies to error bodies too.
    let small = server.builder().max_body_bytes(1000).build().unwrap();
    let err = small.send_json::<Value>(get("/v1/x")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::BodyTooLarge {
                status: 500,
                limit: 1000,
                ..
            }
        ),
        "{err:?}"
    );

    // A retried status is retried without reading its body; the last one is read.
    let server = endless_server(503);
    let err = server
        .client()
        .send_json::<Value>(get("/v1/x"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::BodyTooLarge {
                status: 503,
                limit: 65536,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.requests(), 3);
}

/// A Twilio JSON error padded with spaces to exactly `len` bytes.
fn padded_error(len: usize) -> Vec<u8> {
    let mut body = twilio_error(404, 20404, "not found")
        .to_string()
        .into_bytes();
    body.resize(len, b' ');
    body
}

#[tokio::test]
async fn bodies_up_to_the_limit_are_read_whole() {
    // With a length (wiremock) the header decides; chunked (raw), the count.
    let server = MockServer::start().await;
    let record = |len: usize| {
        let mut body = invite(1).to_string().into_bytes();
        body.resize(len, b' ');
        body
    };
    Mock::given(method("GET"))
        .and(wiremock::matchers::path("/v1/exact"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(record(1000), "application/json"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(wiremock::matchers::path("/v1/over"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(record(1001), "application/json"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(wiremock::matchers::path("/v1/error"))
        .respond_with(
            ResponseTemplate::new(404).set_body_raw(padded_error(64 << 10), "application/json"),
        )
        .mount(&server)
        .await;
    let client = builder(&server).max_body_bytes(1000).build().unwrap();
    let got: Invite = client.send_json(get("/v1/exact")).await.unwrap();
    assert_eq!(got.identity, "user1");
    let err = client
        .send_json::<Value>(get("/v1/over"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 1000, .. }),
        "{err:?}"
    );
    let err = super::server::client(&server)
        .send_json::<Value>(get("/v1/error"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(20404), "{err:?}");

    let chunked = |len: usize| {
        RawServer::start(move |stream, _| {
            stream.write_all(&head(200, &[("transfer-encoding", "chunked")]))?;
            let body = record(len);
            for part in body.chunks(300) {
                chunk(stream, part)?;
            }
            stream.write_all(b"0\r\n\r\n")?;
            Ok(Then::KeepAlive)
        })
    };
    let exact = chunked(1000);
    let client = exact.builder().max_body_bytes(1000).build().unwrap();
    let got: Invite = client.send_json(get("/v1/x")).await.unwrap();
    assert_eq!(got.identity, "user1");
    let over = chunked(1001);
    let client = over.builder().max_body_bytes(1000).build().unwrap();
    let err = client.send_json::<Value>(get("/v1/x")).await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 1000, .. }),
        "{err:?}"
    );

    // An error body of exactly 64 KiB is still read and parsed; one byte more is not.
    let error = |len: usize| {
        RawServer::start(move |stream, _| {
            answer(
                stream,
                404,
                &[("content-type", "application/json")],
                &padded_error(len),
            )
        })
    };
    let err = error(64 << 10)
        .client()
        .send_json::<Value>(get("/v1/x"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(20404), "{err:?}");
    let err = error((64 << 10) + 1)
        .client()
        .send_json::<Value>(get("/v1/x"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::BodyTooLarge {
                status: 404,
                limit: 65536,
                ..
            }
        ),
        "{err:?}"
    );
}

/// Set in the child process that a memory test starts: the URL of the server, which
/// runs in the parent.
const PROBE: &str = "CODEGEN_RUNTIME_MEMORY_PROBE";
/// The limit the memory tests set.
const PROBE_LIMIT: usize = 4 * MIB;
/// What the client may hold beyond the body itself: hyper's read buffer, the chunk
/// being read, the connection and runtime's own allocations.
const PROBE_MARGIN: usize = 2 * MIB;

// How peak memory is measured: in a child process that runs only the one test, so no
// other test's allocations count, while the server runs in the parent, so the child
// holds only the client. The child warms the client up with one small answer, then
// resets the kernel's peak-RSS mark (`5` to `/proc/self/clear_refs`), notes `VmRSS`,
// makes the one fetch, and reports `VmHWM − VmRSS`: the most resident memory the
// fetch added, as the kernel counts it.

/// An endless body stops at the limit: without it, the client would hold all
/// [`ENDLESS`] bytes (64 MiB) before failing to decode them.
#[cfg(target_os = "linux")]
#[test]
fn an_endless_body_is_read_in_bounded_memory() {
    let name = "an_endless_body_is_read_in_bounded_memory";
    let err = peak_memory_within_the_limit(name, |stream| endless(stream, 200));
    if let Some(err) = err {
        assert!(
            matches!(
                err,
                Error::BodyTooLarge {
                    limit: PROBE_LIMIT,
                    ..
                }
            ),
            "{err:?}"
        );
    }
}

/// A body just under the limit that is not even UTF-8: the error keeps it whole,
/// moved and not copied, and 512 bytes of it as text, without converting the rest
/// (which would triple it).
#[cfg(target_os = "linux")]
#[test]
fn an_undecodable_body_at_the_limit_is_reported_in_bounded_memory() {
    let name = "an_undecodable_body_at_the_limit_is_reported_in_bounded_memory";
    let err = peak_memory_within_the_limit(name, |stream| {
        answer(stream, 200, &[], &vec![0xff; PROBE_LIMIT])
    });
    if let Some(err) = err {
        match err {
            Error::Decode { snippet, .. } => {
                assert_eq!(snippet, format!("{}…", "\u{fffd}".repeat(170)));
            }
            other => panic!("{other:?}"),
        }
    }
}

/// In the parent (`None`): serves the first request a small answer and every later
/// one with `serve`, runs test `name` in a child process and checks the peak memory
/// growth it reports. In the child (`Some`): makes one fetch after the warm-up, prints
/// its peak memory growth, and returns its error.
#[cfg(target_os = "linux")]
fn peak_memory_within_the_limit(
    name: &str,
    serve: impl Fn(&mut TcpStream) -> io::Result<Then> + Send + Sync + 'static,
) -> Option<Error> {
    if let Some(url) = std::env::var_os(PROBE) {
        let (grew, err) = probe(url.to_str().expect("a URL"));
        println!("peak RSS growth: {grew}");
        return Some(err);
    }
    let server = RawServer::start(move |stream, n| match n {
        1 => answer(stream, 200, &[], b"{}"),
        _ => serve(stream),
    });
    let module = module_path!();
    let module = module.split_once("::").map_or(module, |(_, rest)| rest);
    let out = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            &format!("{module}::{name}"),
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(PROBE, server.url())
        .output()
        .expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let grew: usize = stdout
        .lines()
        .find_map(|line| line.split_once("peak RSS growth: ")?.1.parse().ok())
        .unwrap_or_else(|| panic!("no figure from the child: {stdout}\n{stderr}"));
    println!(
        "{name}: peak RSS growth {} KiB with a {} KiB limit",
        grew >> 10,
        PROBE_LIMIT >> 10
    );
    assert!(
        grew < PROBE_LIMIT + PROBE_MARGIN,
        "the fetch grew the peak RSS by {grew} bytes; limit {PROBE_LIMIT} + margin {PROBE_MARGIN}"
    );
    assert_eq!(server.requests(), 2);
    None
}

/// The child's side: the peak RSS growth of one fetch from `url`, in bytes, and the
/// fetch's error.
#[cfg(target_os = "linux")]
fn probe(url: &str) -> (usize, Error) {
    let kib = |field: &str| -> usize {
        let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
        status
            .lines()
            .find_map(|line| {
                line.strip_prefix(field)?
                    .trim()
                    .strip_suffix("kB")?
                    .trim()
                    .parse()
                    .ok()
            })
            .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let client = ClientBuilder::new(Auth::auth_token(SID, TOKEN))
        .base_url(url)
        .max_body_bytes(PROBE_LIMIT)
        .build()
        .expect("a client");
    runtime.block_on(async {
        let warm: Value = client
            .send_json(get("/v1/warm"))
            .await
            .expect("a small answer");
        assert_eq!(warm, serde_json::json!({}));
        std::fs::write("/proc/self/clear_refs", "5").expect("resetting the peak RSS mark");
        let before = kib("VmRSS:");
        let err = client.send_json::<Value>(get("/v1/x")).await.unwrap_err();
        let peak = kib("VmHWM:");
        (peak.saturating_sub(before) << 10, err)
    })
}
