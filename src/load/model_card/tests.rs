use super::*;
use std::path::Path;
use std::sync::Arc;

fn load(name: &str, text: &str) -> (Option<ModelCard>, Vec<Diagnostic>) {
    let path = Path::new("content/models").join(name);
    let src = SourceFile::new(Arc::from(path.as_path()), text);
    let mut errors = Vec::new();
    (load_model_card(&src, &mut errors), errors)
}

#[test]
fn defaults_id_from_stem_and_name_from_id() {
    let (c, e) = load(
        "churn-model.md",
        "---\n# a comment\nsummary: s\n---\nBody\n",
    );
    assert!(e.is_empty(), "{e:?}");
    let c = c.unwrap();
    assert_eq!(
        (c.id.as_str(), c.name.as_str()),
        ("churn-model", "churn-model")
    );
    assert_eq!(c.origin.line, 3);
    assert_eq!((c.body.as_str(), c.body_line), ("Body\n", 5));
}

#[test]
fn keeps_unknown_keys_with_strict_booleans() {
    let (c, e) = load(
        "m.md",
        "---\nversion: 1.10\nlanguage: [en, no]\nflag: yes\ntags: [a]\n---\n",
    );
    assert!(e.is_empty(), "{e:?}");
    let c = c.unwrap();
    assert_eq!(c.version.as_deref(), Some("1.10"));
    assert_eq!(c.extra["language"], serde_json::json!(["en", "no"]));
    assert_eq!(c.extra["flag"], serde_json::json!("yes"));
    assert_eq!(c.extra.len(), 3);
}

#[test]
fn bad_status_and_date_point_into_the_md_file() {
    let (c, e) = load(
        "m.md",
        "---\nname: M\nstatus: prod\nlast_reviewed: 30.09.2026\n---\n",
    );
    assert!(c.is_none());
    assert_eq!(e.len(), 2);
    assert_eq!((e[0].line, e[0].column), (Some(3), Some(9)));
    assert_eq!(e[0].help.as_deref(), Some("did you mean `production`?"));
    assert_eq!(e[1].line, Some(4));
    assert_eq!(e[1].help.as_deref(), Some("did you mean `2026-09-30`?"));
}

#[test]
fn yaml_type_errors_carry_the_file_line() {
    let (_, e) = load(
        "m.md",
        "---\nname: M\nmetrics:\n  - { name: auc, value: high }\n---\n",
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, Some(4), "{}", e[0]);
    assert!(
        e[0].message.starts_with("invalid front matter"),
        "{}",
        e[0].message
    );
    let (_, e) = load(
        "m.md",
        "---\nname: M\ntraining_data: { description: d, element: [a] }\n---\n",
    );
    assert_eq!(e[0].line, Some(3), "{}", e[0]);
    assert_eq!(e[0].help.as_deref(), Some("did you mean `elements`?"));
}

#[test]
fn metrics_with_an_inverted_interval_are_errors() {
    let (c, e) = load(
        "m.md",
        "---\nmetrics:\n  - { name: p, value: 0.3, ci: [0.4, 0.2] }\n  - { name: p, value: 0.2, slice: \"age: 18-24\", dataset: d, split: test }\n---\n",
    );
    assert!(c.is_none());
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, Some(3));
    assert_eq!(
        e[0].help.as_deref(),
        Some("did you mean `ci: [0.2, 0.4]`? the low end comes first")
    );
    let (c, _) = load(
        "m.md",
        "---\nmetrics:\n  - { name: p, value: 0.2, slice: \"age: 18-24\", ci: [0.1, 0.3] }\n---\n",
    );
    let m = &c.unwrap().metrics[0];
    assert_eq!(
        (m.slice.as_deref(), m.ci),
        (Some("age: 18-24"), Some([0.1, 0.3]))
    );
    assert!(!m.is_overall());
}

#[test]
fn misspelt_ethical_keys_are_errors_not_lost_text() {
    let (c, e) = load(
        "m.md",
        "---\nethical_considerations:\n  - { risk: r, mitigate: m }\n---\n",
    );
    assert!(c.is_none());
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].line, Some(3));
    assert_eq!(e[0].help.as_deref(), Some("did you mean `mitigation`?"));
}

