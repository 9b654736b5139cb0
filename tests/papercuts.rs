//! Papercuts found in use (issue 19) and the model-card leak (issue 12): each a regression
//! test that runs the binary on a small site and fails on the code before its fix.

mod common;

use std::path::Path;

use common::{candor, copy_site};

const CUSTOMERS: &str = "content/inventory/customers.csv";

/// Appends lines to a site file.
fn append(site: &Path, file: &str, lines: &str) {
    let path = site.join(file);
    let mut text = common::read(&path);
    text.push_str(lines);
    std::fs::write(path, text).expect("append");
}

/// `candor ARGS... PATHS...`, which must succeed; its standard output.
fn stdout(args: &[&str], paths: &[&Path]) -> String {
    let out = candor()
        .args(args)
        .args(paths)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

/// `candor diff OLD NEW` with extra arguments; its standard output.
fn diff(old: &Path, new: &Path, args: &[&str]) -> String {
    let mut all = vec!["diff"];
    all.extend(args);
    stdout(&all, &[old, new])
}

/// The error report of `candor check` on `site`, which must exit 2.
fn check_errors(site: &Path) -> String {
    let out = candor()
        .args(["check", "--root"])
        .arg(site)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).expect("utf-8")
}

// --- 1. `diff --audience public` counts the findings a change introduces ----------------------

/// The fixture site and a copy that adds four findings: a demographic targeting error, an
/// overdue review, an unused recipient and an unused system.
fn four_new_findings() -> (tempfile::TempDir, tempfile::TempDir) {
    let old = copy_site("site");
    let new = copy_site("site");
    append(
        new.path(),
        CUSTOMERS,
        "date_of_birth,Date of birth,user.demographic.date_of_birth,customer,provided,shop,\
         marketing.advertising,To show ads suited to your age.,consent,optional,account,,,2026-11-01,,\n\
         phone_number,Phone number,user.contact.phone_number,customer,provided,shop,\
         essential.service,To call you about a delivery.,contract,required,orders,,,2020-01-01,,\n",
    );
    append(
        new.path(),
        "content/recipients.csv",
        "agency,Ad Agency Ltd,processor,Germany,,Runs our ads.,https://agency.example/dpa\n",
    );
    append(
        new.path(),
        "content/systems.csv",
        "crm,Customer desk,Where support tickets live.,Support,Frankfurt (EU)\n",
    );
    (old, new)
}

#[test]
fn a_public_diff_counts_the_findings_a_change_introduces() {
    let (old, new) = four_new_findings();
    let json = |audience: &str| -> serde_json::Value {
        let out = diff(
            old.path(),
            new.path(),
            &["--format", "json", "--audience", audience],
        );
        serde_json::from_str(&out).expect("json")
    };
    let internal = json("internal");
    assert_eq!(internal["summary"]["findings_introduced"], 4, "{internal}");
    let public = json("public");
    assert_eq!(public["summary"]["findings_introduced"], 4, "{public}");
    assert_eq!(public["summary"]["findings_resolved"], 0);
    assert!(public["findings"].is_null(), "details stay internal");

    let text = diff(old.path(), new.path(), &["--audience", "public"]);
    assert!(text.contains("4 findings introduced, 0 resolved"), "{text}");
    assert!(text.contains("details are withheld"), "{text}");
    // Only the count: no rule, location or message of a finding.
    for detail in [
        "demographic-targeting",
        "unused-record",
        "Findings introduced",
        "crm",
    ] {
        assert!(
            !text.contains(detail),
            "{detail:?} in a public diff:\n{text}"
        );
    }
    let md = diff(
        old.path(),
        new.path(),
        &["--audience", "public", "--format", "markdown"],
    );
    assert!(
        md.contains("| Audit findings | 4 introduced | 0 resolved | |"),
        "{md}"
    );
    assert!(!md.contains("demographic-targeting"), "{md}");
}

// --- 2. `diff` names the recipients of a new use -----------------------------------------------

/// A copy of the fixture site with a new element shared with the US mailer and a new use of
/// an existing element shared with it as well.
fn new_shared_uses() -> (tempfile::TempDir, tempfile::TempDir) {
    let old = copy_site("site");
    let new = copy_site("site");
    append(
        new.path(),
        CUSTOMERS,
        "phone_number,Phone number,user.contact.phone_number,customer,provided,shop,\
         essential.service,To text you when your parcel ships.,contract,required,orders,mailer,,2026-11-01,,\n\
         delivery_address,,,,,,marketing.communications,To send you our printed catalogue.,consent,optional,account,mailer,,2026-11-01,,\n",
    );
    (old, new)
}

