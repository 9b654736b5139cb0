//! Inventory rows -> elements and uses: rows grouped by element id, element-level columns
//! merged (two different values is an error naming both rows), every reference resolved.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Origin};
use crate::hash::FastMap;
use crate::load::inventory::{ElementCells, SOURCES};
use crate::load::table::Cell;
use crate::load::{RawSite, RawUse};
use crate::taxonomy::{Taxonomy, Tree};

use super::registers::Lookup;
use crate::model::catalog::{Element, Use};

/// The lookups references in the inventory resolve against.
pub struct Lookups {
    pub retention: Lookup,
    pub systems: Lookup,
    pub recipients: Lookup,
}

/// Groups, merges and resolves the inventory, moving each row's text into its use. Elements
/// come back sorted by id, uses by element then file order.
pub fn build(
    raw: &RawSite,
    mut rows: Vec<RawUse>,
    taxonomy: Option<&Taxonomy>,
    lookups: &Lookups,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Element>, Vec<Use>) {
    let (order, starts) = group(&rows);
    permute(&mut rows, order);
    // Two parallel passes over the rows, now in element order: elements from their rows
    // (reading), then a use from each row (moving its text out). Diagnostics are merged
    // back per element, its own before its uses', as one serial pass would give them.
    let (mut elements, mut element_errors) = (Vec::new(), Vec::new());
    starts
        .par_windows(2)
        .map(|b| {
            let mut errs = Vec::new();
            let mut element = merge(raw, &rows[b[0]..b[1]], taxonomy, lookups, &mut errs);
            element.uses = (b[0]..b[1]).collect();
            (element, errs)
        })
        .unzip_into_vecs(&mut elements, &mut element_errors);
    let element_of: Vec<usize> = (0..elements.len())
        .flat_map(|e| std::iter::repeat_n(e, starts[e + 1] - starts[e]))
        .collect();
    let (mut uses, mut use_errors) = (Vec::new(), Vec::new());
    rows.par_iter_mut()
        .zip(element_of)
        .map(|(row, element)| {
            let mut errs = Vec::new();
            // What the catalog does not keep is freed as it goes, so the raw rows and the
            // catalog are not both whole in memory.
            row.element_cells = None;
            let u = make_use(raw, row, element, taxonomy, lookups, &mut errs);
            (u, errs)
        })
        .unzip_into_vecs(&mut uses, &mut use_errors);
    for ((element, mut errs), b) in elements
        .iter_mut()
        .zip(element_errors)
        .zip(starts.windows(2))
    {
        errors.append(&mut errs);
        for u in &mut use_errors[b[0]..b[1]] {
            errors.append(u);
        }
        element.id = std::mem::take(&mut rows[b[0]].element);
    }
    (elements, uses)
}

/// Reorders `rows` in place so that row `order[i]` ends up at position `i`.
fn permute<T>(rows: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..rows.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == start {
                break;
            }
            rows.swap(at, from);
            at = from;
        }
    }
}

/// Row indices grouped by element id (groups sorted by id, rows in file order), and where
/// each group starts in that order (plus the end).
fn group(rows: &[RawUse]) -> (Vec<usize>, Vec<usize>) {
    let mut by_id: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(rows.len(), Default::default());
    let mut ids: Vec<&str> = Vec::new();
    let group_of: Vec<usize> = rows
        .iter()
        .map(|row| {
            *by_id.entry(row.element.as_str()).or_insert_with(|| {
                ids.push(row.element.as_str());
                ids.len() - 1
            })
        })
        .collect();
    let mut sorted: Vec<usize> = (0..ids.len()).collect();
    sorted.par_sort_unstable_by_key(|&g| ids[g]);
    let mut rank = vec![0; ids.len()];
    for (r, &g) in sorted.iter().enumerate() {
        rank[g] = r;
    }
    let mut starts = vec![0; ids.len() + 1];
    for &g in &group_of {
        starts[rank[g] + 1] += 1;
    }
    for r in 0..ids.len() {
        starts[r + 1] += starts[r];
    }
    let mut next = starts.clone();
    let mut order = vec![0; rows.len()];
    for (i, &g) in group_of.iter().enumerate() {
        order[next[rank[g]]] = i;
        next[rank[g]] += 1;
    }
    (order, starts)
}

/// The element-level cells of a row, `None` when all are empty.
fn cells(r: &RawUse) -> Option<&ElementCells> {
    r.element_cells.as_deref()
}

