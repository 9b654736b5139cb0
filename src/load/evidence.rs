//! Scanner reports: what code scanners saw the application handle and send, read from
//! `content/evidence/*.json|*.csv` and `candor check --evidence FILE`. The format is
//! recognised by its shape: a Bearer CLI privacy report, a Privado `privado.json`, or a plain
//! CSV (`data_type, third_party, location, system`). Malformed files are input errors.

mod bearer;
mod csv;
pub mod map;
mod privado;

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use serde_json::Value;

use crate::diag::Diagnostic;
pub use crate::model::evidence::{Detection, EvidenceFile, Scanner};

/// Evidence files larger than this are refused (a hostile or runaway report).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// At most this many detections are read from one file; more is an error.
pub const MAX_DETECTIONS: usize = 100_000;

/// Reads the site's evidence files (`files`, relative to `root`, already allowed by the
/// filesystem rule) and those named on the command line; every problem goes to `errors`.
pub fn load_all(
    root: &Path,
    files: &[std::path::PathBuf],
    extra: &[std::path::PathBuf],
    errors: &mut Vec<Diagnostic>,
) -> Vec<EvidenceFile> {
    let site = files.iter().map(|rel| read(&root.join(rel), rel));
    let given = extra.iter().map(|p| read(p, p));
    let mut out = Vec::new();
    for r in site.chain(given) {
        match r {
            Ok(f) => out.push(f),
            Err(mut e) => errors.append(&mut e),
        }
    }
    out
}

/// Reads the evidence file at `path` (already allowed by the filesystem rule, or named on the
/// command line); `shown` names it in diagnostics.
pub fn read(path: &Path, shown: &Path) -> Result<EvidenceFile, Vec<Diagnostic>> {
    let one = |d: Diagnostic| vec![d];
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_BYTES => {
            return Err(one(Diagnostic::file(
                shown,
                format!(
                    "{} is {} MB, more than the {} MB candor reads from an evidence file",
                    shown.display(),
                    m.len() / (1024 * 1024),
                    MAX_BYTES / (1024 * 1024)
                ),
            )
            .help("scan a smaller part of the code, or split the report")))
        }
        Ok(_) => {}
        Err(e) => {
            return Err(one(Diagnostic::file(
                shown,
                format!("cannot read {}: {e}", shown.display()),
            )))
        }
    }
    let bytes = super::fs::read_regular(path).map_err(|e| {
        one(Diagnostic::file(
            shown,
            format!("cannot read {}: {e}", shown.display()),
        ))
    })?;
    let src = super::SourceFile::from_bytes(shown, &bytes).map_err(one)?;
    parse(&src)
}

/// Parses evidence text by its shape: JSON (Bearer or Privado) or CSV.
pub fn parse(src: &super::SourceFile) -> Result<EvidenceFile, Vec<Diagnostic>> {
    let shown: &Path = &src.path;
    let name = shown
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_csv = shown
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"));
    let trimmed = src.text.trim_start();
    let (scanner, scanned, detections) = if !is_csv && trimmed.starts_with('{') {
        let value: Value = serde_json::from_str(&src.text).map_err(|e| {
            vec![Diagnostic::at(shown, e.line().max(1), format!("{} is not valid JSON: {e}", shown.display()))
                .column(e.column().max(1))
                .snippet(src.line(e.line().max(1)))
                .help("an evidence file is a Bearer privacy report (`bearer scan . --report privacy --format json`), a Privado privado.json, or a CSV")]
        })?;
        json(src, &value)?
    } else if is_csv {
        (Scanner::Csv, None, csv::parse(src)?)
    } else {
        return Err(vec![Diagnostic::file(
            shown,
            format!("{} is neither a JSON scanner report nor a CSV file", shown.display()),
        )
        .help("an evidence file is a Bearer privacy report (JSON), a Privado privado.json, or a CSV with the columns data_type, third_party, location, system")]);
    };
    if detections.len() > MAX_DETECTIONS {
        return Err(vec![Diagnostic::file(
            shown,
            format!(
                "{} has {} detections, more than the {MAX_DETECTIONS} candor reads from one file",
                shown.display(),
                detections.len()
            ),
        )]);
    }
    Ok(EvidenceFile {
        path: Arc::clone(&src.path),
        name,
        scanner,
        scanned,
        systems: Vec::new(),
        detections,
    })
}

