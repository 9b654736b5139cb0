//! The audit in a build: an internal build gets an `audit/` page (findings by severity and by
//! rule, linked to their element and model pages, and the reviews due) and findings on each
//! element and model page; a public build gets none of it, even when handed the audit.

mod common;

use std::path::Path;

use candor::config::Audience;
use candor::pipeline::audit_for_build;
use candor::site::audit::SiteAudit;
use common::links::assert_links_resolve;
use common::render::{rendered, Rendered};
use common::run_build;

fn build(root: &Path, audience: Audience) -> Rendered {
    let catalog = candor::load_catalog(root).expect("site loads");
    let today = jiff::civil::date(2026, 12, 1);
    let (audit, reviews) = audit_for_build(&catalog, today).expect("audit config is valid");
    let site = candor::site::plan(&catalog, audience)
        .with_audit(SiteAudit::new(&catalog, &audit, reviews));
    rendered(root, &site, &catalog)
}

#[test]
fn internal_build_has_the_audit_page_and_findings_on_pages() {
    let out = build(&common::fixture("audit/everything"), Audience::Internal);
    let page = &out["audit/index.html"];
    for text in [
        "id=\"sev-error\"",
        "id=\"sev-warning\"",
        "id=\"sev-info\"",
        "id=\"accepted\"",
        "id=\"rule-demographic-targeting\"",
        "Proof of consent must be kept as long as we may be asked for it.",
        "id=\"reviews\"",
    ] {
        assert!(page.contains(text), "audit page lacks {text}");
    }
    // Each finding links to its element or model page.
    assert!(
        page.contains("href=\"../data/gender/index.html\""),
        "{page}"
    );
    assert!(page.contains("href=\"../models/stylist/index.html\""));
    // Reviews due: never-reviewed churn card first, then the stale email use.
    let churn = page
        .find("content/models/churn.md:2</code></td>")
        .expect("churn due");
    let email = page
        .find("content/inventory/customers.csv:7</code></td>")
        .expect("email due");
    assert!(churn < email, "ordered by due date");
    // Element and model pages show their own findings, and only theirs.
    let gender = &out["data/gender/index.html"];
    assert!(gender.contains("Audit findings"));
    assert!(gender.contains("<code>demographic-targeting</code>"));
    assert!(!gender.contains("<code>sensitive-basis</code>"));
    let stylist = &out["models/stylist/index.html"];
    assert!(stylist.contains("<code>model-excluded-input-used</code>"));
    let orders = &out["data/order_history/index.html"];
    assert!(
        orders.contains("<code>model-undeclared-training</code>"),
        "a model finding about an element shows on both pages"
    );
    assert!(!orders.contains("<code>model-excluded-input-used</code>"));
    assert!(
        out["index.html"].contains("href=\"audit/index.html\""),
        "nav links the audit"
    );
    assert_links_resolve(&out);
}

#[test]
fn public_build_has_no_audit_detail() {
    let root = common::fixture("audit/everything");
    let out = build(&root, Audience::Public);
    assert!(!out.keys().any(|p| p.starts_with("audit/")));
    for (path, text) in &out {
        for marker in [
            "demographic-targeting",
            "unbounded-retention",
            "Audit findings",
            "audit/index.html",
            "Proof of consent must be kept",
            "Fix:",
        ] {
            assert!(!text.contains(marker), "{marker:?} leaked into {path}");
        }
    }
}

#[test]
fn the_demo_internal_build_links_resolve_with_the_audit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = build(root, Audience::Internal);
    // How many findings the demo's exceptions accept, as `candor check` reports them.
    let check = common::candor()
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .output()
        .expect("run candor check");
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).expect("JSON");
    let findings = report["findings"].as_array().expect("findings");
    let accepted = findings.iter().filter(|f| !f["accepted"].is_null()).count();
    assert_eq!(report["summary"]["accepted"], accepted, "{report}");
    assert!(accepted > 0, "the demo accepts some findings");
    let page = &out["audit/index.html"];
    assert!(page.contains(&format!("{accepted} accepted")), "{page}");
    let heading = format!("id=\"accepted\">Accepted, with reason ({accepted})</h2>");
    assert!(page.contains(&heading), "{page}");
    assert_links_resolve(&out);
}

#[test]
fn build_runs_the_audit_prints_a_summary_and_never_fails_on_findings() {
    let root = common::fixture("audit/everything");
    let tmp = tempfile::tempdir().unwrap();
    let (code, err) = run_build(
        &root,
        &tmp.path().join("internal"),
        &["--audience", "internal"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("audit: 10 errors, 18 warnings, 5 info, 1 accepted (details: candor check)"),
        "{err}"
    );
    let page = common::read(&tmp.path().join("internal/audit/index.html"));
    assert!(page.contains("id=\"rule-model-undeclared-input\""));
    // Each rule that fired says why it exists and which law it enforces.
    assert!(
        page.contains("<th scope=\"col\">Why it matters</th>"),
        "{page}"
    );
    assert!(page.contains("GDPR Art. 9(1)-(2)"), "{page}");
    assert!(page.contains("Seed principle: target stated interests, not demographics"));
    // The DPIA screen: what each high-risk use and model meets, and what covers it.
    assert!(page.contains("<h2 id=\"dpia\">DPIA screen</h2>"), "{page}");
    assert!(page.contains(
        "3 of 9: special category or criminal data, vulnerable subjects, innovative technology"
    ));
    assert!(page.contains("DPIA needed; none recorded"));
    assert!(
        page.contains("DPIA needed; covered by dpia-2026-01"),
        "{page}"
    );

    let (code, err) = run_build(&root, &tmp.path().join("public"), &["--audience", "public"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("audit: 10 errors"),
        "the summary is printed for public builds too"
    );
    assert!(!tmp.path().join("public/audit").exists());
}

#[test]
fn build_with_an_invalid_audit_section_is_invalid_input() {
    let site = common::copy_site("audit/everything");
    common::edit(
        site.path(),
        "candor.toml",
        "rule = \"missing-retention\"",
        "rule = \"no-such-rule\"",
    );
    let (code, err) = run_build(
        site.path(),
        &site.path().join("public"),
        &["--audience", "public"],
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown audit rule `no-such-rule`"), "{err}");
    assert!(!site.path().join("public").exists(), "nothing written");
}
