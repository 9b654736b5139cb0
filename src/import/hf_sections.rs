//! The standard sections of a Hugging Face card (its template and the older "Intended uses &
//! limitations" style) mapped onto card fields. The body keeps every section; the fields are
//! what the model label, the audit and the exports read.

use serde_json::Value;

use super::card::{CardOut, DatasetOut, EthicalOut};
use super::sections::{Read, Section};

/// Which card field a section fills.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    IntendedUse,
    OutOfScope,
    Limitations,
    /// Bias, risks, fairness: ethical considerations (and limitations when combined).
    Risks,
    /// Mitigations of the risks above.
    Recommendations,
    Training,
    Evaluation,
    Environment,
    /// Read for the summary only (Model Details / Description).
    Description,
    /// "Model Type" of the Mitchell et al. cards (OpenAI's CLIP, Whisper): the model type.
    ModelType,
}

/// Known section titles (see [`Section::key`]).
fn field(key: &str) -> Option<Field> {
    use Field::*;
    Some(match key {
        "uses"
        | "intended use"
        | "intended uses"
        | "intended uses & limitations"
        | "intended uses and limitations"
        | "direct use"
        | "downstream use"
        | "primary intended uses"
        | "model use"
        | "evaluated use"
        | "how to use this model" => IntendedUse,
        "out-of-scope use"
        | "out-of-scope uses"
        | "out-of-scope use cases"
        | "out of scope use"
        | "out of scope uses"
        | "misuse and out-of-scope use"
        | "misuse, malicious use, and out-of-scope use" => OutOfScope,
        "limitations" | "performance and limitations" => Limitations,
        "bias, risks, and limitations"
        | "bias, risks and limitations"
        | "limitations and bias"
        | "limitations and biases"
        | "risks and limitations"
        | "bias and fairness"
        | "bias"
        | "risks, limitations and biases"
        | "ethical considerations"
        | "broader implications" => Risks,
        "recommendations" => Recommendations,
        "training data" | "training dataset" | "pre-training data" | "pretraining data"
        | "data" => Training,
        "evaluation" | "evaluation results" | "results" | "evaluation data" | "testing data"
        | "eval results" | "performance" => Evaluation,
        "environmental impact" => Environment,
        "model details" | "model description" | "model summary" => Description,
        "model type" => ModelType,
        _ => return None,
    })
}

/// Fills the card from the sections; returns the titles of sections with text that no field
/// took, for the import notes.
pub fn fill(card: &mut CardOut, read: &Read) -> Vec<String> {
    let mut unmapped = Vec::new();
    let mut intended: Vec<String> = Vec::new();
    let mut training: Vec<String> = Vec::new();
    let mut evaluation: Vec<String> = Vec::new();
    let mut environment: Vec<String> = Vec::new();
    let mut description: Option<String> = None;
    let mut ethical: Vec<String> = Vec::new();
    let mut recommendations: Vec<String> = Vec::new();
    // The title heading's text is the introduction, read for the summary.
    let title = read.sections.iter().position(|s| s.level == 1);
    for (i, s) in read
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.level > 0)
    {
        let texts = s.texts();
        match field(&s.key()) {
            Some(Field::IntendedUse) => intended.extend(texts),
            Some(Field::OutOfScope) => card.out_of_scope_uses.extend(texts),
            Some(Field::Limitations) => card.limitations.extend(texts),
            Some(Field::Risks) => risks(&s.key(), texts, &mut card.limitations, &mut ethical),
            Some(Field::Recommendations) => recommendations.extend(texts),
            Some(Field::Training) => training.extend(texts),
            Some(Field::Evaluation) => evaluation.extend(texts),
            Some(Field::Environment) => environment.extend(texts),
            Some(Field::Description) => {
                description = description.or_else(|| s.paras.first().cloned());
                for item in &texts {
                    if let Some(who) = item.strip_prefix("Developed by:") {
                        card.owners.push(who.trim().to_string());
                    }
                }
            }
            Some(Field::ModelType) if card.model_type.is_none() => {
                card.model_type = s.paras.first().cloned();
            }
            Some(Field::ModelType) => {}
            None if has_text(s) && s.level <= 3 && Some(i) != title => {
                unmapped.push(s.title.clone())
            }
            None => {}
        }
    }
    let mitigation = (!recommendations.is_empty()).then(|| recommendations.join(" "));
    card.ethical_considerations
        .extend(ethical.into_iter().map(|risk| EthicalOut {
            risk,
            mitigation: mitigation.clone(),
        }));
    if card.summary.is_none() {
        // An introduction about the card itself ("Inspired by Model Cards for Model
        // Reporting, we're providing ...") says nothing about the model: the description does.
        let about_the_card = |p: &String| p.to_lowercase().contains("model card");
        card.summary = read
            .first_paragraph
            .clone()
            .filter(|p| !about_the_card(p) || description.is_none())
            .or(description);
    }
    if !intended.is_empty() && card.intended_use.is_none() {
        card.intended_use = Some(intended.join(" "));
    }
    if !training.is_empty() {
        let text = training.join(" ");
        let data = card.training_data.get_or_insert_with(DatasetOut::default);
        data.description = Some(match data.description.take() {
            Some(meta) => format!("{text} {meta}"),
            None => text,
        });
    }
    if !evaluation.is_empty() && card.evaluation_data.is_none() {
        card.evaluation_data = Some(DatasetOut {
            description: Some(evaluation.join(" ")),
            elements: Vec::new(),
        });
    }
    if !environment.is_empty() {
        card.keep(
            "hf",
            "environmental_impact",
            Value::String(environment.join("; ")),
        );
    }
    unmapped
}

