//! Model cards: `model-undeclared-input`, `model-undeclared-training`,
//! `model-demographic-input` (protected traits of `[audit.targeting]`, not special categories),
//! `model-card-incomplete`, `model-no-group-metrics`. The other model rules are in
//! `model_data`, `model_risk` and `fairness`.

use std::collections::HashSet;

use super::rules::*;
use super::{Cx, Draft, Out};
use crate::model::ModelCard;

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    let tax = &cx.cat.taxonomy;
    // Elements with a `train_ai_system` use, computed once.
    let mut trains = vec![false; cx.cat.elements.len()];
    for u in &cx.cat.uses {
        if tax.uses.top_level(&u.purpose) == "train_ai_system" {
            trains[u.element] = true;
        }
    }
    for m in &cx.cat.models {
        let training = m.training_data.iter().flat_map(|d| &d.elements);
        let mut seen = HashSet::new();
        for (input, role) in m
            .inputs
            .iter()
            .map(|i| (i, "input"))
            .chain(training.clone().map(|i| (i, "training element")))
        {
            if input.element.is_none() && seen.insert(input.id.as_str()) {
                out.emit(MODEL_UNDECLARED_INPUT, &m.input_origin(input), || {
                    Draft::new(
                        format!(
                            "model `{}` names {role} `{}`, which is not in the inventory",
                            m.id, input.id
                        ),
                        format!(
                            "add `{}` to an inventory CSV with its uses, or correct the id in the card",
                            input.id
                        ),
                    )
                    .model(&m.id)
                });
            }
        }
        for input in training {
            let Some(e) = input.element.filter(|&e| !trains[e]) else {
                continue;
            };
            out.emit(MODEL_UNDECLARED_TRAINING, &m.input_origin(input), || {
                Draft::new(
                    format!(
                        "model `{}` is trained on `{}`, which has no `train_ai_system` use in the inventory",
                        m.id, input.id
                    ),
                    format!(
                        "add a row for `{}` with purpose `train_ai_system`, a reason and a legal basis (at {})",
                        input.id, cx.cat.elements[e].origin
                    ),
                )
                .model(&m.id)
                .element(&input.id)
            });
        }
        for input in &m.inputs {
            let Some(el) = input.element.map(|e| &cx.cat.elements[e]) else {
                continue;
            };
            // Special categories are judged by `special-category-condition` on their uses.
            if cx.settings.targeting.protects(&el.category)
                && !tax.is_special_category(&el.category)
            {
                out.emit(MODEL_DEMOGRAPHIC_INPUT, &m.input_origin(input), || {
                    Draft::new(
                        format!(
                            "model `{}` takes `{}` ({}) as input",
                            m.id,
                            el.id,
                            tax.categories.name(&el.category)
                        ),
                        format!(
                            "drop the input and list it under `excluded_inputs`, or except it with the reason and per-group metrics for `{}`",
                            el.id
                        ),
                    )
                    .model(&m.id)
                    .element(&el.id)
                });
            }
        }
        let missing = missing_sections(m);
        if !missing.is_empty() {
            out.emit(MODEL_CARD_INCOMPLETE, &m.origin, || {
                Draft::new(
                    format!("model card `{}` has no {}", m.id, missing.join(", ")),
                    format!("fill `{}` in the card's front matter", missing.join("`, `")),
                )
                .model(&m.id)
            });
        }
        if !m.metrics.is_empty() && m.metrics.iter().all(|x| x.is_overall()) {
            out.emit(MODEL_NO_GROUP_METRICS, &m.key_origin("metrics"), || {
                Draft::new(
                    format!("model `{}` reports metrics only overall, none per group", m.id),
                    "add metrics with a `slice` per group the model could treat differently (e.g. slice: \"age: 18-24\")",
                )
                .model(&m.id)
            });
        }
    }
}

/// The card sections a reader needs that this card leaves empty.
fn missing_sections(m: &ModelCard) -> Vec<&'static str> {
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut missing = Vec::new();
    if blank(&m.intended_use) {
        missing.push("intended_use");
    }
    if m.limitations.iter().all(|l| l.trim().is_empty()) {
        missing.push("limitations");
    }
    if m.ethical_considerations.is_empty() {
        missing.push("ethical_considerations");
    }
    if m.metrics.is_empty() {
        missing.push("metrics");
    }
    if m.owners.iter().all(|o| o.trim().is_empty()) {
        missing.push("owners");
    }
    missing
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::{inputs, rules_fired, run, Site};
    use crate::model::Dataset;

    fn training(ids: &[&str]) -> Option<Dataset> {
        Some(Dataset {
            description: None,
            elements: inputs(ids),
        })
    }

    #[test]
    fn undeclared_inputs_and_training_elements() {
        let mut s = Site::new();
        s.element("orders", "user.behavior.purchase_history");
        s.use_("orders", "personalize.content");
        let m = s.model("rec");
        m.inputs = inputs(&["orders", "clicks"]);
        m.training_data = training(&["clicks", "orders", "returns"]);
        let a = run(s);
        let fired: Vec<_> = a
            .findings
            .iter()
            .map(|f| (f.rule, f.message.clone()))
            .collect();
        assert_eq!(fired.len(), 3, "{fired:?}");
        let undeclared: Vec<_> = fired
            .iter()
            .filter(|(r, _)| *r == "model-undeclared-input")
            .collect();
        assert_eq!(undeclared.len(), 2, "clicks once, returns once: {fired:?}");
        assert!(fired
            .iter()
            .any(|(r, m)| *r == "model-undeclared-training" && m.contains("`orders`")));
    }

    #[test]
    fn near_miss_training_on_a_declared_training_use() {
        let mut s = Site::new();
        s.element("orders", "user.behavior.purchase_history");
        s.use_("orders", "train_ai_system");
        let m = s.model("rec");
        m.inputs = inputs(&["orders"]);
        m.training_data = training(&["orders"]);
        assert!(rules_fired(s).is_empty());
    }

    #[test]
    fn demographic_input_and_excluded_input_used() {
        let mut s = Site::new();
        s.element("gender", "user.demographic.gender");
        s.use_("gender", "essential.service");
        let m = s.model("rec");
        m.inputs = inputs(&["gender"]);
        m.excluded_inputs = inputs(&["gender"]);
        assert_eq!(
            rules_fired(s),
            ["model-excluded-input-used", "model-demographic-input"]
        );
    }

    #[test]
    fn near_miss_demographic_element_only_excluded() {
        let mut s = Site::new();
        s.element("gender", "user.demographic.gender");
        s.use_("gender", "essential.service");
        s.model("rec").excluded_inputs = inputs(&["gender"]);
        assert!(rules_fired(s).is_empty());
    }

    #[test]
    fn incomplete_card_lists_what_is_missing() {
        let mut s = Site::new();
        let m = s.model("rec");
        m.intended_use = Some(" ".into());
        m.owners.clear();
        m.metrics.clear();
        let a = run(s);
        let f: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule != "unused-record")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "model-card-incomplete");
        assert_eq!(
            f[0].message,
            "model card `rec` has no intended_use, metrics, owners"
        );
    }

    #[test]
    fn overall_metrics_only_is_info_and_a_group_metric_is_a_near_miss() {
        let mut s = Site::new();
        s.model("rec").metrics.truncate(1);
        let a = run(s);
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == "model-no-group-metrics")
            .unwrap();
        assert_eq!(f.severity, crate::audit::Severity::Info);
        assert_eq!(f.model.as_deref(), Some("rec"));

        let mut s = Site::new();
        s.model("rec");
        assert!(rules_fired(s).is_empty());
    }
}
