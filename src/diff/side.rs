//! One version of a site as the diff sees it: the catalog through an audience's [`Scope`], so a
//! public diff never looks at an internal row, and the wording of values.

use std::collections::BTreeMap;

use crate::config::Audience;
use crate::model::{words, Scope};
use crate::model::{Catalog, Element, ElementIdx, ModelInput, Use};

/// How a purpose is named in sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// The data use key (`marketing.advertising`): for reviewers of the sources.
    Keys,
    /// The taxonomy's display name ("Advertising"): for readers of the site.
    Names,
}

/// A catalog seen by one audience.
pub struct Side<'a> {
    pub cat: &'a Catalog,
    pub scope: Scope,
    labels: Labels,
}

impl<'a> Side<'a> {
    pub fn new(cat: &'a Catalog, audience: Audience, labels: Labels) -> Self {
        Side {
            cat,
            scope: Scope::new(cat, audience),
            labels,
        }
    }

    /// The visible elements, by id.
    pub fn elements(&self) -> BTreeMap<&'a str, ElementIdx> {
        self.scope
            .elements()
            .map(|e| (self.cat.elements[e].id.as_str(), e))
            .collect()
    }

    /// The visible uses of an element, keyed by purpose and the how-manieth row for that
    /// purpose (an element may have two rows for one purpose).
    pub fn uses_of(&self, e: ElementIdx) -> BTreeMap<(&'a str, usize), &'a Use> {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let cat = self.cat;
        self.scope
            .filter_uses(&cat.elements[e].uses)
            .map(|u| {
                let row = &cat.uses[u];
                let n = seen.entry(row.purpose.as_str()).or_default();
                *n += 1;
                ((row.purpose.as_str(), *n), row)
            })
            .collect()
    }

    /// Whether an element's data category is sensitive.
    pub fn sensitive(&self, e: &Element) -> bool {
        self.cat.taxonomy.is_sensitive(&e.category)
    }

    /// A purpose as sentences name it.
    pub fn purpose(&self, key: &str) -> String {
        match self.labels {
            Labels::Keys => key.to_string(),
            Labels::Names => self.cat.taxonomy.uses.name(key).to_string(),
        }
    }

    /// A data category as sentences name it.
    pub fn category(&self, key: &str) -> String {
        match self.labels {
            Labels::Keys => key.to_string(),
            Labels::Names => self.cat.taxonomy.categories.name(key).to_string(),
        }
    }

    /// A model input as this audience may see it: the element's name when it is visible, the
    /// id when it names no element, `None` when it names an element hidden from the audience.
    pub fn input(&self, input: &ModelInput) -> Option<(String, bool)> {
        match input.element {
            Some(e) if self.scope.element(e) => {
                let el = &self.cat.elements[e];
                Some((el.name.clone(), self.sensitive(el)))
            }
            Some(_) => None,
            None => Some((input.id.clone(), false)),
        }
    }

    /// A legal basis as written in the inventory (`legitimate_interests`), or in words
    /// ("legitimate interests") for readers of the site.
    pub fn basis(&self, u: &Use) -> String {
        let key = u
            .legal_basis
            .map_or("no legal basis", words::legal_basis_key);
        match self.labels {
            Labels::Keys => key.to_string(),
            Labels::Names => key.replace('_', " "),
        }
    }

    /// " (consent)" after a use, when it has a legal basis.
    pub fn basis_suffix(&self, u: &Use) -> String {
        if u.legal_basis.is_some() {
            format!(" ({})", self.basis(u))
        } else {
            String::new()
        }
    }

    /// How long a use keeps data, in words: "2 years (account)", or "no retention policy".
    pub fn retention(&self, u: &Use) -> String {
        match u.retention.map(|p| &self.cat.retention[p]) {
            Some(p) => format!(
                "{} ({})",
                words::period_label(crate::i18n::strings(None), &p.period),
                p.id
            ),
            None => "no retention policy".to_string(),
        }
    }
}

/// An enumerated value as the sources spell it (`third_party`), via its serde name.
pub fn key<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}
