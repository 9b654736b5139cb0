//! The Model Card Toolkit importer against the toolkit's own JSON schemas (0.0.1 and 0.0.2,
//! vendored in tests/schemas/model-card-toolkit): a document with every field of a schema
//! set loses nothing but its images, and the real files of tests/fixtures fill the card.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Map, Value};

use super::import;
use crate::import::card::check_loads;
use crate::import::Imported;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(version: &str) -> Value {
    let path = root().join(format!(
        "tests/schemas/model-card-toolkit/model_card.schema.{version}.json"
    ));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Builds a document with every property of a schema set. Text fields get a marker of their
/// own (`mark-7`, its path kept in `marks`), numeric fields distinct numbers (a confidence
/// interval low then high), images `IMAGE-n`; with `extra`, every object also gets an
/// `x_extra` key the schema does not know.
struct Filler<'a> {
    defs: &'a Value,
    marks: BTreeMap<String, String>,
    extra: bool,
}

impl Filler<'_> {
    fn mark(&mut self, path: &str) -> String {
        let m = format!("mark-{}", self.marks.len());
        self.marks.insert(m.clone(), path.to_string());
        m
    }

    fn fill(&mut self, s: &Value, path: &str) -> Value {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or("");
            let def = self.defs[name].clone();
            return self.fill(&def, path);
        }
        let kind = match &s["type"] {
            Value::Array(kinds) => kinds[0].as_str().unwrap_or("").to_string(),
            k => k.as_str().unwrap_or("object").to_string(),
        };
        let last = path.rsplit(['.', '[']).next().unwrap_or("");
        let number = match last {
            "value" => Some(0.5),
            "lower_bound" => Some(0.125),
            "upper_bound" => Some(0.875),
            "threshold" => Some(0.25),
            _ => None,
        };
        match (kind.as_str(), number) {
            ("number", Some(n)) => json!(n),
            ("string", Some(n)) => json!(n.to_string()),
            ("string", None) if last == "image" => json!(format!("IMAGE-{}", path.len())),
            ("string", None) if s["format"] == "date" => {
                let m = format!("2020-01-{:02}", self.marks.len() % 28 + 1);
                self.marks.insert(m.clone(), path.to_string());
                json!(m)
            }
            ("string", None) if s["format"] == "uri" => {
                json!(format!("https://x.example/{}", self.mark(path)))
            }
            ("string", None) => json!(self.mark(path)),
            ("boolean", _) => json!(true),
            ("array", _) => {
                let mut item = s.get("items").cloned().unwrap_or(json!({"type": "string"}));
                if let Some(r) = item.get("$ref").and_then(Value::as_str) {
                    item = self.defs[r.rsplit('/').next().unwrap_or("")].clone();
                }
                let p = format!("{path}[]");
                // `oneOf` required fields (a licence's `identifier` or `custom_text`): one
                // item per branch, each with only its own field of them.
                let Some(branches) = item.get("oneOf").and_then(Value::as_array) else {
                    return json!([self.fill(&item, &p)]);
                };
                let required = |b: &Value| -> Vec<String> {
                    b["required"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|r| r.as_str().map(str::to_string))
                        .collect()
                };
                let all: Vec<String> = branches.iter().flat_map(required).collect();
                let mut out = Vec::new();
                for b in branches {
                    let mine = required(b);
                    let mut one = item.clone();
                    if let Some(props) = one["properties"].as_object_mut() {
                        props.retain(|k, _| mine.contains(k) || !all.contains(k));
                    }
                    out.push(self.fill(&one, &p));
                }
                Value::Array(out)
            }
            _ => {
                let mut m = Map::new();
                for (k, v) in s["properties"].as_object().into_iter().flatten() {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    m.insert(k.clone(), self.fill(v, &p));
                }
                if self.extra {
                    let p = if path.is_empty() {
                        "x_extra".to_string()
                    } else {
                        format!("{path}.x_extra")
                    };
                    m.insert("x_extra".into(), json!(self.mark(&p)));
                }
                Value::Object(m)
            }
        }
    }
}

fn boon_valid(schema: &Value, doc: &Value) -> Result<(), String> {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("file:///mct.json", schema.clone())
        .unwrap();
    let idx = compiler.compile("file:///mct.json", &mut schemas).unwrap();
    schemas.validate(doc, idx).map_err(|e| format!("{e:#}"))
}

fn one(name: &str, doc: &Value) -> Imported {
    let mut cards = import(Path::new(name), &doc.to_string()).unwrap();
    assert_eq!(cards.len(), 1);
    cards.remove(0)
}

