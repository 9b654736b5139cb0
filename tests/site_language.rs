//! Languages: the interface follows `language` in candor.toml (content stays as written), the
//! demo builds in every language, and an unknown language is an input error with a suggestion.

mod common;

use std::path::Path;

use candor::config::Audience;
use common::render::{rendered, Rendered};

fn build_in(root: &Path, language: &str, audience: Audience) -> Rendered {
    let mut catalog = candor::load_catalog(root).expect("site loads");
    catalog.config.language = Some(language.to_string());
    let site = candor::site::plan(&catalog, audience);
    rendered(root, &site, &catalog)
}

#[test]
fn a_german_build_has_german_interface_text_and_content_as_written() {
    let out = build_in(&common::fixture("site"), "de", Audience::Public);
    let home = &out["index.html"];
    assert!(home.contains("<html lang=\"de\">"), "lang attribute");
    for german in ["Was wir erheben", "Auf einen Blick", "Zum Inhalt springen"] {
        assert!(home.contains(german), "home lacks {german:?}");
    }
    for english in [
        "What we collect",
        "At a glance",
        "Skip to content",
        "Find out more",
    ] {
        assert!(!home.contains(english), "home still says {english:?}");
    }
    let element = &out["data/email_address/index.html"];
    assert!(element.contains("Wozu wir sie erheben") && element.contains("Rechtsgrundlage"));
    assert!(!element.contains("How long we keep it"));
    let retention = &out["retention/index.html"];
    assert!(retention.contains("Jahre"), "durations in German");
    assert!(!retention.contains(" years"), "no English durations");
    // Content stays as written: the fixture's reasons are English.
    assert!(element.contains("Email address"));
}

#[test]
fn the_demo_builds_in_every_language_for_both_audiences() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for &(code, _, _) in candor::i18n::LANGUAGES {
        for audience in [Audience::Public, Audience::Internal] {
            let out = build_in(root, code, audience);
            assert!(out["index.html"].contains(&format!("<html lang=\"{code}\">")));
            let strings = candor::i18n::strings(Some(code));
            assert!(out["data/index.html"].contains(strings.get("data.title")));
        }
    }
}

#[test]
fn an_unknown_language_is_an_input_error_with_a_suggestion() {
    let site = common::copy_site("site");
    common::edit(
        site.path(),
        "candor.toml",
        "language = \"en\"",
        "language = \"German\"",
    );
    let out = common::candor()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("candor.toml:5"), "{err}");
    assert!(err.contains("unknown language `German`"), "{err}");
    assert!(err.contains("did you mean `de`?"), "{err}");
}
