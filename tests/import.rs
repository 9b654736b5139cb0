//! `candor import`: every model card fixture from other projects either becomes a card that
//! the site loads, or (the `sample_invalid_*` ones) fails with exit 2 and its file and line.

mod common;

use std::path::Path;

use common::{candor, copy_site, fixture, read, write};
use serde_json::json;

/// Imports `file` into a copy of the fixture site and loads the site; returns the card.
fn import_into_site(
    from: &str,
    file: &str,
    id: &str,
) -> (tempfile::TempDir, candor::model::ModelCard) {
    let site = copy_site("site");
    let src = fixture("modelcards").join(file);
    candor()
        .args(["import", "--from", from])
        .arg(&src)
        .arg("--out")
        .arg(site.path())
        .assert()
        .success();
    let catalog = candor::load_catalog(site.path()).unwrap_or_else(|d| panic!("{file}: {d}"));
    let card = catalog
        .model(id)
        .unwrap_or_else(|| panic!("{file}: no model `{id}`"))
        .clone();
    (site, card)
}

#[test]
fn every_fixture_imports_or_fails_cleanly() {
    let dirs = [
        ("huggingface", "hf"),
        ("model-card-toolkit", "mct"),
        ("cyclonedx", "cyclonedx"),
    ];
    let mut seen = 0;
    for (dir, from) in dirs {
        for entry in std::fs::read_dir(fixture("modelcards").join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let out = tempfile::tempdir().unwrap();
            let result = candor()
                .args(["import", "--from", from])
                .arg(&path)
                .arg("--out")
                .arg(out.path())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&result.stderr);
            let models = out.path().join("content/models");
            if name.starts_with("sample_invalid_") {
                assert_eq!(result.status.code(), Some(2), "{name}: {stderr}");
                assert!(
                    stderr.contains(&format!("{name}:")),
                    "{name} is not named with a line: {stderr}"
                );
                assert!(!models.exists(), "{name}: something was written");
            } else {
                assert_eq!(result.status.code(), Some(0), "{name}: {stderr}");
                let written: Vec<_> = std::fs::read_dir(&models).unwrap().collect();
                assert!(!written.is_empty(), "{name}: nothing written");
                for card in written {
                    let card = card.unwrap().path();
                    let rel = Path::new("content/models").join(card.file_name().unwrap());
                    candor::import::card::check_loads(&read(&card), &rel)
                        .unwrap_or_else(|d| panic!("{name}: {d}"));
                }
            }
            seen += 1;
        }
    }
    assert_eq!(seen, 13, "every fixture is tried");
}

