//! The model cards as a CycloneDX 1.6 ML-BOM (JSON): one `machine-learning-model` component
//! per card, its `modelCard` filled from the card, and candor fields CycloneDX has no place
//! for as `candor:*` properties (read back by `candor import --from cyclonedx`).

use serde_json::{json, Map, Value};

use crate::cyclonedx::enum_name;
use crate::cyclonedx::props;
use crate::model::ModelCard;

use super::view::View;

/// The BOM of `view`, with `metadata.timestamp` only when `stamp` is given (from
/// `SOURCE_DATE_EPOCH`, so the same input gives the same bytes).
pub fn export(view: &View, stamp: Option<jiff::Timestamp>) -> String {
    let config = &view.catalog.config;
    let mut metadata = Map::new();
    if let Some(ts) = stamp {
        let text = ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        metadata.insert("timestamp".into(), json!(text));
    }
    metadata.insert(
        "tools".into(),
        json!({"components": [{"type": "application", "name": "candor", "version": env!("CARGO_PKG_VERSION")}]}),
    );
    if !config.organisation.trim().is_empty() {
        let mut org = json!({"name": config.organisation});
        if let Some(email) = &config.contact.email {
            org["contact"] = json!([{"email": email}]);
        }
        if !config.base_url.trim().is_empty() {
            org["url"] = json!([config.base_url]);
        }
        metadata.insert("supplier".into(), org);
    }
    metadata.insert("component".into(), subject(view));
    let components: Vec<Value> = view
        .catalog
        .models
        .iter()
        .map(|m| component(view, m))
        .collect();
    let mut bom = json!({
        "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json",
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "version": 1,
        "metadata": metadata,
        "components": components,
    });
    let serial = serial_number(&serde_json::to_string(&bom).unwrap_or_default());
    if let Value::Object(map) = &mut bom {
        map.insert("serialNumber".into(), json!(serial));
    }
    let mut text = serde_json::to_string_pretty(&bom).unwrap_or_default();
    text.push('\n');
    text
}

fn component(view: &View, m: &ModelCard) -> Value {
    let mut c = Map::new();
    c.insert("bom-ref".into(), json!(format!("model:{}", m.id)));
    c.insert("type".into(), json!("machine-learning-model"));
    c.insert("name".into(), json!(m.name));
    set(&mut c, "version", m.version.as_ref().map(|v| json!(v)));
    set(&mut c, "description", m.summary.as_ref().map(|v| json!(v)));
    if !m.owners.is_empty() {
        c.insert(
            "authors".into(),
            m.owners.iter().map(|o| json!({"name": o})).collect(),
        );
    }
    set(
        &mut c,
        "licenses",
        m.license.as_ref().map(|l| json!([license(l)])),
    );
    c.insert("modelCard".into(), model_card(view, m));
    Value::Object(c)
}

/// The subject of the BOM: the site (the organisation's AI models and data practices).
fn subject(view: &View) -> Value {
    let config = &view.catalog.config;
    let name = [&config.title, &config.organisation]
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .map_or("candor site", |t| t.as_str());
    let mut c = json!({"type": "application", "bom-ref": "site", "name": name});
    if !config.organisation.trim().is_empty() {
        c["supplier"] = json!({"name": config.organisation});
    }
    if !config.description.trim().is_empty() {
        c["description"] = json!(config.description);
    }
    if !config.base_url.trim().is_empty() {
        c["externalReferences"] = json!([{"type": "website", "url": config.base_url}]);
    }
    c
}

/// `urn:uuid:` + a UUID derived from the BOM's own content (128-bit FNV-1a, marked as an
/// RFC 9562 version 8 UUID), so the same site gives the same serial number on every build and
/// any change to the BOM gives a new one.
pub fn serial_number(content: &str) -> String {
    crate::uuid::name_uuid(content)
}

