//! The record of processing activities (GDPR Art. 30(1)) as CSV: one row per purpose, with
//! the controller, the categories of data subjects and of personal data, recipients,
//! transfers to third countries and their safeguards, erasure time limits and security
//! measures. An internal export adds owners, notes and `x_` columns.

use std::collections::BTreeMap;

use crate::model::{Element, System, TransferMechanism, Use};

use super::view::{distinct, legal_basis_text, retention_text, View};
use crate::country::in_eea;
use crate::csv_cell::CsvWriter;

/// Column names, in order, of a public export.
pub const PUBLIC_COLUMNS: &[&str] = &[
    "purpose",
    "purpose_name",
    "purpose_description",
    "legal_basis",
    "controller",
    "controller_contact",
    "dpo",
    "eu_representative",
    "joint_controllers",
    "data_subjects",
    "personal_data",
    "special_category_data",
    "special_category_conditions",
    "recipients",
    "third_country_transfers",
    "transfer_safeguards",
    "erasure_time_limits",
    "security_measures",
    "systems",
    "last_reviewed",
];

/// Columns an internal export adds after the public ones.
pub const INTERNAL_COLUMNS: &[&str] = &["owners", "notes", "extra"];

pub fn export(view: &View) -> Result<String, csv::Error> {
    let mut by_purpose: BTreeMap<&str, Vec<&Use>> = BTreeMap::new();
    for u in view.uses() {
        by_purpose.entry(u.purpose.as_str()).or_default().push(u);
    }
    let mut w = CsvWriter::new();
    let mut header: Vec<&str> = PUBLIC_COLUMNS.to_vec();
    if view.internal() {
        header.extend(INTERNAL_COLUMNS);
    }
    w.write_record(&header)?;
    for (purpose, uses) in by_purpose {
        w.write_record(row(view, purpose, &uses))?;
    }
    w.finish()
}

fn row(view: &View, purpose: &str, uses: &[&Use]) -> Vec<String> {
    let c = view.catalog;
    let config = &c.config;
    let mut elements: Vec<&Element> = uses.iter().map(|u| view.element_of(u)).collect();
    elements.sort_by(|a, b| a.id.cmp(&b.id));
    elements.dedup_by(|a, b| a.id == b.id);
    let lines = |v: Vec<String>| v.join("\n");
    let list = |v: Vec<String>| v.join("; ");

    let why = uses
        .iter()
        .map(|u| format!("{}: {}", view.element_of(u).name, u.why));
    let contact = [
        &config.contact.email,
        &config.contact.phone,
        &config.contact.address,
        &config.contact.url,
    ];
    let recipients: Vec<_> = distinct_idx(uses.iter().flat_map(|u| u.shared_with.iter().copied()))
        .into_iter()
        .map(|i| &c.recipients[i])
        .collect();
    let abroad: Vec<_> = recipients
        .iter()
        .filter(|r| in_eea(r.country.as_deref()) == Some(false))
        .collect();
    let held_in = distinct_idx(elements.iter().flat_map(|e| e.systems.iter().copied()));
    // Systems that store the data outside the EEA are transfers too (Art. 30(1)(e)).
    let systems_abroad: Vec<&System> = held_in
        .iter()
        .map(|&i| &c.systems[i])
        .filter(|s| in_eea(s.country.as_deref()) == Some(false))
        .collect();
    // policy -> the elements kept under it, so each time limit is stated once
    let mut retention: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for u in uses {
        let policy = u.retention.map_or_else(
            || "no retention period recorded".to_string(),
            |p| retention_text(&c.retention[p]),
        );
        retention
            .entry(policy)
            .or_default()
            .push(view.element_of(u).name.clone());
    }
    let retention = retention
        .into_iter()
        .map(|(policy, names)| format!("{policy}: {}", distinct(names).join(", ")));
    let systems = held_in.iter().map(|&i| {
        let s = &c.systems[i];
        match &s.location {
            Some(l) => format!("{} ({l})", s.name),
            None => s.name.clone(),
        }
    });
    let mut row = vec![
        purpose.to_string(),
        view.use_name(purpose).to_string(),
        lines(distinct(why)),
        list(distinct(uses.iter().filter_map(|u| {
            let basis = legal_basis_text(u.legal_basis?);
            Some(match &u.legal_reference {
                Some(law) => format!("{basis} ({law})"),
                None => basis,
            })
        }))),
        config.organisation.clone(),
        list(contact.iter().filter_map(|c| (*c).clone()).collect()),
        config.contact.dpo.clone().unwrap_or_default(),
        config.controller.representative.clone().unwrap_or_default(),
        list(config.controller.joint_controllers.clone()),
        list(distinct(elements.iter().flat_map(|e| {
            e.subjects.iter().map(|s| view.subject_name(s).to_string())
        }))),
        list(
            elements
                .iter()
                .map(|e| format!("{} ({})", e.name, view.category_name(&e.category)))
                .collect(),
        ),
        list(
            elements
                .iter()
                .filter(|e| c.taxonomy.is_special_category(&e.category))
                .map(|e| e.name.clone())
                .collect(),
        ),
        lines(conditions(view, uses)),
        list(recipients.iter().map(|r| recipient_text(r)).collect()),
        list(
            abroad
                .iter()
                .map(|r| (&r.name, &r.country))
                .chain(systems_abroad.iter().map(|s| (&s.name, &s.country)))
                .map(|(name, country)| format!("{name} ({})", country.as_deref().unwrap_or("")))
                .collect(),
        ),
        lines(
            abroad
                .iter()
                .map(|r| {
                    let tia = r
                        .tia_date
                        .map(|d| format!("transfer impact assessment of {d}"));
                    safeguard_text(&r.name, r.transfer_mechanism, r.safeguards.as_deref(), tia)
                })
                .chain(
                    systems_abroad
                        .iter()
                        .map(|s| safeguard_text(&s.name, s.transfer_mechanism, None, None)),
                )
                .collect(),
        ),
        lines(retention.collect()),
        security(view, &held_in),
        list(systems.collect()),
        uses.iter()
            .filter_map(|u| u.last_reviewed)
            .min()
            .map(|d| d.to_string())
            .unwrap_or_default(),
    ];
    if view.internal() {
        row.push(list(distinct(
            elements.iter().filter_map(|e| e.owner.clone()),
        )));
        row.push(lines(
            uses.iter()
                .filter_map(|u| {
                    u.notes
                        .as_ref()
                        .map(|n| format!("{}: {n}", view.element_of(u).name))
                })
                .collect(),
        ));
        row.push(list(distinct(
            uses.iter()
                .flat_map(|u| u.extra.iter().map(|(k, v)| format!("{k}={v}"))),
        )));
    }
    row
}

