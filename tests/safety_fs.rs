//! Promise "nothing outside the site is read, nothing inside is skipped silently": the one
//! filesystem rule of `load::fs`, seen from the command line. A symbolic link that leaves the
//! site (or `static/`, `templates/`) is an input error naming the link, whatever it stands
//! for; a link inside is followed; FIFOs never hang a build; every file under `content/` that
//! is not read is an error or named in one warning.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{candor, copy_dir, fixture, write};

const SECRET: &str = "s3cret-outside-the-site";

/// A copy of the fixture site at `tmp/site`, and a secret file and folder beside it.
fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("site"), &site);
    fs::create_dir(tmp.path().join("outside")).expect("mkdir");
    fs::write(tmp.path().join("outside/secret.csv"), SECRET).expect("write");
    fs::write(tmp.path().join("outside/secret.md"), SECRET).expect("write");
    (tmp, site)
}

/// Runs `candor args --root site` (with a time limit), returning exit code, stdout, stderr.
fn run(site: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let o = candor()
        .args(args)
        .arg("--root")
        .arg(site)
        .timeout(Duration::from_secs(30))
        .output()
        .expect("run candor");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Every file under `dir`, concatenated (empty when it does not exist).
fn all_text(dir: &Path) -> String {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| String::from_utf8_lossy(&fs::read(e.path()).expect("read")).into_owned())
        .collect()
}

/// Replaces `rel` in the site with a link to `target`.
fn link(site: &Path, rel: &str, target: &Path) {
    let path = site.join(rel);
    if path.is_dir() {
        fs::remove_dir_all(&path).expect("rm");
    } else if path.exists() {
        fs::remove_file(&path).expect("rm");
    }
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    symlink(target, &path).expect("symlink");
}

#[test]
fn links_leaving_the_site_are_input_errors_naming_the_link() {
    let cases: &[(&str, &str)] = &[
        ("static", "outside"),
        ("templates", "outside"),
        ("static/leak.csv", "outside/secret.csv"),
        ("static/img", "outside"),
        ("templates/page.html", "outside/secret.md"),
        ("candor.toml", "outside/secret.csv"),
        ("content/retention.csv", "outside/secret.csv"),
        ("content/systems.csv", "outside/secret.csv"),
        ("content/recipients.csv", "outside/secret.csv"),
        ("content/inventory/leak.csv", "outside/secret.csv"),
        ("content/inventory", "outside"),
        ("content/models/leak.md", "outside/secret.md"),
        ("content/pages", "outside"),
        ("content", "outside"),
    ];
    for (rel, target) in cases {
        let (tmp, site) = site();
        link(&site, rel, &tmp.path().join(target));
        let out = tmp.path().join("out");
        for args in [
            &["build", "--output", out.to_str().expect("utf-8")][..],
            &["check"][..],
            &["export", "--format", "json"][..],
        ] {
            let (code, stdout, stderr) = run(&site, args);
            let theme = rel.starts_with("static") || rel.starts_with("templates");
            if theme && args[0] != "build" {
                continue; // check and export do not read the theme
            }
            assert_eq!(code, Some(2), "{rel} ({args:?}): {stderr}");
            assert!(
                stderr.contains(rel),
                "{rel}: the link is not named:\n{stderr}"
            );
            assert!(stderr.contains("symbolic link"), "{rel}:\n{stderr}");
            assert!(
                !stderr.contains(SECRET) && !stdout.contains(SECRET),
                "{rel}: leaked"
            );
        }
        assert!(
            !all_text(&out).contains(SECRET),
            "{rel}: published the secret"
        );
        assert!(
            !out.exists(),
            "{rel}: a failed build wrote {}",
            out.display()
        );
    }
}

