//! The properties the fuzz targets `chunks`, `import` and `markdown` check
//! (`fuzz/fuzz_targets/`), kept here so `cargo test` checks them too, on stable and in CI:
//! `tests/properties.rs` runs them on generated inputs, `tests/fuzz_regressions.rs` on the seed
//! corpus. Each panics, naming the property, when its input breaks one.
#![allow(dead_code)]

use std::path::Path;

use candor::import::{card::check_loads, import as import_card, Format};
use candor::load::inventory::{load_inventory_with, plan, Reading};
use candor::load::table::chunks::Plan;
use candor::load::SourceFile;
use candor::render::markdown::to_html;
use scraper::{ElementRef, Html, Selector};

/// The parallel CSV reader, cutting pieces of 1 to 64 bytes, gives exactly the rows and
/// diagnostics (same order) of the serial reader. The first three bytes choose the piece,
/// wave and batch sizes, the rest is an inventory file.
pub fn chunks(data: &[u8]) {
    let [p, w, b, rest @ ..] = data else { return };
    let cut = Plan {
        piece: usize::from(p % 64) + 1,
        wave: usize::from(w % 4) + 1,
        batch: usize::from(b % 8) + 1,
    };
    let Ok(src) = SourceFile::from_bytes(Path::new("content/inventory/fuzz.csv"), rest) else {
        return;
    };
    let read = |reading| {
        let mut errors = Vec::new();
        let rows = load_inventory_with(&src, &mut errors, reading);
        (format!("{rows:#?}"), errors)
    };
    let (want_rows, want_errors) = read(Reading::Serial(cut.batch));
    let (rows, errors) = read(Reading::Pieces(cut));
    assert_eq!(errors, want_errors, "diagnostics differ, read with {cut:?}");
    assert_eq!(rows, want_rows, "rows differ, read with {cut:?}");
    // The build's own plan (one piece at these sizes) agrees too, in batches of 4096.
    let (rows, errors) = read(Reading::Pieces(plan()));
    let (want_rows, want_errors) = read(Reading::Serial(plan().batch));
    assert_eq!((rows, errors), (want_rows, want_errors), "the default plan");
}

/// `candor import` of arbitrary text as each format: no panic, every error placed inside the
/// file, and every card read writes Markdown that loads back as a valid model card with the
/// same id, under a file name that stays inside the site.
pub fn import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let lines = text.split('\n').count();
    for format in [Format::Hf, Format::Mct, Format::Cyclonedx] {
        match import_card(format, Path::new("in.txt"), &text) {
            Ok(cards) => {
                for item in cards {
                    let id = &item.card.id;
                    let rel = Path::new("content/models").join(format!("{id}.md"));
                    let md = item.card.to_markdown("fuzz");
                    let card = check_loads(&md, &rel).unwrap_or_else(|d| {
                        panic!("{format:?}: card `{id}` does not load back: {d}\n{md}")
                    });
                    assert_eq!(&card.id, id, "{format:?}: the id changed on loading");
                    assert!(
                        candor::sink::safe_join(Path::new("out"), &rel).is_ok(),
                        "{format:?}: id {id:?} leaves the site"
                    );
                }
            }
            Err(diags) => {
                for d in diags.iter() {
                    let shown = d.to_string();
                    assert!(shown.starts_with("error: "), "{format:?}: {shown}");
                    assert!(
                        d.line.is_none_or(|l| l >= 1 && l <= lines),
                        "{format:?}: line {:?} of {lines}: {shown}",
                        d.line
                    );
                }
            }
        }
    }
}

/// Markdown rendered for a page (`to_html`) is safe whatever it says: see [`html_problems`].
/// The first byte chooses the heading level the body sits below.
pub fn markdown(data: &[u8]) {
    let [below, rest @ ..] = data else { return };
    let text = String::from_utf8_lossy(rest);
    let html = to_html(&text, "../../", below % 3 + 1);
    let problems = html_problems(&html);
    assert!(problems.is_empty(), "{problems:?}\n{text:?}\n-> {html}");
}

