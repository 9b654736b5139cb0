//! Changes to model cards: cards added or removed; inputs, deliberately excluded inputs and
//! training data; status, version and metrics. A card's `internal:` block is never compared.

use std::collections::{BTreeMap, BTreeSet};

use super::change::{Change, Kind, Section};
use super::side::{key, Side};
use crate::model::{Metric, ModelCard, ModelInput};

/// Every model change between two sides, cards matched by id.
pub fn changes(old: &Side, new: &Side, out: &mut Vec<Change>) {
    let by_id = |side: &Side| -> BTreeMap<String, usize> {
        side.cat
            .models
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect()
    };
    let (a, b) = (by_id(old), by_id(new));
    let ids: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for id in ids {
        match (a.get(id), b.get(id)) {
            (None, Some(&m)) => added(new, &new.cat.models[m], out),
            (Some(&m), None) => {
                let card = &old.cat.models[m];
                let sensitive = inputs(old, &card.inputs).values().any(|s| s.1);
                out.push(
                    Change::new(
                        Kind::ModelRemoved,
                        Section::Models,
                        format!("removes the model card of {}", card.name),
                    )
                    .model(&card.id, &card.name)
                    .sensitive(sensitive)
                    .at_old(&card.origin),
                );
            }
            (Some(&x), Some(&y)) => changed(old, new, &old.cat.models[x], &new.cat.models[y], out),
            (None, None) => {}
        }
    }
}

/// The inputs of a list this audience may see: id -> (shown name, sensitive).
fn inputs(side: &Side, list: &[ModelInput]) -> BTreeMap<String, (String, bool)> {
    list.iter()
        .filter_map(|i| side.input(i).map(|shown| (i.id.clone(), shown)))
        .collect()
}

fn training(card: &ModelCard) -> &[ModelInput] {
    card.training_data
        .as_ref()
        .map_or(&[], |d| d.elements.as_slice())
}

fn added(side: &Side, card: &ModelCard, out: &mut Vec<Change>) {
    let ins = inputs(side, &card.inputs);
    let sensitive = ins.values().any(|s| s.1);
    let names: Vec<&str> = ins.values().map(|s| s.0.as_str()).collect();
    let status = card
        .status
        .as_ref()
        .map(|s| format!(" ({})", key(s)))
        .unwrap_or_default();
    let taking = if names.is_empty() {
        String::new()
    } else {
        format!(", taking {}", names.join(", "))
    };
    out.push(
        Change::new(
            Kind::ModelAdded,
            Section::Models,
            format!("adds a model card for {}{status}{taking}", card.name),
        )
        .model(&card.id, &card.name)
        .sensitive(sensitive)
        .at(&card.origin),
    );
}

fn changed(old: &Side, new: &Side, a: &ModelCard, b: &ModelCard, out: &mut Vec<Change>) {
    let name = b.name.as_str();
    let push = |out: &mut Vec<Change>, field, text: String, before, after, sensitive| {
        out.push(
            Change::new(Kind::ModelChanged, Section::Models, text)
                .field(field)
                .model(&b.id, &b.name)
                .sensitive(sensitive)
                .values(before, after)
                .at(&b.origin),
        );
    };
    let lists: [InputList; 3] = [
        (
            "inputs",
            &a.inputs,
            &b.inputs,
            "now takes {} as input",
            "no longer takes {} as input",
        ),
        (
            "excluded_inputs",
            &a.excluded_inputs,
            &b.excluded_inputs,
            "now states it deliberately does not use {}",
            "no longer states it deliberately does not use {}",
        ),
        (
            "training_data",
            training(a),
            training(b),
            "is now trained on {}",
            "is no longer trained on {}",
        ),
    ];
    for (field, la, lb, gained, lost) in lists {
        let (before, after) = (inputs(old, la), inputs(new, lb));
        for (id, (shown, sensitive)) in after.iter().filter(|(id, _)| !before.contains_key(*id)) {
            let text = format!("{name} {}", gained.replace("{}", shown));
            push(out, field, text, None, Some(id.clone()), *sensitive);
        }
        for (id, (shown, sensitive)) in before.iter().filter(|(id, _)| !after.contains_key(*id)) {
            let text = format!("{name} {}", lost.replace("{}", shown));
            push(out, field, text, Some(id.clone()), None, *sensitive);
        }
    }
    let status = |c: &ModelCard| c.status.as_ref().map(key);
    if a.status != b.status {
        let show = |s: Option<String>| s.unwrap_or_else(|| "no stated status".into());
        let text = format!(
            "moves {name} from {} to {}",
            show(status(a)),
            show(status(b))
        );
        push(out, "status", text, status(a), status(b), false);
    }
    if a.version != b.version {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
        let text = format!(
            "changes the version of {name} from {} to {}",
            show(&a.version),
            show(&b.version)
        );
        push(
            out,
            "version",
            text,
            a.version.clone(),
            b.version.clone(),
            false,
        );
    }
    metrics(
        name,
        &a.metrics,
        &b.metrics,
        &mut |field, text, before, after| push(out, field, text, before, after, false),
    );
}

/// A list of element ids on a card: its field, before, after, and the sentences for an id
/// gained and lost (`{}` stands for the element).
type InputList<'a> = (
    &'static str,
    &'a [ModelInput],
    &'a [ModelInput],
    &'a str,
    &'a str,
);

/// A metric's identity: its name and the group it was measured on.
fn metric_key(m: &Metric) -> (String, String) {
    let slice = if m.is_overall() {
        "all".to_string()
    } else {
        m.slice.clone().unwrap_or_default()
    };
    (m.name.clone(), slice)
}

fn metrics(
    name: &str,
    a: &[Metric],
    b: &[Metric],
    push: &mut dyn FnMut(&'static str, String, Option<String>, Option<String>),
) {
    let index = |list: &[Metric]| -> BTreeMap<(String, String), f64> {
        list.iter().map(|m| (metric_key(m), m.value)).collect()
    };
    let (before, after) = (index(a), index(b));
    let label = |(metric, slice): &(String, String)| format!("{metric} ({slice})");
    for (k, v) in &after {
        match before.get(k) {
            None => push(
                "metrics",
                format!("{name} reports {} = {v}", label(k)),
                None,
                Some(v.to_string()),
            ),
            Some(old) if old != v => push(
                "metrics",
                format!("{name}: {} changes from {old} to {v}", label(k)),
                Some(old.to_string()),
                Some(v.to_string()),
            ),
            Some(_) => {}
        }
    }
    for (k, v) in &before {
        if !after.contains_key(k) {
            push(
                "metrics",
                format!("{name} no longer reports {}", label(k)),
                Some(v.to_string()),
                None,
            );
        }
    }
}
