//! Unit tests of the diff on the site testkit's catalog: each kind of change, its sentence,
//! sensitivity, and the audience filter (a public diff sees no internal row).

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::audit::{Finding, Severity};
use crate::diag::Origin;
use crate::model::{LegalBasis, RetentionPeriod, SpecialCategoryCondition, TransferMechanism};
use crate::site::testkit::{catalog, INTERNAL_MARKERS};

fn texts(diff: &Diff) -> Vec<&str> {
    diff.changes.iter().map(|c| c.text.as_str()).collect()
}

fn internal(old: &Catalog, new: &Catalog) -> Diff {
    compare(old, new, Audience::Internal, Labels::Keys)
}

fn renamed_id(c: &mut Catalog, from: &str, to: &str) {
    let i = c.index.elements.remove(from).expect("element");
    c.elements[i].id = to.into();
    c.index.elements.insert(to.into(), i);
}

#[test]
fn the_same_site_has_no_changes() {
    let c = catalog();
    for audience in [Audience::Public, Audience::Internal] {
        let d = compare(&c, &c, audience, Labels::Keys);
        assert!(d.is_empty(), "{:?}", d.changes);
    }
}

#[test]
fn a_new_sensitive_element_comes_first_with_its_uses() {
    let old = catalog();
    let mut old = old;
    renamed_id(&mut old, "date_of_birth", "year_of_birth");
    let mut new = catalog();
    new.uses[3].legal_basis = Some(LegalBasis::Consent);
    let d = internal(&old, &new);
    let t = texts(&d);
    assert_eq!(
        &t[..2],
        [
            "adds Date of birth to the inventory (user.demographic.date_of_birth, sensitive)",
            "starts collecting Date of birth for essential.legal_obligation (consent)",
        ]
    );
    assert!(d.changes[0].sensitive && d.changes[1].sensitive);
    assert_eq!(d.changes[1].kind, Kind::UseAdded);
    assert_eq!(
        d.changes[1].purpose.as_deref(),
        Some("essential.legal_obligation")
    );
    let removed = d
        .changes
        .iter()
        .find(|c| c.kind == Kind::ElementRemoved)
        .expect("removal");
    assert_eq!(removed.element.as_ref().unwrap().id, "year_of_birth");
    assert_eq!(removed.version, Some(Version::Old));
    assert_eq!(
        removed.location().as_deref(),
        Some("old content/inventory/core.csv:5")
    );
    let s = d.summary();
    assert_eq!((s.elements_added, s.elements_removed), (1, 1));
    assert_eq!((s.uses_added, s.uses_removed), (1, 1));
}

#[test]
fn use_fields_each_make_one_sentence() {
    let old = catalog();
    let mut new = catalog();
    new.uses[1].legal_basis = Some(LegalBasis::LegitimateInterests);
    new.uses[1].why = "To send offers.".into();
    new.uses[1].shared_with = vec![];
    new.uses[2].retention = Some(0);
    new.uses[0].shared_with = vec![0];
    new.uses[3].special_category_condition = Some(SpecialCategoryCondition::ExplicitConsent);
    new.uses[3].legal_reference = None;
    new.recipients[0].transfer_mechanism = Some(TransferMechanism::Adequacy);
    let d = internal(&old, &new);
    let t = texts(&d);
    for expected in [
        "uses Date of birth for essential.legal_obligation under explicit consent (Art. 9(2)(a) GDPR) instead of legal claims (Art. 9(2)(f) GDPR)",
        "no longer names the law behind Date of birth for essential.legal_obligation",
        "bases transfers to Mailer Ltd on EU adequacy decision instead of standard contractual clauses",
        "uses Email address for marketing.communications.email on legitimate_interests instead of consent",
        "gives a new reason for using Email address for marketing.communications.email: \u{201c}To send offers.\u{201d}",
        "stops sharing Email address for marketing.communications.email with Mailer Ltd",
        "starts sharing Email address for essential.service.notifications.email with Mailer Ltd (Ireland)",
        "keeps Purchase history for personalize.content.limited for 30 days (account) instead of 7 years (orders)",
    ] {
        assert!(t.contains(&expected), "missing {expected:?} in {t:#?}");
    }
    let basis = d
        .changes
        .iter()
        .find(|c| c.field == Some("legal_basis"))
        .unwrap();
    assert_eq!(basis.old.as_deref(), Some("consent"));
    assert_eq!(basis.new.as_deref(), Some("legitimate_interests"));
    assert_eq!(basis.section, Section::Collection);
    let sharing: Vec<_> = d.section(Section::Sharing).collect();
    assert_eq!(sharing.len(), 3, "two uses and the recipient's mechanism");
    assert_eq!(sharing[0].recipient.as_ref().unwrap().id, "mailer");
    assert_eq!(d.section(Section::Retention).count(), 1);
}

#[test]
fn registers_and_models_changes() {
    let old = catalog();
    let mut new = catalog();
    new.retention[0].period = RetentionPeriod::Fixed {
        iso: "P1Y".into(),
        years: 1,
        months: 0,
        weeks: 0,
        days: 0,
    };
    new.recipients[0].country = Some("United States".into());
    let m = &mut new.models[0];
    m.inputs.push(crate::model::ModelInput {
        id: "date_of_birth".into(),
        element: Some(2),
        line: None,
    });
    m.metrics[1].value = 0.25;
    m.metrics.remove(0);
    m.version = Some("3.3".into());
    let d = internal(&old, &new);
    let t = texts(&d);
    for expected in [
        "keeps data under the policy \u{201c}Account data\u{201d} for 1 year instead of 30 days (affects Date of birth, Email address)",
        "sends data shared with Mailer Ltd to United States instead of Ireland",
        "Style recommender now takes Date of birth as input",
        "Style recommender: precision_at_10 (age: 18-24) changes from 0.27 to 0.25",
        "Style recommender no longer reports precision_at_10 (all)",
        "changes the version of Style recommender from 3.2 to 3.3",
    ] {
        assert!(t.contains(&expected), "missing {expected:?} in {t:#?}");
    }
    let input = d
        .changes
        .iter()
        .find(|c| c.field == Some("inputs"))
        .unwrap();
    assert!(input.sensitive, "date of birth is a sensitive input");
    assert_eq!(input.new.as_deref(), Some("date_of_birth"));
}