#[test]
fn every_schema_field_is_mapped_or_noted_and_only_images_are_dropped() {
    for version in ["v0.0.1", "v0.0.2"] {
        let schema = schema(version);
        let defs = schema.get("definitions").cloned().unwrap_or(json!({}));
        for extra in [false, true] {
            let mut filler = Filler {
                defs: &defs,
                marks: BTreeMap::new(),
                extra,
            };
            let doc = filler.fill(&schema, "");
            if !extra {
                // The document is what the toolkit itself would accept.
                boon_valid(&schema, &doc).unwrap_or_else(|e| panic!("{version}: {e}"));
            }
            let imported = one("card.json", &doc);
            let md = imported.card.to_markdown("test");
            check_loads(&md, Path::new("content/models/x.md")).unwrap();
            for (mark, path) in &filler.marks {
                assert!(
                    md.contains(mark.as_str()),
                    "{version}: `{path}` was dropped:\n{md}"
                );
            }
            assert!(
                !md.contains("IMAGE-"),
                "{version}: an image was kept:\n{md}"
            );
            // Unmapped fields are named in a note: the unknown keys, and the model's file
            // path (internal, so kept as an extra key rather than put in the text).
            let unmapped: std::collections::BTreeSet<&str> = filler
                .marks
                .values()
                .map(String::as_str)
                .filter(|p| p.ends_with("x_extra") || *p == "model_details.path")
                .collect();
            let note = imported
                .notes
                .iter()
                .find(|n| n.starts_with("Not mapped"))
                .map_or("", String::as_str);
            for path in &unmapped {
                assert!(
                    note.contains(&format!("`{path}`")),
                    "{version}: {path} not in {note:?}"
                );
            }
            assert_eq!(
                note.matches('`').count(),
                2 * unmapped.len(),
                "{version}: {note}"
            );
            let c = &imported.card;
            assert!(c.name.is_some() && c.summary.is_some() && c.version.is_some());
            assert!(c.license.is_some() && c.model_type.is_some() && !c.owners.is_empty());
            assert!(c.intended_use.is_some() && !c.limitations.is_empty());
            assert!(c.ethical_considerations[0].mitigation.is_some());
            assert!(
                c.training_data.is_some() && c.metrics.len() == 1,
                "{version}: {md}"
            );
            let m = &c.metrics[0];
            assert_eq!((m.value, m.ci), (0.5, Some([0.125, 0.875])), "{version}");
            assert!(m.slice.is_some());
            if version == "v0.0.1" {
                assert!(c.evaluation_data.is_some() && m.name.ends_with("(threshold 0.25)"));
            }
        }
    }
}

#[test]
fn every_fixture_fills_the_card() {
    let dir = root().join("tests/fixtures/modelcards/model-card-toolkit");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = import(&path, &text).unwrap();
        let c = &imported[0].card;
        let md = c.to_markdown("test");
        check_loads(&md, Path::new("content/models/x.md")).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(
            c.summary.is_some() || name == "considerations.json",
            "{name}"
        );
        assert!(
            c.version.is_some() && c.license.is_some() && !c.owners.is_empty(),
            "{name}"
        );
        assert!(
            !c.limitations.is_empty() && !c.ethical_considerations.is_empty(),
            "{name}"
        );
        assert!(
            md.contains("## Intended users") || name == "full.json",
            "{name}"
        );
        // No base64 image reaches the card; each graphic is named in a note instead.
        assert!(!md.contains("iVBORw0KGgo"), "{name}");
        let graphics = text.matches("\"image\"").count();
        let noted: usize = imported[0]
            .notes
            .iter()
            .filter_map(|n| n.split(' ').next()?.parse::<usize>().ok())
            .sum();
        assert_eq!(noted, graphics, "{name}: {:?}", imported[0].notes);
        seen += 1;
    }
    assert_eq!(seen, 4);
}

#[test]
fn summary_is_the_first_paragraph_as_plain_text_and_the_rest_is_kept() {
    let doc = json!({"model_details": {"overview": "Scores **churn** risk, see [docs](https://x.example).\n\nTrained weekly."}});
    let c = one("churn_scorer.json", &doc).card;
    assert_eq!(c.id, "churn_scorer");
    assert_eq!(c.summary.as_deref(), Some("Scores churn risk, see docs."));
    assert!(
        c.body.contains("## Overview\n\nScores **churn** risk"),
        "{}",
        c.body
    );
    assert!(c.body.contains("Trained weekly."), "{}", c.body);
    let c = one(
        "x.json",
        &json!({"model_details": {"overview": "One line."}}),
    )
    .card;
    assert_eq!(c.summary.as_deref(), Some("One line."));
    assert!(!c.body.contains("## Overview"), "{}", c.body);
}

#[test]
fn a_metric_that_is_not_a_number_and_a_partial_owner_are_noted_not_lost() {
    let doc = json!({
        "model_details": {"owners": [{"contact": "a@x.example", "role": "lead"}]},
        "quantitative_analysis": {"performance_metrics": [
            {"type": "auc", "value": "high", "slice": "age 18-24", "confidence_interval": {"lower_bound": "0.1", "upper_bound": "0.2"}}
        ]}
    });
    let i = one("m.json", &doc);
    assert_eq!(i.card.owners, ["a@x.example"]);
    assert!(i.card.metrics.is_empty());
    assert!(
        i.notes[0].contains("`auc` on `age 18-24` has the value `high`"),
        "{:?}",
        i.notes
    );
    let note = &i.notes[1];
    assert!(
        note.contains("`model_details.owners[].role`")
            && note.contains(
                "`quantitative_analysis.performance_metrics[].confidence_interval.lower_bound`"
            ),
        "{note}"
    );
}