/// Elements that run code, load things or take input; none may come out of Markdown (but a
/// task list's checkbox: see [`is_task_checkbox`]).
const FORBIDDEN: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "link",
    "meta", "base", "form", "input", "button", "textarea", "select", "svg", "math", "template",
    "noscript", "video", "audio", "source", "track", "portal",
];

/// Attributes that hold a URL.
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "longdesc",
    "poster",
    "background",
    "xlink:href",
    "srcset",
    "data",
];

/// What is wrong with HTML rendered from Markdown: a `<script` anywhere; a forbidden element;
/// an `on*` or `style` attribute; a `javascript:`, `vbscript:` or `data:` URL; anything
/// loaded (`src`) from another host or by scheme (`//host`, `https:`); markup that parses
/// differently once re-serialised (mutation XSS). Links (`href`) to other hosts are allowed.
pub fn html_problems(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    if html.to_ascii_lowercase().contains("<script") {
        out.push("`<script` in the output".to_string());
    }
    let doc = Html::parse_fragment(html);
    for el in elements(&doc) {
        let name = el.value().name();
        if FORBIDDEN.contains(&name) && !is_task_checkbox(el) {
            out.push(format!("<{name}> element"));
        }
        for (key, value) in el.value().attrs() {
            let key = key.to_ascii_lowercase();
            if key.starts_with("on") || key == "style" || key == "srcdoc" {
                out.push(format!("`{key}` attribute on <{name}>"));
            }
            if !URL_ATTRS.contains(&key.as_str()) {
                continue;
            }
            let (scheme, url) = scheme_of(value);
            if ["javascript", "vbscript", "data", "livescript", "file"].contains(&scheme.as_str()) {
                out.push(format!("`{scheme}:` URL in {key} of <{name}>"));
            }
            let remote = !scheme.is_empty()
                || url.starts_with(['/', '\\']) && url[1..].starts_with(['/', '\\']);
            if key != "href" && remote {
                out.push(format!("<{name} {key}={value:?}> loads from elsewhere"));
            }
        }
    }
    let again = Html::parse_fragment(&doc.root_element().inner_html());
    if shape(&doc) != shape(&again) {
        out.push("the markup changes when parsed again".to_string());
    }
    out
}

/// A task list item's checkbox as the renderer writes it: a disabled checkbox with an
/// accessible name and nothing else that could submit or run anything.
fn is_task_checkbox(el: ElementRef<'_>) -> bool {
    let v = el.value();
    v.name() == "input"
        && v.attr("type") == Some("checkbox")
        && v.attr("disabled").is_some()
        && v.attrs()
            .all(|(k, _)| ["type", "disabled", "checked", "aria-label"].contains(&k))
}

fn elements(doc: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    doc.tree.nodes().filter_map(ElementRef::wrap)
}

/// Every element's name and attributes, in document order.
fn shape(doc: &Html) -> Vec<String> {
    elements(doc).map(|e| format!("{:?}", e.value())).collect()
}

/// A URL's scheme as a browser reads it (lower case; tabs and newlines removed, leading
/// spaces and control characters trimmed), empty when it has none, and the URL so cleaned.
fn scheme_of(url: &str) -> (String, String) {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme = match url.split_once(':') {
        Some((s, _))
            if s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            s.to_ascii_lowercase()
        }
        _ => String::new(),
    };
    (scheme, url)
}

/// Escaping holds: `text` (one line without backticks) in a fenced code block comes out as
/// exactly that text, whatever markup it holds.
pub fn code_text_survives(text: &str) {
    let html = to_html(&format!("```\n{text}\n```\n"), "", 1);
    let doc = Html::parse_fragment(&html);
    let code = Selector::parse("pre > code").expect("selector");
    let got: Vec<String> = doc.select(&code).map(|c| c.text().collect()).collect();
    assert_eq!(got, [format!("{text}\n")], "{html}");
    assert!(html_problems(&html).is_empty(), "{html}");
}