#[test]
fn hugging_face_model_index_becomes_metrics_with_dataset_and_split() {
    let (_site, card) = import_into_site(
        "hf",
        "huggingface/sample_simple_model_index.md",
        "my-cool-model",
    );
    let metrics: Vec<_> = card
        .metrics
        .iter()
        .map(|m| {
            (
                m.name.as_str(),
                m.value,
                m.dataset.as_deref(),
                m.split.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        metrics,
        [
            ("accuracy", 0.9, Some("Beans"), None),
            (
                "f1",
                0.66,
                Some("Beans, revision 5503434ddd75"),
                Some("test")
            )
        ]
    );
    assert_eq!(card.license.as_deref(), Some("mit"));
    assert_eq!(card.model_type.as_deref(), Some("image-classification"));
    assert_eq!(
        card.training_data.unwrap().description.as_deref(),
        Some("Hugging Face datasets: beans.")
    );
    assert_eq!(card.extra["hf_metrics"], json!(["accuracy"]));
    assert_eq!(
        card.extra["tags"],
        json!(["pytorch", "image-classification"])
    );
    assert_eq!(card.extra["language"], json!("en"));
    // The whole model-index stays readable (args, verified, full revision).
    assert_eq!(
        card.extra["model_index"][0]["results"][1]["dataset"]["args"]["date"],
        json!(20220120)
    );
    assert!(
        card.body
            .trim_start()
            .starts_with("# my-cool-model\n\n## Model description"),
        "{}",
        card.body
    );
}

#[test]
fn hugging_face_cards_without_metadata_or_with_crlf() {
    let (_s, card) = import_into_site(
        "hf",
        "huggingface/sample_no_metadata.md",
        "sample_no_metadata",
    );
    assert_eq!(card.name, "MyCoolModel");
    assert!(card
        .summary
        .unwrap()
        .starts_with("In this example, we don't have any metadata"));
    let (_s, card) = import_into_site(
        "hf",
        "huggingface/sample_windows_line_breaks.md",
        "sample_windows_line_breaks",
    );
    assert_eq!(
        card.extra["widget"][2]["text"],
        json!("Jen finiĝas bela <mask>.")
    );
    assert!(!card.body.contains('\r'));
}

#[test]
fn invalid_hugging_face_cards_say_what_is_wrong() {
    let cases = [
        (
            "sample_invalid_card_data.md",
            ":2",
            "is a list; expected `key: value` fields",
        ),
        (
            "sample_invalid_model_index.md",
            ":15:5",
            "model-index result has no `dataset`",
        ),
    ];
    for (file, at, message) in cases {
        let out = tempfile::tempdir().unwrap();
        let result = candor()
            .args(["import", "--from", "hf"])
            .arg(fixture("modelcards/huggingface").join(file))
            .arg("--out")
            .arg(out.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(2));
        assert!(stderr.contains(&format!("{file}{at}")), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
    }
}

#[test]
fn model_card_toolkit_metrics_keep_slices_and_intervals() {
    let (_s, card) = import_into_site("mct", "model-card-toolkit/full.json", "name");
    let m = &card.metrics[0];
    assert_eq!(
        (m.name.as_str(), m.value, m.slice.as_deref(), m.ci),
        ("accuracy", 0.9, Some("overall"), Some([0.85, 0.95]))
    );
    assert_eq!(
        card.owners,
        ["name1 <contact1@email.com>", "name2 <contact2@email.com>"]
    );
    assert_eq!(card.license.as_deref(), Some("Apache-2.0"));
    assert_eq!(
        card.ethical_considerations[0].mitigation.as_deref(),
        Some("mitigation strategy")
    );
    assert_eq!(
        card.extra["model_details"],
        json!({"path": "my/model/path"})
    );
    assert!(
        card.body.contains("- Not mapped to a card field, so kept as extra front-matter keys (shown on internal builds only): `model_details.path`."),
        "{}",
        card.body
    );
    assert!(
        card.body
            .contains("Version v1.0, dated 2020/02/02.\n\nChanges: The diff with last version."),
        "{}",
        card.body
    );
    assert!(
        card.body.contains("2 graphics of the data set `data name` (“graphics description”) were left out, as candor model cards hold no images (copy one into `static/` and link it if it matters): img1; img2."),
        "{}",
        card.body
    );
    assert!(card
        .body
        .contains("- Input format: 32-char-len-text\n- Output `type`: 64-char-len-text"));
    assert_eq!(
        card.training_data.as_ref().unwrap().description.as_deref(),
        Some("data name: description. Sensitive data: age.")
    );
    assert!(!card.body.contains("image_bytes"));

    let (_s, card) = import_into_site(
        "mct",
        "model-card-toolkit/cats_vs_dogs_v0_0_2.json",
        "fine-tuned-mobilenetv2-model-for-cat-vs-dogs",
    );
    let sliced: Vec<_> = card.metrics.iter().map(|m| m.slice.as_deref()).collect();
    assert_eq!(sliced, [None, Some("cat"), Some("Dog")]);
    assert_eq!(card.metrics[0].name, "accuracy (threshold 0.5)");
    assert_eq!(
        card.evaluation_data.unwrap().description.as_deref(),
        Some("Validation Set.")
    );
    assert_eq!(
        card.training_data.unwrap().description.as_deref(),
        Some("Training Set.")
    );
    assert!(card
        .body
        .contains("## Intended users\n\n- Fans of dogs and cats."));
    assert!(card
        .body
        .contains("## Trade-offs\n\n- Recall vs Precision."));
    assert_eq!(
        card.ethical_considerations[0].mitigation.as_deref(),
        Some("Avoid application on non-dog and non-cat images.")
    );

    // The same card in the toolkit's older schema (0.0.1): data as `{train, eval}`, licence
    // and citation as text.
    let (_s, old) = import_into_site(
        "mct",
        "model-card-toolkit/cats_vs_dogs_v0_0_1.json",
        "fine-tuned-mobilenetv2-model-for-cat-vs-dogs",
    );
    assert_eq!(old.license.as_deref(), Some("Apache-2.0"));
    assert_eq!(old.metrics.len(), 3);
    assert_eq!(old.metrics[1].ci, Some([0.9832885766, 1.0032885766]));
    assert!(
        old.body
            .contains("1 graphic of the data set `Evaluation data` was left out"),
        "{}",
        old.body
    );
    assert!(old
        .body
        .contains("## Citation\n\n- https://github.com/tensorflow/model-card-toolkit/"));
}

#[test]
fn cyclonedx_components_become_cards() {
    for version in ["1.5", "1.6"] {
        let file = format!("cyclonedx/valid-machine-learning-{version}.json");
        let (_s, card) = import_into_site("cyclonedx", &file, "stable-diffusion");
        assert_eq!(card.version.as_deref(), Some("1.4"));
        assert_eq!(
            card.model_type.as_deref(),
            Some("The architecture of the model.")
        );
        assert_eq!(
            card.limitations[1],
            "Limited performance on non-photographic styles"
        );
        assert_eq!(card.ethical_considerations[0].risk, "The name of the risk");
        assert!(
            card.metrics.is_empty(),
            "the fixture's metric value is not a number"
        );
        assert!(card.body.contains("not among the metrics"), "{}", card.body);
        assert_eq!(
            card.extra["modelCard"]["properties"][0]["value"],
            json!("custom-value")
        );
    }
    let (_s, card) = import_into_site(
        "cyclonedx",
        "cyclonedx/valid-machine-learning-considerations-env-1.6.json",
        "llama-2-7b",
    );
    let energy = &card.extra["modelCard"]["considerations"]["environmentalConsiderations"];
    assert_eq!(
        energy["energyConsumptions"][0]["co2CostEquivalent"]["value"],
        json!(31.22)
    );
}

#[test]
fn never_overwrites_without_force() {
    let site = tempfile::tempdir().unwrap();
    let src = fixture("modelcards/huggingface/sample_simple.md");
    let run = |force: bool| {
        let mut cmd = candor();
        cmd.args(["import", "--from", "hf"])
            .arg(&src)
            .arg("--out")
            .arg(site.path());
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    assert!(run(false).status.success());
    let card = site.path().join("content/models/sample_simple.md");
    std::fs::write(&card, "edited").unwrap();
    let again = run(false);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("pass --force"));
    assert_eq!(read(&card), "edited");
    assert!(run(true).status.success());
    assert!(read(&card).contains("license: mit"));
}

#[test]
fn broken_sources_are_errors_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("mct", "bad.json", "{\n  \"model_details\": {\"name\": \"x\",}\n}", "bad.json:2:", "invalid JSON in Model Card Toolkit"),
        ("cyclonedx", "sbom.json", "{\"bomFormat\": \"SPDX\"}", "sbom.json:1", "not a CycloneDX BOM"),
        ("cyclonedx", "old.json", "{\"bomFormat\": \"CycloneDX\",\n\"specVersion\": \"1.4\"}", "old.json:2", "has no model cards"),
        ("cyclonedx", "libs.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{\"type\": \"library\", \"name\": \"x\"}]}", "libs.json", "its components are of type library"),
        ("hf", "open.md", "---\nlicense: mit\n", "open.md:1", "never closed"),
        ("hf", "latin1.md", "---\nlicense: caf\u{e9}\n---\n", "latin1.md:2", "not valid UTF-8"),
    ];
    for (from, name, text, at, message) in cases {
        let bytes = if name == "latin1.md" {
            text.replace('\u{e9}', "\u{0}")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 0 { 0xe9 } else { b })
                .collect()
        } else {
            text.as_bytes().to_vec()
        };
        write(dir.path(), name, bytes);
        let result = candor()
            .current_dir(dir.path())
            .args(["import", "--from", from, name, "--out", "site"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(at), "{name}: {stderr}");
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(!dir.path().join("site").exists());
    }
}
