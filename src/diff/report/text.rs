//! The text report: sensitive changes first, then one block per section, then the findings
//! introduced and resolved, then a one-line summary.

use std::fmt::Write;

use super::Options;
use crate::diff::{Change, Diff, FindingRef, Section};

fn line(out: &mut String, c: &Change) {
    let at = c.location().map(|l| format!("  [{l}]")).unwrap_or_default();
    let _ = writeln!(out, "  {} {}{at}", c.kind.sign(), c.text);
}

fn finding(out: &mut String, sign: char, f: &FindingRef) {
    let _ = writeln!(
        out,
        "  {sign} {} {} at {}: {}",
        f.severity,
        f.rule,
        f.location(),
        f.message
    );
}

/// Said where a public diff counts findings but withholds them.
pub const WITHHELD: &str =
    "Audit findings are internal: their details are withheld here (see `--audience internal`).";

/// The diff as text for a terminal.
pub fn text(diff: &Diff, options: &Options) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "candor diff {} -> {} (audited as of {})\n",
        options.old, options.new, options.today
    );
    if diff.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let sensitive: Vec<&Change> = diff.changes.iter().filter(|c| c.sensitive).collect();
    if !sensitive.is_empty() {
        out.push_str("Sensitive data\n");
        sensitive.iter().for_each(|c| line(&mut out, c));
        out.push('\n');
    }
    for section in Section::ALL {
        let rest: Vec<&Change> = diff.section(section).filter(|c| !c.sensitive).collect();
        if rest.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", section.title());
        rest.iter().for_each(|c| line(&mut out, c));
        out.push('\n');
    }
    if !diff.evidence.is_empty() {
        out.push_str("Evidence (code scans)\n");
        for e in &diff.evidence {
            let sign = if e.how == "added" { '+' } else { '-' };
            let _ = writeln!(out, "  {sign} {}  [{}:{}]", e.text, e.file, e.line);
        }
        out.push('\n');
    }
    if let Some(f) = &diff.findings {
        if !f.introduced.is_empty() {
            out.push_str("Findings introduced\n");
            f.introduced.iter().for_each(|x| finding(&mut out, '+', x));
            out.push('\n');
        }
        if !f.resolved.is_empty() {
            out.push_str("Findings resolved\n");
            f.resolved.iter().for_each(|x| finding(&mut out, '-', x));
            out.push('\n');
        }
    } else if diff.counted.is_some_and(|c| c.introduced + c.resolved > 0) {
        out.push_str(WITHHELD);
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "{}", diff.summary().line());
    out
}
