//! Google Model Card Toolkit JSON (schema 0.0.1 and 0.0.2): `model_details`,
//! `model_parameters`, `quantitative_analysis` and `considerations`.
//!
//! Performance metrics keep their slice and confidence interval; a threshold goes into the
//! metric name. Graphics (base64 images) are dropped with a note in the body. Fields this
//! importer does not map are kept, under their section, as extra keys.

use std::path::Path;

use serde_json::{Map, Value};

use crate::diag::{Diagnostic, Diagnostics};

use super::body::Body;
use super::card::{make_id, CardOut, DatasetOut, EthicalOut, MetricOut};
use super::json::{as_number, as_text, parse, put_back, take, take_array, take_object, take_str};
use super::Imported;

const WHAT: &str = "Model Card Toolkit";

pub fn import(file: &Path, text: &str) -> Result<Vec<Imported>, Diagnostics> {
    let mut doc = parse(text, file, WHAT)?;
    if !doc.is_object() {
        return Err(
            Diagnostic::at(file, 1, "a Model Card Toolkit file must be a JSON object")
                .help("it starts with `{\"schema_version\": ..., \"model_details\": {...}}`")
                .into(),
        );
    }
    let mut card = CardOut::default();
    let mut body = Body::default();
    let mut rest = Map::new();
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();

    let mut details = take_object(&mut doc, "model_details").unwrap_or(Value::Null);
    model_details(&mut details, &mut card, &mut body);
    put_back(&mut rest, "model_details", details);

    let mut params = take_object(&mut doc, "model_parameters").unwrap_or(Value::Null);
    card.model_type = take_str(&mut params, "model_architecture");
    datasets(&mut params, &mut card, &mut body);
    put_back(&mut rest, "model_parameters", params);

    let mut quant = take_object(&mut doc, "quantitative_analysis").unwrap_or(Value::Null);
    card.metrics = performance_metrics(&mut quant, &mut body);
    drop_graphics(&mut quant, "the quantitative analysis", &mut body);
    put_back(&mut rest, "quantitative_analysis", quant);

    let mut cons = take_object(&mut doc, "considerations").unwrap_or(Value::Null);
    considerations(&mut cons, &mut card, &mut body);
    put_back(&mut rest, "considerations", cons);

    if let Value::Object(others) = doc {
        rest.extend(others);
    }
    let name = card.name.clone().unwrap_or_else(|| stem.clone());
    card.id = make_id([name.as_str(), stem.as_str()]);
    card.name = Some(name);
    card.keep_all("mct", Value::Object(rest));
    card.body = body.finish();
    Ok(vec![Imported {
        card,
        notes: body.notes().to_vec(),
    }])
}

fn model_details(d: &mut Value, card: &mut CardOut, body: &mut Body) {
    card.name = take_str(d, "name");
    card.summary = take_str(d, "overview");
    if let Some(doc) = take_str(d, "documentation") {
        body.section("Documentation", &doc);
    }
    card.owners = take_array(d, "owners")
        .into_iter()
        .filter_map(|o| {
            let name = o.get("name").and_then(as_text);
            let contact = o.get("contact").and_then(as_text);
            match (name, contact) {
                (Some(n), Some(c)) => Some(format!("{n} <{c}>")),
                (n, c) => n.or(c).or_else(|| as_text(&o)),
            }
        })
        .collect();
    if let Some(mut version) = take_object(d, "version") {
        card.version = take_str(&mut version, "name");
        if let Some(diff) = take_str(&mut version, "diff") {
            body.section("Changes in this version", &diff);
        }
        let mut rest = Map::new();
        put_back(&mut rest, "version", version);
        if let Value::Object(m) = d {
            m.extend(rest);
        }
    }
    let licenses: Vec<String> = take_array(d, "licenses")
        .iter()
        .filter_map(|l| {
            ["identifier", "custom_text"]
                .iter()
                .find_map(|k| l.get(*k).and_then(as_text))
                .or_else(|| as_text(l))
        })
        .collect();
    card.license = (!licenses.is_empty()).then(|| licenses.join(" OR "));
    let refs = texts(take_array(d, "references"), "reference");
    body.list("References", &refs);
    let mut citations = texts(take_array(d, "citations"), "citation");
    if let Some(c) = take_object(d, "citation") {
        citations.extend(texts(vec![c], "citation"));
    }
    body.list("Citation", &citations);
}

