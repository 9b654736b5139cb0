//! `content/assessments.csv`: DPIAs, legitimate-interest, transfer-impact and fundamental-rights
//! assessments, and which elements, uses, models and recipients each one covers.

use jiff::civil::Date;
use serde::Serialize;

use crate::diag::Origin;
use crate::hash::FastMap;

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
