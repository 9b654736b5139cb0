//! fideslang resources (YAML) that Fides reads: one `system` per row of systems.csv, with a
//! privacy declaration per purpose and legal basis of the data held there, plus the taxonomy
//! extensions of candor.toml as `data_category`, `data_use` and `data_subject` resources.
//! Data whose element names no system is declared under one system for the organisation.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::config::TaxonExtension;
use crate::model::{Element, LegalBasis, RecipientRole, SpecialCategoryCondition, Use};

use super::view::{distinct, retention_text, View};

mod words;
use crate::country::in_eea;
use words::{fides_basis, fides_condition, fides_transfer};

/// The fides_key of the system that holds data with no recorded system.
pub const UNASSIGNED: &str = "candor_unassigned";

#[derive(Debug, Serialize)]
struct Document {
    system: Vec<System>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    data_category: Vec<Taxon>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    data_use: Vec<Taxon>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    data_subject: Vec<Taxon>,
}

#[derive(Debug, Serialize)]
struct System {
    fides_key: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    system_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    administrating_department: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dpo: Option<String>,
    does_international_transfers: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    legal_basis_for_transfers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_security_practices: Option<String>,
    privacy_declarations: Vec<Declaration>,
}

#[derive(Debug, Serialize)]
struct Declaration {
    name: String,
    data_use: String,
    data_categories: Vec<String>,
    data_subjects: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_basis_for_processing: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retention_period: Option<String>,
    processes_special_category_data: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    special_category_legal_basis: Option<&'static str>,
    data_shared_with_third_parties: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    third_parties: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    shared_categories: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Taxon {
    fides_key: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
}

pub fn export(view: &View) -> String {
    // system key -> uses of elements held there
    let mut by_system: BTreeMap<Option<usize>, Vec<&Use>> = BTreeMap::new();
    for u in view.uses() {
        let e = view.element_of(u);
        if e.systems.is_empty() {
            by_system.entry(None).or_default().push(u);
        }
        for &s in &e.systems {
            by_system.entry(Some(s)).or_default().push(u);
        }
    }
    let config = &view.catalog.config;
    let mut systems: Vec<System> = by_system
        .into_iter()
        .map(|(sys, uses)| {
            let (key, name, description, owner) = match sys {
                Some(i) => {
                    let s = &view.catalog.systems[i];
                    (
                        s.id.clone(),
                        s.name.clone(),
                        s.description.clone(),
                        s.owner.clone(),
                    )
                }
                None => (
                    UNASSIGNED.to_string(),
                    format!("{}: data with no recorded system", config.organisation),
                    Some("Elements of the inventory that name no system.".to_string()),
                    None,
                ),
            };
            system(
                view,
                sys,
                (key, name, description),
                owner.filter(|_| view.internal()),
                &uses,
            )
        })
        .collect();
    systems.sort_by(|a, b| a.fides_key.cmp(&b.fides_key));
    let ext = &config.taxonomy;
    let used = UsedKeys::of(view);
    let doc = Document {
        system: systems,
        data_category: taxa(&ext.data_categories, &used.categories),
        data_use: taxa(&ext.data_uses, &used.uses),
        data_subject: taxa(&ext.data_subjects, &used.subjects),
    };
    let header = format!(
        "# fideslang resources exported by candor from the {} inventory.\n",
        if view.internal() {
            "internal"
        } else {
            "public"
        }
    );
    header + &serde_saphyr::to_string(&doc).unwrap_or_default()
}

/// A declaration's group: purpose, Art. 6 basis, and the Art. 9 condition of special-category
/// data (fideslang takes one condition per declaration).
type Group<'a> = (
    &'a str,
    Option<LegalBasis>,
    Option<SpecialCategoryCondition>,
);

fn system(
    view: &View,
    sys: Option<usize>,
    (key, name, description): (String, String, Option<String>),
    owner: Option<String>,
    uses: &[&Use],
) -> System {
    let c = view.catalog;
    let config = &c.config;
    let mut groups: BTreeMap<Group, Vec<&Use>> = BTreeMap::new();
    for u in uses {
        groups
            .entry((
                u.purpose.as_str(),
                u.legal_basis,
                u.special_category_condition,
            ))
            .or_default()
            .push(u);
    }
    let multi_basis = |purpose: &str| {
        let mut bases: Vec<_> = groups
            .keys()
            .filter(|(p, _, _)| *p == purpose)
            .map(|(_, b, _)| b)
            .collect();
        bases.dedup();
        bases.len() > 1
    };
    let multi_condition = |purpose: &str, basis: Option<LegalBasis>| {
        groups
            .keys()
            .filter(|(p, b, _)| *p == purpose && *b == basis)
            .count()
            > 1
    };
    let declarations = groups
        .iter()
        .map(|(&(purpose, basis, condition), uses)| {
            let mut d = declaration(view, purpose, basis, multi_basis(purpose), uses);
            d.special_category_legal_basis = condition.map(fides_condition);
            if let (true, Some(cond)) = (multi_condition(purpose, basis), condition) {
                d.name = format!("{} ({})", d.name, cond.label());
            }
            d
        })
        .collect();
    let abroad: Vec<_> = distinct_recipients(uses)
        .into_iter()
        .map(|r| &c.recipients[r])
        .filter(|r| in_eea(r.country.as_deref()) == Some(false))
        .collect();
    let here = sys.map(|s| &c.systems[s]);
    let stored_abroad = here.filter(|s| in_eea(s.country.as_deref()) == Some(false));
    // A recipient's recorded mechanism in fideslang's words, else its safeguard as written.
    let transfer_bases = abroad
        .iter()
        .filter_map(|r| {
            r.transfer_mechanism
                .and_then(fides_transfer)
                .map(str::to_string)
                .or_else(|| r.safeguards.clone())
        })
        .chain(
            stored_abroad
                .and_then(|s| s.transfer_mechanism)
                .and_then(fides_transfer)
                .map(str::to_string),
        );
    let security = here
        .and_then(|s| s.security.clone())
        .filter(|_| view.internal())
        .or_else(|| config.security_measures.clone());
    System {
        fides_key: key,
        name,
        description,
        system_type: "Service",
        administrating_department: owner,
        legal_name: Some(config.organisation.clone()).filter(|o| !o.trim().is_empty()),
        dpo: config.contact.dpo.clone(),
        does_international_transfers: !abroad.is_empty() || stored_abroad.is_some(),
        legal_basis_for_transfers: distinct(transfer_bases),
        data_security_practices: security,
        privacy_declarations: declarations,
    }
}

