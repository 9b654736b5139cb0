//! Header checking for the CSV registers: known columns, `x_` extras, required columns and
//! "did you mean" for misspelt names.

use std::collections::HashMap;

use crate::diag::{suggest, Diagnostic};
use crate::hash::FastMap;

use super::source::SourceFile;
use super::table::{Field, Record, Records, Table};

/// What one kind of CSV file may and must contain.
pub struct Spec {
    /// How the file is named in messages, e.g. "inventory".
    pub what: &'static str,
    pub known: &'static [&'static str],
    pub required: &'static [&'static str],
    /// A header line to show when the file has none.
    pub example: &'static str,
    /// Whether the file may be deleted when it has nothing to say.
    pub optional: bool,
}

/// Where each known column is, plus the `x_` columns in header order.
#[derive(Debug)]
pub struct Columns {
    index: FastMap<&'static str, usize>,
    pub extra: Vec<(String, usize)>,
}

static EMPTY: Field<'static> = Field {
    value: std::borrow::Cow::Borrowed(""),
    line: 0,
    column: 0,
};

impl Columns {
    /// The cell of a known column in `row`, or an empty cell when the column is absent.
    pub fn cell<'r, 'a>(&self, row: &'r Record<'a>, name: &str) -> &'r Field<'a> {
        self.col(name).of(row)
    }

    /// Where a known column is, to find its cells in many rows without looking it up again.
    pub fn col(&self, name: &str) -> Col {
        Col(self.index.get(name).copied())
    }

    /// The text of a known column, `None` when absent or empty.
    pub fn text(&self, row: &Record, name: &str) -> Option<String> {
        self.col(name).text(row)
    }
}

/// The index of a column in a row, if the header has it.
#[derive(Debug, Clone, Copy)]
pub struct Col(Option<usize>);

impl Col {
    /// This column's cell in `row`, or an empty cell when the column is absent.
    pub fn of<'r, 'a>(self, row: &'r Record<'a>) -> &'r Field<'a> {
        self.0.and_then(|i| row.cells.get(i)).unwrap_or(&EMPTY)
    }

    /// The text of this column in `row`, `None` when absent or empty.
    pub fn text(self, row: &Record) -> Option<String> {
        let c = self.of(row);
        (!c.is_empty()).then(|| c.value.to_string())
    }
}

/// Parses a CSV source and checks its header against `spec`; `None` (reported) when the file
/// is empty or cannot be read further.
pub fn read_table<'a>(
    src: &'a SourceFile,
    spec: &Spec,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Table<Record<'a>>, Columns)> {
    let before = errors.len();
    let Some(table) = super::table::read(src, errors) else {
        empty_file(src, spec, before, errors);
        return None;
    };
    let cols = check_header(&table, src, spec, errors)?;
    Some((table, cols))
}

/// Like [`read_table`], but the rows are left to read one at a time, so a large file is never
/// held as a whole table. The caller reports a file without rows with [`no_rows`] once it has
/// read them all. When the header is invalid, the rest is read only for its own errors.
pub fn open_table<'a>(
    src: &'a SourceFile,
    spec: &Spec,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Records<'a>, Columns)> {
    let before = errors.len();
    let Some(mut records) = Records::open(src, errors) else {
        empty_file(src, spec, before, errors);
        return None;
    };
    let first_used = |i: usize| {
        let mut ignored = Vec::new();
        let mut again = Records::open(src, &mut ignored)?;
        std::iter::from_fn(|| again.next_row(&mut ignored))
            .find(|r| r.cells.get(i).is_some_and(|c| !c.is_empty()))
            .map(|r| r.line)
    };
    let Some(cols) = check_names(&records.header, src, spec, first_used, errors) else {
        while records.next_row(errors).is_some() {}
        return None;
    };
    Some((records, cols))
}

