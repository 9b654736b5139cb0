//! Linking `content/assessments.csv`: resolves which elements, uses, models and recipients each
//! assessment covers.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{did_you_mean, Diagnostic};
use crate::hash::FastMap;
use crate::load::table::Cell;
use crate::load::{RawAssessment, RawSite};
use crate::model::{Assessment, Covered, ElementIdx, ModelIdx, RecipientIdx};
use crate::taxonomy::Tree;

/// The ids one register row may name, for resolving `covers`.
pub(super) struct CoverTargets<'a> {
    pub elements: &'a FastMap<String, ElementIdx>,
    pub models: &'a FastMap<String, ModelIdx>,
    pub recipients: &'a FastMap<String, RecipientIdx>,
    /// `None` when the taxonomy is broken (reported): keys are then taken as written.
    pub uses: Option<&'a Tree>,
    /// Ids of model cards and recipients that failed to load: not reported again.
    pub broken: &'a BTreeSet<String>,
}

/// Resolves the `covers` of each raw row, reporting ids that name nothing. Assessments come
/// back sorted by id.
pub(super) fn link_assessments(
    raw: &RawSite,
    rows: Vec<RawAssessment>,
    targets: &CoverTargets,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Assessment> {
    let mut out: Vec<Assessment> = rows
        .into_iter()
        .map(|r| {
            let file = &r.origin.file;
            let covers = r
                .covers
                .iter()
                .flat_map(|c| resolve(raw, file, c, targets, errors))
                .collect();
            Assessment {
                id: r.id,
                kind: r.kind,
                covers_ids: r.covers.into_iter().map(|c| c.value).collect(),
                covers,
                date: r.date,
                outcome: r.outcome,
                url: r.url,
                description: r.description,
                origin: r.origin,
            }
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// What one `covers` id names: every register it is an id of, or a data use key.
fn resolve(
    raw: &RawSite,
    file: &Arc<Path>,
    cell: &Cell,
    t: &CoverTargets,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Covered> {
    let id = cell.value.as_str();
    let mut found = Vec::new();
    found.extend(t.elements.get(id).map(|&e| Covered::Element(e)));
    found.extend(t.models.get(id).map(|&m| Covered::Model(m)));
    found.extend(t.recipients.get(id).map(|&r| Covered::Recipient(r)));
    let is_use = match t.uses {
        Some(tree) => tree.contains(id),
        None => id.contains('.'),
    };
    if is_use {
        found.push(Covered::Purpose(id.to_string()));
    }
    if found.is_empty() && !t.broken.contains(id) {
        let mut candidates: Vec<&str> = t
            .elements
            .keys()
            .chain(t.models.keys())
            .chain(t.recipients.keys())
            .map(String::as_str)
            .collect();
        if let Some(tree) = t.uses {
            candidates.extend(tree.taxa.iter().map(|x| x.key.as_str()));
        }
        candidates.sort_unstable();
        let help = match t.uses.filter(|_| id.contains('.')) {
            Some(tree) => super::keys::unknown_key_help(tree, id),
            None => did_you_mean(id, candidates).unwrap_or_else(|| {
                "name inventory elements, model cards (their `id`), recipients, or data use keys; a key covers the uses under it".to_string()
            }),
        };
        errors.push(
            Diagnostic::at(
                file.to_path_buf(),
                cell.line,
                format!("`covers` names `{id}`, but no element, model card, recipient or data use has that id"),
            )
            .column(cell.column)
            .snippet(raw.line_text(file, cell.line))
            .help(help),
        );
    }
    found
}
