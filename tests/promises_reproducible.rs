//! Promise "reproducible": the same input gives byte-identical output, wherever the site and
//! the output are, whatever the working directory and however many threads render; a
//! "generated on" date appears only when `SOURCE_DATE_EPOCH` is set.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::files::files;
use common::{candor, copy_dir, fixture};

fn assert_same(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)], what: &str) {
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "{what}: different files");
    for ((file, x), (_, y)) in a.iter().zip(b) {
        if x != y {
            let at = x
                .iter()
                .zip(y)
                .position(|(p, q)| p != q)
                .unwrap_or(x.len().min(y.len()));
            let show = |v: &[u8]| {
                String::from_utf8_lossy(&v[at.saturating_sub(80)..(at + 80).min(v.len())])
                    .into_owned()
            };
            panic!(
                "{what}: {file} differs at byte {at}:\n{}\n---\n{}",
                show(x),
                show(y)
            );
        }
    }
}

/// A copy of the demo site (the repository root) at `to`.
fn copy_demo(to: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(to).expect("mkdir");
    fs::copy(repo.join("candor.toml"), to.join("candor.toml")).expect("copy");
    for dir in ["content", "templates", "static"] {
        if repo.join(dir).is_dir() {
            copy_dir(&repo.join(dir), &to.join(dir));
        }
    }
}

/// Runs `candor build` in `cwd` with `args`; `env` adds (or, with `None`, removes) variables.
fn build_in(cwd: &Path, args: &[&str], env: &[(&str, Option<&str>)]) {
    let mut cmd = candor();
    cmd.current_dir(cwd).arg("build").args(args);
    for (k, v) in env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let o = cmd.output().expect("run candor");
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn the_demo_builds_byte_for_byte_the_same_anywhere() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b/somewhere/much/deeper");
    copy_demo(&a.join("site"));
    copy_demo(&b.join("loomwell"));
    let elsewhere: PathBuf = tmp.path().join("elsewhere/out-b");
    fs::create_dir_all(elsewhere.parent().expect("parent")).expect("mkdir");
    for audience in ["public", "internal"] {
        let aud = ["--audience", audience];
        // Relative paths from the site's parent, one thread.
        build_in(
            &a,
            &[&["--root", "site", "--output", "public"][..], &aud].concat(),
            &[("RAYON_NUM_THREADS", Some("1"))],
        );
        // Absolute paths from an unrelated directory, default threads.
        let root_b = b.join("loomwell");
        build_in(
            tmp.path(),
            &[&["--root", s(&root_b), "--output", s(&elsewhere)][..], &aud].concat(),
            &[],
        );
        // From inside the site, with the default output, built twice (the second replaces).
        let inside = b.join("loomwell");
        build_in(&inside, &aud, &[("RAYON_NUM_THREADS", Some("3"))]);
        build_in(&inside, &aud, &[]);
        let first = files(&a.join("public"));
        assert!(first.len() > 50, "the demo has {} files", first.len());
        assert_same(&first, &files(&elsewhere), audience);
        assert_same(&first, &files(&inside.join("public")), audience);
    }
}

#[test]
fn generated_on_appears_only_with_source_date_epoch() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = fixture("site");
    let without = tmp.path().join("without");
    let again = tmp.path().join("again");
    let with = tmp.path().join("with");
    let unset = [("SOURCE_DATE_EPOCH", None)];
    for (out, env) in [(&without, &unset[..]), (&again, &unset[..])] {
        build_in(tmp.path(), &["--root", s(&site), "--output", s(out)], env);
    }
    build_in(
        tmp.path(),
        &["--root", s(&site), "--output", s(&with)],
        &[("SOURCE_DATE_EPOCH", Some("1796083200"))],
    );
    let plain = files(&without);
    assert_same(
        &plain,
        &files(&again),
        "two builds without SOURCE_DATE_EPOCH",
    );
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
        .to_string();
    for (file, bytes) in &plain {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("Generated on"),
            "{file}: a date without SOURCE_DATE_EPOCH"
        );
        assert!(
            !text.contains(&today),
            "{file}: today's date ({today}) in the output"
        );
    }
    let dated = files(&with);
    let mut pages = 0;
    for (file, bytes) in dated.iter().filter(|(f, _)| f.ends_with(".html")) {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            text.contains(r#"Generated on <time datetime="2026-12-01">2026-12-01</time>"#),
            "{file}: no generated-on date with SOURCE_DATE_EPOCH"
        );
        pages += 1;
    }
    assert!(pages > 10);
    // The date is all that differs.
    let strip = |f: &[(String, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
        f.iter()
            .map(|(n, b)| {
                let t = String::from_utf8_lossy(b).replace(
                    r#" Generated on <time datetime="2026-12-01">2026-12-01</time>."#,
                    "",
                );
                (n.clone(), t.into_bytes())
            })
            .collect()
    };
    assert_same(&strip(&dated), &plain, "with and without the date");
}

#[test]
fn an_invalid_source_date_epoch_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = candor()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["build", "--root"])
        .arg(fixture("site"))
        .arg("--output")
        .arg(tmp.path().join("out"))
        .output()
        .expect("run candor");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("SOURCE_DATE_EPOCH"));
    assert!(!tmp.path().join("out").exists());
}

/// `SOURCE_DATE_EPOCH` is read in one place with one behaviour: every command that dates
/// anything refuses a value that is not a number, even one (`export`) that only stamps with it
/// and one given `--today`.
#[test]
fn every_command_refuses_an_invalid_source_date_epoch() {
    let site = fixture("site");
    let site = site.to_str().expect("UTF-8 path");
    for args in [
        vec!["check", "--root", site],
        vec!["check", "--today", "2026-12-01", "--root", site],
        vec!["export", "--format", "cyclonedx", "--root", site],
        vec!["diff", site, site],
    ] {
        let o = candor()
            .env("SOURCE_DATE_EPOCH", "yesterday")
            .args(&args)
            .output()
            .expect("run candor");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("SOURCE_DATE_EPOCH must be a number of seconds"),
            "{args:?}: {err}"
        );
    }
}
