//! Answers one request: a build file (HTML gets the live-reload script and, after a failed
//! build, the error overlay), the live-reload script, the long-poll endpoint, or an error page.

use std::io::Cursor;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::inject::{self, POLL_PATH, SCRIPT, SCRIPT_PATH};
use super::paths::{content_type, resolve, Target};
use super::state::State;

/// How long a poll waits for the next build before answering "no change".
const POLL_WAIT: Duration = Duration::from_secs(25);

type Reply = Response<Cursor<Vec<u8>>>;

/// Adds a header; values are ASCII (constants, numbers, percent-encoded paths).
fn with(response: Reply, name: &str, value: &str) -> Reply {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}

fn reply(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    let r = Response::from_data(body).with_status_code(StatusCode(status));
    let r = with(r, "Content-Type", content_type);
    let r = with(r, "Cache-Control", "no-store");
    with(r, "X-Content-Type-Options", "nosniff")
}

/// A path for a `Location` header: anything but unreserved characters and `/` escaped.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Answers `request` from `state`; errors writing to a closed connection are ignored.
pub fn handle(request: Request, state: &State) {
    // tiny_http leaves the body out of a HEAD response by itself.
    let response = match request.method() {
        Method::Get | Method::Head => answer(request.url(), state),
        _ => with(
            reply(
                405,
                "text/plain; charset=utf-8",
                b"GET or HEAD only\n".to_vec(),
            ),
            "Allow",
            "GET, HEAD",
        ),
    };
    let _ = request.respond(response);
}

/// The response to a GET of `url`.
pub fn answer(url: &str, state: &State) -> Reply {
    let path = url.split('?').next().unwrap_or("");
    if path == SCRIPT_PATH {
        return reply(
            200,
            "text/javascript; charset=utf-8",
            SCRIPT.as_bytes().to_vec(),
        );
    }
    if path == POLL_PATH {
        let since = url
            .split_once("since=")
            .and_then(|(_, v)| v.split('&').next())
            .and_then(|v| v.parse::<u64>().ok());
        let generation = match since {
            Some(n) => state.wait_change(n, POLL_WAIT),
            None => state.snapshot().generation,
        };
        return reply(
            200,
            "text/plain; charset=utf-8",
            generation.to_string().into_bytes(),
        );
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
        return reply(503, html, body);
    }
    match resolve(url, |p| snap.files.contains_key(p)) {
        Target::Bad => reply(
            400,
            "text/plain; charset=utf-8",
            b"Bad request path\n".to_vec(),
        ),
        Target::Redirect(to) => with(reply(301, html, Vec::new()), "Location", &encode_path(&to)),
        Target::File(p) => match snap.files.get(&p) {
            Some(bytes) => {
                let ty = content_type(&p);
                let body = if ty.starts_with("text/html") {
                    inject::inject(bytes, snap.generation, error)
                } else {
                    bytes.to_vec()
                };
                reply(200, ty, body)
            }
            None => reply(
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
