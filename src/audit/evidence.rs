//! Evidence held against the inventory: each detection of each scanner report matched to the
//! elements, recipient or system it confirms, or marked with the rule it breaks. One pass per
//! file; the audit ([`super::evidence_rules`]), the internal Evidence page and `diff` read it.

use std::collections::BTreeSet;

use crate::config::key_within;
use crate::link::{Catalog, ElementIdx, RecipientIdx, SystemIdx};
use crate::load::evidence::{map, Detection, EvidenceFile};

use super::rules::{UNDECLARED_DATA, UNDECLARED_RECIPIENT, UNDECLARED_SHARING};

/// What one detection matched and which rules it breaks.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    /// The data category its data type maps to; `None` without a type or when unmapped.
    pub category: Option<String>,
    /// True when it has a data type that neither the table nor `[evidence.map]` knows.
    pub unmapped: bool,
    /// Elements in the file's scope whose category is the same, wider or narrower.
    pub elements: Vec<ElementIdx>,
    pub recipient: Option<RecipientIdx>,
    /// A system of the inventory it names as its third party (an internal service).
    pub system: Option<SystemIdx>,
    /// Rule ids it breaks, in the order of the rule table.
    pub rules: Vec<&'static str>,
}

/// One evidence file, assessed: a [`Matched`] per detection, in file order.
#[derive(Debug, Clone)]
pub struct FileAssessment<'a> {
    pub file: &'a EvidenceFile,
    pub rows: Vec<Matched>,
    /// The systems it covers; `None`: the whole inventory.
    pub covers: Option<Vec<SystemIdx>>,
}

/// Every evidence file assessed, and per element the files that confirm it.
#[derive(Debug, Clone)]
pub struct Assessment<'a> {
    pub files: Vec<FileAssessment<'a>>,
    /// Per element (by index): indices into `files` of the scans that saw its category.
    pub confirmed_by: Vec<Vec<usize>>,
    /// Per element: whether some file covers its systems at all.
    pub covered: Vec<bool>,
}

impl Assessment<'_> {
    /// Elements some scan covers but none confirms, in id order.
    pub fn unconfirmed(&self) -> impl Iterator<Item = ElementIdx> + '_ {
        (0..self.covered.len()).filter(|&e| self.covered[e] && self.confirmed_by[e].is_empty())
    }
}

/// Whether two data categories are the same, or one lies within the other.
pub fn related(a: &str, b: &str) -> bool {
    key_within(a, b) || key_within(b, a)
}

/// Case- and space-insensitive name comparison.
fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Assesses every evidence file of the catalog.
pub fn assess(cat: &Catalog) -> Assessment<'_> {
    let n = cat.elements.len();
    let mut confirmed_by = vec![Vec::new(); n];
    let mut covered = vec![false; n];
    let mut files = Vec::with_capacity(cat.evidence.len());
    for (fi, file) in cat.evidence.iter().enumerate() {
        let covers = (!file.systems.is_empty()).then(|| {
            file.systems
                .iter()
                .filter_map(|id| cat.index.systems.get(id).copied())
                .collect::<Vec<_>>()
        });
        let in_scope = |e: ElementIdx, only: Option<SystemIdx>| match (only, &covers) {
            (Some(s), _) => cat.elements[e].systems.contains(&s),
            (None, None) => true,
            (None, Some(c)) => cat.elements[e].systems.iter().any(|s| c.contains(s)),
        };
        let mut rows = Vec::with_capacity(file.detections.len());
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for d in &file.detections {
            let only = d
                .system
                .as_deref()
                .and_then(|id| cat.index.systems.get(id).copied());
            let m = matched(cat, d, |e| in_scope(e, only));
            if let Some(c) = &m.category {
                seen.insert(c.clone());
            }
            rows.push(m);
        }
        for e in 0..n {
            if !in_scope(e, None) {
                continue;
            }
            covered[e] = true;
            if seen.iter().any(|c| related(c, &cat.elements[e].category)) {
                confirmed_by[e].push(fi);
            }
        }
        files.push(FileAssessment { file, rows, covers });
    }
    Assessment {
        files,
        confirmed_by,
        covered,
    }
}

/// Matches one detection; `in_scope` says which elements the file covers.
fn matched(cat: &Catalog, d: &Detection, in_scope: impl Fn(ElementIdx) -> bool) -> Matched {
    let mut m = Matched::default();
    if let Some(ty) = &d.data_type {
        match map::category(ty, &cat.config.evidence.map, &cat.taxonomy) {
            Some(c) => m.category = Some(c.to_string()),
            None => m.unmapped = true,
        }
    }
    if let Some(c) = &m.category {
        m.elements = (0..cat.elements.len())
            .filter(|&e| in_scope(e) && related(c, &cat.elements[e].category))
            .collect();
        if m.elements.is_empty() {
            m.rules.push(UNDECLARED_DATA);
        }
    }
    if let Some(party) = &d.third_party {
        let names = std::iter::once(party.as_str()).chain(d.domains.iter().map(String::as_str));
        let names: Vec<&str> = names.collect();
        let hit = |candidate: &str| names.iter().any(|n| same(n, candidate));
        m.recipient = cat
            .recipients
            .iter()
            .position(|r| hit(&r.id) || hit(&r.name) || r.aliases.iter().any(|a| hit(a)));
        if m.recipient.is_none() {
            m.system = cat.systems.iter().position(|s| hit(&s.id) || hit(&s.name));
        }
        match (m.recipient, m.system) {
            (None, None) => m.rules.push(UNDECLARED_RECIPIENT),
            (Some(r), _) => {
                if let Some(c) = &m.category {
                    let shared = cat.recipients[r]
                        .uses
                        .iter()
                        .any(|&u| related(c, &cat.elements[cat.uses[u].element].category));
                    if !shared {
                        m.rules.push(UNDECLARED_SHARING);
                    }
                }
            }
            (None, Some(_)) => {}
        }
    }
    m
}
