//! SARIF as GitHub code scanning reads it: alerts are matched across runs by
//! `partialFingerprints`, so a finding keeps its fingerprint when other rows of its file are
//! edited or inserted above it; accepted findings are absent (code scanning ignores
//! `suppressions`); paths are relative to the git checkout, wherever `--root` points from.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{candor, copy_dir, fixture, read, write};
use serde_json::Value;

/// A checkout `x/` (with a `.git` folder) holding the `audit/everything` site in `x/site/`.
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(tmp.path().join("x/.git")).expect("mkdir");
    copy_dir(&fixture("audit/everything"), &tmp.path().join("x/site"));
    tmp
}

/// `candor check --format sarif` run from `cwd` with `--root root`.
fn sarif(cwd: &Path, root: &str) -> Value {
    let out = candor()
        .current_dir(cwd)
        .args(["check", "--root", root, "--format", "sarif"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{:?}", out);
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Fingerprint -> (rule, uri, line) of every result.
fn alerts(v: &Value) -> BTreeMap<String, (String, String, u64)> {
    v["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                r["partialFingerprints"]["candorFinding/v1"]
                    .as_str()
                    .expect("a fingerprint")
                    .to_string(),
                (
                    r["ruleId"].as_str().unwrap_or("").to_string(),
                    loc["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                    loc["region"]["startLine"].as_u64().unwrap_or(0),
                ),
            )
        })
        .collect()
}

#[test]
fn paths_are_relative_to_the_git_checkout_wherever_root_is_given_from() {
    let tmp = repo();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let v = sarif(&elsewhere, "../x/site");
    let uris: Vec<String> = alerts(&v).into_values().map(|(_, uri, _)| uri).collect();
    assert!(!uris.is_empty());
    // The checkout is x/, so the paths start at site/ (not ../x/site/, not content/).
    assert!(uris.iter().all(|u| u.starts_with("site/")), "{uris:?}");
    let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(loc["uriBaseId"], "SRCROOT");
    assert!(v["runs"][0]["originalUriBaseIds"]["SRCROOT"].is_object());
    assert!(v["runs"][0]["tool"]["driver"]["informationUri"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));
}

#[test]
fn fingerprints_survive_edits_elsewhere_in_the_file_and_accepted_findings_are_absent() {
    let tmp = repo();
    let x = tmp.path().join("x");
    let before = alerts(&sarif(&x, "site"));
    // Every fingerprint is distinct: no two alerts would be merged.
    assert_eq!(
        before.len(),
        sarif(&x, "site")["runs"][0]["results"]
            .as_array()
            .map_or(0, Vec::len)
    );
    // The accepted findings (exceptions for consent_log, search_history and gender) are absent.
    let text = read(&x.join("site/candor.toml"));
    assert!(text.contains("element = \"consent_log\""));
    let v = sarif(&x, "site");
    assert!(v["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .all(|r| r.get("suppressions").is_none()));

    // Insert a harmless row right under the header: every later row moves down one line.
    let csv = x.join("site/content/inventory/customers.csv");
    let old = read(&csv);
    let (header, rows) = old.split_once('\n').expect("a header");
    let extra = "newsletter_opt_in,Newsletter opt-in,user.contact.email,customer,provided,shop,essential.service,To send the newsletter you asked for.,consent,optional,account,,Marketing,2026-10-01";
    write(
        &x.join("site"),
        "content/inventory/customers.csv",
        format!("{header}\n{extra}\n{rows}"),
    );
    let after = alerts(&sarif(&x, "site"));

    let mut moved = 0;
    for (fp, (rule, uri, line)) in &before {
        let Some((rule2, uri2, line2)) = after.get(fp) else {
            panic!("{rule} at {uri}:{line} lost its fingerprint after an edit elsewhere");
        };
        assert_eq!((rule, uri), (rule2, uri2));
        if uri.ends_with("customers.csv") {
            assert_eq!(*line2, line + 1, "{rule} moved with its row");
            moved += 1;
        }
    }
    assert!(moved > 0, "some findings are in the edited file");
}
