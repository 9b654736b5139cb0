//! `candor check --format json|sarif` on invalid input (exit 2): a document of the errors on
//! standard output, so a CI step that parses it never gets an empty file. The same errors are
//! printed as text on standard error.

use serde_json::{json, Value};

use super::sarif::INFORMATION_URI;
use super::Format;
use crate::diag::Error;
use crate::repo_root::slash_path;

/// The errors of `e` as (file, line, column, message, help).
fn entries(e: &Error) -> Vec<Value> {
    match e {
        Error::Invalid(ds) => ds
            .iter()
            .map(|d| {
                json!({
                    "file": slash_path(&d.file),
                    "line": d.line,
                    "column": d.column,
                    "message": d.message,
                    "help": d.help,
                })
            })
            .collect(),
        other => vec![json!({
            "file": null, "line": null, "column": null,
            "message": other.to_string(), "help": null,
        })],
    }
}

/// The error document for `format`, or `None` for the formats read by people.
pub fn error_document(format: Format, e: &Error) -> Option<String> {
    let errors = entries(e);
    let doc = match format {
        Format::Text | Format::Markdown => return None,
        Format::Json => json!({
            "schema_version": 1,
            "tool": { "name": "candor", "version": env!("CARGO_PKG_VERSION") },
            "passed": false,
            "errors": errors,
        }),
        Format::Sarif => json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "candor",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                }},
                "invocations": [{
                    "executionSuccessful": false,
                    "exitCode": 2,
                    "toolExecutionNotifications": errors.iter().map(notification).collect::<Vec<_>>(),
                }],
                "results": [],
            }]
        }),
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    Some(text)
}

/// One error as a SARIF notification, located when it has a file and line.
fn notification(e: &Value) -> Value {
    let text = match e["help"].as_str() {
        Some(help) => format!("{} (help: {help})", e["message"].as_str().unwrap_or("")),
        None => e["message"].as_str().unwrap_or("").to_string(),
    };
    let mut n = json!({ "level": "error", "message": { "text": text } });
    if let Some(file) = e["file"].as_str() {
        let mut region = json!({});
        if let Some(line) = e["line"].as_u64() {
            region["startLine"] = line.into();
            if let Some(c) = e["column"].as_u64() {
                region["startColumn"] = c.into();
            }
        }
        let mut physical = json!({ "artifactLocation": { "uri": file } });
        if region.as_object().is_some_and(|r| !r.is_empty()) {
            physical["region"] = region;
        }
        n["locations"] = json!([{ "physicalLocation": physical }]);
    }
    n
}
