//! The catalog as one audience may see it, for the exporters. Visibility itself is the
//! site's [`Scope`] (so exports and the site agree): a public view leaves out internal rows
//! (and the elements that only have internal rows); exporters also leave out owners, notes,
//! `x_` columns, and a model card's `internal:` block and extra keys unless [`View::internal`].

use crate::config::Audience;
use crate::model::Scope;
use crate::model::{Catalog, Element, LegalBasis, RetentionPolicy, Use};

#[derive(Debug, Clone)]
pub struct View<'a> {
    pub catalog: &'a Catalog,
    pub scope: Scope,
}

impl<'a> View<'a> {
    pub fn new(catalog: &'a Catalog, audience: Audience) -> Self {
        View {
            catalog,
            scope: Scope::new(catalog, audience),
        }
    }

    /// True when internal fields (owners, notes, `x_`, model internals) may be shown.
    pub fn internal(&self) -> bool {
        self.scope.internal()
    }

    /// Every use this audience may see, in catalog order (by element, then file order).
    pub fn uses(&self) -> impl Iterator<Item = &'a Use> + '_ {
        let c = self.catalog;
        self.scope.uses().map(move |u| &c.uses[u])
    }

    /// The uses of one element this audience may see.
    pub fn uses_of(&self, e: &'a Element) -> impl Iterator<Item = &'a Use> + '_ {
        let c = self.catalog;
        self.scope.filter_uses(&e.uses).map(move |u| &c.uses[u])
    }

    /// Elements with at least one visible use, by id.
    pub fn elements(&self) -> impl Iterator<Item = &'a Element> + '_ {
        let c = self.catalog;
        self.scope.elements().map(move |e| &c.elements[e])
    }

    pub fn element_of(&self, u: &Use) -> &'a Element {
        &self.catalog.elements[u.element]
    }

    /// Display name of a data category, use or subject key.
    pub fn category_name(&self, key: &'a str) -> &'a str {
        self.catalog.taxonomy.categories.name(key)
    }
    pub fn use_name(&self, key: &'a str) -> &'a str {
        self.catalog.taxonomy.uses.name(key)
    }
    pub fn subject_name(&self, key: &'a str) -> &'a str {
        self.catalog.taxonomy.subjects.name(key)
    }
}

/// `legitimate_interests` -> `legitimate interests`.
pub fn legal_basis_text(b: LegalBasis) -> String {
    crate::cyclonedx::enum_name(&b).replace('_', " ")
}

/// `Thirty days (P30D from collection, then delete)`, or `... (indefinite ...)`.
pub fn retention_text(p: &RetentionPolicy) -> String {
    let mut detail = p.period.iso().to_string();
    if let Some(t) = &p.trigger {
        detail.push_str(&format!(" from {t}"));
    }
    if let Some(d) = &p.disposal {
        detail.push_str(&format!(", then {}", crate::cyclonedx::enum_name(d)));
    }
    format!("{} ({detail})", p.name)
}

/// Sorted, de-duplicated, non-empty strings.
pub fn distinct<I: IntoIterator<Item = String>>(items: I) -> Vec<String> {
    let mut v: Vec<String> = items.into_iter().filter(|s| !s.trim().is_empty()).collect();
    v.sort();
    v.dedup();
    v
}
