//! What one audience may see. A public build hides internal uses, the elements left with no
//! public use, and the policies, recipients and systems that only internal rows refer to.
//! Computed once per build in linear time; every view and export asks it, never the raw rows.

use crate::config::Audience;
use crate::model::{Catalog, ElementIdx, PolicyIdx, RecipientIdx, SystemIdx, UseIdx, Visibility};

/// Visibility flags, one per record, for one audience.
#[derive(Debug, Clone)]
pub struct Scope {
    pub audience: Audience,
    uses: Vec<bool>,
    elements: Vec<bool>,
    policies: Vec<bool>,
    recipients: Vec<bool>,
    systems: Vec<bool>,
}

impl Scope {
    pub fn new(catalog: &Catalog, audience: Audience) -> Scope {
        let internal = audience == Audience::Internal;
        let uses: Vec<bool> = catalog
            .uses
            .iter()
            .map(|u| internal || u.visibility == Visibility::Public)
            .collect();
        let elements: Vec<bool> = catalog
            .elements
            .iter()
            .map(|e| internal || e.uses.iter().any(|&u| uses[u]))
            .collect();
        // A record no row refers to is shown; one referred to only by hidden rows is not.
        let by_uses =
            |refs: &[UseIdx]| internal || refs.is_empty() || refs.iter().any(|&u| uses[u]);
        let policies = catalog.retention.iter().map(|p| by_uses(&p.uses)).collect();
        let recipients = catalog
            .recipients
            .iter()
            .map(|r| by_uses(&r.uses))
            .collect();
        let systems = catalog
            .systems
            .iter()
            .map(|s| internal || s.elements.is_empty() || s.elements.iter().any(|&e| elements[e]))
            .collect();
        Scope {
            audience,
            uses,
            elements,
            policies,
            recipients,
            systems,
        }
    }

    /// Internal builds show owners, notes, `x_` values and internal rows.
    pub fn internal(&self) -> bool {
        self.audience == Audience::Internal
    }

    pub fn use_(&self, u: UseIdx) -> bool {
        self.uses.get(u).copied().unwrap_or(false)
    }
    /// Whether a model card's element id may be shown as it is: an id no inventory element
    /// has is the card's own text; an element with only internal rows is internal (outputs
    /// show the neutral `model.internal_data` label instead of its id).
    pub fn input(&self, i: &crate::model::ModelInput) -> bool {
        i.element.is_none_or(|e| self.element(e))
    }

    pub fn element(&self, e: ElementIdx) -> bool {
        self.elements.get(e).copied().unwrap_or(false)
    }
    pub fn policy(&self, p: PolicyIdx) -> bool {
        self.policies.get(p).copied().unwrap_or(false)
    }
    pub fn recipient(&self, r: RecipientIdx) -> bool {
        self.recipients.get(r).copied().unwrap_or(false)
    }
    pub fn system(&self, s: SystemIdx) -> bool {
        self.systems.get(s).copied().unwrap_or(false)
    }

    /// Indices of the visible items of a list of flags.
    fn visible(flags: &[bool]) -> impl Iterator<Item = usize> + '_ {
        flags.iter().enumerate().filter(|(_, &v)| v).map(|(i, _)| i)
    }
    pub fn elements(&self) -> impl Iterator<Item = ElementIdx> + '_ {
        Self::visible(&self.elements)
    }
    pub fn uses(&self) -> impl Iterator<Item = UseIdx> + '_ {
        Self::visible(&self.uses)
    }
    pub fn policies(&self) -> impl Iterator<Item = PolicyIdx> + '_ {
        Self::visible(&self.policies)
    }
    pub fn recipients(&self) -> impl Iterator<Item = RecipientIdx> + '_ {
        Self::visible(&self.recipients)
    }
    pub fn systems(&self) -> impl Iterator<Item = SystemIdx> + '_ {
        Self::visible(&self.systems)
    }

    /// The visible ones of a list of use indices.
    pub fn filter_uses<'s>(&'s self, list: &'s [UseIdx]) -> impl Iterator<Item = UseIdx> + 's {
        list.iter().copied().filter(|&u| self.use_(u))
    }

    /// The visible ones of a list of element indices.
    pub fn filter_elements<'s>(
        &'s self,
        list: &'s [ElementIdx],
    ) -> impl Iterator<Item = ElementIdx> + 's {
        list.iter().copied().filter(|&e| self.element(e))
    }
}
