//! Promise "nothing lost": a failed build leaves the previous output byte for byte; candor
//! replaces only an empty directory or one it made; it never follows a symbolic link out of
//! the output, and no id can name a file outside it.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::files::tree;
use common::{copy_site, edit, write};

/// Runs `candor build`; returns whether it succeeded and its stderr.
fn run_build(site: &Path, out: &Path) -> (bool, String) {
    let (code, stderr) = common::run_build(site, out, &[]);
    assert!(matches!(code, Some(0 | 2)), "exit {code:?}: {stderr}");
    (code == Some(0), stderr)
}

fn build_ok(site: &Path, out: &Path) {
    let (ok, stderr) = run_build(site, out);
    assert!(ok, "build failed:\n{stderr}");
}

/// Builds the fixture into `<tmp>/<out>`, breaks the build with `breakage`, builds again, and
/// checks that the second build fails with `says` in its message and that nothing at all
/// changed beside the site: the previous output, byte for byte, and no leftovers.
fn assert_failed_build_keeps_output(
    name: &str,
    out_rel: &str,
    breakage: impl FnOnce(&Path),
    says: &str,
) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    common::copy_dir(&common::fixture("site"), &site);
    let work = tmp.path().join("work");
    let out = work.join(out_rel);
    fs::create_dir_all(out.parent().expect("parent")).expect("mkdir");
    build_ok(&site, &out);
    assert!(out.join("index.html").is_file() && out.join(".candor-build").is_file());
    let before = tree(&work);
    breakage(&site);
    let (ok, stderr) = run_build(&site, &out);
    assert!(!ok, "{name}: the broken build succeeded");
    assert!(
        stderr.contains(says),
        "{name}: message lacks {says:?}:\n{stderr}"
    );
    assert!(
        !stderr.contains("candor-new"),
        "{name}: names the staging dir:\n{stderr}"
    );
    assert!(tree(&work) == before, "{name}: the previous output changed");
}

/// Breaks the site at the given root.
type Breakage = Box<dyn FnOnce(&Path)>;
/// Makes something at the output path (first) in the temporary directory (second).
type MakeOutput = fn(&Path, &Path);

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let cases: Vec<(&str, Breakage, &str)> = vec![
        (
            "bad input",
            Box::new(|s| edit(s, "content/retention.csv", "P30D", "P30X")),
            "content/retention.csv:2",
        ),
        (
            "template syntax error",
            Box::new(|s| {
                write(
                    s,
                    "templates/element.html",
                    "{% extends \"base.html\" %}\n{% if %}\n",
                )
            }),
            "templates/element.html:2",
        ),
        (
            "template rendering error",
            Box::new(|s| {
                let t = "{% extends \"base.html\" %}{% block content %}\n{{ no_such.value }}\n{% endblock content %}";
                write(s, "templates/page.html", t)
            }),
            "templates/page.html:2",
        ),
        (
            "a static file where a generated directory must go",
            Box::new(|s| write(s, "static/data/email_address", "x")),
            "static/data/email_address",
        ),
        (
            "a static file in place of the generated search index",
            Box::new(|s| write(s, "static/search-index.json", "[]")),
            "static/search-index.json",
        ),
        (
            "a static file with a name no file may have",
            Box::new(|s| write(s, "static/img/con.png", "x")),
            "static/img/con.png",
        ),
    ];
    for (name, breakage, says) in cases {
        assert_failed_build_keeps_output(name, "public", breakage, says);
    }
}

#[test]
fn an_output_the_file_system_cannot_write_leaves_the_previous_one() {
    // Root ignores permissions, but not the kernel's limit on path length (PATH_MAX, 4096):
    // a static file whose path fits under the site but not under a deep output cannot be
    // written, whoever runs the build.
    let deep = ["d".repeat(200).as_str(); 5].join("/");
    let out_rel = format!("{deep}/public");
    assert_failed_build_keeps_output(
        "a path too long for the output",
        &out_rel,
        |site| {
            let prefix = site.join("static").as_os_str().len() + 1;
            let segment = "s".repeat(200);
            let mut rel = PathBuf::new();
            while prefix + rel.as_os_str().len() + 201 < 3900 {
                rel.push(&segment);
            }
            rel.push("f.txt");
            let file = site.join("static").join(rel);
            fs::create_dir_all(file.parent().expect("parent")).expect("mkdir deep");
            fs::write(&file, "x").expect("write deep");
        },
        "File name too long",
    );
}

#[test]
fn replaces_only_an_empty_directory_or_one_it_made() {
    let site = copy_site("site");
    let tmp = tempfile::tempdir().expect("tempdir");

    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    build_ok(site.path(), &empty);
    build_ok(site.path(), &empty);
    assert!(
        empty.join("index.html").is_file(),
        "an empty directory is filled"
    );

    let refusals: [(&str, MakeOutput); 3] = [
        ("a directory of someone else's", |out, _| {
            fs::create_dir(out).expect("mkdir");
            fs::write(out.join("notes.txt"), "mine").expect("write");
        }),
        ("a file", |out, _| fs::write(out, "mine").expect("write")),
        ("a directory whose marker is a link", |out, tmp| {
            fs::create_dir(out).expect("mkdir");
            fs::write(out.join("notes.txt"), "mine").expect("write");
            let marker = tmp.join("empty/.candor-build");
            symlink(marker, out.join(".candor-build")).expect("symlink");
        }),
    ];
    for (i, (what, make)) in refusals.into_iter().enumerate() {
        let out = tmp.path().join(format!("out{i}"));
        make(&out, tmp.path());
        let before = tree(tmp.path());
        let (ok, stderr) = run_build(site.path(), &out);
        assert!(!ok, "{what}: replaced");
        assert!(
            stderr.contains("refusing to replace") && stderr.contains("Choose another --output"),
            "{what}: the message does not say how to proceed:\n{stderr}"
        );
        assert!(tree(tmp.path()) == before, "{what}: something changed");
    }
}

#[test]
fn never_follows_a_link_out_of_the_output() {
    let site = copy_site("site");
    let tmp = tempfile::tempdir().expect("tempdir");
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).expect("mkdir");
    fs::write(outside.join("index.html"), "outside").expect("write");
    let out = tmp.path().join("public");
    build_ok(site.path(), &out);

    // Links planted in the previous output, where the new build writes and elsewhere.
    fs::remove_dir_all(out.join("data")).expect("rm");
    symlink(&outside, out.join("data")).expect("symlink");
    symlink(&outside, out.join("planted")).expect("symlink");
    fs::remove_file(out.join("data.json")).expect("rm");
    symlink(outside.join("index.html"), out.join("data.json")).expect("symlink");
    let outside_before = tree(&outside);
    build_ok(site.path(), &out);
    assert!(
        tree(&outside) == outside_before,
        "wrote or deleted through a link"
    );
    assert!(fs::symlink_metadata(out.join("data"))
        .expect("data")
        .is_dir());
    assert!(fs::symlink_metadata(out.join("data.json"))
        .expect("json")
        .is_file());
    assert!(!out.join("planted").exists(), "stale entries go");

    // An output path that is a link, to a directory candor made, or to nothing.
    let link = tmp.path().join("link");
    symlink(&out, &link).expect("symlink");
    let dangling = tmp.path().join("dangling");
    symlink(tmp.path().join("nowhere"), &dangling).expect("symlink");
    for output in [&link, &dangling] {
        let before = tree(tmp.path());
        let (ok, stderr) = run_build(site.path(), output);
        assert!(!ok && stderr.contains("symbolic link"), "{stderr}");
        assert!(tree(tmp.path()) == before, "followed {}", output.display());
    }
}
