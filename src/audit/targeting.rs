//! Targeting and legal basis: `demographic-targeting`, `sensitive-basis`,
//! `missing-legal-basis`. One pass over the inventory's uses.

use super::rules::{DEMOGRAPHIC_TARGETING, MISSING_LEGAL_BASIS, SENSITIVE_BASIS};
use super::{Cx, Draft, Out};
use crate::link::LegalBasis;

/// Top-level data uses that target or tailor what a person sees.
const TARGETING_USES: &[&str] = &["marketing", "personalize"];

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    let tax = &cx.cat.taxonomy;
    out.par_each(&cx.cat.uses, |u, out| {
        let el = &cx.cat.elements[u.element];
        let sensitive = tax.is_sensitive(&el.category);
        let top = tax.uses.top_level(&u.purpose);
        if sensitive && TARGETING_USES.contains(&top) {
            out.emit(DEMOGRAPHIC_TARGETING, &u.origin, || {
                Draft::new(
                    format!(
                        "`{}` ({}) is used for `{}`: targeting by a demographic or sensitive trait",
                        el.id,
                        tax.categories.name(&el.category),
                        u.purpose
                    ),
                    format!(
                        "target stated interests instead: ask people what they want to see (a preferences element) and drop this `{top}` use of `{}`",
                        el.id
                    ),
                )
                .element(&el.id)
            });
        }
        let special = tax.is_special_category(&el.category);
        match u.legal_basis {
            None | Some(LegalBasis::LegitimateInterests) if special => {
                let basis = match u.legal_basis {
                    None => "no legal basis",
                    Some(_) => "legitimate interests",
                };
                out.emit(SENSITIVE_BASIS, &u.origin, || {
                    Draft::new(
                        format!(
                            "`{}` ({}) is special-category data processed for `{}` on {basis}",
                            el.id,
                            tax.categories.name(&el.category),
                            u.purpose
                        ),
                        "rely on explicit consent or another GDPR Art. 9(2) condition and set `legal_basis`, or stop processing it",
                    )
                    .element(&el.id)
                });
            }
            _ => {}
        }
        if u.legal_basis.is_none() {
            out.emit(MISSING_LEGAL_BASIS, &u.origin, || {
                Draft::new(
                    format!("the use of `{}` for `{}` has no legal basis", el.id, u.purpose),
                    "fill `legal_basis`: consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests",
                )
                .element(&el.id)
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::{rules_fired, Site};
    use crate::link::LegalBasis;

    #[test]
    fn demographic_data_for_marketing_is_flagged() {
        let mut s = Site::new();
        s.element("gender", "user.demographic.gender");
        s.use_("gender", "marketing.advertising.first_party.targeted");
        let findings = rules_fired(s);
        assert_eq!(findings, ["demographic-targeting"]);
    }

    #[test]
    fn children_and_health_for_personalisation_are_flagged() {
        let mut s = Site::new();
        s.element("kid_age", "user.childrens");
        s.use_("kid_age", "personalize.content");
        s.element("allergies", "user.health_and_medical");
        s.use_("allergies", "personalize.content.profiling")
            .legal_basis = Some(LegalBasis::Consent);
        let fired = rules_fired(s);
        assert_eq!(fired, ["demographic-targeting", "demographic-targeting"]);
    }

    #[test]
    fn near_miss_demographic_data_for_a_service_or_stated_interests_for_marketing() {
        let mut s = Site::new();
        s.element("date_of_birth", "user.demographic.date_of_birth");
        s.use_("date_of_birth", "essential.legal_obligation");
        s.element("style_preferences", "user.behavior.browsing_history");
        s.use_(
            "style_preferences",
            "marketing.advertising.first_party.targeted",
        );
        assert!(rules_fired(s).is_empty());
    }

    #[test]
    fn special_category_on_legitimate_interests_or_none() {
        let mut s = Site::new();
        s.element("fingerprint", "user.biometric.fingerprint");
        s.use_("fingerprint", "essential.service.authentication")
            .legal_basis = Some(LegalBasis::LegitimateInterests);
        s.element("genome", "user.health_and_medical.genetic");
        s.use_("genome", "essential.service").legal_basis = None;
        let fired = rules_fired(s);
        assert_eq!(
            fired,
            ["sensitive-basis", "sensitive-basis", "missing-legal-basis"]
        );
    }

    #[test]
    fn near_miss_special_category_with_consent_or_ordinary_data_on_legitimate_interests() {
        let mut s = Site::new();
        s.element("fingerprint", "user.biometric.fingerprint");
        s.use_("fingerprint", "essential.service.authentication")
            .legal_basis = Some(LegalBasis::Consent);
        s.element("gender", "user.demographic.gender");
        s.use_("gender", "essential.service").legal_basis = Some(LegalBasis::LegitimateInterests);
        assert!(rules_fired(s).is_empty());
    }

    #[test]
    fn missing_legal_basis_only_when_empty() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").legal_basis = None;
        s.use_("email", "marketing.communications.email");
        assert_eq!(rules_fired(s), ["missing-legal-basis"]);
    }
}
