//! Audit findings a change introduces or resolves: the open findings of both versions, audited
//! against the same date, matched by rule, subject and message (not by line, which moves
//! whenever a row is added above).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::audit::{Audit, Finding, Severity};

/// One finding, as a diff reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingRef {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub hint: String,
    pub element: Option<String>,
    pub model: Option<String>,
    /// In the new site for an introduced finding, in the old one for a resolved finding.
    pub file: String,
    pub line: usize,
}

impl FindingRef {
    fn new(f: &Finding) -> Self {
        FindingRef {
            rule: f.rule,
            severity: f.severity,
            message: f.message.clone(),
            hint: f.hint.clone(),
            element: f.element.clone(),
            model: f.model.clone(),
            file: crate::repo_root::slash_path(&f.origin.file),
            line: f.origin.line,
        }
    }

    pub fn location(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// Open findings only in the new version, and only in the old one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Findings {
    pub introduced: Vec<FindingRef>,
    pub resolved: Vec<FindingRef>,
}

type Key<'a> = (&'static str, Option<&'a str>, Option<&'a str>, &'a str);

fn key(f: &Finding) -> Key<'_> {
    (
        f.rule,
        f.element.as_deref(),
        f.model.as_deref(),
        f.message.as_str(),
    )
}

/// Open findings of `new` not open in `old` (introduced), and the other way round (resolved).
/// Counted as multisets, so a second identical finding is still news.
pub fn compare(old: &Audit, new: &Audit) -> Findings {
    Findings {
        introduced: only_in(new, old),
        resolved: only_in(old, new),
    }
}

fn only_in(this: &Audit, other: &Audit) -> Vec<FindingRef> {
    let mut remaining: BTreeMap<Key, usize> = BTreeMap::new();
    for f in other.open() {
        *remaining.entry(key(f)).or_default() += 1;
    }
    let mut out = Vec::new();
    for f in this.open() {
        match remaining.get_mut(&key(f)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(FindingRef::new(f)),
        }
    }
    out
}