/// The Art. 9(2) condition of each special-category element of the row, or that none is
/// recorded: `Medical record: health or social care (Art. 9(2)(h) GDPR)`.
fn conditions(view: &View, uses: &[&Use]) -> Vec<String> {
    let tax = &view.catalog.taxonomy;
    distinct(
        uses.iter()
            .filter(|u| {
                u.special_category_condition.is_some()
                    || tax.is_special_category(&view.element_of(u).category)
            })
            .map(|u| {
                let name = &view.element_of(u).name;
                match u.special_category_condition {
                    Some(c) => format!("{name}: {} ({})", c.label(), c.article()),
                    None => format!("{name}: no Art. 9(2) condition recorded"),
                }
            }),
    )
}

/// `Name: standard contractual clauses (Art. 46(2)(c) GDPR); <safeguards>; <tia>`, or `Name: no
/// safeguard recorded`.
fn safeguard_text(
    name: &str,
    mechanism: Option<TransferMechanism>,
    safeguards: Option<&str>,
    tia: Option<String>,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(m) = mechanism {
        parts.push(match m.article() {
            Some(article) => format!("{} ({article})", m.label()),
            None => m.label().to_string(),
        });
    }
    parts.extend(safeguards.map(str::to_string));
    parts.extend(tia);
    if parts.is_empty() {
        parts.push("no safeguard recorded".to_string());
    }
    format!("{name}: {}", parts.join("; "))
}

/// Art. 30(1)(g): the general description of `candor.toml`, and on an internal export the
/// measures of each system that holds the row's data.
fn security(view: &View, systems: &[usize]) -> String {
    let c = view.catalog;
    let mut out: Vec<String> = c.config.security_measures.iter().cloned().collect();
    if view.internal() {
        out.extend(systems.iter().filter_map(|&i| {
            let s = &c.systems[i];
            s.security.as_ref().map(|m| format!("{}: {m}", s.name))
        }));
    }
    out.join("\n")
}

fn recipient_text(r: &crate::model::Recipient) -> String {
    let mut parts = Vec::new();
    if let Some(role) = r.role {
        parts.push(crate::cyclonedx::enum_name(&role).replace('_', " "));
    }
    if let Some(country) = &r.country {
        parts.push(country.clone());
    }
    if parts.is_empty() {
        r.name.clone()
    } else {
        format!("{} ({})", r.name, parts.join(", "))
    }
}

/// Sorted, de-duplicated indices.
fn distinct_idx(items: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut v: Vec<usize> = items.collect();
    v.sort_unstable();
    v.dedup();
    v
}
