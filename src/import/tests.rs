//! Unit tests of the three importers on small hand-written sources.

use std::path::Path;

use serde_json::json;

use super::{import, Format, Imported};

fn one(format: Format, text: &str) -> Imported {
    let mut cards = import(format, Path::new("src.txt"), text).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(cards.len(), 1);
    cards.remove(0)
}

fn error(format: Format, text: &str) -> String {
    import(format, Path::new("src.txt"), text)
        .unwrap_err()
        .to_string()
}

#[test]
fn hf_license_other_uses_its_name_and_text_results_become_notes() {
    let card = one(
        Format::Hf,
        "---\nlicense: other\nlicense_name: llama2\nlicense_link: LICENSE\nbase_model: [meta/llama]\nmodel-index:\n- name: Chat Model\n  results:\n  - task: {type: text-generation}\n    dataset: {type: mmlu, name: MMLU, config: all}\n    metrics:\n    - {type: acc, value: \"n/a\"}\n    - {type: f1, value: \"0.5\"}\n---\nText.\n",
    )
    .card;
    assert_eq!(card.id, "chat-model");
    assert_eq!(card.license.as_deref(), Some("llama2"));
    assert_eq!(card.extra["license_link"], json!("LICENSE"));
    assert_eq!(card.extra["base_model"], json!(["meta/llama"]));
    assert_eq!(
        card.training_data.unwrap().description.as_deref(),
        Some("Fine-tuned from meta/llama.")
    );
    assert_eq!(card.metrics.len(), 1);
    assert_eq!(
        (card.metrics[0].value, card.metrics[0].dataset.as_deref()),
        (0.5, Some("MMLU (all)"))
    );
    assert!(
        card.body
            .contains("The result `acc` on MMLU (all) (line 12 of the source) is `n/a`"),
        "{}",
        card.body
    );
    assert_eq!(card.model_type.as_deref(), Some("text-generation"));
}

#[test]
fn hf_results_need_task_dataset_type_and_value() {
    let e = error(Format::Hf, "---\nmodel-index:\n- name: m\n  results:\n  - dataset: {name: D}\n    metrics:\n    - {value: 1}\n    - {type: acc}\n---\n");
    assert!(e.contains("no `task` with a `type`"), "{e}");
    assert!(e.contains("needs both a `type` and a `name`"), "{e}");
    assert!(e.contains("src.txt:5"), "{e}");
    let e = error(Format::Hf, "---\nmodel-index:\n- results:\n  - task: {type: t}\n    dataset: {type: d, name: D}\n    metrics:\n    - {value: 1}\n    - {type: acc}\n---\n");
    assert!(e.contains("src.txt:7:7"), "{e}");
    assert!(e.contains("metric has no `type`"), "{e}");
    assert!(e.contains("metric `acc` has no `value`"), "{e}");
    assert!(e.contains("2 errors found"), "{e}");
    let e = error(Format::Hf, "---\nlicense: [mit\n---\n");
    assert!(
        e.contains("invalid front matter") && e.contains("src.txt:"),
        "{e}"
    );
}

#[test]
fn hf_metadata_after_blank_lines_is_read_and_errors_keep_their_lines() {
    let card = one(Format::Hf, "\n\n---\nlicense: mit\n---\n# M\n\nText.\n").card;
    assert_eq!(card.license.as_deref(), Some("mit"));
    assert!(!card.body.contains("license"), "{}", card.body);
    let e = error(Format::Hf, "\n\n---\nlicense: [mit\n---\n");
    assert!(e.contains("src.txt:4"), "{e}");
}

