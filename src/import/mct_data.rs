//! The Model Card Toolkit's `model_parameters` (architecture, data sets, input and output
//! formats) and `quantitative_analysis` (performance metrics, graphics): see [`super::mct`].

use serde_json::Value;

use super::body::Body;
use super::card::{CardOut, DatasetOut, MetricOut};
use super::json::{as_text, take, take_object, take_str};
use super::mct::{each, interval, put_back_into, text_of};

/// Whether a data set was used to train or to evaluate the model.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Training,
    Evaluation,
}

/// `model_parameters`: the architecture is the model type; data sets describe the training
/// and evaluation data; input and output formats become a section of the body.
pub(super) fn model_parameters(p: &mut Value, card: &mut CardOut, body: &mut Body) {
    card.model_type = take_str(p, "model_architecture");
    let mut sets: Vec<(Role, String)> = Vec::new();
    // 0.0.2: a list of data sets, their role told by the name; 0.0.1: `{train, eval}`.
    sets.extend(each(p, "data", |d| {
        let name = d.get("name").and_then(as_text).unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        let role = if ["eval", "valid", "test"].iter().any(|w| lower.contains(w)) {
            Role::Evaluation
        } else {
            Role::Training
        };
        let text = dataset(d, "Data", body);
        (!text.is_empty()).then_some((role, text))
    }));
    if let Some(mut data) = take_object(p, "data") {
        for (key, role, label) in [
            ("train", Role::Training, "Training data"),
            ("eval", Role::Evaluation, "Evaluation data"),
        ] {
            if let Some(mut d) = take_object(&mut data, key) {
                let text = dataset(&mut d, label, body);
                if !text.is_empty() {
                    sets.push((role, text));
                }
                put_back_into(&mut data, key, d);
            }
        }
        put_back_into(p, "data", data);
    }
    let describe = |role: Role| {
        let parts: Vec<&str> = sets
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|(_, t)| t.as_str())
            .collect();
        (!parts.is_empty()).then(|| DatasetOut {
            description: Some(parts.join("\n\n")),
            elements: Vec::new(),
        })
    };
    card.training_data = describe(Role::Training);
    card.evaluation_data = describe(Role::Evaluation);

    let mut formats = Vec::new();
    for (what, key, map) in [
        ("Input", "input_format", "input_format_map"),
        ("Output", "output_format", "output_format_map"),
    ] {
        formats.extend(take_str(p, key).map(|f| format!("{what} format: {f}")));
        formats.extend(each(p, map, |kv| {
            let key = take_str(kv, "key");
            let value = take_str(kv, "value");
            match (key, value) {
                (Some(k), Some(v)) => Some(format!("{what} `{k}`: {v}")),
                (None, Some(v)) => Some(format!("{what}: {v}")),
                (Some(k), None) => Some(format!("{what} `{k}`")),
                (None, None) => None,
            }
        }));
    }
    body.list("Input and output", &formats);
}

/// One data set as a sentence or two: name, description, link and its sensitive data (0.0.2:
/// the fields named; 0.0.1: yes or no). Its graphics become a note.
fn dataset(d: &mut Value, fallback: &str, body: &mut Body) -> String {
    let name = take_str(d, "name");
    let label = name.clone().unwrap_or_else(|| fallback.to_string());
    drop_graphics(d, &format!("the data set `{label}`"), body);
    let mut text = String::new();
    let description = take_str(d, "description");
    let link = take_str(d, "link");
    let sensitive = match take(d, "sensitive") {
        Some(Value::Bool(true)) => Some("It contains sensitive data.".to_string()),
        Some(Value::Bool(false)) => Some("It contains no sensitive data.".to_string()),
        Some(mut s) => {
            let fields = each(&mut s, "sensitive_data", |f| text_of(f, "name"));
            put_back_into(d, "sensitive", s);
            (!fields.is_empty()).then(|| format!("Sensitive data: {}.", fields.join(", ")))
        }
        None => None,
    };
    if name.is_none() && description.is_none() && link.is_none() && sensitive.is_none() {
        return text;
    }
    text.push_str(&label);
    if let Some(desc) = description {
        text = format!("{text}: {desc}");
    }
    if let Some(link) = link {
        text = format!("{text} ({link})");
    }
    if !text.ends_with('.') {
        text.push('.');
    }
    if let Some(s) = sensitive {
        text = format!("{text} {s}");
    }
    text
}

/// `quantitative_analysis`: performance metrics (type, value, slice, confidence interval,
/// threshold) become metrics; graphics become a note.
pub(super) fn quantitative_analysis(q: &mut Value, card: &mut CardOut, body: &mut Body) {
    let mut i = 0;
    card.metrics = each(q, "performance_metrics", |m| {
        i += 1;
        metric(m, i, body)
    });
    drop_graphics(q, "the quantitative analysis", body);
}

/// One performance metric; a value that is not a number is noted instead.
fn metric(m: &mut Value, i: usize, body: &mut Body) -> Option<MetricOut> {
    let name = take_str(m, "type").unwrap_or_else(|| format!("metric {i}"));
    let name = match take_str(m, "threshold") {
        Some(t) => format!("{name} (threshold {t})"),
        None => name,
    };
    let slice = take_str(m, "slice");
    let raw = take(m, "value").unwrap_or(Value::Null);
    let ci = take_object(m, "confidence_interval");
    let Some(value) = super::json::as_number(&raw) else {
        let on = slice.map_or(String::new(), |s| format!(" on `{s}`"));
        body.note(format!(
            "Performance metric `{name}`{on} has the value `{}`, not a number, so it is not among the metrics.",
            as_text(&raw).unwrap_or_else(|| raw.to_string())
        ));
        if let Some(ci) = ci {
            put_back_into(m, "confidence_interval", ci);
        }
        return None;
    };
    let ci = ci.and_then(|mut ci| {
        let found = interval(&ci, "lower_bound", "upper_bound", &name, body);
        if found.is_some() {
            take(&mut ci, "lower_bound");
            take(&mut ci, "upper_bound");
        }
        put_back_into(m, "confidence_interval", ci);
        found
    });
    Some(MetricOut {
        name,
        value,
        slice,
        ci,
        dataset: None,
        split: None,
    })
}

/// Removes `graphics` (images, base64) from a section and notes them by name, with the
/// collection's description: candor model cards hold no images.
fn drop_graphics(section: &mut Value, whose: &str, body: &mut Body) {
    let Some(mut graphics) = take(section, "graphics") else {
        return;
    };
    let names = each(&mut graphics, "collection", |g| {
        let name = take_str(g, "name").unwrap_or_else(|| "unnamed".into());
        let about = take_str(g, "description").map_or(String::new(), |d| format!(": {d}"));
        take(g, "image");
        Some(format!("{name}{about}"))
    });
    let description = take_str(&mut graphics, "description");
    if !names.is_empty() {
        let count = names.len();
        let about = description.map_or(String::new(), |d| format!(" (“{d}”)"));
        let mut list = names.join("; ");
        if !list.ends_with('.') {
            list.push('.');
        }
        body.note(format!(
            "{count} graphic{} of {whose}{about} {} left out, as candor model cards hold no images (copy one into `static/` and link it if it matters): {list}",
            if count == 1 { "" } else { "s" },
            if count == 1 { "was" } else { "were" },
        ));
    } else if let Some(d) = description {
        body.note(format!(
            "The graphics of {whose} (“{d}”) held no image, so there was nothing to import."
        ));
    }
    put_back_into(section, "graphics", graphics);
}
