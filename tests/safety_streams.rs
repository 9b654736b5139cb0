//! Promise "writes report their errors and never panic": a full disk on standard output is
//! exit 2 with a message, a closed pipe ends a command quietly, a full disk on standard error
//! changes nothing, and `--out` never leaves a half-written file in place of the previous one.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{copy_dir, fixture};

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("site"), &site);
    (tmp, site)
}

/// Every command that prints to standard output, on the site at `site`.
fn printing(site: &Path, card: &Path) -> Vec<Vec<String>> {
    let s = site.to_string_lossy().into_owned();
    let v = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        v(&["check", "--root", &s]),
        v(&["check", "--root", &s, "--format", "json"]),
        v(&["diff", &s, &s]),
        v(&["schema", "config"]),
        v(&["export", "--root", &s, "--format", "json"]),
        v(&["export", "--root", &s, "--format", "ropa-csv"]),
        v(&[
            "import",
            "--from",
            "hf",
            &card.to_string_lossy(),
            "--out",
            &site.join("imported").to_string_lossy(),
        ]),
        v(&[
            "build",
            "--root",
            &s,
            "--output",
            &site.join("../out").to_string_lossy(),
        ]),
    ]
}

fn candor(args: &[String]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_candor"));
    c.args(args)
        .env("CI", "1")
        .env("SOURCE_DATE_EPOCH", "1796083200");
    c
}

fn hf_card(dir: &Path) -> PathBuf {
    let card = dir.join("README.md");
    fs::write(
        &card,
        "---\nlicense: mit\n---\n# Tiny model\n\nA model card.\n",
    )
    .expect("write card");
    card
}

#[test]
fn a_full_disk_on_standard_output_is_exit_2_with_a_message() {
    let (tmp, site) = site();
    let card = hf_card(tmp.path());
    for args in printing(&site, &card) {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = candor(&args).stdout(full).output().expect("run");
        let stderr = String::from_utf8_lossy(&o.stderr);
        let code = o.status.code();
        assert_ne!(code, Some(101), "{args:?} panicked: {stderr}");
        if matches!(args[0].as_str(), "build" | "import") {
            // They print nothing on standard output.
            assert_eq!(code, Some(0), "{args:?}: {stderr}");
        } else {
            assert_eq!(code, Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains("cannot write to standard output"),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn a_closed_pipe_or_a_full_standard_error_never_panics() {
    let (tmp, site) = site();
    let card = hf_card(tmp.path());
    for args in printing(&site, &card) {
        let _ = fs::remove_dir_all(site.join("imported"));
        // Standard output closed before anything is written, as `| head -0` does.
        let mut child = candor(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("wait");
        let code = o.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "{args:?} with a closed pipe: {code:?} {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let _ = fs::remove_dir_all(site.join("imported"));
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = candor(&args)
            .stdout(Stdio::null())
            .stderr(full)
            .output()
            .expect("run");
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?} with a full standard error: {:?}",
            o.status
        );
    }
}

#[test]
fn a_failed_export_to_a_file_keeps_the_previous_one() {
    let (tmp, site) = site();
    let out = tmp.path().join("export.json");
    fs::write(&out, "PREVIOUS EXPORT").expect("write");
    // A file size limit of 1 KiB makes the write fail part way (SIGXFSZ ignored: EFBIG).
    let script = format!(
        "trap '' XFSZ; ulimit -f 2; exec '{}' export --root '{}' --format json --out '{}'",
        env!("CARGO_BIN_EXE_candor"),
        site.display(),
        out.display()
    );
    let o = Command::new("bash")
        .args(["-c", &script])
        .output()
        .expect("bash");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("export.json"), "{stderr}");
    assert_eq!(
        fs::read_to_string(&out).expect("read"),
        "PREVIOUS EXPORT",
        "the previous export was destroyed"
    );
    let names: Vec<_> = fs::read_dir(tmp.path())
        .expect("read")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("candor-tmp")),
        "temporary file left: {names:?}"
    );
}
