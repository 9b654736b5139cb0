//! The v2 facts in `data.json`: Art. 9 condition, legal reference, opt-out, countries with
//! their status, transfer mechanisms, TIA dates; security and assessments internal only.

use crate::config::Audience;
use crate::model::{Assessment, AssessmentKind, Covered, Outcome};
use crate::site::{plan, testkit};

fn json(c: &crate::model::Catalog, audience: Audience) -> serde_json::Value {
    let site = plan(c, audience);
    let bytes = super::data_json(c, &site).expect("serialises");
    serde_json::from_slice(&bytes).expect("valid JSON")
}

fn with_assessment() -> crate::model::Catalog {
    let mut c = testkit::catalog();
    c.set_assessments(vec![Assessment {
        id: "dpia-1".into(),
        kind: AssessmentKind::Dpia,
        covers_ids: vec!["email_address".into()],
        covers: vec![Covered::Element(0)],
        date: Some(jiff::civil::date(2026, 3, 1)),
        outcome: Some(Outcome::Approved),
        url: None,
        description: Some("ASSESSMENT-TEXT".into()),
        origin: c.uses[0].origin.clone(),
    }]);
    c
}

#[test]
fn public_json_has_the_new_facts_and_nothing_internal() {
    let c = with_assessment();
    let v = json(&c, Audience::Public);
    let email = &v["elements"][0]["uses"];
    assert_eq!(email[1]["opt_out"], "https://shop.example/unsubscribe");
    assert!(
        email[0].get("opt_out").is_none(),
        "absent facts are left out"
    );
    let birth = &v["elements"][2]["uses"][0];
    assert_eq!(birth["legal_reference"], "Alcohol Act art. 20");
    assert_eq!(birth["special_category_condition"], "legal_claims");
    let sys = &v["systems"][0];
    assert_eq!(sys["country"], "Germany (Frankfurt)");
    assert_eq!(sys["country_status"], "eea");
    assert!(sys.get("security").is_none(), "security is internal");
    let rec = &v["recipients"][0];
    assert_eq!(rec["country_status"], "eea");
    assert_eq!(rec["transfer_mechanism"], "scc");
    assert_eq!(rec["tia_date"], "2026-02-01");
    assert!(v.get("assessments").is_none(), "assessments are internal");
    let text = v.to_string();
    assert!(!text.contains("ASSESSMENT-TEXT"));
}

#[test]
fn internal_json_adds_security_and_assessments() {
    let c = with_assessment();
    let v = json(&c, Audience::Internal);
    assert_eq!(
        v["systems"][0]["security"],
        "SECURITY-MARKER: encrypted at rest"
    );
    let a = &v["assessments"][0];
    assert_eq!(a["id"], "dpia-1");
    assert_eq!(a["kind"], "dpia");
    assert_eq!(a["covers"][0], "email_address");
    assert_eq!(a["outcome"], "approved");
    assert_eq!(a["date"], "2026-03-01");
}

#[test]
fn rights_appear_only_when_configured() {
    let mut c = testkit::catalog();
    assert!(json(&c, Audience::Public)["site"].get("rights").is_none());
    c.config.rights.email = Some("rights@shop.example".into());
    assert_eq!(
        json(&c, Audience::Public)["site"]["rights"]["email"],
        "rights@shop.example"
    );
}