/// One element from its rows (never empty, in file order): element-level columns agreed,
/// taxonomy keys checked, systems resolved. Its id is filled in by the caller.
fn merge<'a>(
    raw: &RawSite,
    rows: &'a [RawUse],
    taxonomy: Option<&Taxonomy>,
    lookups: &Lookups,
    errors: &mut Vec<Diagnostic>,
) -> Element {
    let first = &rows[0];
    let id = first.element.as_str();
    let first_category = cells(first).map_or("", |c| &c.category.value);
    let name_at = (first.name.line, first.name.column);
    for (value, at, column, example) in [
        (&*first.name.value, name_at, "name", "Email address"),
        (
            first_category,
            first.category_at,
            "category",
            "user.contact.email",
        ),
    ] {
        if value.is_empty() {
            errors.push(
                    at_cell(raw, &first.origin, at, format!("element `{id}` has no `{column}` on its first row"))
                        .help(format!("fill in `{column}` (e.g. `{example}`) on the first row of each element; later rows may repeat it or leave it empty")),
                );
        }
    }
    let mut agree = |label: &str, key: Key| agree(raw, id, rows, label, key, errors);
    let name = agree("names", |r| text(&r.name));
    let category = agree("categories", |r| text(&cells(r)?.category));
    let owner = agree("owners", |r| text(&cells(r)?.owner));
    let subjects_row = agree("subject lists", |r| list(&cells(r)?.subjects));
    let systems_row = agree("system lists", |r| list(&cells(r)?.systems));
    let source_row = agree("sources", |r| {
        let c = cells(r)?;
        let s = c.source?;
        let name = SOURCES.iter().find(|(_, v)| *v == s)?.0;
        Some((Cow::Borrowed(name), c.source_column))
    });

    let with_cells = |r: Option<&'a RawUse>| r.and_then(|r| Some((r, cells(r)?)));
    let (category, owner) = (with_cells(category), with_cells(owner));
    let (subjects_row, systems_row) = (with_cells(subjects_row), with_cells(systems_row));
    if let (Some((r, c)), Some(t)) = (category, taxonomy) {
        check_key(
            raw,
            &r.origin.file,
            &c.category,
            &t.categories,
            "data category",
            errors,
        );
    }
    let mut subjects = Vec::new();
    if let Some((r, c)) = subjects_row {
        for s in dedup_cells(&c.subjects) {
            if let Some(t) = taxonomy {
                check_key(raw, &r.origin.file, s, &t.subjects, "data subject", errors);
            }
            subjects.push(s.value.to_string());
        }
    }
    let systems = systems_row.map_or_else(Vec::new, |(r, c)| {
        dedup_cells(&c.systems)
            .filter_map(|s| lookups.systems.resolve(s, &r.origin.file, raw, errors))
            .collect()
    });
    Element {
        id: String::new(),
        name: name.map_or_else(String::new, |r| r.name.value.clone()),
        category: category.map_or_else(String::new, |(_, c)| c.category.value.to_string()),
        subjects,
        source: source_row.and_then(cells).and_then(|c| c.source),
        systems,
        owner: owner.map(|(_, c)| c.owner.value.to_string()),
        uses: Vec::new(),
        models: Vec::new(),
        origin: first.origin.clone(),
    }
}

/// The value an element-level column compares by, and its column.
type Key = for<'r> fn(&'r RawUse) -> Option<(Cow<'r, str>, usize)>;

/// A diagnostic at the cell at `at` (line, column) of the row at `origin`; at the row alone
/// when the column is absent (line 0).
fn at_cell(raw: &RawSite, origin: &Origin, at: (usize, usize), message: String) -> Diagnostic {
    let d =
        Diagnostic::at_origin(origin, message).snippet(raw.line_text(&origin.file, origin.line));
    if at.0 == 0 {
        d
    } else {
        d.column(at.1)
    }
}

/// A non-empty cell's text and column.
fn text(c: &Cell) -> Option<(Cow<'_, str>, usize)> {
    (!c.is_empty()).then(|| (Cow::Borrowed(&*c.value), c.column))
}

/// A non-empty list as sorted, deduplicated `a; b` (so order and repeats do not matter), and
/// the column of its first item.
fn list(cells: &[Cell]) -> Option<(Cow<'_, str>, usize)> {
    let column = cells.first()?.column;
    if let [only] = cells {
        return Some((Cow::Borrowed(&*only.value), column));
    }
    let mut v: Vec<&str> = cells.iter().map(|c| &*c.value).collect();
    v.sort_unstable();
    v.dedup();
    Some((Cow::Owned(v.join("; ")), column))
}

/// The first row giving a value for an element-level column; a later row giving a different
/// value is an error naming both rows.
fn agree<'a>(
    raw: &RawSite,
    id: &str,
    rows: &'a [RawUse],
    label: &str,
    key: Key,
    errors: &mut Vec<Diagnostic>,
) -> Option<&'a RawUse> {
    let mut chosen: Option<(&RawUse, Cow<str>)> = None;
    for row in rows {
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
    row: &mut RawUse,
    element: usize,
    taxonomy: Option<&Taxonomy>,
    lookups: &Lookups,
    errors: &mut Vec<Diagnostic>,
) -> Use {
    let file = &Arc::clone(&row.origin.file);
    if let Some(t) = taxonomy {
        check_key(raw, file, &row.purpose, &t.uses, "data use", errors);
    }
    let retention = row
        .retention
        .take()
        .and_then(|c| lookups.retention.resolve(&c, file, raw, errors));
    let shared_with = dedup_cells(&std::mem::take(&mut row.shared_with))
        .filter_map(|c| lookups.recipients.resolve(c, file, raw, errors))
        .collect();
    Use {
        element,
        purpose: std::mem::take(&mut row.purpose.value),
        why: std::mem::take(&mut row.why),
        legal_basis: row.legal_basis,
        special_category_condition: row.special_category_condition,
        legal_reference: row.legal_reference.take(),
        necessity: row.necessity,
        opt_out: row.opt_out.take(),
        retention,
        shared_with,
        visibility: row.visibility,
        last_reviewed: row.last_reviewed,
        notes: row.notes.take(),
        extra: std::mem::take(&mut row.extra),
        origin: Origin::clone(&row.origin),
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_row_where_the_order_says() {
        // Cycles of several lengths, fixed points, and the identity.
        for order in [
            vec![],
            vec![0],
            vec![1, 0],
            vec![2, 0, 1],
            vec![0, 3, 1, 2, 4],
            vec![5, 4, 3, 2, 1, 0],
            vec![3, 0, 4, 1, 2, 6, 5],
        ] {
            let mut rows: Vec<char> = ('a'..).take(order.len()).collect();
            let want: Vec<char> = order.iter().map(|&i| rows[i]).collect();
            permute(&mut rows, order);
            assert_eq!(rows, want);
        }
    }
}
