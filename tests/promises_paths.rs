//! Promise "never writes outside the output": every id that becomes a file or directory name
//! (elements, models, pages, register ids, taxonomy keys) is checked when the site is loaded,
//! so `..`, `a/b`, a Windows device name or a NUL byte is an input error naming its file, and
//! nothing is written anywhere.

mod common;

use std::fs;
use std::path::Path;

use common::files::tree;
use common::{candor, copy_dir, edit, fixture};

const BAD_IDS: &[&str] = &["..", "a/b", "con", "a\0b", "../../escape"];

/// Plants `bad` in a copy of the fixture site with `plant`; `build`, `check` and `export`
/// must fail with exit 2 and a message with `says`, and nothing may be written.
fn assert_refused(what: &str, bad: &str, plant: impl Fn(&Path, &str), says: &[&str]) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    copy_dir(&fixture("site"), &site);
    plant(&site, bad);
    let before = tree(tmp.path());
    for args in [
        &["build", "--output", "out"][..],
        &["check"][..],
        &["export", "--format", "json"][..],
    ] {
        let o = candor()
            .current_dir(tmp.path())
            .args(args)
            .arg("--root")
            .arg(&site)
            .output()
            .expect("run candor");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{what} {bad:?} ({args:?}): {stderr}"
        );
        for s in says {
            assert!(
                stderr.contains(s),
                "{what} {bad:?}: message lacks {s:?}:\n{stderr}"
            );
        }
    }
    assert!(
        tree(tmp.path()) == before,
        "{what} {bad:?}: something was written"
    );
}

fn replace_in(site: &Path, file: &str, from: &str, to: &str) {
    // `edit` takes text; a NUL byte is text too.
    edit(site, file, from, to);
}

#[test]
fn unsafe_element_ids_are_load_errors() {
    for bad in BAD_IDS {
        assert_refused(
            "element",
            bad,
            |s, bad| {
                replace_in(
                    s,
                    "content/inventory/customers.csv",
                    "delivery_address,Delivery address",
                    &format!("\"{bad}\",Delivery address"),
                )
            },
            &["content/inventory/customers.csv:4", "element id"],
        );
    }
}

#[test]
fn unsafe_register_ids_are_load_errors() {
    let registers = [
        (
            "content/retention.csv",
            "orders,Order records",
            "retention policy id",
            3,
        ),
        ("content/recipients.csv", "carrier,Swift", "recipient id", 3),
        ("content/systems.csv", "shop,Web shop", "system id", 2),
    ];
    for (file, row, what, line) in registers {
        let (_, rest) = row.split_once(',').expect("row");
        for bad in BAD_IDS {
            let at = format!("{file}:{line}");
            assert_refused(
                what,
                bad,
                |s, bad| replace_in(s, file, row, &format!("\"{bad}\",{rest}")),
                &[&at, what],
            );
        }
    }
}

#[test]
fn unsafe_model_ids_are_load_errors() {
    let card = "content/models/style-recommender.md";
    for bad in BAD_IDS {
        // YAML spells a NUL byte `\0` in a double-quoted string.
        let yaml = bad.replace('\0', "\\0");
        assert_refused(
            "model id",
            bad,
            |s, _| {
                replace_in(
                    s,
                    card,
                    "name: Style",
                    &format!("id: \"{yaml}\"\nname: Style"),
                )
            },
            &[card, "model id"],
        );
    }
    for stem in ["con", "Style Recommender", "nul"] {
        assert_refused(
            "model file name",
            stem,
            |s, stem| {
                let to = s.join(format!("content/models/{stem}.md"));
                fs::rename(s.join(card), to).expect("rename");
            },
            &[&format!("content/models/{stem}.md"), "model id"],
        );
    }
}

#[test]
fn unsafe_page_slugs_are_load_errors() {
    // (A file name cannot hold a NUL byte, `/` or `..`.)
    for stem in ["con", "Your Rights", "lpt1"] {
        assert_refused(
            "page file name",
            stem,
            |s, stem| {
                let to = s.join(format!("content/pages/{stem}.md"));
                fs::rename(s.join("content/pages/your-rights.md"), to).expect("rename");
            },
            &[&format!("content/pages/{stem}.md"), "page slug"],
        );
    }
}

#[test]
fn unsafe_taxonomy_keys_are_load_errors() {
    for bad in ["con", "aux.things", "../x", "user/x", "a\0b", ".."] {
        let toml_key = bad.replace('\0', "\\u0000");
        assert_refused(
            "taxonomy key",
            bad,
            |s, _| {
                replace_in(
                    s,
                    "candor.toml",
                    "key = \"user.behavior.stated_preferences\"\nname = \"Stated preferences\"\nparent = \"user.behavior\"",
                    &format!("key = \"{toml_key}\"\nname = \"Stated preferences\""),
                );
                replace_in(
                    s,
                    "content/inventory/customers.csv",
                    "user.behavior.stated_preferences",
                    "user.behavior",
                );
            },
            &["candor.toml", "taxonomy key"],
        );
    }
}

/// Ids become file names: one longer than 100 characters is an input error at its line in
/// `check` too, not a "File name too long" from `build` alone.
#[test]
fn over_long_ids_are_load_errors() {
    let long = "a".repeat(300);
    assert_refused(
        "element",
        &long,
        |s, bad| {
            replace_in(
                s,
                "content/inventory/customers.csv",
                "delivery_address,Delivery address",
                &format!("{bad},Delivery address"),
            )
        },
        &["content/inventory/customers.csv:4", "at most 100"],
    );
    assert_refused(
        "retention policy id",
        &long,
        |s, bad| {
            replace_in(
                s,
                "content/retention.csv",
                "orders,Order records",
                &format!("{bad},Order records"),
            )
        },
        &["content/retention.csv:3", "at most 100"],
    );
    let card = "content/models/style-recommender.md";
    assert_refused(
        "model id",
        &long,
        |s, bad| replace_in(s, card, "name: Style", &format!("id: {bad}\nname: Style")),
        &[card, "at most 100"],
    );
    assert_refused(
        "page file name",
        &"p".repeat(150),
        |s, stem| {
            let to = s.join(format!("content/pages/{stem}.md"));
            fs::rename(s.join("content/pages/your-rights.md"), to).expect("rename");
        },
        &["page slug", "at most 100"],
    );
}
