//! CycloneDX 1.5 / 1.6 ML-BOM (JSON): every component of type `machine-learning-model`, at
//! any depth, becomes one card; its `modelCard` gives model parameters, metrics and
//! considerations.
//!
//! Fields CycloneDX has no place for travel as `candor:*` properties of the model card (see
//! [`props`]), which `candor export --format cyclonedx` writes, so export -> import gives the
//! same card back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{Map, Value};

use crate::diag::{Diagnostic, Diagnostics};
use crate::ids::{check_id, IdKind};
use crate::model::model_risk::{ANNEX_III, DECISIONS, RISK_CLASSES};

use super::body::Body;
use super::card::{make_id, CardOut, DatasetOut, MetricOut};
use super::json::{
    as_number, as_text, line_of_key, parse, put_back, take, take_array, take_object, take_str,
};
use super::mct::{ethical, interval, texts};
use super::Imported;

use crate::cyclonedx::props;

const WHAT: &str = "CycloneDX";
const ML_TYPE: &str = "machine-learning-model";

pub fn import(file: &Path, text: &str) -> Result<Vec<Imported>, Diagnostics> {
    let mut doc = parse(text, file, WHAT)?;
    check_bom(&doc, file, text)?;
    let refs = bom_refs(&doc);
    let mut found = Vec::new();
    let mut types = BTreeSet::new();
    if let Some(meta) = doc.get_mut("metadata").and_then(|m| m.get_mut("component")) {
        collect(std::slice::from_mut(meta), &mut found, &mut types);
    }
    if let Some(Value::Array(list)) = doc.get_mut("components") {
        collect(list, &mut found, &mut types);
    }
    if found.is_empty() {
        let seen = if types.is_empty() {
            "it has no components".to_string()
        } else {
            format!(
                "its components are of type {}",
                types.into_iter().collect::<Vec<_>>().join(", ")
            )
        };
        return Err(Diagnostic::file(file, format!("no component of type `{ML_TYPE}` in this BOM: {seen}"))
            .help("a model is a component with `\"type\": \"machine-learning-model\"` and, usually, a `modelCard`")
            .into());
    }
    let mut ids = BTreeSet::new();
    Ok(found
        .into_iter()
        .map(|c| {
            let mut imported = component(c, &refs);
            let base = imported.card.id.clone();
            let mut n = 2;
            while !ids.insert(imported.card.id.clone()) {
                imported.card.id = format!("{base}-{n}");
                n += 1;
            }
            imported
        })
        .collect())
}

