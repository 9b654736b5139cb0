//! `candor check` end to end, one rule at a time: a small edit to a clean site triggers the
//! rule at the expected file and line, and a near miss does not.

mod common;

use std::path::Path;

use common::{candor, copy_site, edit, write};
use serde_json::Value;

const INVENTORY: &str = "content/inventory/customers.csv";
const CARD: &str = "content/models/recommender.md";

/// Runs `check --format json` and returns the exit code and the parsed report.
fn check(site: &Path, extra: &[&str]) -> (i32, Value) {
    let out = candor()
        .args(["check", "--format", "json", "--root"])
        .arg(site)
        .args(extra)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().expect("exit code"), report)
}

/// `file:line` of every finding of `rule`.
fn locations(report: &Value, rule: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| format!("{}:{}", f["file"].as_str().unwrap(), f["line"]))
        .collect()
}

fn append(site: &Path, file: &str, line: &str) {
    let path = site.join(file);
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str(line);
    text.push('\n');
    write(site, file, text);
}

const GENDER_ADS: &str = "gender,Gender,user.demographic.gender,customer,provided,shop,marketing.advertising.first_party.targeted,To show ads that fit you.,consent,optional,account,,Marketing,2026-10-01";

struct Case {
    rule: &'static str,
    /// Edits the clean site so the rule fires.
    trigger: fn(&Path),
    /// Where it must fire.
    at: &'static str,
    /// A similar edit that must not fire it.
    near_miss: fn(&Path),
    /// Extra arguments for both runs.
    args: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            rule: "demographic-targeting",
            trigger: |s| append(s, INVENTORY, GENDER_ADS),
            at: "content/inventory/customers.csv:5",
            near_miss: |s| {
                append(
                    s,
                    INVENTORY,
                    &GENDER_ADS.replace(
                        "marketing.advertising.first_party.targeted,To show ads that fit you.",
                        "essential.service,To address you the way you asked.",
                    ),
                )
            },
            args: &[],
        },
        Case {
            rule: "special-category-condition",
            trigger: |s| {
                append(s, INVENTORY, "fingerprint,Fingerprint,user.biometric.fingerprint,employee,provided,shop,essential.service.authentication,To let staff clock in.,legitimate_interests,required,account,,Facilities,2026-10-01")
            },
            at: "content/inventory/customers.csv:5",
            near_miss: |s| {
                // The same use with a staff badge: not special-category data. (A biometric
                // use with its Art. 9(2) condition is in tests/audit_rules.rs.)
                append(s, INVENTORY, "badge,Badge number,user.unique_id,employee,provided,shop,essential.service.authentication,To let staff clock in.,legitimate_interests,required,account,,Facilities,2026-10-01")
            },
            args: &[],
        },
        Case {
            rule: "missing-retention",
            trigger: |s| edit(s, INVENTORY, "required,account,mailer", "required,,mailer"),
            at: "content/inventory/customers.csv:2",
            near_miss: |s| {
                edit(
                    s,
                    INVENTORY,
                    "required,account,mailer",
                    "required,orders,mailer",
                )
            },
            args: &[],
        },
        Case {
            rule: "unbounded-retention",
            trigger: |s| edit(s, "content/retention.csv", "P6Y", "indefinite"),
            at: "content/inventory/customers.csv:3",
            near_miss: |s| edit(s, "content/retention.csv", "P6Y", "P99Y"),
            args: &[],
        },
        Case {
            rule: "missing-legal-basis",
            trigger: |s| edit(s, INVENTORY, "contract,required,orders", ",required,orders"),
            at: "content/inventory/customers.csv:3",
            near_miss: |s| {
                edit(
                    s,
                    INVENTORY,
                    "contract,required,orders",
                    "legal_obligation,required,orders",
                )
            },
            args: &[],
        },
        Case {
            rule: "vague-purpose",
            trigger: |s| {
                edit(
                    s,
                    INVENTORY,
                    "essential.service.notifications.email",
                    "essential",
                )
            },
            at: "content/inventory/customers.csv:2",
            near_miss: |s| {
                edit(
                    s,
                    INVENTORY,
                    "essential.service.notifications.email",
                    "essential.service",
                )
            },
            args: &[],
        },
        Case {
            rule: "unsafeguarded-transfer",
            trigger: |s| edit(s, "content/recipients.csv", "Germany,,", "United States,,"),
            at: "content/inventory/customers.csv:2",
            near_miss: |s| {
                edit(
                    s,
                    "content/recipients.csv",
                    "Germany,,",
                    "US,EU Standard Contractual Clauses,",
                )
            },
            args: &[],
        },
        Case {
            rule: "overdue-review",
            trigger: |_| {},
            at: "content/models/recommender.md:17",
            near_miss: |_| {},
            args: &[],
        },
        Case {
            rule: "model-undeclared-input",
            trigger: |s| {
                edit(
                    s,
                    CARD,
                    "inputs: [order_history]",
                    "inputs: [order_history, basket]",
                )
            },
            at: "content/models/recommender.md:8",
            near_miss: |s| edit(s, CARD, "excluded_inputs: []", "excluded_inputs: [basket]"),
            args: &[],
        },
        Case {
            rule: "model-undeclared-training",
            trigger: |s| {
                edit(
                    s,
                    INVENTORY,
                    ",train_ai_system,",
                    ",functional.service.improve,",
                )
            },
            at: "content/models/recommender.md:10",
            near_miss: |s| {
                edit(
                    s,
                    INVENTORY,
                    "consent,optional,account",
                    "legitimate_interests,optional,account",
                )
            },
            args: &[],
        },
        Case {
            rule: "model-demographic-input",
            trigger: |s| {
                append(
                    s,
                    INVENTORY,
                    &GENDER_ADS.replace(
                        "marketing.advertising.first_party.targeted",
                        "essential.service",
                    ),
                );
                edit(
                    s,
                    CARD,
                    "inputs: [order_history]",
                    "inputs: [order_history, gender]",
                );
            },
            at: "content/models/recommender.md:8",
            near_miss: |s| {
                append(
                    s,
                    INVENTORY,
                    &GENDER_ADS.replace(
                        "marketing.advertising.first_party.targeted",
                        "essential.service",
                    ),
                );
                edit(s, CARD, "excluded_inputs: []", "excluded_inputs: [gender]");
            },
            args: &[],
        },
        Case {
            rule: "model-excluded-input-used",
            trigger: |s| {
                edit(
                    s,
                    CARD,
                    "excluded_inputs: []",
                    "excluded_inputs: [order_history]",
                )
            },
            at: "content/models/recommender.md:8",
            near_miss: |s| {
                edit(
                    s,
                    CARD,
                    "excluded_inputs: []",
                    "excluded_inputs: [email_address]",
                )
            },
            args: &[],
        },
        Case {
            rule: "model-card-incomplete",
            trigger: |s| edit(s, CARD, "owners: [Customer team]\n", ""),
            at: "content/models/recommender.md:2",
            near_miss: |s| edit(s, CARD, "owners: [Customer team]", "owners: [Jo Doe]"),
            args: &[],
        },
        Case {
            rule: "model-no-group-metrics",
            trigger: |s| {
                edit(
                    s,
                    CARD,
                    "  - { name: precision_at_5, value: 0.18, slice: new customers }\n",
                    "",
                )
            },
            at: "content/models/recommender.md:11",
            near_miss: |s| {
                edit(
                    s,
                    CARD,
                    "  - { name: precision_at_5, value: 0.21, slice: all }\n",
                    "",
                )
            },
            args: &[],
        },
        Case {
            rule: "unused-record",
            trigger: |s| append(s, "content/systems.csv", "crm,CRM,Old CRM.,Sales,EU"),
            at: "content/systems.csv:3",
            near_miss: |s| {
                append(s, "content/systems.csv", "crm,CRM,Old CRM.,Sales,EU");
                edit(
                    s,
                    INVENTORY,
                    "provided,shop,essential",
                    "provided,shop;crm,essential",
                );
            },
            args: &[],
        },
    ]
}

