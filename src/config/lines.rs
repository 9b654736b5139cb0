//! Where each key and table of `candor.toml` is, from the TOML parser's own spans: settings
//! checked after parsing (`[audit]` rules and exceptions) point at their line without the
//! file being read or scanned again.

use std::collections::HashMap;

use toml::de::{DeTable, DeValue};

/// The 1-based line of every key of candor.toml, by its path (`["audit", "rules", "x"]`);
/// an item of an array of tables by its index (`["audit", "exceptions", "1"]`, the line of
/// its `[[audit.exceptions]]` header, or of the item in an inline array).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyLines {
    lines: HashMap<Vec<String>, usize>,
}

impl KeyLines {
    /// The lines of `text`; none when it is not valid TOML (that is reported elsewhere).
    pub fn parse(text: &str) -> KeyLines {
        let mut out = KeyLines::default();
        if let Ok(root) = DeTable::parse(text) {
            let starts = LineStarts::new(text);
            out.walk(root.get_ref(), &mut Vec::new(), &starts);
        }
        out
    }

    /// The line of the key at `path`, or of the header of the table it names.
    pub fn get(&self, path: &[&str]) -> Option<usize> {
        let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
        self.lines.get(&path).copied()
    }

    fn walk(&mut self, table: &DeTable, path: &mut Vec<String>, starts: &LineStarts) {
        for (key, value) in table {
            path.push(key.get_ref().to_string());
            self.lines
                .entry(path.clone())
                .or_insert(starts.line(key.span().start));
            match value.get_ref() {
                DeValue::Table(t) => self.walk(t, path, starts),
                DeValue::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        path.push(i.to_string());
                        self.lines
                            .insert(path.clone(), starts.line(item.span().start));
                        if let DeValue::Table(t) = item.get_ref() {
                            self.walk(t, path, starts);
                        }
                        path.pop();
                    }
                }
                _ => {}
            }
            path.pop();
        }
    }
}

/// The byte offset at which each line starts, to turn a span into a line number.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts)
    }

    /// The 1-based line of byte `at`.
    fn line(&self, at: usize) -> usize {
        self.0.partition_point(|&s| s <= at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title = \"x\"\n\
[audit]\n\
fail_on = \"warning\"\n\
[ audit.rules ]\n\
\"vague-purpose\" = \"off\"\n\
unbounded-retention = \"info\"\n\
[[audit.exceptions]]\n\
rule = \"a\"\n\
\n\
[[audit.exceptions]]\n\
rule = \"b\"\n\
element = \"email\"\n";

    #[test]
    fn finds_keys_in_tables() {
        let l = KeyLines::parse(TEXT);
        assert_eq!(l.get(&["title"]), Some(1));
        assert_eq!(l.get(&["audit"]), Some(2));
        assert_eq!(l.get(&["audit", "fail_on"]), Some(3));
        assert_eq!(l.get(&["audit", "rules"]), Some(4));
        assert_eq!(l.get(&["audit", "rules", "vague-purpose"]), Some(5));
        assert_eq!(l.get(&["audit", "rules", "unbounded-retention"]), Some(6));
        assert_eq!(l.get(&["audit", "rules", "title"]), None);
    }

    #[test]
    fn finds_array_items_and_their_keys() {
        let l = KeyLines::parse(TEXT);
        assert_eq!(l.get(&["audit", "exceptions", "0"]), Some(7));
        assert_eq!(l.get(&["audit", "exceptions", "1"]), Some(10));
        assert_eq!(l.get(&["audit", "exceptions", "1", "element"]), Some(12));
        assert_eq!(l.get(&["audit", "exceptions", "0", "element"]), None);
        assert_eq!(l.get(&["audit", "exceptions", "2"]), None);
    }

    /// Layouts a line scanner missed: dotted keys, inline tables, arrays over lines.
    #[test]
    fn follows_dotted_keys_and_inline_tables() {
        let text = "audit.fail_on = \"error\"\n\
audit.rules = { \"vague-purpose\" = \"off\" }\n\
[other]\n\
list = [\n\
  { rule = \"a\" },\n\
  { rule = \"b\" },\n\
]\n";
        let l = KeyLines::parse(text);
        assert_eq!(l.get(&["audit", "fail_on"]), Some(1));
        assert_eq!(l.get(&["audit", "rules", "vague-purpose"]), Some(2));
        assert_eq!(l.get(&["other", "list", "1"]), Some(6));
        assert_eq!(l.get(&["other", "list", "1", "rule"]), Some(6));
    }

    /// A key of the same name in another table is not the one in error (a line scanner took
    /// the first `accent_color =` of the file).
    #[test]
    fn config_errors_point_at_the_key_in_its_table() {
        let text = "[names]\naccent_color = \"Accent\"\n\n[branding]\naccent_color = \"blue\"\n";
        let e = crate::config::Config::parse(text, std::path::Path::new("candor.toml"))
            .expect_err("not a colour");
        let d = e.into_iter().next().expect("one error");
        assert_eq!(d.line, Some(5), "{d}");
        assert_eq!(d.snippet.as_deref(), Some("accent_color = \"blue\""));
    }

    #[test]
    fn invalid_toml_has_no_lines() {
        assert_eq!(KeyLines::parse("a = ").get(&["a"]), None);
    }
}
