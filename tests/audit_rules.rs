//! The legal-basis and targeting rules of `candor check`, end to end: a small site that trips
//! each and a near miss that must not, built in a temporary directory and checked by the binary.
//! Asserts the rule id, its severity and the file:line it points at. Registers, retention,
//! transfers, reviews and DPIAs: tests/audit_registers.rs.

mod common;

use common::mini::{trips, Mini, DATA};

#[test]
fn a_clean_site_has_no_findings() {
    let hits = Mini::new().row(&[]).check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn demographic_targeting_trips_on_gender_ads_income_and_a_data_broker() {
    let hits = Mini::new()
        .recipient("broker,Data Broker Ltd,controller,Netherlands,,Buys audiences.,")
        .row(&[
            ("element", "gender"),
            ("category", "user.demographic.gender"),
            ("purpose", "marketing.advertising.first_party.targeted"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("element", "gender"),
            ("purpose", "third_party_sharing"),
            ("shared_with", "broker"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("element", "income"),
            ("category", "user.financial"),
            ("purpose", "marketing.advertising.first_party.targeted"),
            ("legal_basis", "legitimate_interests"),
            ("necessity", "optional"),
        ])
        .check();
    trips(&hits, "demographic-targeting", "error", &[2, 3, 4]);
}

#[test]
fn demographic_targeting_near_miss_language_profile_and_age_gating() {
    let hits = Mini::new()
        .row(&[
            ("element", "language"),
            ("category", "user.demographic.language"),
            ("purpose", "personalize.system"),
        ])
        .row(&[
            ("element", "style"),
            ("category", "user.demographic.profile"),
            ("purpose", "marketing.advertising.first_party.targeted"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("element", "birth_date"),
            ("category", "user.demographic.date_of_birth"),
            ("purpose", "marketing.advertising.negative_targeting"),
            ("legal_basis", "legitimate_interests"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn consent_not_optional_trips_on_required_consent() {
    let hits = Mini::new().row(&[("legal_basis", "consent")]).check();
    trips(&hits, "consent-not-optional", "error", &[2]);
    let hits = Mini::new()
        .row(&[("legal_basis", "consent"), ("necessity", "optional")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn basis_mismatch_trips_on_contract_marketing_and_legitimate_interests_tracking() {
    let hits = Mini::new()
        .row(&[("purpose", "marketing.communications.email")])
        .row(&[("purpose", "train_ai_system")])
        .row(&[
            ("purpose", "marketing.advertising.third_party.targeted"),
            ("legal_basis", "legitimate_interests"),
            ("necessity", "optional"),
        ])
        .check();
    trips(&hits, "basis-mismatch", "warning", &[2, 3, 4]);
    let hits = Mini::new()
        .row(&[
            ("purpose", "marketing.communications.email"),
            ("legal_basis", "legitimate_interests"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("purpose", "marketing.advertising.third_party.targeted"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn missing_legal_basis_is_an_error() {
    let hits = Mini::new().row(&[("legal_basis", "")]).check();
    trips(&hits, "missing-legal-basis", "error", &[2]);
}

#[test]
fn legal_reference_missing_trips_on_a_bare_legal_obligation() {
    let hits = Mini::new()
        .row(&[
            ("purpose", "essential.legal_obligation"),
            ("legal_basis", "legal_obligation"),
        ])
        .check();
    trips(&hits, "legal-reference-missing", "warning", &[2]);
}

#[test]
fn legal_reference_missing_near_miss_the_law_is_named() {
    let hits = Mini::new()
        .row(&[
            ("purpose", "essential.legal_obligation"),
            ("legal_basis", "legal_obligation"),
            ("legal_reference", "Dutch General Tax Act (AWR) art. 52"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn criminal_data_authority_trips_without_a_law() {
    let row = |law: &'static str| {
        [
            ("element", "record"),
            ("category", "user.criminal_history"),
            ("purpose", "essential.service.security"),
            ("legal_basis", "legitimate_interests"),
            ("legal_reference", law),
        ]
    };
    let hits = Mini::new().row(&row("")).check();
    trips(&hits, "criminal-data-authority", "error", &[2]);
    let hits = Mini::new()
        .row(&row("Dutch Justice and Prosecution Data Act art. 39f"))
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn special_category_condition_trips_on_contract_and_plain_consent() {
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
        ])
        .row(&[
            ("element", "allergies"),
            ("purpose", "essential.service.operations"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .check();
    trips(&hits, "special-category-condition", "error", &[2, 3]);
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
        ])
        .row(&[
            ("element", "allergies"),
            ("purpose", "essential.service.operations"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
            ("special_category_condition", "explicit_consent"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn special_category_condition_trips_on_legitimate_interests() {
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("legal_basis", "legitimate_interests"),
        ])
        .toml("[[audit.exceptions]]\nrule = \"sensitive-basis\"\nelement = \"allergies\"\nreason = \"Old id.\"\nexpires = 2027-06-01\n")
        .check();
    // The old id still accepts the finding.
    let f = hits
        .iter()
        .find(|h| h.rule == "special-category-condition")
        .expect("fires");
    assert_eq!(f.at, format!("{DATA}:2"));
    assert!(f.law.contains("Art. 9"), "{}", f.law);
    assert!(
        hits.iter().all(|h| h.rule != "stale-exception"),
        "{hits:#?}"
    );
}
