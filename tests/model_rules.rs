//! Every model-card rule of `candor check`, end to end: a small site whose card trips it and a
//! near miss that must not, each written to a temporary directory and checked by the binary.
//! Asserts the rule id, its severity, its law and the card line it points at.

mod common;

use common::{candor, write};
use serde_json::Value;

const HEADER: &str = "element,name,category,subjects,source,purpose,why,legal_basis,necessity,retention,visibility,last_reviewed,special_category_condition";

/// A clean card: a minimal-risk recommender that assists, fed by `orders` used for
/// `personalize`, with group metrics within the gap.
const CARD: &str = "---
name: Recommender
status: production
owners: [Shop team]
intended_use: Suggest products a customer may like.
purposes: [personalize.content]
risk_class: minimal
decisions: assists
significant_effect: false
inputs:
  - orders
limitations: [Cold start for new customers.]
ethical_considerations:
  - risk: Narrowing what people see.
    mitigation: A share of suggestions from outside their history.
metrics:
  - {name: accuracy, value: 0.91, slice: all}
  - {name: accuracy, value: 0.88, slice: women}
last_reviewed: 2026-10-01
---
About the model.
";

/// Inventory rows, element first: `orders` used for `personalize`.
const ORDERS: &str = "orders,Orders,user.behavior.purchase_history,customer,observed,personalize,We suggest products from what you ordered.,legitimate_interests,optional,two_years,public,2026-10-01,";

struct Site {
    rows: Vec<String>,
    card: String,
    toml: String,
}

#[derive(Debug)]
struct Hit {
    rule: String,
    severity: String,
    line: u64,
    law: String,
    message: String,
}

impl Site {
    fn new() -> Site {
        Site {
            rows: vec![ORDERS.to_string()],
            card: CARD.to_string(),
            toml: "title = \"Mini\"\norganisation = \"Mini B.V.\"\n".into(),
        }
    }

    fn row(mut self, row: &str) -> Site {
        self.rows.push(row.into());
        self
    }

    /// Replaces `from` in the card (which must contain it) by `to`.
    fn set(mut self, from: &str, to: &str) -> Site {
        assert!(self.card.contains(from), "card lacks {from:?}");
        self.card = self.card.replacen(from, to, 1);
        self
    }

    fn toml(mut self, more: &str) -> Site {
        self.toml.push_str(more);
        self
    }

    /// The file line of the first card line containing `needle`.
    fn line(&self, needle: &str) -> u64 {
        let i = self.card.lines().position(|l| l.contains(needle));
        i.expect("needle in card") as u64 + 1
    }

    fn check(&self) -> Vec<Hit> {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, "candor.toml", &self.toml);
        write(
            root,
            "content/inventory/data.csv",
            format!("{HEADER}\n{}\n", self.rows.join("\n")),
        );
        write(
            root,
            "content/retention.csv",
            "id,name,duration,trigger,disposal,legal_reference,description\ntwo_years,Two years,P2Y,last order,delete,,\n",
        );
        write(root, "content/models/rec.md", &self.card);
        let out = candor()
            .args(["check", "--format", "json", "--fail-on", "never", "--root"])
            .arg(root)
            .output()
            .expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_str(&stdout).expect("JSON");
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| Hit {
                rule: f["rule"].as_str().unwrap_or("").into(),
                severity: f["severity"].as_str().unwrap_or("").into(),
                line: f["line"].as_u64().unwrap_or(0),
                law: f["law"].as_str().unwrap_or("").into(),
                message: f["message"].as_str().unwrap_or("").into(),
            })
            .collect()
    }
}

/// Asserts `rule` fired exactly at `lines` of the card with `severity`, citing its law.
fn trips(hits: &[Hit], rule: &str, severity: &str, lines: &[u64]) {
    let got: Vec<(&str, &str, u64)> = hits
        .iter()
        .filter(|h| h.rule == rule)
        .map(|h| (h.severity.as_str(), "content/models/rec.md", h.line))
        .collect();
    let want: Vec<_> = lines
        .iter()
        .map(|&l| (severity, "content/models/rec.md", l))
        .collect();
    assert_eq!(got, want, "{hits:#?}");
    assert!(hits
        .iter()
        .filter(|h| h.rule == rule)
        .all(|h| !h.law.is_empty()));
}

fn quiet(hits: &[Hit], rule: &str) {
    let got: Vec<_> = hits.iter().filter(|h| h.rule == rule).collect();
    assert!(got.is_empty(), "{rule}: {got:#?}");
}

