//! Inventory rows -> elements and uses: rows grouped by element id, element-level columns
//! merged (two different values is an error naming both rows), every reference resolved.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Origin};
use crate::load::inventory::SOURCES;
use crate::load::table::Cell;
use crate::load::{RawSite, RawUse};
use crate::taxonomy::{Taxonomy, Tree};

use super::catalog::{Element, Use};
use super::registers::Lookup;

/// The lookups references in the inventory resolve against.
pub struct Lookups {
    pub retention: Lookup,
    pub systems: Lookup,
    pub recipients: Lookup,
}

/// Groups, merges and resolves the inventory. Elements come back sorted by id, uses by
/// element then file order.
pub fn build(
    raw: &RawSite,
    taxonomy: Option<&Taxonomy>,
    lookups: &Lookups,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Element>, Vec<Use>) {
    let mut groups: Vec<(&str, Vec<&RawUse>)> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for row in &raw.inventory {
        let id = row.element.value.as_str();
        let g = *by_id.entry(id).or_insert_with(|| {
            groups.push((id, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(row);
    }
    groups.sort_unstable_by(|a, b| a.0.cmp(b.0));

    let mut elements = Vec::with_capacity(groups.len());
    let mut uses = Vec::with_capacity(raw.inventory.len());
    for (idx, (id, rows)) in groups.iter().enumerate() {
        let mut element = merge(raw, id, rows, taxonomy, lookups, errors);
        for row in rows {
            element.uses.push(uses.len());
            uses.push(make_use(raw, row, idx, taxonomy, lookups, errors));
        }
        elements.push(element);
    }
    (elements, uses)
}

/// One element from its rows (never empty, in file order): element-level columns agreed,
/// taxonomy keys checked, systems resolved.
fn merge(
    raw: &RawSite,
    id: &str,
    rows: &[&RawUse],
    taxonomy: Option<&Taxonomy>,
    lookups: &Lookups,
    errors: &mut Vec<Diagnostic>,
) -> Element {
    let first = rows[0];
    for (cell, column, example) in [
        (&first.name, "name", "Email address"),
        (&first.category, "category", "user.contact.email"),
    ] {
        if cell.is_empty() {
            errors.push(
                    at_cell(raw, &first.origin, cell, format!("element `{id}` has no `{column}` on its first row"))
                        .help(format!("fill in `{column}` (e.g. `{example}`) on the first row of each element; later rows may repeat it or leave it empty")),
                );
        }
    }
    let mut agree = |label: &str, key: fn(&RawUse) -> Option<(String, usize)>| {
        agree(raw, id, rows, label, key, errors)
    };
    let name = agree("names", |r| text(&r.name));
    let category = agree("categories", |r| text(&r.category));
    let owner = agree("owners", |r| text(&r.owner));
    let subjects_row = agree("subject lists", |r| list(&r.subjects));
    let systems_row = agree("system lists", |r| list(&r.systems));
    let source_row = agree("sources", |r| {
        let s = r.source?;
        let name = SOURCES.iter().find(|(_, v)| *v == s)?.0;
        Some((name.to_string(), r.source_cell.column))
    });

    if let (Some(r), Some(t)) = (category, taxonomy) {
        check_key(
            raw,
            &r.origin.file,
            &r.category,
            &t.categories,
            "data category",
            errors,
        );
    }
    let mut subjects = Vec::new();
    if let Some(r) = subjects_row {
        for c in dedup_cells(&r.subjects) {
            if let Some(t) = taxonomy {
                check_key(raw, &r.origin.file, c, &t.subjects, "data subject", errors);
            }
            subjects.push(c.value.clone());
        }
    }
    let systems = systems_row.map_or_else(Vec::new, |r| {
        dedup_cells(&r.systems)
            .filter_map(|c| lookups.systems.resolve(c, &r.origin.file, raw, errors))
            .collect()
    });
    Element {
        id: id.to_string(),
        name: name.map_or_else(String::new, |r| r.name.value.clone()),
        category: category.map_or_else(String::new, |r| r.category.value.clone()),
        subjects,
        source: source_row.and_then(|r| r.source),
        systems,
        owner: owner.map(|r| r.owner.value.clone()),
        uses: Vec::new(),
        models: Vec::new(),
        origin: first.origin.clone(),
    }
}

/// A diagnostic at `cell` of the row at `origin`; at the row alone when the column is absent.
fn at_cell(raw: &RawSite, origin: &Origin, cell: &Cell, message: String) -> Diagnostic {
    let d =
        Diagnostic::at_origin(origin, message).snippet(raw.line_text(&origin.file, origin.line));
    if cell.line == 0 {
        d
    } else {
        d.column(cell.column)
    }
}

/// A non-empty cell's text and column.
fn text(c: &Cell) -> Option<(String, usize)> {
    (!c.is_empty()).then(|| (c.value.clone(), c.column))
}

/// A non-empty list as sorted, deduplicated `a; b` (so order and repeats do not matter), and
/// the column of its first item.
fn list(cells: &[Cell]) -> Option<(String, usize)> {
    let mut v: Vec<&str> = cells.iter().map(|c| c.value.as_str()).collect();
    v.sort_unstable();
    v.dedup();
    Some((v.join("; "), cells.first()?.column))
}

/// The first row giving a value for an element-level column; a later row giving a different
/// value is an error naming both rows.
fn agree<'a>(
    raw: &RawSite,
    id: &str,
    rows: &[&'a RawUse],
    label: &str,
    key: fn(&RawUse) -> Option<(String, usize)>,
    errors: &mut Vec<Diagnostic>,
) -> Option<&'a RawUse> {
    let mut chosen: Option<(&RawUse, String)> = None;
    for &row in rows {
        let Some((value, column)) = key(row) else {
            continue;
        };
        match &chosen {
            None => chosen = Some((row, value)),
            Some((first, first_value)) if *first_value != value => {
                let o = &row.origin;
                errors.push(
                    Diagnostic::at_origin(
                        o,
                        format!(
                            "element `{id}` has two different {label}: `{}` here and `{}` at {}",
                            value, first_value,
                            first.origin
                        ),
                    )
                    .column(column)
                    .snippet(raw.line_text(&o.file, o.line))
                    .help("element-level columns (name, category, subjects, source, systems, owner) must agree on every row of an element: repeat the same value or leave it empty"),
                );
            }
            Some(_) => {}
        }
    }
    chosen.map(|(r, _)| r)
}

fn dedup_cells(cells: &[Cell]) -> impl Iterator<Item = &Cell> {
    cells
        .iter()
        .enumerate()
        .filter(move |(i, c)| !cells[..*i].iter().any(|p| p.value == c.value))
        .map(|(_, c)| c)
}

/// Reports a taxonomy key that is not in `tree`.
fn check_key(
    raw: &RawSite,
    file: &Arc<Path>,
    cell: &Cell,
    tree: &Tree,
    what: &str,
    errors: &mut Vec<Diagnostic>,
) -> bool {
    if cell.is_empty() || tree.contains(&cell.value) {
        return true;
    }
    errors.push(
        Diagnostic::at(
            file.to_path_buf(),
            cell.line,
            format!("unknown {what} `{}`", cell.value),
        )
        .column(cell.column)
        .snippet(raw.line_text(file, cell.line))
        .help(super::keys::unknown_key_help(tree, &cell.value)),
    );
    false
}

fn make_use(
    raw: &RawSite,
    row: &RawUse,
    element: usize,
    taxonomy: Option<&Taxonomy>,
    lookups: &Lookups,
    errors: &mut Vec<Diagnostic>,
) -> Use {
    let file = &row.origin.file;
    if let Some(t) = taxonomy {
        check_key(raw, file, &row.purpose, &t.uses, "data use", errors);
    }
    let retention = row
        .retention
        .as_ref()
        .and_then(|c| lookups.retention.resolve(c, file, raw, errors));
    let shared_with = dedup_cells(&row.shared_with)
        .filter_map(|c| lookups.recipients.resolve(c, file, raw, errors))
        .collect();
    Use {
        element,
        purpose: row.purpose.value.clone(),
        why: row.why.clone(),
        legal_basis: row.legal_basis,
        necessity: row.necessity,
        retention,
        shared_with,
        visibility: row.visibility,
        last_reviewed: row.last_reviewed,
        notes: row.notes.clone(),
        extra: row.extra.clone(),
        origin: Origin::clone(&row.origin),
    }
}
