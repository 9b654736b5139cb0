//! The Markdown report, for a pull-request comment: a summary table, then sensitive changes,
//! then one section per part of the site, then the audit findings. Text from the site is
//! escaped so it cannot format, link or inject HTML.

use std::fmt::Write;

use super::Options;
use crate::audit::Severity;
use crate::diff::{Change, Diff, FindingRef, Kind, Section};

/// A hidden marker a CI job can search for to update its earlier comment.
pub const MARKER: &str = "<!-- candor-diff -->";

/// A zero-width space: breaks `@name` mentions and autolinks without changing what is shown.
const BREAK: char = '\u{200B}';

/// Escapes text for Markdown and HTML: emphasis, code, links, tables, tags, line breaks. It
/// also defuses what GitHub would act on in a comment: `@name` (a mention that notifies
/// someone; also e-mail autolinks) and bare `http://`, `https://` and `www.` addresses
/// (autolinks), by a zero-width space after `@`, inside `://` and after `www`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '@' => {
                out.push('@');
                out.push(BREAK);
            }
            ':' if text[i..].starts_with("://") => {
                out.push(':');
                out.push(BREAK);
            }
            '.' if i >= 3 && text.as_bytes()[i - 3..i].eq_ignore_ascii_case(b"www") => {
                out.push(BREAK);
                out.push('.');
            }
            c => out.push(c),
        }
    }
    out
}

fn icon(kind: Kind) -> &'static str {
    match kind.sign() {
        '+' => "➕",
        '-' => "➖",
        _ => "✏️",
    }
}

fn item(out: &mut String, c: &Change) {
    let at = c
        .location()
        .map(|l| format!(" <sub>`{}`</sub>", l.replace('`', "'")))
        .unwrap_or_default();
    let _ = writeln!(out, "- {} {}{at}", icon(c.kind), escape(&c.text));
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
        Severity::Info => "ℹ️ info",
    }
}

fn findings_table(out: &mut String, title: &str, list: &[FindingRef]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n#### {title}\n");
    out.push_str("| Severity | Rule | Where | Finding |\n| --- | --- | --- | --- |\n");
    for f in list {
        let _ = writeln!(
            out,
            "| {} | `{}` | `{}` | {} |",
            severity(f.severity),
            f.rule,
            f.location().replace('`', "'"),
            escape(&f.message)
        );
    }
}

/// The diff as a Markdown comment.
pub fn markdown(diff: &Diff, options: &Options) -> String {
    let mut out = String::new();
    let s = diff.summary();
    let _ = writeln!(out, "{MARKER}\n### candor diff: {}\n", s.line());
    if diff.is_empty() {
        out.push_str(
            "No changes to what is collected, why, for how long, with whom, or to the models.\n",
        );
        return out;
    }
    out.push_str("| | added | removed | changed |\n| --- | ---: | ---: | ---: |\n");
    let rows = [
        (
            "Data elements",
            s.elements_added,
            s.elements_removed,
            s.elements_changed,
        ),
        ("Uses", s.uses_added, s.uses_removed, s.uses_changed),
        ("Models", s.models_added, s.models_removed, s.models_changed),
    ];
    for (what, a, r, c) in rows {
        let _ = writeln!(out, "| {what} | {a} | {r} | {c} |");
    }
    let _ = writeln!(out, "| Retention policies | | | {} |", s.policies_changed);
    let _ = writeln!(out, "| Recipients | | | {} |", s.recipients_changed);
    if diff.counted.is_some() {
        let _ = writeln!(
            out,
            "| Audit findings | {} introduced | {} resolved | |",
            s.findings_introduced, s.findings_resolved
        );
    }
    let sensitive: Vec<&Change> = diff.changes.iter().filter(|c| c.sensitive).collect();
    if !sensitive.is_empty() {
        out.push_str("\n#### ⚠️ Sensitive data\n\n");
        sensitive.iter().for_each(|c| item(&mut out, c));
    }
    for section in Section::ALL {
        let rest: Vec<&Change> = diff.section(section).filter(|c| !c.sensitive).collect();
        if rest.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n#### {}\n", section.title());
        rest.iter().for_each(|c| item(&mut out, c));
    }
    if !diff.evidence.is_empty() {
        out.push_str("\n#### Evidence (code scans)\n\n");
        for e in &diff.evidence {
            let icon = if e.how == "added" { "➕" } else { "➖" };
            let _ = writeln!(
                out,
                "- {icon} {} <sub>`{}:{}`</sub>",
                escape(&e.text),
                e.file.replace('`', "'"),
                e.line
            );
        }
    }
    if let Some(f) = &diff.findings {
        findings_table(&mut out, "Audit findings introduced", &f.introduced);
        findings_table(&mut out, "Audit findings resolved", &f.resolved);
    } else if s.findings_introduced + s.findings_resolved > 0 {
        let _ = writeln!(out, "\n{}", super::text::WITHHELD);
    }
    let _ = writeln!(
        out,
        "\n<sub>`{}` → `{}`, audited as of {}. Details: `candor diff`.</sub>",
        options.old.replace('`', "'"),
        options.new.replace('`', "'"),
        options.today
    );
    out
}
