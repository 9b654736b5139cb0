//! The fideslang taxonomy (data categories, data uses, data subjects), embedded in the binary
//! and extended from `candor.toml`.
//!
//! fideslang is © Ethyca, Inc., licensed CC BY 4.0; see `taxonomy/fideslang/LICENSE`. The CSVs
//! are fideslang 3.1.4's default taxonomy (`fideslang.default_taxonomy`), see its README.

use crate::hash::FastMap;
use std::path::Path;

use serde::Serialize;

use crate::config::{TaxonExtension, TaxonomyExtensions};
use crate::diag::{did_you_mean, suggest, Diagnostic, Diagnostics};

const CATEGORIES_CSV: &str = include_str!("../taxonomy/fideslang/data_categories.csv");
const USES_CSV: &str = include_str!("../taxonomy/fideslang/data_uses.csv");
const SUBJECTS_CSV: &str = include_str!("../taxonomy/fideslang/data_subjects.csv");

/// Attribution shown wherever the taxonomy ships.
pub const ATTRIBUTION: &str =
    "Data categories, uses and subjects from fideslang by Ethyca, Inc., licensed CC BY 4.0.";

/// One key of a taxonomy, e.g. `user.contact.email`.
#[derive(Debug, Clone, Serialize)]
pub struct Taxon {
    pub key: String,
    pub name: String,
    /// `None` for a top-level key.
    pub parent: Option<String>,
    pub description: String,
    /// Special-category or demographic data (categories only).
    pub sensitive: bool,
    /// Defined in `candor.toml` rather than fideslang.
    pub extension: bool,
}

/// One kind of key (categories, uses or subjects), with an index by key.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub kind: &'static str,
    pub taxa: Vec<Taxon>,
    index: FastMap<String, usize>,
}

/// The three taxonomies.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub categories: Tree,
    pub uses: Tree,
    pub subjects: Tree,
}

/// Category keys (and everything under them) that count as sensitive.
const SENSITIVE_PREFIXES: &[&str] = &[
    "user.demographic",
    "user.biometric",
    "user.authorization.biometric",
    "user.health_and_medical",
    "user.childrens",
    "user.criminal_history",
];

/// GDPR Art. 9 special categories (a stricter subset of the sensitive keys).
const SPECIAL_PREFIXES: &[&str] = &[
    "user.demographic.race_ethnicity",
    "user.demographic.political_opinion",
    "user.demographic.religious_belief",
    "user.demographic.sexual_orientation",
    "user.biometric",
    "user.authorization.biometric",
    "user.health_and_medical",
];

fn under(key: &str, prefix: &str) -> bool {
    key == prefix
        || (key.len() > prefix.len()
            && key.starts_with(prefix)
            && key.as_bytes()[prefix.len()] == b'.')
}

/// The parent an extension names, or the key without its last part.
fn parent_of(e: &TaxonExtension) -> Option<String> {
    e.parent
        .clone()
        .or_else(|| e.key.rsplit_once('.').map(|(p, _)| p.to_string()))
}

/// fideslang requires a key's parent to be the key without its last part (`user.foo.bar`
/// under `user.foo`); an export with any other parent is rejected by fideslang's own loader.
fn prefix_parent(e: &TaxonExtension, parent: &str) -> Result<(), (String, String)> {
    let (prefix, last) = match e.key.rsplit_once('.') {
        Some((prefix, last)) => (Some(prefix), last),
        None => (None, e.key.as_str()),
    };
    if prefix == Some(parent) {
        return Ok(());
    }
    let moved = format!("{parent}.{last}");
    Err(match prefix {
        Some(prefix) => (
            format!(
                "taxonomy key `{}` has parent `{parent}`, but its parent must be `{prefix}`, the key without its last part (fideslang rejects any other)",
                e.key
            ),
            format!("drop `parent` (it defaults to `{prefix}`), or rename the key to `{moved}` to put it under `{parent}`"),
        ),
        None => (
            format!(
                "taxonomy key `{}` has parent `{parent}`, but a key without a dot sits at the top of the taxonomy (fideslang requires the parent to be the key's prefix)",
                e.key
            ),
            format!("rename the key to `{moved}` and drop `parent`"),
        ),
    })
}

