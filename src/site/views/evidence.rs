//! The internal `evidence/` page: per scanner report, what it covers and when it ran, and per
//! detection what it matched (elements, recipient, system) or the finding it raised; then the
//! declared elements no scan saw.

use serde::Serialize;

use crate::audit::evidence::assess;
use crate::model::ElementIdx;

use super::{urls, Ctx, Link, TaxonRef};

#[derive(Debug, Serialize)]
pub struct EvidenceView<'a> {
    pub files: Vec<FileView<'a>>,
    /// Elements a scan covers but none saw.
    pub unconfirmed: Vec<Link<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FileView<'a> {
    /// As shown in messages: `content/evidence/bearer.json`.
    pub path: String,
    pub scanner: &'static str,
    pub scanned: Option<String>,
    /// Systems covered; empty: the whole inventory.
    pub covers: Vec<Link<'a>>,
    pub count: String,
    pub rows: Vec<RowView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RowView<'a> {
    pub data_type: Option<&'a str>,
    pub category: Option<TaxonRef<'a>>,
    pub unmapped: bool,
    pub third_party: Option<&'a str>,
    /// Where in the evidence (JSON pointer or line) and in the code, when the scanner says.
    pub pointer: &'a str,
    pub location: Option<&'a str>,
    pub count: u64,
    pub elements: Vec<Link<'a>>,
    /// How many more elements match than are listed.
    pub more: usize,
    pub recipient: Option<Link<'a>>,
    pub system: Option<Link<'a>>,
    /// Rule ids of the findings it raised.
    pub rules: Vec<&'static str>,
}

pub fn evidence(ctx: Ctx<'_>) -> EvidenceView<'_> {
    let c = ctx.catalog;
    let a = assess(c);
    let files = a
        .files
        .iter()
        .map(|f| FileView {
            path: f.file.path.display().to_string(),
            scanner: f.file.scanner.name(),
            scanned: f.file.scanned.map(|d| d.to_string()),
            covers: f
                .covers
                .iter()
                .flatten()
                .map(|&s| Link {
                    name: &c.systems[s].name,
                    href: Some(urls::anchored(urls::SYSTEMS, "system", &c.systems[s].id)),
                })
                .collect(),
            count: ctx.lang().count("evidence.detections", f.rows.len()),
            rows: f
                .file
                .detections
                .iter()
                .zip(&f.rows)
                .map(|(d, m)| RowView {
                    data_type: d.data_type.as_deref(),
                    category: m.category.as_deref().map(|k| {
                        // The catalog's own key, so the reference borrows from the catalog.
                        let key = c.taxonomy.categories.get(k).map_or("", |t| t.key.as_str());
                        ctx.category(key)
                    }),
                    unmapped: m.unmapped,
                    third_party: d.third_party.as_deref(),
                    pointer: &d.pointer,
                    location: d.location.as_deref(),
                    count: d.count,
                    elements: m.elements.iter().map(|&e| ctx.element_link(e)).collect(),
                    more: m.element_count.saturating_sub(m.elements.len()),
                    recipient: m.recipient.map(|r| Link {
                        name: &c.recipients[r].name,
                        href: Some(urls::anchored(
                            urls::RECIPIENTS,
                            "recipient",
                            &c.recipients[r].id,
                        )),
                    }),
                    system: m.system.map(|s| Link {
                        name: &c.systems[s].name,
                        href: Some(urls::anchored(urls::SYSTEMS, "system", &c.systems[s].id)),
                    }),
                    rules: m.rules.clone(),
                })
                .collect(),
        })
        .collect();
    let unconfirmed = a
        .unconfirmed()
        .map(|e: ElementIdx| ctx.element_link(e))
        .collect();
    EvidenceView { files, unconfirmed }
}