#[test]
fn mct_schema_0_0_1_strings_and_bad_intervals() {
    let card = one(
        Format::Mct,
        r#"{"model_details": {"name": "Old Card", "owners": [{"name": "Team"}], "licenses": [{"custom_text": "Custom"}]},
            "considerations": {"users": ["Analysts"], "use_cases": ["Scoring"], "limitations": ["Small data"]},
            "quantitative_analysis": {"performance_metrics": [
              {"type": "auc", "value": 0.8, "confidence_interval": {"lower_bound": 0.9, "upper_bound": 0.7}}]},
            "extra_section": {"a": 1}}"#,
    );
    let c = &card.card;
    assert_eq!(
        (c.id.as_str(), c.owners.as_slice()),
        ("old-card", ["Team".to_string()].as_slice())
    );
    assert_eq!(c.license.as_deref(), Some("Custom"));
    assert_eq!(c.intended_use.as_deref(), Some("Scoring"));
    assert_eq!(c.limitations, ["Small data"]);
    assert_eq!(c.metrics[0].ci, None);
    assert!(
        card.notes[0].contains("confidence interval of `auc`"),
        "{:?}",
        card.notes
    );
    assert!(c.body.contains("## Intended users\n\n- Analysts"));
    assert_eq!(c.extra["extra_section"], json!({"a": 1}));
    assert!(error(Format::Mct, "[1, 2]").contains("must be a JSON object"));
}

#[test]
fn cyclonedx_reads_candor_properties_nested_components_and_dedupes_ids() {
    let bom = json!({
        "bomFormat": "CycloneDX", "specVersion": "1.6",
        "components": [
            {"type": "application", "name": "app", "components": [
                {"type": "machine-learning-model", "name": "Scorer", "authors": [{"name": "Risk team"}],
                 "licenses": [{"license": {"id": "MIT"}}],
                 "modelCard": {
                    "modelParameters": {"datasets": [
                        {"type": "dataset", "name": "Training data", "description": "2025 orders"},
                        {"type": "dataset", "name": "Evaluation data", "description": "Jan 2026"}]},
                    "quantitativeAnalysis": {"performanceMetrics": [
                        {"type": "auc", "value": "0.8", "slice": "all", "confidenceInterval": {"lowerBound": "0.7", "upperBound": "0.9"}}]},
                    "properties": [
                        {"name": "candor:id", "value": "scorer"}, {"name": "candor:status", "value": "pilot"},
                        {"name": "candor:input", "value": "orders"}, {"name": "candor:training-element", "value": "orders"},
                        {"name": "candor:metric:0:dataset", "value": "holdout"}, {"name": "candor:metric:0:split", "value": "test"},
                        {"name": "candor:body", "value": "Why it exists."}, {"name": "candor:extra:x_ref", "value": "[1]"},
                        {"name": "other", "value": "kept"}]}}]},
            {"type": "machine-learning-model", "name": "scorer"}
        ]
    });
    let cards = import(Format::Cyclonedx, Path::new("bom.json"), &bom.to_string()).unwrap();
    let ids: Vec<_> = cards.iter().map(|c| c.card.id.as_str()).collect();
    assert_eq!(ids, ["scorer", "scorer-2"]);
    let c = &cards[0].card;
    assert_eq!(c.owners, ["Risk team"]);
    assert_eq!(c.license.as_deref(), Some("MIT"));
    assert_eq!(c.status.as_deref(), Some("pilot"));
    assert_eq!(c.inputs, ["orders"]);
    let training = c.training_data.as_ref().unwrap();
    assert_eq!(
        (
            training.description.as_deref(),
            training.elements.as_slice()
        ),
        (Some("2025 orders"), ["orders".to_string()].as_slice())
    );
    assert_eq!(
        c.evaluation_data.as_ref().unwrap().description.as_deref(),
        Some("Jan 2026")
    );
    let m = &c.metrics[0];
    assert_eq!(
        (m.value, m.ci, m.dataset.as_deref(), m.split.as_deref()),
        (0.8, Some([0.7, 0.9]), Some("holdout"), Some("test"))
    );
    assert_eq!(c.body, "Why it exists.");
    assert_eq!(c.extra["x_ref"], json!([1]));
    assert_eq!(
        c.extra["modelCard"],
        json!({"properties": [{"name": "other", "value": "kept"}]})
    );
}

#[test]
fn cyclonedx_property_values_candor_cannot_use_are_notes() {
    let bom = json!({"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
        {"type": "machine-learning-model", "name": "m", "modelCard": {"properties": [
            {"name": "candor:status", "value": "prod"}, {"name": "candor:last-reviewed", "value": "soon"},
            {"name": "candor:extra:metrics", "value": "1"}]}}]});
    let card = one(Format::Cyclonedx, &bom.to_string());
    assert_eq!(
        (card.card.status.clone(), card.card.last_reviewed.clone()),
        (None, None)
    );
    assert_eq!(card.notes.len(), 2, "{:?}", card.notes);
    assert_eq!(card.card.extra["cyclonedx_metrics"], json!(1));
}

