//! The model card an importer produces: the front-matter fields candor reads, in the order
//! `docs/formats.md` lists them, plus the Markdown body; written as `content/models/<id>.md`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use crate::cyclonedx::enum_name;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ids::{check_id, sanitize, IdKind};
use crate::load::model_card::{load_model_card, KNOWN_KEYS};
use crate::load::yaml::near_miss;
use crate::load::SourceFile;
use crate::model::ModelCard;

/// One card, ready to be written. Empty fields are left out of the YAML.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CardOut {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intended_use: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub out_of_scope_uses: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excluded_inputs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub training_data: Option<DatasetOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evaluation_data: Option<DatasetOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<MetricOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limitations: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ethical_considerations: Vec<EthicalOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub human_oversight: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annex_iii: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub significant_effect: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<Value>,
    /// Fields of the source with no candor equivalent, kept under their own names.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
    /// The Markdown body.
    #[serde(skip)]
    pub body: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DatasetOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricOut {
    pub name: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ci: Option<[f64; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EthicalOut {
    pub risk: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mitigation: Option<String>,
}

impl CardOut {
    /// Keeps a source field that candor has no name for. A key that is, or looks like a typo
    /// of, a candor field (`metrics`, `licence`) is prefixed (`hf_metrics`), because the card
    /// loader would read it as that field or reject it as a misspelling.
    pub fn keep(&mut self, prefix: &str, key: &str, value: Value) {
        if is_empty(&value) {
            return;
        }
        let mut name = key.to_string();
        while KNOWN_KEYS.contains(&name.as_str())
            || near_miss(&name, KNOWN_KEYS, |_| false).is_some()
            || self.extra.contains_key(&name)
        {
            name = format!("{prefix}_{name}");
        }
        self.extra.insert(name, value);
    }

    /// Keeps every field left in a JSON object (see [`CardOut::keep`]).
    pub fn keep_all(&mut self, prefix: &str, rest: Value) {
        if let Value::Object(map) = rest {
            for (k, v) in map {
                self.keep(prefix, &k, v);
            }
        }
    }

    /// The card as a candor Markdown file: a comment naming the source, the YAML front
    /// matter, then the body.
    pub fn to_markdown(&self, source_note: &str) -> String {
        let yaml = serde_saphyr::to_string(self).unwrap_or_else(|e| {
            // A map of strings, numbers and lists always serialises; keep the id at least.
            format!("id: {}\n# not serialisable: {e}\n", self.id)
        });
        let mut out = format!("---\n# {source_note}\n{yaml}");
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("---\n");
        let body = self.body.trim();
        if !body.is_empty() {
            out.push('\n');
            out.push_str(body);
            out.push('\n');
        }
        out
    }

    /// The same fields, read from a loaded card (for round trips and comparisons).
    pub fn from_model(card: &ModelCard) -> CardOut {
        let ids = |v: &[crate::model::ModelInput]| v.iter().map(|i| i.id.clone()).collect();
        let dataset = |d: &crate::model::Dataset| DatasetOut {
            description: d.description.clone(),
            elements: ids(&d.elements),
        };
        CardOut {
            id: card.id.clone(),
            name: Some(card.name.clone()),
            version: card.version.clone(),
            status: card.status.map(|s| enum_name(&s)),
            owners: card.owners.clone(),
            summary: card.summary.clone(),
            model_type: card.model_type.clone(),
            intended_use: card.intended_use.clone(),
            out_of_scope_uses: card.out_of_scope_uses.clone(),
            inputs: ids(&card.inputs),
            excluded_inputs: ids(&card.excluded_inputs),
            training_data: card.training_data.as_ref().map(dataset),
            evaluation_data: card.evaluation_data.as_ref().map(dataset),
            metrics: card
                .metrics
                .iter()
                .map(|m| MetricOut {
                    name: m.name.clone(),
                    value: m.value,
                    slice: m.slice.clone(),
                    ci: m.ci,
                    dataset: m.dataset.clone(),
                    split: m.split.clone(),
                })
                .collect(),
            limitations: card.limitations.clone(),
            ethical_considerations: card
                .ethical_considerations
                .iter()
                .map(|e| EthicalOut {
                    risk: e.risk.clone(),
                    mitigation: e.mitigation.clone(),
                })
                .collect(),
            human_oversight: card.human_oversight.clone(),
            purposes: card.purposes.iter().map(|p| p.key.clone()).collect(),
            risk_class: card.risk_class.map(|r| enum_name(&r)),
            annex_iii: card.annex_iii.map(|a| enum_name(&a)),
            decisions: card.decisions.map(|d| enum_name(&d)),
            significant_effect: card.significant_effect,
            license: card.license.clone(),
            last_reviewed: card.last_reviewed.map(|d| d.to_string()),
            internal: card.internal.clone(),
            extra: card.extra.clone(),
            body: card.body.trim().to_string(),
        }
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// A valid model id from the first candidate that gives one (`Stable Diffusion` ->
/// `stable-diffusion`), else `model`.
pub fn make_id<'a>(candidates: impl IntoIterator<Item = &'a str>) -> String {
    for c in candidates {
        let id = sanitize(c, IdKind::Other);
        if check_id(&id, IdKind::Other, "model id").is_ok() {
            return id;
        }
        let id = format!("{id}-model");
        if !id.starts_with('-') && check_id(&id, IdKind::Other, "model id").is_ok() {
            return id;
        }
    }
    "model".to_string()
}

/// Loads the written text back with candor's own model card loader, so an import can never
/// write a card that `candor build` would reject.
pub fn check_loads(markdown: &str, rel: &Path) -> Result<ModelCard, Diagnostics> {
    let src = SourceFile::new(Arc::from(rel), markdown);
    let mut errors: Vec<Diagnostic> = Vec::new();
    match load_model_card(&src, &mut errors) {
        Some(card) if errors.is_empty() => Ok(card),
        _ => {
            let mut diags = Diagnostics::new();
            for e in errors {
                diags.push(e);
            }
            Err(diags)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_from_names() {
        assert_eq!(make_id(["Stable Diffusion v1.4"]), "stable-diffusion-v1-4");
        assert_eq!(make_id(["", "!!", "fallback"]), "fallback");
        assert_eq!(make_id(["con"]), "con-model");
        assert_eq!(make_id(["Ωμέγα"]), "model");
    }

    #[test]
    fn extra_keys_never_shadow_card_fields() {
        let mut c = CardOut::default();
        c.keep("hf", "metrics", json!(["acc"]));
        c.keep("hf", "licence", json!("x"));
        c.keep("hf", "tags", json!(["a"]));
        c.keep("hf", "empty", json!([]));
        let keys: Vec<_> = c.extra.keys().cloned().collect();
        assert_eq!(keys, ["hf_licence", "hf_metrics", "tags"]);
    }

    #[test]
    fn markdown_loads_back_with_the_same_fields() {
        let card = CardOut {
            id: "m".into(),
            name: Some("M: a model # 1".into()),
            version: Some("1.10".into()),
            owners: vec!["no".into()],
            metrics: vec![MetricOut {
                name: "accuracy".into(),
                value: 0.9781249761581421,
                slice: Some("age: 18-24".into()),
                ci: Some([0.1, 0.2]),
                dataset: Some("Beans".into()),
                split: Some("test".into()),
            }],
            extra: [("language".to_string(), json!(["en", "no"]))].into(),
            body: "# M\n\nText.".into(),
            ..CardOut::default()
        };
        let md = card.to_markdown("imported");
        let loaded = check_loads(&md, Path::new("content/models/m.md")).unwrap();
        assert_eq!(CardOut::from_model(&loaded), card, "{md}");
    }
}
