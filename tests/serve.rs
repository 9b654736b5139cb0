//! `candor serve`: serves a build over HTTP, rebuilds when a CSV changes, shows a failed build's
//! diagnostics over the last good page, and recovers. No timed assertions: every wait polls
//! with a generous deadline, and the server is killed when the test ends, pass or fail.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use common::{copy_site, edit};

const CUSTOMERS: &str = "content/inventory/customers.csv";
const PAGE: &str = "/data/delivery_address/index.html";
/// Generous: the machine may be busy with other builds.
const DEADLINE: Duration = Duration::from_secs(90);

/// The server process; killed (and reaped) when dropped, so no test leaves one behind.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .env("SOURCE_DATE_EPOCH", "1796083200")
        .env("CI", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start candor serve");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    // Guard first, so the child is killed even if the line never comes.
    let mut server = Server { child, port: 0 };
    let line = rx.recv_timeout(DEADLINE).expect("serve prints its address");
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    server.port = port;
    server
}

/// A GET over a plain TCP connection: (status, headers, body).
fn get(port: u16, path: &str) -> (u16, String, String) {
    common::http::get(port, path, DEADLINE)
}

/// Sends `request` as it is and reads the whole answer: (status, headers, body).
fn raw_request(port: u16, request: &str) -> (u16, String, String) {
    common::http::request(port, request, DEADLINE)
}

/// Fetches `path` until `ok` holds for its body, or fails after the deadline.
fn wait_for(port: u16, path: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (_, _, body) = get(port, path);
        if ok(&body) {
            return body;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "{what} never happened; last body:\n{body}"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serves_rebuilds_shows_errors_and_recovers() {
    let site = copy_site("site");
    let server = start(site.path());
    let port = server.port;

    let (status, head, body) = get(port, PAGE);
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("So your parcel reaches the right door."));
    assert!(
        body.contains("/__candor/live.js"),
        "live reload is injected"
    );
    assert!(!body.contains("candor-build-error"));

    // A one-line edit is picked up.
    edit(
        site.path(),
        CUSTOMERS,
        "reaches the right door",
        "reaches the green door",
    );
    wait_for(port, PAGE, "the rebuild", |b| {
        b.contains("reaches the green door")
    });

    // A broken CSV: the last good page stays, with the diagnostics over it, escaped.
    edit(site.path(), CUSTOMERS, "legal_basis", "legal_<b>basis");
    let page = wait_for(port, PAGE, "the error overlay", |b| {
        b.contains("candor-build-error")
    });
    assert!(page.contains("content/inventory/customers.csv:1"), "{page}");
    assert!(page.contains("legal_&lt;b&gt;basis"), "{page}");
    assert!(!page.contains("legal_<b>basis"), "diagnostics are escaped");
    assert!(
        page.contains("reaches the green door"),
        "last good build still served"
    );

    // Fixed: the overlay goes away.
    edit(site.path(), CUSTOMERS, "legal_<b>basis", "legal_basis");
    wait_for(port, PAGE, "the recovery", |b| {
        !b.contains("candor-build-error") && b.contains("reaches the green door")
    });
}

#[test]
fn static_serving_is_safe_and_typed() {
    let site = copy_site("site");
    let server = start(site.path());
    let port = server.port;
    for bad in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/data/..%2f..%2fcandor.toml",
    ] {
        let (status, _, body) = get(port, bad);
        assert_eq!(status, 400, "{bad}");
        assert!(
            !body.contains("root:") && !body.contains("base_url"),
            "{bad}"
        );
    }
    let (status, head, _) = get(port, "/data");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /data/"), "{head}");
    let (status, head, _) = get(port, "/charts/collection-heatmap.svg");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: image/svg+xml"), "{head}");
    let (_, head, _) = get(port, "/assets/candor.css");
    assert!(head.contains("Content-Type: text/css"), "{head}");
    let (status, _, body) = get(port, "/no/such/page.html");
    assert_eq!(status, 404);
    assert!(
        body.contains("/__candor/live.js"),
        "a 404 reloads when the page appears"
    );
    let (status, _, body) = get(port, "/__candor/poll");
    assert_eq!(status, 200);
    assert!(body.trim().parse::<u64>().is_ok(), "{body}");
}