#[test]
fn a_new_use_shows_whom_it_is_shared_with_in_every_format() {
    let (old, new) = new_shared_uses();
    let text = diff(old.path(), new.path(), &[]);
    let sharing = text.find("\nSharing\n").unwrap_or_else(|| panic!("{text}"));
    let after = &text[sharing..];
    for expected in [
        "starts sharing Phone number for essential.service with Postbox Mail Inc. (United States)",
        "starts sharing Delivery address for marketing.communications with Postbox Mail Inc. (United States)",
    ] {
        assert!(after.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(text.contains("starts collecting Phone number"), "{text}");

    let md = diff(old.path(), new.path(), &["--format", "markdown"]);
    let sharing = md.find("#### Sharing").unwrap_or_else(|| panic!("{md}"));
    assert!(
        md[sharing..].contains("starts sharing Phone number for essential.service with Postbox Mail Inc. (United States)"),
        "{md}"
    );
    assert!(
        md.contains("| Uses | 2 | 0 | 0 |"),
        "each new use counted once:\n{md}"
    );

    let out = diff(old.path(), new.path(), &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let shared: Vec<&serde_json::Value> = v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|c| c["section"] == "sharing")
        .collect();
    assert_eq!(shared.len(), 2, "{out}");
    for c in shared {
        assert_eq!(c["recipient"]["id"], "mailer", "{c}");
        assert_eq!(c["recipient"]["name"], "Postbox Mail Inc.");
        assert_eq!(c["kind"], "use_added");
        assert_eq!(c["field"], "shared_with");
    }
    assert_eq!(v["summary"]["uses_added"], 2);
}

// --- 3. interface strings that name code render as `<code>` ---------------------------------

/// Builds `site` for `audience` into `out`.
fn build(site: &Path, out: &Path, audience: &str) {
    candor()
        .arg("build")
        .arg("--root")
        .arg(site)
        .arg("--output")
        .arg(out)
        .args(["--audience", audience])
        .assert()
        .success();
}

#[test]
fn the_audit_page_prints_candor_check_as_code_in_every_language() {
    let site = copy_site("audit/everything");
    for language in ["en", "de"] {
        let toml = common::read(&site.path().join("candor.toml"));
        let toml = match toml.find("language = ") {
            Some(at) => {
                let end = at + toml[at..].find('\n').unwrap_or(toml.len() - at);
                format!("{}language = \"{language}\"{}", &toml[..at], &toml[end..])
            }
            None => format!("language = \"{language}\"\n{toml}"),
        };
        std::fs::write(site.path().join("candor.toml"), toml).expect("write");
        let out = tempfile::tempdir().expect("tempdir");
        build(site.path(), &out.path().join("site"), "internal");
        let html = common::read(&out.path().join("site/audit/index.html"));
        assert!(
            html.contains("<code>candor check</code>"),
            "{language}: no <code> in\n{html}"
        );
        assert!(
            !html.contains("`candor check`"),
            "{language}: literal backticks in\n{html}"
        );
    }
}

// --- 4. error output: aligned gutters, "nothing was written" only where something would be ----

/// The fixture site with a bad legal basis on line 4 and on line 12 of the customers file.
fn two_bad_rows() -> tempfile::TempDir {
    let site = copy_site("site");
    let path = site.path().join(CUSTOMERS);
    let text = common::read(&path).replacen(
        ",contract,required,orders,",
        ",contrakt,required,orders,",
        1,
    );
    let mut text = text;
    for i in 0..5 {
        text.push_str(&format!(
            "extra_{i},Extra {i},user.contact.email,customer,provided,shop,essential.service,To test.,contract,required,orders,,,2026-11-01,,\n"
        ));
    }
    text.push_str("late,Late,user.contact.email,customer,provided,shop,essential.service,To test.,contrakt,required,orders,,,2026-11-01,,\n");
    std::fs::write(&path, text).expect("write");
    site
}

#[test]
fn error_reports_align_gutters_and_check_does_not_claim_to_write() {
    let site = two_bad_rows();
    let err = check_errors(site.path());
    assert!(err.contains("customers.csv:4:"), "{err}");
    assert!(err.contains("customers.csv:12:"), "{err}");
    // Every snippet line and bar of the report uses the same two-column gutter.
    let bars: Vec<&str> = err
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with('|') || (t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(" | "))
        })
        .collect();
    assert!(bars.len() >= 6, "{err}");
    for l in &bars {
        assert_eq!(l.find('|'), Some(3), "misaligned gutter in {l:?}:\n{err}");
    }
    assert!(err.contains(" 4 | "), "{err}");
    assert!(err.contains("12 | "), "{err}");
    assert!(err.trim_end().ends_with("2 errors found."), "{err}");
    assert!(!err.contains("nothing was written"), "{err}");

    let out = tempfile::tempdir().expect("tempdir");
    candor()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(out.path().join("site"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "2 errors found; nothing was written.",
        ));
}

