//! Promise "nothing leaked": `tests/fixtures/leaky` plants a unique marker (each contains
//! `zzleak`) in every kind of internal field. A public build, and every export for the public
//! audience, must contain no `zzleak` in any file, in any case; an internal build must show
//! every marker, with the internal banner and `noindex` on every page.

mod common;

use std::fs;
use std::path::Path;

use common::files::files;
use common::{build, candor, copy_site, edit, fixture};

/// Every marker of the fixture, and where it is planted.
const MARKERS: &[&str] = &[
    "zzleak_element",               // an internal row's element id (its page URL too)
    "ZZLEAK-ELEMENT-NAME",          // its name
    "ZZLEAK-ELEMENT-WHY",           // its reason
    "ZZLEAK-INTERNAL-OWNER",        // its owner
    "ZZLEAK-INTERNAL-NOTES",        // its notes
    "ZZLEAK-INTERNAL-X-VALUE",      // its x_ value
    "ZZLEAK-INTERNAL-USE-WHY",      // an internal use of a public element
    "ZZLEAK-INTERNAL-USE-NOTES",    // its notes
    "ZZLEAK-ELEMENT-OWNER",         // a public element's owner
    "ZZLEAK-NOTES",                 // a public row's notes
    "x_zzleak_column",              // an x_ column's name
    "ZZLEAK-X-VALUE",               // its value on a public row
    "ZZLEAK-SYSTEM-OWNER",          // a public system's owner
    "ZZLEAK-SYSTEM-NAME",           // a system only the internal element is stored in
    "ZZLEAK-SYSTEM-DESCRIPTION",    //
    "ZZLEAK-SYSTEM-LOCATION",       //
    "ZZLEAK-POLICY-NAME",           // a retention policy only internal rows use
    "ZZLEAK-POLICY-TRIGGER",        //
    "ZZLEAK-POLICY-LAW",            //
    "ZZLEAK-POLICY-DESCRIPTION",    //
    "ZZLEAK-RECIPIENT-NAME",        // a recipient only internal rows share with
    "ZZLEAK-RECIPIENT-COUNTRY",     //
    "ZZLEAK-RECIPIENT-SAFEGUARDS",  //
    "ZZLEAK-RECIPIENT-DESCRIPTION", //
    "zzleak-recipient.example",     // its dpa_url
    "ZZLEAK-PURPOSE-NAME",          // a purpose only an internal row has
    "essential.zzleak_purpose",     // its key
    "ZZLEAK-CATEGORY-NAME",         // a data category only the internal element has
    "user.zzleak_category",         // its key
    "zzleak_internal_key",          // a key of a model card's `internal:` block
    "ZZLEAK-MODEL-INTERNAL-VALUE",  // its value
    "ZZLEAK-MODEL-INTERNAL-NESTED", // a nested value of it
    "x_zzleak_extra_key",           // an unknown model card key
    "ZZLEAK-MODEL-EXTRA-VALUE",     // its value
    "zzleak_unknown",               // another unknown key, with an object value
    "ZZLEAK-MODEL-UNKNOWN-VALUE",   // its nested value
    "ZZLEAK-EXCEPTION-REASON",      // audit detail: an accepted finding's reason
    "content/inventory/zzleak_file.csv", // the file internal rows come from (origins)
    "zzleak_model_input",           // an element with only internal rows, named by a public card
];

/// Rule ids of findings the fixture triggers: audit detail that a public page must not name.
const RULES: &[&str] = &[
    "unbounded-retention",
    "overdue-review",
    "model-undeclared-training",
    "model-card-incomplete",
];

/// Where `needle` occurs in `haystack`, ignoring ASCII case, with some context.
fn find_ci(haystack: &[u8], needle: &str) -> Option<String> {
    let hay = haystack.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    let at = hay
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())?;
    let from = at.saturating_sub(60);
    let to = (at + needle.len() + 60).min(haystack.len());
    Some(String::from_utf8_lossy(&haystack[from..to]).into_owned())
}