#[test]
fn a_site_broken_from_the_start_shows_the_error_and_heals() {
    let site = copy_site("site");
    edit(site.path(), CUSTOMERS, "legal_basis", "legal_bassis");
    let server = start(site.path());
    let port = server.port;
    let (status, _, body) = get(port, "/");
    assert_eq!(status, 503);
    assert!(
        body.contains("candor-build-error") && body.contains("legal_bassis"),
        "{body}"
    );
    edit(site.path(), CUSTOMERS, "legal_bassis", "legal_basis");
    wait_for(port, "/", "the first good build", |b| {
        b.contains("Fixture Outfitters") && !b.contains("candor-build-error")
    });
}

#[test]
fn build_output_never_carries_the_live_reload_script() {
    let out = tempfile::tempdir().unwrap();
    common::candor()
        .args(["build", "--root"])
        .arg(common::fixture("site"))
        .arg("--output")
        .arg(out.path().join("p"))
        .assert()
        .success();
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            assert!(!text.contains("__candor"), "{}", entry.path().display());
        }
    }
}

/// DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends
/// `Host: evil.example:PORT`; it gets 421 and no byte of the site. Loopback names are served.
#[test]
fn only_loopback_host_names_are_answered() {
    let site = copy_site("site");
    let server = start(site.path());
    let port = server.port;
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        "127.0.0.1:1".to_string(),
    ] {
        let (status, _, body) = raw_request(
            port,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status, 421, "{host}");
        assert!(!body.contains("Fixture Outfitters"), "{host}: {body}");
    }
    let (status, _, body) = raw_request(port, "GET / HTTP/1.0\r\n\r\n");
    assert_eq!(status, 421, "no Host at all");
    assert!(!body.contains("Fixture Outfitters"), "{body}");
    for host in [format!("localhost:{port}"), format!("[::1]:{port}")] {
        let (status, _, body) = raw_request(
            port,
            &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("Fixture Outfitters"), "{host}");
    }
}

/// A request head over 16 KiB is refused with 431 without being buffered whole, and the
/// server keeps answering.
#[test]
fn an_oversized_request_header_is_refused() {
    let site = copy_site("site");
    let server = start(site.path());
    let port = server.port;
    let big = "a".repeat(64 * 1024);
    let (status, _, _) = raw_request(
        port,
        &format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: {big}\r\n\r\n"),
    );
    assert_eq!(status, 431);
    let (status, _, _) = get(port, "/");
    assert_eq!(status, 200, "still serving");
}

/// SIGTERM stops the server (it writes nothing to disk, so there is nothing to clean up).
/// How fast is measured by hand (see the report), never asserted here.
#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_and_leaves_the_site_alone() {
    let site = copy_site("site");
    let before = tree(site.path());
    let mut server = start(site.path());
    let port = server.port;
    // An open long poll does not keep it alive.
    let mut poll = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let (_, _, generation) = get(port, "/__candor/poll");
    write!(
        poll,
        "GET /__candor/poll?since={} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n",
        generation.trim()
    )
    .expect("send");
    let pid = server.child.id();
    let status = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let start = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            let _ = status;
            break;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "serve never stopped after SIGTERM"
        );
        thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(tree(site.path()), before, "the site folder is untouched");
}

/// Every file under `root` with its contents, sorted.
#[cfg(unix)]
fn tree(root: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                std::fs::read(e.path()).expect("read")
            } else {
                Vec::new()
            };
            (e.path().to_path_buf(), bytes)
        })
        .collect();
    files.sort();
    files
}
