//! Markdown files with YAML front matter: split the `---` block off (done by hand, so a BOM or
//! CRLF line ends are fine) and parse it with serde-saphyr, errors placed in the `.md` file.

use serde::de::DeserializeOwned;
use serde_saphyr::{Location, MessageFormatter, UserMessageFormatter};

use crate::diag::{did_you_mean, Diagnostic};

use super::source::SourceFile;
use super::yaml_help::explain;

/// The parts of a Markdown file with front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// File line of the first YAML line.
    pub yaml_line: usize,
    /// Everything after the closing `---` line.
    pub body: &'a str,
    /// File line where the body starts.
    pub body_line: usize,
}

/// Splits front matter off a Markdown source (BOM and CRLF already normalised by `SourceFile`).
pub fn split<'a>(src: &'a SourceFile, example: &str) -> Result<FrontMatter<'a>, Diagnostic> {
    let text = src.text.as_str();
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(Diagnostic::at(
            src.path.to_path_buf(),
            1,
            "this file has no front matter: it must start with a `---` line",
        )
        .snippet(first)
        .help(format!(
            "start the file with `---`, then YAML fields such as `{example}`, then `---`"
        )));
    }
    let yaml_start = first.len() + 1;
    let mut offset = yaml_start.min(text.len());
    for (line, l) in (2..).zip(text[offset..].split_inclusive('\n')) {
        let bare = l.trim_end();
        if bare == "---" || bare == "..." {
            let body_start = offset + l.len();
            return Ok(FrontMatter {
                yaml: &text[yaml_start.min(offset)..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(Diagnostic::at(
        src.path.to_path_buf(),
        1,
        "the front matter opened here is never closed",
    )
    .snippet(first)
    .help("add a line `---` after the last front-matter field, before the Markdown text"))
}

impl FrontMatter<'_> {
    /// Parses the YAML into `T`; an error names the line and column in the `.md` file.
    pub fn parse<T: DeserializeOwned>(&self, src: &SourceFile) -> Result<T, Diagnostic> {
        let yaml = if self.yaml.trim().is_empty() {
            "{}"
        } else {
            self.yaml
        };
        let options = serde_saphyr::options! { strict_booleans: true };
        serde_saphyr::from_str_with_options(yaml, options).map_err(|e| self.error(src, &e))
    }

    /// The file line of the first top-level `key:` of the YAML (else its first line).
    pub fn key_line(&self, key: &str) -> usize {
        self.yaml
            .lines()
            .position(|l| {
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .map_or(self.yaml_line, |i| self.yaml_line + i)
    }

    /// The file line of the first YAML line containing `text` (else the first YAML line).
    pub fn text_line(&self, text: &str) -> usize {
        self.yaml
            .lines()
            .position(|l| l.contains(text))
            .map_or(self.yaml_line, |i| self.yaml_line + i)
    }

    /// The file line of the first YAML line that is not blank or a comment.
    pub fn first_key_line(&self) -> usize {
        self.yaml
            .lines()
            .position(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map_or(self.yaml_line, |i| self.yaml_line + i)
    }

    /// The file line of a location inside the YAML.
    pub fn line_of(&self, loc: &Location) -> usize {
        self.yaml_line + usize::try_from(loc.line()).unwrap_or(1).max(1) - 1
    }

    /// A diagnostic at a location inside the YAML.
    pub fn at(&self, src: &SourceFile, loc: &Location, message: impl Into<String>) -> Diagnostic {
        let line = self.line_of(loc);
        let mut d = Diagnostic::at(src.path.to_path_buf(), line, message).snippet(src.line(line));
        if loc.column() > 0 {
            d = d.column(usize::try_from(loc.column()).unwrap_or(1));
        }
        d
    }

    fn error(&self, src: &SourceFile, e: &serde_saphyr::Error) -> Diagnostic {
        let inner = e.without_snippet();
        let message = UserMessageFormatter
            .format_message(inner)
            .replace('\n', " ");
        let loc = inner.location().filter(|l| l.line() > 0);
        let yaml_line = loc.map_or(1, |l| usize::try_from(l.line()).unwrap_or(1));
        let why = explain(&message, self.yaml, yaml_line);
        let message = format!("invalid front matter: {}", why.message);
        let mut d = match (why.cause, loc) {
            (Some((line, column)), _) => {
                let line = self.yaml_line + line - 1;
                Diagnostic::at(src.path.to_path_buf(), line, message)
                    .column(column)
                    .snippet(src.line(line))
            }
            (None, Some(loc)) => self.at(src, &loc, message),
            (None, None) => Diagnostic::at(src.path.to_path_buf(), self.yaml_line, message),
        }
        .maybe_help(why.help);
        // serde's "unknown field `x`, expected one of `a`, `b`" -> did you mean
        if let Some((unknown, expected)) = unknown_field(&d.message) {
            d = match did_you_mean(&unknown, expected.iter().map(String::as_str)) {
                Some(help) => d.help(help),
                None if unknown.contains(' ') => d.help(
                    "inside `{ ... }` or `[ ... ]` a comma ends the value: quote text that contains a comma, e.g. description: \"a, b\"",
                ),
                None => d.help(format!("expected one of {}", expected.join(", "))),
            };
        }
        d
    }
}

/// The unknown name and the expected names of a serde "unknown field" message
/// (`unknown field `x`, expected one of a, b` or with the names in backticks).
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.split("unknown field `").nth(1)?;
    let unknown = rest.split('`').next()?.to_string();
    let list = rest.split("expected ").nth(1).unwrap_or("");
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let expected = list
        .split(", ")
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`').to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some((unknown, expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    fn src(text: &str) -> SourceFile {
        SourceFile::new(Arc::from(Path::new("content/models/m.md")), text)
    }

    #[test]
    fn splits_with_bom_and_crlf() {
        let s = src("\u{feff}---\r\nname: x\r\n---\r\n# Body\r\n");
        let fm = split(&s, "name:").unwrap();
        assert_eq!(fm.yaml, "name: x\n");
        assert_eq!(fm.yaml_line, 2);
        assert_eq!(fm.body, "# Body\n");
        assert_eq!(fm.body_line, 4);
    }

    #[test]
    fn empty_front_matter_and_empty_body() {
        let s = src("---\n---");
        let fm = split(&s, "name:").unwrap();
        assert_eq!((fm.yaml, fm.body), ("", ""));
        #[derive(serde::Deserialize)]
        struct T {
            #[allow(dead_code)]
            title: Option<String>,
        }
        assert!(fm.parse::<T>(&s).is_ok());
    }

    #[test]
    fn missing_and_unclosed_front_matter() {
        let d = split(&src("# Title\n"), "title: About").unwrap_err();
        assert!(d.message.contains("no front matter"), "{}", d.message);
        assert!(d.help.unwrap().contains("`title: About`"));
        let d = split(&src("---\ntitle: x\n# Body\n"), "title:").unwrap_err();
        assert_eq!(d.line, Some(1));
        assert!(d.message.contains("never closed"), "{}", d.message);
    }

    #[test]
    fn yaml_errors_are_placed_in_the_md_file() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct T {
            #[allow(dead_code)]
            title: String,
            #[allow(dead_code)]
            weight: Option<i64>,
        }
        let s = src("---\ntitle: x\nweight: heavy\n---\nbody\n");
        let d = split(&s, "").unwrap().parse::<T>(&s).unwrap_err();
        assert_eq!(d.line, Some(3), "{d}");
        assert_eq!(d.column, Some(9), "{d}");
        assert_eq!(d.snippet.as_deref(), Some("weight: heavy"));
        let s = src("---\ntitle: x\nwieght: 1\n---\n");
        let d = split(&s, "").unwrap().parse::<T>(&s).unwrap_err();
        assert_eq!(d.line, Some(3), "{d}");
        assert_eq!(d.help.as_deref(), Some("did you mean `weight`?"), "{d}");
        let s = src("---\ntitle: x\nmeta: { weight: 1, two words }\n---\n");
        #[derive(Debug, serde::Deserialize)]
        struct U {
            #[allow(dead_code)]
            meta: T,
        }
        let d = split(&s, "").unwrap().parse::<U>(&s).unwrap_err();
        assert!(
            d.help
                .as_deref()
                .unwrap()
                .contains("quote text that contains a comma"),
            "{d}"
        );
        let s = src("---\ntitle: [unclosed\n---\n");
        let d = split(&s, "").unwrap().parse::<T>(&s).unwrap_err();
        assert!(d.line.is_some_and(|l| l >= 2), "{d}");
    }
}