/// `model_parameters.data`: sets named like training data describe `training_data`, sets
/// named like evaluation data (`eval`, `valid`, `test`) describe `evaluation_data`.
fn datasets(params: &mut Value, card: &mut CardOut, body: &mut Body) {
    let (mut training, mut evaluation) = (Vec::new(), Vec::new());
    let mut kept = Vec::new();
    for mut data in take_array(params, "data") {
        let name = take_str(&mut data, "name");
        let mut text = name.clone().unwrap_or_else(|| "Data".into());
        if let Some(desc) = take_str(&mut data, "description") {
            text = format!("{text}: {desc}");
        }
        if let Some(link) = take_str(&mut data, "link") {
            text = format!("{text} ({link})");
        }
        if let Some(mut sensitive) = take_object(&mut data, "sensitive") {
            let fields: Vec<String> = take_array(&mut sensitive, "sensitive_data")
                .iter()
                .filter_map(as_text)
                .collect();
            if !fields.is_empty() {
                text = format!("{text}. Sensitive fields: {}", fields.join(", "));
            }
        }
        drop_graphics(
            &mut data,
            &format!("the data set `{}`", name.as_deref().unwrap_or("data")),
            body,
        );
        let lower = name.as_deref().unwrap_or("").to_ascii_lowercase();
        if ["eval", "valid", "test"].iter().any(|w| lower.contains(w)) {
            evaluation.push(text);
        } else {
            training.push(text);
        }
        if data.as_object().is_some_and(|m| !m.is_empty()) {
            if let (Some(n), Value::Object(m)) = (&name, &mut data) {
                m.insert("name".into(), Value::String(n.clone()));
            }
            kept.push(data);
        }
    }
    let describe = |parts: Vec<String>| {
        (!parts.is_empty()).then(|| DatasetOut {
            description: Some(parts.join("\n\n")),
            elements: Vec::new(),
        })
    };
    card.training_data = describe(training);
    card.evaluation_data = describe(evaluation);
    if let (false, Value::Object(m)) = (kept.is_empty(), params) {
        m.insert("data".into(), Value::Array(kept));
    }
}

fn performance_metrics(quant: &mut Value, body: &mut Body) -> Vec<MetricOut> {
    let mut out = Vec::new();
    for (i, mut m) in take_array(quant, "performance_metrics")
        .into_iter()
        .enumerate()
    {
        let name = take_str(&mut m, "type").unwrap_or_else(|| format!("metric {}", i + 1));
        let name = match take_str(&mut m, "threshold") {
            Some(t) => format!("{name} (threshold {t})"),
            None => name,
        };
        let slice = take_str(&mut m, "slice");
        let raw = take(&mut m, "value").unwrap_or(Value::Null);
        let Some(value) = as_number(&raw) else {
            body.note(format!(
                "Performance metric `{name}` has the value `{}`, not a number, so it is not among the metrics.",
                as_text(&raw).unwrap_or_else(|| raw.to_string())
            ));
            continue;
        };
        let ci = take_object(&mut m, "confidence_interval")
            .and_then(|ci| interval(&ci, "lower_bound", "upper_bound", &name, body));
        out.push(MetricOut {
            name,
            value,
            slice,
            ci,
            dataset: None,
            split: None,
        });
    }
    out
}

/// A `[low, high]` interval from two bound fields; a note when it cannot be used.
pub fn interval(
    ci: &Value,
    low: &str,
    high: &str,
    metric: &str,
    body: &mut Body,
) -> Option<[f64; 2]> {
    let (lo, hi) = (
        ci.get(low).and_then(as_number),
        ci.get(high).and_then(as_number),
    );
    match (lo, hi) {
        (Some(lo), Some(hi)) if lo <= hi => Some([lo, hi]),
        (None, None) if ci.get(low).is_none() && ci.get(high).is_none() => None,
        _ => {
            body.note(format!(
                "The confidence interval of `{metric}` ({}) is not two numbers, low then high, so it was left out.",
                ci
            ));
            None
        }
    }
}

fn considerations(c: &mut Value, card: &mut CardOut, body: &mut Body) {
    let users = texts(take_array(c, "users"), "description");
    let uses = texts(take_array(c, "use_cases"), "description");
    card.intended_use = (!uses.is_empty()).then(|| uses.join("\n\n"));
    body.list("Intended users", &users);
    card.limitations = texts(take_array(c, "limitations"), "description");
    body.list(
        "Trade-offs",
        &texts(take_array(c, "tradeoffs"), "description"),
    );
    card.ethical_considerations = ethical(
        take_array(c, "ethical_considerations"),
        "mitigation_strategy",
    );
}

/// Risks given as text or as `{name, <mitigation>}` objects (MCT and CycloneDX name the
/// mitigation differently).
pub fn ethical(items: Vec<Value>, mitigation: &str) -> Vec<EthicalOut> {
    items
        .iter()
        .filter_map(|e| {
            let risk = e.get("name").and_then(as_text).or_else(|| as_text(e))?;
            Some(EthicalOut {
                risk,
                mitigation: e.get(mitigation).and_then(as_text),
            })
        })
        .collect()
}

/// Items that are text, or objects with the text under `field`.
pub fn texts(items: Vec<Value>, field: &str) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| as_text(i).or_else(|| i.get(field).and_then(as_text)))
        .collect()
}

/// Removes `graphics` (images) from a section, noting how many were dropped.
fn drop_graphics(section: &mut Value, whose: &str, body: &mut Body) {
    let Some(graphics) = take(section, "graphics") else {
        return;
    };
    let names: Vec<String> = graphics
        .get("collection")
        .and_then(Value::as_array)
        .map(|c| {
            c.iter()
                .map(|g| {
                    g.get("name")
                        .and_then(as_text)
                        .unwrap_or_else(|| "unnamed".into())
                })
                .collect()
        })
        .unwrap_or_default();
    let count = names.len();
    if count == 0 {
        return;
    }
    let list = if names.is_empty() {
        String::new()
    } else {
        format!(" ({})", names.join(", "))
    };
    body.note(format!(
        "{count} graphic{} of {whose}{list} {} not imported: candor model cards hold no images.",
        if count == 1 { "" } else { "s" },
        if count == 1 { "was" } else { "were" }
    ));
}
