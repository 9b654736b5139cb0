//! Hugging Face model cards (`README.md`): YAML metadata between `---` lines, then Markdown.
//!
//! `model-index` results become metrics with their dataset and split; `license`, `datasets`,
//! `base_model` and `pipeline_tag` map onto card fields; every other metadata key is kept as
//! an extra key; the Markdown stays the body. A result without a task, a dataset or a metric
//! type is an error, as it is for the Hub's own validation.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::front_matter::{split, FrontMatter};
use crate::load::SourceFile;

use super::body::{first_heading, Body};
use super::card::{make_id, CardOut, DatasetOut, MetricOut};
use super::json::{as_number, as_text};
use super::sections::read;
use super::Imported;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct IndexDoc {
    #[serde(rename = "model-index")]
    model_index: Vec<Spanned<IndexEntry>>,
}

#[derive(Debug, Deserialize)]
struct IndexEntry {
    name: Option<Value>,
    #[serde(default)]
    results: Vec<Spanned<ResultYaml>>,
}

#[derive(Debug, Deserialize)]
struct ResultYaml {
    task: Option<Spanned<MetricYaml>>,
    dataset: Option<Spanned<DatasetYaml>>,
    #[serde(default)]
    metrics: Vec<Spanned<MetricYaml>>,
}

/// A `task` or a `metrics` item: its `type`, and for a metric its `value`.
#[derive(Debug, Deserialize)]
struct MetricYaml {
    #[serde(rename = "type")]
    kind: Option<Value>,
    value: Option<Value>,
    /// The display name, e.g. "F1 (macro)".
    name: Option<Value>,
    args: Option<Value>,
    verified: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct DatasetYaml {
    #[serde(rename = "type")]
    kind: Option<Value>,
    name: Option<Value>,
    config: Option<Value>,
    split: Option<Value>,
    revision: Option<Value>,
}

/// Reads a Hugging Face card. Like the Hub (`huggingface_hub` matches `^\s*---`), metadata
/// may follow blank lines; errors keep the lines of the file as given.
pub fn import(src: &SourceFile) -> Result<Vec<Imported>, Diagnostics> {
    let blank = src.text.lines().take_while(|l| l.trim().is_empty()).count();
    let fenced = src
        .text
        .lines()
        .nth(blank)
        .is_some_and(|l| l.trim_end() == "---");
    if blank == 0 || !fenced {
        return import_card(src);
    }
    let skip: usize = src
        .text
        .split_inclusive('\n')
        .take(blank)
        .map(str::len)
        .sum();
    let trimmed = SourceFile::new(src.path.clone(), &src.text[skip..]);
    import_card(&trimmed).map_err(|errors| {
        let mut shifted = Diagnostics::new();
        for mut d in errors {
            d.line = d.line.map(|l| l + blank);
            shifted.push(d);
        }
        shifted
    })
}

fn import_card(src: &SourceFile) -> Result<Vec<Imported>, Diagnostics> {
    let starts_with_fence = src
        .text
        .lines()
        .next()
        .is_some_and(|l| l.trim_end() == "---");
    let (meta, fm) = if starts_with_fence {
        let fm = split(src, "license: mit").map_err(Diagnostics::from)?;
        let meta = metadata(src, &fm)?;
        (meta, Some(fm))
    } else {
        (BTreeMap::new(), None)
    };
    let body_text = fm.as_ref().map_or(src.text.as_str(), |f| f.body);
    let markdown = read(body_text);
    let mut body = Body::default();
    body.text(&markdown.body);
    let mut meta = meta;
    let metrics = match &fm {
        Some(fm) if meta.contains_key("model-index") => {
            let raw = meta.remove("model-index");
            let found = results(src, fm, &mut body)?;
            // Everything the Hub records (args, `verified`, dataset revision) stays readable.
            if let Some(raw) = raw {
                meta.insert("model_index".into(), raw);
            }
            found
        }
        _ => (None, None, Vec::new()),
    };
    let (index_name, task, metrics) = metrics;

    let model_name = meta.get("model_name").and_then(as_text);
    let stem = file_name(src);
    let heading = first_heading(body_text).map(|h| title(&h));
    let id_from = model_name
        .clone()
        .or(index_name.clone())
        .unwrap_or_else(|| stem.clone());
    let name = model_name
        .or(index_name)
        .or(heading)
        .unwrap_or_else(|| stem.clone());
    let mut card = CardOut {
        id: make_id([id_from.as_str(), stem.as_str()]),
        name: Some(name),
        metrics,
        ..CardOut::default()
    };
    card.model_type = meta
        .remove("pipeline_tag")
        .as_ref()
        .and_then(as_text)
        .or(task);
    card.license = license(&mut meta);
    card.training_data = training_data(&mut meta, &mut card);
    let unmapped = super::hf_sections::fill(&mut card, &markdown);
    for image in &markdown.images {
        let alt = if image.alt.is_empty() {
            "An image".to_string()
        } else {
            format!("The image “{}”", image.alt)
        };
        body.note(format!("{alt} (`{}`) was left out: images are not imported; copy it into `static/` and link it if it matters.", image.src));
    }
    if !unmapped.is_empty() {
        body.note(format!(
            "Kept in the text only, with no card field to carry them: {}.",
            unmapped.join(", ")
        ));
    }
    for (k, v) in meta {
        card.keep("hf", &k, v);
    }
    card.body = body.finish();
    Ok(vec![Imported {
        card,
        notes: body.notes().to_vec(),
    }])
}

/// The file name without extension, or its folder's name for a `README.md` / `model_card.md`.
fn file_name(src: &SourceFile) -> String {
    let stem = |p: &std::path::Path| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    let own = stem(&src.path).unwrap_or_default();
    let generic = ["readme", "model_card", "model-card", "modelcard"];
    if generic.contains(&own.to_lowercase().as_str()) {
        let parent = src
            .path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned());
        if let Some(p) = parent.filter(|p| !p.is_empty() && p != "." && p != "..") {
            return p;
        }
    }
    own
}