fn check_bom(doc: &Value, file: &Path, text: &str) -> Result<(), Diagnostic> {
    let at = |key: &str, msg: String| {
        let line = line_of_key(text, key);
        Diagnostic::at(file, line, msg).snippet(text.lines().nth(line - 1).unwrap_or(""))
    };
    match doc.get("bomFormat").and_then(Value::as_str) {
        Some("CycloneDX") => {}
        Some(other) => return Err(at("bomFormat", format!("this is not a CycloneDX BOM: `bomFormat` is `{other}`")).help("expected `\"bomFormat\": \"CycloneDX\"`")),
        None => return Err(Diagnostic::at(file, 1, "this is not a CycloneDX BOM: it has no `bomFormat`").help("a CycloneDX JSON BOM starts with `{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", ...`")),
    }
    let version = doc.get("specVersion").and_then(Value::as_str).unwrap_or("");
    let minor = version
        .strip_prefix("1.")
        .and_then(|m| m.parse::<u32>().ok());
    if minor.is_none_or(|m| m < 5) {
        return Err(at(
            "specVersion",
            format!("CycloneDX specVersion `{version}` has no model cards; expected 1.5 or later"),
        )
        .help("model cards (`modelCard`) arrived in CycloneDX 1.5"));
    }
    Ok(())
}

/// Takes every ML model component out of a component list, depth first.
fn collect(list: &mut [Value], found: &mut Vec<Value>, types: &mut BTreeSet<String>) {
    for c in list {
        if let Some(Value::Array(children)) = c.get_mut("components") {
            collect(children, found, types);
        }
        match c.get("type").and_then(Value::as_str) {
            Some(ML_TYPE) => {
                let mut model = std::mem::take(c);
                take(&mut model, "components");
                found.push(model);
            }
            Some(t) => {
                types.insert(t.to_string());
            }
            None => {}
        }
    }
}

/// Every object in the BOM with a `bom-ref` (components at any depth, `definitions`), so a
/// data set given as `{"ref": ...}` can be read from the component it names.
fn bom_refs(doc: &Value) -> BTreeMap<String, Value> {
    fn walk(v: &Value, out: &mut BTreeMap<String, Value>, depth: usize) {
        if depth > 64 {
            return;
        }
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("bom-ref").and_then(Value::as_str) {
                    out.entry(r.to_string()).or_insert_with(|| v.clone());
                }
                m.values().for_each(|x| walk(x, out, depth + 1));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out, depth + 1)),
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    walk(doc, &mut out, 0);
    out
}

fn component(mut c: Value, refs: &BTreeMap<String, Value>) -> Imported {
    let mut card = CardOut::default();
    let mut body = Body::default();
    take(&mut c, "type");
    let name = take_str(&mut c, "name");
    card.version = take_str(&mut c, "version");
    card.summary = take_str(&mut c, "description");
    card.owners = texts(take_array(&mut c, "authors"), "name");
    if let Some(author) = take_str(&mut c, "author") {
        card.owners.push(author);
    }
    card.license = licenses(&mut c);
    let mut rest = Map::new();
    let mut id = None;
    if let Some(mut mc) = take_object(&mut c, "modelCard") {
        id = properties(&mut mc, &mut card, &mut body);
        let mut params = take_object(&mut mc, "modelParameters").unwrap_or(Value::Null);
        card.model_type = take_str(&mut params, "modelArchitecture")
            .or_else(|| take_str(&mut params, "architectureFamily"));
        datasets(&mut params, refs, &mut card, &mut body);
        let mut quant = take_object(&mut mc, "quantitativeAnalysis").unwrap_or(Value::Null);
        let metrics = std::mem::take(&mut card.metrics);
        card.metrics = performance_metrics(&mut quant, metrics, &mut body);
        if take(&mut quant, "graphics").is_some() {
            body.note("The graphics of the quantitative analysis were not imported: candor model cards hold no images.");
        }
        let mut cons = take_object(&mut mc, "considerations").unwrap_or(Value::Null);
        if id.is_some() {
            // candor's own export derives its fairness assessments from the metrics.
            take_array(&mut cons, "fairnessAssessments");
        }
        considerations(&mut cons, &mut card, &mut body);
        let mut left = Map::new();
        put_back(&mut left, "modelParameters", params);
        put_back(&mut left, "quantitativeAnalysis", quant);
        put_back(&mut left, "considerations", cons);
        if let Value::Object(m) = mc {
            left.extend(m);
        }
        put_back(&mut rest, "modelCard", Value::Object(left));
    }
    if let Value::Object(m) = c {
        for (k, v) in m {
            put_back(&mut rest, &k, v);
        }
    }
    let name = name.unwrap_or_else(|| "model".into());
    let group = rest
        .get("group")
        .and_then(as_text)
        .map(|g| format!("{g}-{name}"));
    if let Some(id) = &id {
        // The bom-ref candor's own export derives from the id says nothing more.
        if rest.get("bom-ref").and_then(Value::as_str) == Some(&format!("model:{id}")) {
            rest.remove("bom-ref");
        }
    }
    card.id = id.unwrap_or_else(|| make_id([name.as_str(), group.as_deref().unwrap_or("")]));
    card.name = Some(name);
    card.keep_all("cyclonedx", Value::Object(rest));
    card.body = body.finish();
    Imported {
        card,
        notes: body.notes().to_vec(),
    }
}

fn licenses(c: &mut Value) -> Option<String> {
    let names: Vec<String> = take_array(c, "licenses")
        .iter()
        .filter_map(|l| {
            l.get("expression").and_then(as_text).or_else(|| {
                let lic = l.get("license")?;
                lic.get("id")
                    .and_then(as_text)
                    .or_else(|| lic.get("name").and_then(as_text))
            })
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Reads the `candor:*` properties into the card (returning a valid `candor:id`); other
/// properties stay in place.
fn properties(mc: &mut Value, card: &mut CardOut, body: &mut Body) -> Option<String> {
    let mut id = None;
    let mut others = Vec::new();
    for p in take_array(mc, "properties") {
        let (Some(name), value) = (
            p.get("name").and_then(Value::as_str),
            p.get("value").and_then(Value::as_str).unwrap_or(""),
        ) else {
            others.push(p);
            continue;
        };
        let v = value.to_string();
        match name {
            props::ID if check_id(value, IdKind::Other, "model id").is_ok() => id = Some(v),
            props::STATUS if ["production", "pilot", "retired"].contains(&value) => {
                card.status = Some(v)
            }
            props::LAST_REVIEWED if value.parse::<jiff::civil::Date>().is_ok() => {
                card.last_reviewed = Some(v)
            }
            props::STATUS | props::LAST_REVIEWED => body.note(format!(
                "The property `{name}` has the value `{value}`, which candor cannot use, so it was left out."
            )),
            props::INPUT => card.inputs.push(v),
            props::EXCLUDED_INPUT => card.excluded_inputs.push(v),
            props::TRAINING_ELEMENT => card
                .training_data
                .get_or_insert_with(DatasetOut::default)
                .elements
                .push(v),
            props::EVALUATION_ELEMENT => card
                .evaluation_data
                .get_or_insert_with(DatasetOut::default)
                .elements
                .push(v),
            props::OUT_OF_SCOPE_USE => card.out_of_scope_uses.push(v),
            props::HUMAN_OVERSIGHT => card.human_oversight = Some(v),
            props::PURPOSE => card.purposes.push(v),
            props::RISK_CLASS if enum_ok(RISK_CLASSES, value) => card.risk_class = Some(v),
            props::ANNEX_III if enum_ok(ANNEX_III, value) => card.annex_iii = Some(v),
            props::DECISIONS if enum_ok(DECISIONS, value) => card.decisions = Some(v),
            props::SIGNIFICANT_EFFECT if matches!(value, "true" | "false") => {
                card.significant_effect = Some(value == "true")
            }
            props::RISK_CLASS | props::ANNEX_III | props::DECISIONS | props::SIGNIFICANT_EFFECT => {
                body.note(format!(
                    "The property `{name}` has the value `{value}`, which candor cannot use, so it was left out."
                ))
            }
            props::BODY => body.text(value),
            props::INTERNAL => {
                card.internal = serde_json::from_str(value).ok().or(Some(Value::String(v)))
            }
            _ if name.starts_with(props::EXTRA_PREFIX) => {
                let json = serde_json::from_str(value).unwrap_or(Value::String(v));
                let key = &name[props::EXTRA_PREFIX.len()..];
                if !key.is_empty() {
                    card.keep("cyclonedx", key, json);
                }
            }
            _ if name.starts_with(props::METRIC_PREFIX) => {
                metric_prop(&name[props::METRIC_PREFIX.len()..], v, card)
            }
            _ => others.push(p),
        }
    }
    if let (false, Value::Object(m)) = (others.is_empty(), mc) {
        m.insert("properties".into(), Value::Array(others));
    }
    id
}

/// Whether `value` is one of an enumerated key's values.
fn enum_ok<T>(table: &[(&str, T)], value: &str) -> bool {
    table.iter().any(|(k, _)| *k == value)
}

/// `<n>:dataset` or `<n>:split`: remembered on a placeholder metric until the real ones are read.
fn metric_prop(key: &str, value: String, card: &mut CardOut) {
    let Some((n, field)) = key.split_once(':') else {
        return;
    };
    let Ok(n) = n.parse::<usize>() else { return };
    if n > 10_000 {
        return;
    }
    while card.metrics.len() <= n {
        card.metrics.push(MetricOut {
            name: String::new(),
            value: f64::NAN,
            slice: None,
            ci: None,
            dataset: None,
            split: None,
        });
    }
    match field {
        "dataset" => card.metrics[n].dataset = Some(value),
        "split" => card.metrics[n].split = Some(value),
        _ => {}
    }
}

/// `performanceMetrics`, with the dataset and split from `candor:metric:*` properties.
fn performance_metrics(
    quant: &mut Value,
    extra: Vec<MetricOut>,
    body: &mut Body,
) -> Vec<MetricOut> {
    let mut out = Vec::new();
    for (i, mut m) in take_array(quant, "performanceMetrics")
        .into_iter()
        .enumerate()
    {
        let name = take_str(&mut m, "type").unwrap_or_else(|| format!("metric {}", i + 1));
        let raw = take(&mut m, "value").unwrap_or(Value::Null);
        let Some(value) = as_number(&raw) else {
            body.note(format!(
                "Performance metric `{name}` has the value `{}`, not a number, so it is not among the metrics.",
                as_text(&raw).unwrap_or_else(|| raw.to_string())
            ));
            continue;
        };
        let ci = take_object(&mut m, "confidenceInterval")
            .and_then(|ci| interval(&ci, "lowerBound", "upperBound", &name, body));
        let (dataset, split) = extra
            .get(i)
            .map_or((None, None), |e| (e.dataset.clone(), e.split.clone()));
        out.push(MetricOut {
            name,
            value,
            slice: take_str(&mut m, "slice"),
            ci,
            dataset,
            split,
        });
    }
    out
}

/// `modelParameters.datasets`: inline data sets describe training or evaluation data by name.
/// A `{"ref": ...}` is read from the data component it names (its name and description, or
/// those of its first `data` entry); a ref to nothing in the BOM is kept and noted.
fn datasets(
    params: &mut Value,
    refs: &BTreeMap<String, Value>,
    card: &mut CardOut,
    body: &mut Body,
) {
    let mut kept = Vec::new();
    for d in take_array(params, "datasets") {
        let mut d = match d.get("ref").and_then(Value::as_str) {
            Some(r) => match refs.get(r) {
                Some(target) => referenced(r, target),
                None => {
                    body.note(format!("The data set `{r}` is a reference to nothing in this BOM, so it is kept as it is."));
                    kept.push(d);
                    continue;
                }
            },
            None if !d.is_object() => {
                kept.push(d);
                continue;
            }
            None => d,
        };
        let name = take_str(&mut d, "name").unwrap_or_else(|| "Data".into());
        let desc = take_str(&mut d, "description");
        let lower = name.to_ascii_lowercase();
        let is_eval = ["eval", "valid", "test"].iter().any(|w| lower.contains(w));
        let text = match (desc, name.as_str()) {
            (desc, props::TRAINING_DATA | props::EVALUATION_DATA) => desc,
            (Some(desc), _) => Some(format!("{name}: {desc}")),
            (None, _) => Some(name.clone()),
        };
        let slot = if is_eval {
            &mut card.evaluation_data
        } else {
            &mut card.training_data
        };
        let slot = slot.get_or_insert_with(DatasetOut::default);
        slot.description = match (slot.description.take(), text) {
            (Some(prev), Some(text)) => Some(format!("{prev}\n\n{text}")),
            (prev, text) => prev.or(text),
        };
        if take(&mut d, "graphics").is_some() {
            body.note(format!("The graphics of the data set `{name}` were not imported: candor model cards hold no images."));
        }
        take(&mut d, "type");
        if d.as_object().is_some_and(|m| !m.is_empty()) {
            if let Value::Object(m) = &mut d {
                m.insert("name".into(), Value::String(name));
            }
            kept.push(d);
        }
    }
    if let (false, Value::Object(m)) = (kept.is_empty(), params) {
        m.insert("datasets".into(), Value::Array(kept));
    }
}

/// The data set a `ref` names, as an inline data set that keeps the `ref`.
fn referenced(r: &str, target: &Value) -> Value {
    let first = target.get("data").and_then(|d| d.get(0));
    let text = |key: &str| {
        target
            .get(key)
            .or_else(|| first.and_then(|f| f.get(key)))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let mut out = Map::new();
    out.insert("ref".into(), Value::String(r.to_string()));
    if let Some(name) = text("name") {
        out.insert("name".into(), Value::String(name));
    }
    if let Some(desc) = text("description") {
        out.insert("description".into(), Value::String(desc));
    }
    Value::Object(out)
}

fn considerations(c: &mut Value, card: &mut CardOut, body: &mut Body) {
    let uses = texts(take_array(c, "useCases"), "description");
    card.intended_use = (!uses.is_empty()).then(|| uses.join("\n\n"));
    body.list(
        "Intended users",
        &texts(take_array(c, "users"), "description"),
    );
    card.limitations = texts(take_array(c, "technicalLimitations"), "description");
    body.list(
        "Performance trade-offs",
        &texts(take_array(c, "performanceTradeoffs"), "description"),
    );
    card.ethical_considerations =
        ethical(take_array(c, "ethicalConsiderations"), "mitigationStrategy");
    let fairness: Vec<String> = take_array(c, "fairnessAssessments")
        .iter()
        .map(|f| {
            [
                ("Group at risk", "groupAtRisk"),
                ("Benefits", "benefits"),
                ("Harms", "harms"),
                ("Mitigation", "mitigationStrategy"),
            ]
            .iter()
            .filter_map(|(label, key)| {
                f.get(*key)
                    .and_then(as_text)
                    .map(|t| format!("{label}: {t}"))
            })
            .collect::<Vec<_>>()
            .join("; ")
        })
        .collect();
    body.list("Fairness assessments", &fairness);
}
