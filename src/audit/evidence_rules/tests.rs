//! Each evidence rule tripped, and its near miss: a recipient matched by alias, a data type
//! mapped through `[evidence.map]`, a category declared one level up.

use std::path::Path;
use std::sync::Arc;

use crate::audit::rules::*;
use crate::audit::testing::{rules_fired, Site};
use crate::load::evidence::parse;
use crate::load::SourceFile;

/// A site with `email` (user.contact.email) used for the service, and recipient `errortrack`.
fn site() -> Site {
    let mut s = Site::new();
    s.recipient("errortrack", "Germany", "");
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service");
    s
}

fn with_evidence(mut s: Site, name: &str, text: &str) -> Site {
    let src = SourceFile::new(Arc::from(Path::new(name)), text);
    s.cat.evidence.push(parse(&src).expect("valid evidence"));
    s
}

fn csv(s: Site, rows: &str) -> Site {
    with_evidence(
        s,
        "content/evidence/scan.csv",
        &format!("data_type,third_party\n{rows}"),
    )
}

fn fired(s: Site) -> Vec<&'static str> {
    let mut r = rules_fired(s);
    r.sort_unstable();
    r
}

#[test]
fn undeclared_data_fires_and_a_mapped_type_does_not() {
    let s = csv(site(), "Email Address,\nShoe Size,\n");
    assert_eq!(fired(s), [UNMAPPED_DATA_TYPE], "Email Address is declared");
    let s = csv(site(), "Email Address,\nDate of birth,\n");
    assert_eq!(fired(s), [UNDECLARED_DATA]);
    let mut s = csv(site(), "Email Address,\nDate of birth,\n");
    s.cat
        .config
        .evidence
        .map
        .insert("Date of birth".into(), "user.contact".into());
    assert_eq!(
        fired(s),
        Vec::<&str>::new(),
        "mapped through [evidence.map]"
    );
}

#[test]
fn a_wider_declared_category_covers_a_narrower_detection() {
    let mut s = Site::new();
    s.element("contact", "user.contact");
    s.use_("contact", "essential.service");
    assert_eq!(fired(csv(s, "Email Address,\n")), Vec::<&str>::new());
}

#[test]
fn undeclared_recipient_fires_and_an_alias_matches() {
    assert_eq!(
        fired(csv(site(), "Email Address,Sentry\n")),
        [UNDECLARED_RECIPIENT]
    );
    let mut s = site();
    s.cat.recipients[0].aliases = vec!["Sentry".into(), "sentry.io".into()];
    s.cat.recipients[0].uses.clear();
    let e = s.cat.index.elements["email"];
    let u = s.cat.elements[e].uses[0];
    s.cat.uses[u].shared_with = vec![0];
    assert_eq!(
        fired(csv(s, "Email Address,SENTRY\n")),
        Vec::<&str>::new(),
        "matched by alias"
    );
}

#[test]
fn a_privado_domain_matches_an_alias() {
    let text = r#"{"sources": [{"id": "Data.Sensitive.ContactData.EmailAddress"}], "dataFlow": {"third_parties": [{"sinks": [{"name": "Sentry SDK", "domains": ["sentry.io"]}]}]}}"#;
    let mut s = site();
    s.cat.recipients[0].aliases = vec!["sentry.io".into()];
    assert_eq!(
        fired(with_evidence(s, "privado.json", text)),
        Vec::<&str>::new()
    );
    assert_eq!(
        fired(with_evidence(site(), "privado.json", text)),
        [UNDECLARED_RECIPIENT]
    );
}

#[test]
fn undeclared_sharing_fires_until_a_use_shares_the_category() {
    let mut s = site();
    s.cat.recipients[0].aliases = vec!["Sentry".into()];
    assert_eq!(
        fired(csv(s, "Email Address,Sentry\n")),
        [UNDECLARED_SHARING]
    );
    let mut s = site();
    s.cat.recipients[0].aliases = vec!["Sentry".into()];
    let e = s.cat.index.elements["email"];
    let u = s.cat.elements[e].uses[0];
    s.cat.uses[u].shared_with = vec![0];
    assert_eq!(fired(csv(s, "Email Address,Sentry\n")), Vec::<&str>::new());
}

#[test]
fn unconfirmed_element_is_info_only_for_covered_systems() {
    let mut s = site();
    let shop = s.system("shop");
    s.system("paper");
    s.element("shoe_size", "user.demographic.profile").systems = vec![shop];
    s.use_("shoe_size", "essential.service");
    s.element("interview", "user.workplace").systems = vec![1];
    s.use_("interview", "essential.service");
    let email = s.cat.index.elements["email"];
    s.cat.elements[email].systems = vec![shop];
    let mut s = csv(s, "Email Address,\n");
    s.cat.evidence[0].systems = vec!["shop".into()];
    let audit = crate::audit::testing::run(s);
    let found: Vec<_> = audit
        .findings
        .iter()
        .filter(|f| f.rule == UNCONFIRMED_ELEMENT)
        .map(|f| f.element.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        found,
        ["shoe_size"],
        "interview is in a system no scan covers"
    );
    assert!(audit.findings.iter().all(|f| f.rule != UNDECLARED_DATA));
}

#[test]
fn each_problem_is_reported_once_per_file() {
    let s = csv(
        site(),
        "Email Address,\nDate of birth,Sentry\nDate of birth,Sentry\nShoe Size,\nshoe size,\n",
    );
    assert_eq!(
        fired(s),
        [UNDECLARED_DATA, UNDECLARED_RECIPIENT, UNMAPPED_DATA_TYPE]
    );
}