/// Extensions in an order where each comes after the extension it sits under (so the order in
/// candor.toml does not matter), and those caught in a cycle of parents, each with the cycle
/// as a path (`a -> b -> a`).
fn parents_first(
    list: &[TaxonExtension],
) -> (Vec<&TaxonExtension>, Vec<(&TaxonExtension, Vec<String>)>) {
    let mut pending: Vec<&TaxonExtension> = list.iter().collect();
    let mut ordered = Vec::with_capacity(list.len());
    loop {
        let waits = |e: &TaxonExtension, pending: &[&TaxonExtension]| {
            let parent = parent_of(e);
            pending
                .iter()
                .any(|o| !std::ptr::eq(*o, e) && Some(&o.key) == parent.as_ref())
        };
        let (ready, waiting): (Vec<_>, Vec<_>) = pending.iter().partition(|e| !waits(e, &pending));
        if ready.is_empty() {
            break;
        }
        ordered.extend(ready);
        pending = waiting;
    }
    let cyclic = pending
        .iter()
        .map(|&e| {
            let mut path = vec![e.key.clone()];
            let mut at = e;
            while let Some(next) = parent_of(at).and_then(|p| pending.iter().find(|o| o.key == p)) {
                path.push(next.key.clone());
                if path[..path.len() - 1].contains(&next.key) {
                    break;
                }
                at = next;
            }
            (e, path)
        })
        .collect();
    (ordered, cyclic)
}

impl Tree {
    fn from_csv(kind: &'static str, text: &str, root: &str, sensitive: &[&str]) -> Tree {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().cloned().unwrap_or_default();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (key_i, name_i, parent_i, desc_i) = (
            col("fides_key"),
            col("name"),
            col("parent_key"),
            col("description"),
        );
        let mut tree = Tree {
            kind,
            ..Tree::default()
        };
        for record in reader.records().flatten() {
            let get = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
            let key = get(key_i);
            if key.is_empty() || key == root {
                continue;
            }
            let parent = get(parent_i);
            tree.insert(Taxon {
                key: key.to_string(),
                name: get(name_i).to_string(),
                parent: (!parent.is_empty() && parent != root).then(|| parent.to_string()),
                description: get(desc_i).to_string(),
                sensitive: sensitive.iter().any(|p| under(key, p)),
                extension: false,
            });
        }
        tree
    }

    fn insert(&mut self, taxon: Taxon) {
        self.index.insert(taxon.key.clone(), self.taxa.len());
        self.taxa.push(taxon);
    }

    pub fn get(&self, key: &str) -> Option<&Taxon> {
        self.index.get(key).map(|&i| &self.taxa[i])
    }

    pub fn contains(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// Display name of a key, or the key itself when unknown.
    pub fn name<'a>(&'a self, key: &'a str) -> &'a str {
        self.get(key).map_or(key, |t| t.name.as_str())
    }

    /// The key and its ancestors, nearest first.
    pub fn lineage<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Taxon> + 'a {
        std::iter::successors(self.get(key), move |t| {
            t.parent.as_deref().and_then(|p| self.get(p))
        })
    }

    /// The top-level key a key sits under (`marketing` for `marketing.communications.email`).
    pub fn top_level<'a>(&'a self, key: &'a str) -> &'a str {
        self.lineage(key).last().map_or(key, |t| t.key.as_str())
    }

    /// A likely intended key for an unknown one: the nearest spelling, or a key that ends the
    /// same way (`user.email` -> `user.contact.email`).
    pub fn suggest(&self, key: &str) -> Option<&str> {
        let last = key.rsplit('.').next().unwrap_or(key);
        let mut same_leaf = self
            .taxa
            .iter()
            .filter(|t| t.key != key && t.key.rsplit('.').next() == Some(last));
        if let (Some(only), None) = (same_leaf.next(), same_leaf.next()) {
            return Some(&only.key);
        }
        suggest(key, self.taxa.iter().map(|t| t.key.as_str()))
    }

    /// The error for an unknown key, with a suggestion where there is one.
    pub fn unknown_key_help(&self, key: &str) -> String {
        match self.suggest(key) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "use a fideslang {} key (see the taxonomy page of the docs), or add `{key}` under [[taxonomy.{}]] in candor.toml",
                self.kind.replace('_', " "),
                self.kind
            ),
        }
    }
}

