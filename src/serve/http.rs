//! Answers one request: a build file (HTML gets the live-reload script and, after a failed
//! build, the error overlay), the live-reload script, the long-poll endpoint, or an error page.

use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::inject::{self, POLL_PATH, SCRIPT, SCRIPT_PATH};
use super::paths::{content_type, resolve, Target};
use super::pool::{Parked, Poller};
use super::state::State;
use super::wire::{host_allowed, read_head, Refused, Reply};

/// How long a poll waits for the next build before answering "no change".
pub const POLL_WAIT: Duration = Duration::from_secs(25);
/// How long a client may take to send its request head, or to take the response.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// A path for a `Location` header: anything but unreserved characters and `/` escaped.
fn encode_path(path: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(path, KEEP).to_string()
}

/// Answers one connection to the server listening on `port`: reads the request head (bounded),
/// refuses other hosts, parks a long poll with `poller`; write errors (a closed connection)
/// are ignored.
pub fn handle(mut stream: TcpStream, port: u16, state: &State, poller: &Poller) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let request = match read_head(&mut stream) {
        Ok(r) => r,
        Err(Refused::Gone) => return,
        Err(Refused::TooLarge) => {
            let _ = Reply::text(431, "Request header too large\n").write_to(&mut stream, false);
            drain(&mut stream);
            return;
        }
        Err(Refused::Malformed) => {
            let _ = Reply::text(400, "Bad request\n").write_to(&mut stream, false);
            return;
        }
    };
    let head_only = request.method == "HEAD";
    let response = if !request
        .host
        .as_deref()
        .is_some_and(|h| host_allowed(h, port))
    {
        Reply::text(
            421,
            &format!("This server answers only to 127.0.0.1:{port} and localhost:{port}\n"),
        )
    } else if request.method != "GET" && !head_only {
        Reply::text(405, "GET or HEAD only\n").with("Allow", "GET, HEAD")
    } else if let Some(since) = poll_since(&request.target) {
        let generation = state.snapshot().generation;
        if generation == since {
            poller.park(Parked {
                stream,
                since,
                deadline: Instant::now() + POLL_WAIT,
                head_only,
            });
            return;
        }
        poll_reply(generation)
    } else {
        answer(&request.target, state)
    };
    let _ = response.write_to(&mut stream, head_only);
    if response.status == 405 {
        // A request with a body we did not read: let the client read the answer first.
        drain(&mut stream);
    }
}

/// After refusing a request still being sent: stops writing and reads (a bounded amount of)
/// what the client still sends, so closing does not reset the connection before the client
/// has read the answer.
fn drain(stream: &mut TcpStream) {
    use std::io::Read;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = std::io::copy(&mut stream.take(1 << 20), &mut std::io::sink());
}

/// The generation a long poll (`/__candor/poll?since=N`) waits to change from.
fn poll_since(url: &str) -> Option<u64> {
    let (path, query) = url.split_once('?')?;
    if path != POLL_PATH {
        return None;
    }
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("since="))
        .and_then(|v| v.parse().ok())
}

/// The answer to a poll: the current build generation.
pub fn poll_reply(generation: u64) -> Reply {
    Reply::text(200, &generation.to_string())
}

/// The response to a GET of `url`.
pub fn answer(url: &str, state: &State) -> Reply {
    let path = url.split('?').next().unwrap_or("");
    if path == SCRIPT_PATH {
        return Reply::new(
            200,
            "text/javascript; charset=utf-8",
            SCRIPT.as_bytes().to_vec(),
        );
    }
    if path == POLL_PATH {
        return poll_reply(state.snapshot().generation);
    }
    let snap = state.snapshot();
    let error = snap.error.as_deref();
    let html = "text/html; charset=utf-8";
    if !snap.built {
        let body = inject::page(
            "candor: building",
            "There is no good build to show yet.",
            snap.generation,
            error,
        );
        return Reply::new(503, html, body);
    }
    match resolve(url, |p| snap.files.contains_key(p)) {
        Target::Bad => Reply::text(400, "Bad request path\n"),
        Target::Redirect(to) => {
            Reply::new(301, html, Vec::new()).with("Location", &encode_path(&to))
        }
        Target::File(p) => match snap.files.get(&p) {
            Some(bytes) => {
                let ty = content_type(&p);
                let body = if ty.starts_with("text/html") {
                    inject::inject(bytes, snap.generation, error)
                } else {
                    bytes.to_vec()
                };
                Reply::new(200, ty, body)
            }
            None => Reply::new(
                404,
                html,
                inject::page(
                    "Not found",
                    &format!("This build has no /{p}."),
                    snap.generation,
                    error,
                ),
            ),
        },
    }
}
