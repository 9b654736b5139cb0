use std::collections::BTreeSet;

use super::*;

fn keys(code: &str) -> BTreeSet<String> {
    strings(Some(code)).keys().map(str::to_string).collect()
}

#[test]
fn every_file_parses_and_has_every_key_of_every_other() {
    let en = keys("en");
    assert!(en.len() > 200, "en.toml parsed: {} keys", en.len());
    for &(code, _, text) in LANGUAGES {
        let table: toml::Table = toml::from_str(text)
            .unwrap_or_else(|e| panic!("i18n/{code}.toml is not valid TOML: {e}"));
        assert!(!table.is_empty());
        let mine = keys(code);
        let missing: Vec<_> = en.difference(&mine).collect();
        let extra: Vec<_> = mine.difference(&en).collect();
        assert!(missing.is_empty(), "i18n/{code}.toml lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "i18n/{code}.toml has keys en.toml lacks: {extra:?}"
        );
    }
}

#[test]
fn plural_forms_and_placeholders_agree_across_languages() {
    let en = strings(Some("en"));
    for &(code, _, _) in LANGUAGES {
        let l = strings(Some(code));
        for key in en.keys() {
            let (a, b) = (en.get(key), l.get(key));
            assert_eq!(
                a.contains('|'),
                b.contains('|'),
                "{code}: `{key}` singular|plural forms differ from en"
            );
            assert_eq!(
                placeholders(a),
                placeholders(b),
                "{code}: `{key}` placeholders differ from en"
            );
        }
    }
}

fn placeholders(s: &str) -> BTreeSet<&str> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_key_a_template_names_exists() {
    let en = keys("en");
    let mut seen = 0;
    for (name, text) in crate::render::Theme::builtin()
        .templates
        .iter()
        .map(|(n, t)| (n.clone(), t.text.to_string()))
    {
        for key in template_keys(&text) {
            seen += 1;
            assert!(
                en.contains(&key),
                "templates/{name} uses `t.{key}`, not in i18n/en.toml"
            );
        }
    }
    assert!(seen > 100, "templates use the translations ({seen} uses)");
}

/// Every `t.section.key` in a template.
fn template_keys(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(pos) = text[i..].find("t.") {
        let at = i + pos;
        i = at + 2;
        let boundary = at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b'.');
        if !boundary {
            continue;
        }
        let key: String = text[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
            .collect();
        let key = key.trim_end_matches('.').to_string();
        if key.contains('.') {
            out.push(key);
        }
    }
    out
}

#[test]
fn german_strings_are_german_and_unknown_tags_fall_back_to_english() {
    assert_eq!(strings(Some("de")).get("nav.data"), "Was wir erheben");
    assert_eq!(strings(Some("de-AT")).code, "de");
    assert_eq!(strings(Some("xx")).code, "en");
    assert_eq!(strings(None).get("nav.data"), "What we collect");
    assert_eq!(strings(None).get("no.such.key"), "no.such.key");
}

#[test]
fn fill_picks_the_plural_form_and_fills_placeholders() {
    let en = strings(None);
    assert_eq!(en.count("words.year", 1), "1 year");
    assert_eq!(en.count("words.year", 7), "7 years");
    assert_eq!(strings(Some("de")).count("words.year", 2), "2 Jahre");
    assert_eq!(
        en.fill("label.gap_value", &[("metric", "m"), ("group", "g")]),
        "m: g {value} against {overall} overall (difference {gap})"
    );
    assert_eq!(fill("a {x", None, |_| None), "a {x");
    assert_eq!(fill("{n} item|{n} items", Some(0.0), |_| None), "0 items");
    assert_eq!(fill("{n} item|{n} items", Some(1.5), |_| None), "1.5 items");
}

#[test]
fn language_codes_are_checked_with_a_suggestion() {
    assert!(check("en").is_ok() && check("de").is_ok() && check("de-AT").is_ok());
    let (msg, help) = check("fr").unwrap_err();
    assert!(
        msg.contains("unknown language `fr`") && msg.contains("`de` (Deutsch)"),
        "{msg}"
    );
    assert!(help.contains("`en`"), "{help}");
    assert_eq!(check("German").unwrap_err().1, "did you mean `de`?");
    assert_eq!(check("dee").unwrap_err().1, "did you mean `de`?");
    assert!(check("de-<script>").is_err());
}

#[test]
fn keys_templates_build_at_render_time_exist() {
    // `t.severity[f.severity]` and `t.audit["sev_" ~ g.severity]` in the audit templates.
    let en = keys("en");
    for s in crate::audit::Severity::ALL {
        let name = s.as_str();
        assert!(en.contains(&format!("severity.{name}")), "severity.{name}");
        assert!(
            en.contains(&format!("audit.sev_{name}")),
            "audit.sev_{name}"
        );
    }
}

/// A translation with `backticks` names code: every language writes them alike, and every
/// template prints it through the `code` filter (the native renderer does the same), so no
/// page shows a literal backtick.
#[test]
fn strings_with_backticks_are_printed_as_code() {
    let en = strings(Some("en"));
    let coded: BTreeSet<&str> = en.keys().filter(|k| en.get(k).contains('`')).collect();
    assert!(coded.contains("audit.about"), "{coded:?}");
    for &(code, _, _) in LANGUAGES {
        let l = strings(Some(code));
        for key in en.keys() {
            assert_eq!(
                en.get(key).matches('`').count(),
                l.get(key).matches('`').count(),
                "{code}: `{key}` has other backticks than en"
            );
        }
    }
    for (name, t) in crate::render::Theme::builtin().templates.iter() {
        let text = t.text.to_string();
        for key in &coded {
            let needle = format!("t.{key}");
            for (at, _) in text.match_indices(&needle) {
                let rest = &text[at + needle.len()..];
                let expr = &rest[..rest.find("}}").unwrap_or(rest.len())];
                assert!(
                    expr.contains("| code"),
                    "templates/{name} prints `t.{key}` without `| code`"
                );
            }
        }
    }
}
