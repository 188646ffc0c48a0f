//! The generated client's cost per request: `Invites::fetch` against the same fetch
//! written by hand with `reqwest` (format the URL, Basic auth, `Accept`, read the
//! body, decode the same `Invite`), in the same run, to the same loopback server.
//!
//! The server is as cheap as it can be, so the client's share shows: a tokio
//! keep-alive HTTP/1.1 loop that finds the end of each request head and writes one
//! canned answer, Twilio's example Invite. It runs on the clients' thread.
//!
//! 1. One request at a time: latency, and requests per second as its inverse.
//! 2. 16 requests in flight on one connection pool: requests per second.
//!
//! Target: generated / by hand ≤ 1.10 in both.
//!
//! `cargo bench -p tests --bench client`

use criterion::Throughput;
use futures_util::stream::{self, StreamExt};
use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};
use tests::bench::{criterion, human, median_ns, print_ratio};
use tests::fixture;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::runtime::Runtime;
use twilio_chat_v1::resources::invite::Invite;
use twilio_chat_v1::resources::invite::Invites;
use twilio_chat_v1::types::InviteSid;
use twilio_chat_v1::{Auth, Client, RetryPolicy};

const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const AUTH_TOKEN: &str = "bench-token";
const SERVICE_SID: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const CHANNEL_SID: &str = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const INVITE_SID: &str = "INaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// Requests in flight at once in the concurrent benchmark.
const IN_FLIGHT: usize = 16;
/// Requests per iteration of the concurrent benchmark.
const BATCH: usize = 256;

/// Starts the server on `runtime`, the clients' own: it runs whenever they wait, and
/// a request costs no thread wake-ups, so the times are work done, not the
/// scheduler's latency (which on a busy machine swamps the client's share). Its
/// base URL.
fn start_server(runtime: &Runtime) -> String {
    let body = fixture("openapi/invite_fetch.json");
    let answer: &'static [u8] = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
    .leak();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let addr = listener.local_addr().expect("a bound address");
    runtime.spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            tokio::spawn(serve(stream, answer));
        }
    });
    format!("http://{addr}")
}

/// Answers every request head on `stream` with `answer`; GETs have no body.
async fn serve(mut stream: tokio::net::TcpStream, answer: &'static [u8]) {
    let mut buf = vec![0u8; 16 << 10];
    let mut filled = 0;
    loop {
        match stream.read(&mut buf[filled..]).await {
            Ok(0) | Err(_) => return,
            Ok(n) => filled += n,
        }
        while let Some(end) = buf[..filled].windows(4).position(|w| w == b"\r\n\r\n") {
            if stream.write_all(answer).await.is_err() {
                return;
            }
            buf.copy_within(end + 4..filled, 0);
            filled -= end + 4;
        }
        if filled == buf.len() {
            return;
        }
    }
}

/// The two ways to fetch the example Invite.
struct Fetchers {
    invites: Invites,
    sid: InviteSid,
    http: reqwest::Client,
    base: String,
}

impl Fetchers {
    fn new(base: &str) -> Fetchers {
        let client = Client::builder(Auth::auth_token(ACCOUNT_SID, AUTH_TOKEN))
            .base_url(base)
            .retry_policy(RetryPolicy::none())
            .build()
            .expect("a client");
        Fetchers {
            invites: client.invites(&SERVICE_SID.parse().expect("a SID"), CHANNEL_SID),
            sid: INVITE_SID.parse().expect("a SID"),
            // What a person would write: a client with a timeout, as the generated
            // one has.
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("a reqwest client"),
            base: base.to_owned(),
        }
    }

    async fn generated(&self) -> Invite {
        self.invites.fetch(&self.sid).await.expect("fetched")
    }

    async fn by_hand(&self) -> Invite {
        let url = format!(
            "{}/v1/Services/{SERVICE_SID}/Channels/{CHANNEL_SID}/Invites/{INVITE_SID}",
            self.base
        );
        let response = self
            .http
            .get(url)
            .basic_auth(ACCOUNT_SID, Some(AUTH_TOKEN))
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .expect("sent")
            .error_for_status()
            .expect("a 2xx");
        let body = response.bytes().await.expect("a body");
        serde_json::from_slice(&body).expect("an Invite")
    }
}

