//! Evidence end to end: scanner reports in content/evidence/ and `check --evidence` held
//! against the inventory, each rule once on the fixture site, near misses, and hostile or
//! malformed evidence (input errors with file:line, exit 2, never a hang).

mod common;

use std::path::Path;

use common::{candor, copy_site, edit, fixture, write};
use serde_json::Value;

fn check(site: &Path, extra: &[&str]) -> (i32, Value, String) {
    let out = candor()
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-30",
            "--root",
        ])
        .arg(site)
        .args(extra)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let report = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code().expect("exit code"),
        report,
        stdout + &stderr,
    )
}

/// `rule@file:line` of every finding.
fn findings(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    format!(
                        "{}@{}:{}",
                        f["rule"].as_str().unwrap_or(""),
                        f["file"].as_str().unwrap_or(""),
                        f["line"]
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_fixture_trips_every_evidence_rule_once_at_its_line() {
    let (code, report, all) = check(&fixture("evidence"), &[]);
    assert_eq!(code, 1, "{all}");
    assert_eq!(
        findings(&report),
        [
            "undeclared-data@content/evidence/bearer.json:35",
            "undeclared-recipient@content/evidence/bearer.json:66",
            "undeclared-sharing@content/evidence/bearer.json:56",
            "unmapped-data-type@content/evidence/manual.csv:3",
            "unconfirmed-element@content/inventory/customers.csv:5",
        ],
        "{all}"
    );
    let laws: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["law"].as_str().unwrap_or(""))
        .collect();
    assert!(laws.iter().all(|l| !l.is_empty()), "{laws:?}");
}

#[test]
fn near_misses_do_not_fire() {
    let site = copy_site("evidence");
    let root = site.path();
    // Declare what the scan saw: date of birth, Sentry (by alias), purchases shared.
    edit(
        root,
        "content/recipients.csv",
        "Postbote; postbote.example",
        "Postbote; postbote.example; Sentry",
    );
    edit(
        root,
        "content/inventory/customers.csv",
        "observed,shop,essential.service,So you can see and return what you ordered.,contract,required,orders,,",
        "observed,shop,essential.service,So you can see and return what you ordered.,contract,required,orders,mailer,",
    );
    edit(root, "candor.toml", "[evidence.map]\n", "[evidence.map]\n\"Date of birth\" = \"user.contact.phone_number\"\n\"Shoe Size\" = \"user.contact.email\"\n");
    let (code, report, all) = check(root, &[]);
    assert_eq!(code, 0, "{all}");
    assert_eq!(findings(&report), Vec::<String>::new(), "{all}");
}

#[test]
fn evidence_outside_the_site_only_through_the_flag() {
    let scan = fixture("evidence").join("scanners/bearer-privacy.json");
    let (code, report, all) = check(
        &fixture("audit/clean"),
        &["--evidence", scan.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{all}");
    let rules: Vec<String> = findings(&report)
        .into_iter()
        .map(|f| f.split('@').next().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        rules,
        [
            "undeclared-data",
            "undeclared-recipient",
            "unconfirmed-element"
        ],
        "Country is undeclared, Sentry unknown, order history unseen: {all}"
    );
    let privado = fixture("evidence").join("scanners/privado.json");
    let (code, report, all) = check(
        &fixture("audit/clean"),
        &["--evidence", privado.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{all}");
    assert_eq!(
        findings(&report)
            .iter()
            .map(|f| f.split('@').next().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["undeclared-recipient"],
        "{all}"
    );
}

#[test]
fn malformed_evidence_is_an_input_error_collected_with_the_others() {
    let site = copy_site("evidence");
    let root = site.path();
    write(
        root,
        "content/evidence/broken.json",
        "{\n  \"subjects\": [\n    {\"name\": 7}\n  ]\n}\n",
    );
    write(root, "content/evidence/trunc.json", "{\"subjects\": [");
    edit(
        root,
        "content/inventory/customers.csv",
        "contract,required,account,,Customer care",
        "contract,required,nowhere,,Customer care",
    );
    let out = candor()
        .args(["check", "--root"])
        .arg(root)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("content/evidence/broken.json:3"), "{err}");
    assert!(err.contains("/subjects/0/name"), "{err}");
    assert!(err.contains("content/evidence/trunc.json:1"), "{err}");
    assert!(
        err.contains("nowhere"),
        "the inventory error is reported too: {err}"
    );
}

#[test]
fn unknown_names_in_the_evidence_config_are_errors() {
    let site = copy_site("evidence");
    let root = site.path();
    edit(
        root,
        "candor.toml",
        "[evidence.\"manual.csv\"]\nsystems = [\"shop\"]",
        "[evidence.\"manul.csv\"]\nsystems = [\"shopp\"]",
    );
    let out = candor()
        .args(["check", "--root"])
        .arg(root)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("did you mean `manual.csv`?"), "{err}");
}

#[cfg(unix)]
#[test]
fn links_leaving_the_site_and_fifos_are_refused_never_read() {
    let site = copy_site("evidence");
    let root = site.path();
    let outside = tempfile::tempdir().expect("tmp");
    let secret = outside.path().join("secret.json");
    std::fs::write(&secret, "{\"subjects\": [{\"name\": \"SECRET-TOKEN\"}]}").unwrap();
    std::os::unix::fs::symlink(&secret, root.join("content/evidence/link.json")).unwrap();
    let (code, _, all) = check(root, &[]);
    assert_eq!(code, 2, "{all}");
    assert!(all.contains("outside the site folder"), "{all}");
    assert!(!all.contains("SECRET-TOKEN"), "{all}");

    let fifo = outside.path().join("fifo.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let started = std::time::Instant::now();
    let (code, _, all) = check(
        &fixture("audit/clean"),
        &["--evidence", fifo.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{all}");
    assert!(all.contains("not a regular file"), "{all}");
    assert!(started.elapsed().as_secs() < 20);
}

/// A public build says per element only that an automated scan confirmed it and when: no
/// scanner name, evidence file, data type, third party, pointer or code location reaches any
/// public file. The internal build shows them on its Evidence page.
#[test]
fn scanner_output_never_reaches_a_public_build() {
    let site = copy_site("evidence");
    let root = site.path();
    write(
        root,
        "content/evidence/zzscan.csv",
        "data_type,third_party,location,system\nZZSCAN-TYPE,ZZSCAN-PARTY,zzscan/location.py:7,shop\n",
    );
    let out = tempfile::tempdir().expect("tmp");
    let public = out.path().join("public");
    common::build(root, &public, &["--audience", "public"]);
    let files = common::files::files(&public);
    let confirmed = files
        .iter()
        .filter(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .contains("Confirmed by an automated code scan of 2026-11-20")
        })
        .count();
    assert!(
        confirmed >= 3,
        "element pages say they are confirmed ({confirmed})"
    );
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for secret in [
            "zzscan",
            "bearer",
            "sentry",
            "evidence/",
            "manual.csv",
            "/third_party/",
            "date of birth",
            "shoe size",
            "undeclared-",
            "unconfirmed-",
        ] {
            assert!(!text.contains(secret), "{name} contains `{secret}`");
        }
        // A Bearer pointer (`/subjects/3`); the site's own `subjects/<group>/` pages are fine.
        let pointer = text
            .match_indices("/subjects/")
            .any(|(i, m)| text[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert!(!pointer, "{name} contains a `/subjects/N` pointer");
    }
    let internal = out.path().join("internal");
    common::build(root, &internal, &["--audience", "internal"]);
    let page =
        std::fs::read_to_string(internal.join("evidence/index.html")).expect("evidence page");
    for shown in [
        "ZZSCAN-PARTY",
        "zzscan/location.py:7",
        "Sentry",
        "/third_party/2",
        "undeclared-recipient",
    ] {
        assert!(
            page.contains(shown),
            "the internal Evidence page shows {shown}"
        );
    }
    let email = std::fs::read_to_string(internal.join("data/email_address/index.html")).unwrap();
    assert!(
        email.contains("Confirmed by the Bearer scan of 2026-11-20"),
        "{email}"
    );
}

/// A pull request whose scan shows a new SDK: `diff` says what the code now sends where, in
/// text, JSON and Markdown; the public diff says nothing of it.
#[test]
fn diff_reports_what_the_code_now_sends() {
    let old = copy_site("evidence");
    edit(
        old.path(),
        "content/evidence/bearer.json",
        "\"third_party\": \"Sentry\"",
        "\"third_party\": \"Postbote\"",
    );
    let new = fixture("evidence");
    let run = |format: &str, audience: &str| {
        let out = candor()
            .args([
                "diff",
                "--today",
                "2026-11-30",
                "--format",
                format,
                "--audience",
                audience,
            ])
            .arg(old.path())
            .arg(&new)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let text = run("text", "internal");
    assert!(
        text.contains("+ code now sends Email Address to Sentry, which the inventory does not declare (bearer.json)"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&run("json", "internal")).expect("JSON");
    let ev = json["evidence"].as_array().expect("evidence");
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0]["third_party"], "Sentry");
    assert_eq!(ev[0]["rules"][0], "undeclared-recipient");
    assert_eq!(json["summary"]["evidence_changes"], 1);
    let md = run("markdown", "internal");
    assert!(
        md.contains("code now sends Email Address to Sentry"),
        "{md}"
    );
    let public = run("json", "public");
    assert!(!public.to_lowercase().contains("sentry"), "{public}");
}

/// Settings for a report CI passes only to `check --evidence` do not break `build`, which
/// does not have it; the report's settings apply when `check` gets it.
#[test]
fn settings_for_a_report_only_ci_passes_do_not_break_build() {
    let site = copy_site("audit/clean");
    let root = site.path();
    let mut toml = std::fs::read_to_string(root.join("candor.toml")).unwrap();
    toml.push_str(
        "\n[evidence.\"bearer-privacy.json\"]\nsystems = [\"shop\"]\nscanned = 2026-11-01\n",
    );
    write(root, "candor.toml", toml);
    let out = tempfile::tempdir().unwrap();
    common::build(root, &out.path().join("site"), &[]);
    let scan = fixture("evidence").join("scanners/bearer-privacy.json");
    let (code, report, all) = check(root, &["--evidence", scan.to_str().unwrap()]);
    assert_eq!(code, 1, "{all}");
    assert!(all.contains("Bearer scan"), "{all}");
    assert!(
        all.contains("of 2026-11-01"),
        "the scan date from candor.toml: {all}"
    );
    assert!(report["findings"].as_array().is_some_and(|f| !f.is_empty()));
}
