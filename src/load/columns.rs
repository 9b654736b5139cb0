//! Header checking for the CSV registers: known columns, `x_` extras, required columns and
//! "did you mean" for misspelt names.

use std::collections::HashMap;

use crate::diag::{suggest, Diagnostic};

use super::source::SourceFile;
use super::table::{Cell, Row, Table};

/// What one kind of CSV file may and must contain.
pub struct Spec {
    /// How the file is named in messages, e.g. "inventory".
    pub what: &'static str,
    pub known: &'static [&'static str],
    pub required: &'static [&'static str],
}

/// Where each known column is, plus the `x_` columns in header order.
#[derive(Debug)]
pub struct Columns {
    index: HashMap<&'static str, usize>,
    pub extra: Vec<(String, usize)>,
}

static EMPTY: Cell = Cell {
    value: String::new(),
    line: 0,
    column: 0,
};

impl Columns {
    /// The cell of a known column in `row`, or an empty cell when the column is absent.
    pub fn cell<'r>(&self, row: &'r Row, name: &str) -> &'r Cell {
        self.index
            .get(name)
            .and_then(|&i| row.cells.get(i))
            .unwrap_or(&EMPTY)
    }

    /// The text of a known column, `None` when absent or empty.
    pub fn text(&self, row: &Row, name: &str) -> Option<String> {
        let c = self.cell(row, name);
        (!c.is_empty()).then(|| c.value.clone())
    }
}

/// Checks the header against `spec`; `None` when the file cannot be read further.
pub fn check_header(
    table: &Table,
    src: &SourceFile,
    spec: &Spec,
    errors: &mut Vec<Diagnostic>,
) -> Option<Columns> {
    let file = src.path.to_path_buf();
    let at = |cell: &Cell, msg: String| {
        Diagnostic::at(file.clone(), cell.line, msg)
            .column(cell.column)
            .snippet(src.line(cell.line))
    };
    let before = errors.len();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    let mut extra = Vec::new();
    let mut suggested = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    if table.header.cells.len() == 1 && table.header.cells[0].value.contains(';') {
        errors.push(
            at(
                &table.header.cells[0],
                format!("the {} header has one column: the file is separated by `;`", spec.what),
            )
            .help("candor reads comma-separated files: in Excel choose \"CSV UTF-8 (Comma delimited)\""),
        );
        return None;
    }
    for (i, cell) in table.header.cells.iter().enumerate() {
        let name = cell.value.to_ascii_lowercase();
        let repeated = if name.is_empty() {
            None
        } else {
            first_seen.insert(name.clone(), i)
        };
        if let Some(prev) = repeated {
            errors.push(
                at(
                    cell,
                    format!("column `{name}` appears twice in the {} header", spec.what),
                )
                .help(format!("it is also column {}; keep one of them", prev + 1)),
            );
            continue;
        }
        if name.is_empty() {
            // Spreadsheets often export empty columns past the table: ignore those.
            let used = table
                .rows
                .iter()
                .find(|r| r.cells.get(i).is_some_and(|c| !c.is_empty()));
            if let Some(row) = used {
                errors.push(
                    at(
                        cell,
                        format!(
                            "column {} of the {} header has no name, but line {} has a value in it",
                            i + 1,
                            spec.what,
                            row.line
                        ),
                    )
                    .help(format!(
                        "name the column (known columns: {}; your own start with `x_`)",
                        spec.known.join(", ")
                    )),
                );
            }
        } else if let Some(&k) = spec.known.iter().find(|&&k| k == name) {
            index.insert(k, i);
        } else if name.starts_with("x_") {
            extra.push((name, i));
        } else {
            let near = suggest(&name, spec.known.iter().copied());
            suggested.extend(near);
            let help = match near {
                Some(k) => format!(
                    "did you mean `{k}`? Columns of your own must start with `x_` (e.g. `x_{name}`)"
                ),
                None => format!(
                    "known columns: {}; columns of your own must start with `x_` (e.g. `x_{name}`)",
                    spec.known.join(", ")
                ),
            };
            errors.push(
                at(
                    cell,
                    format!("unknown column `{name}` in the {} header", spec.what),
                )
                .help(help),
            );
        }
    }
    for &req in spec.required {
        if !index.contains_key(req) && !suggested.contains(&req) {
            errors.push(
                Diagnostic::at(
                    file.clone(),
                    table.header.line,
                    format!("the {} header has no `{req}` column", spec.what),
                )
                .snippet(src.line(table.header.line))
                .help(format!("required columns: {}", spec.required.join(", "))),
            );
        }
    }
    if errors.len() > before {
        return None;
    }
    if table.rows.is_empty() && !table.truncated {
        errors.push(
            Diagnostic::at(
                file,
                table.header.line,
                format!("{} has a header but no rows", src.path.display()),
            )
            .help(format!(
                "add one row per {}, or delete the file",
                row_noun(spec.what)
            )),
        );
        return None;
    }
    Some(Columns { index, extra })
}

fn row_noun(what: &str) -> &str {
    match what {
        "inventory" => "data element and purpose",
        "retention" => "retention policy",
        "systems" => "system",
        _ => "recipient",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    const SPEC: Spec = Spec {
        what: "inventory",
        known: &["element", "purpose", "why", "notes"],
        required: &["element", "purpose", "why"],
    };

    fn header(text: &str) -> (Option<Columns>, Vec<Diagnostic>) {
        let src = SourceFile::new(Arc::from(Path::new("i.csv")), text);
        let mut errors = Vec::new();
        let table = super::super::table::parse(&src, &mut errors).unwrap();
        let cols = check_header(&table, &src, &SPEC, &mut errors);
        (cols, errors)
    }

    #[test]
    fn maps_known_and_extra_columns() {
        let (cols, e) = header("Element,purpose,why,x_ticket\ne,p,w,T-1\n");
        assert!(e.is_empty(), "{e:?}");
        let cols = cols.unwrap();
        assert_eq!(cols.extra, [("x_ticket".to_string(), 3)]);
    }

    #[test]
    fn misspelt_column_suggests_and_does_not_cascade() {
        let (cols, e) = header("element,purpse,why\ne,p,w\n");
        assert!(cols.is_none());
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].message,
            "unknown column `purpse` in the inventory header"
        );
        assert_eq!((e[0].line, e[0].column), (Some(1), Some(9)));
        assert!(e[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `purpose`?"));
    }

    #[test]
    fn missing_required_column() {
        let (_, e) = header("element,purpose\ne,p\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].message, "the inventory header has no `why` column");
        assert_eq!(e[0].line, Some(1));
    }

    #[test]
    fn header_only_and_semicolons() {
        let (_, e) = header("element,purpose,why\n");
        assert!(
            e[0].message.contains("has a header but no rows"),
            "{}",
            e[0].message
        );
        let (_, e) = header("element;purpose;why\ne;p;w\n");
        assert!(
            e[0].message.contains("separated by `;`"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn unnamed_columns_are_ignored_when_empty() {
        let (cols, e) = header("element,purpose,why,,\ne,p,w,,\n");
        assert!(e.is_empty(), "{e:?}");
        assert!(cols.is_some());
        let (_, e) = header("element,purpose,why,\ne,p,w,\ne,p,w,oops\n");
        assert_eq!(
            e[0].message,
            "column 4 of the inventory header has no name, but line 3 has a value in it"
        );
    }

    #[test]
    fn duplicate_column() {
        let (_, e) = header("element,purpose,why,why\ne,p,w,w\n");
        assert_eq!(
            e[0].message,
            "column `why` appears twice in the inventory header"
        );
        assert_eq!(e[0].column, Some(21));
    }
}
