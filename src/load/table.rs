//! A small RFC 4180 reader that keeps the line and column of every field.
//!
//! The `csv` crate reports only where a record starts; diagnostics here point at the field
//! (line and character column), so the reader is written out: quoted fields, `""` escapes,
//! newlines inside quotes, and clear errors for unclosed quotes and wrong field counts.
//! [`Records`] reads one record at a time and its [`Field`]s borrow from the source text (only
//! a value with `""` escapes is copied), so a large file is never held twice in memory.
//! [`chunks`] reads a large file's records in parallel pieces, with the same results.

use std::borrow::Cow;

use crate::diag::Diagnostic;

use super::source::SourceFile;
use chunks::{Open, Start};
pub use owned::{Cell, Row};

/// One field as read: its trimmed text, borrowed from the source where possible, and where
/// that text starts (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Field<'a> {
    pub value: Cow<'a, str>,
    pub line: usize,
    pub column: usize,
}

impl Field<'_> {
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }
}

/// One record as read: the line it starts on and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    pub line: usize,
    pub cells: Vec<Field<'a>>,
}

/// A parsed file: the header record and the data records (blank lines skipped), as owned
/// [`Row`]s or as borrowed [`Record`]s.
#[derive(Debug, Clone)]
pub struct Table<R = Row> {
    pub header: R,
    pub rows: Vec<R>,
    /// True when an unclosed quote stopped reading before the end of the file.
    pub truncated: bool,
    /// Records left out (and reported) because their field count differs from the header's.
    pub dropped: usize,
}

/// Parses a CSV source. Rows with the wrong number of fields are reported and left out; an
/// unclosed quote ends the file there. Returns `None` when there is no header at all (an
/// empty file is not reported here: the caller knows which header it should have had).
pub fn parse(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Option<Table> {
    let t = read(src, errors)?;
    Some(Table {
        header: t.header.into(),
        rows: t.rows.into_iter().map(Row::from).collect(),
        truncated: t.truncated,
        dropped: t.dropped,
    })
}

/// [`parse`], with fields borrowed from `src`.
pub fn read<'a>(src: &'a SourceFile, errors: &mut Vec<Diagnostic>) -> Option<Table<Record<'a>>> {
    let mut records = Records::open(src, errors)?;
    let mut rows = Vec::new();
    while let Some(row) = records.next_row(errors) {
        rows.push(row);
    }
    Some(Table {
        header: records.header,
        rows,
        truncated: records.truncated,
        dropped: records.dropped,
    })
}

/// The data records of a CSV source, read one at a time after its header, with the same
/// reporting as [`parse`].
pub struct Records<'a> {
    src: &'a SourceFile,
    reader: Reader<'a>,
    pub header: Record<'a>,
    /// True when an unclosed quote stopped reading before the end of the file.
    pub truncated: bool,
    /// Records left out (and reported) because their field count differs from the header's.
    pub dropped: usize,
}

impl<'a> Records<'a> {
    /// Reads up to and including the header; `None` when the file has none.
    pub fn open(src: &'a SourceFile, errors: &mut Vec<Diagnostic>) -> Option<Records<'a>> {
        let mut reader = Reader::new(&src.text, Start { pos: 0, line: 1 }, 0);
        while !reader.at_end() {
            let row = reader.record(src);
            errors.append(&mut reader.errors);
            match row {
                Ok(row) if row.cells.iter().all(Field::is_empty) => {}
                Ok(header) => {
                    reader.width = header.cells.len();
                    return Some(Records {
                        src,
                        reader,
                        header,
                        truncated: false,
                        dropped: 0,
                    });
                }
                Err(d) => {
                    errors.push(d);
                    return None;
                }
            }
        }
        None
    }

    /// The next data record with as many fields as the header; `None` at the end.
    pub fn next_row(&mut self, errors: &mut Vec<Diagnostic>) -> Option<Record<'a>> {
        self.try_next(errors).unwrap_or_else(|open| {
            errors.extend(open.diagnostics);
            self.truncated = true;
            None
        })
    }

    /// [`next_row`](Records::next_row), but a record with a quote that is never closed is
    /// returned as [`Open`] (its diagnostics not yet reported) rather than ending the reading.
    fn try_next(&mut self, errors: &mut Vec<Diagnostic>) -> Result<Option<Record<'a>>, Open> {
        while !self.truncated && !self.reader.at_end() {
            let at = Start {
                pos: self.reader.pos,
                line: self.reader.line,
            };
            let row = match self.reader.record(self.src) {
                Ok(row) => row,
                Err(d) => {
                    let mut diagnostics = std::mem::take(&mut self.reader.errors);
                    diagnostics.push(d);
                    return Err(Open { at, diagnostics });
                }
            };
            errors.append(&mut self.reader.errors);
            if row.cells.iter().all(Field::is_empty) {
                continue;
            }
            if row.cells.len() != self.header.cells.len() {
                errors.push(field_count_error(self.src, &self.header, &row));
                self.dropped += 1;
                continue;
            }
            return Ok(Some(row));
        }
        Ok(None)
    }
}

fn field_count_error(src: &SourceFile, header: &Record, row: &Record) -> Diagnostic {
    let (n, m) = (row.cells.len(), header.cells.len());
    let names: Vec<&str> = header.cells.iter().map(|c| c.value.as_ref()).collect();
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
    /// The number of fields a record is expected to have, to size its vector once.
    width: usize,
}

