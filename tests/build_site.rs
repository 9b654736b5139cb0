//! `candor build` on a valid site: the pages say what the registers say, internal facts stay
//! internal, and a failed build leaves the previous output alone.

mod common;

use std::fs;

use common::files::texts;
use common::{build, candor, copy_site, edit, fixture, read};

fn built(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("tempdir");
    build(&fixture("site"), &out.path().join("public"), extra);
    out
}

#[test]
fn element_page_shows_every_use_with_its_reason_retention_and_sharing() {
    let out = built(&[]);
    let page = read(&out.path().join("public/data/email_address/index.html"));
    for want in [
        "Email address",
        "So we can confirm your order and tell you when it ships.",
        "To send the newsletter you signed up for.",
        "30 days after you close your account",
        "Postbox Mail Inc.",
        "Web shop",
        "user.contact.email",
        "marketing.communications.email",
    ] {
        assert!(page.contains(want), "element page lacks {want:?}");
    }
    let prefs = read(&out.path().join("public/data/style_preferences/index.html"));
    assert!(
        prefs.contains("Style recommender"),
        "models using the element are listed"
    );
    assert!(prefs.contains("../../models/style-recommender/index.html"));
}

#[test]
fn model_page_links_inputs_and_shows_metrics_and_body() {
    let out = built(&[]);
    let page = read(
        &out.path()
            .join("public/models/style-recommender/index.html"),
    );
    assert!(
        page.contains("../../data/style_preferences/index.html"),
        "inputs link to element pages"
    );
    for want in [
        "Style recommender",
        "gender",
        "0.31",
        "0.27",
        "age: 18-24",
        "Merchandisers review",
        "Could narrow what people see.",
    ] {
        assert!(page.contains(want), "model page lacks {want:?}");
    }
    assert!(
        page.contains("<strong>not</strong>"),
        "the Markdown body is rendered"
    );
    assert!(page.contains("<svg"), "the metrics chart is inlined");
}

#[test]
fn registers_pages_show_retention_and_recipients() {
    let out = built(&[]);
    let retention = read(&out.path().join("public/retention/index.html"));
    assert!(retention.contains("Order records") && retention.contains("Commercial code s. 257"));
    assert!(retention.contains("6 years"), "durations in plain words");
    let recipients = read(&out.path().join("public/recipients/index.html"));
    assert!(
        recipients.contains("United States")
            && recipients.contains("EU Standard Contractual Clauses")
    );
    let home = read(&out.path().join("public/index.html"));
    assert!(home.contains("Fixture Outfitters"));
    assert!(
        home.contains("collection-heatmap"),
        "the signature chart is on the home page"
    );
}

#[test]
fn data_json_and_sitemap_describe_the_public_catalog() {
    let out = built(&[]);
    let json: serde_json::Value = serde_json::from_str(&read(&out.path().join("public/data.json")))
        .expect("data.json parses");
    assert_eq!(json["version"], 1);
    let text = json.to_string();
    assert!(text.contains("email_address") && text.contains("style-recommender"));
    assert!(
        !text.contains("badge_id"),
        "internal rows are not in public data.json"
    );
    let sitemap = read(&out.path().join("public/sitemap.xml"));
    assert!(
        sitemap.contains("https://trust.fixture.example/data/email_address/"),
        "{sitemap}"
    );
}

/// Values that only internal readers may see, planted in the fixture's internal fields.
const INTERNAL: &[&str] = &[
    "badge_id",                 // an internal row's element
    "Staff badge number",       // its name
    "Double opt-in since 2024", // notes
    "DPIA-7",                   // an x_ column
    "Customer care",            // element owner
    "Platform team",            // system owner
    "Head of data",             // model card internal block
];

#[test]
fn public_build_has_no_internal_value_anywhere_and_internal_build_has_all() {
    let public = built(&[]);
    for (file, text) in texts(public.path()) {
        for marker in INTERNAL {
            assert!(!text.contains(marker), "{file} leaks internal {marker:?}");
        }
    }
    let internal = built(&["--audience", "internal"]);
    let everything: String = texts(internal.path()).into_values().collect();
    for marker in INTERNAL {
        assert!(
            everything.contains(marker),
            "internal build lacks {marker:?}"
        );
    }
    let home = read(&internal.path().join("public/index.html"));
    assert!(home.contains(r#"<meta name="robots" content="noindex"#));
    assert!(home.contains("Internal — do not publish"));
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let site = copy_site("site");
    let out = site.path().join("public");
    build(site.path(), &out, &[]);
    let before = texts(&out);
    edit(site.path(), "content/retention.csv", "P30D", "P30X");
    candor()
        .args(["build", "--root"])
        .arg(site.path())
        .assert()
        .code(2);
    assert_eq!(texts(&out), before);
}

#[test]
fn refuses_to_replace_a_directory_it_did_not_write() {
    let site = copy_site("site");
    let out = site.path().join("docs");
    fs::create_dir(&out).expect("mkdir");
    fs::write(out.join("notes.txt"), "mine").expect("write");
    let assert = candor()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("was not written by candor"), "{stderr}");
    assert_eq!(read(&out.join("notes.txt")), "mine");
}

#[test]
fn init_writes_a_site_that_builds_and_never_overwrites() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("new-site");
    candor().arg("init").arg(&dir).assert().success();
    fs::write(
        dir.join("content/pages/your-rights.md"),
        "---\ntitle: Mine\n---\nMine.\n",
    )
    .expect("write");
    // On an existing site init writes nothing: its demo rows would break that site's build.
    let again = candor().arg("init").arg(&dir).output().expect("run");
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already a candor site"));
    assert!(
        read(&dir.join("content/pages/your-rights.md")).contains("Mine."),
        "init overwrote a file"
    );
    build(&dir, &dir.join("public"), &[]);
    assert!(read(&dir.join("public/pages/your-rights/index.html")).contains("Mine."));
}

