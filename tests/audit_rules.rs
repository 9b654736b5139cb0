//! Every data-use rule of `candor check`, end to end: a small site that trips it and a near miss
//! that must not, each built in a temporary directory and checked by the binary. Asserts the
//! rule id, its severity and the file:line it points at.

mod common;

use common::{candor, write};
use serde_json::Value;

/// The inventory's columns, in order. A row gives some of them; the rest take [`DEFAULTS`].
const COLUMNS: &[&str] = &[
    "element",
    "name",
    "category",
    "subjects",
    "source",
    "systems",
    "purpose",
    "why",
    "legal_basis",
    "necessity",
    "retention",
    "shared_with",
    "visibility",
    "last_reviewed",
    "notes",
    "special_category_condition",
    "legal_reference",
];

/// A clean row: contact data a customer gives to get their order delivered.
const DEFAULTS: &[(&str, &str)] = &[
    ("element", "email"),
    ("category", "user.contact.email"),
    ("subjects", "customer"),
    ("source", "provided"),
    ("purpose", "essential.service"),
    ("legal_basis", "contract"),
    ("necessity", "required"),
    ("retention", "two_years"),
    ("visibility", "public"),
    ("last_reviewed", "2026-10-01"),
];

/// A site under construction: candor.toml, one inventory file and the registers.
struct Mini {
    toml: String,
    rows: Vec<String>,
    recipients: Vec<String>,
    retention: Vec<String>,
    systems: Vec<String>,
    assessments: Vec<String>,
    /// Elements with a row already: their later rows leave element-level columns empty.
    seen: Vec<String>,
}

