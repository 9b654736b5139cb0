//! The one link checker: every relative link and resource of every page of a build resolves
//! to a file of the build (and a fragment to an id on it), nothing is loaded from another host,
//! and no stylesheet, chart or script reaches out.

use std::collections::{HashMap, HashSet};

use scraper::{Html, Selector};

use super::render::Rendered;

/// Attributes that hold a URL.
const URL_ATTRS: &[&str] = &["href", "src", "srcset", "poster", "data"];

/// A URL with a scheme or protocol-relative: it leaves the site.
pub fn is_remote(url: &str) -> bool {
    url.starts_with("//")
        || url.split_once(':').is_some_and(|(scheme, _)| {
            scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// The build path a relative `url` on `page` points at, and its fragment; `Err` when it climbs
/// out of the build.
fn target(page: &str, url: &str) -> Result<(String, Option<String>), ()> {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        return Ok((page.to_string(), fragment));
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or(())?;
            }
            p => parts.push(p),
        }
    }
    if path.ends_with('/') {
        parts.push("index.html");
    }
    Ok((parts.join("/"), fragment))
}

/// Everything wrong with the links of the build `files` (output path -> text).
pub fn link_problems(files: &Rendered) -> Vec<String> {
    let mut problems = Vec::new();
    let pages: HashMap<&str, Html> = (files.iter())
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, text)| (p.as_str(), Html::parse_document(text)))
        .collect();
    let any_id = Selector::parse("[id]").expect("selector");
    let ids: HashMap<&str, HashSet<&str>> = (pages.iter())
        .map(|(p, d)| {
            (
                *p,
                d.select(&any_id)
                    .filter_map(|e| e.value().attr("id"))
                    .collect(),
            )
        })
        .collect();
    let linked = Selector::parse("[href], [src], [srcset], [poster], [data]").expect("selector");
    for (page, doc) in &pages {
        for el in doc.select(&linked) {
            let name = el.value().name();
            for attr in URL_ATTRS {
                let Some(url) = el.value().attr(attr) else {
                    continue;
                };
                let at = format!("{page}: <{name} {attr}=\"{url}\">");
                if is_remote(url) {
                    // A plain link to another site is fine; loading anything from one is not.
                    if !(name == "a" && *attr == "href") {
                        problems.push(format!("{at} loads from another host"));
                    }
                    continue;
                }
                let Ok((file, fragment)) = target(page, url) else {
                    problems.push(format!("{at} leaves the site"));
                    continue;
                };
                if !files.contains_key(&file) {
                    problems.push(format!("{at} points at a missing file"));
                    continue;
                }
                if let (Some(f), Some(known)) = (fragment, ids.get(file.as_str())) {
                    if !f.is_empty() && !known.contains(f.as_str()) {
                        problems.push(format!("{at} names a missing #{f}"));
                    }
                }
            }
        }
    }
    for (path, text) in files {
        if [".css", ".svg", ".js"].iter().any(|e| path.ends_with(e)) {
            for bad in [
                "@import",
                "url(http",
                "url(//",
                "fetch(\"http",
                "https://fonts.",
            ] {
                if text.contains(bad) {
                    problems.push(format!("{path}: contains {bad}"));
                }
            }
        }
    }
    problems.sort();
    problems
}

/// Fails listing every link problem of `files` ([`link_problems`]).
pub fn assert_links_resolve(files: &Rendered) {
    let problems = link_problems(files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