impl<'a> Reader<'a> {
    /// A reader of `text` from `start` (column 1).
    fn new(text: &'a str, start: Start, width: usize) -> Reader<'a> {
        Reader {
            text,
            pos: start.pos,
            errors: Vec::new(),
            line: start.line,
            column: 1,
            width,
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    /// Moves past `n` bytes of the rest (a char boundary), counting lines and columns.
    fn advance(&mut self, n: usize) {
        let skipped = &self.text[self.pos..self.pos + n];
        // Counting in one simple pass is quicker than searching first on short values.
        match chunks::newlines(skipped.as_bytes()) {
            0 => self.column += skipped.chars().count(),
            lines => {
                let i = skipped.rfind('\n').unwrap_or(0);
                self.line += lines;
                self.column = skipped[i + 1..].chars().count() + 1;
            }
        }
        self.pos += n;
    }

    /// Moves past `n` bytes known to hold no newline (a char boundary).
    fn advance_in_line(&mut self, n: usize) {
        let skipped = &self.text.as_bytes()[self.pos..self.pos + n];
        self.column += if skipped.is_ascii() {
            n
        } else {
            self.text[self.pos..self.pos + n].chars().count()
        };
        self.pos += n;
    }

    /// Reads one record up to and including its newline.
    fn record(&mut self, src: &SourceFile) -> Result<Record<'a>, Diagnostic> {
        let line = self.line;
        let mut cells = Vec::with_capacity(self.width);
        loop {
            cells.push(self.field(src)?);
            match self.rest().as_bytes().first() {
                Some(b',') => {
                    self.pos += 1;
                    self.column += 1;
                }
                Some(_) => {
                    // The newline that ends the record.
                    self.pos += 1;
                    self.line += 1;
                    self.column = 1;
                    return Ok(Record { line, cells });
                }
                None => return Ok(Record { line, cells }),
            }
        }
    }

    /// Reads one field, stopping before the `,` or newline that ends it.
    fn field(&mut self, src: &SourceFile) -> Result<Field<'a>, Diagnostic> {
        let rest = self.rest();
        let pad = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if !rest[pad..].starts_with('"') {
            let end = rest
                .as_bytes()
                .iter()
                .position(|&b| b == b',' || b == b'\n')
                .unwrap_or(rest.len());
            let raw = &rest[..end];
            let (line, column) = (self.line, self.column);
            self.advance_in_line(end);
            return Ok(trimmed(Cow::Borrowed(raw), line, column));
        }
        self.advance_in_line(pad);
        let (qline, qcol) = (self.line, self.column);
        self.advance_in_line(1);
        let (line, column) = (self.line, self.column);
        let mut value: Cow<'a, str> = Cow::Borrowed("");
        let mut closing_opens_a_field;
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
            let piece = &self.rest()[..q];
            // Whether this quote stands where a field starts (after `,` or a line break).
            closing_opens_a_field = piece.trim_end_matches([' ', '\t']).ends_with([',', '\n']);
            if value.is_empty() {
                value = Cow::Borrowed(piece);
            } else {
                value.to_mut().push_str(piece);
            }
            self.advance(q + 1);
            if self.rest().starts_with('"') {
                value.to_mut().push('"');
                self.advance_in_line(1);
            } else {
                break;
            }
        }
        let after = self.rest();
        let pad = after.len() - after.trim_start_matches([' ', '\t']).len();
        self.advance_in_line(pad);
        let rest = self.rest();
        if !(rest.is_empty() || rest.starts_with([',', '\n'])) {
            let (l, c) = (self.line, self.column);
            let end = rest.find([',', '\n']).unwrap_or(rest.len());
            let whole = format!("\"{value}\"{}", &after[..pad + end]);
            if l > qline && closing_opens_a_field {
                // The quote "closed" on a later line, by another value's opening quote: the
                // real mistake is a quote never closed where it opened.
                self.errors.push(
                    Diagnostic::at(
                        src.path.to_path_buf(),
                        qline,
                        format!(
                            "this quote is not closed on its line: the value runs on to line {l}, where another quote ends it"
                        ),
                    )
                    .column(qcol)
                    .snippet(src.line(qline))
                    .help("end the quoted value with `\"` on this line; if the quote is part of the text, write it twice (`\"\"`) inside a quoted value, or leave the value unquoted"),
                );
                value.to_mut().push_str(&after[..pad + end]);
                self.advance_in_line(end);
                return Ok(trimmed(value, line, column));
            }
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
            value.to_mut().push_str(&after[..pad + end]);
            self.advance_in_line(end);
        }
        Ok(trimmed(value, line, column))
    }
}

/// A cell of `raw` starting at `line`/`column`, trimmed, its position moved past leading
/// whitespace (which may include newlines inside quotes).
fn trimmed(raw: Cow<'_, str>, mut line: usize, mut column: usize) -> Field<'_> {
    // Most cells start and end with a visible ASCII character: nothing to trim or move.
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b.is_ascii());
    if raw.is_empty() || visible(raw.as_bytes().first()) && visible(raw.as_bytes().last()) {
        return Field {
            value: raw,
            line,
            column,
        };
    }
    let lead = raw.len() - raw.trim_start().len();
    let skipped = &raw[..lead];
    match skipped.rsplit_once('\n') {
        Some((before, after)) => {
            line += before.matches('\n').count() + 1;
            column = after.chars().count() + 1;
        }
        None => column += skipped.chars().count(),
    }
    let value = match raw {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) if lead == 0 && s.trim_end().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    };
    Field {
        value,
        line,
        column,
    }
}

pub mod chunks;
mod owned;

#[cfg(test)]
mod tests;
