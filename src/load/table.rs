//! A small RFC 4180 reader that keeps the line and column of every field.
//!
//! The `csv` crate reports only where a record starts; diagnostics here point at the field
//! (line and character column), so the reader is written out: quoted fields, `""` escapes,
//! newlines inside quotes, and clear errors for unclosed quotes and wrong field counts.

use crate::diag::Diagnostic;

use super::source::SourceFile;

/// One field: its trimmed text and where that text starts (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub value: String,
    pub line: usize,
    pub column: usize,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }
}

/// One record: the line it starts on and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<Cell>,
}

/// A parsed file: the header record and the data records (blank lines skipped).
#[derive(Debug, Clone)]
pub struct Table {
    pub header: Row,
    pub rows: Vec<Row>,
    /// True when an unclosed quote stopped reading before the end of the file.
    pub truncated: bool,
    /// Records left out (and reported) because their field count differs from the header's.
    pub dropped: usize,
}

/// Parses a CSV source. Rows with the wrong number of fields are reported and left out; an
/// unclosed quote ends the file there. Returns `None` when there is no header at all (an
/// empty file is not reported here: the caller knows which header it should have had).
pub fn parse(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Option<Table> {
    let mut reader = Reader {
        text: &src.text,
        pos: 0,
        errors: Vec::new(),
        line: 1,
        column: 1,
    };
    let mut header: Option<Row> = None;
    let mut rows = Vec::new();
    let mut truncated = false;
    let mut dropped = 0;
    while !reader.at_end() {
        let row = reader.record(src);
        errors.append(&mut reader.errors);
        let row = match row {
            Ok(row) => row,
            Err(d) => {
                errors.push(d);
                truncated = true;
                break;
            }
        };
        if row.cells.iter().all(Cell::is_empty) {
            continue;
        }
        let Some(h) = &header else {
            header = Some(row);
            continue;
        };
        if row.cells.len() != h.cells.len() {
            errors.push(field_count_error(src, h, &row));
            dropped += 1;
            continue;
        }
        rows.push(row);
    }
    header.map(|header| Table {
        header,
        rows,
        truncated,
        dropped,
    })
}

fn field_count_error(src: &SourceFile, header: &Row, row: &Row) -> Diagnostic {
    let (n, m) = (row.cells.len(), header.cells.len());
    let names: Vec<&str> = header.cells.iter().map(|c| c.value.as_str()).collect();
    let (message, help) = if n > m {
        let extra = &row.cells[m];
        (
            format!("this row has {n} fields but the header has {m}, so this row is skipped"),
            format!(
                "the first extra field is `{}`: a value that contains a comma must be in double quotes, e.g. `\"Berlin, Germany\"`",
                extra.value
            ),
        )
    } else {
        (
            format!(
                "this row has {n} field{} but the header has {m} (missing {}), so this row is skipped",
                if n == 1 { "" } else { "s" },
                names[n..]
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!(
                "add the missing fields; empty ones are fine: end the row with {} comma{}",
                m - n,
                if m - n == 1 { "" } else { "s" }
            ),
        )
    };
    let column = if n > m {
        row.cells[m].column
    } else {
        src.line(row.line).chars().count() + 1
    };
    let mut d = Diagnostic::at(src.path.to_path_buf(), row.line, message)
        .snippet(src.line(row.line))
        .help(help);
    if column > 0 {
        d = d.column(column);
    }
    d
}

/// A cursor over the text: byte position plus the 1-based line and character column.
struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// Problems that do not stop reading.
    errors: Vec<Diagnostic>,
    line: usize,
    column: usize,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// Moves past `n` bytes of the rest (a char boundary), counting lines and columns.
    fn advance(&mut self, n: usize) {
        let skipped = &self.text[self.pos..self.pos + n];
        match skipped.rfind('\n') {
            Some(i) => {
                self.line += skipped.matches('\n').count();
                self.column = skipped[i + 1..].chars().count() + 1;
            }
            None => self.column += skipped.chars().count(),
        }
        self.pos += n;
    }

    /// Reads one record up to and including its newline.
    fn record(&mut self, src: &SourceFile) -> Result<Row, Diagnostic> {
        let line = self.line;
        let mut cells = Vec::new();
        loop {
            cells.push(self.field(src)?);
            match self.rest().as_bytes().first() {
                Some(b',') => self.advance(1),
                Some(_) => {
                    self.advance(1);
                    return Ok(Row { line, cells });
                }
                None => return Ok(Row { line, cells }),
            }
        }
    }

    /// Reads one field, stopping before the `,` or newline that ends it.
    fn field(&mut self, src: &SourceFile) -> Result<Cell, Diagnostic> {
        let rest = self.rest();
        let pad = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if !rest[pad..].starts_with('"') {
            let end = rest.find([',', '\n']).unwrap_or(rest.len());
            let raw = &rest[..end];
            let (line, column) = (self.line, self.column);
            self.advance(end);
            return Ok(trimmed(raw, line, column));
        }
        self.advance(pad);
        let (qline, qcol) = (self.line, self.column);
        self.advance(1);
        let (line, column) = (self.line, self.column);
        let mut value = String::new();
        loop {
            let Some(q) = self.rest().find('"') else {
                return Err(Diagnostic::at(
                    src.path.to_path_buf(),
                    qline,
                    "this quote is never closed, so nothing after it can be read",
                )
                .column(qcol)
                .snippet(src.line(qline))
                .help("end the quoted value with `\"`; to put a quote inside a quoted value, write it twice (`\"\"`)"));
            };
            value.push_str(&self.rest()[..q]);
            self.advance(q + 1);
            if self.rest().starts_with('"') {
                value.push('"');
                self.advance(1);
            } else {
                break;
            }
        }
        let after = self.rest();
        let pad = after.len() - after.trim_start_matches([' ', '\t']).len();
        self.advance(pad);
        let rest = self.rest();
        if !(rest.is_empty() || rest.starts_with([',', '\n'])) {
            let (l, c) = (self.line, self.column);
            let end = rest.find([',', '\n']).unwrap_or(rest.len());
            let whole = format!("\"{value}\"{}", &after[..pad + end]);
            self.errors.push(
                Diagnostic::at(
                    src.path.to_path_buf(),
                    l,
                    format!("text after the closing quote of a quoted value: `{}`", rest[..end].trim_end()),
                )
                .column(c)
                .snippet(src.line(l))
                .help(format!(
                    "a quoted value ends at its closing quote; if the quotes are part of the text, quote all of it and double the quotes inside: `\"{}\"`",
                    whole.trim_end().replace('"', "\"\"")
                )),
            );
            value.push_str(&after[..pad + end]);
            self.advance(end);
        }
        Ok(trimmed(&value, line, column))
    }
}

/// A cell of `raw` starting at `line`/`column`, trimmed, its position moved past leading
/// whitespace (which may include newlines inside quotes).
fn trimmed(raw: &str, mut line: usize, mut column: usize) -> Cell {
    let skipped = &raw[..raw.len() - raw.trim_start().len()];
    match skipped.rsplit_once('\n') {
        Some((before, after)) => {
            line += before.matches('\n').count() + 1;
            column = after.chars().count() + 1;
        }
        None => column += skipped.chars().count(),
    }
    Cell {
        value: raw.trim().to_string(),
        line,
        column,
    }
}

#[cfg(test)]
mod tests;
