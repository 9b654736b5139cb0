//! Every page of the demo build: each relative link and resource resolves (fragments too), and
//! nothing is loaded from another host (the checker is `tests/common/links.rs`).

mod common;

use common::files::texts;
use common::links::link_problems;
use common::render::Rendered;

#[test]
fn every_link_resolves_and_nothing_loads_from_another_host() {
    for audience in ["public", "internal"] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("site");
        common::build(common::demo(), &root, &["--audience", audience]);
        let files = texts(&root);
        let pages = files.keys().filter(|p| p.ends_with(".html")).count();
        assert!(pages > 60, "the demo has many pages");
        let problems = link_problems(&files);
        assert!(
            problems.is_empty(),
            "{audience} build:\n{}",
            problems.join("\n")
        );
    }
}

#[test]
fn the_checker_catches_broken_links() {
    let page = r##"<html><body><a href="missing/index.html">x</a><a href="#nope">y</a>
        <a href="../../up.html">z</a><img src="//evil.example/x.png"><a href="#here" id="here">ok</a>
        <script src="https://cdn.example/x.js"></script><a href="https://example.com/">ok</a></body></html>"##;
    let files: Rendered = [
        ("index.html".to_string(), page.to_string()),
        (
            "style.css".to_string(),
            "@import url(https://fonts.example/x.css);".to_string(),
        ),
    ]
    .into();
    let problems = link_problems(&files);
    assert_eq!(problems.len(), 8, "{problems:#?}");
}