/// `BATCH` fetches through `fetch`, `IN_FLIGHT` at a time.
async fn batch<F: std::future::Future<Output = Invite>>(fetch: impl Fn() -> F) {
    stream::iter(0..BATCH)
        .map(|_| fetch())
        .buffer_unordered(IN_FLIGHT)
        .for_each(|invite| {
            black_box(invite);
            async {}
        })
        .await;
}

/// The median over `rounds` of time(generated) / time(by hand), each round timing
/// `n` sequential fetches of each back to back, alternating which goes first: drifts
/// in machine speed (other builds on a shared machine) cancel out.
fn paired_ratio(runtime: &Runtime, fetchers: &Fetchers, rounds: usize, n: usize) -> f64 {
    let time = |generated: bool| {
        let started = Instant::now();
        runtime.block_on(async {
            for _ in 0..n {
                if generated {
                    black_box(fetchers.generated().await);
                } else {
                    black_box(fetchers.by_hand().await);
                }
            }
        });
        started.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..rounds)
        .map(|i| {
            if i % 2 == 0 {
                let g = time(true);
                g / time(false)
            } else {
                let h = time(false);
                time(true) / h
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[rounds / 2]
}

fn main() {
    let started = SystemTime::now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let base = start_server(&runtime);
    let fetchers = Fetchers::new(&base);
    // Both answer the same.
    let (a, b) = runtime.block_on(async { (fetchers.generated().await, fetchers.by_hand().await) });
    assert_eq!(a, b);

    let mut c = criterion();
    let mut group = c.benchmark_group("fetch");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Elements(1));
    group.bench_function("generated", |b| {
        b.iter(|| runtime.block_on(fetchers.generated()))
    });
    group.bench_function("by_hand", |b| {
        b.iter(|| runtime.block_on(fetchers.by_hand()))
    });
    group.finish();

    let mut group = c.benchmark_group("fetch_concurrent");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(30);
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("generated", |b| {
        b.iter(|| runtime.block_on(batch(|| fetchers.generated())))
    });
    group.bench_function("by_hand", |b| {
        b.iter(|| runtime.block_on(batch(|| fetchers.by_hand())))
    });
    group.finish();
    c.final_summary();

    println!("\nrequests per second (medians of this run)");
    for (label, id, per) in [
        ("one at a time, generated", "fetch/generated", 1),
        ("one at a time, by hand", "fetch/by_hand", 1),
        (
            "16 in flight, generated",
            "fetch_concurrent/generated",
            BATCH,
        ),
        ("16 in flight, by hand", "fetch_concurrent/by_hand", BATCH),
    ] {
        if let Some(ns) = median_ns(id, started) {
            let each = ns / per as f64;
            println!(
                "{label:<58} {:>10.0} /s  ({} a request)",
                1e9 / each,
                human(each)
            );
        }
    }
    if let (Some(g), Some(h)) = (
        median_ns("fetch/generated", started),
        median_ns("fetch/by_hand", started),
    ) {
        println!(
            "{:<58} {:>12} a request",
            "overhead of the generated client, one at a time",
            human(g - h)
        );
    }

    println!("\nratios (medians of this run; lower is faster)");
    print_ratio(
        "one at a time: generated / by hand",
        "fetch/generated",
        "fetch/by_hand",
        Some(1.10),
        started,
    );
    print_ratio(
        "16 in flight: generated / by hand",
        "fetch_concurrent/generated",
        "fetch_concurrent/by_hand",
        Some(1.10),
        started,
    );
    if median_ns("fetch/generated", started).is_some() {
        let ratio = paired_ratio(&runtime, &fetchers, 41, 200);
        let verdict = if ratio <= 1.10 { "met" } else { "MISSED" };
        println!(
            "{:<58} {ratio:>38.3}  target <= 1.1: {verdict}",
            "one at a time, paired (41 rounds of 200 alternating)"
        );
    }
}
