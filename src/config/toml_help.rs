//! Plain-language candor.toml errors: the TOML and serde words ("invalid type", "u32",
//! "variant", "basic string") turned into what a site owner needs to change.

use crate::diag::{did_you_mean, Diagnostic};

const PREFIX: &str = "invalid candor.toml: ";

/// Rewrites the diagnostic `d` of a TOML error whose message (the parser's own words) is
/// `raw`; `first` is the line a duplicate key was first set on. Called where the diagnostic
/// is made, from the parser's error itself, never on a finished message.
pub fn explain(raw: &str, first: Option<usize>, mut d: Diagnostic) -> Diagnostic {
    let key = d.snippet.as_deref().and_then(key_of).map(str::to_string);
    let name = key
        .as_deref()
        .map_or("this value".to_string(), |k| format!("`{k}`"));
    let (message, help): (String, Option<String>) = if let Some((found, expected)) = raw
        .strip_prefix("invalid type: ")
        .or_else(|| raw.strip_prefix("invalid value: "))
        .and_then(|r| r.split_once(", expected "))
    {
        let (expected, example) = type_in_words(expected, key.as_deref());
        (
            format!("{name} must be {expected}; found {}", found_in_words(found)),
            example.map(|e| format!("for example `{e}`")),
        )
    } else if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let options: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        (
            format!(
                "{name} must be {}; found `{value}`",
                options
                    .iter()
                    .map(|o| format!("`{o}`"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
            did_you_mean(value, options.iter().copied()),
        )
    } else if raw.starts_with("invalid basic string") || raw.starts_with("invalid literal string") {
        (
            "this text is never closed: its closing quote is missing".to_string(),
            Some("end the text with a quote on the same line; for text over several lines use triple quotes (\"\"\"...\"\"\")".to_string()),
        )
    } else if raw.starts_with("string values must be quoted") {
        (
            format!("the text of {name} must be in quotes"),
            d.snippet
                .as_deref()
                .and_then(|s| s.split_once('='))
                .map(|(k, v)| format!("write `{} = \"{}\"`", k.trim(), v.trim())),
        )
    } else if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (unknown, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        (
            format!("unknown key `{unknown}`"),
            Some(format!("the keys allowed here are {expected}")),
        )
    } else if raw.starts_with("duplicate key") {
        let first = first.map_or(String::new(), |n| format!(" (first on line {n})"));
        let header = d
            .snippet
            .as_deref()
            .map(str::trim)
            .filter(|s| s.starts_with('['));
        let message = match header {
            Some(h) => format!("duplicate key: the table `{h}` appears twice{first}"),
            None => format!("duplicate key: {name} is set twice in the same table{first}"),
        };
        (message, Some("keep one of them".to_string()))
    } else if raw.starts_with("unclosed table") {
        (
            "this table header is never closed".to_string(),
            Some(
                "end it with `]`, e.g. `[review]` (or `]]` for a `[[...]]` list entry)".to_string(),
            ),
        )
    } else if let Some(found) = raw.strip_prefix("expected a date like 2027-06-30, found ") {
        (
            format!("{name} must be a date written YYYY-MM-DD; found {found}"),
            key.as_deref()
                .map(|k| format!("for example `{k} = 2027-06-30`")),
        )
    } else if raw.starts_with("unexpected key or value") {
        (
            "unexpected text after the value".to_string(),
            Some("put each `key = value` on its own line, and the whole text of a value inside its quotes".to_string()),
        )
    } else if raw.starts_with("key with no value") {
        let bare = d.snippet.as_deref().unwrap_or("").trim().to_string();
        (
            format!("`{bare}` has no value"),
            Some(
                "write `key = value`, with text in quotes, e.g. `title = \"Your data\"`"
                    .to_string(),
            ),
        )
    } else {
        return d;
    };
    d.message = format!("{PREFIX}{message}");
    if d.help.is_none() {
        d.help = help;
    }
    d
}

/// The key of a `key = value` line (without the table path).
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim().rsplit('.').next()?.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(['[', ' '])).then_some(key)
}

