//! Requests to `candor serve` over a plain TCP connection, for the serve tests.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// `GET path` on 127.0.0.1:`port` (with the Host header serve accepts), waiting up to
/// `timeout` for the answer: (status, head, body); status 0 when the answer has none.
pub fn get(port: u16, path: &str, timeout: Duration) -> (u16, String, String) {
    request(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"),
        timeout,
    )
}

/// Sends `raw` as it is and reads the whole answer: (status, head, body).
pub fn request(port: u16, raw: &str, timeout: Duration) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(timeout)).expect("timeout");
    // The server may answer (and close) before it read everything: ignore a failed send.
    let _ = stream.write_all(raw.as_bytes());
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read");
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}