/// The model rules this file covers.
const MODEL_RULES: &[&str] = &[
    "model-excluded-input-used",
    "model-undeclared-evaluation",
    "model-purpose-creep",
    "model-group-gap",
    "model-risk-class",
    "automated-decision",
    "public-card-internal-input",
    "model-demographic-input",
];

#[test]
fn the_clean_card_trips_no_model_rule() {
    let hits = Site::new().check();
    for r in MODEL_RULES {
        quiet(&hits, r);
    }
}

#[test]
fn excluded_input_used_in_training_but_evaluation_by_it_is_fine() {
    let s = Site::new()
        .row("gender,Gender,user.demographic.gender,customer,provided,train_ai_system,We check the model is fair.,consent,optional,two_years,public,2026-10-01,")
        .set(
            "limitations:",
            "excluded_inputs: [gender]\ntraining_data:\n  elements:\n    - orders\n    - gender\nevaluation_data:\n  elements: [gender]\nlimitations:",
        );
    let hits = s.check();
    // Evaluating per gender (to measure the gap) is not using it; training on it is.
    trips(
        &hits,
        "model-excluded-input-used",
        "error",
        &[s.line("    - gender")],
    );
    assert!(hits
        .iter()
        .any(|h| h.message.contains("in `training_data`")));
}

#[test]
fn excluded_input_near_miss_only_excluded() {
    let s = Site::new()
        .row("gender,Gender,user.demographic.gender,customer,provided,essential.service,We address you as you asked.,contract,optional,two_years,public,2026-10-01,")
        .set("limitations:", "excluded_inputs: [gender]\nlimitations:");
    quiet(&s.check(), "model-excluded-input-used");
}

#[test]
fn undeclared_evaluation_trips_on_an_unknown_element() {
    let s = Site::new().set(
        "limitations:",
        "evaluation_data:\n  elements:\n    - orders\n    - survey_answers\nlimitations:",
    );
    let hits = s.check();
    trips(
        &hits,
        "model-undeclared-evaluation",
        "warning",
        &[s.line("survey_answers")],
    );
}

#[test]
fn purpose_creep_trips_on_crash_data_feeding_an_ad_picker() {
    let s = Site::new()
        .row("device_id,Device id,user.device.device_id,customer,observed,analytics.reporting.system,We find out why the app crashes.,legitimate_interests,optional,two_years,public,2026-10-01,")
        .set("purposes: [personalize.content]", "purposes: [marketing.advertising.first_party.targeted]")
        .set("  - orders\n", "  - device_id\n");
    let hits = s.check();
    trips(
        &hits,
        "model-purpose-creep",
        "warning",
        &[s.line("  - device_id")],
    );
    assert!(hits.iter().any(|h| h
        .message
        .contains("declares only for analytics.reporting.system")));
}

#[test]
fn purpose_creep_near_miss_a_use_for_a_parent_purpose() {
    // `orders` is used for `personalize`, a parent of the model's `personalize.content`.
    quiet(&Site::new().check(), "model-purpose-creep");
}

#[test]
fn group_gap_trips_when_a_group_fares_far_worse() {
    let s = Site::new().set("value: 0.88, slice: women", "value: 0.52, slice: women");
    let hits = s.check();
    trips(&hits, "model-group-gap", "warning", &[s.line("metrics:")]);
    let h = hits.iter().find(|h| h.rule == "model-group-gap").unwrap();
    assert!(
        h.message.contains("is 0.52 for women against 0.91 overall"),
        "{}",
        h.message
    );
}

#[test]
fn group_gap_near_miss_overlapping_intervals_are_uncertain() {
    let s = Site::new()
        .set(
            "value: 0.91, slice: all}",
            "value: 0.91, slice: all, ci: [0.85, 0.95]}",
        )
        .set(
            "value: 0.88, slice: women}",
            "value: 0.80, slice: women, ci: [0.62, 0.90]}",
        );
    quiet(&s.check(), "model-group-gap");
}

#[test]
fn group_gap_threshold_comes_from_candor_toml_and_error_rates_are_lower_is_better() {
    let s = Site::new()
        .set(
            "  - {name: accuracy, value: 0.88, slice: women}",
            "  - {name: accuracy, value: 0.88, slice: women}\n  - {name: false_positive_rate, value: 0.02, slice: all}\n  - {name: false_positive_rate, value: 0.05, slice: women}",
        )
        .toml("[audit]\nmax_group_gap = 0.02\n");
    let hits = s.check();
    let gaps: Vec<&str> = hits
        .iter()
        .filter(|h| h.rule == "model-group-gap")
        .map(|h| h.message.as_str())
        .collect();
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    assert!(
        gaps[1].contains("`false_positive_rate` is 0.05 for women"),
        "{gaps:?}"
    );
}

