//! The three reports: structure, ordering and escaping.

use super::*;
use crate::config::Audience;
use crate::diff::{compare, Labels};
use crate::model::{Catalog, LegalBasis};
use crate::site::testkit::catalog;

fn options() -> Options {
    Options {
        old: "base".into(),
        new: ".".into(),
        today: jiff::civil::date(2026, 12, 1),
    }
}

/// A change with hostile text in a name and a reason, plus a sensitive one.
fn changed() -> (Catalog, Catalog) {
    let old = catalog();
    let mut new = catalog();
    new.elements[0].name = "E<script>x</script> | *bold* [l](http://x)".into();
    new.uses[2].legal_basis = Some(LegalBasis::Consent);
    new.uses[3].legal_basis = Some(LegalBasis::Consent);
    (old, new)
}

#[test]
fn empty_diffs_say_so() {
    let c = catalog();
    let d = compare(&c, &c, Audience::Internal, Labels::Keys);
    assert!(text(&d, &options()).contains("No changes."));
    assert!(markdown(&d, &options()).contains("No changes"));
    let v: serde_json::Value = serde_json::from_str(&json(&d, &options())).unwrap();
    assert_eq!(v["changes"], serde_json::json!([]));
    assert_eq!(v["summary"]["changes"], 0);
}

#[test]
fn text_puts_sensitive_changes_first() {
    let (old, new) = changed();
    let d = compare(&old, &new, Audience::Internal, Labels::Keys);
    let t = text(&d, &options());
    let sensitive = t.find("Sensitive data\n").expect("sensitive block");
    let collection = t
        .find("Collection and purposes\n")
        .expect("collection block");
    assert!(sensitive < collection, "{t}");
    let dob = t
        .find("Date of birth for essential.legal_obligation")
        .unwrap();
    assert!(sensitive < dob && dob < collection, "{t}");
    assert!(t.trim_end().ends_with("resolved"), "{t}");
    assert!(t.contains("[content/inventory/core.csv:5]"), "{t}");
}

#[test]
fn markdown_escapes_site_text() {
    let (old, new) = changed();
    let d = compare(&old, &new, Audience::Internal, Labels::Keys);
    let md = markdown(&d, &options());
    assert!(md.starts_with(markdown::MARKER), "{md}");
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
    assert!(
        md.contains("\\| \\*bold\\* \\[l\\](http:\u{200B}//x)"),
        "{md}"
    );
    let table = md.find("| Uses | 0 | 0 | 2 |").expect("summary row");
    let sensitive = md
        .find("#### ⚠️ Sensitive data")
        .expect("sensitive section");
    let rest = md
        .find("#### Collection and purposes")
        .expect("collection section");
    assert!(table < sensitive && sensitive < rest, "{md}");
}

/// A pull-request comment must not ping anyone or link out: `@name`, e-mail addresses and bare
/// URLs are defused with a zero-width space, and read the same.
#[test]
fn markdown_defuses_mentions_and_autolinks() {
    let e = markdown::escape(
        "cc @octocat and @org/team, mail dpo@evil.example, see https://evil.example/x or WWW.evil.example",
    );
    for live in ["@octocat", "@org", "@evil", "https://", "WWW."] {
        assert!(!e.contains(live), "{live} is live in {e}");
    }
    assert_eq!(
        e.replace('\u{200B}', ""),
        "cc @octocat and @org/team, mail dpo@evil.example, see https://evil.example/x or WWW.evil.example"
    );
    assert_eq!(markdown::escape("plain text, v1.2"), "plain text, v1.2");
}

#[test]
fn json_has_every_key_of_the_documented_shape() {
    let (old, new) = changed();
    let d = compare(&old, &new, Audience::Internal, Labels::Keys);
    let v: serde_json::Value = serde_json::from_str(&json(&d, &options())).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["old"], "base");
    assert_eq!(v["today"], "2026-12-01");
    assert_eq!(v["audience"], "internal");
    let change = &v["changes"][0];
    let keys: Vec<&str> = change
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "kind",
        "section",
        "field",
        "sensitive",
        "text",
        "element",
        "purpose",
        "model",
        "policy",
        "recipient",
        "old",
        "new",
        "file",
        "line",
        "version",
    ];
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(change["kind"], "use_changed");
    assert_eq!(change["field"], "legal_basis");
    assert_eq!(change["sensitive"], true);
    assert_eq!(change["element"]["id"], "date_of_birth");
    assert_eq!(change["version"], "new");
    assert!(v["findings"].is_null(), "no audits were compared");
    let summary = v["summary"].as_object().unwrap();
    assert_eq!(summary["uses_changed"], 2);
    assert_eq!(summary["sensitive"], 1);
}
