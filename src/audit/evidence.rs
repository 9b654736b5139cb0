//! Evidence held against the inventory: each detection of each scanner report matched to the
//! elements, recipient or system it confirms, or marked with the rule it breaks. One pass per
//! file; the audit ([`super::evidence_rules`]), the internal Evidence page and `diff` read it.

use crate::config::key_within;
use crate::hash::FastMap;
use crate::load::evidence::{map, Detection, EvidenceFile};
use crate::model::{Catalog, ElementIdx, RecipientIdx, SystemIdx};

use super::rules::{UNDECLARED_DATA, UNDECLARED_RECIPIENT, UNDECLARED_SHARING, UNMAPPED_DATA_TYPE};

/// What one detection matched and which rules it breaks.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    /// The data category its data type maps to; `None` without a type or when unmapped.
    pub category: Option<String>,
    /// True when it has a data type that neither the table nor `[evidence.map]` knows.
    pub unmapped: bool,
    /// Elements in the file's scope whose category is the same, wider or narrower (at most
    /// [`MAX_LISTED`]).
    pub elements: Vec<ElementIdx>,
    /// How many elements matched in all.
    pub element_count: usize,
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

/// At most this many elements are listed per detection (a coarse type such as `user` would
/// otherwise list them all); [`Matched::element_count`] has the full number.
pub const MAX_LISTED: usize = 50;

/// The keys `key` lies within, itself included: `user.contact.email`, `user.contact`, `user`.
fn prefixes(key: &str) -> impl Iterator<Item = &str> {
    std::iter::once(key).chain(key.match_indices('.').map(move |(i, _)| &key[..i]))
}

/// The elements in one file's scope, by category and by every key their category lies within,
/// so a detection finds the same, wider and narrower declarations without a scan.
struct Declared {
    /// Category -> elements of exactly that category.
    exact: FastMap<String, Vec<ElementIdx>>,
    /// Key -> elements whose category lies within it (itself included).
    within: FastMap<String, Vec<ElementIdx>>,
}

impl Declared {
    fn new(cat: &Catalog, in_scope: impl Fn(ElementIdx) -> bool) -> Declared {
        let mut d = Declared {
            exact: FastMap::default(),
            within: FastMap::default(),
        };
        for (e, el) in cat
            .elements
            .iter()
            .enumerate()
            .filter(|(e, _)| in_scope(*e))
        {
            d.exact.entry(el.category.clone()).or_default().push(e);
            for p in prefixes(&el.category) {
                d.within.entry(p.to_string()).or_default().push(e);
            }
        }
        d
    }

    /// Elements whose category is `c`, within it, or a key `c` lies within; in index order.
    fn related(&self, c: &str) -> Vec<ElementIdx> {
        let mut out: Vec<ElementIdx> = self.within.get(c).cloned().unwrap_or_default();
        for p in prefixes(c).skip(1) {
            out.extend(self.exact.get(p).into_iter().flatten());
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Assesses every evidence file of the catalog: linear in elements plus detections per file.
pub fn assess(cat: &Catalog) -> Assessment<'_> {
    let n = cat.elements.len();
    let mut confirmed_by = vec![Vec::new(); n];
    let mut covered = vec![false; n];
    let mut files = Vec::with_capacity(cat.evidence.len());
    let names = Names::new(cat);
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
        let whole = Declared::new(cat, |e| in_scope(e, None));
        let mut per_system: FastMap<SystemIdx, Declared> = FastMap::default();
        let mut rows = Vec::with_capacity(file.detections.len());
        let mut seen: FastMap<String, ()> = FastMap::default();
        let mut seen_within: FastMap<String, ()> = FastMap::default();
        for d in &file.detections {
            let only = d
                .system
                .as_deref()
                .and_then(|id| cat.index.systems.get(id).copied());
            let declared = match only {
                Some(s) => &*per_system
                    .entry(s)
                    .or_insert_with(|| Declared::new(cat, |e| in_scope(e, Some(s)))),
                None => &whole,
            };
            let m = matched(cat, d, declared, &names);
            if let Some(c) = &m.category {
                if seen.insert(c.clone(), ()).is_none() {
                    for p in prefixes(c) {
                        seen_within.insert(p.to_string(), ());
                    }
                }
            }
            rows.push(m);
        }
        for (e, el) in cat.elements.iter().enumerate() {
            if !in_scope(e, None) {
                continue;
            }
            covered[e] = true;
            let hit = prefixes(&el.category).any(|p| seen.contains_key(p))
                || seen_within.contains_key(&el.category);
            if hit {
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

/// Recipients by id, name and alias, and systems by id and name, all in lower case.
struct Names {
    recipients: FastMap<String, RecipientIdx>,
    systems: FastMap<String, SystemIdx>,
}

impl Names {
    fn new(cat: &Catalog) -> Names {
        let key = |s: &str| s.trim().to_lowercase();
        let mut recipients = FastMap::default();
        // Earlier rows win: inserted in reverse, so the first overwrites.
        for (i, r) in cat.recipients.iter().enumerate().rev() {
            for n in [&r.id, &r.name].into_iter().chain(&r.aliases) {
                recipients.insert(key(n), i);
            }
        }
        let mut systems = FastMap::default();
        for (i, s) in cat.systems.iter().enumerate().rev() {
            systems.insert(key(&s.id), i);
            systems.insert(key(&s.name), i);
        }
        Names {
            recipients,
            systems,
        }
    }
}

/// Matches one detection against the elements declared in its scope.
fn matched(cat: &Catalog, d: &Detection, declared: &Declared, by_name: &Names) -> Matched {
    let mut m = Matched::default();
    if let Some(ty) = &d.data_type {
        match map::category(ty, &cat.config.evidence.map, &cat.taxonomy) {
            Some(c) => m.category = Some(c.to_string()),
            None => m.unmapped = true,
        }
    }
    if let Some(c) = &m.category {
        let mut elements = declared.related(c);
        m.element_count = elements.len();
        elements.truncate(MAX_LISTED);
        m.elements = elements;
        if m.element_count == 0 {
            m.rules.push(UNDECLARED_DATA);
        }
    }
    if let Some(party) = &d.third_party {
        let names: Vec<String> = std::iter::once(party)
            .chain(&d.domains)
            .map(|n| n.trim().to_lowercase())
            .collect();
        m.recipient = names
            .iter()
            .find_map(|n| by_name.recipients.get(n).copied());
        if m.recipient.is_none() {
            m.system = names.iter().find_map(|n| by_name.systems.get(n).copied());
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
    if m.unmapped {
        m.rules.push(UNMAPPED_DATA_TYPE);
    }
    m
}
