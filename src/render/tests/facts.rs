//! The v2 facts on the pages a reader or auditor reads: Art. 9 condition, the law behind a
//! use and how to say no on element pages; country status, transfer mechanism and TIA date on
//! the sharing and systems pages; security measures on internal builds only.

use super::build;
use crate::config::Audience;
use crate::render::Theme;
use crate::site::testkit;

#[test]
fn element_pages_show_the_condition_the_law_and_how_to_say_no() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Public, &Theme::builtin());
    let email = &out["data/email_address/index.html"];
    assert!(
        email.contains("<dt>How to say no</dt><dd><a href=\"https://shop.example/unsubscribe\" rel=\"noopener noreferrer\">https://shop.example/unsubscribe</a></dd>"),
        "{email}"
    );
    let history = &out["data/purchase_history/index.html"];
    assert!(history.contains("<dt>How to say no</dt><dd>Account settings &gt; Suggestions</dd>"));
    let birth = &out["data/date_of_birth/index.html"];
    assert!(birth.contains("<dt>The law behind it</dt><dd>Alcohol Act art. 20</dd>"));
    assert!(birth.contains(
        "<dt>Condition for special category data</dt><dd>To establish, exercise or defend legal claims <code class=\"key\">legal_claims</code></dd>"
    ));
}

#[test]
fn sharing_and_systems_pages_show_where_and_on_what_ground() {
    let c = testkit::catalog();
    let public = build(&c, Audience::Public, &Theme::builtin());
    let rec = &public["recipients/index.html"];
    assert!(
        rec.contains("<dd>Ireland <span class=\"muted\">(inside the EU/EEA)</span></dd>"),
        "{rec}"
    );
    assert!(rec.contains("<dt>Transfer mechanism</dt><dd>Standard contractual clauses <code class=\"key\">scc</code></dd>"));
    assert!(rec.contains("<dt>Transfer impact assessment</dt><dd><time datetime=\"2026-02-01\">2026-02-01</time></dd>"));
    let sys = &public["systems/index.html"];
    assert!(sys.contains("<dt>Country</dt><dd>Germany (Frankfurt) <span class=\"muted\">(inside the EU/EEA)</span></dd>"), "{sys}");
    assert!(!sys.contains("SECURITY-MARKER"));
    let internal = build(&c, Audience::Internal, &Theme::builtin());
    assert!(internal["systems/index.html"].contains("SECURITY-MARKER: encrypted at rest"));
}

#[test]
fn german_pages_speak_german() {
    let mut c = testkit::catalog();
    c.config.language = Some("de".into());
    let out = build(&c, Audience::Public, &Theme::builtin());
    let rec = &out["recipients/index.html"];
    assert!(rec.contains("Standardvertragsklauseln"), "{rec}");
    assert!(rec.contains("(in der EU/im EWR)"));
    assert!(out["data/email_address/index.html"].contains("So sagen Sie Nein"));
}