#[test]
fn risk_class_trips_on_a_hiring_model_classed_minimal_and_a_missing_class() {
    let s = Site::new()
        .row("cv,CV,user.workplace,job_applicant,provided,employment.recruitment,We read your CV to decide on an interview.,legitimate_interests,required,two_years,public,2026-10-01,")
        .set("purposes: [personalize.content]", "purposes: [employment.recruitment]")
        .set("  - orders\n", "  - cv\n");
    let hits = s.check();
    trips(&hits, "model-risk-class", "warning", &[s.line("purposes:")]);
    assert!(hits
        .iter()
        .any(|h| h.message.contains("Annex III area `employment`")));
    let s = Site::new().set("risk_class: minimal\n", "");
    trips(
        &s.check(),
        "model-risk-class",
        "warning",
        &[s.line("status:")],
    );
    let s = Site::new().set(
        "risk_class: minimal",
        "risk_class: high\nannex_iii: employment",
    );
    trips(
        &s.check(),
        "model-risk-class",
        "warning",
        &[s.line("risk_class:")],
    );
}

#[test]
fn risk_class_near_miss_a_high_risk_model_with_oversight() {
    let s = Site::new()
        .row("cv,CV,user.workplace,job_applicant,provided,employment.recruitment,We read your CV to decide on an interview.,legitimate_interests,required,two_years,public,2026-10-01,")
        .set("purposes: [personalize.content]", "purposes: [employment.recruitment]")
        .set("  - orders\n", "  - cv\n")
        .set(
            "risk_class: minimal",
            "risk_class: high\nannex_iii: employment\nhuman_oversight: A recruiter reads every application the model ranks low.",
        );
    quiet(&s.check(), "model-risk-class");
}

#[test]
fn automated_decision_trips_without_oversight() {
    let s = Site::new().set(
        "decisions: assists\nsignificant_effect: false",
        "decisions: automated\nsignificant_effect: true",
    );
    trips(
        &s.check(),
        "automated-decision",
        "error",
        &[s.line("decisions:")],
    );
}

#[test]
fn automated_decision_near_miss_with_oversight_or_no_significant_effect() {
    let s = Site::new().set(
        "decisions: assists\nsignificant_effect: false",
        "decisions: automated\nsignificant_effect: true\nhuman_oversight: You can ask a person to decide again; write to appeals@example.com.",
    );
    quiet(&s.check(), "automated-decision");
    let s = Site::new().set("decisions: assists", "decisions: automated");
    quiet(&s.check(), "automated-decision");
}

#[test]
fn public_card_internal_input_trips_on_an_internal_only_element() {
    let s = Site::new()
        .row("staff_notes,Staff notes,user.behavior,customer,observed,personalize,Support staff note what a customer asked for.,legitimate_interests,optional,two_years,internal,2026-10-01,")
        .set("  - orders\n", "  - orders\n  - staff_notes\n");
    trips(
        &s.check(),
        "public-card-internal-input",
        "warning",
        &[s.line("staff_notes")],
    );
}

#[test]
fn public_card_internal_input_near_miss_one_public_row() {
    let s = Site::new()
        .row("staff_notes,Staff notes,user.behavior,customer,observed,personalize,Support staff note what a customer asked for.,legitimate_interests,optional,two_years,internal,2026-10-01,")
        .row("staff_notes,,,,,personalize.content,We suggest products support noted you asked about.,legitimate_interests,optional,two_years,public,2026-10-01,")
        .set("  - orders\n", "  - orders\n  - staff_notes\n");
    quiet(&s.check(), "public-card-internal-input");
}

#[test]
fn demographic_input_trips_on_a_protected_trait() {
    let s = Site::new()
        .row("age,Age,user.demographic.age_range,customer,provided,personalize,We suggest products for your age.,consent,optional,two_years,public,2026-10-01,")
        .set("  - orders\n", "  - orders\n  - age\n");
    trips(
        &s.check(),
        "model-demographic-input",
        "warning",
        &[s.line("  - age")],
    );
}

