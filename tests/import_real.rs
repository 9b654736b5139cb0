//! `candor import --from hf` on real public Hugging Face cards (tests/fixtures/modelcards/
//! huggingface-real, licences in its README): the standard sections fill the card fields, images
//! become import notes, and `candor check` on a site of them finds the stated parts present.

mod common;

use common::{candor, copy_site, fixture, read};

/// Imports `file` with `--out <site>/content/models` and loads it back from the site.
fn import(site: &std::path::Path, file: &str, id: &str) -> candor::model::ModelCard {
    candor()
        .args(["import", "--from", "hf"])
        .arg(fixture("modelcards").join(file))
        .arg("--out")
        .arg(site.join("content/models"))
        .assert()
        .success();
    // `--out …/content/models` writes into that folder, not a nested content/models.
    assert!(site.join(format!("content/models/{id}.md")).is_file());
    assert!(!site.join("content/models/content").exists());
    let catalog = candor::load_catalog(site).unwrap_or_else(|d| panic!("{file}: {d}"));
    catalog
        .model(id)
        .unwrap_or_else(|| panic!("no `{id}`"))
        .clone()
}

#[test]
fn gpt2_card_fills_uses_limitations_data_and_notes_its_image() {
    let site = copy_site("models");
    let card = import(site.path(), "huggingface-real/gpt2.md", "gpt2");
    assert_eq!(card.name, "GPT-2");
    assert_eq!(
        card.summary.as_deref(),
        Some("Pretrained model on English language using a causal language modeling (CLM) objective. It was introduced in this paper and first released at this page.")
    );
    assert!(card
        .intended_use
        .as_deref()
        .unwrap()
        .starts_with("You can use the raw model for text generation"));
    assert!(
        card.limitations
            .iter()
            .any(|l| l.contains("do not distinguish fact from fiction")),
        "{:?}",
        card.limitations
    );
    assert!(card
        .ethical_considerations
        .iter()
        .any(|e| e.risk.contains("reflect the biases")));
    let training = card.training_data.unwrap().description.unwrap();
    assert!(
        training.starts_with("The OpenAI team wanted to train this model"),
        "{training}"
    );
    let eval = card.evaluation_data.unwrap().description.unwrap();
    assert!(
        eval.contains("zero-shot") && eval.contains("table is in the card text"),
        "{eval}"
    );
    // The exBERT button has no place in the card: removed from the text, listed as a note.
    assert!(!card.body.contains("<img"), "{}", card.body);
    assert!(card.body.contains("## Import notes\n\n- An image (`https://hf-dinosaur.huggingface.co/exbert/button.png`) was left out"));
    assert!(card
        .body
        .contains("Kept in the text only, with no card field to carry them: Preprocessing."));
}

#[test]
fn bert_card_fills_uses_limitations_and_data() {
    let site = copy_site("models");
    let card = import(
        site.path(),
        "huggingface-real/bert-large-cased.md",
        "bert-large-cased",
    );
    assert_eq!(card.name, "BERT large model (cased)");
    let intended = card.intended_use.unwrap();
    assert!(
        intended.contains("mostly intended to be fine-tuned on a downstream task")
            && intended.contains("sequence classification"),
        "{intended}"
    );
    assert!(
        card.limitations
            .iter()
            .any(|l| l.contains("can have biased predictions.")),
        "{:?}",
        card.limitations
    );
    assert!(!card.ethical_considerations.is_empty());
    let training = card.training_data.unwrap().description.unwrap();
    assert!(
        training.starts_with("The BERT model was pretrained on BookCorpus")
            && training.ends_with("Hugging Face datasets: bookcorpus, wikipedia."),
        "{training}"
    );
    assert!(card.evaluation_data.is_some());
}

#[test]
fn check_finds_only_what_the_real_cards_do_not_state() {
    let site = copy_site("models");
    import(site.path(), "huggingface-real/gpt2.md", "gpt2");
    import(
        site.path(),
        "huggingface-real/bert-large-cased.md",
        "bert-large-cased",
    );
    let out = candor()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    for id in ["gpt2", "bert-large-cased"] {
        // Neither card gives structured metrics or owners; everything else it states is found.
        assert!(
            text.contains(&format!("model card `{id}` has no metrics, owners")),
            "{text}"
        );
    }
    let card = read(&site.path().join("content/models/gpt2.md"));
    assert!(card.contains("intended_use:"), "{card}");
}
