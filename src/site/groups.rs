//! Elements grouped by data category and uses grouped by purpose, along the taxonomy. Built
//! once per build: each element or use is added to each of its ancestors (a handful), so the
//! cost is linear in the catalog.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Catalog, ElementIdx, UseIdx};
use crate::taxonomy::Tree;

use crate::model::scope::Scope;

/// The members of one taxonomy key: everything filed under it or under its descendants.
#[derive(Debug, Clone, Default)]
pub struct TaxonGroup<'a> {
    /// Element indices (categories) or use indices (purposes), in catalog order: everything
    /// under the key, for its counts and its freshness.
    pub members: Vec<usize>,
    /// The members filed under exactly this key, in catalog order: what its page lists (the
    /// members of its descendants are on their own pages, linked from it).
    pub own: Vec<usize>,
    /// Child keys that have pages of their own.
    pub children: BTreeSet<&'a str>,
    /// Something is filed under exactly this key (not only under its descendants).
    pub direct: bool,
}

/// All groupings a site needs.
#[derive(Debug, Clone, Default)]
pub struct Groups<'a> {
    /// Category page keys: each used category and its ancestors below the top level.
    pub categories: BTreeMap<&'a str, TaxonGroup<'a>>,
    /// Purpose page keys: each used purpose and all its ancestors.
    pub purposes: BTreeMap<&'a str, TaxonGroup<'a>>,
    /// The data index and heat-map rows: elements by category, two levels deep.
    pub sections: BTreeMap<&'a str, Vec<ElementIdx>>,
    /// Heat-map columns: top-level purpose -> uses.
    pub top_purposes: BTreeMap<&'a str, Vec<UseIdx>>,
}

/// A key and its ancestors, top level first; just the key when the taxonomy does not know it.
pub fn chain<'a>(tree: &'a Tree, key: &'a str) -> Vec<&'a str> {
    let mut keys: Vec<&str> = tree.lineage(key).map(|t| t.key.as_str()).collect();
    if keys.is_empty() {
        keys.push(key);
    }
    keys.reverse();
    keys
}

impl<'a> Groups<'a> {
    pub fn new(catalog: &'a Catalog, scope: &Scope) -> Groups<'a> {
        let mut g = Groups::default();
        let tax = &catalog.taxonomy;
        for e in scope.elements() {
            let key = catalog.elements[e].category.as_str();
            let c = chain(&tax.categories, key);
            // Top-level category pages ("User data") would list everything: skip them unless used.
            let skip = usize::from(c.len() > 1);
            add_along(&mut g.categories, &c[skip..], e);
            let section = c.get(1).or(c.last()).copied().unwrap_or(key);
            g.sections.entry(section).or_default().push(e);
        }
        for u in scope.uses() {
            let key = catalog.uses[u].purpose.as_str();
            let c = chain(&tax.uses, key);
            add_along(&mut g.purposes, &c, u);
            g.top_purposes.entry(c[0]).or_default().push(u);
        }
        g
    }
}

/// Adds `member` to every key of `chain` and records each key as its parent's child.
fn add_along<'a>(map: &mut BTreeMap<&'a str, TaxonGroup<'a>>, chain: &[&'a str], member: usize) {
    for (i, &key) in chain.iter().enumerate() {
        let group = map.entry(key).or_default();
        if group.members.last() != Some(&member) {
            group.members.push(member);
        }
        match chain.get(i + 1) {
            Some(&child) => {
                group.children.insert(child);
            }
            None => {
                group.direct = true;
                if group.own.last() != Some(&member) {
                    group.own.push(member);
                }
            }
        }
    }
}
