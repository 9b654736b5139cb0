//! Markdown for a pull-request comment: a verdict heading, a table of open findings and the
//! accepted ones folded away. Text from the site is escaped so it cannot break the table or
//! inject HTML.

use std::fmt::Write;

use super::location;
use crate::audit::{Audit, FailOn, Severity};

/// Escapes a table cell: pipes, HTML and line breaks.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
        Severity::Info => "ℹ️ info",
    }
}

/// The audit as a Markdown comment.
pub fn markdown(audit: &Audit, fail_on: FailOn) -> String {
    let mut out = String::new();
    let failed = audit.fails(fail_on);
    let _ = writeln!(
        out,
        "### {} candor check {}: {}\n",
        if failed { "❌" } else { "✅" },
        if failed { "failed" } else { "passed" },
        audit.summary()
    );
    if audit.open().next().is_none() {
        out.push_str("No open findings.\n");
    } else {
        out.push_str("| Severity | Rule | Where | Finding | How to fix |\n");
        out.push_str("| --- | --- | --- | --- | --- |\n");
        for f in audit.open() {
            let _ = writeln!(
                out,
                "| {} | `{}` | `{}` | {} | {} |",
                icon(f.severity),
                f.rule,
                location(&f.origin),
                cell(&f.message),
                cell(&f.hint)
            );
        }
    }
    let accepted: Vec<_> = audit.accepted().collect();
    if !accepted.is_empty() {
        let _ = writeln!(
            out,
            "\n<details><summary>{} accepted finding{} (documented exceptions)</summary>\n",
            accepted.len(),
            if accepted.len() == 1 { "" } else { "s" }
        );
        out.push_str("| Rule | Where | Finding | Accepted because | Until |\n");
        out.push_str("| --- | --- | --- | --- | --- |\n");
        for f in accepted {
            let Some(a) = &f.accepted else { continue };
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {} | {} |",
                f.rule,
                location(&f.origin),
                cell(&f.message),
                cell(&a.reason),
                a.expires.map_or("—".to_string(), |d| d.to_string())
            );
        }
        out.push_str("\n</details>\n");
    }
    let _ = writeln!(
        out,
        "\n<sub>Fails on: {}. Rules and how to suppress them: docs/audit.md.</sub>",
        fail_on.as_str()
    );
    out
}
