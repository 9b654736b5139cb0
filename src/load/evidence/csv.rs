//! The plain evidence CSV, for any other scanner or a manual data-mapping exercise:
//! `data_type, third_party, location, system` (each optional, at least one of the first two
//! per row). A `data_type` may be a scanner's type name or a data category key.

use super::Detection;
use crate::diag::{did_you_mean, Diagnostic};
use crate::load::{table, SourceFile};

/// The columns of an evidence CSV.
pub const COLUMNS: [&str; 4] = ["data_type", "third_party", "location", "system"];

pub fn parse(src: &SourceFile) -> Result<Vec<Detection>, Vec<Diagnostic>> {
    let shown = src.path.to_path_buf();
    let mut errors = Vec::new();
    let Some(t) = table::parse(src, &mut errors) else {
        return Err(vec![Diagnostic::file(
            &shown,
            format!("{} is empty", shown.display()),
        )
        .help(format!("write a header: {}", COLUMNS.join(",")))]);
    };
    let mut col = [None; 4];
    for (i, cell) in t.header.cells.iter().enumerate() {
        let name = cell.value.to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(k) => col[k] = Some(i),
            None => errors.push(
                Diagnostic::at(
                    &shown,
                    cell.line,
                    format!(
                        "unknown column `{}` in evidence file {}",
                        cell.value,
                        shown.display()
                    ),
                )
                .column(cell.column)
                .snippet(src.line(cell.line))
                .help(
                    did_you_mean(&name, COLUMNS)
                        .unwrap_or_else(|| format!("the columns are {}", COLUMNS.join(", "))),
                ),
            ),
        }
    }
    if col[0].is_none() && col[1].is_none() {
        errors.push(
            Diagnostic::at(
                &shown,
                t.header.line,
                format!(
                    "evidence file {} has neither a `data_type` nor a `third_party` column",
                    shown.display()
                ),
            )
            .snippet(src.line(t.header.line))
            .help(format!("the header is {}", COLUMNS.join(","))),
        );
        return Err(errors);
    }
    let mut out = Vec::new();
    for row in &t.rows {
        let cell = |k: usize| {
            col[k]
                .and_then(|i| row.cells.get(i))
                .map(|c| c.value.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let (data_type, third_party) = (cell(0), cell(1));
        if data_type.is_none() && third_party.is_none() {
            errors.push(
                Diagnostic::at(
                    &shown,
                    row.line,
                    "an evidence row needs a `data_type` or a `third_party`",
                )
                .snippet(src.line(row.line)),
            );
            continue;
        }
        out.push(Detection {
            data_type,
            third_party,
            domains: Vec::new(),
            location: cell(2),
            system: cell(3),
            count: 1,
            pointer: format!("line {}", row.line),
            line: row.line,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