/// A heading as a model name: without a leading "Model Card for" / "Model Card:".
fn title(heading: &str) -> String {
    let lower = heading.to_lowercase();
    for prefix in ["model card for ", "model card: ", "model card - "] {
        if lower.starts_with(prefix) {
            if let Some(rest) = heading.get(prefix.len()..) {
                return rest.trim().to_string();
            }
        }
    }
    heading.to_string()
}

/// The metadata as a map; a list or a scalar in its place is an error.
fn metadata(src: &SourceFile, fm: &FrontMatter) -> Result<BTreeMap<String, Value>, Diagnostics> {
    let value: Value = fm.parse(src).map_err(Diagnostics::from)?;
    match value {
        Value::Object(map) => Ok(map.into_iter().collect()),
        Value::Null => Ok(BTreeMap::new()),
        other => {
            let found = match other {
                Value::Array(_) => "a list",
                _ => "a single value",
            };
            let line = fm.first_key_line();
            Err(Diagnostic::at(
                src.path.to_path_buf(),
                line,
                format!("the card metadata between the `---` lines is {found}; expected `key: value` fields"),
            )
            .snippet(src.line(line))
            .help("write the metadata as fields, e.g. `license: mit`, one per line")
            .into())
        }
    }
}

type Results = (Option<String>, Option<String>, Vec<MetricOut>);

/// `model-index` -> (model name, task type, metrics). Missing required parts are errors at
/// their line; values that are not numbers become notes.
fn results(src: &SourceFile, fm: &FrontMatter, body: &mut Body) -> Result<Results, Diagnostics> {
    let doc: IndexDoc = fm.parse(src).map_err(Diagnostics::from)?;
    let mut errors = Diagnostics::new();
    let (mut name, mut task, mut metrics) = (None, None, Vec::new());
    for entry in &doc.model_index {
        name = name.or_else(|| entry.value.name.as_ref().and_then(as_text));
        for r in &entry.value.results {
            let task_type = r
                .value
                .task
                .as_ref()
                .and_then(|t| t.value.kind.as_ref().and_then(as_text));
            if task_type.is_none() {
                errors.push(
                    fm.at(
                        src,
                        &r.referenced,
                        "model-index result has no `task` with a `type`",
                    )
                    .help("add e.g. `task: { type: text-classification }` to the result"),
                );
            }
            task = task.or(task_type);
            let ctx = Ctx { src, fm };
            match ctx.dataset(r) {
                Ok((label, split)) => {
                    for m in &r.value.metrics {
                        match ctx.metric(m, &label, split.as_deref(), body) {
                            Ok(Some(metric)) => metrics.push(metric),
                            Ok(None) => {}
                            Err(d) => errors.push(d),
                        }
                    }
                }
                Err(d) => errors.push(d),
            }
        }
    }
    errors.into_result((name, task, metrics))
}

struct Ctx<'a> {
    src: &'a SourceFile,
    fm: &'a FrontMatter<'a>,
}

