//! load -> site -> render on the fixture site: every page renders, a public build carries no
//! internal value anywhere, an internal build shows them, and every relative link resolves.

mod common;

use candor::config::Audience;
use common::links::assert_links_resolve;
use common::render::{render, Rendered};

/// Internal values of the fixture: owners, notes, `x_` cells, an internal row, a card's
/// `internal:` block.
const INTERNAL: &[&str] = &[
    "Customer care",
    "Double opt-in",
    "DPIA-7",
    "badge_id",
    "Staff badge number",
    "Head of data",
];

fn build(audience: Audience) -> Rendered {
    render(&common::fixture("site"), audience)
}

#[test]
fn public_build_of_the_fixture_has_every_section_and_no_internal_value() {
    let out = build(Audience::Public);
    for page in [
        "index.html",
        "data/index.html",
        "data/email_address/index.html",
        "purposes/index.html",
        "categories/index.html",
        "retention/index.html",
        "recipients/index.html",
        "systems/index.html",
        "models/index.html",
        "models/style-recommender/index.html",
        "pages/your-rights/index.html",
        "data.json",
        "sitemap.xml",
        "charts/collection-heatmap.svg",
    ] {
        assert!(out.contains_key(page), "missing {page}");
    }
    for (path, text) in &out {
        for marker in INTERNAL {
            assert!(!text.contains(marker), "{marker:?} leaked into {path}");
        }
    }
    let email = &out["data/email_address/index.html"];
    assert!(email.contains("To send the newsletter you signed up for."));
    let model = &out["models/style-recommender/index.html"];
    assert!(model.contains("href=\"../../data/style_preferences/index.html\""));
    assert!(model.contains("<strong>not</strong>"), "card body rendered");
}

#[test]
fn internal_build_of_the_fixture_shows_internal_values() {
    let out = build(Audience::Internal);
    let all: String = out.values().map(String::as_str).collect();
    for marker in INTERNAL {
        assert!(
            all.contains(marker),
            "{marker:?} missing from the internal build"
        );
    }
    assert!(out["index.html"].contains("noindex"));
}

/// The fixture and the demo site at the repository root.
fn sites() -> [std::path::PathBuf; 2] {
    [
        common::fixture("site"),
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    ]
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    for (root, audience) in sites()
        .iter()
        .flat_map(|r| [(r, Audience::Public), (r, Audience::Internal)])
    {
        assert_links_resolve(&render(root, audience));
    }
}

#[test]
fn the_demo_site_builds_every_section() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = render(&root, Audience::Public);
    let home = &out["index.html"];
    assert!(home.contains("<svg"), "signature chart inlined");
    for dir in [
        "data/",
        "purposes/",
        "categories/",
        "models/",
        "pages/",
        "charts/",
    ] {
        assert!(
            out.keys().filter(|k| k.starts_with(dir)).count() > 1,
            "{dir}"
        );
    }
    for (path, text) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert_eq!(text.matches("<h1").count(), 1, "{path}: one h1");
        assert!(!text.contains("do not publish"), "{path}");
    }
}

/// Markdown task lists keep their state in pages and model cards: a disabled checkbox, checked
/// or not, named for screen readers (issue 19).
#[test]
fn task_lists_render_as_disabled_checkboxes_in_pages_and_cards() {
    let site = common::copy_site("site");
    let list = "\n\n- [x] Bias audit\n- [ ] Retraining plan\n";
    for file in [
        "content/pages/your-rights.md",
        "content/models/style-recommender.md",
    ] {
        let text = common::read(&site.path().join(file));
        common::write(site.path(), file, format!("{text}{list}"));
    }
    let files = render(site.path(), Audience::Public);
    let checkbox = scraper::Selector::parse("li > input[type=checkbox][disabled]").unwrap();
    for page in [
        "pages/your-rights/index.html",
        "models/style-recommender/index.html",
    ] {
        let doc = scraper::Html::parse_document(&files[page]);
        let boxes: Vec<(bool, String, String)> = doc
            .select(&checkbox)
            .map(|b| {
                let item = b.parent().and_then(scraper::ElementRef::wrap).unwrap();
                (
                    b.value().attr("checked").is_some(),
                    b.value().attr("aria-label").unwrap_or("").to_string(),
                    item.text().collect::<String>().trim().to_string(),
                )
            })
            .collect();
        assert_eq!(
            boxes,
            [
                (true, "done".to_string(), "Bias audit".to_string()),
                (false, "not done".to_string(), "Retraining plan".to_string())
            ],
            "{page}"
        );
    }
}
