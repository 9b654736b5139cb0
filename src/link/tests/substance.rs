//! The v2 inputs on small sites: Art. 9 conditions, legal references, opt-outs, transfer
//! facts of systems and recipients, and the assessments register with what it covers.

use super::{errors, with};
use crate::model::{
    AssessmentKind, Covered, Outcome, SpecialCategoryCondition, Target, TransferMechanism,
};

const INVENTORY: &str = "element,name,category,purpose,why,legal_basis,special_category_condition,legal_reference,opt_out,retention,shared_with\n\
health,Health notes,user.health_and_medical,essential.service,To adapt the fitting,contract,explicit consent,,Account settings > Health,p2y,mailer\n\
email,Email address,user.contact.email,marketing.communications.email,Newsletter,consent,,,https://x.example/unsubscribe,p2y,\n\
email,,,finance,Invoices,legal_obligation,,HGB 257,,p7y,\n";

const SYSTEMS: &str = "id,name,country,transfer_mechanism,security\ncrm,CRM,Germany (Frankfurt),,Encrypted at rest; SSO\n";
const RECIPIENTS: &str = "id,name,role,country,safeguards,transfer_mechanism,tia_date\nmailer,Mailer Inc,processor,US,SCC,SCC,2026-02-01\n";
const ASSESSMENTS: &str = "id,kind,covers,date,outcome,url,description\n\
dpia-health,dpia,health; style-recommender,2026-03-01,approved,https://x.example/dpia,Fittings\n\
lia-marketing,lia,marketing,2026-01-10,approved_with_conditions,,\n\
tia-mailer,tia,mailer,2026-02-01,approved,,\n";

fn site(extra: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut v = vec![
        ("content/inventory/a.csv", INVENTORY),
        ("content/inventory/b.csv", ""),
        ("content/systems.csv", SYSTEMS),
        ("content/recipients.csv", RECIPIENTS),
        ("content/assessments.csv", ASSESSMENTS),
    ];
    v.extend_from_slice(extra);
    v
}

#[test]
fn new_columns_reach_the_catalog() {
    let c = with(&site(&[])).unwrap_or_else(|e| panic!("{e}"));
    let health = c.element("health").unwrap();
    let u = &c.uses[health.uses[0]];
    assert_eq!(
        u.special_category_condition,
        Some(SpecialCategoryCondition::ExplicitConsent)
    );
    assert_eq!(u.opt_out.as_deref(), Some("Account settings > Health"));
    let email = c.element("email").unwrap();
    let finance = &c.uses[email.uses[1]];
    assert_eq!(finance.legal_reference.as_deref(), Some("HGB 257"));
    let crm = c.system("crm").unwrap();
    assert_eq!(crm.country.as_deref(), Some("Germany (Frankfurt)"));
    assert_eq!(crm.security.as_deref(), Some("Encrypted at rest; SSO"));
    assert_eq!(crm.transfer_mechanism, None);
    let mailer = c.recipient("mailer").unwrap();
    assert_eq!(mailer.transfer_mechanism, Some(TransferMechanism::Scc));
    assert_eq!(mailer.tia_date, Some(jiff::civil::date(2026, 2, 1)));
}

