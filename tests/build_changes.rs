//! `candor build --previous OLD_ROOT`: the "What changed" page and the Atom feed, reproducible,
//! and never mentioning an internal row on a public build.

mod common;

use std::fs;
use std::path::Path;

use common::{candor, copy_site, edit, read};

const CUSTOMERS: &str = "content/inventory/customers.csv";
const STAFF: &str = "content/inventory/staff.csv";
const ATOM: &str = "http://www.w3.org/2005/Atom";

/// Builds `site` into `out` with `--previous old` and extra arguments; returns stderr.
fn build(site: &Path, old: &Path, out: &Path, extra: &[&str]) -> String {
    let old = old.to_str().expect("UTF-8 path");
    common::build(site, out, &[&["--previous", old], extra].concat())
}

/// The fixture site before and after: the new one collects date of birth for advertising.
fn sites() -> (tempfile::TempDir, tempfile::TempDir) {
    let old = copy_site("site");
    let new = copy_site("site");
    let path = new.path().join(CUSTOMERS);
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(
        "date_of_birth,Date of birth,user.demographic.date_of_birth,customer,provided,shop,\
         marketing.advertising,To show ads suited to your age.,consent,optional,account,,,2026-11-01,,\n",
    );
    fs::write(&path, text).unwrap();
    (old, new)
}

fn children<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|n| n.has_tag_name((ATOM, name)))
        .collect()
}

fn text_of(node: roxmltree::Node, name: &str) -> String {
    children(node, name)
        .first()
        .and_then(|n| n.text())
        .unwrap_or_else(|| panic!("no <{name}>"))
        .to_string()
}

#[test]
fn the_page_and_the_feed_say_what_changed() {
    let (old, new) = sites();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(new.path(), old.path(), &public, &[]);
    let page = read(&public.join("changes/index.html"));
    assert!(
        page.contains("Starts collecting Date of birth for Advertising (consent)."),
        "{page}"
    );
    assert!(
        page.contains("href=\"../data/date_of_birth/index.html\""),
        "{page}"
    );
    assert!(page.contains("badge-sensitive"), "{page}");
    let home = read(&public.join("index.html"));
    assert!(home.contains("href=\"changes/index.html\""), "footer link");
    assert!(
        home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""),
        "feed autodiscovery"
    );

    let xml = read(&public.join("changes.xml"));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    assert!(text_of(feed, "id").starts_with("urn:uuid:"));
    assert_eq!(text_of(feed, "updated"), "2026-12-01T00:00:00Z");
    assert!(!text_of(feed, "title").is_empty());
    assert!(
        !children(feed, "author").is_empty(),
        "a feed without entry authors needs one"
    );
    let self_link = children(feed, "link")
        .into_iter()
        .find(|l| l.attribute("rel") == Some("self"))
        .expect("rel=self");
    assert_eq!(
        self_link.attribute("href"),
        Some("https://trust.fixture.example/changes.xml")
    );
    let entries = children(feed, "entry");
    assert_eq!(entries.len(), 1);
    let entry = entries[0];
    let id = text_of(entry, "id");
    let uuid = id.strip_prefix("urn:uuid:").expect("urn:uuid");
    assert_eq!(uuid.len(), 36);
    assert_eq!(&uuid[14..15], "8", "version 8 UUID");
    assert_eq!(text_of(entry, "updated"), "2026-12-01T00:00:00Z");
    assert!(text_of(entry, "content").contains("<li>Starts collecting Date of birth"));
    assert!(children(entry, "link")[0]
        .attribute("href")
        .is_some_and(|h| h.contains("/changes/index.html#set-")));
}

#[test]
fn the_feed_is_reproducible_and_its_ids_stable() {
    let (old, new) = sites();
    let out = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        out.path().join("a"),
        out.path().join("b"),
        out.path().join("c"),
    );
    build(new.path(), old.path(), &a, &[]);
    build(new.path(), old.path(), &b, &[]);
    assert_eq!(read(&a.join("changes.xml")), read(&b.join("changes.xml")));
    assert_eq!(
        read(&a.join("changes/index.html")),
        read(&b.join("changes/index.html"))
    );
    // Another date changes `updated`, not the ids.
    build(new.path(), old.path(), &c, &["--today", "2027-01-15"]);
    let (x, y) = (read(&a.join("changes.xml")), read(&c.join("changes.xml")));
    assert!(y.contains("<updated>2027-01-15T00:00:00Z</updated>"), "{y}");
    let ids = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains("<id>"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(ids(&x), ids(&y));
    assert_eq!(ids(&x).len(), 2);
}

#[test]
fn nothing_changed_means_an_empty_feed() {
    let old = copy_site("site");
    let out = tempfile::tempdir().unwrap();
    build(old.path(), old.path(), &out.path().join("p"), &[]);
    let page = read(&out.path().join("p/changes/index.html"));
    assert!(page.contains("Nothing changed"), "{page}");
    let xml = read(&out.path().join("p/changes.xml"));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert!(children(doc.root_element(), "entry").is_empty());
}

