//! Promise "the output folder is safe to publish and to rebuild": never around the site or
//! inside its inputs, its mode kept, nothing left behind by dead builds, one build at a time.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{candor, copy_dir, fixture};

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("site"), &site);
    (tmp, site)
}

fn build(site: &Path, out: &Path) -> (Option<i32>, String) {
    let o = candor()
        .args(["build", "--root"])
        .arg(site)
        .arg("--output")
        .arg(out)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run candor");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Names beside `out` (in its parent) other than `out` itself.
fn beside(out: &Path) -> Vec<String> {
    let own = out.file_name().expect("name");
    fs::read_dir(out.parent().expect("parent"))
        .expect("read")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n != own)
        .map(|n| n.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn an_output_around_the_site_is_refused_and_the_sources_stay() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    assert_eq!(build(&site, &out).0, Some(0));
    // The site moved into an earlier build folder, then built into that folder.
    let inner = out.join("site");
    copy_dir(&site, &inner);
    let (code, stderr) = build(&inner, &out);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("contains the site folder"), "{stderr}");
    assert!(
        inner.join("candor.toml").is_file(),
        "the sources were deleted"
    );
    let (code, stderr) = build(&site, tmp.path());
    assert_eq!(code, Some(2), "{stderr}");
    assert!(site.join("candor.toml").is_file());
}

#[test]
fn an_output_inside_an_input_folder_is_refused() {
    for inside in ["static/out", "content/out", "templates/x/out"] {
        let (_tmp, site) = site();
        fs::create_dir_all(site.join("static")).expect("mkdir");
        let out = site.join(inside);
        let (code, stderr) = build(&site, &out);
        assert_eq!(code, Some(2), "{inside}: {stderr}");
        assert!(stderr.contains("which the build reads"), "{stderr}");
        assert!(!out.exists(), "{inside} was written");
    }
    // Also through --previous: the other site's inputs are read too.
    let (tmp, site) = site();
    let (_tmp2, old) = self::site();
    let out = old.join("content/out");
    let o = candor()
        .args(["build", "--root"])
        .arg(&site)
        .arg("--previous")
        .arg(&old)
        .arg("--output")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    drop(tmp);
}

#[test]
fn a_rebuild_keeps_the_output_mode() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    assert_eq!(build(&site, &out).0, Some(0));
    fs::set_permissions(&out, fs::Permissions::from_mode(0o700)).expect("chmod");
    assert_eq!(build(&site, &out).0, Some(0));
    let mode = fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "mode {mode:o}");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o750)).expect("chmod");
    assert_eq!(build(&site, &out).0, Some(0));
    let mode = fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o750, "mode {mode:o}");
}

#[test]
fn folders_of_dead_builds_are_removed_by_the_next_build() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    assert_eq!(build(&site, &out).0, Some(0));
    for stale in [".out.candor-new-4000001", ".out.candor-old-4000002"] {
        fs::create_dir_all(tmp.path().join(stale).join("data")).expect("mkdir");
        fs::write(tmp.path().join(stale).join("data/x.html"), "x").expect("write");
    }
    fs::create_dir(tmp.path().join(".other.candor-new-1")).expect("mkdir");
    assert_eq!(build(&site, &out).0, Some(0));
    let mut left = beside(&out);
    left.sort();
    assert_eq!(left, [".other.candor-new-1", "site"]);
}

#[test]
fn a_second_build_waits_for_the_lock_and_names_it() {
    use std::os::unix::io::AsRawFd;
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    let lock_path = tmp.path().join(".out.candor-lock");
    let lock = fs::File::create(&lock_path).expect("lock file");
    fs::write(&lock_path, "4242").expect("pid");
    // SAFETY: flock on a descriptor this test owns.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
        .env("CI", "1")
        .args(["build", "--root"])
        .arg(&site)
        .arg("--output")
        .arg(&out)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!out.exists(), "the build did not wait for the lock");
    // Releasing: the holder removes the lock file first, as candor does.
    fs::remove_file(&lock_path).expect("rm lock");
    drop(lock);
    let started = Instant::now();
    let o = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("waiting for another candor build"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4242") && stderr.contains(".out.candor-lock"),
        "{stderr}"
    );
    assert!(out.join("index.html").is_file());
    assert!(!lock_path.exists(), "the lock file is left behind");
}

#[test]
fn concurrent_builds_into_one_folder_all_succeed() {
    let (tmp, site) = site();
    let out = tmp.path().join("out");
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
                .env("CI", "1")
                .args(["build", "--root"])
                .arg(&site)
                .arg("--output")
                .arg(&out)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().expect("wait");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert!(out.join("index.html").is_file());
    assert_eq!(beside(&out), ["site"]);
}

/// `audience = "internal"` in candor.toml alone never makes a plain build write internal data
/// into `public/`; an internal build asked for on the command line says so loudly.
#[test]
fn an_internal_audience_comes_from_the_command_line_and_is_announced() {
    let (tmp, site) = site();
    let toml = fs::read_to_string(site.join("candor.toml")).expect("read");
    fs::write(
        site.join("candor.toml"),
        format!("audience = \"internal\"\n{toml}"),
    )
    .expect("write");
    let plain = candor()
        .args(["build", "--root"])
        .arg(&site)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&plain.stderr);
    assert_eq!(plain.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--audience internal"), "{stderr}");
    assert!(!site.join("public").exists(), "a plain build wrote public/");

    let out = tmp.path().join("internal-site");
    let (code, stderr) = build(&site, &out);
    assert_eq!(code, Some(0), "{stderr}");
    let warning = format!("WARNING: INTERNAL build: {}", out.display());
    assert!(stderr.contains(&warning), "{stderr}");
    assert!(out.join("audit").is_dir(), "not an internal build");

    let explicit = candor()
        .args(["build", "--audience", "internal", "--root"])
        .arg(&site)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&explicit.stderr);
    assert_eq!(explicit.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("WARNING: INTERNAL build"), "{stderr}");

    let public = candor()
        .args(["build", "--audience", "public", "--root"])
        .arg(&site)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&public.stderr);
    assert_eq!(public.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("INTERNAL"), "{stderr}");
}