/// Fails with every file and place where public output shows anything internal.
fn assert_nothing_internal(what: &str, files: &[(String, Vec<u8>)]) {
    let mut leaks = Vec::new();
    for (file, bytes) in files {
        for needle in std::iter::once("zzleak").chain(RULES.iter().copied()) {
            if let Some(context) = find_ci(bytes, needle) {
                leaks.push(format!("{what} {file}: {needle:?} in …{context}…"));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "internal values leaked:\n{}",
        leaks.join("\n")
    );
}

fn built(site: &Path, extra: &[&str]) -> (tempfile::TempDir, Vec<(String, Vec<u8>)>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    build(site, &out, extra);
    let all = files(&out);
    assert!(all.len() > 10, "too few files in {}", out.display());
    (tmp, all)
}

fn html_pages(files: &[(String, Vec<u8>)]) -> impl Iterator<Item = (&str, String)> {
    files
        .iter()
        .filter(|(f, _)| f.ends_with(".html"))
        .map(|(f, b)| (f.as_str(), String::from_utf8_lossy(b).into_owned()))
}

const BANNER: &str = "Internal — do not publish";
const NOINDEX: &str = r#"<meta name="robots" content="noindex"#;

fn assert_public(what: &str, all: &[(String, Vec<u8>)]) {
    assert_nothing_internal(what, all);
    assert!(
        !all.iter().any(|(f, _)| f.starts_with("audit")),
        "{what}: audit pages"
    );
    for (file, html) in html_pages(all) {
        assert!(!html.contains(BANNER), "{what} {file}: internal banner");
        assert!(!html.contains(NOINDEX), "{what} {file}: noindex");
        assert!(
            !html.contains("class=\"finding"),
            "{what} {file}: a finding"
        );
    }
}

fn assert_internal(what: &str, all: &[(String, Vec<u8>)]) {
    let missing: Vec<&str> = MARKERS
        .iter()
        .copied()
        .filter(|m| !all.iter().any(|(_, b)| find_ci(b, m).is_some()))
        .collect();
    assert!(
        missing.is_empty(),
        "{what} lacks internal values {missing:?}"
    );
    assert!(
        all.iter().any(|(f, _)| f == "audit/index.html"),
        "{what}: no audit page"
    );
    let mut pages = 0;
    for (file, html) in html_pages(all) {
        assert!(html.contains(BANNER), "{what} {file}: no internal banner");
        assert!(html.contains(NOINDEX), "{what} {file}: no noindex");
        pages += 1;
    }
    assert!(pages > 10, "{what}: only {pages} pages");
}

#[test]
fn public_build_has_no_internal_value_in_any_file() {
    let site = fixture("leaky");
    let (_tmp, default) = built(&site, &[]);
    assert_public("default build", &default);
    let (_tmp, public) = built(&site, &["--audience", "public"]);
    assert_public("--audience public", &public);
    assert_eq!(default, public, "the default audience is public");
}

#[test]
fn internal_build_shows_every_internal_value_with_banner_and_noindex() {
    let (_tmp, internal) = built(&fixture("leaky"), &["--audience", "internal"]);
    assert_internal("--audience internal", &internal);
}

#[test]
fn default_audience_comes_from_candor_toml_and_the_flag_overrides_it() {
    let site = copy_site("leaky");
    edit(
        site.path(),
        "candor.toml",
        "language = \"en\"",
        "language = \"en\"\naudience = \"internal\"",
    );
    let (_tmp, default) = built(site.path(), &[]);
    assert_internal("audience = internal in candor.toml", &default);
    let (_tmp, public) = built(site.path(), &["--audience", "public"]);
    assert_public("--audience public over candor.toml", &public);
    let json = export(site.path(), "json", &[]);
    assert!(json.contains("ZZLEAK-NOTES"), "export follows candor.toml");
    assert_nothing_internal(
        "export --audience public",
        &[(
            "json".into(),
            export(site.path(), "json", &["--audience", "public"]).into_bytes(),
        )],
    );
}

const FORMATS: &[&str] = &["ropa-csv", "cyclonedx", "play-data-safety", "fides", "json"];

fn export(site: &Path, format: &str, extra: &[&str]) -> String {
    let output = candor()
        .args(["export", "--root"])
        .arg(site)
        .args(["--format", format])
        .args(extra)
        .output()
        .expect("run candor");
    assert!(
        output.status.success(),
        "export {format} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 export")
}

#[test]
fn every_public_export_has_no_internal_value() {
    let site = fixture("leaky");
    let tmp = tempfile::tempdir().expect("tempdir");
    for format in FORMATS {
        let mut outputs = vec![
            (
                format!("{format} (default)"),
                export(&site, format, &[]).into_bytes(),
            ),
            (
                format!("{format} --audience public"),
                export(&site, format, &["--audience", "public"]).into_bytes(),
            ),
        ];
        if *format == "ropa-csv" {
            // The record of processing is internal by default (GDPR Art. 30): only its
            // `--audience public` form is public output.
            let default = outputs.remove(0);
            assert!(
                find_ci(&default.1, "zzleak").is_some(),
                "ropa-csv default is internal"
            );
        }
        let file = tmp.path().join(format!("export.{format}"));
        let out_flag = [
            "--audience",
            "public",
            "--out",
            file.to_str().expect("UTF-8 path"),
        ];
        export(&site, format, &out_flag);
        outputs.push((
            format!("{format} --out"),
            fs::read(&file).expect("read export"),
        ));
        assert!(
            outputs.iter().all(|(_, b)| b.len() > 50),
            "{format}: empty export"
        );
        assert_nothing_internal("export", &outputs);
    }
}

#[test]
fn internal_exports_carry_the_internal_values_the_public_ones_lack() {
    let site = fixture("leaky");
    let json = export(&site, "json", &["--audience", "internal"]);
    for marker in MARKERS {
        let audit_only = marker.contains("EXCEPTION") || marker.contains("zzleak_file");
        assert!(
            audit_only || json.contains(marker),
            "internal data.json lacks {marker:?}"
        );
    }
    // Play's Data safety form has fixed data types and purposes: no names or notes to show.
    for format in FORMATS.iter().filter(|f| **f != "play-data-safety") {
        let text = export(&site, format, &["--audience", "internal"]);
        assert!(
            text.to_ascii_lowercase().contains("zzleak"),
            "internal {format} export shows nothing internal"
        );
    }
}

/// Keeps the lines of a site file that contain none of `drop`; fails if none matched.
fn drop_lines(site: &Path, file: &str, drop: &[&str]) {
    let path = site.join(file);
    let text = fs::read_to_string(&path).expect("read");
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !drop.iter().any(|d| l.contains(d)))
        .collect();
    assert!(kept.len() < text.lines().count(), "{file}: nothing dropped");
    fs::write(&path, kept.join("\n") + "\n").expect("write");
}

/// Takes `zzleak_model_input` (an element with only internal rows) out of the model card.
fn unname_internal_input(site: &Path) {
    const CARD: &str = "content/models/recommender.md";
    drop_lines(site, CARD, &["[zzleak_model_input]"]);
    edit(site, CARD, ", zzleak_model_input]", "]");
    edit(site, CARD, ", zzleak_model_input]", "]");
}

#[test]
fn public_build_is_the_build_of_the_site_without_its_internal_rows() {
    // Not even counts, chart bars or the order of things may tell that internal rows exist.
    let stripped = copy_site("leaky");
    let s = stripped.path();
    fs::remove_file(s.join("content/inventory/zzleak_file.csv")).expect("rm");
    drop_lines(
        s,
        "content/inventory/customers.csv",
        &["ZZLEAK-INTERNAL-USE-WHY"],
    );
    drop_lines(s, "content/retention.csv", &["zzleak-policy"]);
    drop_lines(s, "content/recipients.csv", &["zzleak-recipient"]);
    drop_lines(s, "content/systems.csv", &["zzleak-system"]);
    let toml = fs::read_to_string(s.join("candor.toml")).expect("read");
    let cut = toml.find("# Audit detail").expect("fixture layout");
    fs::write(s.join("candor.toml"), &toml[..cut]).expect("write");
    // A public card naming an element with only internal rows says "internal data" (so the
    // card stays true); that one hint is allowed, and tested in tests/papercuts.rs. Here the
    // card names none, on both sides.
    let full = copy_site("leaky");
    for site in [full.path(), s] {
        unname_internal_input(site);
    }
    let (_a, with_internal) = built(full.path(), &[]);
    let (_b, without) = built(s, &[]);
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&with_internal), names(&without));
    for ((file, a), (_, b)) in with_internal.iter().zip(&without) {
        assert!(
            a == b,
            "{file} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }
}

/// The reader's files (inventory.csv and .json, the whole notice, the change history and its
/// feed) are public like the rest: nothing internal in them, even when internal rows changed
/// between versions; the internal build's show the markers, so the check can fail.
#[test]
fn the_readers_downloads_notice_and_history_hold_nothing_internal() {
    let new = copy_site("leaky");
    let old = copy_site("leaky");
    edit(
        old.path(),
        "content/inventory/customers.csv",
        "To send the newsletter you signed up for.",
        "To send the old newsletter.",
    );
    edit(
        old.path(),
        "content/inventory/zzleak_file.csv",
        "ZZLEAK-ELEMENT-WHY",
        "ZZLEAK-OLD-ELEMENT-WHY",
    );
    let readers = [
        "inventory.csv",
        "data.json",
        "notice/index.html",
        "changes.json",
        "changes.xml",
        "changes/index.html",
    ];
    let previous = old.path().to_str().expect("UTF-8 path");
    let (_tmp, public) = built(new.path(), &["--previous", previous]);
    assert_public("public build with --previous", &public);
    for file in readers {
        assert!(public.iter().any(|(f, _)| f == file), "no {file}");
    }
    let history = public.iter().find(|(f, _)| f == "changes.json").unwrap();
    assert!(String::from_utf8_lossy(&history.1).contains("newsletter you signed up for"));
    let (_tmp, internal) = built(
        new.path(),
        &["--previous", previous, "--audience", "internal"],
    );
    for file in [
        "inventory.csv",
        "data.json",
        "notice/index.html",
        "changes.json",
    ] {
        let (_, bytes) = internal.iter().find(|(f, _)| f == file).unwrap();
        assert!(
            find_ci(bytes, "zzleak").is_some(),
            "internal {file} lacks the markers"
        );
    }
}
