//! Tests of every output format on one audit with an error, a warning, an info and an
//! accepted finding.

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use super::*;
use crate::audit::testing::{Site, TODAY};
use crate::audit::{audit, Exception, FailOn, Settings};
use crate::diag::Origin;

/// gender for ads (error), an indefinite policy on `email` (warning, accepted), another on
/// `phone` (warning), an unused system (info), and a recipient name with Markdown and HTML in it.
fn sample() -> Audit {
    let mut s = Site::new();
    let forever = s.policy("forever", None);
    s.system("crm");
    let odd = s.recipient("odd", "US", "");
    s.element("gender", "user.demographic.gender");
    s.use_("gender", "marketing.advertising.first_party.targeted");
    s.element("email", "user.contact.email");
    s.use_("email", "essential.service").retention = Some(forever);
    s.element("phone", "user.contact.phone_number");
    s.use_("phone", "essential.service").retention = Some(forever);
    let u = s.use_("phone", "essential.service.notifications.sms");
    u.shared_with = vec![odd];
    s.cat.recipients[odd].name = "A|B <script>".into();
    let mut settings = Settings::default();
    settings.exceptions.push(Exception {
        rule: "unbounded-retention",
        element: Some("email".into()),
        model: None,
        reason: "Consent records must outlive the account.".into(),
        expires: Some(jiff::civil::date(2027, 6, 30)),
        origin: Origin::new(&Arc::from(Path::new("candor.toml")), 12),
    });
    audit(&s.finish(), &settings, TODAY)
}

#[test]
fn text_groups_by_severity_with_locations_hints_and_verdict() {
    let a = sample();
    let t = text(&a, FailOn::Error);
    let first_error = t.find("error[demographic-targeting]").expect(&t);
    let first_warning = t.find("warning[").expect(&t);
    let first_info = t.find("info[unused-record]").expect(&t);
    let accepted = t.find("accepted warning[unbounded-retention]").expect(&t);
    assert!(first_error < first_warning && first_warning < first_info && first_info < accepted);
    assert!(
        t.contains("  --> content/inventory/data.csv:2\n   = help: target stated interests"),
        "{t}"
    );
    // Why the rule exists: in full the first time, then only its law.
    assert!(
        t.contains("   = why: Targeting people by gender, age, income, health or similar traits"),
        "{t}"
    );
    assert!(
        t.contains("[Seed principle: target stated interests, not demographics;"),
        "{t}"
    );
    let unbounded = "   = why: The most secure data is data that is no longer stored";
    assert_eq!(t.matches(unbounded).count(), 1, "{t}");
    assert!(
        t.contains("   = why: GDPR Art. 5(1)(e); seed principle: keep only as long as needed\n"),
        "{t}"
    );
    assert!(t.contains("   = accepted: Consent records must outlive the account. (candor.toml:12, until 2027-06-30)"), "{t}");
    assert!(
        t.ends_with("check failed: 1 error, 2 warnings, 1 info, 1 accepted (--fail-on error)\n"),
        "{t}"
    );
    assert!(text(&a, FailOn::Never).contains("check passed:"));
}

#[test]
fn json_has_the_documented_shape() {
    let a = sample();
    let v: Value = serde_json::from_str(&json(&a, FailOn::Warning)).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["tool"]["name"], "candor");
    assert_eq!(v["today"], "2026-11-30");
    assert_eq!(v["fail_on"], "warning");
    assert_eq!(v["passed"], false);
    assert_eq!(v["summary"]["error"], 1);
    assert_eq!(v["summary"]["warning"], 2);
    assert_eq!(v["summary"]["info"], 1);
    assert_eq!(v["summary"]["accepted"], 1);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5);
    let f = &findings[0];
    assert_eq!(f["rule"], "demographic-targeting");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["file"], "content/inventory/data.csv");
    assert_eq!(f["line"], 2);
    assert_eq!(f["element"], "gender");
    assert_eq!(f["model"], Value::Null);
    assert_eq!(f["accepted"], Value::Null);
    assert!(f["hint"].as_str().unwrap().contains("stated interests"));
    let last = &findings[4];
    assert_eq!(
        last["accepted"]["reason"],
        "Consent records must outlive the account."
    );
    assert_eq!(last["accepted"]["expires"], "2027-06-30");
    assert_eq!(last["accepted"]["file"], "candor.toml");
    assert_eq!(last["accepted"]["line"], 12);
}

fn sarif_schema_validate(instance: &Value) -> Result<(), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = "file:///sarif-schema-2.1.0.json";
    compiler.add_resource(url, schema).unwrap();
    let idx = compiler
        .compile(url, &mut schemas)
        .map_err(|e| e.to_string())?;
    schemas
        .validate(instance, idx)
        .map_err(|e| format!("{e:#}"))
}

#[test]
fn sarif_validates_against_the_2_1_0_schema_and_has_what_github_reads() {
    let a = sample();
    let v: Value = serde_json::from_str(&sarif(&a, "site/", true)).unwrap();
    sarif_schema_validate(&v).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), crate::audit::RULES.len());
    for r in rules {
        for key in ["id", "name"] {
            assert!(r[key].is_string(), "{r}");
        }
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(!r[key]["text"].as_str().unwrap().is_empty(), "{r}");
        }
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    let first = &results[0];
    assert_eq!(first["ruleId"], "demographic-targeting");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "demographic-targeting"
    );
    assert_eq!(first["level"], "error");
    let loc = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "site/content/inventory/data.csv"
    );
    assert_eq!(loc["region"]["startLine"], 2);
    let info = results
        .iter()
        .find(|r| r["ruleId"] == "unused-record")
        .unwrap();
    assert_eq!(info["level"], "note");
    let accepted = &results[4];
    assert_eq!(accepted["suppressions"][0]["kind"], "external");
    assert_eq!(
        accepted["suppressions"][0]["justification"],
        "Consent records must outlive the account."
    );
    assert!(first.get("suppressions").is_none());
}

#[test]
fn the_schema_check_can_fail() {
    let a = sample();
    let mut v: Value = serde_json::from_str(&sarif(&a, "", true)).unwrap();
    v["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(sarif_schema_validate(&v).is_err());
}

#[test]
fn markdown_is_a_table_with_escaped_cells_and_folded_exceptions() {
    let a = sample();
    let md = markdown(&a, FailOn::Error);
    assert!(
        md.starts_with("### ❌ candor check failed: 1 error, 2 warnings, 1 info, 1 accepted\n"),
        "{md}"
    );
    assert!(
        md.contains("| ❌ error | `demographic-targeting` | `content/inventory/data.csv:2` |"),
        "{md}"
    );
    assert!(md.contains("A\\|B &lt;script&gt;"), "{md}");
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("<details><summary>1 accepted finding (documented exceptions)</summary>"));
    assert!(
        md.contains("| Consent records must outlive the account. | 2027-06-30 |"),
        "{md}"
    );
    // Every table row has the same number of unescaped pipes as its header.
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        let pipes = line.replace("\\|", "").matches('|').count();
        assert!(pipes == 6, "{line}");
    }
}

#[test]
fn render_dispatches_and_paths_use_forward_slashes() {
    let a = sample();
    let o = Options {
        fail_on: FailOn::Error,
        uri_prefix: String::new(),
        include_accepted: false,
    };
    assert_eq!(render(Format::Text, &a, &o), text(&a, FailOn::Error));
    assert!(render(Format::Sarif, &a, &o).contains("\"uri\": \"content/inventory/data.csv\""));
    assert_eq!(
        slash_path(Path::new("./content/models/x.md")),
        "content/models/x.md"
    );
}
