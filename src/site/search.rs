//! `search-index.json`: what the search box searches, built once per build from what the
//! audience may see (a public index holds no internal row, owner, note or `x_` value).
//!
//! Compact by design, so it stays small at 100,000 elements (about 4 MB): arrays instead of
//! objects, each category and purpose named once and referred to by index, URLs rebuilt by the
//! script from slugs, and each element's slug written as how many characters it keeps of the
//! one before and what follows (elements come sorted by id, so neighbours share most of it:
//! `element_10003`, then `12,"4"`). The elements' reasons, the bulk of the text, are in shards of
//! [`SHARD`] elements (`search/reasons-<n>.json`, each an array of strings in element order,
//! cut to [`MAX_REASONS`] characters), which the script loads after the names.
//!
//! ```json
//! { "version": 3,
//!   "text": { "count": "{n} result|{n} results", "none": "...", "all": "...", "kinds": [...] },
//!   "categories": [["user.contact.email", "Contact Email"]],
//!   "purposes":   [["marketing.communications.email", "Marketing Email Communications"]],
//!   "elements":   [[0, "email_address", "Email address", 0, [0]], [0, "ip_address", ...]],
//!   "reasons":    ["search/reasons-1.json"],
//!   "models":     [["style-recommender", "Style recommender", "Suggests clothes ..."]],
//!   "pages":      [["your-rights", "Your rights"]] }
//! ```
//! An element's slug is the first `keep` characters (UTF-16 code units, as JavaScript counts
//! them) of the previous element's slug followed by `tail`; its URL is `data/<slug>/index.html`, a model's `models/<slug>/index.html`, a
//! page's `pages/<slug>/index.html`, a category's `categories/<key>/index.html` and a purpose's
//! `purposes/<key>/index.html`.

use std::borrow::Cow;
use std::cell::RefCell;

use serde::ser::{SerializeStruct, SerializeTuple, Serializer};
use serde::Serialize;

use crate::hash::FastMap;
use crate::model::Catalog;

use super::data_json::safe::{self, Seq};
use super::{urls, Site};

/// The most characters of reasons kept per element (cut at a word).
pub const MAX_REASONS: usize = 240;

/// Elements per shard of reasons.
pub const SHARD: usize = 5000;

/// The files of reasons a site's index refers to, relative to the output root.
pub fn shard_files(site: &Site) -> Vec<String> {
    let n = site.scope.elements().count().div_ceil(SHARD).max(1);
    (1..=n)
        .map(|i| format!("search/reasons-{i}.json"))
        .collect()
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
    index: FastMap<&'a str, u32>,
    rows: Vec<(Cow<'a, str>, &'a str)>,
}

impl<'a> Table<'a> {
    fn new() -> Self {
        Table {
            index: FastMap::default(),
            rows: Vec::new(),
        }
    }

    fn id(&mut self, key: &'a str, name: &'a str) -> u32 {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        let i = self.rows.len() as u32;
        self.rows.push((urls::slug(key), name));
        self.index.insert(key, i);
        i
    }
}

/// Where `text` is cut to at most `max` characters, at a word boundary: the head to keep
/// before an ellipsis, `None` when it fits.
fn cut_at(text: &str, max: usize) -> Option<&str> {
    let end = text.char_indices().nth(max).map(|(i, _)| i)?;
    let head = &text[..end];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    Some(head.trim_end())
}

/// The index: the visible elements' categories and purposes interned in pass one, then
/// everything written in pass two as it is produced.
struct Index<'a> {
    c: &'a Catalog,
    site: &'a Site<'a>,
    categories: Table<'a>,
    purposes: Table<'a>,
    /// Per visible element: its category and the end of its purposes in `purpose_ids`.
    elements: Vec<(u32, u32)>,
    purpose_ids: Vec<u32>,
}

impl<'a> Index<'a> {
    fn new(c: &'a Catalog, site: &'a Site<'a>) -> Self {
        let (scope, tax) = (&site.scope, &c.taxonomy);
        let mut index = Index {
            c,
            site,
            categories: Table::new(),
            purposes: Table::new(),
            elements: Vec::new(),
            purpose_ids: Vec::new(),
        };
        for e in scope.elements() {
            let el = &c.elements[e];
            let cat = (index.categories).id(&el.category, tax.categories.name(&el.category));
            let start = index.purpose_ids.len();
            for u in scope.filter_uses(&el.uses) {
                let purpose = &c.uses[u].purpose;
                let p = index.purposes.id(purpose, tax.uses.name(purpose));
                if !index.purpose_ids[start..].contains(&p) {
                    index.purpose_ids.push(p);
                }
            }
            index.elements.push((cat, index.purpose_ids.len() as u32));
        }
        index
    }
}

