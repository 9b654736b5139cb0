//! JSON: a stable, documented shape (docs/audit.md, "JSON output"). Fields are only ever
//! added; `schema_version` changes if one is removed or changes meaning.

use serde::Serialize;

use crate::audit::{rules, Audit, FailOn, Finding, Severity};
use crate::repo_root::slash_path;

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    tool: Tool,
    today: String,
    fail_on: &'static str,
    passed: bool,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    error: usize,
    warning: usize,
    info: usize,
    accepted: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    /// The law or seed principle the rule enforces.
    law: &'static str,
    message: &'a str,
    hint: &'a str,
    file: String,
    line: usize,
    element: Option<&'a str>,
    model: Option<&'a str>,
    accepted: Option<JsonAccepted<'a>>,
}

#[derive(Serialize)]
struct JsonAccepted<'a> {
    reason: &'a str,
    expires: Option<String>,
    file: String,
    line: usize,
}

fn finding(f: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        rule: f.rule,
        severity: f.severity,
        law: rules::rule(f.rule).map_or("", |r| r.law),
        message: &f.message,
        hint: &f.hint,
        file: slash_path(&f.origin.file),
        line: f.origin.line,
        element: f.element.as_deref(),
        model: f.model.as_deref(),
        accepted: f.accepted.as_ref().map(|a| JsonAccepted {
            reason: &a.reason,
            expires: a.expires.map(|d| d.to_string()),
            file: slash_path(&a.origin.file),
            line: a.origin.line,
        }),
    }
}

/// The audit as pretty-printed JSON, open findings first, then accepted ones.
pub fn json(audit: &Audit, fail_on: FailOn) -> String {
    let doc = Doc {
        schema_version: 1,
        tool: Tool {
            name: "candor",
            version: env!("CARGO_PKG_VERSION"),
        },
        today: audit.today.to_string(),
        fail_on: fail_on.as_str(),
        passed: !audit.fails(fail_on),
        summary: Summary {
            error: audit.count(Severity::Error),
            warning: audit.count(Severity::Warning),
            info: audit.count(Severity::Info),
            accepted: audit.accepted().count(),
        },
        findings: audit.open().chain(audit.accepted()).map(finding).collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| {
        // Serialising plain strings and numbers cannot fail; say so rather than panic.
        format!("{{\"error\": \"could not serialise the audit: {e}\"}}")
    });
    text.push('\n');
    text
}
