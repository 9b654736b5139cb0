//! Reference tables for `docs/formats.md`, made from the JSON Schemas so the docs list
//! exactly the fields the schemas (and so the loaders) know.

use serde_json::Value;

/// `| field | type | meaning |` with a row for every property, nested ones as `a.b` and
/// list items as `a[].b`.
pub fn fields_table(schema: &Value) -> String {
    let mut out = String::from("| field | type | meaning |\n| --- | --- | --- |\n");
    rows(schema, "", &mut out);
    out
}

fn rows(schema: &Value, prefix: &str, out: &mut String) {
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for (name, prop) in props {
        let path = format!("{prefix}{name}");
        let mut meaning = prop
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if required.contains(&name.as_str()) {
            meaning.push_str(" (required)");
        }
        out.push_str(&format!(
            "| `{path}` | {} | {} |\n",
            type_name(prop),
            meaning.replace('|', "\\|")
        ));
        rows(table_of(prop), &format!("{path}."), out);
        if let Some(item) = object_item(prop) {
            rows(item, &format!("{path}[]."), out);
        }
    }
}

/// The table schema of a property: itself, or its table branch when it is one of several
/// types (`contact`: text or table).
pub(crate) fn table_of(prop: &Value) -> &Value {
    prop.get("anyOf")
        .and_then(Value::as_array)
        .and_then(|branches| branches.iter().find(|b| b.get("properties").is_some()))
        .unwrap_or(prop)
}

/// The object schema of a list's items (directly or as one branch of `anyOf`).
pub(crate) fn object_item(prop: &Value) -> Option<&Value> {
    let items = prop.get("items")?;
    if items.get("properties").is_some() {
        return Some(items);
    }
    items
        .get("anyOf")?
        .as_array()?
        .iter()
        .find(|b| b.get("properties").is_some())
}

fn type_name(prop: &Value) -> String {
    if let Some(values) = prop.get("enum").and_then(Value::as_array) {
        let v: Vec<String> = values
            .iter()
            .filter_map(Value::as_str)
            .map(|s| format!("`{s}`"))
            .collect();
        return v.join(" \\| ");
    }
    if let (None, Some(branches)) = (
        prop.get("type"),
        prop.get("anyOf").and_then(Value::as_array),
    ) {
        // One of several types: each once, null left out, text first ("text or table").
        let mut names: Vec<String> = Vec::new();
        for b in branches {
            let name = type_name(b);
            if b.get("type").and_then(Value::as_str) != Some("null") && !names.contains(&name) {
                names.push(name);
            }
        }
        names.sort_by_key(|n| n != "text");
        return names.join(" or ");
    }
    match prop.get("type").and_then(Value::as_str) {
        Some("string") if prop.get("format").and_then(Value::as_str) == Some("date") => {
            "date".into()
        }
        Some("string") => "text".into(),
        Some("integer") => "whole number".into(),
        Some("number") => "number".into(),
        Some("boolean") => "`true` \\| `false`".into(),
        Some("object") if prop.get("properties").is_some() => "table".into(),
        Some("object") => match prop.get("additionalProperties") {
            Some(v) if v.is_object() => format!("table of {}", type_name(v)),
            _ => "table".into(),
        },
        Some("array") => match prop.get("items") {
            Some(i) if i.get("type").and_then(Value::as_str) == Some("number") => {
                "list of numbers".into()
            }
            Some(i) if i.get("anyOf").is_some() => "list of text or tables".into(),
            Some(i) if i.get("type").and_then(Value::as_str) == Some("string") => {
                "list of text".into()
            }
            _ => "list of tables".into(),
        },
        _ => "any".into(),
    }
}