#[test]
fn a_second_row_for_the_same_purpose_is_its_own_use() {
    let old = catalog();
    let mut new = catalog();
    let mut extra = new.uses[0].clone();
    extra.why = "Again".into();
    new.uses.push(extra);
    let u = new.uses.len() - 1;
    new.elements[0].uses.insert(1, u);
    let d = internal(&old, &new);
    assert_eq!(d.changes.len(), 1, "{:?}", texts(&d));
    assert_eq!(d.changes[0].kind, Kind::UseAdded);
}

/// Changes to internal rows, hidden records and internal fields only.
fn internal_edits() -> Catalog {
    let mut new = catalog();
    renamed_id(
        &mut new,
        "secret_marker_element",
        "secret_marker_element_v2",
    );
    new.uses[5].why = "INTERNAL-WHY-MARKER changed".into();
    new.uses[5].legal_basis = Some(LegalBasis::Consent);
    new.retention[2].period = RetentionPeriod::Fixed {
        iso: "P1D".into(),
        years: 0,
        months: 0,
        weeks: 0,
        days: 1,
    };
    new.recipients[1].country = Some("HIDDEN-RECIPIENT-MARKER land".into());
    new.uses[1].notes = Some("NOTES-MARKER 2".into());
    new.elements[0].owner = Some("OWNER-MARKER 2".into());
    new.models[0].internal = Some(serde_json::json!({"risk_owner": "MODEL-INTERNAL-MARKER 2"}));
    new
}

#[test]
fn a_public_diff_never_sees_internal_rows() {
    let (old, new) = (catalog(), internal_edits());
    let public = compare(&old, &new, Audience::Public, Labels::Names);
    assert!(public.is_empty(), "{:#?}", texts(&public));
    let json = serde_json::to_string(&public).unwrap();
    for m in INTERNAL_MARKERS {
        assert!(!json.contains(m), "{m} leaked: {json}");
    }
    // The same edits are visible to an internal diff, so the test above can fail.
    let all = internal(&old, &new);
    let json = serde_json::to_string(&all).unwrap();
    assert!(json.contains("secret_marker_element"), "{json}");
    assert!(json.contains("INTERNAL-WHY-MARKER changed"), "{json}");
    assert!(json.contains("HIDDEN-RECIPIENT-MARKER land"), "{json}");
    // Notes, owners and a card's internal block are never compared, on any audience.
    assert!(!json.contains("NOTES-MARKER 2") && !json.contains("OWNER-MARKER 2"));
    assert!(!json.contains("MODEL-INTERNAL-MARKER 2"));
}

#[test]
fn a_public_diff_names_purposes_in_words() {
    let old = catalog();
    let mut new = catalog();
    new.uses[1].legal_basis = None;
    let d = compare(&old, &new, Audience::Public, Labels::Names);
    assert_eq!(
        texts(&d),
        ["uses Email address for Marketing Email Communications on no legal basis instead of consent"]
    );
}

fn finding(rule: &'static str, element: &str, line: usize) -> Finding {
    Finding {
        rule,
        severity: Severity::Warning,
        message: format!("{rule} on {element}"),
        hint: "fix it".into(),
        origin: Origin::new(&Arc::from(Path::new("content/inventory/core.csv")), line),
        element: Some(element.into()),
        model: None,
        accepted: None,
    }
}

fn audit(findings: Vec<Finding>) -> Audit {
    Audit {
        dpia: Vec::new(),
        today: jiff::civil::date(2026, 12, 1),
        findings,
    }
}

#[test]
fn findings_are_matched_without_their_line() {
    let c = catalog();
    let old = audit(vec![
        finding("a-rule", "email_address", 3),
        finding("b-rule", "date_of_birth", 5),
    ]);
    let mut accepted = finding("c-rule", "email_address", 2);
    accepted.accepted = Some(crate::audit::Accepted {
        reason: "ok".into(),
        expires: None,
        origin: accepted.origin.clone(),
    });
    let new = audit(vec![
        finding("a-rule", "email_address", 9),
        finding("a-rule", "email_address", 10),
        finding("d-rule", "purchase_history", 4),
        accepted,
    ]);
    let d = internal(&c, &c).with_findings(&old, &new);
    let f = d.findings.as_ref().unwrap();
    let rules = |l: &[FindingRef]| l.iter().map(|f| (f.rule, f.line)).collect::<Vec<_>>();
    assert_eq!(rules(&f.introduced), [("a-rule", 10), ("d-rule", 4)]);
    assert_eq!(rules(&f.resolved), [("b-rule", 5)]);
    assert!(!d.is_empty());
    let public = compare(&c, &c, Audience::Public, Labels::Names).with_findings(&old, &new);
    // A public diff withholds the findings but still counts them.
    assert!(public.findings.is_none() && !public.is_empty());
    assert_eq!(public.summary().findings_introduced, 2);
    assert_eq!(public.summary().findings_resolved, 1);
}