/// One element's row: `[keep, tail, name, category, [purposes]]`, its slug front-coded
/// against the previous element's (`prev`).
struct Row<'a> {
    el: &'a crate::model::Element,
    prev: Option<&'a crate::model::Element>,
    category: u32,
    purposes: &'a [u32],
}

/// How many UTF-16 code units `a` and `b` share at the start, and the rest of `b` after them
/// (never cutting a character).
fn front_code<'b>(a: &str, b: &'b str) -> (usize, &'b str) {
    let (mut units, mut at) = (0, 0);
    for (x, y) in a.chars().zip(b.chars()) {
        if x != y {
            break;
        }
        units += y.len_utf16();
        at += y.len_utf8();
    }
    (units, &b[at..])
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let slug = urls::slug(&self.el.id);
        let prev = self.prev.map(|p| urls::slug(&p.id));
        let (keep, tail) = front_code(prev.as_deref().unwrap_or(""), &slug);
        let mut t = s.serialize_tuple(5)?;
        t.serialize_element(&keep)?;
        t.serialize_element(tail)?;
        t.serialize_element(&self.el.name)?;
        t.serialize_element(&self.category)?;
        t.serialize_element(self.purposes)?;
        t.end()
    }
}

/// One element's reasons, cut to [`MAX_REASONS`], built in a buffer shared by all rows (each
/// is written before the next is made).
struct Reasons<'a> {
    c: &'a Catalog,
    site: &'a Site<'a>,
    el: &'a crate::model::Element,
    buffer: &'a RefCell<String>,
}

impl Serialize for Reasons<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut reasons = self.buffer.borrow_mut();
        reasons.clear();
        for u in self.site.scope.filter_uses(&self.el.uses) {
            if reasons.len() < MAX_REASONS * 4 {
                if !reasons.is_empty() {
                    reasons.push(' ');
                }
                for (i, word) in self.c.uses[u].why.split_whitespace().enumerate() {
                    if i > 0 {
                        reasons.push(' ');
                    }
                    reasons.push_str(word);
                }
            }
        }
        match cut_at(&reasons, MAX_REASONS) {
            None => s.serialize_str(reasons.as_str()),
            Some(head) => safe::Text(format_args!("{head}…")).serialize(s),
        }
    }
}

impl Serialize for Index<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (c, site) = (self.c, self.site);
        let l = site.lang;
        let mut m = s.serialize_struct("Index", 8)?;
        m.serialize_field("version", &3u32)?;
        let text = Text {
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
        };
        m.serialize_field("text", &text)?;
        m.serialize_field("categories", &self.categories.rows)?;
        m.serialize_field("purposes", &self.purposes.rows)?;
        let rows = Seq(|| {
            let starts = std::iter::once(0).chain(self.elements.iter().map(|&(_, end)| end));
            let spans = self.elements.iter().zip(starts);
            let prevs = std::iter::once(None).chain(site.scope.elements().map(Some));
            site.scope.elements().zip(prevs).zip(spans).map(
                move |((e, prev), (&(category, end), start))| Row {
                    el: &c.elements[e],
                    prev: prev.map(|p| &c.elements[p]),
                    category,
                    purposes: &self.purpose_ids[start as usize..end as usize],
                },
            )
        });
        m.serialize_field("elements", &rows)?;
        m.serialize_field("reasons", &shard_files(site))?;
        let models = Seq(|| {
            c.models
                .iter()
                .zip(&site.model_slugs)
                .map(|(m, slug)| (slug, &m.name, m.summary.as_deref().unwrap_or("")))
        });
        m.serialize_field("models", &models)?;
        let pages = Seq(|| {
            c.pages
                .iter()
                .zip(&site.page_slugs)
                .enumerate()
                .filter(|(i, _)| !site.rights.absorbs(*i))
                .map(|(_, (p, slug))| (slug, &p.title))
        });
        m.serialize_field("pages", &pages)?;
        m.end()
    }
}

/// The search index of `site`, as JSON bytes. Linear in the visible catalog.
pub fn search_index(catalog: &Catalog, site: &Site) -> serde_json::Result<Vec<u8>> {
    let index = Index::new(catalog, site);
    let mut out = Vec::with_capacity(4096 + index.elements.len() * 64);
    safe::to_writer(&mut out, &index, false)?;
    Ok(out)
}

