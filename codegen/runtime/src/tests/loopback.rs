//! Hand-written HTTP/1.1 servers on loopback, for what wiremock can't do: bodies that
//! never end or break off, resets, answers that never come. Each connection is
//! served on a thread of its own with blocking I/O, so a stall stalls one connection.

use super::server::ClientBuilder;
use super::server::{ms, SID, TOKEN};
use crate::__private::Transport;
use crate::retry::RetryPolicy;
use crate::Auth;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A server that answers every request with what its closure writes.
pub struct RawServer {
    addr: SocketAddr,
    requests: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

/// What to do after an answer: keep the connection for the next request, or close it.
pub enum Then {
    KeepAlive,
    Close,
}

impl RawServer {
    /// Serves every connection with `answer`, called after each request's head and
    /// body were read, with the request's number (from 1, across connections).
    pub fn start(
        answer: impl Fn(&mut TcpStream, usize) -> io::Result<Then> + Send + Sync + 'static,
    ) -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().expect("a bound address");
        let requests = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let answer = Arc::new(answer);
        let (counted, stopped) = (requests.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let (answer, counted) = (answer.clone(), counted.clone());
                std::thread::spawn(move || {
                    // Bounded, so a test that goes wrong leaves no thread behind for long.
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
                    while let Ok(true) = read_request(&mut stream) {
                        let n = counted.fetch_add(1, Ordering::SeqCst) + 1;
                        match answer(&mut stream, n) {
                            Ok(Then::KeepAlive) => {}
                            Ok(Then::Close) | Err(_) => break,
                        }
                    }
                });
            }
        });
        RawServer {
            addr,
            requests,
            stop,
        }
    }

    /// A server that accepts connections and never reads from them or answers.
    pub fn silent() -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().expect("a bound address");
        let requests = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (counted, stopped) = (requests.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                // Counted as connections: nothing is read, so nothing is parsed.
                counted.fetch_add(1, Ordering::SeqCst);
                held.extend(stream.ok());
            }
        });
        RawServer {
            addr,
            requests,
            stop,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many requests were read (connections, for [`RawServer::silent`]).
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// A builder for this server, with backoffs of a few milliseconds.
    pub fn builder(&self) -> ClientBuilder {
        ClientBuilder::new(Auth::auth_token(SID, TOKEN))
            .base_url(self.url())
            .retry_policy(RetryPolicy::default().base_delay(ms(1)).max_delay(ms(5)))
    }

    pub fn client(&self) -> Transport {
        self.builder()
            .build()
            .expect("a loopback base URL is accepted")
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop, which then sees `stop`.
        let _ = TcpStream::connect(self.addr);
    }
}

/// Reads one request's head and its `Content-Length` body; false at end of stream.
fn read_request(stream: &mut TcpStream) -> io::Result<bool> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Ok(false);
        }
        head.push(byte[0]);
        if head.len() > 64 << 10 {
            return Err(io::Error::other("request head over 64 KiB"));
        }
    }
    let length = String::from_utf8_lossy(&head)
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<u64>().ok())?
        })
        .unwrap_or(0);
    io::copy(&mut Read::by_ref(stream).take(length), &mut io::sink())?;
    Ok(true)
}

/// A status line and headers, ending with the blank line.
pub fn head(status: u16, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut text = format!("HTTP/1.1 {status} Whatever\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.into_bytes()
}

/// A whole answer with a `Content-Length` body.
pub fn answer(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> io::Result<Then> {
    let length = body.len().to_string();
    let mut all: Vec<(&str, &str)> = headers.to_vec();
    all.push(("content-length", &length));
    stream.write_all(&head(status, &all))?;
    stream.write_all(body)?;
    stream.flush()?;
    Ok(Then::KeepAlive)
}

/// Blocks until the client hangs up (or 10 s pass), answering nothing more.
pub fn stall(stream: &mut TcpStream) -> io::Result<Then> {
    let mut sink = [0u8; 1024];
    while stream.read(&mut sink)? > 0 {}
    Ok(Then::Close)
}

/// Closes the connection with a TCP reset instead of an orderly close.
pub fn reset(stream: &mut TcpStream) -> io::Result<Then> {
    socket2::SockRef::from(&*stream).set_linger(Some(Duration::ZERO))?;
    Ok(Then::Close)
}