impl Taxonomy {
    /// The embedded fideslang taxonomy.
    pub fn fideslang() -> Taxonomy {
        Taxonomy {
            categories: Tree::from_csv(
                "data_categories",
                CATEGORIES_CSV,
                "data_category",
                SENSITIVE_PREFIXES,
            ),
            uses: Tree::from_csv("data_uses", USES_CSV, "data_use", &[]),
            subjects: Tree::from_csv("data_subjects", SUBJECTS_CSV, "data_subject", &[]),
        }
    }

    /// fideslang plus the extensions in `candor.toml`; a bad extension is an error there.
    pub fn with_extensions(
        ext: &TaxonomyExtensions,
        config_text: &str,
        config_file: &Path,
    ) -> Result<Taxonomy, Diagnostics> {
        let mut t = Taxonomy::fideslang();
        let mut errors = Diagnostics::new();
        for (tree, list) in [
            (&mut t.categories, &ext.data_categories),
            (&mut t.uses, &ext.data_uses),
            (&mut t.subjects, &ext.data_subjects),
        ] {
            let (ordered, cyclic) = parents_first(list);
            for e in ordered {
                if let Err(d) = tree.extend(e, config_text, config_file) {
                    errors.push(d);
                }
            }
            for (e, path) in cyclic {
                let message = format!(
                    "taxonomy key `{}` has a cycle of parents: {}",
                    e.key,
                    path.join(" -> ")
                );
                let d = match line_of(config_text, &e.key) {
                    Some(l) => Diagnostic::at(config_file, l, message),
                    None => Diagnostic::file(config_file, message),
                };
                errors.push(d.help(
                    "a key cannot sit under itself: give one of them a parent outside the cycle (a fideslang key or another extension)",
                ));
            }
        }
        errors.into_result(t)
    }

    /// The names pages show: `[names]` from `candor.toml` first, then the built-in plain name
    /// of a fideslang key in the site's language (`code`), else the name as it is. Keys stay.
    pub fn with_plain_names(
        mut self,
        code: &str,
        names: &std::collections::BTreeMap<String, String>,
    ) -> Taxonomy {
        for (tree, table) in [
            (&mut self.categories, "categories"),
            (&mut self.uses, "uses"),
            (&mut self.subjects, "subjects"),
        ] {
            for t in &mut tree.taxa {
                let given = names
                    .get(&t.key)
                    .map(|n| n.trim())
                    .filter(|n| !n.is_empty());
                let builtin = || {
                    (!t.extension)
                        .then(|| crate::i18n::names::plain(code, table, &t.key))
                        .flatten()
                };
                if let Some(name) = given.or_else(builtin) {
                    t.name = name.to_string();
                }
            }
        }
        self
    }

    /// Whether a data category is sensitive (demographic, special category, children's data).
    pub fn is_sensitive(&self, category: &str) -> bool {
        self.categories.lineage(category).any(|t| t.sensitive)
            || SENSITIVE_PREFIXES.iter().any(|p| under(category, p))
    }

    /// Whether a data category is a GDPR Art. 9 special category.
    pub fn is_special_category(&self, category: &str) -> bool {
        SPECIAL_PREFIXES.iter().any(|p| under(category, p))
            || self
                .categories
                .lineage(category)
                .any(|t| t.extension && t.sensitive)
    }
}

