//! The DPIA screen and `dpia-required`.

use super::*;
use crate::audit::testing::{inputs, run_all as run, Site};
use crate::model::LegalBasis;

#[test]
fn patients_health_data_meets_two_criteria_and_needs_a_dpia() {
    let mut s = Site::new();
    s.element("allergies", "user.health_and_medical");
    s.cat.elements[0].subjects = vec!["patient".into()];
    let u = s.use_("allergies", "essential.service");
    u.legal_basis = Some(LegalBasis::Contract);
    u.special_category_condition = Some(crate::model::SpecialCategoryCondition::HealthCare);
    let a = run(s);
    let screen = &a.dpia[0];
    assert_eq!(
        screen.criteria,
        [Criterion::Sensitive, Criterion::Vulnerable]
    );
    assert_eq!(
        screen.summary(),
        "2 of 9: special category or criminal data, vulnerable subjects"
    );
    let f = a
        .findings
        .iter()
        .find(|f| f.rule == "dpia-required")
        .expect("fires");
    assert_eq!(f.origin.to_string(), "content/inventory/data.csv:2");
    assert_eq!(f.element.as_deref(), Some("allergies"));
    assert!(f.message.contains("meets 2 of 9"), "{}", f.message);
}

#[test]
fn near_miss_one_criterion_is_screened_but_not_flagged() {
    let mut s = Site::new();
    s.element("location", "user.location.precise");
    s.use_("location", "essential.service");
    let a = run(s);
    assert_eq!(a.dpia.len(), 1);
    assert_eq!(a.dpia[0].criteria, [Criterion::Monitoring]);
    assert!(a.findings.iter().all(|f| f.rule != "dpia-required"));
}

#[test]
fn a_model_is_innovative_and_evaluates_people() {
    let mut s = Site::new();
    s.element("clicks", "user.behavior.browsing_history");
    s.use_("clicks", "personalize.content");
    s.model("recommender").inputs = inputs(&["clicks"]);
    let a = run(s);
    let m = a
        .dpia
        .iter()
        .find(|s| s.item == Screened::Model(0))
        .expect("screened");
    assert_eq!(m.criteria, [Criterion::Evaluation, Criterion::Innovative]);
    assert!(a
        .findings
        .iter()
        .any(|f| f.rule == "dpia-required" && f.model.as_deref() == Some("recommender")));
}

/// The card's typed `decisions`, `significant_effect` and `purposes` feed the screen (they
/// were read from unknown keys before the loader knew them).
#[test]
fn an_automated_significant_model_meets_the_decision_criteria() {
    let mut s = Site::new();
    let m = s.model("screener");
    m.decisions = Some(crate::model::Decisions::Automated);
    m.significant_effect = Some(true);
    m.purposes = vec![crate::model::ModelPurpose {
        key: "employment.recruitment".into(),
        line: None,
    }];
    let a = run(s);
    let m = a
        .dpia
        .iter()
        .find(|s| s.item == Screened::Model(0))
        .expect("screened");
    assert!(
        m.criteria.contains(&Criterion::AutomatedDecision),
        "{:?}",
        m.criteria
    );
    assert!(
        m.criteria.contains(&Criterion::BlocksRight),
        "{:?}",
        m.criteria
    );
}

#[test]
fn nothing_screened_for_ordinary_data() {
    let mut s = Site::new();
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service");
    assert!(run(s).dpia.is_empty());
}

#[test]
fn a_covering_assessment_is_named_and_silences_the_rule() {
    let mut s = Site::new();
    s.element("record", "user.criminal_history");
    s.cat.elements[0].subjects = vec!["job_applicant".into()];
    s.use_("record", "employment.recruitment");
    let cat = s.finish();
    let screens = screen(&cat, |_| Some("dpia-2026-03".into()));
    assert_eq!(screens[0].covered_by.as_deref(), Some("dpia-2026-03"));
    assert_eq!(
        screens[0].criteria,
        [
            Criterion::Evaluation,
            Criterion::Sensitive,
            Criterion::Vulnerable
        ]
    );
}

/// An assessment of `kind` covering `covers`, as `link` resolves it.
fn assessment(
    id: &str,
    covers: crate::model::Covered,
    outcome: crate::model::Outcome,
) -> crate::model::Assessment {
    crate::model::Assessment {
        id: id.into(),
        kind: crate::model::AssessmentKind::Dpia,
        covers_ids: vec![],
        covers: vec![covers],
        date: Some(jiff::civil::date(2026, 3, 1)),
        outcome: Some(outcome),
        url: None,
        description: None,
        origin: crate::diag::Origin::new(
            &std::sync::Arc::from(std::path::Path::new("content/assessments.csv")),
            2,
        ),
    }
}

#[test]
fn a_dpia_of_the_element_model_or_purpose_covers_it_and_a_rejected_one_does_not() {
    use crate::model::{Covered, Outcome};
    let site = |covers: Covered, outcome: Outcome| {
        let mut s = Site::new();
        s.element("allergies", "user.health_and_medical");
        s.cat.elements[0].subjects = vec!["patient".into()];
        s.use_("allergies", "essential.service.operations")
            .special_category_condition = Some(crate::model::SpecialCategoryCondition::HealthCare);
        s.model("recommender");
        let mut cat = s.finish();
        cat.set_assessments(vec![assessment("dpia-2026-03", covers, outcome)]);
        crate::audit::audit(
            &cat,
            &crate::audit::Settings::default(),
            crate::audit::testing::TODAY,
        )
    };
    let a = site(
        Covered::Purpose("essential.service".into()),
        Outcome::Approved,
    );
    assert_eq!(a.dpia[0].covered_by.as_deref(), Some("dpia-2026-03"));
    let open: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule == "dpia-required")
        .collect();
    assert_eq!(open.len(), 1, "only the model: {open:?}");
    assert_eq!(open[0].model.as_deref(), Some("recommender"));
    let a = site(Covered::Model(0), Outcome::ApprovedWithConditions);
    assert!(a
        .findings
        .iter()
        .all(|f| f.model.is_none() || f.rule != "dpia-required"));
    let a = site(Covered::Element(0), Outcome::Rejected);
    assert_eq!(
        a.findings
            .iter()
            .filter(|f| f.rule == "dpia-required")
            .count(),
        2
    );
}

#[test]
fn an_assessment_dated_after_today_is_a_future_date() {
    let mut s = Site::new();
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service");
    let mut cat = s.finish();
    let mut a = assessment(
        "dpia-1",
        crate::model::Covered::Element(0),
        crate::model::Outcome::Approved,
    );
    a.date = Some(jiff::civil::date(2027, 1, 1));
    cat.set_assessments(vec![a]);
    let audit = crate::audit::audit(
        &cat,
        &crate::audit::Settings::default(),
        crate::audit::testing::TODAY,
    );
    let got: Vec<_> = audit
        .findings
        .iter()
        .map(|f| (f.rule, f.origin.to_string()))
        .collect();
    assert_eq!(
        got,
        [("future-date", "content/assessments.csv:2".to_string())]
    );
}
