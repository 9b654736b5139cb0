//! The JSON report: a stable shape for scripts, documented in `docs/diff.md`. Every key is
//! always present; values that do not apply are `null`.

use serde::Serialize;

use super::Options;
use crate::config::Audience;
use crate::diff::{Change, Diff, Findings, Summary};

/// Bumped when a key is removed or changes meaning; adding keys does not bump it.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    old: &'a str,
    new: &'a str,
    today: String,
    audience: Audience,
    summary: Summary,
    changes: &'a [Change],
    findings: Option<&'a Findings>,
    evidence: &'a [crate::diff::evidence::EvidenceChange],
}

/// The diff as pretty-printed JSON, with a final newline.
pub fn json(diff: &Diff, options: &Options) -> String {
    let report = Report {
        version: VERSION,
        old: &options.old,
        new: &options.new,
        today: options.today.to_string(),
        audience: diff.audience,
        summary: diff.summary(),
        changes: &diff.changes,
        findings: diff.findings.as_ref(),
        evidence: &diff.evidence,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_else(|e| {
        // Serialising plain strings and numbers cannot fail; say so if it ever does.
        format!("{{\"error\": \"cannot serialise the diff: {e}\"}}")
    });
    out.push('\n');
    out
}
