//! Finds the line of a table or key in `candor.toml`, so errors in `[audit]` point at it.
//!
//! The parsed [`Config`](crate::config::Config) keeps no positions; this light scan of the text
//! recovers them for the common layouts (`[audit.rules]`, `[[audit.exceptions]]` blocks).
//! When a layout is not recognised the caller reports the file without a line.

/// One scanned line: which table it sits in and which key it sets, if any.
struct Line<'a> {
    number: usize,
    /// The table header in force, without brackets or spaces (`audit.rules`).
    table: String,
    /// For `[[array]]` tables: 0-based index of the current item.
    item: usize,
    /// Whether this line is the table header itself.
    header: bool,
    key: Option<&'a str>,
}

fn scan(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut table = String::new();
    let mut counts: crate::hash::FastMap<String, usize> = Default::default();
    let mut item = 0;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with('[') {
            let array = line.starts_with("[[");
            let inner: String = line
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            table = inner;
            item = if array {
                let n = counts.entry(table.clone()).or_insert(0);
                *n += 1;
                *n - 1
            } else {
                0
            };
            out.push(Line {
                number: i + 1,
                table: table.clone(),
                item,
                header: true,
                key: None,
            });
            continue;
        }
        let key = line
            .split_once('=')
            .map(|(k, _)| k.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|k| !k.is_empty() && !k.starts_with('#'));
        out.push(Line {
            number: i + 1,
            table: table.clone(),
            item,
            header: false,
            key,
        });
    }
    out
}

/// The line of `key = ...` in `[table]`, or of the header when `key` is `None`.
pub fn key_line(text: &str, table: &str, key: Option<&str>) -> Option<usize> {
    find(text, table, None, key)
}

/// The line of `key = ...` in the `item`-th `[[table]]` block (or of its header).
pub fn item_line(text: &str, table: &str, item: usize, key: Option<&str>) -> Option<usize> {
    find(text, table, Some(item), key)
}

fn find(text: &str, table: &str, item: Option<usize>, key: Option<&str>) -> Option<usize> {
    scan(text)
        .into_iter()
        .filter(|l| l.table == table && item.is_none_or(|n| n == l.item))
        .find(|l| match key {
            Some(k) => l.key == Some(k),
            None => l.header,
        })
        .map(|l| l.number)
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
        assert_eq!(key_line(TEXT, "audit", Some("fail_on")), Some(3));
        assert_eq!(
            key_line(TEXT, "audit.rules", Some("vague-purpose")),
            Some(5)
        );
        assert_eq!(
            key_line(TEXT, "audit.rules", Some("unbounded-retention")),
            Some(6)
        );
        assert_eq!(key_line(TEXT, "audit.rules", Some("title")), None);
    }

    #[test]
    fn finds_array_items_and_their_keys() {
        assert_eq!(item_line(TEXT, "audit.exceptions", 0, None), Some(7));
        assert_eq!(item_line(TEXT, "audit.exceptions", 1, None), Some(10));
        assert_eq!(
            item_line(TEXT, "audit.exceptions", 1, Some("element")),
            Some(12)
        );
        assert_eq!(
            item_line(TEXT, "audit.exceptions", 0, Some("element")),
            None
        );
        assert_eq!(item_line(TEXT, "audit.exceptions", 2, None), None);
    }
}
