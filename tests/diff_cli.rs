//! `candor diff OLD NEW`: plain-language changes in three formats, findings from both audits,
//! exit 0 whatever changed and 2 when either site is invalid.

mod common;

use common::{candor, copy_site, edit};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const CUSTOMERS: &str = "content/inventory/customers.csv";

/// Two copies of the fixture site; the second starts collecting date of birth for
/// advertising, changes a legal basis and shares delivery addresses with the mailer.
fn sites() -> (tempfile::TempDir, tempfile::TempDir) {
    let old = copy_site("site");
    let new = copy_site("site");
    let path = new.path().join(CUSTOMERS);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "date_of_birth,Date of birth,user.demographic.date_of_birth,customer,provided,shop,\
         marketing.advertising,To show ads suited to your age.,consent,optional,account,,,2026-11-01,,\n",
    );
    std::fs::write(&path, text).unwrap();
    edit(
        new.path(),
        CUSTOMERS,
        "contract,required,orders,carrier,",
        "legitimate_interests,required,orders,carrier;mailer,",
    );
    (old, new)
}

#[test]
fn text_lists_changes_and_findings() {
    let (old, new) = sites();
    let out = candor()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for expected in [
        "Sensitive data\n",
        "+ starts collecting Date of birth for marketing.advertising (consent)  [content/inventory/customers.csv:7]",
        "~ uses Delivery address for essential.service on legitimate_interests instead of contract",
        "~ starts sharing Delivery address for essential.service with Postbox Mail Inc. (United States)",
        "Findings introduced\n",
        "+ error demographic-targeting at content/inventory/customers.csv:7",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert!(out.contains("(audited as of 2026-12-01)"), "{out}");
}

#[test]
fn json_and_markdown_for_scripts_and_pull_requests() {
    let (old, new) = sites();
    let out = candor()
        .args(["diff", "--format", "json", "--today", "2026-12-02"])
        .arg(old.path())
        .arg(new.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["today"], "2026-12-02");
    assert_eq!(v["summary"]["elements_added"], 1);
    assert_eq!(v["summary"]["findings_introduced"], 1);
    assert_eq!(
        v["findings"]["introduced"][0]["rule"],
        "demographic-targeting"
    );
    assert_eq!(v["changes"][0]["kind"], "element_added");
    assert_eq!(v["changes"][0]["sensitive"], true);

    candor()
        .args(["diff", "-f", "markdown"])
        .arg(old.path())
        .arg(new.path())
        .assert()
        .success()
        .stdout(contains("<!-- candor-diff -->"))
        .stdout(contains("#### ⚠️ Sensitive data"))
        .stdout(contains("| Data elements | 1 | 0 | 0 |"))
        .stdout(contains("`demographic-targeting`"));
}

#[test]
fn new_root_defaults_to_the_current_directory() {
    let (old, new) = sites();
    candor()
        .current_dir(new.path())
        .arg("diff")
        .arg(old.path())
        .assert()
        .success()
        .stdout(contains("-> . (audited"))
        .stdout(contains("starts collecting Date of birth"));
}

#[test]
fn the_public_view_leaves_internal_rows_and_findings_out() {
    let (old, new) = sites();
    edit(
        new.path(),
        "content/inventory/staff.csv",
        "To let staff into the warehouse.",
        "To let staff into the warehouse and the office.",
    );
    let internal = candor()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&internal).contains("and the office"));
    candor()
        .args(["diff", "--audience", "public"])
        .arg(old.path())
        .arg(new.path())
        .assert()
        .success()
        .stdout(contains("starts collecting Date of birth"))
        .stdout(contains("and the office").not())
        .stdout(contains("Findings introduced").not());
}

#[test]
fn an_invalid_site_on_either_side_exits_2_naming_it() {
    let (old, new) = sites();
    edit(old.path(), CUSTOMERS, "legal_basis", "legal_bassis");
    edit(new.path(), "content/retention.csv", "P30D", "thirty days");
    let assert = candor()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .assert()
        .code(2)
        .stdout("");
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let old_file = old.path().join(CUSTOMERS);
    let new_file = new.path().join("content/retention.csv");
    assert!(err.contains(&format!("{}:1", old_file.display())), "{err}");
    assert!(err.contains(&format!("{}:2", new_file.display())), "{err}");
}

#[test]
fn a_missing_old_root_is_an_input_error() {
    let (_, new) = sites();
    candor()
        .args(["diff", "/nonexistent/candor-old-site"])
        .arg(new.path())
        .assert()
        .code(2)
        .stderr(contains("candor-old-site"));
}
