//! An example receiver program run as a process: its address, the lines it prints as
//! they come, and requests posted to it as Twilio posts them.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub struct Receiver {
    child: Child,
    addr: String,
    lines: mpsc::Receiver<String>,
}

impl Receiver {
    /// Starts `binary` with `args`, the auth token `token` and a port of its choice,
    /// and waits for its `listening on <addr>` line.
    pub fn start(binary: PathBuf, args: &[&str], token: &str) -> Receiver {
        let mut child = Command::new(binary)
            .args(args)
            .env("TWILIO_AUTH_TOKEN", token)
            .env("WEBHOOK_ADDR", "127.0.0.1:0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the receiver starts");
        let stdout = child.stdout.take().expect("piped");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut receiver = Receiver {
            child,
            addr: String::new(),
            lines,
        };
        let first = receiver.next_line();
        receiver.addr = first
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("{first}"))
            .to_owned();
        receiver
    }

    pub fn next_line(&mut self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(10))
            .expect("the receiver prints a line")
    }

    /// Posts the form `body` to `path`, with `signature` if any; the status, the
    /// content type and the answer's body.
    pub async fn post_typed(
        &self,
        path: &str,
        signature: Option<&str>,
        body: Vec<u8>,
    ) -> (u16, Option<String>, String) {
        // reqwest as the runtime builds it has no process-wide TLS provider; plain
        // HTTP to loopback needs none, but building a client asks for one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut request = reqwest::Client::new()
            .post(format!("http://{}{path}", self.addr))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if let Some(signature) = signature {
            request = request.header("X-Twilio-Signature", signature);
        }
        let response = request.send().await.expect("the receiver answers");
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().expect("text").to_owned());
        (status, content_type, response.text().await.expect("a body"))
    }

    /// [`Receiver::post_typed`] without the content type.
    pub async fn post(&self, path: &str, signature: Option<&str>, body: Vec<u8>) -> (u16, String) {
        let (status, _, body) = self.post_typed(path, signature, body).await;
        (status, body)
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