// --- 5. model-card findings and errors point at the line they are about ---------------------

/// A card whose inputs, training elements, metrics and review date sit on lines 10 and later.
const LINES_CARD: &str = "---
name: Line finder
owners: [Team]
summary: Finds lines.
intended_use: Testing where findings point.
limitations: [None.]
ethical_considerations:
  - { risk: None., mitigation: None. }
# the inputs follow
inputs:
  - style_preferences
  - shoe_size
excluded_inputs:
  - style_preferences
training_data:
  description: Past orders.
  elements:
    - email_address
metrics:
  - name: accuracy
    value: 0.9
last_reviewed: 2020-01-01
---

Finds lines.
";

/// `candor check --format json` on `site`: (rule, file, line) of every open finding.
fn findings(site: &Path) -> Vec<(String, String, u64)> {
    let v: serde_json::Value = serde_json::from_str(&check_output(site, "json")).expect("json");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn model_findings_point_at_the_line_of_their_key_or_item() {
    let site = copy_site("site");
    common::write(site.path(), "content/models/line-finder.md", LINES_CARD);
    let all = findings(site.path());
    let at = |rule: &str| -> Vec<u64> {
        all.iter()
            .filter(|f| f.0 == rule && f.1 == "content/models/line-finder.md")
            .map(|f| f.2)
            .collect()
    };
    assert_eq!(at("model-undeclared-input"), [12], "{all:?}");
    assert_eq!(at("model-excluded-input-used"), [11], "{all:?}");
    assert_eq!(at("model-undeclared-training"), [18], "{all:?}");
    assert_eq!(at("model-no-group-metrics"), [19], "{all:?}");
    assert_eq!(at("overdue-review"), [22], "{all:?}");
}

/// The error report of `candor check` on the fixture site with `card` added.
fn card_errors(card: &str) -> String {
    let site = copy_site("site");
    common::write(site.path(), "content/models/line-finder.md", card);
    check_errors(site.path())
}

#[test]
fn model_card_load_errors_point_at_their_line() {
    let err = card_errors(&LINES_CARD.replace("  - shoe_size\n", "  - { id: shoe_size }\n"));
    assert!(err.contains("content/models/line-finder.md:12:"), "{err}");
    let err = card_errors(&LINES_CARD.replace("2020-01-01", "2020-13-01"));
    assert!(err.contains("content/models/line-finder.md:22:"), "{err}");
    // Two ethical considerations, each with the same misspelt key: each error at its own line.
    let err = card_errors(&LINES_CARD.replace(
        "  - { risk: None., mitigation: None. }\n",
        "  - { risk: None., mitigaton: None. }\n  - risk: Another.\n    mitigaton: Also none.\n",
    ));
    assert!(err.contains("content/models/line-finder.md:8\n"), "{err}");
    assert!(err.contains("content/models/line-finder.md:10\n"), "{err}");
}

// --- 6. a public card naming an element with only internal rows shows "internal data" --------

/// Every file under `dir` whose bytes contain `needle` (ignoring ASCII case).
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    let needle = needle.to_ascii_lowercase();
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let bytes = std::fs::read(e.path()).expect("read").to_ascii_lowercase();
            bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        })
        .map(|e| e.path().display().to_string())
        .collect()
}

const INTERNAL_INPUT: &str = "zzleak_model_input";

