//! Header checking for the CSV registers: known columns, `x_` extras, required columns and
//! "did you mean" for misspelt names.

use std::collections::HashMap;

use crate::diag::{did_you_mean, suggest, Diagnostic};

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

/// Why a value is invalid and how to fix it; placed at a cell by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub help: Option<String>,
}

impl Invalid {
    /// The diagnostic at `cell` of `src`.
    pub fn at(self, src: &SourceFile, cell: &Cell) -> Diagnostic {
        Diagnostic::at(src.path.to_path_buf(), cell.line, self.message)
            .column(cell.column)
            .snippet(src.line(cell.line))
            .maybe_help(self.help)
    }
}

/// A diagnostic at `cell` of `row`; at the row alone when the column is absent.
pub fn at_cell(src: &SourceFile, row: &Row, cell: &Cell, message: impl Into<String>) -> Diagnostic {
    if cell.line == 0 {
        return Diagnostic::at(src.path.to_path_buf(), row.line, message)
            .snippet(src.line(row.line));
    }
    Diagnostic::at(src.path.to_path_buf(), cell.line, message)
        .column(cell.column)
        .snippet(src.line(cell.line))
}

/// Parses an enum value case-insensitively, with `-` and spaces read as `_`.
pub fn parse_enum<T: Copy>(
    raw: &str,
    column: &str,
    variants: &[(&'static str, T)],
) -> Result<T, Invalid> {
    let norm: String = raw
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    if let Some((_, v)) = variants.iter().find(|(n, _)| *n == norm) {
        return Ok(*v);
    }
    let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
    Err(Invalid {
        message: format!(
            "`{column}` must be one of {}; found `{raw}`",
            names.join(", ")
        ),
        help: did_you_mean(&norm, names),
    })
}

/// An optional enum cell: `None` when empty; reported and `None` when invalid.
pub fn opt_enum<T: Copy>(
    src: &SourceFile,
    cell: &Cell,
    column: &str,
    variants: &[(&'static str, T)],
    errors: &mut Vec<Diagnostic>,
) -> Option<T> {
    if cell.is_empty() {
        return None;
    }
    parse_enum(&cell.value, column, variants)
        .map_err(|e| errors.push(e.at(src, cell)))
        .ok()
}

/// Splits a `;`-separated list, trimming items and dropping empty ones; each item keeps its
/// column within the line.
pub fn split_list(cell: &Cell) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut offset = 0;
    for part in cell.value.split(';') {
        let lead = part.chars().take_while(|c| c.is_whitespace()).count();
        let item = part.trim();
        if !item.is_empty() {
            out.push(Cell {
                value: item.to_string(),
                line: cell.line,
                column: cell.column + offset + lead,
            });
        }
        offset += part.chars().count() + 1;
    }
    out
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(raw: &str, column: &str) -> Result<jiff::civil::Date, Invalid> {
    let shaped = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let parsed = if shaped {
        raw.parse::<jiff::civil::Date>().ok()
    } else {
        None
    };
    parsed.ok_or_else(|| Invalid {
        message: if shaped {
            format!("`{column}` is not a real date: `{raw}`")
        } else {
            format!("`{column}` must be a date written YYYY-MM-DD; found `{raw}`")
        },
        help: Some(match reorder_date(raw) {
            Some(iso) => format!("did you mean `{iso}`?"),
            None if shaped => {
                "the month must be 01 to 12 and the day must exist in that month".to_string()
            }
            None => "write dates as YYYY-MM-DD, e.g. 2026-03-31".to_string(),
        }),
    })
}

/// `31/03/2026` or `31.03.2026` -> `2026-03-31` when the day/month order is unambiguous.
fn reorder_date(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b, y): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    if y < 1000 {
        return None;
    }
    let (day, month) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    let d = jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(d.to_string())
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

    #[test]
    fn enums_are_forgiving_and_suggest() {
        let v = [("consent", 1), ("legal_obligation", 2)];
        assert_eq!(parse_enum("Legal-Obligation", "legal_basis", &v), Ok(2));
        assert_eq!(parse_enum("legal obligation", "legal_basis", &v), Ok(2));
        let e = parse_enum("consnet", "legal_basis", &v).unwrap_err();
        assert_eq!(
            e.message,
            "`legal_basis` must be one of consent, legal_obligation; found `consnet`"
        );
        assert_eq!(e.help.as_deref(), Some("did you mean `consent`?"));
    }

    #[test]
    fn lists_keep_columns() {
        let cell = Cell {
            value: "a; b ;;c".into(),
            line: 3,
            column: 5,
        };
        let items = split_list(&cell);
        let got: Vec<_> = items.iter().map(|c| (c.value.as_str(), c.column)).collect();
        assert_eq!(got, [("a", 5), ("b", 8), ("c", 12)]);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2026-03-31", "d").unwrap(),
            jiff::civil::date(2026, 3, 31)
        );
        let e = parse_date("2026-02-30", "last_reviewed").unwrap_err();
        assert!(e.message.contains("not a real date"));
        let e = parse_date("31/03/2026", "last_reviewed").unwrap_err();
        assert_eq!(
            e.message,
            "`last_reviewed` must be a date written YYYY-MM-DD; found `31/03/2026`"
        );
        assert_eq!(e.help.as_deref(), Some("did you mean `2026-03-31`?"));
        let e = parse_date("03/04/2026", "d").unwrap_err();
        assert!(e.help.unwrap().contains("YYYY-MM-DD"));
    }
}
