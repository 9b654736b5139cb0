//! Google Model Card Toolkit JSON (schema 0.0.1 and 0.0.2, the toolkit's `model_card.proto`):
//! every field the schema defines is mapped onto a card field or a section of the body;
//! graphics (base64 images) become import notes; whatever else the file holds is kept as
//! extra front-matter keys (shown on internal builds) and listed in an import note, so nothing
//! is dropped without a word. Data sets, formats and metrics are read in [`super::mct_data`].

use std::path::Path;

use serde_json::{Map, Value};

use crate::diag::{Diagnostic, Diagnostics};

use super::body::Body;
use super::card::{make_id, CardOut, EthicalOut};
use super::json::{as_number, as_text, parse, put_back, take, take_object, take_str};
use super::mct_data::{model_parameters, quantitative_analysis};
use super::sections::read;
use super::Imported;

const WHAT: &str = "Model Card Toolkit";

/// More unmapped fields than this are counted, not named, in the import note.
const MAX_NAMED: usize = 40;

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
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let schema_version = take_str(&mut doc, "schema_version");

    let mut rest = Map::new();
    let mut section = |doc: &mut Value, key: &str, read: &mut dyn FnMut(&mut Value)| {
        let mut value = take_object(doc, key).unwrap_or(Value::Null);
        read(&mut value);
        put_back(&mut rest, key, value);
    };
    section(&mut doc, "model_details", &mut |d| {
        model_details(d, &mut card, &mut body)
    });
    section(&mut doc, "considerations", &mut |c| {
        considerations(c, &mut card, &mut body)
    });
    section(&mut doc, "model_parameters", &mut |p| {
        model_parameters(p, &mut card, &mut body)
    });
    section(&mut doc, "quantitative_analysis", &mut |q| {
        quantitative_analysis(q, &mut card, &mut body)
    });
    if let Value::Object(others) = doc {
        rest.extend(others);
    }

    let mut unmapped = Vec::new();
    leaf_paths(&Value::Object(rest.clone()), "", &mut unmapped);
    if !unmapped.is_empty() {
        let shown: Vec<String> = unmapped
            .iter()
            .take(MAX_NAMED)
            .map(|p| format!("`{p}`"))
            .collect();
        let more = match unmapped.len().saturating_sub(MAX_NAMED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        body.note(format!(
            "Not mapped to a card field, so kept as extra front-matter keys (shown on internal builds only): {}{more}.",
            shown.join(", ")
        ));
    }
    let name = card.name.clone().unwrap_or_else(|| stem.clone());
    card.id = make_id([name.as_str(), stem.as_str()]);
    card.name = Some(name);
    if let Some(v) = schema_version {
        card.keep("mct", "mct_schema_version", Value::String(v));
    }
    card.keep_all("mct", Value::Object(rest));
    card.body = body.finish();
    Ok(vec![Imported {
        card,
        notes: body.notes().to_vec(),
    }])
}

/// `model_details`: name, overview (the summary is its first paragraph as plain text),
/// documentation, owners, version, licences, references and citations. `path` (where the
/// model file lies) is left, so it is kept and noted.
fn model_details(d: &mut Value, card: &mut CardOut, body: &mut Body) {
    card.name = take_str(d, "name");
    if let Some(overview) = take_str(d, "overview") {
        let summary = read(&overview)
            .first_paragraph
            .unwrap_or_else(|| overview.split_whitespace().collect::<Vec<_>>().join(" "));
        if summary != overview {
            body.section("Overview", &overview);
        }
        card.summary = Some(summary);
    }
    if let Some(doc) = take_str(d, "documentation") {
        body.section("Documentation", &doc);
    }
    card.owners = each(d, "owners", |o| {
        let name = text_of(o, "name");
        let contact = take_str(o, "contact");
        match (name, contact) {
            (Some(n), Some(c)) => Some(format!("{n} <{c}>")),
            (n, c) => n.or(c),
        }
    });
    if let Some(mut version) = take_object(d, "version") {
        card.version = take_str(&mut version, "name");
        let mut text = match (&card.version, take_str(&mut version, "date")) {
            (Some(v), Some(date)) => format!("Version {v}, dated {date}."),
            (None, Some(date)) => format!("Dated {date}."),
            _ => String::new(),
        };
        if let Some(diff) = take_str(&mut version, "diff") {
            text = format!("{text}\n\nChanges: {diff}");
        }
        body.section("Version", &text);
        put_back_into(d, "version", version);
    }
    // 0.0.2: `licenses: [{identifier} | {custom_text}]`; 0.0.1: `license: "…"`.
    let mut licences = each(d, "licenses", |l| {
        text_of(l, "identifier").or_else(|| take_str(l, "custom_text"))
    });
    licences.extend(take_str(d, "license"));
    card.license = (!licences.is_empty()).then(|| licences.join(" OR "));
    let references = each(d, "references", |r| text_of(r, "reference"));
    body.list("References", &references);
    let mut citations = each(d, "citations", citation);
    // 0.0.1 has one `citation` (text); some files give it as an object.
    if let Some(mut c) = take(d, "citation") {
        citations.extend(citation(&mut c));
        if !is_left_over(&c) {
            put_back_into(d, "citation", c);
        }
    }
    body.list("Citation", &citations);
}