#[test]
fn misspelt_known_key_is_an_error() {
    let (c, e) = load("m.md", "---\nname: M\ninptus: [a]\n---\n");
    assert!(c.is_none());
    assert_eq!(e[0].message, "unknown model card field `inptus`");
    assert_eq!(e[0].line, Some(3));
    assert_eq!(e[0].help.as_deref(), Some("did you mean `inputs`?"));
}

#[test]
fn ids_must_be_safe() {
    let (_, e) = load("Style Recommender.md", "---\nname: S\n---\n");
    assert!(
        e[0].message.contains("taken from the file name"),
        "{}",
        e[0].message
    );
    assert_eq!(
        e[0].help.as_deref(),
        Some("rename the file to `style-recommender.md` or set `id:` in the front matter")
    );
    let (_, e) = load("ok.md", "---\nid: ../../etc\n---\n");
    assert_eq!(e[0].line, Some(2));
    assert!(e[0]
        .message
        .starts_with("model id `../../etc` is not valid"));
}

#[test]
fn front_matter_must_exist_and_close() {
    let (_, e) = load("m.md", "# Just markdown\n");
    assert!(e[0].message.contains("no front matter"));
    let (_, e) = load("m.md", "---\nname: M\n");
    assert!(e[0].message.contains("never closed"));
}

/// Every key in `KNOWN_KEYS` is read by the card's own field, never kept as an extra, and a
/// known key given twice is an error.
#[test]
fn every_known_key_is_read_and_none_twice() {
    let sample = |key: &str| match key {
        "owners" | "out_of_scope_uses" | "inputs" | "excluded_inputs" | "limitations" => "[a]",
        "metrics" | "ethical_considerations" => "[]",
        "training_data" | "evaluation_data" => "{description: d}",
        "internal" => "{a: 1}",
        "last_reviewed" => "2026-01-01",
        "purposes" => "[a]",
        "significant_effect" => "false",
        "status" => "production",
        _ => "text",
    };
    let yaml: String = KNOWN_KEYS
        .iter()
        .map(|k| format!("{k}: {}\n", sample(k)))
        .collect();
    let card: CardYaml = serde_saphyr::from_str(&yaml).unwrap();
    assert!(card.other.is_empty(), "{:?}", card.other.keys());
    let keys: Vec<&str> = card.present.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, KNOWN_KEYS);
    // Each with its YAML line.
    let lines: Vec<usize> = card.present.iter().map(|(_, l)| *l).collect();
    assert_eq!(lines, (1..=KNOWN_KEYS.len()).collect::<Vec<_>>());
    let (c, e) = load("m.md", "---\nname: a\nsummary: s\nname: b\n---\n");
    assert!(c.is_none());
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn risk_keys_are_read_with_their_lines() {
    let (c, e) = load(
        "m.md",
        "---\nname: M\npurposes:\n  - personalize.content\n  - train_ai_system\nrisk_class: High\nannex_iii: employment\ndecisions: automated\nsignificant_effect: true\n---\n",
    );
    assert!(e.is_empty(), "{e:?}");
    let c = c.unwrap();
    assert_eq!(c.purposes.len(), 2);
    assert_eq!(
        (c.purposes[1].key.as_str(), c.purposes[1].line),
        ("train_ai_system", Some(5))
    );
    assert_eq!(c.risk_class, Some(crate::model::RiskClass::High));
    assert_eq!(c.annex_iii, Some(crate::model::AnnexIII::Employment));
    assert_eq!(c.decisions, Some(crate::model::Decisions::Automated));
    assert_eq!(c.significant_effect, Some(true));
    assert_eq!(c.key_origin("decisions").line, 8);
}

#[test]
fn misspelt_risk_values_are_errors_with_a_suggestion() {
    let (c, e) = load(
        "m.md",
        "---\nname: M\nrisk_class: hihg\nannex_iii: employmnet\ndecisions: automatic\n---\n",
    );
    assert!(c.is_none());
    assert_eq!(e.len(), 3, "{e:?}");
    assert_eq!(e[0].line, Some(3));
    assert_eq!(e[0].help.as_deref(), Some("did you mean `high`?"));
    assert_eq!(e[1].line, Some(4));
    assert_eq!(e[1].help.as_deref(), Some("did you mean `employment`?"));
    assert_eq!(e[2].line, Some(5));
    assert!(
        e[2].message.contains("none, assists, automated"),
        "{}",
        e[2].message
    );
}
