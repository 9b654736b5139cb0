//! `content/models/*.md` -> [`ModelCard`]: YAML front matter (Mitchell et al. fields) and a
//! Markdown body. Element ids are kept unresolved (`element: None`) for `link` to fill in.

use std::collections::BTreeMap;

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{did_you_mean, Diagnostic, Origin};
use crate::model::model_risk::{ANNEX_III, DECISIONS, RISK_CLASSES};
use crate::model::{
    Dataset, EthicalConsideration, ModelCard, ModelInput, ModelPurpose, ModelStatus,
};

use super::front_matter::{split, FrontMatter};
use super::source::SourceFile;
use super::values::{parse_date, parse_enum};
use super::yaml::{near_miss, SpannedList, StringList};
use crate::ids::{check_id, sanitize, IdKind};

/// The front-matter keys a card understands; any other key is kept in `extra`.
pub const KNOWN_KEYS: &[&str] = &[
    "id",
    "name",
    "version",
    "status",
    "owners",
    "summary",
    "model_type",
    "intended_use",
    "out_of_scope_uses",
    "inputs",
    "excluded_inputs",
    "training_data",
    "evaluation_data",
    "metrics",
    "limitations",
    "ethical_considerations",
    "human_oversight",
    "purposes",
    "risk_class",
    "annex_iii",
    "decisions",
    "significant_effect",
    "license",
    "last_reviewed",
    "internal",
];

const STATUSES: &[(&str, ModelStatus)] = &[
    ("production", ModelStatus::Production),
    ("pilot", ModelStatus::Pilot),
    ("retired", ModelStatus::Retired),
];