impl Tree {
    // One diagnostic per bad extension, returned once per run: its size does not matter.
    #[allow(clippy::result_large_err)]
    fn extend(&mut self, e: &TaxonExtension, text: &str, file: &Path) -> Result<(), Diagnostic> {
        let line = line_of(text, &e.key);
        let at = |msg: String| match line {
            Some(l) => Diagnostic::at(file, l, msg),
            None => Diagnostic::file(file, msg),
        };
        let valid = !e.key.is_empty()
            && e.key.split('.').all(|seg| {
                !seg.is_empty()
                    && seg
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            });
        if !valid {
            return Err(at(format!("taxonomy key `{}` is not valid", e.key)).help(
                "keys are dot-separated lowercase words, e.g. `user.behavior.style_preferences`",
            ));
        }
        if e.key.len() > crate::ids::MAX_ID_LEN {
            return Err(at(format!(
                "taxonomy key `{}...` is {} characters long; keys may have at most {}",
                &e.key[..40],
                e.key.len(),
                crate::ids::MAX_ID_LEN
            ))
            .help("keys become folder names of the site: shorten it"));
        }
        // The key names a page directory (`categories/<key>/`); Windows reads the part before
        // the first dot as the name, and some names are devices there.
        let first = e.key.split('.').next().unwrap_or_default();
        if crate::ids::is_reserved(first) {
            return Err(at(format!(
                "taxonomy key `{}` starts with `{first}`, a reserved device name on Windows",
                e.key
            ))
            .help(format!("pick another first word, e.g. `{first}_data`")));
        }
        if self.contains(&e.key) {
            return Err(at(format!(
                "taxonomy key `{}` is already defined in {}",
                e.key, self.kind
            ))
            .help("remove the extension: the key can be used as it is"));
        }
        if e.name.trim().is_empty() {
            return Err(at(format!("taxonomy extension `{}` has no name", e.key))
                .help("add name = \"...\", the label readers see"));
        }
        let parent = parent_of(e);
        if let Some(p) = &parent {
            if !self.contains(p) {
                return Err(at(format!(
                    "parent `{p}` of taxonomy key `{}` is not a {} key",
                    e.key, self.kind
                ))
                .maybe_help(did_you_mean(p, self.taxa.iter().map(|t| t.key.as_str()))));
            }
            prefix_parent(e, p).map_err(|(msg, help)| at(msg).help(help))?;
        }
        let sensitive = e.sensitive
            || parent
                .as_deref()
                .and_then(|p| self.get(p))
                .is_some_and(|t| t.sensitive);
        self.insert(Taxon {
            key: e.key.clone(),
            name: e.name.clone(),
            parent,
            description: e.description.clone().unwrap_or_default(),
            sensitive,
            extension: true,
        });
        Ok(())
    }
}

