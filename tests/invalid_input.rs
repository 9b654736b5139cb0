//! Broken sites: each must exit 2 with a message naming the file and line, what was expected,
//! and a suggestion where one applies. Every case starts from `fixtures/site` and breaks one thing.

mod common;

use common::{candor, copy_site, edit, write};
use std::path::Path;

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

#[test]
fn excel_export_with_bom_and_crlf_is_valid() {
    let site = copy_site("site");
    let path = site.path().join(INV);
    let text = std::fs::read_to_string(&path).expect("read");
    let excel = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    std::fs::write(&path, excel).expect("write");
    candor()
        .args(["build", "--root"])
        .arg(site.path())
        .assert()
        .success();
}