/// The front matter, read in one pass: known keys typed, any other key kept in `other` (for
/// `extra`, and to spot misspellings of known keys).
#[derive(Debug, Default)]
struct CardYaml {
    id: Option<Spanned<String>>,
    name: Option<String>,
    version: Option<String>,
    status: Option<Spanned<String>>,
    owners: StringList,
    summary: Option<String>,
    model_type: Option<String>,
    intended_use: Option<String>,
    out_of_scope_uses: StringList,
    inputs: SpannedList,
    excluded_inputs: SpannedList,
    training_data: Option<DatasetYaml>,
    evaluation_data: Option<DatasetYaml>,
    metrics: Vec<Spanned<MetricYaml>>,
    limitations: StringList,
    ethical_considerations: Vec<Spanned<EthicalYaml>>,
    human_oversight: Option<String>,
    purposes: SpannedList,
    risk_class: Option<Spanned<String>>,
    annex_iii: Option<Spanned<String>>,
    decisions: Option<Spanned<String>>,
    significant_effect: Option<bool>,
    license: Option<String>,
    last_reviewed: Option<Spanned<String>>,
    internal: Option<serde_json::Value>,
    /// The known keys given, in order, with the YAML line of each.
    present: Vec<(&'static str, usize)>,
    other: BTreeMap<String, serde_json::Value>,
}

impl CardYaml {
    fn has(&self, key: &str) -> bool {
        self.present.iter().any(|(k, _)| *k == key)
    }
}

impl<'de> Deserialize<'de> for CardYaml {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CardYaml;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("struct CardYaml")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CardYaml, A::Error> {
                let mut c = CardYaml::default();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let line = usize::try_from(key.referenced.line()).unwrap_or(0);
                    let key = key.value;
                    if let Some(&known) = KNOWN_KEYS.iter().find(|k| **k == key) {
                        if c.has(known) {
                            return Err(de::Error::duplicate_field(known));
                        }
                        c.present.push((known, line));
                    }
                    match key.as_str() {
                        "id" => c.id = map.next_value()?,
                        "name" => c.name = map.next_value()?,
                        "version" => c.version = map.next_value()?,
                        "status" => c.status = map.next_value()?,
                        "owners" => c.owners = map.next_value()?,
                        "summary" => c.summary = map.next_value()?,
                        "model_type" => c.model_type = map.next_value()?,
                        "intended_use" => c.intended_use = map.next_value()?,
                        "out_of_scope_uses" => c.out_of_scope_uses = map.next_value()?,
                        "inputs" => c.inputs = map.next_value()?,
                        "excluded_inputs" => c.excluded_inputs = map.next_value()?,
                        "training_data" => c.training_data = map.next_value()?,
                        "evaluation_data" => c.evaluation_data = map.next_value()?,
                        "metrics" => c.metrics = map.next_value()?,
                        "limitations" => c.limitations = map.next_value()?,
                        "ethical_considerations" => c.ethical_considerations = map.next_value()?,
                        "human_oversight" => c.human_oversight = map.next_value()?,
                        "purposes" => c.purposes = map.next_value()?,
                        "risk_class" => c.risk_class = map.next_value()?,
                        "annex_iii" => c.annex_iii = map.next_value()?,
                        "decisions" => c.decisions = map.next_value()?,
                        "significant_effect" => c.significant_effect = map.next_value()?,
                        "license" => c.license = map.next_value()?,
                        "last_reviewed" => c.last_reviewed = map.next_value()?,
                        "internal" => c.internal = map.next_value()?,
                        _ => {
                            let value = map.next_value()?;
                            c.other.insert(key, value);
                        }
                    }
                }
                Ok(c)
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct DatasetYaml {
    description: Option<String>,
    elements: SpannedList,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricYaml {
    name: String,
    value: f64,
    slice: Option<String>,
    ci: Option<[f64; 2]>,
    dataset: Option<String>,
    split: Option<String>,
}

/// `- risk: ... mitigation: ...`, or just the risk as a string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum EthicalYaml {
    Risk(String),
    Full {
        risk: String,
        mitigation: Option<String>,
        /// Misspelt keys, reported (an untagged enum cannot deny them with a useful error).
        #[serde(flatten)]
        other: BTreeMap<String, serde_json::Value>,
    },
}

/// Reads one model card; `None` (with errors pushed) when it cannot be used.
pub fn load_model_card(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Option<ModelCard> {
    let fm = split(src, "name: Style recommender")
        .map_err(|d| errors.push(d))
        .ok()?;
    let card: CardYaml = fm.parse(src).map_err(|d| errors.push(d)).ok()?;
    let before = errors.len();
    let file = src.path.to_path_buf();
    for key in card.other.keys() {
        if let Some(known) = near_miss(key, KNOWN_KEYS, |k| card.has(k)) {
            let line = fm.key_line(key);
            errors.push(
                Diagnostic::at(
                    file.clone(),
                    line,
                    format!("unknown model card field `{key}`"),
                )
                .snippet(src.line(line))
                .help(format!("did you mean `{known}`?")),
            );
        }
    }
    for e in &card.ethical_considerations {
        let EthicalYaml::Full { other, .. } = &e.value else {
            continue;
        };
        for key in other.keys() {
            // The first line of this entry (from its start) that names the key.
            let start = fm.line_of(&e.referenced);
            let line = (start..fm.body_line)
                .find(|&l| src.line(l).contains(&format!("{key}:")))
                .unwrap_or(start);
            errors.push(
                Diagnostic::at(
                    file.clone(),
                    line,
                    format!("unknown field `{key}` in `ethical_considerations`"),
                )
                .snippet(src.line(line))
                .help(
                    did_you_mean(key, ["risk", "mitigation"]).unwrap_or_else(|| {
                        "each entry has a `risk` and a `mitigation`".to_string()
                    }),
                ),
            );
        }
    }
    let id = card_id(src, &fm, card.id.as_ref(), errors);
    let status = card.status.as_ref().and_then(|s| {
        parse_enum(&s.value, "status", STATUSES)
            .map_err(|e| errors.push(fm.at(src, &s.referenced, e.message).maybe_help(e.help)))
            .ok()
    });
    let last_reviewed = card.last_reviewed.as_ref().and_then(|s| {
        parse_date(&s.value, "last_reviewed")
            .map_err(|e| errors.push(fm.at(src, &s.referenced, e.message).maybe_help(e.help)))
            .ok()
    });
    let risk_class = spanned_enum(
        src,
        &fm,
        &card.risk_class,
        "risk_class",
        RISK_CLASSES,
        errors,
    );
    let annex_iii = spanned_enum(src, &fm, &card.annex_iii, "annex_iii", ANNEX_III, errors);
    let decisions = spanned_enum(src, &fm, &card.decisions, "decisions", DECISIONS, errors);
    let metrics = card
        .metrics
        .iter()
        .filter_map(|m| metric(src, &fm, m, errors))
        .collect();
    let id = id?;
    if errors.len() > before {
        return None;
    }
    let extra = card.other;
    // File lines: of each known key, and of each element id a list names (its key's line when
    // the list is written as one string).
    let key_lines: Vec<(&'static str, usize)> = card
        .present
        .iter()
        .filter(|(_, l)| *l > 0)
        .map(|&(k, l)| (k, fm.yaml_line + l - 1))
        .collect();
    let key_line = |key: &str| key_lines.iter().find(|(k, _)| *k == key).map(|l| l.1);
    let ids = |list: SpannedList, key: &str| -> Vec<ModelInput> {
        let at = key_line(key);
        list.0
            .into_iter()
            .map(|(id, line)| ModelInput {
                id,
                element: None,
                line: line.map(|l| fm.yaml_line + l - 1).or(at),
            })
            .collect()
    };
    let dataset = |d: DatasetYaml, key: &str| Dataset {
        description: d.description,
        elements: ids(d.elements, key),
    };
    Some(ModelCard {
        name: card.name.unwrap_or_else(|| id.clone()),
        id,
        version: card.version,
        status,
        owners: card.owners.0,
        summary: card.summary,
        model_type: card.model_type,
        intended_use: card.intended_use,
        out_of_scope_uses: card.out_of_scope_uses.0,
        inputs: ids(card.inputs, "inputs"),
        excluded_inputs: ids(card.excluded_inputs, "excluded_inputs"),
        training_data: card.training_data.map(|d| dataset(d, "training_data")),
        evaluation_data: card.evaluation_data.map(|d| dataset(d, "evaluation_data")),
        metrics,
        limitations: card.limitations.0,
        ethical_considerations: card
            .ethical_considerations
            .into_iter()
            .map(|e| match e.value {
                EthicalYaml::Risk(risk) => EthicalConsideration {
                    risk,
                    mitigation: None,
                },
                EthicalYaml::Full {
                    risk, mitigation, ..
                } => EthicalConsideration { risk, mitigation },
            })
            .collect(),
        human_oversight: card.human_oversight,
        purposes: {
            let at = key_line("purposes");
            card.purposes
                .0
                .into_iter()
                .map(|(key, line)| ModelPurpose {
                    key,
                    line: line.map(|l| fm.yaml_line + l - 1).or(at),
                })
                .collect()
        },
        risk_class,
        annex_iii,
        decisions,
        significant_effect: card.significant_effect,
        license: card.license,
        last_reviewed,
        internal: card.internal,
        extra,
        body: fm.body.to_string(),
        origin: Origin::new(&src.path, fm.first_key_line()),
        body_line: fm.body_line,
        key_lines,
    })
}

/// The card id: `id:` when given, else the file stem; either must be a safe id.
fn card_id(
    src: &SourceFile,
    fm: &FrontMatter,
    id: Option<&Spanned<String>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    if let Some(id) = id {
        return match check_id(&id.value, IdKind::Other, "model id") {
            Ok(()) => Some(id.value.clone()),
            Err(e) => {
                errors.push(fm.at(src, &id.referenced, e.message).maybe_help(e.help));
                None
            }
        };
    }
    let stem = src
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match check_id(&stem, IdKind::Other, "model id") {
        Ok(()) => Some(stem),
        Err(e) => {
            errors.push(
                Diagnostic::file(
                    src.path.to_path_buf(),
                    format!("{} (taken from the file name)", e.message),
                )
                .help(format!(
                    "rename the file to `{}.md` or set `id:` in the front matter",
                    sanitize(&stem, IdKind::Other)
                )),
            );
            None
        }
    }
}

mod fields;
use fields::{metric, spanned_enum};

#[cfg(test)]
mod tests;