/// Every prefix of every fixture is read without a panic, and whatever is read loads back.
#[test]
fn truncated_sources_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/modelcards");
    for (dir, format) in [
        ("huggingface", Format::Hf),
        ("huggingface-real", Format::Hf),
        ("model-card-toolkit", Format::Mct),
        ("cyclonedx", Format::Cyclonedx),
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "md" && e != "json")
                || path.ends_with("README.md")
            {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            let cuts: Vec<usize> = (0..text.len())
                .step_by((text.len() / 40).max(1))
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for cut in cuts {
                if let Ok(cards) = import(format, Path::new("cut.txt"), &text[..cut]) {
                    for c in cards {
                        let md = c.card.to_markdown("test");
                        super::card::check_loads(&md, Path::new("content/models/x.md"))
                            .unwrap_or_else(|d| panic!("{d}\n{md}"));
                    }
                }
            }
        }
    }
}

#[test]
fn cyclonedx_dataset_refs_are_read_from_the_component_they_name() {
    let bom = json!({
        "bomFormat": "CycloneDX", "specVersion": "1.6",
        "components": [
            {"type": "machine-learning-model", "name": "Scorer", "modelCard": {"modelParameters": {"datasets": [
                {"ref": "data:loans"}, {"ref": "data:holdout"}, {"ref": "data:missing"}
            ]}}},
            {"type": "data", "bom-ref": "data:loans", "name": "Loans 2019-2023", "description": "Past loan applications."},
            {"type": "data", "bom-ref": "data:holdout", "name": "Test holdout", "data": [{"type": "dataset", "name": "holdout", "description": "10% of 2023."}]}
        ]
    });
    let card = one(Format::Cyclonedx, &bom.to_string());
    assert_eq!(
        card.card.training_data.unwrap().description.as_deref(),
        Some("Loans 2019-2023: Past loan applications.")
    );
    assert_eq!(
        card.card.evaluation_data.unwrap().description.as_deref(),
        Some("Test holdout: 10% of 2023.")
    );
    assert!(
        card.notes
            .iter()
            .any(|n| n.contains("`data:missing` is a reference to nothing")),
        "{:?}",
        card.notes
    );
}

#[test]
fn hf_id_from_model_name_and_metric_args_name_verified() {
    let card = one(
        Format::Hf,
        "---\nmodel_name: Sentiment Tagger\nmodel-index:\n- name: other-name\n  results:\n  - task: {type: text-classification}\n    dataset: {type: sst2, name: SST-2, revision: abcdef0123456789}\n    metrics:\n    - {type: f1, value: 0.8, args: {average: macro}, verified: true}\n    - {type: acc, name: Accuracy (top-1), value: 0.9}\n---\n# This document tries to cover many things\n\nTags **sentiment** in\nshort [reviews](https://x).\n",
    );
    assert_eq!(card.card.id, "sentiment-tagger");
    assert_eq!(
        card.card.summary.as_deref(),
        Some("Tags sentiment in short reviews.")
    );
    let m: Vec<_> = card
        .card
        .metrics
        .iter()
        .map(|m| (m.name.as_str(), m.dataset.as_deref()))
        .collect();
    assert_eq!(
        m,
        [
            ("f1 (average: macro)", Some("SST-2, revision abcdef012345")),
            ("Accuracy (top-1)", Some("SST-2, revision abcdef012345"))
        ]
    );
    assert!(
        card.notes.iter().any(|n| n.contains(
            "`f1 (average: macro)` on SST-2, revision abcdef012345 is marked `verified`"
        )),
        "{:?}",
        card.notes
    );
    assert_eq!(
        card.card.extra["model_index"][0]["results"][0]["metrics"][0]["verified"],
        json!(true)
    );
    // Without model_name or model-index, the file name gives the id, never the heading.
    let card = one(
        Format::Hf,
        "# This document tries to cover many things\n\nText.\n",
    );
    assert_eq!(card.card.id, "src");
}
