//! One `Transport` shared by many tasks: every answer reaches the task that asked, none
//! is lost and none duplicated.

use super::server::ClientBuilder;
use super::server::*;
use crate::Auth;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const TASKS: u32 = 64;
const FETCHES: u32 = 10_000;

/// A keep-alive HTTP/1.1 server answering `GET /v1/echo/{n}` with the invite whose
/// `identity` is `{n}`, and counting how often each `n` was asked for.
async fn echo_server(seen: Arc<Vec<AtomicU32>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let addr = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(echo(stream, seen.clone()));
        }
    });
    format!("http://{addr}")
}

async fn echo(mut stream: TcpStream, seen: Arc<Vec<AtomicU32>>) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(4096);
    loop {
        let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
            if stream.read_buf(&mut buf).await? == 0 {
                return Ok(());
            }
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..end]).into_owned();
        buf.drain(..end + 4);
        let n: Option<u32> = head
            .split(' ')
            .nth(1)
            .and_then(|path| path.strip_prefix("/v1/echo/"))
            .and_then(|n| n.parse().ok());
        let answer = match n.and_then(|n| seen.get(n as usize).map(|count| (n, count))) {
            Some((n, count)) => {
                count.fetch_add(1, Ordering::SeqCst);
                let body = format!(r#"{{"sid":"IN{n}","identity":"{n}"}}"#);
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                )
            }
            None => "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n".to_owned(),
        };
        stream.write_all(answer.as_bytes()).await?;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_tasks_share_a_client_for_ten_thousand_fetches() {
    let seen: Arc<Vec<AtomicU32>> = Arc::new((0..FETCHES).map(|_| AtomicU32::new(0)).collect());
    let url = echo_server(seen.clone()).await;
    let client = ClientBuilder::new(Auth::auth_token(SID, TOKEN))
        .base_url(url)
        .build()
        .expect("a loopback base URL is accepted");
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|task| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut answered = Vec::new();
                for n in (task..FETCHES).step_by(TASKS as usize) {
                    let got: Invite = client
                        .send_json(get(&format!("/v1/echo/{n}")))
                        .await
                        .unwrap_or_else(|e| panic!("fetch {n}: {e}"));
                    // The answer to this task's own request, not another's.
                    assert_eq!(got.identity, n.to_string());
                    answered.push(n);
                }
                answered
            })
        })
        .collect();
    let mut answered = Vec::new();
    for task in tasks {
        let all = tokio::time::timeout(Duration::from_secs(60), task)
            .await
            .expect("the load finishes within a minute")
            .expect("the task did not panic");
        answered.extend(all);
    }
    let took = started.elapsed();
    answered.sort_unstable();
    assert_eq!(answered, (0..FETCHES).collect::<Vec<_>>());
    let counts: Vec<u32> = seen.iter().map(|c| c.load(Ordering::SeqCst)).collect();
    assert!(
        counts.iter().all(|&c| c == 1),
        "the server saw a fetch other than once"
    );
    println!(
        "{FETCHES} fetches from {TASKS} tasks in {took:?}: {:.0} a second",
        f64::from(FETCHES) / took.as_secs_f64()
    );
}
