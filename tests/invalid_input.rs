//! Broken sites. Each must exit 2 with a message naming the file and line, what was expected,
//! and a suggestion where one applies: `CASES` break the fixture site `fixtures/site` one thing
//! at a time through the binary, and the error corpus of `tests/fixtures/invalid/` keeps each
//! broken site's full report as a snapshot.
//!
//! The corpus: every folder of `tests/fixtures/invalid/` is one broken site, made of the
//! fixture site with the case's files laid over it (same relative paths). A case may also hold
//! `REMOVE`, one site path per line, for base files it deletes. Each case's full report, as
//! `candor` prints it, is a snapshot in `tests/snapshots/`. To add a case: make a folder, run
//! `cargo test --test invalid_input`, read the new `.snap.new` file as someone who has never
//! seen candor, and accept it (rename it to `.snap` or `cargo insta accept`) when the message is
//! clear.

mod common;

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use candor::load_catalog;
use common::{candor, copy_dir, copy_site, edit, fixture, write};

/// One way to break the fixture site.
enum Break {
    Edit(&'static str, &'static str, &'static str),
    Write(&'static str, &'static str),
    Remove(&'static str),
}

struct Case {
    name: &'static str,
    breaks: &'static [Break],
    /// Substrings the error output must contain (file:line, message, suggestion).
    expect: &'static [&'static str],
}

const INV: &str = "content/inventory/customers.csv";

const CASES: &[Case] = &[
    Case {
        name: "misspelt column",
        breaks: &[Break::Edit(INV, ",purpose,", ",purpse,")],
        expect: &["content/inventory/customers.csv:1", "purpse", "did you mean `purpose`?"],
    },
    Case {
        name: "unknown data category",
        breaks: &[Break::Edit(INV, "user.contact.email,", "user.contact.emial,")],
        expect: &["content/inventory/customers.csv:2", "user.contact.emial", "did you mean `user.contact.email`?"],
    },
    Case {
        name: "unknown purpose",
        breaks: &[Break::Edit(INV, "marketing.communications.email,", "marketing.comunications.email,")],
        expect: &["content/inventory/customers.csv:3", "did you mean `marketing.communications.email`?"],
    },
    Case {
        name: "unknown retention id",
        breaks: &[Break::Edit(INV, "required,account,", "required,acount,")],
        expect: &["content/inventory/customers.csv:2", "acount", "did you mean `account`?"],
    },
    Case {
        name: "bad legal basis",
        breaks: &[Break::Edit(INV, "consent,optional,account,mailer", "consnet,optional,account,mailer")],
        expect: &["content/inventory/customers.csv:3", "consnet", "did you mean `consent`?"],
    },
    Case {
        name: "unknown recipient",
        breaks: &[Break::Edit(INV, ",mailer,", ",mailr,")],
        expect: &["content/inventory/customers.csv:3", "mailr", "did you mean `mailer`?"],
    },
    Case {
        name: "unknown system",
        breaks: &[Break::Edit(INV, "provided,shop,essential.service,", "provided,shopp,essential.service,")],
        expect: &["content/inventory/customers.csv:4", "shopp", "did you mean `shop`?"],
    },
    Case {
        name: "conflicting element-level values name both lines",
        breaks: &[Break::Edit(INV, "email_address,,,,,,marketing", "email_address,,user.contact,,,,marketing")],
        expect: &["content/inventory/customers.csv:3", "content/inventory/customers.csv:2", "user.contact.email"],
    },
    Case {
        name: "bad retention duration",
        breaks: &[Break::Edit("content/retention.csv", "P30D", "P30X")],
        expect: &["content/retention.csv:2", "P30X", "P30D"],
    },
    Case {
        name: "bad review date",
        breaks: &[Break::Edit(INV, "2026-08-15", "2026-13-15")],
        expect: &["content/inventory/customers.csv:4", "2026-13-15", "not a real date"],
    },
    Case {
        name: "bad element id",
        breaks: &[Break::Edit(INV, "delivery_address,Delivery", "Delivery-Address,Delivery")],
        expect: &["content/inventory/customers.csv:4", "Delivery-Address"],
    },
    Case {
        name: "missing required column",
        breaks: &[Break::Write(
            "content/inventory/staff.csv",
            "element,name,category,purpose\nbadge_id,Badge,user.unique_id,essential.service.security\n",
        )],
        expect: &["content/inventory/staff.csv:1", "why"],
    },
    Case {
        name: "wrong field count",
        breaks: &[Break::Edit(INV, "Logistics,2026-08-15,,", "Logistics,2026-08-15,,,extra")],
        expect: &["content/inventory/customers.csv:4"],
    },
    Case {
        name: "YAML syntax error in a model card",
        breaks: &[Break::Edit("content/models/style-recommender.md", "owners: [Personalisation team]", "owners: [Personalisation team")],
        expect: &["content/models/style-recommender.md:"],
    },
    Case {
        name: "front matter not closed",
        breaks: &[Break::Write("content/models/broken.md", "---\nname: Broken\ninputs: [email_address]\n\nNo closing line.\n")],
        expect: &["content/models/broken.md", "---"],
    },
    Case {
        name: "duplicate model id",
        breaks: &[Break::Write("content/models/copy.md", "---\nid: style-recommender\nname: Copy\n---\nBody\n")],
        expect: &["content/models/copy.md:2", "style-recommender", "content/models/style-recommender.md"],
    },
    Case {
        name: "misspelt key in candor.toml",
        breaks: &[Break::Edit("candor.toml", "organisation =", "organisaton =")],
        expect: &["candor.toml:2", "did you mean `organisation`?"],
    },
    Case {
        name: "no candor.toml",
        breaks: &[Break::Remove("candor.toml")],
        expect: &["candor.toml", "candor init"],
    },
];

fn apply(site: &Path, b: &Break) {
    match b {
        Break::Edit(file, from, to) => edit(site, file, from, to),
        Break::Write(file, text) => write(site, file, text),
        Break::Remove(file) => std::fs::remove_file(site.join(file)).expect("remove"),
    }
}

#[test]
fn every_broken_site_exits_2_with_location_and_help() {
    let mut failures = Vec::new();
    for case in CASES {
        let site = copy_site("site");
        for b in case.breaks {
            apply(site.path(), b);
        }
        let out = candor()
            .args(["build", "--root"])
            .arg(site.path())
            .arg("--output")
            .arg(site.path().join("public"))
            .output()
            .expect("run candor");
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(2) {
            failures.push(format!(
                "{}: exit {:?}, stderr:\n{stderr}",
                case.name,
                out.status.code()
            ));
            continue;
        }
        for want in case.expect {
            if !stderr.contains(want) {
                failures.push(format!("{}: missing {want:?} in:\n{stderr}", case.name));
            }
        }
        if site.path().join("public").exists() {
            failures.push(format!("{}: a failed build wrote output", case.name));
        }
        if stderr.contains("panicked") {
            failures.push(format!("{}: panic:\n{stderr}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_errors_of_a_run_are_reported_together_in_file_order() {
    let site = copy_site("site");
    edit(site.path(), INV, ",mailer,", ",mailr,");
    edit(site.path(), "content/retention.csv", "P30D", "P30X");
    edit(site.path(), INV, "2026-08-15", "2026-13-15");
    let out = candor()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .expect("run candor");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let pos = |s: &str| {
        stderr
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} missing in:\n{stderr}"))
    };
    let (a, b, c) = (
        pos("content/inventory/customers.csv:3"),
        pos("content/inventory/customers.csv:4"),
        pos("content/retention.csv:2"),
    );
    assert!(a < b && b < c, "not sorted by file and line:\n{stderr}");
    assert!(stderr.contains("3 errors"), "{stderr}");
}

/// The rendered report for the site made from the base fixture plus `case`.
fn report(case: &Path) -> String {
    let site = copy_site("site");
    let root = site.path();
    for entry in walkdir::WalkDir::new(case).min_depth(1) {
        let entry = entry.expect("walk case");
        let rel = entry.path().strip_prefix(case).expect("prefix");
        if rel == Path::new("REMOVE") {
            let list = fs::read_to_string(entry.path()).expect("read REMOVE");
            for line in list.lines().filter(|l| !l.trim().is_empty()) {
                let path = root.join(line.trim());
                assert!(
                    path.exists(),
                    "{}: REMOVE names {line}, which the base site lacks",
                    case.display()
                );
                if path.is_dir() {
                    fs::remove_dir_all(path).expect("remove dir");
                } else {
                    fs::remove_file(path).expect("remove file");
                }
            }
        }
    }
    copy_dir(case, root);
    let _ = fs::remove_file(root.join("REMOVE"));
    match load_catalog(root) {
        Ok(_) => panic!("{}: the site loaded without an error", case.display()),
        Err(diags) => diags
            .to_string()
            .replace(&root.display().to_string(), "<site>"),
    }
}

#[test]
fn every_broken_site_reports_its_snapshot() {
    let dir = fixture("invalid");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/fixtures/invalid")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 25,
        "the corpus has only {} cases",
        cases.len()
    );
    let mut failed = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let text = report(case);
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_snapshot_path("snapshots");
            settings.set_omit_expression(true);
            settings.set_description(format!("tests/fixtures/invalid/{name}"));
            settings.bind(|| insta::assert_snapshot!(name.clone(), text));
        }));
        if outcome.is_err() {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "cases whose report changed: {failed:?}");
}

