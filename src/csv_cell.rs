//! The one CSV writer of every CSV export: each cell is neutralised against spreadsheet formula
//! injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so Excel, LibreOffice and Google Sheets show it as text
//! instead of evaluating it. Quoting (commas, quotes, line breaks) is the `csv` crate's.
//!
//! Negative numbers are prefixed too, as OWASP advises: no export column holds a number a
//! spreadsheet should compute with, and a cell like `-1+1` is a formula, not a number.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `value` as a spreadsheet shows it literally: prefixed with `'` when it starts like a formula.
pub fn neutral(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// A CSV document written record by record, every cell passed through [`neutral`].
pub struct CsvWriter {
    inner: csv::Writer<Vec<u8>>,
}

impl CsvWriter {
    pub fn new() -> Self {
        CsvWriter {
            inner: csv::WriterBuilder::new().from_writer(Vec::new()),
        }
    }

    /// Writes one record.
    pub fn write_record<I, T>(&mut self, record: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let cells: Vec<String> = record
            .into_iter()
            .map(|c| neutral(c.as_ref()).into_owned())
            .collect();
        self.inner.write_record(&cells)
    }

    /// The document as text.
    pub fn finish(self) -> Result<String, csv::Error> {
        let bytes = self.inner.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

impl Default for CsvWriter {
    fn default() -> Self {
        CsvWriter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str]) -> String {
        let mut w = CsvWriter::new();
        w.write_record(cells).unwrap();
        w.finish().unwrap()
    }

    #[test]
    fn formula_cells_are_prefixed_and_quoted() {
        assert_eq!(
            line(&["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)"]),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2,'@SUM(A1)\n"
        );
        assert_eq!(line(&["\tcmd", "\rcmd"]), "'\tcmd,\"'\rcmd\"\n");
        // A formula after a separator cannot start a new cell: the comma is quoted.
        assert_eq!(line(&["a,=1+1"]), "\"a,=1+1\"\n");
    }

    #[test]
    fn ordinary_cells_are_unchanged() {
        assert_eq!(
            line(&["email", "a = b", "", "2026-01-01"]),
            "email,a = b,,2026-01-01\n"
        );
        assert_eq!(neutral("x-y"), "x-y");
    }
}