#[test]
fn the_clean_fixture_has_no_findings() {
    let site = copy_site("audit/clean");
    let (code, report) = check(site.path(), &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["findings"], Value::Array(vec![]), "{report}");
}

#[test]
fn each_rule_fires_at_its_row_and_not_on_a_near_miss() {
    for case in cases() {
        let (trigger_today, miss_today) = match case.rule {
            // Reviewed 2026-10-01; limit 365 days.
            "overdue-review" => ("2027-10-02", "2027-10-01"),
            _ => ("2026-12-01", "2026-12-01"),
        };
        let site = copy_site("audit/clean");
        (case.trigger)(site.path());
        let mut args = vec!["--today", trigger_today];
        args.extend(case.args);
        let (_, report) = check(site.path(), &args);
        let at = locations(&report, case.rule);
        assert!(
            at.contains(&case.at.to_string()),
            "{}: expected at {}, got {at:?}\n{report:#}",
            case.rule,
            case.at
        );

        let site = copy_site("audit/clean");
        (case.near_miss)(site.path());
        let mut args = vec!["--today", miss_today];
        args.extend(case.args);
        let (_, report) = check(site.path(), &args);
        assert!(
            locations(&report, case.rule).is_empty(),
            "{}: near miss fired\n{report:#}",
            case.rule
        );
    }
}

#[test]
fn severities_decide_the_exit_code() {
    // An error: exit 1.
    let site = copy_site("audit/clean");
    append(site.path(), INVENTORY, GENDER_ADS);
    let (code, report) = check(site.path(), &[]);
    assert_eq!((code, &report["passed"]), (1, &Value::Bool(false)));
    let (code, _) = check(site.path(), &["--fail-on", "never"]);
    assert_eq!(code, 0);

    // Only a warning: exit 0 by default, 1 with --fail-on warning or fail_on in candor.toml.
    let site = copy_site("audit/clean");
    edit(site.path(), "content/retention.csv", "P6Y", "indefinite");
    assert_eq!(check(site.path(), &[]).0, 0);
    assert_eq!(check(site.path(), &["--fail-on", "warning"]).0, 1);
    append(site.path(), "candor.toml", "[audit]\nfail_on = \"warning\"");
    let (code, report) = check(site.path(), &[]);
    assert_eq!((code, report["fail_on"].as_str()), (1, Some("warning")));
    assert_eq!(
        check(site.path(), &["--fail-on", "error"]).0,
        0,
        "the flag wins"
    );

    // A rule turned up to error, or off.
    let site = copy_site("audit/clean");
    edit(site.path(), "content/retention.csv", "P6Y", "indefinite");
    append(
        site.path(),
        "candor.toml",
        "[audit.rules]\nunbounded-retention = \"error\"",
    );
    assert_eq!(check(site.path(), &[]).0, 1);
    edit(site.path(), "candor.toml", "= \"error\"", "= \"off\"");
    let (code, report) = check(site.path(), &[]);
    assert_eq!(code, 0);
    assert!(locations(&report, "unbounded-retention").is_empty());
}