/// A citation as text, with its style when given: `Doe 2020 (APA)`.
fn citation(c: &mut Value) -> Option<String> {
    let text = text_of(c, "citation")?;
    Some(match take_str(c, "style") {
        Some(style) => format!("{text} ({style})"),
        None => text,
    })
}

/// `considerations`: use cases (`intended_use`), limitations, ethical considerations (risk
/// and mitigation strategy), users and trade-offs (sections of the body).
fn considerations(c: &mut Value, card: &mut CardOut, body: &mut Body) {
    let uses = each(c, "use_cases", |u| text_of(u, "description"));
    card.intended_use = (!uses.is_empty()).then(|| uses.join("\n\n"));
    card.limitations = each(c, "limitations", |l| text_of(l, "description"));
    card.ethical_considerations = each(c, "ethical_considerations", |e| {
        let risk = text_of(e, "name")?;
        Some(EthicalOut {
            risk,
            mitigation: take_str(e, "mitigation_strategy"),
        })
    });
    body.list(
        "Intended users",
        &each(c, "users", |u| text_of(u, "description")),
    );
    body.list(
        "Trade-offs",
        &each(c, "tradeoffs", |t| text_of(t, "description")),
    );
}

/// Takes the array `key` out of `section` and reads each item with `read`, which takes the
/// fields it maps; items or fields it leaves are put back under `key` (kept and noted).
pub(super) fn each<T>(
    section: &mut Value,
    key: &str,
    mut read: impl FnMut(&mut Value) -> Option<T>,
) -> Vec<T> {
    if !section.get(key).is_some_and(Value::is_array) {
        return Vec::new();
    }
    let Some(Value::Array(items)) = take(section, key) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut left = Vec::new();
    for mut item in items {
        out.extend(read(&mut item));
        if !is_left_over(&item) {
            left.push(item);
        }
    }
    if !left.is_empty() {
        put_back_into(section, key, Value::Array(left));
    }
    out
}

/// An item given as text (taken whole) or as an object with the text under `field`.
pub(super) fn text_of(item: &mut Value, field: &str) -> Option<String> {
    match as_text(item) {
        Some(t) => {
            *item = Value::Null;
            Some(t)
        }
        None => take_str(item, field),
    }
}

/// True when nothing is left of a value (null, blank text, empty object or list).
fn is_left_over(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Puts a partly read value back under `key` of an object, unless nothing is left of it.
pub(super) fn put_back_into(section: &mut Value, key: &str, v: Value) {
    if let (false, Value::Object(m)) = (is_left_over(&v), section) {
        m.insert(key.to_string(), v);
    }
}

/// The paths of the leaves of a value, `a.b[].c`, for the note on what was not mapped.
fn leaf_paths(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaf_paths(v, &p, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                leaf_paths(item, &format!("{path}[]"), out);
            }
        }
        _ => {
            if !out.iter().any(|p| p == path) {
                out.push(path.to_string());
            }
        }
    }
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

/// Risks given as text or as `{name, <mitigation>}` objects (CycloneDX names the mitigation
/// `mitigationStrategy`).
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

#[cfg(test)]
#[path = "mct_tests.rs"]
mod tests;