/// A licence as CycloneDX wants it: one SPDX id (matched without regard to case, as Hugging
/// Face writes `apache-2.0`) as `license.id`, an SPDX expression (`Apache-2.0 OR MIT`) as
/// `expression`, anything else as `license.name`.
fn license(text: &str) -> Value {
    let text = text.trim();
    let single = spdx::identifiers::LICENSES
        .iter()
        .find(|l| l.name.eq_ignore_ascii_case(text))
        .and_then(|l| spdx::license_id(l.name))
        .filter(|id| !id.is_deprecated());
    if let Some(id) = single {
        return json!({"license": {"id": id.name}});
    }
    if text.contains(' ') && spdx::Expression::parse(text).is_ok() {
        return json!({"expression": text});
    }
    json!({"license": {"name": text}})
}

fn model_card(view: &View, m: &ModelCard) -> Value {
    let mut params = Map::new();
    set(
        &mut params,
        "modelArchitecture",
        m.model_type.as_ref().map(|t| json!(t)),
    );
    let datasets: Vec<Value> = [
        (props::TRAINING_DATA, &m.training_data),
        (props::EVALUATION_DATA, &m.evaluation_data),
    ]
    .into_iter()
    .filter_map(|(name, d)| {
        let d = d.as_ref()?;
        let mut set = json!({"type": "dataset", "name": name});
        if let Some(desc) = &d.description {
            set["description"] = json!(desc);
        }
        Some(set)
    })
    .collect();
    if !datasets.is_empty() {
        params.insert("datasets".into(), Value::Array(datasets));
    }
    let metrics: Vec<Value> = m
        .metrics
        .iter()
        .map(|x| {
            let mut v = json!({"type": x.name, "value": x.value.to_string()});
            if let Some(s) = &x.slice {
                v["slice"] = json!(s);
            }
            if let Some([lo, hi]) = x.ci {
                v["confidenceInterval"] =
                    json!({"lowerBound": lo.to_string(), "upperBound": hi.to_string()});
            }
            v
        })
        .collect();
    let mut cons = Map::new();
    set(
        &mut cons,
        "useCases",
        m.intended_use.as_ref().map(|u| json!([u])),
    );
    if !m.limitations.is_empty() {
        cons.insert("technicalLimitations".into(), json!(m.limitations));
    }
    if !m.ethical_considerations.is_empty() {
        let list = m.ethical_considerations.iter().map(|e| {
            let mut v = json!({"name": e.risk});
            if let Some(mit) = &e.mitigation {
                v["mitigationStrategy"] = json!(mit);
            }
            v
        });
        cons.insert("ethicalConsiderations".into(), list.collect());
    }
    let fairness = fairness_assessments(view, m);
    if !fairness.is_empty() {
        cons.insert("fairnessAssessments".into(), Value::Array(fairness));
    }
    let mut card = Map::new();
    if !params.is_empty() {
        card.insert("modelParameters".into(), Value::Object(params));
    }
    if !metrics.is_empty() {
        card.insert(
            "quantitativeAnalysis".into(),
            json!({"performanceMetrics": metrics}),
        );
    }
    if !cons.is_empty() {
        card.insert("considerations".into(), Value::Object(cons));
    }
    card.insert("properties".into(), Value::Array(properties(view, m)));
    Value::Object(card)
}

/// `considerations.fairnessAssessments`: each metric's worst group against the site's
/// `[audit] max_group_gap`, as the model page states it.
fn fairness_assessments(view: &View, m: &ModelCard) -> Vec<Value> {
    use crate::audit::fairness::{number, percent, worst_gaps, Verdict};
    let max = view.catalog.config.audit.max_group_gap;
    worst_gaps(&m.metrics, max)
        .iter()
        .map(|g| {
            let against = match g.reference_group {
                None => "overall".to_string(),
                Some(b) => format!("for {b}, the best group"),
            };
            let (gap, limit) = if g.relative {
                (percent(g.gap), percent(max))
            } else {
                (number(g.gap), number(max))
            };
            let verdict = match g.verdict {
                Verdict::Within => "within",
                Verdict::Uncertain => "above, but the confidence intervals overlap (uncertain)",
                Verdict::Exceeds => "above",
            };
            json!({
                "groupAtRisk": g.group,
                "harms": format!(
                    "{} is {} for {} against {} {against}: a gap of {gap}, {verdict} the allowed {limit}",
                    g.metric,
                    number(g.value),
                    g.group,
                    number(g.reference)
                ),
            })
        })
        .collect()
}

