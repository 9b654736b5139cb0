//! The audit on an internal build: findings indexed by element and model (so each page finds
//! its own in constant time), the review schedule, and the `audit/` page. A public build never
//! carries any of it.

use crate::audit::reviews::ReviewDue;
use crate::audit::{Audit, Finding};
use crate::model::{Catalog, ElementIdx, ModelIdx};

use super::{PageKind, PageSpec, Site};

/// Where the audit page goes.
pub const AUDIT: &str = "audit/index.html";

/// An audit prepared for the pages of one build.
#[derive(Debug, Clone)]
pub struct SiteAudit<'a> {
    pub audit: &'a Audit,
    /// Reviews due, soonest first.
    pub reviews: Vec<ReviewDue>,
    /// Indices into `audit.findings`, by element index and by model index.
    by_element: Vec<Vec<usize>>,
    by_model: Vec<Vec<usize>>,
}

impl<'a> SiteAudit<'a> {
    /// Indexes the findings of `audit` by the element and model they concern (linear).
    pub fn new(catalog: &Catalog, audit: &'a Audit, reviews: Vec<ReviewDue>) -> Self {
        let mut by_element = vec![Vec::new(); catalog.elements.len()];
        let mut by_model = vec![Vec::new(); catalog.models.len()];
        for (i, f) in audit.findings.iter().enumerate() {
            if let Some(&e) = f
                .element
                .as_ref()
                .and_then(|id| catalog.index.elements.get(id))
            {
                by_element[e].push(i);
            }
            if let Some(&m) = f.model.as_ref().and_then(|id| catalog.index.models.get(id)) {
                by_model[m].push(i);
            }
        }
        SiteAudit {
            audit,
            reviews,
            by_element,
            by_model,
        }
    }

    /// Findings about one element (open first, as in the report).
    pub fn for_element(&self, e: ElementIdx) -> impl Iterator<Item = &'a Finding> + '_ {
        let all = &self.audit.findings;
        self.by_element
            .get(e)
            .into_iter()
            .flatten()
            .map(move |&i| &all[i])
    }

    /// Findings about one model card.
    pub fn for_model(&self, m: ModelIdx) -> impl Iterator<Item = &'a Finding> + '_ {
        let all = &self.audit.findings;
        self.by_model
            .get(m)
            .into_iter()
            .flatten()
            .map(move |&i| &all[i])
    }
}

impl<'a> Site<'a> {
    /// Adds the audit to an internal build: the `audit/` page, and findings on element and
    /// model pages. A public build is returned unchanged, so no audit detail can reach it.
    pub fn with_audit(mut self, audit: SiteAudit<'a>) -> Self {
        if self.scope.internal() {
            self.pages.push(PageSpec {
                path: AUDIT.into(),
                kind: PageKind::Audit,
            });
            self.audit = Some(audit);
        }
        self
    }
}