#[test]
fn a_public_build_never_mentions_internal_changes() {
    let (old, new) = sites();
    edit(
        old.path(),
        STAFF,
        "To let staff into the warehouse.",
        "OLD-INTERNAL-WHY-MARKER",
    );
    edit(
        new.path(),
        STAFF,
        "To let staff into the warehouse.",
        "NEW-INTERNAL-WHY-MARKER",
    );
    let path = new.path().join(STAFF);
    let mut staff = fs::read_to_string(&path).unwrap();
    staff.push_str(
        "shift_marker_element,SHIFT-NAME-MARKER,user.unique_id,employee,essential.service.security,\
         SHIFT-WHY-MARKER,legitimate_interests,required,orders,internal,OWNER-MARKER,2026-07-01\n",
    );
    fs::write(&path, staff).unwrap();
    let markers = [
        "OLD-INTERNAL-WHY-MARKER",
        "NEW-INTERNAL-WHY-MARKER",
        "shift_marker_element",
        "SHIFT-NAME-MARKER",
        "SHIFT-WHY-MARKER",
        "OWNER-MARKER",
        "badge_id",
        "Staff badge number",
        "demographic-targeting",
    ];
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(new.path(), old.path(), &public, &["--audience", "public"]);
    for file in ["changes/index.html", "changes.xml"] {
        let text = read(&public.join(file));
        for m in markers {
            assert!(!text.contains(m), "{m} leaked into {file}");
        }
    }
    // The internal build of the same change shows them, so the check above can fail.
    let internal = out.path().join("internal");
    build(
        new.path(),
        old.path(),
        &internal,
        &["--audience", "internal"],
    );
    let page = read(&internal.join("changes/index.html"));
    for m in [
        "NEW-INTERNAL-WHY-MARKER",
        "SHIFT-NAME-MARKER",
        "demographic-targeting",
    ] {
        assert!(page.contains(m), "internal page lacks {m}");
    }
}

#[test]
fn without_previous_there_is_no_changes_page() {
    let (_, new) = sites();
    let out = tempfile::tempdir().unwrap();
    candor()
        .args(["build", "--root"])
        .arg(new.path())
        .arg("--output")
        .arg(out.path().join("p"))
        .assert()
        .success();
    assert!(!out.path().join("p/changes.xml").exists());
    assert!(!out.path().join("p/changes/index.html").exists());
    assert!(!read(&out.path().join("p/index.html")).contains("changes/index.html"));
}

#[test]
fn an_invalid_previous_site_fails_the_build_and_names_it() {
    let (old, new) = sites();
    edit(old.path(), CUSTOMERS, "legal_basis", "legal_bassis");
    let out = tempfile::tempdir().unwrap();
    let assert = candor()
        .args(["build", "--root"])
        .arg(new.path())
        .arg("--output")
        .arg(out.path().join("p"))
        .arg("--previous")
        .arg(old.path())
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        err.contains(&old.path().join(CUSTOMERS).display().to_string()),
        "{err}"
    );
    assert!(!out.path().join("p").exists(), "nothing written");
}

/// Characters XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls) in a name or title are dropped
/// from the feed and the sitemap, which stay well-formed XML.
#[test]
fn forbidden_xml_characters_never_reach_the_feed_or_sitemap() {
    let (old, new) = sites();
    edit(
        new.path(),
        CUSTOMERS,
        "Date of birth",
        "Date\u{FFFE} of\u{FFFF} birth\u{1}\u{B}",
    );
    edit(
        new.path(),
        "candor.toml",
        "title = \"Fixture Outfitters: your data\"",
        "title = \"Fixture\\uFFFE Outfitters\\u0008: your data\"",
    );
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    build(new.path(), old.path(), &public, &[]);
    for file in ["changes.xml", "sitemap.xml"] {
        let xml = read(&public.join(file));
        assert!(
            !xml.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}', '\u{8}', '\u{B}']),
            "{file}"
        );
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let xml = read(&public.join("changes.xml"));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let feed = doc.root_element();
    assert_eq!(
        text_of(feed, "title"),
        "Fixture Outfitters: your data: what changed"
    );
    let entry = children(feed, "entry")[0];
    assert!(
        text_of(entry, "content").contains("Starts collecting Date of birth"),
        "{xml}"
    );
}

/// Without `--today` or `SOURCE_DATE_EPOCH`, the feed is dated midnight of the *UTC* date, as
/// its `Z` says, whatever the local time zone. Kiritimati (UTC+14) and UTC-12 between them
/// disagree with UTC at every moment of the day, so one of them always tells.
#[test]
fn the_feed_date_is_utc_in_every_time_zone() {
    let (old, new) = sites();
    let utc_date = || {
        jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
            .to_string()
    };
    for tz in ["Pacific/Kiritimati", "Etc/GMT+12"] {
        let out = tempfile::tempdir().unwrap();
        let public = out.path().join("public");
        let before = utc_date();
        let output = candor()
            .env_remove("SOURCE_DATE_EPOCH")
            .env("TZ", tz)
            .args(["build", "--root"])
            .arg(new.path())
            .arg("--output")
            .arg(&public)
            .arg("--previous")
            .arg(old.path())
            .output()
            .expect("run candor");
        assert!(output.status.success(), "{tz}");
        let after = utc_date();
        let xml = read(&public.join("changes.xml"));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let updated = text_of(doc.root_element(), "updated");
        assert!(
            [format!("{before}T00:00:00Z"), format!("{after}T00:00:00Z")].contains(&updated),
            "{tz}: the feed says {updated}, the UTC date is {before}"
        );
    }
}
