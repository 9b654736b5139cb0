//! `content/assessments.csv`: DPIAs, legitimate-interest, transfer-impact and fundamental-rights
//! assessments, and which elements, uses, models and recipients each one covers.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use crate::diag::{did_you_mean, Diagnostic, Origin};
use crate::hash::FastMap;
use crate::load::table::Cell;
use crate::load::{RawAssessment, RawSite};
use crate::taxonomy::Tree;

use super::catalog::{Catalog, ElementIdx, ModelIdx, RecipientIdx, UseIdx};

/// Index of an [`Assessment`] in [`Catalog::assessments`].
pub type AssessmentIdx = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    /// Data protection impact assessment (GDPR Art. 35).
    Dpia,
    /// Legitimate interests assessment (the balancing test of Art. 6(1)(f)).
    Lia,
    /// Transfer impact assessment (Schrems II, EDPB Recommendations 01/2020).
    Tia,
    /// Fundamental rights impact assessment (AI Act Art. 27).
    Fria,
}

impl AssessmentKind {
    pub const ALL: &'static [(&'static str, AssessmentKind)] = &[
        ("dpia", Self::Dpia),
        ("lia", Self::Lia),
        ("tia", Self::Tia),
        ("fria", Self::Fria),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    ApprovedWithConditions,
    Rejected,
}

impl Outcome {
    pub const ALL: &'static [(&'static str, Outcome)] = &[
        ("approved", Self::Approved),
        ("approved_with_conditions", Self::ApprovedWithConditions),
        ("rejected", Self::Rejected),
    ];
}

/// One thing an assessment covers, as resolved by `link`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Covered {
    Element(ElementIdx),
    Model(ModelIdx),
    Recipient(RecipientIdx),
    /// A data use key: covers the uses with this purpose or one under it.
    Purpose(String),
}

/// A row of `assessments.csv`.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub id: String,
    pub kind: AssessmentKind,
    /// The ids as written in `covers`, in order.
    pub covers_ids: Vec<String>,
    /// What they resolved to (an id that names both an element and a model covers both).
    pub covers: Vec<Covered>,
    pub date: Option<Date>,
    pub outcome: Option<Outcome>,
    pub url: Option<String>,
    pub description: Option<String>,
    pub origin: Origin,
}

/// A thing assessments can cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Element(ElementIdx),
    /// A use is covered through its element or its purpose (or a parent of it).
    Use(UseIdx),
    Model(ModelIdx),
    Recipient(RecipientIdx),
    /// A purpose key, covered by that key or a parent of it.
    Purpose(&'a str),
}

/// What covers what, built once by `link`, so a query never scans the register.
#[derive(Debug, Clone, Default)]
pub struct CoverIndex {
    pub elements: FastMap<ElementIdx, Vec<AssessmentIdx>>,
    pub models: FastMap<ModelIdx, Vec<AssessmentIdx>>,
    pub recipients: FastMap<RecipientIdx, Vec<AssessmentIdx>>,
    pub purposes: FastMap<String, Vec<AssessmentIdx>>,
}

impl CoverIndex {
    pub fn new(assessments: &[Assessment]) -> CoverIndex {
        let mut ix = CoverIndex::default();
        for (a, assessment) in assessments.iter().enumerate() {
            for c in &assessment.covers {
                let list = match c {
                    Covered::Element(e) => ix.elements.entry(*e).or_default(),
                    Covered::Model(m) => ix.models.entry(*m).or_default(),
                    Covered::Recipient(r) => ix.recipients.entry(*r).or_default(),
                    Covered::Purpose(p) => ix.purposes.entry(p.clone()).or_default(),
                };
                if list.last() != Some(&a) {
                    list.push(a);
                }
            }
        }
        ix
    }

    /// Assessments naming `key` or one of its parents (`marketing` covers
    /// `marketing.advertising`).
    fn by_purpose<'a>(&'a self, key: &'a str) -> impl Iterator<Item = AssessmentIdx> + 'a {
        std::iter::successors(Some(key), |k| k.rsplit_once('.').map(|(head, _)| head))
            .filter_map(|p| self.purposes.get(p))
            .flatten()
            .copied()
    }
}

impl Catalog {
    /// Replaces the assessments (sorted by id here) and rebuilds their indexes: for code
    /// that builds a catalog by hand, such as tests.
    pub fn set_assessments(&mut self, mut assessments: Vec<Assessment>) {
        assessments.sort_by(|a, b| a.id.cmp(&b.id));
        self.cover_index = CoverIndex::new(&assessments);
        self.index.assessments = assessments
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        self.assessments = assessments;
    }

