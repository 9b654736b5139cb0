//! Raw records -> one validated [`Catalog`]: registers deduplicated and indexed, inventory
//! merged into elements and uses, model inputs resolved, back-references filled. Linear in
//! the size of the site (hash maps, no nested scans).

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Diagnostics};
use crate::hash::FastMap;
use crate::load::registers::{RECIPIENTS, RETENTION, SYSTEMS};
use crate::load::RawSite;
use crate::taxonomy::Taxonomy;

use super::assessments::{link_assessments, CoverTargets};
use super::elements::{build, Lookups};
use super::registers::{dedupe_sorted, Keyed, Lookup};
use crate::model::catalog::{Catalog, CoverIndex, Index, ModelCard, ModelInput};

/// Links everything `load` read. Returns the catalog only when linking found no problem;
/// problems already reported by `load` are not repeated (ids of rows that failed to load are
/// not reported as unknown).
pub fn link(mut raw: RawSite) -> Result<Catalog, Diagnostics> {
    let mut errors: Vec<Diagnostic> = Vec::new();
    // Records move out of `raw` into the catalog (no copies); `raw` keeps the sources for
    // snippets and the registers' facts for errors.
    let inventory = std::mem::take(&mut raw.inventory);
    let models = std::mem::take(&mut raw.models);
    let pages = std::mem::take(&mut raw.pages);
    let retention = std::mem::take(&mut raw.retention.items);
    let systems = std::mem::take(&mut raw.systems.items);
    let recipients = std::mem::take(&mut raw.recipients.items);
    let mut retention = dedupe_sorted(retention, "retention policy", &raw, &mut errors);
    let mut systems = dedupe_sorted(systems, "system", &raw, &mut errors);
    let mut recipients = dedupe_sorted(recipients, "recipient", &raw, &mut errors);
    let lookups = Lookups {
        retention: Lookup::new(
            &retention,
            &raw.retention,
            "retention policy",
            "retention",
            RETENTION.example,
        ),
        systems: Lookup::new(&systems, &raw.systems, "system", "systems", SYSTEMS.example),
        recipients: Lookup::new(
            &recipients,
            &raw.recipients,
            "recipient",
            "shared_with",
            RECIPIENTS.example,
        ),
    };
    let (mut elements, uses) = build(
        &raw,
        inventory,
        raw.taxonomy.as_ref(),
        &lookups,
        &mut errors,
    );
    let element_index: FastMap<String, usize> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();

    for (u, use_) in uses.iter().enumerate() {
        if let Some(p) = use_.retention {
            retention[p].uses.push(u);
        }
        for &r in &use_.shared_with {
            recipients[r].uses.push(u);
        }
    }
    for (e, element) in elements.iter().enumerate() {
        for &s in &element.systems {
            systems[s].elements.push(e);
        }
    }

    let mut models = dedupe_sorted(models, "model card", &raw, &mut errors);
    for (m, model) in models.iter_mut().enumerate() {
        resolve_inputs(model, &element_index);
        if let Some(tax) = raw.taxonomy.as_ref() {
            check_purposes(&raw, model, tax, &mut errors);
        }
        let used = model
            .inputs
            .iter()
            .chain(model.training_data.iter().flat_map(|d| &d.elements))
            .filter_map(|i| i.element);
        for e in used {
            if elements[e].models.last() != Some(&m) {
                elements[e].models.push(m);
            }
        }
    }
    let pages = dedupe_sorted(pages, "page", &raw, &mut errors);

    let model_index = ids(&models);
    let recipient_index = ids(&recipients);
    let broken: BTreeSet<String> = raw
        .recipients
        .broken
        .iter()
        .chain(&raw.assessments.broken)
        .cloned()
        .collect();
    let raw_assessments = std::mem::take(&mut raw.assessments.items);
    let assessments = link_assessments(
        &raw,
        raw_assessments,
        &CoverTargets {
            elements: &element_index,
            models: &model_index,
            recipients: &recipient_index,
            uses: raw.taxonomy.as_ref().map(|t| &t.uses),
            broken: &broken,
        },
        &mut errors,
    );
    let cover_index = CoverIndex::new(&assessments);
    let index = Index {
        elements: element_index,
        retention: ids(&retention),
        systems: ids(&systems),
        recipients: recipient_index,
        models: model_index,
        assessments: assessments
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect(),
    };
    let evidence = super::evidence::link_evidence(
        std::mem::take(&mut raw.evidence),
        raw.config.as_ref(),
        raw.taxonomy.as_ref(),
        &systems,
        &mut errors,
    );
    let mut diags = Diagnostics::new();
    for d in errors {
        diags.push(d);
    }
    let RawSite {
        config, taxonomy, ..
    } = raw;
    let config = config.unwrap_or_default();
    let code = crate::i18n::strings(config.language.as_deref()).code;
    let taxonomy = taxonomy
        .unwrap_or_else(Taxonomy::fideslang)
        .with_plain_names(code, &config.names);
    diags.into_result(Catalog {
        config,
        taxonomy,
        elements,
        uses,
        retention,
        systems,
        recipients,
        models,
        pages,
        assessments,
        index,
        cover_index,
        evidence,
    })
}

fn ids<T: Keyed>(items: &[T]) -> FastMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key().to_string(), i))
        .collect()
}

/// Reports each `purposes` key of a card that is not a data use of the taxonomy, at its line.
fn check_purposes(raw: &RawSite, model: &ModelCard, tax: &Taxonomy, errors: &mut Vec<Diagnostic>) {
    for p in model.purposes.iter().filter(|p| !tax.uses.contains(&p.key)) {
        let line = p.line.unwrap_or(model.origin.line);
        errors.push(
            Diagnostic::at(
                model.origin.file.to_path_buf(),
                line,
                format!(
                    "unknown data use `{}` in `purposes` of model `{}`",
                    p.key, model.id
                ),
            )
            .snippet(raw.line_text(&model.origin.file, line))
            .help(super::keys::unknown_key_help(&tax.uses, &p.key)),
        );
    }
}

/// Points each element id a card names at the inventory element, when there is one.
fn resolve_inputs(model: &mut ModelCard, index: &FastMap<String, usize>) {
    let fix = |inputs: &mut Vec<ModelInput>| {
        for i in inputs {
            i.element = index.get(&i.id).copied();
        }
    };
    fix(&mut model.inputs);
    fix(&mut model.excluded_inputs);
    for d in model
        .training_data
        .iter_mut()
        .chain(model.evaluation_data.iter_mut())
    {
        fix(&mut d.elements);
    }
}