#[test]
fn assessments_resolve_what_they_cover() {
    let c = with(&site(&[])).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = c.assessments.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["dpia-health", "lia-marketing", "tia-mailer"]);
    let dpia = c.assessment("dpia-health").unwrap();
    let health = c.index.elements["health"];
    let model = c.index.models["style-recommender"];
    assert_eq!(
        dpia.covers,
        [Covered::Element(health), Covered::Model(model)]
    );
    assert_eq!(dpia.outcome, Some(Outcome::Approved));
    let covering = |kind, t| -> Vec<&str> {
        c.assessments_covering(kind, t)
            .iter()
            .map(|a| a.id.as_str())
            .collect()
    };
    assert_eq!(
        covering(AssessmentKind::Dpia, Target::Element(health)),
        ["dpia-health"]
    );
    assert_eq!(
        covering(
            AssessmentKind::Dpia,
            Target::Use(c.element("health").unwrap().uses[0])
        ),
        ["dpia-health"],
        "a use is covered through its element"
    );
    assert!(covering(AssessmentKind::Lia, Target::Element(health)).is_empty());
    let email = c.element("email").unwrap();
    assert_eq!(
        covering(AssessmentKind::Lia, Target::Use(email.uses[0])),
        ["lia-marketing"],
        "`marketing` covers marketing.communications.email"
    );
    assert!(
        covering(AssessmentKind::Lia, Target::Use(email.uses[1])).is_empty(),
        "finance is not under marketing"
    );
    assert_eq!(
        covering(
            AssessmentKind::Lia,
            Target::Purpose("marketing.advertising")
        ),
        ["lia-marketing"]
    );
    assert!(covering(AssessmentKind::Lia, Target::Purpose("marketingfoo")).is_empty());
    assert_eq!(
        covering(
            AssessmentKind::Tia,
            Target::Recipient(c.index.recipients["mailer"])
        ),
        ["tia-mailer"]
    );
    assert_eq!(
        covering(AssessmentKind::Dpia, Target::Model(model)),
        ["dpia-health"]
    );
}

#[test]
fn unknown_covers_ids_and_bad_values_are_errors_with_suggestions() {
    let e = errors(&site(&[(
        "content/assessments.csv",
        "id,kind,covers,date,outcome\n\
dpia-1,dpia,helth; marketing.comunications,2026-03-01,approved\n\
dpia-2,dpai,health,2026-03-01,\n",
    )]));
    let got: Vec<_> = e
        .iter()
        .map(|d| {
            (
                Some(d.file.display().to_string()),
                d.line,
                d.column,
                d.help.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(e.len(), 3, "{got:#?}");
    let file = Some("content/assessments.csv".to_string());
    assert_eq!(
        got[0],
        (
            file.clone(),
            Some(2),
            Some(13),
            "did you mean `health`?".into()
        )
    );
    assert_eq!(
        got[1],
        (
            file.clone(),
            Some(2),
            Some(20),
            "did you mean `marketing.communications`?".into()
        )
    );
    assert!(e[0]
        .message
        .contains("no element, model card, recipient or data use"));
    assert_eq!(got[2].1, Some(3));
    assert_eq!(got[2].3, "did you mean `dpia`?");
}

#[test]
fn bad_enum_values_of_the_new_columns_suggest() {
    let e = errors(&site(&[
        (
            "content/inventory/a.csv",
            "element,name,category,purpose,why,special_category_condition,retention\n\
health,Health,user.health_and_medical,essential.service,Fit,explicit_consnet,p2y\n",
        ),
        (
            "content/recipients.csv",
            "id,name,transfer_mechanism,tia_date\nmailer,Mailer,sccs,2026-13-01\n",
        ),
        (
            "content/systems.csv",
            "id,name,transfer_mechanism\ncrm,CRM,adequacy decision\n",
        ),
    ]));
    let got: Vec<_> = e
        .iter()
        .map(|d| (d.message.as_str(), d.help.as_deref().unwrap_or("")))
        .collect();
    assert!(
        got.iter()
            .any(|(m, h)| m.contains("special_category_condition")
                && *h == "did you mean `explicit_consent`?"),
        "{got:#?}"
    );
    assert!(
        got.iter().any(|(m, h)| m.contains("transfer_mechanism")
            && m.contains("`sccs`")
            && *h == "did you mean `scc`?"),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|(m, _)| m.contains("`tia_date` is not a real date")),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|(m, _)| m.contains("found `adequacy decision`")),
        "{got:#?}"
    );
}

#[test]
fn a_site_without_the_new_inputs_still_links() {
    let c = with(&[]).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.assessments.is_empty());
    assert!(c
        .uses
        .iter()
        .all(|u| u.special_category_condition.is_none()));
}
