//! The legal-basis rules: each trips on the case issue 14 names and stays quiet on its near miss.

use crate::audit::testing::{rules_fired, run, Site};
use crate::audit::Severity;
use crate::model::{LegalBasis, Necessity, SpecialCategoryCondition};

/// A site with one element of `category` and one use of it for `purpose` on `basis`.
fn one(category: &str, purpose: &str, basis: Option<LegalBasis>) -> Site {
    let mut s = Site::new();
    s.element("x", category);
    let u = s.use_("x", purpose);
    u.legal_basis = basis;
    if basis == Some(LegalBasis::Consent) {
        u.necessity = Some(Necessity::Optional);
    }
    s
}

#[test]
fn missing_legal_basis_is_an_error() {
    let a = run(one("user.contact.email", "essential.service", None));
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].rule, "missing-legal-basis");
    assert_eq!(a.findings[0].severity, Severity::Error);
}

#[test]
fn special_category_on_legitimate_interests_or_none() {
    let mut s = Site::new();
    s.element("fingerprint", "user.biometric.fingerprint");
    s.use_("fingerprint", "essential.service.authentication")
        .legal_basis = Some(LegalBasis::LegitimateInterests);
    s.element("genome", "user.health_and_medical.genetic");
    s.use_("genome", "essential.service").legal_basis = None;
    assert_eq!(
        rules_fired(s),
        [
            "special-category-condition",
            "missing-legal-basis",
            "special-category-condition"
        ]
    );
}

#[test]
fn health_data_on_contract_or_plain_consent_needs_the_art_9_condition() {
    let mut s = one(
        "user.health_and_medical",
        "essential.service",
        Some(LegalBasis::Contract),
    );
    s.use_("x", "essential.service.operations").legal_basis = Some(LegalBasis::Consent);
    s.cat.uses[1].necessity = Some(Necessity::Optional);
    let a = run(s);
    let got: Vec<_> = a.findings.iter().map(|f| (f.rule, f.origin.line)).collect();
    assert_eq!(
        got,
        [
            ("special-category-condition", 2),
            ("special-category-condition", 3)
        ]
    );
    assert!(
        a.findings[0].message.contains("on `contract` alone"),
        "{}",
        a.findings[0].message
    );
}

#[test]
fn near_miss_special_category_with_a_condition_or_ordinary_data_on_legitimate_interests() {
    let mut s = one(
        "user.biometric.fingerprint",
        "essential.service.authentication",
        Some(LegalBasis::Consent),
    );
    s.cat.uses[0].special_category_condition = Some(SpecialCategoryCondition::ExplicitConsent);
    s.element("allergies", "user.health_and_medical");
    s.use_("allergies", "essential.service")
        .special_category_condition = Some(SpecialCategoryCondition::HealthCare);
    s.element("gender", "user.demographic.gender");
    s.use_("gender", "essential.service").legal_basis = Some(LegalBasis::LegitimateInterests);
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn consent_on_a_required_use() {
    let mut s = one("user.contact.email", "essential.service", None);
    let u = &mut s.cat.uses[0];
    u.legal_basis = Some(LegalBasis::Consent);
    u.necessity = Some(Necessity::Required);
    let a = run(s);
    assert_eq!(a.findings[0].rule, "consent-not-optional");
    assert_eq!(a.findings[0].severity, Severity::Error);
    assert_eq!(
        a.findings[0].origin.to_string(),
        "content/inventory/data.csv:2"
    );
}

#[test]
fn near_miss_consent_on_an_optional_use() {
    let s = one(
        "user.contact.email",
        "marketing.communications.email",
        Some(LegalBasis::Consent),
    );
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn contract_for_marketing_analytics_or_training() {
    for purpose in [
        "marketing.communications.email",
        "analytics.reporting",
        "train_ai_system",
    ] {
        let s = one("user.contact.email", purpose, Some(LegalBasis::Contract));
        assert_eq!(rules_fired(s), ["basis-mismatch"], "{purpose}");
    }
}

#[test]
fn legitimate_interests_for_third_party_ads_or_profiling() {
    for purpose in [
        "marketing.advertising.third_party.targeted",
        "marketing.advertising.profiling",
    ] {
        let s = one(
            "user.behavior.browsing_history",
            purpose,
            Some(LegalBasis::LegitimateInterests),
        );
        let a = run(s);
        assert_eq!(a.findings.len(), 1, "{purpose}");
        assert_eq!(a.findings[0].rule, "basis-mismatch");
        assert_eq!(a.findings[0].severity, Severity::Warning);
        assert!(a.findings[0].message.contains("legitimate_interests"));
    }
}

#[test]
fn near_miss_contract_for_delivery_and_legitimate_interests_for_own_newsletter() {
    let mut s = one(
        "user.contact.address",
        "essential.service",
        Some(LegalBasis::Contract),
    );
    s.element("email", "user.contact.email");
    s.use_("email", "marketing.communications.email")
        .legal_basis = Some(LegalBasis::LegitimateInterests);
    s.use_("email", "marketing.advertising.third_party.targeted")
        .legal_basis = Some(LegalBasis::Consent);
    s.cat.uses[2].necessity = Some(Necessity::Optional);
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn legal_obligation_and_public_task_need_the_law() {
    let mut s = one(
        "user.financial",
        "essential.legal_obligation",
        Some(LegalBasis::LegalObligation),
    );
    s.use_("x", "essential.service").legal_basis = Some(LegalBasis::PublicTask);
    assert_eq!(
        rules_fired(s),
        ["legal-reference-missing", "legal-reference-missing"]
    );
}

#[test]
fn near_miss_legal_obligation_with_its_law() {
    let mut s = one(
        "user.financial",
        "essential.legal_obligation",
        Some(LegalBasis::LegalObligation),
    );
    s.cat.uses[0].legal_reference = Some("Dutch General Tax Act (AWR) art. 52".into());
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn near_miss_criminal_data_with_its_authority() {
    let mut s = one(
        "user.criminal_history",
        "employment.recruitment",
        Some(LegalBasis::LegalObligation),
    );
    s.cat.uses[0].legal_reference = Some("Justice and Prosecution Data Act, art. 28".into());
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn criminal_data_needs_an_authority() {
    let s = one(
        "user.criminal_history",
        "employment.recruitment",
        Some(LegalBasis::LegitimateInterests),
    );
    let a = run(s);
    assert_eq!(a.findings.len(), 1, "{:?}", a.findings);
    assert_eq!(a.findings[0].rule, "criminal-data-authority");
    assert_eq!(a.findings[0].severity, Severity::Error);
}