impl Ctx<'_> {
    /// The dataset of a result as `Name (config)` and its split.
    fn dataset(&self, r: &Spanned<ResultYaml>) -> Result<(String, Option<String>), Diagnostic> {
        let Some(dataset) = &r.value.dataset else {
            return Err(self
                .fm
                .at(self.src, &r.referenced, "model-index result has no `dataset`: every result must name the dataset it was evaluated on")
                .help("add e.g. `dataset: { type: beans, name: Beans, split: test }` to the result, or remove the result"));
        };
        let d = &dataset.value;
        let name = d.name.as_ref().and_then(as_text);
        let (Some(name), true) = (name, d.kind.as_ref().and_then(as_text).is_some()) else {
            return Err(self
                .fm
                .at(
                    self.src,
                    &dataset.referenced,
                    "model-index dataset needs both a `type` and a `name`",
                )
                .help("e.g. `dataset: { type: beans, name: Beans }`"));
        };
        let mut label = match d.config.as_ref().and_then(as_text) {
            Some(c) if c != "default" => format!("{name} ({c})"),
            _ => name,
        };
        if let Some(rev) = d.revision.as_ref().and_then(as_text) {
            let short: String = rev.chars().take(12).collect();
            label = format!("{label}, revision {short}");
        }
        Ok((label, d.split.as_ref().and_then(as_text)))
    }

    /// One metric of a result; `None` (with a note) when its value is not a number.
    fn metric(
        &self,
        m: &Spanned<MetricYaml>,
        dataset: &str,
        split: Option<&str>,
        body: &mut Body,
    ) -> Result<Option<MetricOut>, Diagnostic> {
        let Some(kind) = m.value.kind.as_ref().and_then(as_text) else {
            return Err(self
                .fm
                .at(self.src, &m.referenced, "model-index metric has no `type`")
                .help("e.g. `- { type: accuracy, value: 0.9 }`"));
        };
        let Some(raw) = &m.value.value else {
            return Err(self
                .fm
                .at(
                    self.src,
                    &m.referenced,
                    format!("model-index metric `{kind}` has no `value`"),
                )
                .help("add `value: <number>`"));
        };
        let Some(value) = as_number(raw) else {
            let shown = as_text(raw).unwrap_or_else(|| raw.to_string());
            body.note(format!(
                "The result `{kind}` on {dataset} (line {} of the source) is `{shown}`, not a number, so it is not among the metrics.",
                self.fm.line_of(&m.referenced)
            ));
            return Ok(None);
        };
        let name = match (m.value.name.as_ref().and_then(as_text), &m.value.args) {
            (Some(display), _) => display,
            (None, Some(args)) => match args_text(args) {
                Some(a) => format!("{kind} ({a})"),
                None => kind,
            },
            (None, None) => kind,
        };
        if m.value.verified == Some(Value::Bool(true)) {
            body.note(format!(
                "The result `{name}` on {dataset} is marked `verified` by the Hugging Face Hub (kept under `model_index`)."
            ));
        }
        Ok(Some(MetricOut {
            name,
            value,
            slice: None,
            ci: None,
            dataset: Some(dataset.to_string()),
            split: split.map(str::to_string),
        }))
    }
}

/// Metric `args` as text: `average: macro` for a map, the value itself otherwise.
fn args_text(args: &Value) -> Option<String> {
    match args {
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .filter_map(|(k, v)| as_text(v).map(|v| format!("{k}: {v}")))
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        other => as_text(other),
    }
}

fn license(meta: &mut BTreeMap<String, Value>) -> Option<String> {
    let license = meta.get("license").and_then(as_text);
    if license.as_deref() == Some("other") {
        if let Some(name) = meta.remove("license_name").as_ref().and_then(as_text) {
            meta.remove("license");
            return Some(name);
        }
    }
    if license.is_some() {
        meta.remove("license");
    }
    license
}

/// `base_model` (kept as an extra key too) and `datasets` describe the training data.
fn training_data(meta: &mut BTreeMap<String, Value>, card: &mut CardOut) -> Option<DatasetOut> {
    let texts = |v: &Value| -> Vec<String> {
        match v {
            Value::Array(items) => items.iter().filter_map(as_text).collect(),
            other => as_text(other).into_iter().collect(),
        }
    };
    let base = meta.get("base_model").map(texts).unwrap_or_default();
    let datasets = match meta.remove("datasets") {
        Some(v) => {
            let t = texts(&v);
            if t.is_empty() {
                card.keep("hf", "datasets", v);
            }
            t
        }
        None => Vec::new(),
    };
    let mut parts = Vec::new();
    if !base.is_empty() {
        parts.push(format!("Fine-tuned from {}.", base.join(", ")));
    }
    if !datasets.is_empty() {
        parts.push(format!("Hugging Face datasets: {}.", datasets.join(", ")));
    }
    (!parts.is_empty()).then(|| DatasetOut {
        description: Some(parts.join(" ")),
        elements: Vec::new(),
    })
}
