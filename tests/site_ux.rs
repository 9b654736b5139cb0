//! What readers get besides the facts: nutrition labels, a search box and its index, the data
//! index's filters, branding and the print stylesheet; each works without JavaScript.

mod common;

use candor::config::Audience;
use common::render::{render, Rendered};
use scraper::{Html, Selector};

fn build(audience: Audience) -> Rendered {
    render(&common::fixture("site"), audience)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).expect("selector"))
        .collect()
}

fn text(el: &scraper::ElementRef) -> String {
    el.text().collect::<Vec<_>>().join(" ")
}

#[test]
fn element_and_model_pages_lead_with_a_label() {
    let out = build(Audience::Public);
    let page = Html::parse_document(&out["data/email_address/index.html"]);
    let label = select(&page, "section.nlabel");
    assert_eq!(label.len(), 1, "one data label");
    let words = text(&label[0]);
    for row in [
        "What",
        "Why we use it",
        "Required or optional",
        "How long we keep it",
        "Shared with",
    ] {
        assert!(words.contains(row), "the data label lacks {row:?}: {words}");
    }
    assert_eq!(select(&page, "h1").len(), 1, "one h1");

    let model = Html::parse_document(&out["models/style-recommender/index.html"]);
    let words = text(&select(&model, "section.nlabel")[0]);
    assert!(words.contains("Largest gap between groups"), "{words}");
    assert!(
        words.contains("For age: 18-24, precision_at_10 is 0.27, against 0.31 overall.")
            && words.contains("The gap is within the 0.05 we allow."),
        "{words}"
    );
    assert!(words.contains("Knows nothing about customers who shared no preferences."));

    let home = Html::parse_document(&out["index.html"]);
    let glance = text(&select(&home, "section.nlabel")[0]);
    assert!(glance.contains("Why we use it") && glance.contains("Who we share it with"));
}

#[test]
fn every_page_has_a_search_box_that_falls_back_to_the_full_list() {
    let out = build(Audience::Public);
    for (path, html) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        let doc = Html::parse_document(html);
        let forms = select(&doc, "form.site-search[role=search]");
        assert_eq!(forms.len(), 1, "{path}");
        let root = candor::site::urls::root_of(path);
        assert_eq!(
            forms[0].value().attr("action"),
            Some(format!("{root}data/index.html").as_str())
        );
        assert_eq!(forms[0].value().attr("method"), Some("get"));
        let input = select(&doc, "form.site-search input[name=q]");
        let id = input[0].value().attr("id").expect("an id");
        assert_eq!(
            select(&doc, &format!("label[for={id}]")).len(),
            1,
            "{path}: labelled"
        );
    }
    let index: serde_json::Value =
        serde_json::from_str(&out["search-index.json"]).expect("valid JSON");
    assert_eq!(index["version"], 3);
    assert_eq!(index["reasons"][0], "search/reasons-1.json");
    let names: Vec<&str> = index["elements"]
        .as_array()
        .expect("elements")
        .iter()
        .filter_map(|e| e[2].as_str())
        .collect();
    assert!(names.contains(&"Email address"), "{names:?}");
}

#[test]
fn the_public_search_index_holds_no_internal_element_or_reason() {
    let public = build(Audience::Public);
    let internal = build(Audience::Internal);
    let (p, i) = (&public["search-index.json"], &internal["search-index.json"]);
    assert!(p.len() < i.len(), "the internal index holds more");
    assert!(
        !p.contains("badge_id") && !p.contains("Staff badge"),
        "internal element"
    );
    // Names are written whole (slugs are front-coded, so a name is what to look for).
    assert!(i.contains("Staff badge number"));
}

#[test]
fn the_data_index_offers_hidden_filters_and_marks_each_use() {
    let out = build(Audience::Public);
    let doc = Html::parse_document(&out["data/index.html"]);
    let form = select(&doc, "form#filters");
    assert_eq!(form.len(), 1);
    assert!(
        form[0].value().attr("hidden").is_some(),
        "hidden without JavaScript"
    );
    for name in ["q", "c", "p", "b", "r"] {
        let control = select(&doc, &format!("form#filters [name={name}]"));
        let id = control[0].value().attr("id").expect("an id");
        assert_eq!(
            select(&doc, &format!("label[for={id}]")).len(),
            1,
            "{name} is labelled"
        );
    }
    let uses = select(&doc, ".element-card li[data-p]");
    assert!(!uses.is_empty());
    assert!(uses
        .iter()
        .all(|u| u.value().attr("data-b").is_some() && u.value().attr("data-r").is_some()));
    let bases: Vec<_> = select(&doc, "#f-b option")
        .iter()
        .filter_map(|o| o.value().attr("value"))
        .collect();
    assert!(bases.contains(&"consent"), "{bases:?}");
    // Without JavaScript the whole list is there: no card is hidden.
    assert!(select(&doc, ".element-card[hidden]").is_empty());
}

#[test]
fn print_and_screen_styles_are_linked_and_shipped() {
    let out = build(Audience::Public);
    let home = &out["index.html"];
    assert!(home.contains(r#"<link rel="stylesheet" href="assets/print.css" media="print">"#));
    let print = &out["assets/print.css"];
    assert!(print.contains("details::details-content") && print.contains("break-inside: avoid"));
    assert!(out["assets/candor.js"].contains("beforeprint"));
    // The page made for printing says where it came from (browsers print other pages' address
    // in their own header).
    assert!(out["notice/index.html"].contains("Printed from https://trust.fixture.example/notice/"));
    assert!(!home.contains("Printed from"));
}

#[test]
fn branding_colours_are_made_readable_and_a_missing_logo_is_an_error() {
    let site = common::copy_site("site");
    common::write(
        site.path(),
        "static/brand/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let config = common::read(&site.path().join("candor.toml"));
    common::write(
        site.path(),
        "candor.toml",
        format!("{config}\n[branding]\nlogo = \"brand/logo.svg\"\naccent_color = \"#ffdd00\"\n"),
    );
    let ok = common::candor()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .expect("runs");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let home = common::read(&site.path().join("public/index.html"));
    assert!(home.contains(r#"<img src="brand/logo.svg" alt="" class="logo">"#));
    let light = home
        .split("--brand: #ffdd00; --accent: ")
        .nth(1)
        .expect("the brand colour is kept");
    assert!(
        light.starts_with('#') && !light.starts_with("#ffdd00"),
        "yellow is darkened on white"
    );

    common::edit(
        site.path(),
        "candor.toml",
        "brand/logo.svg",
        "brand/logo.png",
    );
    let bad = common::candor()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("logo `brand/logo.png` is not a file under static/"),
        "{err}"
    );
    assert!(err.contains("did you mean `brand/logo.svg`?"), "{err}");
}