type Parsed = (Scanner, Option<Date>, Vec<Detection>);

/// A JSON report: Bearer has `subjects` / `third_party`, Privado `sources` / `dataFlow`.
fn json(src: &super::SourceFile, v: &Value) -> Result<Parsed, Vec<Diagnostic>> {
    let shown: &Path = &src.path;
    let obj = v.as_object();
    let has = |k: &str| obj.is_some_and(|o| o.contains_key(k));
    if has("subjects") || has("third_party") {
        Ok((Scanner::Bearer, None, bearer::parse(src, v)?))
    } else if has("sources") || has("dataFlow") {
        let (date, d) = privado::parse(src, v)?;
        Ok((Scanner::Privado, date, d))
    } else {
        Err(vec![Diagnostic::at(shown, 1, format!(
            "{} is JSON but not a scanner report candor knows: expected `subjects` and `third_party` (Bearer privacy report) or `sources` and `dataFlow` (Privado)",
            shown.display()
        ))
        .help("run `bearer scan . --report privacy --format json --output FILE`, or use Privado's .privado/privado.json")])
    }
}

/// Problems with the shape of a JSON report, collected: each names its JSON pointer.
pub(crate) struct Shape<'a> {
    pub src: &'a super::SourceFile,
    pub errors: Vec<Diagnostic>,
    /// Where the search for the next detection's line starts (detections come in file order).
    cursor: usize,
    /// Set once a needle is not found: lines are then no longer searched.
    lost: bool,
    /// The byte offset up to which newlines are counted, and the line there.
    counted: usize,
    line: usize,
}

impl<'a> Shape<'a> {
    pub fn new(src: &'a super::SourceFile) -> Shape<'a> {
        Shape {
            src,
            errors: Vec::new(),
            cursor: 0,
            lost: false,
            counted: 0,
            line: 1,
        }
    }

    /// Reports that the value at `pointer` is not what was expected.
    pub fn wrong(&mut self, pointer: &str, expected: &str, near: &str) {
        let line = self.line_of(near);
        let shown: &Path = &self.src.path;
        self.errors.push(
            Diagnostic::at(
                shown,
                line,
                format!("{}: `{pointer}` should be {expected}", shown.display()),
            )
            .snippet(self.src.line(line)),
        );
    }

    /// The array at `key` of `v` (absent: empty), or an error.
    pub fn array<'v>(&mut self, v: &'v Value, key: &str, pointer: &str) -> &'v [Value] {
        match v.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(a)) => a,
            Some(_) => {
                self.wrong(&format!("{pointer}/{key}"), "a list", &format!("\"{key}\""));
                &[]
            }
        }
    }

    /// The text at `key` of `v`, `None` when absent; other types are an error.
    pub fn text(&mut self, v: &Value, key: &str, pointer: &str) -> Option<String> {
        match v.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Some(_) => {
                self.wrong(&format!("{pointer}/{key}"), "text", &format!("\"{key}\""));
                None
            }
        }
    }

    /// The best-effort 1-based line of the next occurrence of `needle` (a JSON string or key
    /// as written), from where the last one was found; the last line found when absent.
    pub fn line_of(&mut self, needle: &str) -> usize {
        let text = &self.src.text;
        let from = self.cursor.min(text.len());
        // A needle not found (written with other escapes) stops the search for good: one
        // miss costs one scan of the rest, never one per detection.
        let found = if self.lost {
            None
        } else {
            text[from..].find(needle)
        };
        let at = match found {
            Some(i) => {
                self.cursor = from + i + needle.len();
                from + i
            }
            None => {
                self.lost = true;
                from
            }
        };
        // Lines are counted once, forward: `at` never goes back.
        let counted = self.counted.min(at);
        self.line += text[counted..at].matches('\n').count();
        self.counted = at.max(self.counted);
        self.line
    }

    pub fn finish<T>(self, value: T) -> Result<T, Vec<Diagnostic>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
}

/// A string as it appears in JSON text (quoted, escaped), for [`Shape::line_of`].
pub(crate) fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

#[cfg(test)]
mod tests;
