//! `data.json` on the site testkit: ids, no leaks, markup-safe text, internal fields.
use crate::config::Audience;
use crate::site::{plan, testkit};

#[test]
fn public_json_uses_ids_and_leaks_nothing_internal() {
    let c = testkit::catalog();
    let site = plan(&c, Audience::Public);
    let bytes = super::data_json(&c, &site).expect("serialises");
    let text = String::from_utf8(bytes).expect("utf-8");
    for marker in testkit::INTERNAL_MARKERS {
        assert!(!text.contains(marker), "{marker} leaked into data.json");
    }
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["elements"][0]["uses"][1]["shared_with"][0], "mailer");
    assert_eq!(v["elements"][0]["uses"][0]["retention"], "account");
    assert_eq!(v["models"][0]["inputs"][0], "purchase_history");
    assert!(v["elements"][0].get("owner").is_none());
}

#[test]
fn markup_characters_are_escaped_but_round_trip() {
    let mut c = testkit::catalog();
    c.uses[0].why = "<script>a & b</script>".into();
    let site = plan(&c, Audience::Public);
    let text = String::from_utf8(super::data_json(&c, &site).expect("serialises")).expect("utf-8");
    assert!(!text.contains("<script>"));
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["elements"][0]["uses"][0]["why"], "<script>a & b</script>");
}

#[test]
fn internal_json_keeps_internal_fields() {
    let c = testkit::catalog();
    let site = plan(&c, Audience::Internal);
    let text = String::from_utf8(super::data_json(&c, &site).expect("serialises")).expect("utf-8");
    for marker in [
        "OWNER-MARKER",
        "NOTES-MARKER",
        "XCOL-MARKER",
        "MODEL-INTERNAL-MARKER",
    ] {
        assert!(
            text.contains(marker),
            "{marker} missing from internal data.json"
        );
    }
}
