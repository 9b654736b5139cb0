//! Transfers and processors: trips and near misses.

use super::{safeguard, Safeguard};
use crate::audit::testing::{rules_fired, run, Site};

#[test]
fn outside_the_eea_without_safeguards() {
    let mut s = Site::new();
    let us = s.recipient("tracker", "United States", "");
    let nowhere = s.recipient("broker", "", "");
    s.element("email", "user.contact.email");
    s.use_("email", "marketing.communications.email")
        .shared_with = vec![us, nowhere];
    let a = run(s);
    let msgs: Vec<_> = a
        .findings
        .iter()
        .map(|f| (f.rule, f.message.as_str()))
        .collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs.iter().all(|(r, _)| *r == "unsafeguarded-transfer"));
    assert!(msgs.iter().any(|(_, m)| m.contains("in United States")));
    assert!(msgs.iter().any(|(_, m)| m.contains("no country given")));
    assert!(a.findings[0].hint.contains("content/recipients.csv:"));
}

#[test]
fn near_miss_inside_the_eea_or_with_safeguards() {
    let mut s = Site::new();
    let de = s.recipient("mailer", "DE", "");
    let us = s.recipient("cloud", "US", "EU Standard Contractual Clauses");
    s.element("email", "user.contact.email");
    s.use_("email", "marketing.communications.email")
        .shared_with = vec![de, us];
    assert!(rules_fired(s).is_empty());
}

#[test]
fn placeholders_and_invalidated_frameworks_are_invalid() {
    for text in [
        "none",
        "TBD",
        "n/a",
        "EU-US Privacy Shield",
        "Safe Harbor",
        " tbd. ",
    ] {
        assert!(
            matches!(safeguard(Some(text)), Safeguard::Invalid(_)),
            "{text}"
        );
    }
    assert_eq!(safeguard(Some("  ")), Safeguard::Missing);
    assert_eq!(safeguard(None), Safeguard::Missing);
    for text in [
        "EU Standard Contractual Clauses (2021/914)",
        "EU-US Data Privacy Framework",
        "BCR",
    ] {
        assert_eq!(safeguard(Some(text)), Safeguard::Named, "{text}");
    }
}

#[test]
fn an_invalid_safeguard_outside_the_eea_is_reported_once_at_the_recipient() {
    let mut s = Site::new();
    let us = s.recipient("tracker", "United States", "Privacy Shield");
    let tbd = s.recipient("cloud", "India", "TBD");
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service").shared_with = vec![us, tbd];
    s.use_("email", "essential.service.operations").shared_with = vec![us];
    let a = run(s);
    let got: Vec<_> = a
        .findings
        .iter()
        .map(|f| (f.rule, f.origin.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("invalid-safeguard", "content/recipients.csv:2".to_string()),
            ("invalid-safeguard", "content/recipients.csv:3".to_string()),
        ]
    );
    assert!(
        a.findings[0].message.contains("C-311/18"),
        "{}",
        a.findings[0].message
    );
}

#[test]
fn near_miss_a_placeholder_inside_the_eea_or_an_unused_recipient() {
    let mut s = Site::new();
    let nl = s.recipient("mailer", "Netherlands", "n/a");
    s.recipient("spare", "US", "TBD");
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service").shared_with = vec![nl];
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn a_processor_without_a_dpa() {
    let mut s = Site::new();
    let p = s.recipient("mailer", "NL", "");
    s.cat.recipients[p].dpa_url = Some(" ".into());
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service").shared_with = vec![p];
    let a = run(s);
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].rule, "processor-without-dpa");
    assert_eq!(a.findings[0].origin.to_string(), "content/recipients.csv:2");
}

#[test]
fn near_miss_a_controller_needs_no_dpa() {
    let mut s = Site::new();
    let p = s.recipient("carrier", "NL", "");
    s.cat.recipients[p].dpa_url = None;
    s.cat.recipients[p].role = Some(crate::model::RecipientRole::Controller);
    s.element("address", "user.contact.address");
    s.use_("address", "essential.service").shared_with = vec![p];
    assert_eq!(rules_fired(s), Vec::<&str>::new());
}

#[test]
fn a_mechanism_of_none_is_invalid_and_a_real_one_is_a_safeguard() {
    use crate::model::TransferMechanism;
    let mut s = Site::new();
    let none = s.recipient("tracker", "US", "");
    s.cat.recipients[none].transfer_mechanism = Some(TransferMechanism::None);
    let scc = s.recipient("cloud", "US", "");
    s.cat.recipients[scc].transfer_mechanism = Some(TransferMechanism::Scc);
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service").shared_with = vec![none, scc];
    let a = run(s);
    let got: Vec<_> = a
        .findings
        .iter()
        .map(|f| (f.rule, f.origin.to_string()))
        .collect();
    assert_eq!(
        got,
        [("invalid-safeguard", "content/recipients.csv:2".to_string())]
    );
    assert!(
        a.findings[0].message.contains("`none`"),
        "{}",
        a.findings[0].message
    );
}

#[test]
fn a_system_stored_outside_the_eea_needs_a_mechanism() {
    use crate::model::TransferMechanism;
    let mut s = Site::new();
    let us = s.system("crm");
    s.cat.systems[us].country = Some("United States".into());
    let de = s.system("shop");
    s.cat.systems[de].country = Some("Germany (Frankfurt)".into());
    let ok = s.system("backup");
    s.cat.systems[ok].country = Some("US".into());
    s.cat.systems[ok].transfer_mechanism = Some(TransferMechanism::Scc);
    s.element("email", "user.contact.email").systems = vec![us, de, ok];
    s.use_("email", "essential.service");
    let a = run(s);
    let got: Vec<_> = a
        .findings
        .iter()
        .map(|f| (f.rule, f.origin.to_string()))
        .collect();
    assert_eq!(
        got,
        [(
            "unsafeguarded-transfer",
            "content/systems.csv:2".to_string()
        )]
    );
}

#[test]
fn a_transfer_impact_assessment_dated_after_today() {
    let mut s = Site::new();
    let us = s.recipient("cloud", "US", "EU Standard Contractual Clauses");
    s.cat.recipients[us].tia_date = Some(jiff::civil::date(2062, 1, 1));
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service").shared_with = vec![us];
    assert_eq!(rules_fired(s), ["future-date"]);
}

#[test]
fn an_adequacy_decision_is_a_safeguard_but_the_partial_us_one_is_not() {
    let mut s = Site::new();
    let uk = s.recipient("fraud", "United Kingdom", "");
    let jp = s.recipient("maker", "Tokyo, Japan", "");
    let us = s.recipient("cloud", "USA", "");
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service").shared_with = vec![uk, jp, us];
    let a = run(s);
    let got: Vec<_> = a
        .findings
        .iter()
        .map(|f| (f.rule, f.message.as_str()))
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "unsafeguarded-transfer");
    assert!(got[0].1.contains("in USA"), "{}", got[0].1);
}