/// What Excel writes ("CSV UTF-8"): a byte-order mark and CRLF line ends, in every CSV file,
/// the model card and candor.toml. It is valid, loads to the same catalog as the plain files,
/// builds, and errors in it keep their lines.
#[test]
fn excel_exports_with_bom_and_crlf_are_valid() {
    let plain = load_catalog(&fixture("site")).unwrap_or_else(|e| panic!("{e}"));
    let site = copy_site("site");
    let mut converted = 0;
    for entry in walkdir::WalkDir::new(site.path()) {
        let entry = entry.expect("walk");
        let ext = entry.path().extension().and_then(|x| x.to_str());
        if matches!(ext, Some("csv" | "md" | "toml")) {
            let text = fs::read_to_string(entry.path()).expect("read");
            let excel = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            fs::write(entry.path(), excel).expect("write");
            converted += 1;
        }
    }
    assert!(converted >= 8, "converted only {converted} files");
    let excel = load_catalog(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let ids = |c: &candor::model::Catalog| -> Vec<String> {
        c.elements
            .iter()
            .map(|e| format!("{} {} {:?}", e.id, e.name, e.subjects))
            .collect()
    };
    assert_eq!(ids(&excel), ids(&plain));
    assert_eq!(excel.uses.len(), plain.uses.len());
    let whys: Vec<_> = excel.uses.iter().map(|u| u.why.as_str()).collect();
    assert!(whys.iter().all(|w| !w.contains('\r')), "{whys:?}");
    assert_eq!(excel.models[0].body, plain.models[0].body);
    // The binary builds it too.
    candor()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path().join("public"))
        .assert()
        .success();
    // An error in such a file points at its line (the mark and CR counted as nothing), and
    // loading stops at the broken file without a cascade of unknown retention ids.
    edit(
        site.path(),
        "content/retention.csv",
        "\r\n",
        "\r\n\"unclosed,",
    );
    let errs: Vec<_> = load_catalog(site.path()).unwrap_err().into_iter().collect();
    assert_eq!(
        errs.len(),
        1,
        "no cascade of unknown retention ids: {errs:?}"
    );
    assert!(errs[0].message.contains("never closed"), "{errs:?}");
    assert_eq!(errs[0].line, Some(2));
}
