//! A site file read into memory as UTF-8 text, with the line index diagnostics need.
//!
//! Excel exports are welcome: a UTF-8 byte order mark is dropped and CRLF (or old Mac CR) line
//! ends become `\n`. Anything that is not UTF-8 is an error pointing at the first bad byte.

use std::path::Path;
use std::sync::Arc;

use crate::diag::Diagnostic;

/// One file's text (relative path, normalised newlines) and where each line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: Arc<Path>,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps text already in memory; `path` is relative to the site root.
    pub fn new(path: Arc<Path>, text: &str) -> SourceFile {
        SourceFile::from_string(path, text.to_string())
    }

    /// Wraps text already in memory, normalising it in place when it can (a large file is
    /// then never held twice).
    fn from_string(path: Arc<Path>, mut text: String) -> SourceFile {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if text.contains('\r') {
            text = text.replace("\r\n", "\n").replace('\r', "\n");
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// Reads `root/rel` as UTF-8; the diagnostic names `rel`.
    pub fn read(root: &Path, rel: &Path) -> Result<SourceFile, Diagnostic> {
        let bytes = super::fs::read_regular(&root.join(rel))
            .map_err(|e| Diagnostic::file(rel, format!("cannot read {}: {e}", rel.display())))?;
        match String::from_utf8(bytes) {
            Ok(text) if !is_utf16(text.as_bytes()) => {
                Ok(SourceFile::from_string(Arc::from(rel), text))
            }
            Ok(text) => SourceFile::from_bytes(rel, text.as_bytes()),
            Err(e) => SourceFile::from_bytes(rel, e.as_bytes()),
        }
    }

    /// The file `rel` (relative to the site root) from its raw bytes, exactly as [`read`]
    /// would see them: bytes that are not UTF-8 are an error naming the first bad one.
    ///
    /// [`read`]: SourceFile::read
    pub fn from_bytes(rel: &Path, bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
        decode(bytes, rel).map(|text| SourceFile::new(Arc::from(rel), text))
    }

    /// The text of a 1-based line, without its newline; empty past the end.
    pub fn line(&self, line: usize) -> &str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.line_starts.get(i)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        &self.text[start..end.max(start)]
    }
}

/// Bytes -> `&str`, or an error naming the line and column of the first byte that is not UTF-8.
fn decode<'a>(bytes: &'a [u8], rel: &Path) -> Result<&'a str, Diagnostic> {
    if is_utf16(bytes) {
        return Err(Diagnostic::file(
            rel,
            format!("{} is UTF-16 text; candor reads UTF-8", rel.display()),
        )
        .help(SAVE_AS_UTF8));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let prefix = String::from_utf8_lossy(&good[line_start..]);
        let column = prefix.chars().count() + 1;
        let bad = bytes[e.valid_up_to()];
        let line_end = bytes[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| line_start + i);
        let snippet = String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned();
        let guess = if bad >= 0xa0 {
            format!(
                " (in Windows-1252 or Latin-1 it would be `{}`)",
                char::from(bad)
            )
        } else {
            String::new()
        };
        Diagnostic::at(
            rel,
            line,
            format!(
                "{} is not valid UTF-8: byte 0x{bad:02X}{guess}",
                rel.display()
            ),
        )
        .column(column)
        .snippet(snippet)
        .help(SAVE_AS_UTF8)
    })
}

/// Whether `bytes` start with a UTF-16 byte order mark.
fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

const SAVE_AS_UTF8: &str =
    "save the file as UTF-8 (in Excel: File > Save As > \"CSV UTF-8 (Comma delimited)\")";

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> SourceFile {
        SourceFile::new(Arc::from(Path::new("a.csv")), text)
    }

    #[test]
    fn strips_bom_and_normalises_newlines() {
        let s = src("\u{feff}a,b\r\nc,d\re\n");
        assert_eq!(s.text, "a,b\nc,d\ne\n");
        assert_eq!(s.line(1), "a,b");
        assert_eq!(s.line(2), "c,d");
        assert_eq!(s.line(3), "e");
        assert_eq!(s.line(4), "");
        assert_eq!(s.line(0), "");
        assert_eq!(s.line(99), "");
    }

    #[test]
    fn non_utf8_names_line_column_and_latin1_guess() {
        let d = decode(b"id,name\nx,Caf\xe9\n", Path::new("content/systems.csv")).unwrap_err();
        assert_eq!(d.line, Some(2));
        assert_eq!(d.column, Some(6));
        assert!(d.message.contains("byte 0xE9"), "{}", d.message);
        assert!(d.message.contains("`é`"), "{}", d.message);
        assert_eq!(d.snippet.as_deref(), Some("x,Caf\u{fffd}"));
        assert!(d.help.unwrap().contains("CSV UTF-8"));
    }

    #[test]
    fn utf16_is_named() {
        let d = decode(b"\xff\xfei\x00d\x00", Path::new("a.csv")).unwrap_err();
        assert!(d.message.contains("UTF-16"), "{}", d.message);
    }
}
