//! Measures how long a one-line inventory change to the demo site takes to go live under
//! `candor serve`: from writing the file to the server answering with the new build (what an
//! open page's live-reload poll sees). Ignored by default and never asserts a time; run it with
//!
//! ```sh
//! cargo test --release --test serve_latency -- --ignored --nocapture
//! ```

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> String {
    common::http::get(port, path, Duration::from_secs(120)).2
}

#[test]
#[ignore = "measurement, not a check: run with --ignored --nocapture"]
fn one_line_inventory_change_goes_live() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = tempfile::tempdir().unwrap();
    std::fs::copy(demo.join("candor.toml"), site.path().join("candor.toml")).unwrap();
    common::copy_dir(&demo.join("content"), &site.path().join("content"));
    // The demo's logo is under static/: without it the build fails.
    common::copy_dir(&demo.join("static"), &site.path().join("static"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["serve", "--port", "0", "--root"])
        .arg(site.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _guard = Server(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let port: u16 = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("port");

    let csv = site.path().join("content/inventory/orders.csv");
    let original = std::fs::read_to_string(&csv).unwrap();
    let mut times = Vec::new();
    for round in 0..15 {
        let generation: u64 = get(port, "/__candor/poll").trim().parse().unwrap();
        // A one-line change: the reason of the first row.
        let edited = original.replacen(
            "Because tax law",
            &format!("Round {round}: because tax law"),
            1,
        );
        assert_ne!(edited, original, "the demo's orders.csv changed shape");
        let started = Instant::now();
        std::fs::write(&csv, &edited).unwrap();
        let after: u64 = get(port, &format!("/__candor/poll?since={generation}"))
            .trim()
            .parse()
            .unwrap();
        let elapsed = started.elapsed();
        assert_ne!(after, generation, "no rebuild within the poll's wait");
        let home = get(port, "/data/index.html");
        assert!(
            !home.contains("candor-build-error"),
            "the edit broke the build"
        );
        times.push(elapsed.as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(100));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "one-line change live in: median {:.0} ms, min {:.0} ms, max {:.0} ms ({} edits)",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