/// The `candor:*` properties: everything the card says that CycloneDX has no field for.
fn properties(view: &View, m: &ModelCard) -> Vec<Value> {
    let mut p = Vec::new();
    let mut add = |name: &str, value: String| p.push(json!({"name": name, "value": value}));
    add(props::ID, m.id.clone());
    if let Some(s) = m.status {
        add(props::STATUS, enum_name(&s));
    }
    // An element this audience may not see is named by the neutral label, never its id.
    let id = |i: &crate::model::ModelInput| -> String {
        if view.scope.input(i) {
            i.id.clone()
        } else {
            crate::i18n::strings(None)
                .get("model.internal_data")
                .to_string()
        }
    };
    for i in &m.inputs {
        add(props::INPUT, id(i));
    }
    for i in &m.excluded_inputs {
        add(props::EXCLUDED_INPUT, id(i));
    }
    for (name, d) in [
        (props::TRAINING_ELEMENT, &m.training_data),
        (props::EVALUATION_ELEMENT, &m.evaluation_data),
    ] {
        for e in d.iter().flat_map(|d| &d.elements) {
            add(name, id(e));
        }
    }
    for u in &m.out_of_scope_uses {
        add(props::OUT_OF_SCOPE_USE, u.clone());
    }
    if let Some(h) = &m.human_oversight {
        add(props::HUMAN_OVERSIGHT, h.clone());
    }
    for purpose in &m.purposes {
        add(props::PURPOSE, purpose.key.clone());
    }
    if let Some(r) = m.risk_class {
        add(props::RISK_CLASS, enum_name(&r));
    }
    if let Some(a) = m.annex_iii {
        add(props::ANNEX_III, enum_name(&a));
    }
    if let Some(d) = m.decisions {
        add(props::DECISIONS, enum_name(&d));
    }
    if let Some(e) = m.significant_effect {
        add(props::SIGNIFICANT_EFFECT, e.to_string());
    }
    if let Some(d) = m.last_reviewed {
        add(props::LAST_REVIEWED, d.to_string());
    }
    for (n, metric) in m.metrics.iter().enumerate() {
        if let Some(d) = &metric.dataset {
            add(&format!("{}{n}:dataset", props::METRIC_PREFIX), d.clone());
        }
        if let Some(s) = &metric.split {
            add(&format!("{}{n}:split", props::METRIC_PREFIX), s.clone());
        }
    }
    // The body as the site shows it: comments and hidden raw HTML taken out.
    let body = crate::render::markdown_source::public_source(&m.body);
    if !body.trim().is_empty() {
        add(props::BODY, body.trim().to_string());
    }
    if view.internal() {
        if let Some(i) = &m.internal {
            add(props::INTERNAL, i.to_string());
        }
        for (k, v) in &m.extra {
            add(&format!("{}{k}", props::EXTRA_PREFIX), v.to_string());
        }
    }
    p
}

fn set(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.into(), v);
    }
}

#[cfg(test)]
mod license_tests {
    use super::*;

    #[test]
    fn licences_are_ids_expressions_or_names() {
        assert_eq!(
            license("apache-2.0"),
            json!({"license": {"id": "Apache-2.0"}})
        );
        assert_eq!(license("MIT"), json!({"license": {"id": "MIT"}}));
        assert_eq!(
            license("Apache-2.0 OR MIT"),
            json!({"expression": "Apache-2.0 OR MIT"})
        );
        assert_eq!(
            license("GPL-2.0-only WITH Classpath-exception-2.0"),
            json!({"expression": "GPL-2.0-only WITH Classpath-exception-2.0"})
        );
        assert_eq!(license("llama2"), json!({"license": {"name": "llama2"}}));
        assert_eq!(
            license("Proprietary, internal use"),
            json!({"license": {"name": "Proprietary, internal use"}})
        );
    }

    #[test]
    fn serial_numbers_follow_the_content() {
        let a = serial_number("{\"a\":1}");
        assert_eq!(a, serial_number("{\"a\":1}"));
        assert_ne!(a, serial_number("{\"a\":2}"));
        assert_eq!(a.len(), "urn:uuid:".len() + 36);
        assert_eq!(&a[23..24], "8", "{a}");
    }
}