#[test]
fn base_url_flag_overrides_candor_toml_in_the_sitemap() {
    let out = built(&["--base-url", "https://elsewhere.example/trust/"]);
    let sitemap = read(&out.path().join("public/sitemap.xml"));
    assert!(
        sitemap.contains("https://elsewhere.example/trust/data/email_address/"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("trust.fixture.example"), "{sitemap}");
}

/// `base_url` and `--base-url` must be absolute http(s) URLs: `javascript:`, `data:`, relative
/// or spaced values are input errors (exit 2) naming where they came from, and never reach the
/// Atom feed or the sitemap.
#[test]
fn a_base_url_that_is_not_http_is_refused_and_never_published() {
    let site = copy_site("site");
    let out = tempfile::tempdir().expect("tempdir");
    let public = out.path().join("public");
    let run = |site: &std::path::Path, extra: &[&str]| {
        candor()
            .args(["build", "--root"])
            .arg(site)
            .arg("--output")
            .arg(&public)
            .arg("--previous")
            .arg(fixture("site"))
            .args(extra)
            .output()
            .expect("run candor")
    };
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "/trust/",
        "https://a b.example/",
    ] {
        let o = run(site.path(), &["--base-url", bad]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{bad}: {stderr}");
        assert!(stderr.contains("--base-url"), "{bad}: {stderr}");
        assert!(stderr.contains("https://"), "{bad}: a suggestion: {stderr}");
    }
    edit(
        site.path(),
        "candor.toml",
        "base_url = \"https://trust.fixture.example/\"",
        "base_url = \"javascript:alert(1)//\"",
    );
    let o = run(site.path(), &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("candor.toml:4:12"), "{stderr}");
    assert!(
        stderr.contains("base_url `javascript:alert(1)//`"),
        "{stderr}"
    );
    assert!(!public.exists(), "nothing is written");
    // The flag replaces a bad candor.toml value only when it is itself valid; both paths are
    // checked, so a good flag over a bad file still fails on the file.
    let o = run(site.path(), &["--base-url", "https://ok.example/"]);
    assert_eq!(o.status.code(), Some(2));
    for file in ["changes.xml", "sitemap.xml"] {
        assert!(!public.join(file).exists(), "{file}");
    }
}

/// No `static/` file silently replaces a generated one: each of the generated data files is an
/// error naming the static file (exit 2), the feed included when there is one.
#[test]
fn static_files_cannot_replace_generated_data_files() {
    for file in [
        "search-index.json",
        "changes.xml",
        "data.json",
        "sitemap.xml",
    ] {
        let site = copy_site("site");
        common::write(site.path(), &format!("static/{file}"), "forged");
        let out = tempfile::tempdir().expect("tempdir");
        let o = candor()
            .args(["build", "--root"])
            .arg(site.path())
            .arg("--output")
            .arg(out.path().join("public"))
            .arg("--previous")
            .arg(fixture("site"))
            .output()
            .expect("run candor");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{file}: {stderr}");
        assert!(
            stderr.contains(&format!("static/{file}")) && stderr.contains("generated"),
            "{file}: {stderr}"
        );
        assert!(!out.path().join("public").exists(), "{file}");
    }
}

#[test]
fn help_and_version_read_well() {
    let help = candor().arg("--help").output().expect("run");
    let text = String::from_utf8_lossy(&help.stdout);
    for want in [
        "transparency site",
        "init",
        "build",
        "check",
        "Exit codes: 0 success, 1",
    ] {
        assert!(text.contains(want), "--help lacks {want:?}:\n{text}");
    }
    let build_help = candor().args(["build", "--help"]).output().expect("run");
    let text = String::from_utf8_lossy(&build_help.stdout);
    for want in ["--root", "--output", "--audience", "--base-url"] {
        assert!(text.contains(want), "build --help lacks {want:?}:\n{text}");
    }
    let version = candor().arg("--version").output().expect("run");
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("candor {}", env!("CARGO_PKG_VERSION"))
    );
    candor().arg("biuld").assert().code(2);
}

#[test]
fn init_on_an_existing_site_adds_nothing_that_breaks_its_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    common::copy_dir(&common::fixture("site"), &site);
    // A site without some of the starter's files: no model card.
    fs::remove_dir_all(site.join("content/models")).expect("rm");
    let before: Vec<_> = walkdir::WalkDir::new(&site)
        .into_iter()
        .map(|e| e.expect("walk").path().to_path_buf())
        .collect();
    let o = candor().arg("init").arg(&site).output().expect("run");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("already a candor site"), "{stderr}");
    let after: Vec<_> = walkdir::WalkDir::new(&site)
        .into_iter()
        .map(|e| e.expect("walk").path().to_path_buf())
        .collect();
    assert_eq!(before, after, "init wrote into an existing site");
}