/// serde's expected type in words, and an example line when the key is known.
fn type_in_words(expected: &str, key: Option<&str>) -> (String, Option<String>) {
    let (words, sample) = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => ("a whole number of 0 or more", "365"),
        "i8" | "i16" | "i32" | "i64" | "isize" => ("a whole number", "1"),
        "f32" | "f64" => ("a number", "0.5"),
        "a boolean" => ("`true` or `false` (without quotes)", "true"),
        "a string" => ("text in quotes", "\"...\""),
        "a map" => ("a table of `key = value` lines", ""),
        "a sequence" => ("a list", "[...]"),
        other => return (other.to_string(), None),
    };
    let example = key
        .filter(|_| !sample.is_empty())
        .map(|k| format!("{k} = {sample}"));
    (words.to_string(), example)
}

/// serde's found value (`string "x"`, `integer `5``, `sequence`) in words.
fn found_in_words(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    match kind {
        "string" => format!("the text {value}"),
        "sequence" => "a list".to_string(),
        "map" => "a table".to_string(),
        "integer" | "boolean" => value.to_string(),
        "floating" => value.trim_start_matches("point ").to_string(),
        _ => found.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A parser error `message` on the line `snippet`, explained.
    fn d(message: &str, snippet: &str) -> Diagnostic {
        let d = Diagnostic::at("candor.toml", 2, format!("{PREFIX}{message}")).snippet(snippet);
        explain(message, None, d)
    }

    #[test]
    fn a_duplicate_key_names_both_lines() {
        let text = "title = \"a\"\n[review]\nmax_age_days = 1\n\n[review]\n";
        let e =
            crate::config::Config::parse(text, std::path::Path::new("candor.toml")).unwrap_err();
        let d = e.into_iter().next().unwrap();
        assert_eq!(d.line, Some(5), "{d}");
        assert!(
            d.message
                .ends_with("duplicate key: the table `[review]` appears twice (first on line 2)"),
            "{d}"
        );
        let text = "title = \"a\"\n[review]\nmax_age_days = 1\nmax_age_days = 2\n";
        let e =
            crate::config::Config::parse(text, std::path::Path::new("candor.toml")).unwrap_err();
        let d = e.into_iter().next().unwrap();
        assert_eq!(d.line, Some(4), "{d}");
        assert!(
            d.message.ends_with(
                "duplicate key: `max_age_days` is set twice in the same table (first on line 3)"
            ),
            "{d}"
        );
        assert!(!d.message.contains("unknown"), "{d}");
    }

    #[test]
    fn types_are_named_in_words_with_an_example() {
        let e = d(
            "invalid type: string \"one year\", expected u32",
            "max_age_days = \"one year\"",
        );
        assert_eq!(
            e.message,
            "invalid candor.toml: `max_age_days` must be a whole number of 0 or more; found the text \"one year\""
        );
        assert_eq!(e.help.as_deref(), Some("for example `max_age_days = 365`"));
        let e = d(
            "invalid value: integer `-5`, expected u32",
            "max_age_days = -5",
        );
        assert!(e.message.ends_with("found `-5`"), "{}", e.message);
        let e = d(
            "invalid type: string \"yes\", expected a boolean",
            "sensitive = \"yes\"",
        );
        assert!(e.message.contains("`true` or `false`"), "{}", e.message);
    }

    #[test]
    fn variants_suggest_and_syntax_errors_say_what_to_write() {
        let e = d(
            "unknown variant `internl`, expected `public` or `internal`",
            "audience = \"internl\"",
        );
        assert_eq!(
            e.message,
            "invalid candor.toml: `audience` must be `public` or `internal`; found `internl`"
        );
        assert_eq!(e.help.as_deref(), Some("did you mean `internal`?"));
        let e = d(
            "string values must be quoted, expected literal string",
            "title = x",
        );
        assert_eq!(e.help.as_deref(), Some("write `title = \"x\"`"));
        let e = d(
            "unknown field `titel`, expected one of `title`, `language`",
            "titel = \"x\"",
        );
        assert_eq!(e.message, "invalid candor.toml: unknown key `titel`");
        assert_eq!(
            e.help.as_deref(),
            Some("the keys allowed here are `title`, `language`")
        );
        let e = d("something else", "a = 1");
        assert_eq!(e.message, "invalid candor.toml: something else");
    }
}
