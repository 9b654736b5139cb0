//! `candor taxonomy`: lists keys with names and descriptions, searches them, and includes the
//! site's own extensions.

mod common;

use common::{candor, fixture};
use serde_json::Value;

fn run(args: &[&str]) -> (i32, String) {
    let out = candor().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn lists_searches_and_includes_the_site_extensions() {
    let empty = tempfile::tempdir().unwrap();
    let bare = empty.path().display().to_string();
    let (code, out) = run(&[
        "taxonomy",
        "uses",
        "--root",
        &bare,
        "--search",
        "ADVERTISING",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("marketing.advertising  "), "{out}");
    assert!(!out.contains("essential.service  "), "{out}");
    assert!(!out.contains("# data"), "one kind: no headings\n{out}");

    let (_, out) = run(&["taxonomy", "--root", &bare, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    for kind in ["categories", "uses", "subjects"] {
        assert!(v[kind].as_array().is_some_and(|a| a.len() > 5), "{kind}");
    }
    let email = v["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "user.contact.email")
        .expect("user.contact.email");
    assert!(!email["name"].as_str().unwrap().is_empty());
    assert!(!email["description"].as_str().unwrap().is_empty());

    // The demo site extends the categories with user.behavior.stated_preferences.
    let demo = fixture("../..").display().to_string();
    let (_, out) = run(&[
        "taxonomy",
        "categories",
        "--root",
        &demo,
        "-s",
        "stated_pref",
    ]);
    assert!(
        out.contains("user.behavior.stated_preferences  Stated preferences (candor.toml)"),
        "{out}"
    );
    let (_, out) = run(&[
        "taxonomy",
        "categories",
        "--root",
        &bare,
        "-s",
        "stated_pref",
    ]);
    assert_eq!(out, "");
}