/// A section on bias and risks (often together with limitations): what names a bias, harm
/// or fairness goes to the ethical considerations, the rest to the limitations; when one side
/// would be left empty it gets every text, since the source's section covers both.
fn risks(key: &str, texts: Vec<String>, limitations: &mut Vec<String>, ethical: &mut Vec<String>) {
    let ethical_words = ["bias", "fair", "discriminat", "harm", "stereotyp", "toxic"];
    let is_ethical = |t: &String| {
        let t = t.to_lowercase();
        ethical_words.iter().any(|w| t.contains(w))
    };
    let (e, l): (Vec<String>, Vec<String>) = texts.iter().cloned().partition(is_ethical);
    let covers_limitations = key.contains("limitation");
    match (e.is_empty(), l.is_empty()) {
        (false, false) => {
            ethical.extend(e);
            limitations.extend(l);
        }
        _ if covers_limitations => {
            ethical.extend(texts.iter().cloned());
            limitations.extend(texts);
        }
        _ => ethical.extend(texts),
    }
}

fn has_text(s: &Section) -> bool {
    !s.texts().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::sections::read;

    #[test]
    fn template_sections_fill_fields() {
        let md = "# Model Card for x\n\nA classifier of [beans](https://b).\n\n## Uses\n\n### Direct Use\n\nSorting beans.\n\n### Out-of-Scope Use\n\n- Medical use\n\n## Bias, Risks, and Limitations\n\nFails on wet beans.\n\n### Recommendations\n\n[More Information Needed]\n\n## Training Details\n\n### Training Data\n\nBeans dataset.\n\n## Evaluation\n\n### Results\n\nGood.\n\n## Environmental Impact\n\n- **Hardware Type:** A100\n- **Hours used:** [More Information Needed]\n\n## Citation\n\nSomeone 2024.\n";
        let mut card = CardOut::default();
        let unmapped = fill(&mut card, &read(md));
        assert_eq!(card.summary.as_deref(), Some("A classifier of beans."));
        assert_eq!(card.intended_use.as_deref(), Some("Sorting beans."));
        assert_eq!(card.out_of_scope_uses, ["Medical use"]);
        assert_eq!(card.limitations, ["Fails on wet beans."]);
        assert_eq!(card.ethical_considerations[0].risk, "Fails on wet beans.");
        let training = card.training_data.unwrap().description;
        assert_eq!(training.as_deref(), Some("Beans dataset."));
        let eval = card.evaluation_data.unwrap().description;
        assert_eq!(eval.as_deref(), Some("Good."));
        assert_eq!(
            card.extra["environmental_impact"],
            Value::String("Hardware Type: A100".into())
        );
        assert_eq!(unmapped, ["Citation"]);
    }
}
