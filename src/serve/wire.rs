//! HTTP/1.1 on the wire, only as much as `serve` needs: a request head read with a hard size
//! bound ([`MAX_HEAD`], then 431), the `Host` check that stops DNS rebinding, and a response
//! written whole with `Connection: close` (one request per connection, no body is ever read).

use std::io::{self, Read, Write};

/// The largest request head (request line and headers) read; a bigger one is refused with 431
/// before more is buffered.
pub const MAX_HEAD: usize = 16 * 1024;

/// The parts of a request head `serve` looks at.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The request target as sent (`/data/?x=1`).
    pub target: String,
    /// The `Host` header, when there is exactly one.
    pub host: Option<String>,
}

/// Why a request head was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Larger than [`MAX_HEAD`]: answer 431.
    TooLarge,
    /// Not an HTTP request line, or two `Host` headers: answer 400.
    Malformed,
    /// The connection closed, timed out or failed before the head was complete: no answer.
    Gone,
}

/// Reads a request head from `r`, never buffering more than [`MAX_HEAD`] bytes.
pub fn read_head(r: &mut impl Read) -> Result<Request, Refused> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(Refused::Gone),
            Ok(n) => n,
        };
        let searched = buf.len().saturating_sub(3);
        buf.extend_from_slice(&chunk[..n]);
        let end = find(&buf[searched..], b"\r\n\r\n").map(|i| searched + i);
        if end.unwrap_or(buf.len()) > MAX_HEAD {
            return Err(Refused::TooLarge);
        }
        if let Some(end) = end {
            return parse(&buf[..end]);
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn parse(head: &[u8]) -> Result<Request, Refused> {
    let head = String::from_utf8_lossy(head);
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (first.next(), first.next(), first.next(), first.next())
    else {
        return Err(Refused::Malformed);
    };
    if !version.starts_with("HTTP/1.") || method.is_empty() || !target.starts_with('/') {
        return Err(Refused::Malformed);
    }
    let mut hosts = lines
        .filter_map(|l| l.split_once(':'))
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim().to_string());
    let host = hosts.next();
    if hosts.next().is_some() {
        return Err(Refused::Malformed);
    }
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        host,
    })
}

/// Whether `host` names this server on the loopback interface (`127.0.0.1`, `localhost` or
/// `[::1]`, with the port it listens on). Any other name is a page on another site whose DNS
/// now points here (DNS rebinding), so it gets nothing.
pub fn host_allowed(host: &str, port: u16) -> bool {
    let host = host.to_ascii_lowercase();
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|name| host == format!("{name}:{port}"))
}

/// A whole response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// A response that is never cached and whose type is never sniffed.
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            headers: vec![
                ("Content-Type", content_type.to_string()),
                ("Cache-Control", "no-store".to_string()),
                ("X-Content-Type-Options", "nosniff".to_string()),
            ],
            body,
        }
    }

    /// A plain-text response.
    pub fn text(status: u16, body: &str) -> Reply {
        Reply::new(
            status,
            "text/plain; charset=utf-8",
            body.as_bytes().to_vec(),
        )
    }

    /// Adds a header (values are ASCII: constants, numbers, percent-encoded paths).
    pub fn with(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_string()));
        self
    }

    /// Writes the response; a HEAD request gets the head only.
    pub fn write_to(&self, w: &mut impl Write, head_only: bool) -> io::Result<()> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        let mut bytes = out.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        w.write_all(&bytes)?;
        w.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_request_head() {
        let raw = b"GET /data/?x=1 HTTP/1.1\r\nHOST: 127.0.0.1:80\r\nAccept: */*\r\n\r\nbody";
        assert_eq!(
            read_head(&mut &raw[..]),
            Ok(Request {
                method: "GET".into(),
                target: "/data/?x=1".into(),
                host: Some("127.0.0.1:80".into()),
            })
        );
    }

    #[test]
    fn refuses_big_heads_bad_lines_and_two_hosts() {
        let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(read_head(&mut big.as_bytes()), Err(Refused::TooLarge));
        // Without an end, the read stops at the bound too (no unbounded buffering).
        let endless = "a".repeat(10 * MAX_HEAD);
        assert_eq!(read_head(&mut endless.as_bytes()), Err(Refused::TooLarge));
        for bad in [
            "GARBAGE\r\n\r\n",
            "GET http://evil/ HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        ] {
            assert_eq!(
                read_head(&mut bad.as_bytes()),
                Err(Refused::Malformed),
                "{bad}"
            );
        }
        assert_eq!(
            read_head(&mut &b"GET / HTTP/1.1\r\n"[..]),
            Err(Refused::Gone)
        );
    }

    #[test]
    fn only_loopback_names_with_our_port_are_served() {
        for ok in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LocalHost:8000",
            "[::1]:8000",
        ] {
            assert!(host_allowed(ok, 8000), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "127.0.0.1",
            "127.0.0.1:8001",
            "localhost.evil.example:8000",
            "127.0.0.1:8000.evil.example",
            "",
        ] {
            assert!(!host_allowed(bad, 8000), "{bad}");
        }
    }
}
