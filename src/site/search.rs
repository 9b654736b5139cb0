//! `search-index.json`: what the search box searches, built once per build from what the
//! audience may see (a public index holds no internal row, owner, note or `x_` value).
//!
//! Compact by design, so it stays small at 100,000 elements: arrays instead of objects, each
//! category and purpose named once and referred to by index, URLs rebuilt by the script from
//! slugs, and each element's reasons cut to [`MAX_REASONS`] characters.
//!
//! ```json
//! { "version": 1,
//!   "text": { "count": "{n} result|{n} results", "none": "...", "all": "...", "kinds": [...] },
//!   "categories": [["user.contact.email", "Contact Email"]],
//!   "purposes":   [["marketing.communications.email", "Marketing Email Communications"]],
//!   "elements":   [["email_address", "Email address", 0, [0], "To send offers you asked for"]],
//!   "models":     [["style-recommender", "Style recommender", "Suggests clothes ..."]],
//!   "pages":      [["your-rights", "Your rights"]] }
//! ```
//! An element's URL is `data/<slug>/index.html`, a model's `models/<slug>/index.html`, a
//! page's `pages/<slug>/index.html`, a category's `categories/<key>/index.html` and a purpose's
//! `purposes/<key>/index.html`.

use std::collections::HashMap;

use serde::Serialize;

use crate::link::Catalog;

use super::{urls, Site};

/// The most characters of reasons kept per element (cut at a word).
pub const MAX_REASONS: usize = 240;

#[derive(Serialize)]
struct Index<'a> {
    version: u32,
    text: Text<'a>,
    categories: Vec<(String, &'a str)>,
    purposes: Vec<(String, &'a str)>,
    elements: Vec<(String, &'a str, usize, Vec<usize>, String)>,
    models: Vec<(&'a str, &'a str, &'a str)>,
    pages: Vec<(&'a str, &'a str)>,
}

/// The words the search box shows around its results, in the site's language.
#[derive(Serialize)]
struct Text<'a> {
    /// "{n} result|{n} results".
    count: &'a str,
    /// "Nothing found for “{q}”."
    none: &'a str,
    /// The link to the full list.
    all: &'a str,
    /// What each kind of result is: element, model, page, purpose, category.
    kinds: [&'a str; 5],
}

/// Interns keys in first-seen order.
struct Table<'a> {
    index: HashMap<&'a str, usize>,
    rows: Vec<(String, &'a str)>,
}

impl<'a> Table<'a> {
    fn new() -> Self {
        Table {
            index: HashMap::new(),
            rows: Vec::new(),
        }
    }

    fn id(&mut self, key: &'a str, name: &'a str) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        self.rows.push((urls::slug(key).into_owned(), name));
        self.index.insert(key, self.rows.len() - 1);
        self.rows.len() - 1
    }
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{}…", head.trim_end())
}

/// The search index of `site`, as JSON bytes. Linear in the visible catalog.
pub fn search_index(catalog: &Catalog, site: &Site) -> serde_json::Result<Vec<u8>> {
    let c = catalog;
    let scope = &site.scope;
    let tax = &c.taxonomy;
    let mut categories = Table::new();
    let mut purposes = Table::new();
    let mut elements = Vec::new();
    for e in scope.elements() {
        let el = &c.elements[e];
        let cat = categories.id(&el.category, tax.categories.name(&el.category));
        let mut pur: Vec<usize> = Vec::new();
        let mut reasons = String::new();
        for u in scope.filter_uses(&el.uses) {
            let use_ = &c.uses[u];
            let p = purposes.id(&use_.purpose, tax.uses.name(&use_.purpose));
            if !pur.contains(&p) {
                pur.push(p);
            }
            if reasons.len() < MAX_REASONS * 4 {
                if !reasons.is_empty() {
                    reasons.push(' ');
                }
                reasons.push_str(
                    use_.why
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .as_str(),
                );
            }
        }
        elements.push((
            urls::slug(&el.id).into_owned(),
            el.name.as_str(),
            cat,
            pur,
            cut(&reasons, MAX_REASONS),
        ));
    }
    let l = site.lang;
    let index = Index {
        version: 1,
        text: Text {
            count: l.get("search.count"),
            none: l.get("search.no_results"),
            all: l.get("search.all"),
            kinds: [
                l.get("search.kind_element"),
                l.get("search.kind_model"),
                l.get("search.kind_page"),
                l.get("search.kind_purpose"),
                l.get("search.kind_category"),
            ],
        },
        categories: categories.rows,
        purposes: purposes.rows,
        elements,
        models: c
            .models
            .iter()
            .zip(&site.model_slugs)
            .map(|(m, slug)| {
                (
                    slug.as_str(),
                    m.name.as_str(),
                    m.summary.as_deref().unwrap_or(""),
                )
            })
            .collect(),
        pages: c
            .pages
            .iter()
            .zip(&site.page_slugs)
            .map(|(p, slug)| (slug.as_str(), p.title.as_str()))
            .collect(),
    };
    let text = serde_json::to_string(&index)?;
    Ok(super::data_json::markup_safe(&text).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Audience;
    use crate::site::{plan, testkit};

    fn index(audience: Audience) -> serde_json::Value {
        let c = testkit::catalog();
        let site = plan(&c, audience);
        let bytes = search_index(&c, &site).expect("serialises");
        serde_json::from_slice(&bytes).expect("valid JSON")
    }

    #[test]
    fn elements_refer_to_named_categories_and_purposes() {
        let v = index(Audience::Public);
        let email = &v["elements"][0];
        assert_eq!(email[0], "email_address");
        assert_eq!(email[1], "Email address");
        let cat = email[2].as_u64().expect("index") as usize;
        assert_eq!(v["categories"][cat][0], "user.contact.email");
        let purposes: Vec<&str> = email[3]
            .as_array()
            .expect("list")
            .iter()
            .map(|p| {
                v["purposes"][p.as_u64().expect("index") as usize][0]
                    .as_str()
                    .unwrap_or("")
            })
            .collect();
        assert_eq!(
            purposes,
            [
                "essential.service.notifications.email",
                "marketing.communications.email"
            ]
        );
        assert_eq!(
            email[4],
            "To send your receipts To send offers you asked for"
        );
        assert_eq!(v["models"][0][0], "style-recommender");
        assert_eq!(v["pages"][0][0], "your-rights");
        assert_eq!(v["text"]["kinds"][0], "Data");
    }

    #[test]
    fn a_public_index_holds_nothing_internal_and_an_internal_one_does() {
        let c = testkit::catalog();
        let public =
            String::from_utf8(search_index(&c, &plan(&c, Audience::Public)).expect("serialises"))
                .expect("utf-8");
        for marker in testkit::INTERNAL_MARKERS {
            assert!(!public.contains(marker), "public index leaks {marker}");
        }
        assert!(
            !public.contains("analytics.reporting"),
            "internal-only purpose"
        );
        let internal = index(Audience::Internal).to_string();
        assert!(internal.contains("INTERNAL-WHY-MARKER"));
    }

    #[test]
    fn long_reasons_are_cut_at_a_word() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("one two three four", 9), "one two…");
        assert_eq!(cut("ééééé ééééé", 7), "ééééé…");
        assert!(cut(&"word ".repeat(200), MAX_REASONS).chars().count() <= MAX_REASONS + 1);
    }
}
