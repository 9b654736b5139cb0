//! What a change to a site does: two catalogs (and their audits) in, the changes to
//! collection, purposes, retention, sharing and models out, each with one plain-language
//! sentence, plus the audit findings introduced and resolved.
//!
//! Both catalogs are seen through the same audience's scope, so a public diff (the site's
//! "What changed" page) never looks at an internal row. Output formats are in [`report`].

pub mod change;
pub mod evidence;
mod findings;
mod inventory;
mod models;
mod registers;
pub mod report;
mod side;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::audit::Audit;
use crate::config::Audience;
use crate::model::Catalog;

pub use change::{Change, Kind, Named, Section, Version};
pub use findings::{FindingRef, Findings};
pub use side::Labels;

/// The difference between two versions of a site, for one audience.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub audience: Audience,
    /// Sensitive changes first, then by section, subject and kind.
    pub changes: Vec<Change>,
    /// Findings introduced and resolved; `None` on a public diff (audit details are internal).
    pub findings: Option<Findings>,
    /// How many findings were introduced and resolved, whatever the audience (`None` until
    /// audits are compared): a public diff withholds the details, never the count.
    pub counted: Option<Counted>,
    /// What the code scans now see or no longer see; empty on a public diff (scanner output
    /// is internal).
    pub evidence: Vec<evidence::EvidenceChange>,
}

/// The number of findings a change introduces and resolves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counted {
    pub introduced: usize,
    pub resolved: usize,
}

/// How many changes of each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub changes: usize,
    pub sensitive: usize,
    pub elements_added: usize,
    pub elements_removed: usize,
    pub elements_changed: usize,
    pub uses_added: usize,
    pub uses_removed: usize,
    pub uses_changed: usize,
    pub policies_changed: usize,
    pub recipients_changed: usize,
    pub models_added: usize,
    pub models_removed: usize,
    pub models_changed: usize,
    pub findings_introduced: usize,
    pub findings_resolved: usize,
    /// Detections the code scans added or lost (internal diffs).
    pub evidence_changes: usize,
}

/// Compares `old` with `new` as `audience` sees them; purposes are named by `labels`.
pub fn compare(old: &Catalog, new: &Catalog, audience: Audience, labels: Labels) -> Diff {
    let a = side::Side::new(old, audience, labels);
    let b = side::Side::new(new, audience, labels);
    let mut changes = Vec::new();
    inventory::changes(&a, &b, &mut changes);
    registers::changes(&a, &b, &mut changes);
    models::changes(&a, &b, &mut changes);
    changes.sort_by(|x, y| x.sort_key().cmp(&y.sort_key()));
    Diff {
        audience,
        changes,
        findings: None,
        counted: None,
        evidence: if audience == Audience::Internal {
            evidence::compare(old, new)
        } else {
            Vec::new()
        },
    }
}

impl Diff {
    /// Adds the findings introduced and resolved between two audits (run against the same
    /// date). Every audience gets their number; only an internal diff keeps the findings
    /// themselves (audit details never reach the public).
    pub fn with_findings(mut self, old: &Audit, new: &Audit) -> Self {
        let found = findings::compare(old, new);
        self.counted = Some(Counted {
            introduced: found.introduced.len(),
            resolved: found.resolved.len(),
        });
        if self.audience == Audience::Internal {
            self.findings = Some(found);
        }
        self
    }

    /// True when nothing changed (findings included).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.evidence.is_empty()
            && self.counted.unwrap_or_default() == Counted::default()
    }

    /// The changes of one section, in report order.
    pub fn section(&self, section: Section) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.section == section)
    }

    pub fn summary(&self) -> Summary {
        let n = |k: Kind| self.changes.iter().filter(|c| c.kind == k).count();
        // A new use's recipients are listed as changes of their own (field `shared_with`);
        // the use itself is counted once.
        let uses_added = self
            .changes
            .iter()
            .filter(|c| c.kind == Kind::UseAdded && c.field.is_none())
            .count();
        let Counted {
            introduced,
            resolved,
        } = self.counted.unwrap_or_default();
        Summary {
            changes: self.changes.len(),
            sensitive: self.changes.iter().filter(|c| c.sensitive).count(),
            elements_added: n(Kind::ElementAdded),
            elements_removed: n(Kind::ElementRemoved),
            elements_changed: n(Kind::ElementChanged),
            uses_added,
            uses_removed: n(Kind::UseRemoved),
            uses_changed: n(Kind::UseChanged),
            policies_changed: n(Kind::PolicyChanged),
            recipients_changed: n(Kind::RecipientChanged),
            models_added: n(Kind::ModelAdded),
            models_removed: n(Kind::ModelRemoved),
            models_changed: n(Kind::ModelChanged),
            findings_introduced: introduced,
            findings_resolved: resolved,
            evidence_changes: self.evidence.len(),
        }
    }
}

impl Summary {
    /// One line: "5 changes (2 sensitive), 1 finding introduced, 0 resolved".
    pub fn line(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut s = plural(self.changes, "change");
        if self.sensitive > 0 {
            s.push_str(&format!(" ({} sensitive)", self.sensitive));
        }
        s.push_str(&format!(
            ", {} introduced, {} resolved",
            plural(self.findings_introduced, "finding"),
            self.findings_resolved
        ));
        s
    }
}
