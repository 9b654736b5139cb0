//! International transfers and processors: `unsafeguarded-transfer` for each use shared with a
//! recipient outside the EU/EEA (or of unknown country) that names no safeguard;
//! `invalid-safeguard` for a recipient whose safeguard is a placeholder or an invalidated
//! framework; `processor-without-dpa` for a processor with no contract on record.

use super::eea::is_eea;
use super::rules::{INVALID_SAFEGUARD, PROCESSOR_WITHOUT_DPA, UNSAFEGUARDED_TRANSFER};
use super::{Cx, Draft, Out};
use crate::link::{Recipient, RecipientRole};

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
        return Safeguard::Invalid(format!("\"{t}\" is a placeholder, not a safeguard"));
    }
    match INVALIDATED.iter().find(|(name, _)| lower.contains(name)) {
        Some((_, why)) => Safeguard::Invalid(format!("\"{t}\" names {why}")),
        None => Safeguard::Named,
    }
}

/// Where a recipient is, when that is outside the EU/EEA or unknown; `None` inside.
fn outside(r: &Recipient) -> Option<String> {
    match r
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(c) if is_eea(c) => None,
        Some(c) => Some(format!("in {c}, outside the EU/EEA")),
        None => Some("with no country given".to_string()),
    }
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    // Per recipient, once: `Some(where)` when a transfer to it lacks a safeguard.
    let mut unsafe_to: Vec<Option<String>> = Vec::with_capacity(cx.cat.recipients.len());
    for r in &cx.cat.recipients {
        let place = outside(r);
        let status = safeguard(r.safeguards.as_deref());
        unsafe_to.push(match (&place, &status) {
            (Some(p), Safeguard::Missing) => Some(p.clone()),
            _ => None,
        });
        if let (Some(place), Safeguard::Invalid(why), false) = (&place, &status, r.uses.is_empty())
        {
            out.emit(INVALID_SAFEGUARD, &r.origin, || {
                Draft::new(
                    format!(
                        "data goes to {} (`{}`) {place}, and its safeguard {why}",
                        r.name, r.id
                    ),
                    "put a valid mechanism in place (EU Standard Contractual Clauses, the EU-US Data Privacy Framework for certified US companies, binding corporate rules) and name it in `safeguards`",
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
