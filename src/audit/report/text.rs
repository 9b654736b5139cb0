//! Human-readable text, in the style of rustc and ripgrep: one block per finding, errors
//! first, each with `--> file:line`, a help line and why the rule exists (its law); accepted findings last; a verdict line.

use std::fmt::Write;

use super::{location, verdict};
use crate::audit::{rules, Audit, FailOn, Finding};

/// One finding. `explained` holds the rules whose full reason was already printed: later
/// findings of the same rule name only its law, so a long report does not repeat a paragraph.
fn block(out: &mut String, label: &str, f: &Finding, explained: &mut Vec<&'static str>) {
    let _ = writeln!(out, "{label}[{}]: {}", f.rule, f.message);
    let _ = writeln!(out, "  --> {}", location(&f.origin));
    let _ = writeln!(out, "   = help: {}", f.hint);
    if let Some(r) = rules::rule(f.rule) {
        if explained.contains(&r.id) {
            let _ = writeln!(out, "   = why: {}", r.law);
        } else {
            explained.push(r.id);
            let _ = writeln!(out, "   = why: {} [{}]", r.why, r.law);
        }
    }
    if let Some(a) = &f.accepted {
        let until = a.expires.map_or(String::new(), |d| format!(", until {d}"));
        let _ = writeln!(
            out,
            "   = accepted: {} ({}{until})",
            a.reason,
            location(&a.origin)
        );
    }
    out.push('\n');
}

/// The audit as text.
pub fn text(audit: &Audit, fail_on: FailOn) -> String {
    let mut out = String::new();
    let mut explained = Vec::new();
    for f in audit.open() {
        block(&mut out, f.severity.as_str(), f, &mut explained);
    }
    for f in audit.accepted() {
        block(
            &mut out,
            &format!("accepted {}", f.severity),
            f,
            &mut explained,
        );
    }
    out.push_str(&verdict(audit, fail_on));
    out.push('\n');
    out
}