#[test]
fn health_model_near_miss_heart_rate_is_judged_by_its_art_9_condition() {
    let hr = |condition: &str| {
        Site::new()
            .row(&format!("heart_rate,Heart rate,user.health_and_medical,customer,observed,personalize,We plan your recovery from your heart rate.,consent,optional,two_years,public,2026-10-01,{condition}"))
            .set("  - orders\n", "  - orders\n  - heart_rate\n")
    };
    // With an Art. 9 condition: no model finding, no condition finding.
    let hits = hr("explicit_consent").check();
    quiet(&hits, "model-demographic-input");
    quiet(&hits, "special-category-condition");
    // Without: the question asked is the Art. 9 condition, at the inventory row, not "drop it".
    let hits = hr("").check();
    quiet(&hits, "model-demographic-input");
    assert_eq!(
        hits.iter()
            .filter(|h| h.rule == "special-category-condition")
            .count(),
        1,
        "{hits:#?}"
    );
}

#[test]
fn the_models_audit_fixture_trips_every_model_rule_once() {
    let out = candor()
        .args(["check", "--format", "json", "--fail-on", "never", "--root"])
        .arg(common::fixture("models-audit"))
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    for r in MODEL_RULES {
        assert_eq!(
            rules.iter().filter(|x| *x == r).count(),
            1,
            "{r}: {rules:?}"
        );
    }
    assert_eq!(rules.len(), MODEL_RULES.len(), "{rules:?}");
}

/// Builds the site internally and returns the audit page, the model page and data.json.
fn build_internal(s: &Site) -> (String, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "candor.toml", &s.toml);
    write(
        root,
        "content/inventory/data.csv",
        format!("{HEADER}\n{}\n", s.rows.join("\n")),
    );
    write(
        root,
        "content/retention.csv",
        "id,name,duration,trigger,disposal,legal_reference,description\ntwo_years,Two years,P2Y,last order,delete,,\n",
    );
    write(root, "content/models/rec.md", &s.card);
    let out = root.join("out");
    let status = candor()
        .args(["build", "--audience", "internal", "--root"])
        .arg(root)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    assert!(status.status.success(), "{status:?}");
    let read = |p: &str| std::fs::read_to_string(out.join(p)).expect("page");
    (
        read("audit/index.html"),
        read("models/rec/index.html"),
        read("data.json"),
    )
}

#[test]
fn the_audit_page_summarises_fairness_and_calls_overlapping_gaps_uncertain() {
    let s = Site::new()
        .set(
            "value: 0.91, slice: all}",
            "value: 0.91, slice: all, ci: [0.85, 0.95]}",
        )
        .set(
            "value: 0.88, slice: women}",
            "value: 0.80, slice: women, ci: [0.62, 0.90]}",
        );
    let (audit, model, data) = build_internal(&s);
    let data: Value = serde_json::from_str(&data).expect("data.json");
    let card = &data["models"][0];
    assert_eq!(
        (
            &card["risk_class"],
            &card["decisions"],
            &card["significant_effect"]
        ),
        (
            &Value::from("minimal"),
            &Value::from("assists"),
            &Value::from(false)
        )
    );
    assert_eq!(card["purposes"], serde_json::json!(["personalize.content"]));
    assert!(
        audit.contains("<h2 id=\"fairness\">Fairness by group</h2>"),
        "{audit}"
    );
    assert!(audit.contains("women: 0.8 / 0.91 overall</td><td>0.11</td><td>yes</td><td>uncertain (intervals overlap)</td>"), "{audit}");
    assert!(model.contains("For women the model is right 80% of the time, against 91% overall."));
    assert!(model.contains("but the confidence intervals overlap, so it may be chance."));
}

#[test]
fn the_model_page_never_calls_a_used_input_deliberately_not_used() {
    let s = Site::new()
        .row("gender,Gender,user.demographic.gender,customer,provided,personalize,We check the model is fair.,consent,optional,two_years,public,2026-10-01,")
        .set("  - orders\n", "  - orders\n  - gender\n")
        .set("limitations:", "excluded_inputs: [gender]\nhuman_oversight: A person checks.\nlimitations:")
        .set("purposes: [personalize.content]", "purposes: [personalize]");
    let (_, model, _) = build_internal(&s);
    assert!(model.contains("<div><dt>Deliberately not used</dt><dd><span class=\"muted\">None listed</span></dd></div>"), "{model}");
    assert!(model.contains("Listed as not used, but the card also says the model uses or learns from it: <a href=\"../../data/gender/index.html\">Gender</a>"));
    assert!(model.contains("<dt>Risk class</dt><dd>Minimal risk under the EU AI Act</dd>"));
    assert!(
        model.contains("<dt>Human oversight</dt><dd><a href=\"#oversight-h\">Yes, see below</a>")
    );
    // Purposes link to their pages (a purpose no use has has no page, and is not linked).
    assert!(
        model.contains(
            "<dt>What it serves</dt><dd><a href=\"../../purposes/personalize/index.html\">"
        ),
        "{model}"
    );
}
