//! Legal basis (GDPR Art. 6, 7, 9, 10): `missing-legal-basis`, `special-category-condition`,
//! `criminal-data-authority`, `consent-not-optional`, `basis-mismatch` and
//! `legal-reference-missing`. One pass over the inventory's uses.

use super::rules::{
    BASIS_MISMATCH, CONSENT_NOT_OPTIONAL, CRIMINAL_DATA_AUTHORITY, LEGAL_REFERENCE_MISSING,
    MISSING_LEGAL_BASIS, SPECIAL_CATEGORY_CONDITION,
};
use super::{Cx, Draft, Out};
use crate::model::{LegalBasis, Necessity, Use};
use crate::taxonomy::Taxonomy;

/// Data uses a contract cannot cover: they are not necessary to deliver what was agreed.
const NOT_CONTRACTUAL: &[&str] = &["marketing", "analytics", "train_ai_system"];

/// Data uses that track people for other companies' ads or across contexts: too intrusive for
/// legitimate interests (EDPB Guidelines 8/2020), they need consent.
const NEEDS_CONSENT: &[&str] = &[
    "marketing.advertising.third_party",
    "marketing.advertising.profiling",
    "personalize.content.profiling",
];

/// Criminal convictions and offences (GDPR Art. 10).
const CRIMINAL: &str = "user.criminal_history";

/// Whether `key` is `prefix` or under it.
pub(crate) fn under(key: &str, prefix: &str) -> bool {
    key == prefix
        || (key.len() > prefix.len()
            && key.starts_with(prefix)
            && key.as_bytes()[prefix.len()] == b'.')
}

/// Whether the row names the law it rests on.
fn has_reference(u: &Use) -> bool {
    u.legal_reference
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty())
}

/// The basis as written in the inventory.
fn basis_key(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "consent",
        LegalBasis::Contract => "contract",
        LegalBasis::LegalObligation => "legal_obligation",
        LegalBasis::VitalInterests => "vital_interests",
        LegalBasis::PublicTask => "public_task",
        LegalBasis::LegitimateInterests => "legitimate_interests",
    }
}

/// Why a basis does not fit a purpose, if it does not.
fn mismatch(tax: &Taxonomy, basis: LegalBasis, purpose: &str) -> Option<String> {
    match basis {
        LegalBasis::Contract => {
            let top = tax.uses.top_level(purpose);
            NOT_CONTRACTUAL.contains(&top).then(|| {
                format!("a contract only covers what is needed to deliver it, and `{top}` is not")
            })
        }
        LegalBasis::LegitimateInterests => NEEDS_CONSENT
            .iter()
            .find(|p| under(purpose, p))
            .map(|p| format!("`{p}` tracks or profiles people beyond what they expect")),
        _ => None,
    }
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    let tax = &cx.cat.taxonomy;
    out.par_each(&cx.cat.uses, |u, out| {
        let el = &cx.cat.elements[u.element];
        let cat_name = || tax.categories.name(&el.category);
        let Some(basis) = u.legal_basis else {
            out.emit(MISSING_LEGAL_BASIS, &u.origin, || {
                Draft::new(
                    format!("the use of `{}` for `{}` has no legal basis", el.id, u.purpose),
                    "fill `legal_basis`: consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests",
                )
                .element(&el.id)
            });
            if tax.is_special_category(&el.category) && u.special_category_condition.is_none() {
                special(cx, u, out, "no legal basis");
            }
            return;
        };
        if tax.is_special_category(&el.category) && u.special_category_condition.is_none() {
            special(cx, u, out, &format!("`{}` alone", basis_key(basis)));
        }
        if under(&el.category, CRIMINAL) && !has_reference(u) {
            out.emit(CRIMINAL_DATA_AUTHORITY, &u.origin, || {
                Draft::new(
                    format!(
                        "`{}` ({}) is criminal-offence data used for `{}` with no law that authorises it",
                        el.id,
                        cat_name(),
                        u.purpose
                    ),
                    "name the law that permits this processing in `legal_reference`, or stop processing it",
                )
                .element(&el.id)
            });
        }
        if basis == LegalBasis::Consent && u.necessity == Some(Necessity::Required) {
            out.emit(CONSENT_NOT_OPTIONAL, &u.origin, || {
                Draft::new(
                    format!(
                        "the use of `{}` for `{}` relies on consent but is marked `required`: consent that cannot be refused is not free",
                        el.id, u.purpose
                    ),
                    "mark the use `optional` and honour a refusal, or rely on the basis that really applies (e.g. contract)",
                )
                .element(&el.id)
            });
        }
        if let Some(why) = mismatch(tax, basis, &u.purpose) {
            out.emit(BASIS_MISMATCH, &u.origin, || {
                Draft::new(
                    format!(
                        "the use of `{}` for `{}` relies on `{}`: {why}",
                        el.id,
                        u.purpose,
                        basis_key(basis)
                    ),
                    "rely on consent (optional, easy to withdraw), or on legitimate interests with a balancing test and an opt-out for your own marketing or analytics",
                )
                .element(&el.id)
            });
        }
        if matches!(basis, LegalBasis::LegalObligation | LegalBasis::PublicTask)
            && !has_reference(u)
        {
            out.emit(LEGAL_REFERENCE_MISSING, &u.origin, || {
                Draft::new(
                    format!(
                        "the use of `{}` for `{}` relies on `{}` but names no law",
                        el.id,
                        u.purpose,
                        basis_key(basis)
                    ),
                    "name the law and article in `legal_reference` (e.g. \"Dutch tax code, AWR art. 52\")",
                )
                .element(&el.id)
            });
        }
    });
}

/// `special-category-condition` for a use of special-category data on `on`.
fn special(cx: &Cx<'_>, u: &Use, out: &mut Out<'_>, on: &str) {
    let el = &cx.cat.elements[u.element];
    out.emit(SPECIAL_CATEGORY_CONDITION, &u.origin, || {
        Draft::new(
            format!(
                "`{}` ({}) is special-category data processed for `{}` on {on}, with no Art. 9(2) condition",
                el.id,
                cx.cat.taxonomy.categories.name(&el.category),
                u.purpose
            ),
            "record the GDPR Art. 9(2) condition in `special_category_condition` (e.g. explicit_consent), or stop processing it",
        )
        .element(&el.id)
    });
}

#[cfg(test)]
mod tests;