/// The 1-based line of the first `key = "needle"` in a TOML text.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    let quoted = format!("\"{needle}\"");
    let sets_key = |l: &str| {
        l.trim_start()
            .strip_prefix("key")
            .is_some_and(|r| r.trim_start().starts_with('='))
    };
    text.lines()
        .position(|l| sets_key(l) && l.contains(&quoted))
        .or_else(|| text.lines().position(|l| l.contains(&quoted)))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_fideslang() {
        let t = Taxonomy::fideslang();
        assert!(t.categories.contains("user.contact.email"));
        assert!(!t.categories.contains("data_category"));
        assert!(t.uses.contains("marketing.communications.email"));
        assert!(t.subjects.contains("customer"));
        assert_eq!(
            t.uses.top_level("marketing.communications.email"),
            "marketing"
        );
        assert_eq!(t.categories.get("user").unwrap().parent, None);
    }

    #[test]
    fn sensitivity() {
        let t = Taxonomy::fideslang();
        assert!(t.is_sensitive("user.demographic.gender"));
        assert!(t.is_sensitive("user.childrens"));
        assert!(!t.is_sensitive("user.contact.email"));
        assert!(t.is_special_category("user.health_and_medical.genetic"));
        assert!(!t.is_special_category("user.demographic.gender"));
    }

    #[test]
    fn suggests_keys() {
        let t = Taxonomy::fideslang();
        assert_eq!(
            t.categories.suggest("user.contact.emial"),
            Some("user.contact.email")
        );
        assert_eq!(
            t.categories.suggest("user.email"),
            Some("user.contact.email")
        );
        assert_eq!(
            t.uses.suggest("marketing.comunications"),
            Some("marketing.communications")
        );
    }

    #[test]
    fn extensions_need_a_known_parent() {
        let ext = TaxonomyExtensions {
            data_categories: vec![TaxonExtension {
                key: "user.behavior.style".into(),
                name: "Style".into(),
                ..Default::default()
            }],
            data_uses: vec![TaxonExtension {
                key: "marketng.x".into(),
                name: "X".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let errs = Taxonomy::with_extensions(&ext, "", Path::new("candor.toml")).unwrap_err();
        assert_eq!(errs.len(), 1);
        let d = errs.iter().next().unwrap();
        assert!(d.message.contains("marketng"), "{}", d.message);
        assert_eq!(d.help.as_deref(), Some("did you mean `marketing`?"));
    }

    fn ext(key: &str, parent: &str) -> TaxonExtension {
        TaxonExtension {
            key: key.into(),
            name: key.into(),
            parent: Some(parent.into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_parent_cycle_is_reported_as_one_and_order_does_not_matter() {
        let text = "[[taxonomy.data_subjects]]\nkey = \"alpha\"\nparent = \"beta\"\n\n[[taxonomy.data_subjects]]\nkey = \"beta\"\nparent = \"alpha\"\n";
        let ext_cycle = TaxonomyExtensions {
            data_subjects: vec![ext("alpha", "beta"), ext("beta", "alpha")],
            ..Default::default()
        };
        let errs =
            Taxonomy::with_extensions(&ext_cycle, text, Path::new("candor.toml")).unwrap_err();
        let messages: Vec<(Option<usize>, &str)> =
            errs.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            messages,
            [
                (
                    Some(2),
                    "taxonomy key `alpha` has a cycle of parents: alpha -> beta -> alpha"
                ),
                (
                    Some(6),
                    "taxonomy key `beta` has a cycle of parents: beta -> alpha -> beta"
                ),
            ]
        );
        assert!(!errs.iter().any(|d| d.message.contains("is not a")));
        // A child listed before its parent is fine.
        let ext_ordered = TaxonomyExtensions {
            data_subjects: vec![
                ext("customer.member.junior", "customer.member"),
                ext("customer.member", "customer"),
            ],
            ..Default::default()
        };
        let t = Taxonomy::with_extensions(&ext_ordered, "", Path::new("candor.toml")).unwrap();
        assert_eq!(
            t.subjects
                .get("customer.member.junior")
                .and_then(|j| j.parent.as_deref()),
            Some("customer.member")
        );
    }

    #[test]
    fn the_bundled_taxonomy_is_current_fideslang() {
        let t = Taxonomy::fideslang();
        for key in [
            "personalize.profiling",
            "functional.storage.privacy_preferences",
        ] {
            assert!(t.uses.contains(key), "{key}");
        }
        assert_eq!(
            t.uses.name("personalize.profiling"),
            "Personalized Profiling"
        );
    }

    #[test]
    fn a_parent_must_be_the_key_prefix_as_fideslang_requires() {
        let bad = TaxonomyExtensions {
            data_categories: vec![ext("user.foo.bar", "user.behavior"), ext("loyalty", "user")],
            ..Default::default()
        };
        let errs = Taxonomy::with_extensions(&bad, "", Path::new("candor.toml")).unwrap_err();
        let all: Vec<String> = errs
            .iter()
            .map(|d| format!("{} | {}", d.message, d.help.clone().unwrap_or_default()))
            .collect();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(
            all[0].contains(
                "`user.foo.bar` has parent `user.behavior`, but its parent must be `user.foo`"
            ),
            "{all:?}"
        );
        assert!(
            all[0].contains("rename the key to `user.behavior.bar`"),
            "{all:?}"
        );
        assert!(
            all[1].contains("rename the key to `user.loyalty`"),
            "{all:?}"
        );
    }
}