#[test]
fn a_public_card_never_names_an_internal_element() {
    let site = common::fixture("leaky");
    let card = common::read(&site.join("content/models/recommender.md"));
    assert!(
        card.contains(INTERNAL_INPUT),
        "the fixture card names the marker"
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("site");
    build(&site, &out, "public");
    assert_eq!(files_containing(&out, INTERNAL_INPUT), Vec::<String>::new());

    // The model page and its label say "internal data", never as a link.
    let page = common::read(&out.join("models/recommender/index.html"));
    assert!(page.matches("internal data").count() >= 4, "{page}");
    assert!(!page.contains(">internal data</a>"), "{page}");
    let json: serde_json::Value =
        serde_json::from_str(&common::read(&out.join("data.json"))).expect("json");
    let model = &json["models"][0];
    assert_eq!(
        model["inputs"],
        serde_json::json!(["email_address", "internal data"])
    );
    assert_eq!(
        model["excluded_inputs"],
        serde_json::json!(["internal data"])
    );
    assert_eq!(
        model["evaluation_data"]["elements"],
        serde_json::json!(["internal data"])
    );

    // The exports for the public.
    for format in ["cyclonedx", "json", "fides", "ropa-csv"] {
        let args = [
            "export",
            "--audience",
            "public",
            "--format",
            format,
            "--root",
        ];
        let text = stdout(&args, &[&site]);
        assert!(!text.contains(INTERNAL_INPUT), "{format}:\n{text}");
        if format == "cyclonedx" {
            assert!(text.contains("\"internal data\""), "{text}");
        }
    }

    // In German, too; an internal build names it.
    let de = copy_site("leaky");
    common::edit(
        de.path(),
        "candor.toml",
        "language = \"en\"",
        "language = \"de\"",
    );
    let out = tmp.path().join("de");
    build(de.path(), &out, "public");
    assert_eq!(files_containing(&out, INTERNAL_INPUT), Vec::<String>::new());
    let page = common::read(&out.join("models/recommender/index.html"));
    assert!(page.contains("interne Daten"), "{page}");
    let out = tmp.path().join("internal");
    build(&site, &out, "internal");
    assert!(!files_containing(&out, INTERNAL_INPUT).is_empty());
}

// --- 7. holes in the tests ----------------------------------------------------------------------

/// `candor check --format <format>` on `site` (which fails), its standard output.
fn check_output(site: &Path, format: &str) -> String {
    let args = ["check", "--fail-on", "never", "--format", format, "--root"];
    stdout(&args, &[site])
}

/// Each finding's severity is the same in all four formats, and SARIF writes GitHub's level
/// for it (error, warning, note), on a site with findings of every severity.
#[test]
fn every_finding_has_its_level_in_every_format() {
    let site = common::fixture("audit/everything");
    let json: serde_json::Value = serde_json::from_str(&check_output(&site, "json")).expect("json");
    let findings = json["findings"].as_array().expect("findings");
    let field = |f: &serde_json::Value, k: &str| f[k].as_str().unwrap_or("").to_string();
    let severities: std::collections::BTreeSet<String> =
        findings.iter().map(|f| field(f, "severity")).collect();
    assert_eq!(
        severities.into_iter().collect::<Vec<_>>(),
        ["error", "info", "warning"],
        "the site trips every severity"
    );
    let text = check_output(&site, "text");
    let markdown = check_output(&site, "markdown");
    let sarif: serde_json::Value = serde_json::from_str(&stdout(
        &[
            "check",
            "--fail-on",
            "never",
            "--format",
            "sarif",
            "--include-accepted",
            "--root",
        ],
        &[&site],
    ))
    .expect("sarif");
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().expect("results");
    let sarif_level = |severity: &str| match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    };
    let mut expected = Vec::new();
    for f in findings {
        let (rule, severity) = (field(f, "rule"), field(f, "severity"));
        let (file, line) = (field(f, "file"), f["line"].as_u64().unwrap_or(0));
        let message = field(f, "message");
        let head = format!("{severity}[{rule}]: {message}\n  --> {file}:{line}");
        assert!(text.contains(&head), "text lacks {head:?}:\n{text}");
        if f["accepted"].is_null() {
            let icon = match severity.as_str() {
                "error" => "❌ error",
                "warning" => "⚠️ warning",
                _ => "ℹ️ info",
            };
            let row = format!("| {icon} | `{rule}` | `{file}:{line}` |");
            assert!(
                markdown.contains(&row),
                "markdown lacks {row:?}:\n{markdown}"
            );
        }
        expected.push((rule, file, line, sarif_level(&severity).to_string()));
    }
    let mut got: Vec<(String, String, u64, String)> = results
        .iter()
        .map(|r| {
            let at = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap_or("").to_string(),
                // URIs are relative to the working directory, files to the site.
                at["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .trim_start_matches("tests/fixtures/audit/everything/")
                    .to_string(),
                at["region"]["startLine"].as_u64().unwrap_or(0),
                r["level"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected, "SARIF levels");
    // Each rule's default level is its severity, too.
    for r in run["tool"]["driver"]["rules"].as_array().expect("rules") {
        let id = r["id"].as_str().unwrap_or("");
        if let Some(f) = findings
            .iter()
            .find(|f| f["rule"] == id && f["accepted"].is_null())
        {
            assert_eq!(
                r["defaultConfiguration"]["level"],
                sarif_level(&field(f, "severity")),
                "rule {id}"
            );
        }
    }
}

/// The fixture site plus `rows` appended to the customers file.
fn site_with_rows(rows: &str) -> tempfile::TempDir {
    let site = copy_site("site");
    append(site.path(), CUSTOMERS, rows);
    site
}

/// A sensitive (demographic) element used to personalise content is demographic targeting,
/// just as using it for marketing is.
#[test]
fn demographic_data_used_to_personalize_is_targeting() {
    let site = site_with_rows(
        "date_of_birth,Date of birth,user.demographic.date_of_birth,customer,provided,shop,\
         personalize.content,To suggest clothes for your age.,consent,optional,account,,,2026-11-01,,\n",
    );
    let all = findings(site.path());
    assert!(
        all.contains(&("demographic-targeting".into(), CUSTOMERS.into(), 7)),
        "{all:?}"
    );
    // The near miss: the same element for a service is not targeting.
    let site = site_with_rows(
        "date_of_birth,Date of birth,user.demographic.date_of_birth,customer,provided,shop,\
         essential.service,To check you are old enough to buy.,consent,optional,account,,,2026-11-01,,\n",
    );
    let all = findings(site.path());
    assert!(
        !all.iter().any(|f| f.0 == "demographic-targeting"),
        "{all:?}"
    );
}

/// A quoted cell spanning three lines: an error in the next row names that row's own line.
#[test]
fn errors_after_a_multi_line_cell_name_the_right_line() {
    let site = site_with_rows(
        "phone_number,Phone number,user.contact.phone_number,customer,provided,shop,\
         essential.service,\"To text you\nwhen your parcel\nships.\",contract,required,orders,,,2026-11-01,,\n\
         fax_number,Fax number,user.contact.phone_number,customer,provided,shop,\
         essential.service,To fax you.,contrakt,required,orders,,,2026-11-01,,\n",
    );
    // Lines 7-9 hold the phone row, line 10 the fax row.
    let err = check_errors(site.path());
    assert!(err.contains(&format!("{CUSTOMERS}:10:")), "{err}");
    let snippet = err.lines().find(|l| l.starts_with("10 | ")).unwrap_or("");
    assert!(snippet.contains("To fax you.,contrakt"), "{err}");
}

/// An inventory row whose `last_reviewed` is older than `review.max_age_days` (365 in the
/// fixture) is overdue; one reviewed within the limit is not.
#[test]
fn overdue_reviews_of_inventory_rows_are_reported_at_their_row() {
    let site = site_with_rows(
        "phone_number,Phone number,user.contact.phone_number,customer,provided,shop,\
         essential.service,To text you when your parcel ships.,contract,required,orders,,,2025-11-30,,\n\
         fax_number,Fax number,user.contact.phone_number,customer,provided,shop,\
         essential.service,To fax you.,contract,required,orders,,,2025-12-01,,\n",
    );
    // Today is 2026-12-01: line 7 is 366 days old, line 8 exactly 365.
    let overdue: Vec<u64> = findings(site.path())
        .into_iter()
        .filter(|f| f.0 == "overdue-review" && f.1 == CUSTOMERS)
        .map(|f| f.2)
        .collect();
    assert_eq!(overdue, [7]);
    let text = check_output(site.path(), "text");
    assert!(
        text.contains("was last reviewed on 2025-11-30, 366 days ago (limit: 365 days)"),
        "{text}"
    );
}
