//! Every page of the demo build: each relative link and resource resolves (fragments too), and
//! nothing is loaded from another host.

mod common;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

use common::candor;

fn build_demo(audience: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("tempdir");
    candor()
        .args([
            "build",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--audience",
            audience,
            "--output",
        ])
        .arg(out.path().join("site"))
        .assert()
        .success();
    out
}

fn html_files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

fn is_remote(url: &str) -> bool {
    url.starts_with("//")
        || url.split_once(':').is_some_and(|(scheme, _)| {
            scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// Resolves a relative URL against the page it is on; `None` for the page itself.
fn target(page: &Path, url: &str) -> (PathBuf, Option<String>) {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        return (page.to_path_buf(), fragment);
    }
    let mut resolved = page.parent().expect("page dir").to_path_buf();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                resolved.pop();
            }
            p => resolved.push(p),
        }
    }
    if path.ends_with('/') {
        resolved.push("index.html");
    }
    (resolved, fragment)
}

fn ids_of(doc: &Html) -> HashSet<String> {
    let any = Selector::parse("[id]").expect("selector");
    doc.select(&any)
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect()
}

fn check_site(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let pages: HashMap<PathBuf, Html> = html_files(root)
        .into_iter()
        .map(|p| {
            let doc = Html::parse_document(&fs::read_to_string(&p).expect("read page"));
            (p, doc)
        })
        .collect();
    let ids: HashMap<&PathBuf, HashSet<String>> =
        pages.iter().map(|(p, d)| (p, ids_of(d))).collect();
    let linked = Selector::parse("[href], [src], [srcset], [poster], [data]").expect("selector");
    for (page, doc) in &pages {
        let rel = page.strip_prefix(root).expect("inside").display();
        for el in doc.select(&linked) {
            let name = el.value().name();
            for attr in ["href", "src", "srcset", "poster", "data"] {
                let Some(url) = el.value().attr(attr) else {
                    continue;
                };
                if is_remote(url) {
                    // A plain link to another site is fine; loading anything from one is not.
                    if !(name == "a" && attr == "href") {
                        problems.push(format!(
                            "{rel}: <{name} {attr}=\"{url}\"> loads from another host"
                        ));
                    }
                    continue;
                }
                let (file, fragment) = target(page, url);
                if !file.exists() {
                    problems.push(format!(
                        "{rel}: <{name} {attr}=\"{url}\"> points at a missing file"
                    ));
                    continue;
                }
                if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                    if let Some(known) = ids.get(&file) {
                        if !known.contains(&f) {
                            problems.push(format!(
                                "{rel}: <{name} {attr}=\"{url}\"> names a missing #{f}"
                            ));
                        }
                    }
                }
            }
        }
    }
    for css in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        if css
            .path()
            .extension()
            .is_some_and(|e| e == "css" || e == "svg" || e == "js")
        {
            let text = fs::read_to_string(css.path()).unwrap_or_default();
            for bad in [
                "@import",
                "url(http",
                "url(//",
                "fetch(\"http",
                "https://fonts.",
            ] {
                if text.contains(bad) {
                    problems.push(format!("{}: contains {bad}", css.path().display()));
                }
            }
        }
    }
    problems
}

#[test]
fn every_link_resolves_and_nothing_loads_from_another_host() {
    for audience in ["public", "internal"] {
        let out = build_demo(audience);
        let root = out.path().join("site");
        assert!(html_files(&root).len() > 60, "the demo has many pages");
        let problems = check_site(&root);
        assert!(
            problems.is_empty(),
            "{audience} build:\n{}",
            problems.join("\n")
        );
    }
}

#[test]
fn the_checker_catches_broken_links() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    fs::write(
        root.join("index.html"),
        r##"<html><body><a href="missing/index.html">x</a><a href="#nope">y</a>
        <script src="https://cdn.example/x.js"></script><a href="https://example.com/">ok</a></body></html>"##,
    )
    .expect("write");
    let problems = check_site(root);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}
