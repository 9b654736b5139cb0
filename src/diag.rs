//! Diagnostics: every problem with a site's input, carrying where it is and how to fix it.
//!
//! Loaders and the linker collect [`Diagnostic`]s instead of stopping at the first one, so a
//! run reports every error together, sorted by file and line.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a record came from: a file (relative to the site root) and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin {
    pub file: Arc<Path>,
    pub line: usize,
}

impl Origin {
    pub fn new(file: &Arc<Path>, line: usize) -> Self {
        Origin {
            file: Arc::clone(file),
            line,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

/// One problem in the input: what is wrong, where, and what would fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong and what was expected, in one sentence.
    pub message: String,
    /// The offending source line, shown under the location.
    pub snippet: Option<String>,
    /// How to fix it, e.g. "did you mean `purpose`?".
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem with a whole file (no line).
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            snippet: None,
            help: None,
        }
    }

    /// A problem at a line of a file.
    pub fn at(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line: Some(line),
            ..Diagnostic::file(file, message)
        }
    }

    /// A problem at the origin of a record.
    pub fn at_origin(origin: &Origin, message: impl Into<String>) -> Self {
        Diagnostic::at(origin.file.to_path_buf(), origin.line, message)
    }

    pub fn column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds help only when there is some (e.g. an optional "did you mean").
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    pub fn snippet(mut self, line_text: impl Into<String>) -> Self {
        self.snippet = Some(line_text.into());
        self
    }

    fn sort_key(&self) -> (&Path, usize, usize) {
        (&self.file, self.line.unwrap_or(0), self.column.unwrap_or(0))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, 0)
    }
}

impl Diagnostic {
    /// The width of the snippet's line number, 0 without a snippet.
    fn gutter(&self) -> usize {
        match (self.line, &self.snippet) {
            (Some(line), Some(_)) => line.to_string().len(),
            _ => 0,
        }
    }

    /// The diagnostic with its snippet's gutter at least `gutter` wide, so that the bars of
    /// several diagnostics printed together line up.
    fn write(&self, f: &mut fmt::Formatter<'_>, gutter: usize) -> fmt::Result {
        writeln!(f, "error: {}", visible(&self.message))?;
        write!(f, "  --> {}", visible(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        writeln!(f)?;
        if let (Some(line), Some(text)) = (self.line, &self.snippet) {
            let gutter = gutter.max(self.gutter());
            let (shown, caret) = window(&visible(text.trim_end()), self.column);
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{line:>gutter$} | {shown}")?;
            match caret {
                Some(pad) => writeln!(f, "{:gutter$} | {:pad$}^", "", "")?,
                None => writeln!(f, "{:gutter$} |", "")?,
            }
        }
        if let Some(help) = &self.help {
            writeln!(f, "   = help: {}", visible(help))?;
        }
        Ok(())
    }
}

/// `text` with control characters (other than tab) drawn as visible symbols (NUL as `␀`,
/// a newline as `␊`), one character for one, so that input can neither hide itself nor send
/// escape sequences to the terminal, and columns still line up.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\t' => c,
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Widest stretch of a source line shown under a diagnostic, in characters.
const SNIPPET_WIDTH: usize = 90;

/// The part of a line to show and the caret's offset in it: long lines are cut to a window
/// around the column, with `…` marking what was left out.
fn window(text: &str, column: Option<usize>) -> (String, Option<usize>) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let col = column.filter(|&c| c > 0).map(|c| (c - 1).min(chars.len()));
    if chars.len() <= SNIPPET_WIDTH {
        return (chars.iter().collect(), col);
    }
    let at = col.unwrap_or(0);
    let start = at.saturating_sub(SNIPPET_WIDTH / 3);
    let end = (start + SNIPPET_WIDTH).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, col.map(|c| c - start + usize::from(start > 0)))
}

/// All the problems found in one run, reported together.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file, line and column; exact duplicates removed.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
        self
    }

    /// `Ok(value)` when nothing was reported, else every diagnostic, sorted.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.sorted())
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// How many diagnostics a command prints by default (`--max-errors`); the count covers all.
pub const DEFAULT_MAX_ERRORS: usize = 200;

/// Every diagnostic with aligned gutters, then the count; "nothing was written" only for a
/// command that writes (`check` never does, so saying it there would mislead).
impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.report(true).fmt(f)
    }
}

impl Diagnostics {
    /// The report a command prints: `writes` says whether the command would have written
    /// files (then the report ends by saying that nothing was). All diagnostics are shown
    /// unless [`Report::max`] caps them.
    pub fn report(&self, writes: bool) -> Report<'_> {
        Report {
            diags: self,
            writes,
            max: 0,
        }
    }
}

/// [`Diagnostics::report`].
pub struct Report<'a> {
    diags: &'a Diagnostics,
    writes: bool,
    max: usize,
}

