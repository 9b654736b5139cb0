//! `candor check` as CI runs it: every output format, exceptions, and exit code 2 for
//! invalid `[audit]` configuration or arguments.

mod common;

use common::{candor, copy_site, edit, fixture, read};
use serde_json::Value;

const ALL_RULES: &[&str] = &[
    "demographic-targeting",
    "special-category-condition",
    "criminal-data-authority",
    "consent-not-optional",
    "basis-mismatch",
    "legal-reference-missing",
    "missing-legal-basis",
    "missing-retention",
    "unbounded-retention",
    "retention-no-trigger",
    "vague-purpose",
    "hidden-use",
    "unsafeguarded-transfer",
    "invalid-safeguard",
    "processor-without-dpa",
    "dpia-required",
    "overdue-review",
    "future-date",
    "model-undeclared-input",
    "model-undeclared-training",
    "model-demographic-input",
    "model-excluded-input-used",
    "model-card-incomplete",
    "model-no-group-metrics",
    "unused-record",
    "expired-exception",
    "exception-too-long",
    "stale-exception",
];

fn run(args: &[&str]) -> (i32, String, String) {
    let out = candor().args(args).output().expect("runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn everything() -> String {
    fixture("audit/everything").display().to_string()
}

#[test]
fn text_trips_every_rule_and_ends_with_the_verdict() {
    let (code, out, err) = run(&["check", "--root", &everything()]);
    assert_eq!(code, 1, "{out}\n{err}");
    for rule in ALL_RULES {
        assert!(
            out.contains(&format!("[{rule}]: ")),
            "{rule} missing:\n{out}"
        );
    }
    assert!(
        out.contains("error[demographic-targeting]: `gender` (Gender)"),
        "{out}"
    );
    assert!(
        out.contains("  --> content/inventory/customers.csv:2\n"),
        "{out}"
    );
    assert!(
        out.contains("accepted warning[unbounded-retention]: `consent_log`"),
        "{out}"
    );
    assert!(out.contains("   = accepted: Proof of consent must be kept as long as we may be asked for it. (candor.toml:8, until 2027-06-30)"), "{out}");
    // The expired exception no longer hides search_history.
    assert!(
        out.contains("warning[unbounded-retention]: `search_history`"),
        "{out}"
    );
    let last = out.lines().last().unwrap();
    assert!(
        last.starts_with("check failed: ") && last.ends_with("1 accepted (--fail-on error)"),
        "{last}"
    );
}

#[test]
fn json_is_parseable_and_complete() {
    let (code, out, _) = run(&["check", "--root", &everything(), "--format", "json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["today"], "2026-12-01", "SOURCE_DATE_EPOCH is used");
    assert_eq!(v["passed"], false);
    let findings = v["findings"].as_array().unwrap();
    for rule in ALL_RULES {
        assert!(findings.iter().any(|f| f["rule"] == *rule), "{rule}");
    }
    let open = findings.iter().filter(|f| f["accepted"].is_null()).count();
    let s = &v["summary"];
    assert_eq!(
        s["error"].as_u64().unwrap() + s["warning"].as_u64().unwrap() + s["info"].as_u64().unwrap(),
        open as u64
    );
    assert_eq!(s["accepted"], 1);
}

fn validate_sarif(v: &Value) {
    let path = fixture("../schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&read(&path)).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    // `format` asserted: `helpUri` and `informationUri` must be absolute URIs.
    compiler.enable_format_assertions();
    compiler.add_resource("file:///sarif.json", schema).unwrap();
    let idx = compiler
        .compile("file:///sarif.json", &mut schemas)
        .unwrap();
    if let Err(e) = schemas.validate(v, idx) {
        panic!("SARIF does not match the 2.1.0 schema: {e:#}");
    }
}

#[test]
fn sarif_is_valid_and_points_into_the_repository() {
    let (code, out, _) = run(&["check", "--root", &everything(), "--format", "sarif"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    validate_sarif(&v);
    // Links are absolute, made from Cargo.toml's `repository`, to each rule's heading.
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert!(repository.starts_with("https://"), "{repository}");
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["informationUri"], repository);
    let audit_md = read(&fixture("../../docs/audit.md"));
    for r in driver["rules"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        assert_eq!(
            r["helpUri"],
            format!("{repository}/blob/main/docs/audit.md#{id}")
        );
        assert!(
            audit_md.contains(&format!("\n### `{id}`\n")),
            "{id}: no heading"
        );
    }
    let results = v["runs"][0]["results"].as_array().unwrap();
    let uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    // The tests run in the crate root, so the site folder is prefixed.
    assert!(
        uri.starts_with("tests/fixtures/audit/everything/content/"),
        "{uri}"
    );
    assert!(!uri.contains('\\'));
    // Accepted findings are left out unless asked for (code scanning ignores suppressions).
    assert!(results.iter().all(|r| r.get("suppressions").is_none()));
    let (_, out, _) = run(&[
        "check",
        "--root",
        &everything(),
        "--format",
        "sarif",
        "--include-accepted",
    ]);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    validate_sarif(&v);
    let all = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(all.len(), results.len() + 1);
    assert_eq!(
        all.iter()
            .filter(|r| r.get("suppressions").is_some())
            .count(),
        1
    );
}

#[test]
fn markdown_is_a_pull_request_comment() {
    let (code, out, _) = run(&["check", "--root", &everything(), "--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("### ❌ candor check failed: "), "{out}");
    assert!(out.contains("| Severity | Rule | Where | Finding | How to fix |"));
    assert!(out.contains("`content/inventory/customers.csv:2`"), "{out}");
    assert!(
        out.contains("<details><summary>1 accepted finding"),
        "{out}"
    );
}

#[test]
fn a_passing_site_exits_zero_in_every_format() {
    let site = copy_site("audit/clean");
    let root = site.path().display().to_string();
    for format in ["text", "json", "sarif", "markdown"] {
        let (code, out, err) = run(&["check", "--root", &root, "--format", format]);
        assert_eq!(code, 0, "{format}: {out}{err}");
    }
    let (_, out, _) = run(&["check", "--root", &root]);
    assert_eq!(
        out,
        "check passed: 0 errors, 0 warnings, 0 info, 0 accepted (--fail-on error)\n"
    );
}

#[test]
fn invalid_audit_configuration_is_exit_2_with_suggestions() {
    let site = copy_site("audit/everything");
    let root = site.path().display().to_string();
    edit(
        site.path(),
        "candor.toml",
        "rule = \"missing-retention\"",
        "rule = \"missing-retension\"",
    );
    edit(
        site.path(),
        "candor.toml",
        "reason = \"Gender used to be kept without a policy.\"\n",
        "",
    );
    edit(
        site.path(),
        "candor.toml",
        "element = \"consent_log\"",
        "element = \"consent_logs\"",
    );
    let (code, out, err) = run(&["check", "--root", &root]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty(), "no report on invalid input: {out}");
    assert!(
        err.contains("unknown audit rule `missing-retension`"),
        "{err}"
    );
    assert!(err.contains("did you mean `missing-retention`?"), "{err}");
    assert!(err.contains("has no reason"), "{err}");
    assert!(err.contains("unknown element `consent_logs`"), "{err}");
    assert!(err.contains("did you mean `consent_log`?"), "{err}");
    assert!(err.contains("--> candor.toml:10"), "{err}");
}

#[test]
fn bad_arguments_are_exit_2() {
    let root = everything();
    assert_eq!(run(&["check", "--root", &root, "--format", "xml"]).0, 2);
    assert_eq!(run(&["check", "--root", &root, "--fail-on", "info"]).0, 2);
    let (code, _, err) = run(&["check", "--root", &root, "--today", "31.12.2026"]);
    assert_eq!(code, 2);
    assert!(err.contains("expected a date like"), "{err}");
}

#[test]
fn today_moves_reviews_and_exception_expiry() {
    // On 2026-06-30 the search_history exception still applies, and fewer reviews are due.
    let (_, out, _) = run(&[
        "check",
        "--root",
        &everything(),
        "--format",
        "json",
        "--today",
        "2026-06-30",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["today"], "2026-06-30");
    assert_eq!(v["summary"]["accepted"], 2);
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.iter().any(|f| f["rule"] == "expired-exception"));
}

#[test]
fn the_starter_site_from_init_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().display().to_string();
    assert_eq!(run(&["init", &root]).0, 0);
    let (code, out, err) = run(&["check", "--root", &root, "--fail-on", "warning"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn the_demo_passes_check_with_every_warning_fixed_or_accepted() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (code, out, err) = run(&[
        "check",
        "--root",
        root,
        "--fail-on",
        "warning",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(findings
        .iter()
        .all(|f| !f["accepted"]["reason"].as_str().unwrap_or("").is_empty()));
    assert!(
        findings
            .iter()
            .all(|f| f["accepted"]["expires"].is_string()),
        "every exception has a date to look again"
    );
}

/// A site with thousands of bad rows does not print thousands of diagnostics: the first 200,
/// then how many more there are; `--max-errors 0` prints them all. The count covers all.
#[test]
fn printed_errors_are_capped_with_a_count_of_the_rest() {
    let site = copy_site("site");
    let path = site.path().join("content/inventory/customers.csv");
    let mut text = read(&path);
    for i in 0..300 {
        text.push_str(&format!(
            "bad_{i},Bad {i},user.contact.email,customer,provided,shop,essential.service,Why.,not_a_basis,required,account,,,2026-09-01,,\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let errors = |extra: &[&str]| {
        let o = candor()
            .args(["check", "--root"])
            .arg(site.path())
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    let capped = errors(&[]);
    assert_eq!(
        capped.matches("\nerror: ").count() + 1,
        200,
        "{}",
        &capped[..500]
    );
    assert!(
        capped.contains("... and 100 more errors not shown (`--max-errors 0` shows all)"),
        "{}",
        &capped[capped.len() - 500..]
    );
    assert!(capped.contains("300 errors found"));
    let all = errors(&["--max-errors", "0"]);
    assert_eq!(all.matches("\nerror: ").count() + 1, 300);
    assert!(!all.contains("more errors not shown"));
    let few = errors(&["--max-errors", "3"]);
    assert_eq!(few.matches("\nerror: ").count() + 1, 3);
    assert!(few.contains("... and 297 more errors"));
}

#[test]
fn json_and_sarif_print_an_error_document_on_exit_2() {
    let site = copy_site("audit/clean");
    let root = site.path().display().to_string();
    edit(site.path(), "candor.toml", "title =", "titel =");
    let (code, out, err) = run(&["check", "--root", &root, "--format", "json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown key `titel`"), "{err}");
    let v: Value = serde_json::from_str(&out).expect("a JSON document on stdout");
    assert_eq!(v["passed"], false);
    let e = &v["errors"][0];
    assert_eq!(e["file"], "candor.toml");
    assert_eq!(e["line"], 1);
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .ends_with("unknown key `titel`"),
        "{e}"
    );
    assert_eq!(e["help"], "did you mean `title`?");

    let (code, out, _) = run(&["check", "--root", &root, "--format", "sarif"]);
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&out).expect("a SARIF document on stdout");
    validate_sarif(&v);
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let n = &inv["toolExecutionNotifications"][0];
    assert_eq!(n["level"], "error");
    assert_eq!(
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "candor.toml"
    );
    assert_eq!(
        n["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );

    // Text stays on standard error only.
    let (code, out, _) = run(&["check", "--root", &root]);
    assert_eq!((code, out.as_str()), (2, ""));
}
