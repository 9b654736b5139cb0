//! JSON sources (Model Card Toolkit, CycloneDX): parsing with errors at file:line:column, and
//! taking fields out of a `Value` so that what is left over can be kept as extra keys.

use std::path::Path;

use serde_json::{Map, Value};

use crate::diag::Diagnostic;

/// Parses JSON text; a syntax error names the line and column and shows the line.
pub fn parse(text: &str, file: &Path, what: &str) -> Result<Value, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let line = e.line().max(1);
        let snippet = text.lines().nth(line - 1).unwrap_or("").to_string();
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        let mut d = Diagnostic::at(file, line, format!("invalid JSON in {what}: {message}"))
            .snippet(snippet)
            .help(format!(
                "{what} files are JSON; check the brackets, commas and quotes around this line"
            ));
        if e.column() > 0 {
            d = d.column(e.column());
        }
        d
    })
}

/// The 1-based line of the first `"key"` in the text (1 when absent), for errors about a
/// field of a parsed document.
pub fn line_of_key(text: &str, key: &str) -> usize {
    let quoted = format!("\"{key}\"");
    text.lines()
        .position(|l| l.contains(&quoted))
        .map_or(1, |i| i + 1)
}

/// Removes `key` from an object and returns it.
pub fn take(v: &mut Value, key: &str) -> Option<Value> {
    v.as_object_mut().and_then(|m| m.remove(key))
}

/// Removes `key` when it holds text (or a number, written as text); anything else stays.
pub fn take_str(v: &mut Value, key: &str) -> Option<String> {
    let text = match v.get(key)? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    take(v, key);
    (!text.is_empty()).then_some(text)
}

/// Removes `key` when it is an array, returning its items; anything else stays.
pub fn take_array(v: &mut Value, key: &str) -> Vec<Value> {
    if v.get(key).is_some_and(Value::is_array) {
        if let Some(Value::Array(items)) = take(v, key) {
            return items;
        }
    }
    Vec::new()
}

/// Removes `key` when it is an object; anything else stays.
pub fn take_object(v: &mut Value, key: &str) -> Option<Value> {
    if v.get(key).is_some_and(Value::is_object) {
        take(v, key)
    } else {
        None
    }
}

/// Text of a value that is a string or a number.
pub fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A number from a JSON number or a numeric string (`"0.9"`): sources disagree on which.
pub fn as_number(v: &Value) -> Option<f64> {
    let n = match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }?;
    n.is_finite().then_some(n)
}

/// Puts a leftover value back under `key` of `rest` unless it is empty.
pub fn put_back(rest: &mut Map<String, Value>, key: &str, v: Value) {
    let empty = match &v {
        Value::Null => true,
        Value::Object(o) => o.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    };
    if !empty {
        rest.insert(key.to_string(), v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn syntax_errors_have_line_column_and_snippet() {
        let d = parse(
            "{\n  \"a\": 1,\n  \"b\": ]\n}",
            Path::new("x.json"),
            "Model Card Toolkit",
        )
        .unwrap_err();
        assert_eq!((d.line, d.column), (Some(3), Some(8)), "{d}");
        assert_eq!(d.snippet.as_deref(), Some("  \"b\": ]"));
        assert!(
            d.message
                .starts_with("invalid JSON in Model Card Toolkit: expected value"),
            "{}",
            d.message
        );
        assert!(!d.message.contains("at line"), "{}", d.message);
    }

    #[test]
    fn taking_leaves_what_does_not_fit() {
        let mut v = json!({"a": "x", "n": 2, "o": {"k": 1}, "l": [1], "s": ["no"], "e": " "});
        assert_eq!(take_str(&mut v, "a").as_deref(), Some("x"));
        assert_eq!(take_str(&mut v, "n").as_deref(), Some("2"));
        assert_eq!(take_str(&mut v, "s"), None);
        assert_eq!(take_str(&mut v, "e"), None);
        assert_eq!(take_array(&mut v, "o"), Vec::<Value>::new());
        assert_eq!(take_array(&mut v, "l"), vec![json!(1)]);
        assert!(take_object(&mut v, "o").is_some());
        assert_eq!(v, json!({"s": ["no"]}));
        assert_eq!(as_number(&json!("0.9")), Some(0.9));
        assert_eq!(as_number(&json!("high")), None);
        assert_eq!(line_of_key("{\n \"bomFormat\": 1}", "bomFormat"), 2);
    }
}