#[test]
fn dangling_and_looping_links_are_named() {
    let (tmp, site) = site();
    link(
        &site,
        "content/inventory/gone.csv",
        &tmp.path().join("nowhere"),
    );
    symlink("loop.md", site.join("content/models/loop.md")).expect("link");
    fs::create_dir_all(site.join("static")).expect("mkdir");
    symlink(".", site.join("static/self")).expect("link");
    let out = tmp.path().join("out");
    let (code, _, stderr) = run(&site, &["build", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(code, Some(2), "{stderr}");
    for named in ["content/inventory/gone.csv", "content/models/loop.md"] {
        assert!(stderr.contains(named), "{named} not named:\n{stderr}");
    }
    fs::remove_file(site.join("content/inventory/gone.csv")).expect("rm");
    fs::remove_file(site.join("content/models/loop.md")).expect("rm");
    let (code, _, stderr) = run(&site, &["build", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("static/self") && stderr.contains("loop"),
        "{stderr}"
    );
}

#[test]
fn links_that_stay_inside_are_followed() {
    let (tmp, site) = site();
    fs::rename(
        site.join("content/inventory/staff.csv"),
        site.join("staff-data.csv"),
    )
    .expect("mv");
    symlink(
        "../../staff-data.csv",
        site.join("content/inventory/staff.csv"),
    )
    .expect("link");
    write(&site, "static/img/logo.txt", "LOGO-TEXT");
    symlink("img/logo.txt", site.join("static/alias.txt")).expect("link");
    let out = tmp.path().join("out");
    let (code, _, stderr) = run(&site, &["build", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        fs::read_to_string(out.join("alias.txt")).expect("alias"),
        "LOGO-TEXT"
    );
    let plain = tempfile::tempdir().expect("tmp");
    copy_dir(&fixture("site"), plain.path());
    let (_, a, _) = run(plain.path(), &["export", "--format", "json"]);
    let (_, b, _) = run(&site, &["export", "--format", "json"]);
    assert_eq!(
        a, b,
        "the linked inventory file was not read as the file itself"
    );
}

#[test]
fn a_static_link_may_not_reach_content_of_the_same_site() {
    let (tmp, site) = site();
    fs::create_dir_all(site.join("static")).expect("mkdir");
    symlink("../content", site.join("static/raw")).expect("link");
    let out = tmp.path().join("out");
    let (code, _, stderr) = run(&site, &["build", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("static/raw"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn fifos_are_errors_and_never_hang() {
    for rel in [
        "content/retention.csv",
        "content/inventory/pipe.csv",
        "candor.toml",
        "static/pipe.css",
        "templates/page.html",
    ] {
        let (tmp, site) = site();
        let path = site.join(rel);
        let _ = fs::remove_file(&path);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo");
        assert!(status.success());
        let out = tmp.path().join("out");
        let (code, _, stderr) = run(&site, &["build", "--output", out.to_str().expect("utf-8")]);
        assert_eq!(code, Some(2), "{rel}: {stderr}");
        assert!(
            stderr.contains(rel) && stderr.contains("FIFO"),
            "{rel}:\n{stderr}"
        );
    }
}

#[test]
fn nothing_under_content_is_skipped_silently() {
    let (_tmp, site) = site();
    write(&site, "content/inventory/2024/old.csv", "x");
    write(&site, "content/inventory/notes.md", "x");
    write(&site, "content/models/draft.markdown", "x");
    write(&site, "content/README.md", "x");
    write(&site, "content/drafts/a.csv", "x");
    write(&site, "content/inventory/.gitkeep", "");
    let (code, _, stderr) = run(&site, &["check"]);
    assert_eq!(code, Some(0), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("does not read"))
        .collect();
    assert_eq!(warnings.len(), 1, "one warning line:\n{stderr}");
    for named in [
        "content/inventory/2024/",
        "content/inventory/notes.md",
        "content/models/draft.markdown",
        "content/README.md",
        "content/drafts/",
    ] {
        assert!(warnings[0].contains(named), "{named} not listed:\n{stderr}");
    }
    assert!(!warnings[0].contains(".gitkeep"), "{stderr}");
}

#[test]
fn a_file_name_that_is_not_utf8_is_an_error() {
    use std::os::unix::ffi::OsStrExt;
    let (_tmp, site) = site();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.csv");
    let path = site.join("content/inventory").join(name);
    fs::copy(site.join("content/inventory/staff.csv"), &path).expect("copy");
    let (code, _, stderr) = run(&site, &["check"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("not UTF-8"), "{stderr}");
}