fn csv_cell(v: &str) -> String {
    if v.contains([',', '"', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

impl Mini {
    fn new() -> Mini {
        Mini {
            toml: "title = \"Mini\"\norganisation = \"Mini B.V.\"\n".into(),
            rows: Vec::new(),
            recipients: Vec::new(),
            systems: Vec::new(),
            assessments: Vec::new(),
            seen: Vec::new(),
            retention: vec!["two_years,Two years,P2Y,last order,delete,,".into()],
        }
    }

    /// Adds an inventory row: `set` overrides [`DEFAULTS`]; its line is the row count + 1.
    fn row(&mut self, set: &[(&str, &str)]) -> &mut Mini {
        let get = |col: &str| {
            set.iter()
                .chain(DEFAULTS)
                .find(|(k, _)| *k == col)
                .map(|(_, v)| v.to_string())
        };
        let element = get("element").unwrap_or_default();
        let repeat = self.seen.contains(&element);
        if !repeat {
            self.seen.push(element.clone());
        }
        let element_level = ["name", "category", "subjects", "source"];
        let cells: Vec<String> = COLUMNS
            .iter()
            .map(|&c| match c {
                c if repeat && element_level.contains(&c) => set
                    .iter()
                    .find(|(k, _)| *k == c)
                    .map_or(String::new(), |(_, v)| v.to_string()),
                "name" => get("name").unwrap_or_else(|| element.replace('_', " ")),
                "why" => get("why").unwrap_or_else(|| {
                    format!(
                        "We need the {element} for {}.",
                        get("purpose").unwrap_or_default()
                    )
                }),
                c => get(c).unwrap_or_default(),
            })
            .map(|v| csv_cell(&v))
            .collect();
        self.rows.push(cells.join(","));
        self
    }

    /// Adds `id,name,role,country,safeguards,description,dpa_url`.
    fn recipient(&mut self, line: &str) -> &mut Mini {
        self.recipients.push(line.into());
        self
    }

    /// Adds `id,name,duration,trigger,disposal,legal_reference,description`.
    fn policy(&mut self, line: &str) -> &mut Mini {
        self.retention.push(line.into());
        self
    }

    /// Adds `id,name,description,owner,location,country,transfer_mechanism,security`.
    fn system(&mut self, line: &str) -> &mut Mini {
        self.systems.push(line.into());
        self
    }

    /// Adds `id,kind,covers,date,outcome,url,description`.
    fn assessment(&mut self, line: &str) -> &mut Mini {
        self.assessments.push(line.into());
        self
    }

    fn toml(&mut self, more: &str) -> &mut Mini {
        self.toml.push_str(more);
        self
    }

    /// Writes the site and runs `candor check --format json` on it.
    fn check(&self) -> Vec<Hit> {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(root, "candor.toml", &self.toml);
        let mut inv = COLUMNS.join(",");
        for r in &self.rows {
            inv.push('\n');
            inv.push_str(r);
        }
        write(root, "content/inventory/data.csv", inv + "\n");
        if !self.recipients.is_empty() {
            let mut rec = String::from("id,name,role,country,safeguards,description,dpa_url\n");
            for r in &self.recipients {
                rec.push_str(r);
                rec.push('\n');
            }
            write(root, "content/recipients.csv", rec);
        }
        for (file, header, lines) in [
            (
                "content/systems.csv",
                "id,name,description,owner,location,country,transfer_mechanism,security",
                &self.systems,
            ),
            (
                "content/assessments.csv",
                "id,kind,covers,date,outcome,url,description",
                &self.assessments,
            ),
        ] {
            if !lines.is_empty() {
                write(root, file, format!("{header}\n{}\n", lines.join("\n")));
            }
        }
        let mut ret =
            String::from("id,name,duration,trigger,disposal,legal_reference,description\n");
        for r in &self.retention {
            ret.push_str(r);
            ret.push('\n');
        }
        write(root, "content/retention.csv", ret);
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
                at: format!("{}:{}", f["file"].as_str().unwrap_or(""), f["line"]),
                law: f["law"].as_str().unwrap_or("").into(),
                message: f["message"].as_str().unwrap_or("").into(),
            })
            .collect()
    }
}

#[derive(Debug)]
struct Hit {
    rule: String,
    severity: String,
    at: String,
    law: String,
    message: String,
}

/// `(severity, file:line)` of each finding of `rule`.
fn of(hits: &[Hit], rule: &str) -> Vec<(String, String)> {
    hits.iter()
        .filter(|h| h.rule == rule)
        .map(|h| (h.severity.clone(), h.at.clone()))
        .collect()
}

fn at(severity: &str, file_line: &str) -> (String, String) {
    (severity.to_string(), file_line.to_string())
}

const DATA: &str = "content/inventory/data.csv";

/// Asserts `rule` fired exactly at `lines` of the inventory with `severity`, citing its law.
fn trips(hits: &[Hit], rule: &str, severity: &str, lines: &[usize]) {
    let want: Vec<_> = lines
        .iter()
        .map(|l| at(severity, &format!("{DATA}:{l}")))
        .collect();
    assert_eq!(of(hits, rule), want, "{hits:#?}");
    assert!(
        hits.iter()
            .filter(|h| h.rule == rule)
            .all(|h| !h.law.is_empty()),
        "{rule} cites no law"
    );
}

fn quiet(hits: &[Hit], rule: &str) {
    assert_eq!(of(hits, rule), [], "{hits:#?}");
}

#[test]
fn a_clean_site_has_no_findings() {
    let hits = Mini::new().row(&[]).check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn demographic_targeting_trips_on_gender_ads_income_and_a_data_broker() {
    let hits = Mini::new()
        .recipient("broker,Data Broker Ltd,controller,Netherlands,,Buys audiences.,")
        .row(&[
            ("element", "gender"),
            ("category", "user.demographic.gender"),
            ("purpose", "marketing.advertising.first_party.targeted"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("element", "gender"),
            ("purpose", "third_party_sharing"),
            ("shared_with", "broker"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("element", "income"),
            ("category", "user.financial"),
            ("purpose", "marketing.advertising.first_party.targeted"),
            ("legal_basis", "legitimate_interests"),
            ("necessity", "optional"),
        ])
        .check();
    trips(&hits, "demographic-targeting", "error", &[2, 3, 4]);
}

#[test]
fn demographic_targeting_near_miss_language_profile_and_age_gating() {
    let hits = Mini::new()
        .row(&[
            ("element", "language"),
            ("category", "user.demographic.language"),
            ("purpose", "personalize.system"),
        ])
        .row(&[
            ("element", "style"),
            ("category", "user.demographic.profile"),
            ("purpose", "marketing.advertising.first_party.targeted"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("element", "birth_date"),
            ("category", "user.demographic.date_of_birth"),
            ("purpose", "marketing.advertising.negative_targeting"),
            ("legal_basis", "legitimate_interests"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn consent_not_optional_trips_on_required_consent() {
    let hits = Mini::new().row(&[("legal_basis", "consent")]).check();
    trips(&hits, "consent-not-optional", "error", &[2]);
    let hits = Mini::new()
        .row(&[("legal_basis", "consent"), ("necessity", "optional")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn basis_mismatch_trips_on_contract_marketing_and_legitimate_interests_tracking() {
    let hits = Mini::new()
        .row(&[("purpose", "marketing.communications.email")])
        .row(&[("purpose", "train_ai_system")])
        .row(&[
            ("purpose", "marketing.advertising.third_party.targeted"),
            ("legal_basis", "legitimate_interests"),
            ("necessity", "optional"),
        ])
        .check();
    trips(&hits, "basis-mismatch", "warning", &[2, 3, 4]);
    let hits = Mini::new()
        .row(&[
            ("purpose", "marketing.communications.email"),
            ("legal_basis", "legitimate_interests"),
            ("necessity", "optional"),
        ])
        .row(&[
            ("purpose", "marketing.advertising.third_party.targeted"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn missing_legal_basis_is_an_error() {
    let hits = Mini::new().row(&[("legal_basis", "")]).check();
    trips(&hits, "missing-legal-basis", "error", &[2]);
}

#[test]
fn legal_reference_missing_trips_on_a_bare_legal_obligation() {
    let hits = Mini::new()
        .row(&[
            ("purpose", "essential.legal_obligation"),
            ("legal_basis", "legal_obligation"),
        ])
        .check();
    trips(&hits, "legal-reference-missing", "warning", &[2]);
}

#[test]
fn legal_reference_missing_near_miss_the_law_is_named() {
    let hits = Mini::new()
        .row(&[
            ("purpose", "essential.legal_obligation"),
            ("legal_basis", "legal_obligation"),
            ("legal_reference", "Dutch General Tax Act (AWR) art. 52"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn criminal_data_authority_trips_without_a_law() {
    let row = |law: &'static str| {
        [
            ("element", "record"),
            ("category", "user.criminal_history"),
            ("purpose", "essential.service.security"),
            ("legal_basis", "legitimate_interests"),
            ("legal_reference", law),
        ]
    };
    let hits = Mini::new().row(&row("")).check();
    trips(&hits, "criminal-data-authority", "error", &[2]);
    let hits = Mini::new()
        .row(&row("Dutch Justice and Prosecution Data Act art. 39f"))
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn special_category_condition_trips_on_contract_and_plain_consent() {
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
        ])
        .row(&[
            ("element", "allergies"),
            ("purpose", "essential.service.operations"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
        ])
        .check();
    trips(&hits, "special-category-condition", "error", &[2, 3]);
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
        ])
        .row(&[
            ("element", "allergies"),
            ("purpose", "essential.service.operations"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
            ("special_category_condition", "explicit_consent"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn special_category_condition_trips_on_legitimate_interests() {
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("legal_basis", "legitimate_interests"),
        ])
        .toml("[[audit.exceptions]]\nrule = \"sensitive-basis\"\nelement = \"allergies\"\nreason = \"Old id.\"\nexpires = 2027-06-01\n")
        .check();
    // The old id still accepts the finding.
    let f = hits
        .iter()
        .find(|h| h.rule == "special-category-condition")
        .expect("fires");
    assert_eq!(f.at, format!("{DATA}:2"));
    assert!(f.law.contains("Art. 9"), "{}", f.law);
    assert!(
        hits.iter().all(|h| h.rule != "stale-exception"),
        "{hits:#?}"
    );
}

#[test]
fn retention_rules_trip_on_missing_indefinite_and_triggerless_policies() {
    let hits = Mini::new()
        .policy("forever,Forever,indefinite,,delete,,")
        .policy("century,A century,P99Y,,delete,,")
        .row(&[("retention", "")])
        .row(&[
            ("purpose", "essential.service.operations"),
            ("retention", "forever"),
        ])
        .row(&[
            ("purpose", "essential.service.notifications"),
            ("retention", "century"),
        ])
        .check();
    trips(&hits, "missing-retention", "error", &[2]);
    trips(&hits, "unbounded-retention", "warning", &[3]);
    assert_eq!(
        of(&hits, "retention-no-trigger"),
        [at("warning", "content/retention.csv:4")]
    );
    // Near miss: a trigger, and a policy nobody uses.
    // (A century is also longer than the default `[audit.retention_max]` of ten years.)
    assert!(hits.iter().any(|h| h.rule == "excessive-retention"));
    let hits = Mini::new()
        .policy("spare,Spare,P1Y,,delete,,")
        .row(&[])
        .check();
    quiet(&hits, "retention-no-trigger");
}

#[test]
fn excessive_retention_trips_beyond_the_category_limit() {
    let limits = "[audit.retention_max]\n\"*\" = \"P10Y\"\n\"user.health_and_medical\" = \"P1Y\"\n";
    let hits = Mini::new()
        .toml(limits)
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
        ])
        .row(&[("element", "email")])
        .check();
    trips(&hits, "excessive-retention", "warning", &[2]);
    let hits = Mini::new()
        .toml(limits)
        .policy("half_year,Six months,P6M,last order,delete,,")
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
            ("retention", "half_year"),
        ])
        .row(&[("element", "email")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn vague_purpose_trips_on_a_placeholder_reason() {
    let hits = Mini::new().row(&[("why", "TBD")]).check();
    trips(&hits, "vague-purpose", "warning", &[2]);
}

#[test]
fn hidden_use_trips_on_unexplained_internal_customer_profiling() {
    let hits = Mini::new()
        .row(&[
            ("element", "clicks"),
            ("category", "user.behavior.browsing_history"),
            ("purpose", "personalize.content.profiled"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
            ("visibility", "internal"),
        ])
        .check();
    trips(&hits, "hidden-use", "warning", &[2]);
    let hits = Mini::new()
        .row(&[
            ("element", "clicks"),
            ("category", "user.behavior.browsing_history"),
            ("purpose", "essential.service.security"),
            ("visibility", "internal"),
            ("notes", "Publishing our bot signals would help the bots."),
        ])
        .row(&[
            ("element", "badge"),
            ("category", "user.unique_id"),
            ("subjects", "employee"),
            ("purpose", "essential.service.security"),
            ("visibility", "internal"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn transfer_rules_trip_on_missing_placeholder_and_invalidated_safeguards() {
    let hits = Mini::new()
        .recipient("cloud,Cloud Inc.,processor,United States,,Hosting.,https://c.example/dpa")
        .recipient(
            "shield,Shield Inc.,processor,US,EU-US Privacy Shield,Mail.,https://s.example/dpa",
        )
        .recipient("later,Later Ltd,processor,India,TBD,Support.,https://l.example/dpa")
        .row(&[("shared_with", "cloud; shield; later")])
        .check();
    trips(&hits, "unsafeguarded-transfer", "warning", &[2]);
    assert_eq!(
        of(&hits, "invalid-safeguard"),
        [
            at("warning", "content/recipients.csv:3"),
            at("warning", "content/recipients.csv:4")
        ]
    );
    let hits = Mini::new()
        .recipient("cloud,Cloud Inc.,processor,United States,EU Standard Contractual Clauses (2021/914),Hosting.,https://c.example/dpa")
        .recipient("mailer,Mailer GmbH,processor,\"Berlin, Germany\",n/a,Mail.,https://m.example/dpa")
        .row(&[("shared_with", "cloud; mailer")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn systems_outside_the_eea_need_a_mechanism_and_none_is_invalid() {
    let hits = Mini::new()
        .system("crm,CRM,Customer records.,Sales,,United States,,Encrypted at rest")
        .system("backup,Backups,Nightly copies.,IT,,India,none,Encrypted")
        .row(&[("element", "email"), ("systems", "crm; backup")])
        .check();
    assert_eq!(
        of(&hits, "unsafeguarded-transfer"),
        [at("warning", "content/systems.csv:2")]
    );
    assert_eq!(
        of(&hits, "invalid-safeguard"),
        [at("warning", "content/systems.csv:3")]
    );
    let hits = Mini::new()
        .system("crm,CRM,Customer records.,Sales,,United States,scc,Encrypted at rest")
        .system("shop,Shop,The shop.,Web,,\"Dublin, Ireland\",,TLS")
        .row(&[("element", "email"), ("systems", "crm; shop")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn processor_without_dpa_trips_but_a_controller_needs_none() {
    let hits = Mini::new()
        .recipient("mailer,Mailer B.V.,processor,NL,,Mail.,")
        .recipient("carrier,Carrier B.V.,controller,NL,,Delivers parcels.,")
        .row(&[("shared_with", "mailer; carrier")])
        .check();
    assert_eq!(
        of(&hits, "processor-without-dpa"),
        [at("warning", "content/recipients.csv:2")]
    );
    assert_eq!(hits.len(), 1, "{hits:#?}");
}

#[test]
fn future_date_trips_on_a_review_in_2062() {
    let hits = Mini::new()
        .row(&[("last_reviewed", "2062-03-01")])
        .row(&[
            ("purpose", "essential.service.operations"),
            ("last_reviewed", "2026-12-01"),
        ])
        .check();
    trips(&hits, "future-date", "error", &[2]);
    quiet(&hits, "overdue-review");
}

#[test]
fn overdue_review_trips_on_an_old_review() {
    let hits = Mini::new().row(&[("last_reviewed", "2024-01-01")]).check();
    trips(&hits, "overdue-review", "warning", &[2]);
}

#[test]
fn exception_too_long_trips_without_expiry_or_beyond_a_year() {
    let except = |expires: &str| {
        format!(
            "[[audit.exceptions]]\nrule = \"overdue-review\"\nelement = \"email\"\nreason = \"Booked.\"\n{expires}"
        )
    };
    for expires in ["", "expires = 2028-01-01\n"] {
        let hits = Mini::new()
            .row(&[("last_reviewed", "2024-01-01")])
            .toml(&except(expires))
            .check();
        assert_eq!(
            of(&hits, "exception-too-long"),
            [at("warning", "candor.toml:3")],
            "{expires}"
        );
    }
    let hits = Mini::new()
        .row(&[("last_reviewed", "2024-01-01")])
        .toml(&except("expires = 2027-06-01\n"))
        .check();
    quiet(&hits, "exception-too-long");
    let hits = Mini::new()
        .row(&[("last_reviewed", "2024-01-01")])
        .toml("[audit]\nmax_exception_days = 30\n")
        .toml(&except("expires = 2027-06-01\n"))
        .check();
    assert_eq!(
        of(&hits, "exception-too-long"),
        [at("warning", "candor.toml:5")]
    );
}

#[test]
fn future_date_trips_on_an_assessment_after_today() {
    let hits = Mini::new()
        .recipient("cloud,Cloud Inc.,processor,United States,EU Standard Contractual Clauses,Hosting.,https://c.example/dpa")
        .assessment("lia-1,lia,email,2027-02-01,approved,,Balancing test.")
        .row(&[("shared_with", "cloud")])
        .check();
    let mut got = of(&hits, "future-date");
    got.sort();
    // (A `tia_date` after today is tested in src/audit/transfer/tests.rs.)
    assert_eq!(got, [at("error", "content/assessments.csv:2")]);
}

#[test]
fn dpia_required_trips_on_patients_health_data() {
    let allergies = [
        ("element", "allergies"),
        ("category", "user.health_and_medical"),
        ("subjects", "patient"),
        ("special_category_condition", "health_care"),
    ];
    let hits = Mini::new().row(&allergies).check();
    trips(&hits, "dpia-required", "warning", &[2]);
    let f = hits.iter().find(|h| h.rule == "dpia-required").unwrap();
    assert!(
        f.message
            .contains("2 of 9: special category or criminal data, vulnerable subjects"),
        "{}",
        f.message
    );
    // Near miss: a DPIA covers it.
    let hits = Mini::new()
        .row(&allergies)
        .assessment("dpia-2026-03,dpia,allergies,2026-03-01,approved,,Allergy data in care.")
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
    // Near miss: one criterion (customers' health data).
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
        ])
        .check();
    quiet(&hits, "dpia-required");
}