    /// The assessments of `kind` that cover `target`, in register order (by id), each once.
    /// Any outcome counts: whether a `rejected` one is enough is for the caller to say.
    pub fn assessments_covering(&self, kind: AssessmentKind, target: Target) -> Vec<&Assessment> {
        if self.assessments.is_empty() {
            return Vec::new();
        }
        let ix = &self.cover_index;
        fn direct(
            m: &FastMap<usize, Vec<AssessmentIdx>>,
            k: usize,
        ) -> impl Iterator<Item = AssessmentIdx> + '_ {
            m.get(&k).into_iter().flatten().copied()
        }
        let mut found: Vec<AssessmentIdx> = match target {
            Target::Element(e) => direct(&ix.elements, e).collect(),
            Target::Model(m) => direct(&ix.models, m).collect(),
            Target::Recipient(r) => direct(&ix.recipients, r).collect(),
            Target::Purpose(p) => ix.by_purpose(p).collect(),
            Target::Use(u) => match self.uses.get(u) {
                Some(use_) => direct(&ix.elements, use_.element)
                    .chain(ix.by_purpose(&use_.purpose))
                    .collect(),
                None => Vec::new(),
            },
        };
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .map(|a| &self.assessments[a])
            .filter(|a| a.kind == kind)
            .collect()
    }
}

/// The ids one register row may name, for resolving `covers`.
pub(super) struct CoverTargets<'a> {
    pub elements: &'a FastMap<String, ElementIdx>,
    pub models: &'a FastMap<String, ModelIdx>,
    pub recipients: &'a FastMap<String, RecipientIdx>,
    /// `None` when the taxonomy is broken (reported): keys are then taken as written.
    pub uses: Option<&'a Tree>,
    /// Ids of model cards and recipients that failed to load: not reported again.
    pub broken: &'a BTreeSet<String>,
}

/// Resolves the `covers` of each raw row, reporting ids that name nothing. Assessments come
/// back sorted by id.
pub(super) fn link_assessments(
    raw: &RawSite,
    rows: Vec<RawAssessment>,
    targets: &CoverTargets,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Assessment> {
    let mut out: Vec<Assessment> = rows
        .into_iter()
        .map(|r| {
            let file = &r.origin.file;
            let covers = r
                .covers
                .iter()
                .flat_map(|c| resolve(raw, file, c, targets, errors))
                .collect();
            Assessment {
                id: r.id,
                kind: r.kind,
                covers_ids: r.covers.into_iter().map(|c| c.value).collect(),
                covers,
                date: r.date,
                outcome: r.outcome,
                url: r.url,
                description: r.description,
                origin: r.origin,
            }
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// What one `covers` id names: every register it is an id of, or a data use key.
fn resolve(
    raw: &RawSite,
    file: &Arc<Path>,
    cell: &Cell,
    t: &CoverTargets,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Covered> {
    let id = cell.value.as_str();
    let mut found = Vec::new();
    found.extend(t.elements.get(id).map(|&e| Covered::Element(e)));
    found.extend(t.models.get(id).map(|&m| Covered::Model(m)));
    found.extend(t.recipients.get(id).map(|&r| Covered::Recipient(r)));
    let is_use = match t.uses {
        Some(tree) => tree.contains(id),
        None => id.contains('.'),
    };
    if is_use {
        found.push(Covered::Purpose(id.to_string()));
    }
    if found.is_empty() && !t.broken.contains(id) {
        let mut candidates: Vec<&str> = t
            .elements
            .keys()
            .chain(t.models.keys())
            .chain(t.recipients.keys())
            .map(String::as_str)
            .collect();
        if let Some(tree) = t.uses {
            candidates.extend(tree.taxa.iter().map(|x| x.key.as_str()));
        }
        candidates.sort_unstable();
        let help = match t.uses.filter(|_| id.contains('.')) {
            Some(tree) => super::keys::unknown_key_help(tree, id),
            None => did_you_mean(id, candidates).unwrap_or_else(|| {
                "name inventory elements, model cards (their `id`), recipients, or data use keys; a key covers the uses under it".to_string()
            }),
        };
        errors.push(
            Diagnostic::at(
                file.to_path_buf(),
                cell.line,
                format!("`covers` names `{id}`, but no element, model card, recipient or data use has that id"),
            )
            .column(cell.column)
            .snippet(raw.line_text(file, cell.line))
            .help(help),
        );
    }
    found
}
