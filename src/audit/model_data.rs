//! What a model card says about its data, checked against the inventory:
//! `model-excluded-input-used` (inputs, training and evaluation data),
//! `model-undeclared-evaluation`, `model-purpose-creep` and `public-card-internal-input`.

use std::collections::HashSet;

use super::rules::*;
use super::{Cx, Draft, Out};
use crate::config::key_within;
use crate::model::{ModelCard, ModelInput, Visibility};

/// Every element id a card names as used, with the list it is in.
fn used(m: &ModelCard) -> impl Iterator<Item = (&ModelInput, &'static str)> {
    m.inputs
        .iter()
        .map(|i| (i, "inputs"))
        .chain(
            m.training_data
                .iter()
                .flat_map(|d| &d.elements)
                .map(|i| (i, "training_data")),
        )
        .chain(
            m.evaluation_data
                .iter()
                .flat_map(|d| &d.elements)
                .map(|i| (i, "evaluation_data")),
        )
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    for m in &cx.cat.models {
        excluded_used(m, out);
        undeclared_evaluation(m, out);
        purpose_creep(cx, m, out);
        internal_inputs(cx, m, out);
    }
}

/// An excluded element that the card also names as an input or training element. Evaluation
/// data may name it: measuring how the model fares per group of an attribute it does not use
/// is how per-group metrics are made, not a use of the attribute.
fn excluded_used(m: &ModelCard, out: &mut Out<'_>) {
    let excluded: HashSet<&str> = m.excluded_inputs.iter().map(|i| i.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (input, list) in used(m).filter(|(_, list)| *list != "evaluation_data") {
        if !excluded.contains(input.id.as_str()) || !seen.insert((input.id.as_str(), list)) {
            continue;
        }
        out.emit(MODEL_EXCLUDED_INPUT_USED, &m.input_origin(input), || {
            Draft::new(
                format!(
                    "model `{}` lists `{}` in `excluded_inputs` and in `{list}`",
                    m.id, input.id
                ),
                if list == "inputs" {
                    "remove it from whichever list is untrue".to_string()
                } else {
                    format!("a model whose {list} includes `{}` uses it: remove it from `excluded_inputs`, or stop using it", input.id)
                },
            )
            .model(&m.id)
            .element(&input.id)
        });
    }
}

fn undeclared_evaluation(m: &ModelCard, out: &mut Out<'_>) {
    let mut seen = HashSet::new();
    for input in m.evaluation_data.iter().flat_map(|d| &d.elements) {
        if input.element.is_some() || !seen.insert(input.id.as_str()) {
            continue;
        }
        out.emit(MODEL_UNDECLARED_EVALUATION, &m.input_origin(input), || {
            Draft::new(
                format!(
                    "model `{}` is evaluated on `{}`, which is not in the inventory",
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

/// An input none of whose uses serves one of the model's purposes (a use whose purpose is the
/// model's purpose or a parent of it). Cards without `purposes` are not judged here.
fn purpose_creep(cx: &Cx<'_>, m: &ModelCard, out: &mut Out<'_>) {
    if m.purposes.is_empty() {
        return;
    }
    for input in &m.inputs {
        let Some(e) = input.element else { continue };
        let el = &cx.cat.elements[e];
        let serves = el.uses.iter().any(|&u| {
            let purpose = &cx.cat.uses[u].purpose;
            m.purposes.iter().any(|p| key_within(&p.key, purpose))
        });
        if serves {
            continue;
        }
        out.emit(MODEL_PURPOSE_CREEP, &m.input_origin(input), || {
            let declared: Vec<&str> = el
                .uses
                .iter()
                .map(|&u| cx.cat.uses[u].purpose.as_str())
                .collect();
            let purposes: Vec<&str> = m.purposes.iter().map(|p| p.key.as_str()).collect();
            Draft::new(
                format!(
                    "model `{}` ({}) takes `{}` as input, which the inventory declares only for {}",
                    m.id,
                    purposes.join(", "),
                    el.id,
                    if declared.is_empty() {
                        "no use".to_string()
                    } else {
                        declared.join(", ")
                    }
                ),
                format!(
                    "add a row for `{}` with purpose `{}`, its reason and legal basis (at {}), or drop the input",
                    el.id, purposes[0], el.origin
                ),
            )
            .model(&m.id)
            .element(&el.id)
        });
    }
}

/// A card (always published) naming an element whose uses are all internal.
fn internal_inputs(cx: &Cx<'_>, m: &ModelCard, out: &mut Out<'_>) {
    let mut seen = HashSet::new();
    let named = used(m).map(|(i, _)| i).chain(&m.excluded_inputs);
    for input in named {
        let Some(e) = input.element else { continue };
        let el = &cx.cat.elements[e];
        let internal = !el.uses.is_empty()
            && el
                .uses
                .iter()
                .all(|&u| cx.cat.uses[u].visibility == Visibility::Internal);
        if !internal || !seen.insert(e) {
            continue;
        }
        out.emit(PUBLIC_CARD_INTERNAL_INPUT, &m.input_origin(input), || {
            Draft::new(
                format!(
                    "the published card of model `{}` names `{}`, whose uses are all internal",
                    m.id, el.id
                ),
                format!(
                    "publish the use the model makes of `{}` (a public row at {}), or take it off the card",
                    el.id, el.origin
                ),
            )
            .model(&m.id)
            .element(&el.id)
        });
    }
}
