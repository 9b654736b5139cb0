//! International transfers and processors: `unsafeguarded-transfer` for each use shared with a
//! recipient outside the EU/EEA (or of unknown country) that names no safeguard or mechanism,
//! and for each system stored outside it without one; `invalid-safeguard` for a recipient or
//! system whose mechanism is `none` or whose safeguard is a placeholder or an invalidated
//! framework; `processor-without-dpa` for a processor with no contract on record;
//! `future-date` for a transfer impact assessment dated after today.

use super::review::future;
use super::rules::{INVALID_SAFEGUARD, PROCESSOR_WITHOUT_DPA, UNSAFEGUARDED_TRANSFER};
use super::{Cx, Draft, Out};
use crate::country::classify;
use crate::model::{RecipientRole, TransferMechanism};

/// Safeguard texts that fill the column without naming anything (compared lowercase, trimmed).
const PLACEHOLDERS: &[&str] = &[
    "none", "no", "n/a", "na", "-", "--", "tbd", "tba", "todo", "unknown", "?", "pending",
];

/// Frameworks the EU Court of Justice struck down: Safe Harbor (C-362/14, 2015) and the
/// EU-US Privacy Shield (C-311/18, 2020).
const INVALIDATED: &[(&str, &str)] = &[
    (
        "privacy shield",
        "the EU-US Privacy Shield, invalidated by the EU Court of Justice in 2020 (C-311/18)",
    ),
    (
        "safe harbor",
        "Safe Harbor, invalidated by the EU Court of Justice in 2015 (C-362/14)",
    ),
    (
        "safe harbour",
        "Safe Harbor, invalidated by the EU Court of Justice in 2015 (C-362/14)",
    ),
];

/// What a recipient's `safeguards` text amounts to.
#[derive(Debug, PartialEq, Eq)]
pub enum Safeguard {
    Missing,
    /// Says nothing ("TBD") or names a dead framework: the reason.
    Invalid(String),
    Named,
}

/// Reads a `safeguards` cell.
pub fn safeguard(text: Option<&str>) -> Safeguard {
    let t = text.map(str::trim).unwrap_or("");
    if t.is_empty() {
        return Safeguard::Missing;
    }
    let lower = t.to_lowercase();
    if PLACEHOLDERS.contains(&lower.trim_end_matches('.')) {
        return Safeguard::Invalid(format!(
            "the safeguard \"{t}\" is a placeholder, not a safeguard"
        ));
    }
    match INVALIDATED.iter().find(|(name, _)| lower.contains(name)) {
        Some((_, why)) => Safeguard::Invalid(format!("the safeguard \"{t}\" names {why}")),
        None => Safeguard::Named,
    }
}

/// What a row's `transfer_mechanism` and `safeguards` together amount to: a mechanism other
/// than `none` is a safeguard; `none` is an invalid one, whatever the text says.
fn safeguarded(mechanism: Option<TransferMechanism>, text: Option<&str>) -> Safeguard {
    match mechanism {
        Some(TransferMechanism::None) => {
            Safeguard::Invalid("the `transfer_mechanism` is `none`".to_string())
        }
        Some(_) => Safeguard::Named,
        None => safeguard(text),
    }
}

/// Where a country is, when a transfer there needs a safeguard (outside the EU/EEA with no
/// full adequacy decision, or unknown); `None` when it needs none.
fn outside(country: Option<&str>) -> Option<String> {
    match country.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => {
            let place = classify(c);
            (!place.adequate()).then(|| format!("in {c} ({})", place.describe()))
        }
        None => Some("with no country given".to_string()),
    }
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    // Per recipient, once: `Some(where)` when a transfer to it lacks a safeguard.
    let mut unsafe_to: Vec<Option<String>> = Vec::with_capacity(cx.cat.recipients.len());
    for r in &cx.cat.recipients {
        future(cx, out, r.tia_date, &r.origin, || {
            Draft::new(
                format!("the transfer impact assessment of {} (`{}`)", r.name, r.id),
                "",
            )
        });
        let place = outside(r.country.as_deref());
        let status = safeguarded(r.transfer_mechanism, r.safeguards.as_deref());
        unsafe_to.push(match (&place, &status) {
            (Some(p), Safeguard::Missing) => Some(p.clone()),
            _ => None,
        });
        if let (Some(place), Safeguard::Invalid(why), false) = (&place, &status, r.uses.is_empty())
        {
            out.emit(INVALID_SAFEGUARD, &r.origin, || {
                Draft::new(
                    format!(
                        "data goes to {} (`{}`) {place}, and {why}",
                        r.name, r.id
                    ),
                    "put a valid mechanism in place (EU Standard Contractual Clauses, the EU-US Data Privacy Framework for certified US companies, binding corporate rules) and record it in `transfer_mechanism` and `safeguards`",
                )
            });
        }
        let dpa = r.dpa_url.as_deref().is_some_and(|d| !d.trim().is_empty());
        if r.role == Some(RecipientRole::Processor) && !dpa {
            out.emit(PROCESSOR_WITHOUT_DPA, &r.origin, || {
                Draft::new(
                    format!(
                        "{} (`{}`) is a processor with no data processing agreement on record (`dpa_url` is empty)",
                        r.name, r.id
                    ),
                    "sign a data processing agreement (GDPR Art. 28(3)) and link it in `dpa_url`",
                )
            });
        }
    }
    for sys in &cx.cat.systems {
        let Some(country) = sys.country.as_deref().filter(|c| !c.trim().is_empty()) else {
            continue;
        };
        let Some(place) = outside(Some(country)) else {
            continue;
        };
        if sys.elements.is_empty() {
            continue;
        }
        match safeguarded(sys.transfer_mechanism, None) {
            Safeguard::Named => {}
            Safeguard::Missing => out.emit(UNSAFEGUARDED_TRANSFER, &sys.origin, || {
                Draft::new(
                    format!(
                        "system {} (`{}`) stores data {place}, with no transfer mechanism",
                        sys.name, sys.id
                    ),
                    "fill `transfer_mechanism` (adequacy, scc, bcr or derogation) in systems.csv, or correct its country",
                )
            }),
            Safeguard::Invalid(why) => out.emit(INVALID_SAFEGUARD, &sys.origin, || {
                Draft::new(
                    format!(
                        "system {} (`{}`) stores data {place}, and {why}",
                        sys.name, sys.id
                    ),
                    "put a valid mechanism in place (EU Standard Contractual Clauses, an adequacy decision, binding corporate rules) and record it in `transfer_mechanism`",
                )
            }),
        }
    }
    if !out.on(UNSAFEGUARDED_TRANSFER) {
        return;
    }
    for u in &cx.cat.uses {
        for &ri in &u.shared_with {
            let Some(place) = &unsafe_to[ri] else {
                continue;
            };
            let r = &cx.cat.recipients[ri];
            let el = &cx.cat.elements[u.element];
            out.emit(UNSAFEGUARDED_TRANSFER, &u.origin, || {
                Draft::new(
                    format!(
                        "`{}` is shared with {} (`{}`) {place}, with no transfer safeguard",
                        el.id, r.name, r.id
                    ),
                    format!(
                        "name the safeguard (e.g. EU Standard Contractual Clauses, an adequacy decision) in `safeguards` at {}, or give its EU/EEA country",
                        r.origin
                    ),
                )
                .element(&el.id)
            });
        }
    }
}

#[cfg(test)]
mod tests;
