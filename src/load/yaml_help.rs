//! Plain-language help for YAML parser messages: what the parser's words mean for someone
//! writing front matter, and the fix that usually applies.

/// A YAML error in words for someone writing front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub message: String,
    pub help: Option<String>,
    /// Where the cause is, when it is not where the parser stopped: 1-based line and column
    /// within the YAML.
    pub cause: Option<(usize, usize)>,
}

/// Explains the parser's `message` for an error at 1-based `line` of `yaml`.
pub fn explain(message: &str, yaml: &str, line: usize) -> Explained {
    if let Some((open_line, column, open)) = unclosed_bracket(yaml, line) {
        let close = if open == '[' { ']' } else { '}' };
        let what = if open == '[' { "list" } else { "mapping" };
        return Explained {
            message: format!("this `{open}` is never closed"),
            help: Some(format!(
                "end the {what} with `{close}` on this line; without it, the lines after it are read as part of the {what}"
            )),
            cause: Some((open_line, column)),
        };
    }
    let (message, help) = plain(message, line);
    Explained {
        message,
        help,
        cause: None,
    }
}

fn plain(message: &str, line: usize) -> (String, Option<String>) {
    let help = |h: &str| Some(h.to_string());
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
    {
        return (
            format!("found {}; expected {expected}", in_words(found)),
            None,
        );
    }
    let (text, hint) = match message {
        m if m.contains("duplicate mapping key") => (
            m.replace(" is not allowed here", " appears twice"),
            help("each field may appear once: keep one of them"),
        ),
        m if m.contains("too large or too complex") => (
            "the front matter is too large or too complex to read".to_string(),
            help("keep the front matter to short fields (a `*` reference may expand to many copies); long text belongs in the Markdown body below it"),
        ),
        m if m.contains("found a tab") => (
            m.to_string(),
            help("use spaces instead of tab characters here: YAML does not allow tabs for indentation or around values"),
        ),
        m if m.contains("mapping values are not allowed") => (
            "unexpected `:` here".to_string(),
            help("a value that contains `: ` must be quoted, e.g. summary: \"Note: weekly\"; if this line starts a new field, indent it like the fields around it"),
        ),
        m if m.contains("block sequence entries are not allowed") => (
            "a `- ` list cannot start on the same line as its key".to_string(),
            help("put each item on its own line under the key, indented (`limitations:` then `  - first`), or write the list inline: `[first, second]`"),
        ),
        m if m.contains("invalid floating point") || m.contains("invalid integer") => (
            "expected a number here".to_string(),
            help("write a plain number such as `0.31`, without quotes or units"),
        ),
        m if m.contains("expected string scalar") => (
            "expected a single text value here, not a list or a mapping".to_string(),
            help("if the brackets are part of the text, quote it: name: \"[beta] recommender\""),
        ),
        m if m.contains("expected mapping start") && line <= 1 => (
            "expected `key: value` fields, one per line".to_string(),
            help("write one field per line, e.g. `name: Style recommender`"),
        ),
        m if m.contains("expected mapping start") => (
            "expected `key: value` fields here".to_string(),
            help("write the fields in braces, e.g. training_data: { description: ..., elements: [a, b] }"),
        ),
        m if m.contains("unclosed quote") => (
            "this quote is never closed".to_string(),
            help("end the quoted text with the same quote mark; inside '...' write a single quote as ''"),
        ),
        m if m.contains("reference to unknown value") => (
            "`*` starts a reference to an anchor (`&name`) that is not defined".to_string(),
            help("if the `*` is part of the text, quote it: \"*new* model\""),
        ),
        m if m.contains("expected an array of length 2") => (
            "expected two numbers here: [low, high]".to_string(),
            help("write the confidence interval as `ci: [0.29, 0.33]`"),
        ),
        m if m.contains("missing field `value`") || m.contains("missing field `name`") => (
            m.to_string(),
            help("each metric needs a name and a value, e.g. { name: precision_at_10, value: 0.31 }"),
        ),
        m if m.contains("missing field `risk`") => (
            m.to_string(),
            help("each ethical consideration names a risk, e.g. { risk: ..., mitigation: ... }"),
        ),
        m => (m.to_string(), None),
    };
    (text, hint)
}

/// serde's name for a YAML value, in words.
fn in_words(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    match kind {
        "map" => "a mapping (`key: value` fields)".to_string(),
        "sequence" => "a list".to_string(),
        "unit" | "null" => "nothing".to_string(),
        "string" => format!("the text {value}"),
        "integer" | "floating" | "boolean" | "bool" => format!(
            "`{}`",
            found.rsplit(' ').next().unwrap_or(found).trim_matches('`')
        ),
        _ => found.to_string(),
    }
}

/// The (1-based YAML line, column, bracket) of the innermost `[` or `{` still open at the
/// start of `line`, ignoring brackets inside quotes and comments.
fn unclosed_bracket(yaml: &str, line: usize) -> Option<(usize, usize, char)> {
    let mut open: Vec<(usize, usize, char)> = Vec::new();
    for (i, text) in yaml.lines().enumerate().take(line.saturating_sub(1)) {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for (col, c) in text.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '#') if prev == ' ' || prev == '\t' => break,
                (None, '"' | '\'')
                    if open.last().is_some() || matches!(prev, ' ' | ':' | '[' | '{' | ',') =>
                {
                    quote = Some(c);
                }
                (None, '[' | '{') => open.push((i + 1, col + 1, c)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            prev = c;
        }
    }
    open.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_list_is_named_at_its_line() {
        let yaml = "name: C\ninputs: [a, b\nstatus: pilot\n";
        let e = explain("illegal placement of ':' indicator", yaml, 3);
        assert_eq!(e.message, "this `[` is never closed");
        assert_eq!(e.cause, Some((2, 9)));
        assert!(e.help.unwrap().starts_with("end the list with `]`"));
        let yaml = "inputs: [a,\n  b]\nx: {y: \"[\"}\nz: ]\n";
        assert_eq!(unclosed_bracket(yaml, 4), None);
        assert_eq!(
            unclosed_bracket("a: {b: [1, 2]\nc: 1\n", 2),
            Some((1, 4, '{'))
        );
        assert_eq!(unclosed_bracket("a: b # [\nc: 1\n", 2), None);
    }

    #[test]
    fn parser_words_become_plain_ones() {
        let e = explain("invalid floating point", "value: high\n", 1);
        assert_eq!(e.message, "expected a number here");
        assert!(e.help.unwrap().contains("0.31"));
        let e = explain("expected mapping start", "just text\n", 1);
        assert_eq!(e.message, "expected `key: value` fields, one per line");
        let e = explain(
            "invalid type: map, expected a list of strings",
            "a: {b: 1}\n",
            1,
        );
        assert_eq!(
            e.message,
            "found a mapping (`key: value` fields); expected a list of strings"
        );
        let e = explain("something new", "a: b\n", 1);
        assert_eq!((e.message.as_str(), e.help), ("something new", None));
    }
}