fn declaration(
    view: &View,
    purpose: &str,
    basis: Option<LegalBasis>,
    multi: bool,
    uses: &[&Use],
) -> Declaration {
    let c = view.catalog;
    let elements: Vec<&Element> = uses.iter().map(|u| view.element_of(u)).collect();
    let third: Vec<&Use> = uses
        .iter()
        .copied()
        .filter(|u| {
            u.shared_with
                .iter()
                .any(|&r| c.recipients[r].role != Some(RecipientRole::Processor))
        })
        .collect();
    let mut name = view.use_name(purpose).to_string();
    if let (true, Some(b)) = (multi, basis) {
        name = format!("{name} ({})", fides_basis(b).to_lowercase());
    }
    let retention = distinct(
        uses.iter()
            .filter_map(|u| u.retention)
            .map(|p| retention_text(&c.retention[p])),
    );
    Declaration {
        name,
        data_use: purpose.to_string(),
        data_categories: distinct(elements.iter().map(|e| e.category.clone())),
        data_subjects: distinct(elements.iter().flat_map(|e| e.subjects.iter().cloned())),
        legal_basis_for_processing: basis.map(fides_basis),
        retention_period: (!retention.is_empty()).then(|| retention.join("; ")),
        processes_special_category_data: elements
            .iter()
            .any(|e| c.taxonomy.is_special_category(&e.category)),
        special_category_legal_basis: None,
        data_shared_with_third_parties: !third.is_empty(),
        third_parties: Some(
            distinct(
                distinct_recipients(&third)
                    .into_iter()
                    .map(|r| c.recipients[r].name.clone()),
            )
            .join("; "),
        )
        .filter(|s| !s.is_empty()),
        shared_categories: distinct(third.iter().map(|u| view.element_of(u).category.clone())),
    }
}

fn distinct_recipients(uses: &[&Use]) -> Vec<usize> {
    let mut v: Vec<usize> = uses
        .iter()
        .flat_map(|u| u.shared_with.iter().copied())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The taxonomy keys an export refers to, with their ancestors; `None` for an internal
/// view, which exports every extension. A public export leaves out extensions only internal
/// rows use: their names and descriptions would say what those rows are about.
struct UsedKeys<'a> {
    categories: Option<BTreeSet<&'a str>>,
    uses: Option<BTreeSet<&'a str>>,
    subjects: Option<BTreeSet<&'a str>>,
}

impl<'a> UsedKeys<'a> {
    fn of(view: &View<'a>) -> Self {
        if view.internal() {
            return UsedKeys {
                categories: None,
                uses: None,
                subjects: None,
            };
        }
        let tax = &view.catalog.taxonomy;
        let with_lineage = |tree: &'a crate::taxonomy::Tree, keys: Vec<&'a str>| {
            let mut set = BTreeSet::new();
            for key in keys {
                set.insert(key);
                set.extend(tree.lineage(key).map(|t| t.key.as_str()));
            }
            Some(set)
        };
        let elements: Vec<&Element> = view.elements().collect();
        UsedKeys {
            categories: with_lineage(
                &tax.categories,
                elements.iter().map(|e| e.category.as_str()).collect(),
            ),
            uses: with_lineage(&tax.uses, view.uses().map(|u| u.purpose.as_str()).collect()),
            subjects: with_lineage(
                &tax.subjects,
                elements
                    .iter()
                    .flat_map(|e| e.subjects.iter().map(String::as_str))
                    .collect(),
            ),
        }
    }
}

fn taxa(ext: &[TaxonExtension], used: &Option<BTreeSet<&str>>) -> Vec<Taxon> {
    let mut v: Vec<Taxon> = ext
        .iter()
        .filter(|t| used.as_ref().is_none_or(|u| u.contains(t.key.as_str())))
        .map(|t| Taxon {
            fides_key: t.key.clone(),
            name: t.name.clone(),
            parent_key: t
                .parent
                .clone()
                .or_else(|| t.key.rsplit_once('.').map(|(p, _)| p.to_string())),
            description: t.description.clone(),
        })
        .collect();
    v.sort_by(|a, b| a.fides_key.cmp(&b.fides_key));
    v
}