impl Report<'_> {
    /// At most `max` diagnostics (0: all), then a line saying how many more there are.
    pub fn max(mut self, max: usize) -> Self {
        self.max = max;
        self
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all = &self.diags.0;
        let shown = if self.max == 0 {
            all.len()
        } else {
            self.max.min(all.len())
        };
        let gutter = all[..shown]
            .iter()
            .map(Diagnostic::gutter)
            .max()
            .unwrap_or(0);
        for d in &all[..shown] {
            d.write(f, gutter)?;
            writeln!(f)?;
        }
        let hidden = all.len() - shown;
        if hidden > 0 {
            writeln!(
                f,
                "... and {hidden} more error{} not shown (`--max-errors 0` shows all)\n",
                if hidden == 1 { "" } else { "s" }
            )?;
        }
        let n = all.len();
        let s = if n == 1 { "" } else { "s" };
        if self.writes {
            write!(f, "{n} error{s} found; nothing was written.")
        } else {
            write!(f, "{n} error{s} found.")
        }
    }
}

impl std::error::Error for Diagnostics {}

/// The nearest candidate to `input` when it is close enough to be a likely typo.
pub fn suggest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let input_lc = input.to_ascii_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&input_lc, &c.to_ascii_lowercase());
        let close = strsim::levenshtein(&input_lc, &c.to_ascii_lowercase())
            <= (input.len().max(3) / 3).max(1);
        if (score >= 0.85 || close) && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// "did you mean `x`?" for the nearest candidate, if any.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    suggest(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// The top-level error of a command: bad input (exit 2) or a failure around it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site's input is invalid; every problem is listed.
    #[error("{0}")]
    Invalid(Diagnostics),
    /// A file or directory could not be read or written.
    #[error("{action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A template failed to parse or render.
    #[error("template error: {0}")]
    Template(String),
    /// The command line asked for something that cannot be done.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl From<Diagnostics> for Error {
    fn from(d: Diagnostics) -> Self {
        Error::Invalid(d)
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Invalid(d.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let cols = ["element", "purpose", "legal_basis", "retention"];
        assert_eq!(suggest("purpse", cols), Some("purpose"));
        assert_eq!(suggest("legalbasis", cols), Some("legal_basis"));
        assert_eq!(suggest("colour", cols), None);
    }

    #[test]
    fn renders_location_snippet_and_help() {
        let d = Diagnostic::at(
            "content/inventory/a.csv",
            3,
            "unknown retention policy `P30`",
        )
        .column(5)
        .snippet("a,b,c,d,P30")
        .help("did you mean `p30`?");
        let text = d.to_string();
        assert!(text.contains("--> content/inventory/a.csv:3:5"), "{text}");
        assert!(text.contains("3 | a,b,c,d,P30"), "{text}");
        assert!(text.contains("  |     ^"), "{text}");
        assert!(text.contains("= help: did you mean `p30`?"), "{text}");
    }

    #[test]
    fn gutters_of_a_report_align_to_the_widest_line_number() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::at("a.csv", 9, "first").column(1).snippet("x,y"));
        all.push(
            Diagnostic::at("a.csv", 120, "second")
                .column(3)
                .snippet("x,y"),
        );
        let text = all.report(false).to_string();
        assert!(text.contains("\n    |\n  9 | x,y\n    | ^\n"), "{text}");
        assert!(text.contains("\n    |\n120 | x,y\n    |   ^\n"), "{text}");
        assert!(text.ends_with("2 errors found."), "{text}");
        assert!(all
            .report(true)
            .to_string()
            .ends_with("; nothing was written."));
    }

    #[test]
    fn control_characters_are_drawn_visibly_and_keep_columns() {
        let d = Diagnostic::at("a.csv", 2, "element id `a\0b` is not valid")
            .column(5)
            .snippet("a\0b,\x1b[31mred")
            .help("x\u{9b}y");
        let text = d.to_string();
        assert!(text.contains("`a\u{2400}b`"), "{text}");
        assert!(text.contains("2 | a\u{2400}b,\u{241b}[31mred"), "{text}");
        assert!(text.contains("  |     ^"), "{text}");
        assert!(text.contains("help: x\u{fffd}y"), "{text}");
        assert!(!text.contains('\x1b') && !text.contains('\0'), "{text}");
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}BAD{}", "a,".repeat(100), ",b".repeat(100));
        let d = Diagnostic::at("x.csv", 2, "bad").column(201).snippet(line);
        let text = d.to_string();
        let shown = text.lines().find(|l| l.starts_with("2 | ")).unwrap();
        let caret = text.lines().find(|l| l.ends_with('^')).unwrap();
        assert!(shown.starts_with("2 | …") && shown.ends_with('…'), "{text}");
        assert_eq!(
            shown.chars().nth(caret.chars().count() - 1),
            Some('B'),
            "{text}"
        );
    }

    #[test]
    fn sorts_by_file_then_line() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::at("b.csv", 1, "x"));
        ds.push(Diagnostic::at("a.csv", 9, "y"));
        ds.push(Diagnostic::at("a.csv", 2, "z"));
        let lines: Vec<_> = ds.sorted().iter().map(|d| d.message.clone()).collect();
        assert_eq!(lines, ["z", "y", "x"]);
    }
}