/// Reports a file with no header at all, unless reading it already reported something.
fn empty_file(src: &SourceFile, spec: &Spec, before: usize, errors: &mut Vec<Diagnostic>) {
    if errors.len() == before {
        errors.push(
            Diagnostic::file(
                src.path.to_path_buf(),
                format!("{} is empty", src.path.display()),
            )
            .help(format!(
                "the first line must name the columns, e.g. `{}`, and each line after it describes one {}{}",
                spec.example,
                row_noun(spec.what),
                if spec.optional { "; or delete the file" } else { "" }
            )),
        );
    }
}

/// Checks the header against `spec`; `None` when the file cannot be read further.
pub fn check_header(
    table: &Table<Record>,
    src: &SourceFile,
    spec: &Spec,
    errors: &mut Vec<Diagnostic>,
) -> Option<Columns> {
    let first_used = |i: usize| {
        table
            .rows
            .iter()
            .find(|r| r.cells.get(i).is_some_and(|c| !c.is_empty()))
            .map(|r| r.line)
    };
    let cols = check_names(&table.header, src, spec, first_used, errors)?;
    if table.rows.is_empty() && !table.truncated && table.dropped == 0 {
        errors.push(no_rows(src, spec, table.header.line));
        return None;
    }
    Some(cols)
}

/// The error for a file with a header but no rows (none read, none dropped, not truncated).
pub fn no_rows(src: &SourceFile, spec: &Spec, header_line: usize) -> Diagnostic {
    Diagnostic::at(
        src.path.to_path_buf(),
        header_line,
        format!("{} has a header but no rows", src.path.display()),
    )
    .help(format!(
        "add one line per {}{}",
        row_noun(spec.what),
        if spec.optional {
            ", or delete the file"
        } else {
            ""
        }
    ))
}

/// Checks the header's names against `spec`; `first_used(i)` is the line of the first row
/// with a value in column `i`. `None` when the file cannot be read further.
fn check_names(
    header: &Record,
    src: &SourceFile,
    spec: &Spec,
    first_used: impl Fn(usize) -> Option<usize>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Columns> {
    let file = src.path.to_path_buf();
    let at = |cell: &Field, msg: String| {
        Diagnostic::at(file.clone(), cell.line, msg)
            .column(cell.column)
            .snippet(src.line(cell.line))
    };
    let before = errors.len();
    let mut index: FastMap<&'static str, usize> = FastMap::default();
    let mut extra = Vec::new();
    let mut suggested = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    if header.cells.len() == 1 && header.cells[0].value.contains(';') {
        errors.push(
            at(
                &header.cells[0],
                format!("the {} header has one column: the file is separated by `;`", spec.what),
            )
            .help("candor reads comma-separated files: in Excel choose \"CSV UTF-8 (Comma delimited)\""),
        );
        return None;
    }
    for (i, cell) in header.cells.iter().enumerate() {
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
            if let Some(line) = first_used(i) {
                errors.push(
                    at(
                        cell,
                        format!(
                            "column {} of the {} header has no name, but line {} has a value in it",
                            i + 1,
                            spec.what,
                            line
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
    let missing: Vec<&str> = spec
        .required
        .iter()
        .copied()
        .filter(|req| !index.contains_key(req) && !suggested.contains(req))
        .collect();
    if !missing.is_empty() {
        let names = backticked(&missing);
        let header_text = src.line(header.line);
        errors.push(
            Diagnostic::at(
                file.clone(),
                header.line,
                format!(
                    "the {} header has no {names} column{}",
                    spec.what,
                    if missing.len() == 1 { "" } else { "s" }
                ),
            )
            .column(header_text.chars().count() + 1)
            .snippet(header_text)
            .help(format!(
                "add {} to the first line; every {} file needs the columns {}",
                if missing.len() == 1 { "it" } else { "them" },
                spec.what,
                backticked(spec.required)
            )),
        );
    }
    if errors.len() > before {
        return None;
    }
    Some(Columns { index, extra })
}

/// `a`, `b` and `c`.
fn backticked(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

fn row_noun(what: &str) -> &str {
    match what {
        "inventory" => "data element and purpose",
        "retention" => "retention policy",
        "systems" => "system",
        "assessments" => "assessment",
        _ => "recipient",
    }
}

#[cfg(test)]
mod tests;
