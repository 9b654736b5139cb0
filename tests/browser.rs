//! The browser suite (`tests/browser/run.mjs`): Debian's Chromium, driven by playwright-core,
//! over the demo site built by this very binary. It needs `chromium`, `node` and
//! `tests/browser/node_modules` (`npm ci` there); without them this test says what is missing,
//! prints "skipped: ..." and passes, unless `CANDOR_BROWSER_TESTS=require` (as in CI), where a
//! missing piece fails it. The suite's own report (one line per check, the axe summary, and
//! "N passed, M failed") goes straight to the terminal; screenshots and `axe-report.json` to
//! `target/browser-artifacts/`.

use std::env;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn chromium() -> Option<PathBuf> {
    if let Some(path) = env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin")])
        .map(|dir| dir.join("chromium"))
        .find(|p| p.is_file())
}

fn node_works() -> bool {
    Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What the suite needs and this machine lacks.
fn missing(suite: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if chromium().is_none() {
        missing.push("chromium (apt-get install chromium)".to_string());
    }
    if !node_works() {
        missing.push("node".to_string());
    }
    for module in ["playwright-core", "axe-core"] {
        if !suite.join("node_modules").join(module).is_dir() {
            missing.push(format!(
                "tests/browser/node_modules/{module} (npm ci in tests/browser)"
            ));
        }
    }
    missing
}

/// Written to the real stderr: the test harness captures `println!`, and a skip must be seen.
fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

#[test]
fn browser_suite() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suite = manifest.join("tests/browser");
    let required = env::var("CANDOR_BROWSER_TESTS").is_ok_and(|v| v == "require");
    let missing = missing(&suite);
    if !missing.is_empty() {
        let reason = format!(
            "skipped: the browser suite needs {} (see README, \"Browser tests\")",
            missing.join(", ")
        );
        assert!(!required, "CANDOR_BROWSER_TESTS=require, but {reason}");
        say(&reason);
        return;
    }

    let candor = Path::new(env!("CARGO_BIN_EXE_candor"));
    // target/<profile>/candor -> target/browser-artifacts
    let target = candor
        .parent()
        .and_then(Path::parent)
        .expect("the binary lives in target/<profile>/");
    let mut cmd = Command::new("node");
    cmd.arg(suite.join("run.mjs"))
        .arg("--candor")
        .arg(candor)
        .arg("--artifacts")
        .arg(target.join("browser-artifacts"))
        .current_dir(&suite)
        .stdin(Stdio::null());
    if let Some(path) = chromium() {
        cmd.arg("--chromium").arg(path);
    }
    let status = cmd.status().expect("start node");
    assert!(
        status.success(),
        "the browser suite failed ({status}): its report is above"
    );
}
