//! The change history across builds: `changes.json` is read back from the previous output (or
//! `--history FILE`), so `changes/` and the feed list every change set with its date; the
//! file is input, checked like any other.

mod common;

use std::fs;
use std::path::Path;

use common::{build, copy_site, edit, read, run_build};

const CUSTOMERS: &str = "content/inventory/customers.csv";

/// v1, v2 (collects date of birth for advertising) and v3 (also stops the newsletter reason's
/// wording and adds a phone number).
fn versions() -> [tempfile::TempDir; 3] {
    let v1 = copy_site("site");
    let v2 = copy_site("site");
    let path = v2.path().join(CUSTOMERS);
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(
        "date_of_birth,Date of birth,user.demographic.date_of_birth,customer,provided,shop,\
         marketing.advertising,To show ads suited to your age.,consent,optional,account,,,2026-11-01,,\n",
    );
    fs::write(&path, &text).unwrap();
    let v3 = copy_site("site");
    text.push_str(
        "phone_number,Phone number,user.contact.phone_number,customer,provided,shop,\
         essential.service,So the courier can call you.,contract,required,orders,,,2026-11-02,,\n",
    );
    fs::write(v3.path().join(CUSTOMERS), &text).unwrap();
    [v1, v2, v3]
}

/// Builds `site` into `out` with `--previous old`, dated `today`.
fn step(site: &Path, old: &Path, out: &Path, today: &str, extra: &[&str]) -> String {
    let old = old.to_str().unwrap();
    build(
        site,
        out,
        &[&["--previous", old, "--today", today], extra].concat(),
    )
}

fn entries(out: &Path) -> Vec<serde_json::Value> {
    let doc: serde_json::Value = serde_json::from_str(&read(&out.join("changes.json"))).unwrap();
    doc["entries"].as_array().unwrap().clone()
}

#[test]
fn three_successive_builds_show_both_changes_with_their_dates() {
    let [v1, v2, v3] = versions();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    step(v2.path(), v1.path(), &public, "2026-03-01", &[]);
    step(v3.path(), v2.path(), &public, "2026-04-15", &[]);

    let page = read(&public.join("changes/index.html"));
    let newer = page.find("Changes of 2026-04-15").expect("the newer set");
    let older = page.find("Changes of 2026-03-01").expect("the older set");
    assert!(newer < older, "newest first");
    let phone = page
        .find("Starts collecting Phone number")
        .expect("v2 -> v3");
    let dob = page
        .find("Starts collecting Date of birth")
        .expect("v1 -> v2");
    assert!(newer < phone && phone < older && older < dob, "{page}");

    let xml = read(&public.join("changes.xml"));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let atom = "http://www.w3.org/2005/Atom";
    let found: Vec<(String, String)> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .map(|e| {
            let text = |name| {
                e.children()
                    .find(|n| n.has_tag_name((atom, name)))
                    .and_then(|n| n.text())
                    .unwrap()
                    .to_string()
            };
            (text("id"), text("updated"))
        })
        .collect();
    assert_eq!(found.len(), 2, "{xml}");
    assert_ne!(found[0].0, found[1].0);
    assert_eq!(found[0].1, "2026-04-15T00:00:00Z");
    assert_eq!(found[1].1, "2026-03-01T00:00:00Z");
    let kept = entries(&public);
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0]["id"], found[0].0.as_str());

    // Building the same versions again adds nothing; the ids stay.
    step(v3.path(), v2.path(), &public, "2026-04-16", &[]);
    let again = entries(&public);
    assert_eq!(again.len(), 2);
    assert_eq!(again[0]["id"], kept[0]["id"]);
    // A build without --previous carries the history on.
    build(v3.path(), &public, &["--today", "2026-04-17"]);
    assert_eq!(entries(&public).len(), 2);
    assert!(read(&public.join("changes/index.html")).contains("Changes of 2026-03-01"));
    // Bounded: --keep-changes keeps the newest.
    step(
        v3.path(),
        v2.path(),
        &public,
        "2026-04-18",
        &["--keep-changes", "1"],
    );
    let one = entries(&public);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["date"], "2026-04-15");
}

#[test]
fn an_explicit_history_continues_into_a_fresh_output() {
    let [v1, v2, v3] = versions();
    let out = tempfile::tempdir().unwrap();
    let first = out.path().join("first");
    step(v2.path(), v1.path(), &first, "2026-03-01", &[]);
    let saved = out.path().join("published-changes.json");
    fs::copy(first.join("changes.json"), &saved).unwrap();
    let fresh = out.path().join("fresh");
    step(
        v3.path(),
        v2.path(),
        &fresh,
        "2026-04-15",
        &["--history", saved.to_str().unwrap()],
    );
    assert_eq!(entries(&fresh).len(), 2);
}

#[test]
fn a_garbled_history_fails_the_build_with_its_line() {
    let [v1, v2, _] = versions();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    step(v2.path(), v1.path(), &public, "2026-03-01", &[]);
    let file = public.join("changes.json");
    let text = read(&file).replacen("\"date\": \"2026-03-01\"", "\"date\": \"2026-02-31\"", 1);
    fs::write(&file, text).unwrap();
    let (code, err) = run_build(
        v2.path(),
        &public,
        &["--previous", v1.path().to_str().unwrap()],
    );
    assert_eq!(code, Some(2), "{err}");
    let line = read(&file)
        .lines()
        .position(|l| l.contains("2026-02-31"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("changes.json:{line}:")), "{err}");
    assert!(err.contains("not a change history"), "{err}");
    // The previous output is left as it was.
    assert!(read(&file).contains("2026-02-31"));
}

#[test]
fn a_public_build_never_publishes_an_internal_history() {
    let [v1, v2, v3] = versions();
    edit(
        v2.path(),
        "content/inventory/staff.csv",
        "To let staff into the warehouse.",
        "HISTORY-INTERNAL-MARKER",
    );
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    step(
        v2.path(),
        v1.path(),
        &dir,
        "2026-03-01",
        &["--audience", "internal"],
    );
    assert!(read(&dir.join("changes.json")).contains("HISTORY-INTERNAL-MARKER"));
    // Named on the command line, it is refused ...
    let internal = out.path().join("internal-changes.json");
    fs::copy(dir.join("changes.json"), &internal).unwrap();
    let (code, err) = run_build(
        v3.path(),
        &out.path().join("elsewhere"),
        &["--history", internal.to_str().unwrap()],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("internal build"), "{err}");
    // ... and left in the output folder, a public build starts a new history instead.
    step(
        v3.path(),
        v2.path(),
        &dir,
        "2026-04-15",
        &["--audience", "public"],
    );
    for file in ["changes.json", "changes.xml", "changes/index.html"] {
        let text = read(&dir.join(file));
        assert!(!text.contains("HISTORY-INTERNAL-MARKER"), "{file}");
    }
    assert_eq!(entries(&dir).len(), 1);
}