/// The shards of reasons of `site` ([`shard_files`]), each as JSON bytes, in order.
pub fn reason_shards(catalog: &Catalog, site: &Site) -> serde_json::Result<Vec<Vec<u8>>> {
    let elements: Vec<usize> = site.scope.elements().collect();
    let buffer = RefCell::new(String::new());
    let mut shards = Vec::new();
    for chunk in elements.chunks(SHARD) {
        let rows = Seq(|| {
            chunk.iter().map(|&e| Reasons {
                c: catalog,
                site,
                el: &catalog.elements[e],
                buffer: &buffer,
            })
        });
        let mut out = Vec::with_capacity(chunk.len() * 128);
        safe::to_writer(&mut out, &rows, false)?;
        shards.push(out);
    }
    if shards.is_empty() {
        shards.push(b"[]".to_vec());
    }
    Ok(shards)
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
        assert_eq!(email[0], 0, "the first slug keeps nothing");
        assert_eq!(email[1], "email_address");
        assert_eq!(email[2], "Email address");
        let cat = email[3].as_u64().expect("index") as usize;
        assert_eq!(v["categories"][cat][0], "user.contact.email");
        let purposes: Vec<&str> = email[4]
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
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let shards = reason_shards(&c, &site).expect("serialises");
        assert_eq!(shards.len(), 1);
        assert_eq!(v["reasons"][0], "search/reasons-1.json");
        let reasons: serde_json::Value = serde_json::from_slice(&shards[0]).expect("JSON");
        assert_eq!(
            reasons[0],
            "To send your receipts To send offers you asked for"
        );
        assert_eq!(
            reasons.as_array().map(Vec::len),
            v["elements"].as_array().map(Vec::len)
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
        let site = plan(&c, Audience::Public);
        for shard in reason_shards(&c, &site).expect("serialises") {
            let shard = String::from_utf8(shard).expect("utf-8");
            assert!(!shard.contains("INTERNAL-WHY-MARKER"), "public shard leaks");
        }
        let site = plan(&c, Audience::Internal);
        let internal = reason_shards(&c, &site).expect("serialises").concat();
        assert!(String::from_utf8(internal)
            .expect("utf-8")
            .contains("INTERNAL-WHY-MARKER"));
    }

    /// The slugs of an index's elements, decoded as `candor.js` does.
    pub(crate) fn slugs(index: &serde_json::Value) -> Vec<String> {
        let mut prev: Vec<u16> = Vec::new();
        let mut out = Vec::new();
        for e in index["elements"].as_array().expect("elements") {
            let keep = e[0].as_u64().expect("keep") as usize;
            let mut slug: Vec<u16> = prev[..keep].to_vec();
            slug.extend(e[1].as_str().expect("tail").encode_utf16());
            out.push(String::from_utf16(&slug).expect("whole characters"));
            prev = slug;
        }
        out
    }

    #[test]
    fn slugs_are_front_coded_against_the_one_before() {
        assert_eq!(front_code("", "email"), (0, "email"));
        assert_eq!(front_code("element_10003", "element_10004"), (12, "4"));
        assert_eq!(front_code("abc", "ab"), (2, ""));
        assert_eq!(front_code("x😀a", "x😀b"), (3, "b"), "UTF-16 units");
        assert_eq!(front_code("é", "e"), (0, "e"));
        let mut c = testkit::catalog();
        c.elements[1].id = format!("{}_2", c.elements[0].id);
        let site = plan(&c, Audience::Internal);
        let bytes = search_index(&c, &site).expect("serialises");
        let v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        let want: Vec<String> = site
            .scope
            .elements()
            .map(|e| urls::slug(&c.elements[e].id).into_owned())
            .collect();
        assert_eq!(slugs(&v), want);
        assert!(
            v["elements"].as_array().expect("rows")[1..]
                .iter()
                .any(|e| e[0].as_u64() > Some(0)),
            "neighbours share a prefix: {v}"
        );
    }

    /// `text` cut to at most `max` characters with an ellipsis, as the index writes it.
    fn cut(text: &str, max: usize) -> String {
        cut_at(text, max).map_or_else(|| text.to_string(), |head| format!("{head}…"))
    }

    #[test]
    fn long_reasons_are_cut_at_a_word() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("one two three four", 9), "one two…");
        assert_eq!(cut("ééééé ééééé", 7), "ééééé…");
        assert!(cut(&"word ".repeat(200), MAX_REASONS).chars().count() <= MAX_REASONS + 1);
    }
}
