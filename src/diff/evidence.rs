//! What the code scans saw that they did not see before (and no longer see), for an internal
//! diff: "code now sends Email Address to Sentry, which the inventory does not declare". A
//! pull request that adds an SDK shows up here as soon as its scan runs in CI.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::audit::evidence::assess;
use crate::audit::rules::{UNDECLARED_DATA, UNDECLARED_RECIPIENT, UNDECLARED_SHARING};
use crate::model::Catalog;

/// One detection that appeared or disappeared between the two versions' evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceChange {
    /// `added` (the code now does it) or `removed` (it no longer does).
    pub how: &'static str,
    /// The evidence file's name, e.g. `bearer.json`.
    pub evidence: String,
    pub data_type: Option<String>,
    pub category: Option<String>,
    pub third_party: Option<String>,
    /// For an added detection: whether the new inventory declares it (no evidence rule fired).
    pub declared: bool,
    /// The evidence rules it raises in the new version.
    pub rules: Vec<&'static str>,
    /// Where in the evidence file of the version that has it.
    pub file: String,
    pub line: usize,
    /// One sentence for a reviewer.
    pub text: String,
}

/// A detection as compared: what it is about and what it raised.
struct Seen {
    data_type: Option<String>,
    category: Option<String>,
    third_party: Option<String>,
    rules: Vec<&'static str>,
    file: String,
    line: usize,
}

/// Detections of every evidence file, by (file name, data type, third party), lower case.
fn seen(cat: &Catalog) -> BTreeMap<(String, String, String), Seen> {
    let mut out = BTreeMap::new();
    for f in assess(cat).files {
        for (d, m) in f.file.detections.iter().zip(&f.rows) {
            let key = (
                f.file.name.clone(),
                d.data_type.as_deref().unwrap_or("").to_lowercase(),
                d.third_party.as_deref().unwrap_or("").to_lowercase(),
            );
            out.entry(key).or_insert_with(|| Seen {
                data_type: d.data_type.clone(),
                category: m.category.clone(),
                third_party: d.third_party.clone(),
                rules: m.rules.clone(),
                file: f.file.path.display().to_string(),
                line: d.line,
            });
        }
    }
    out
}

/// The detections added and removed from `old` to `new`, added first, each in key order.
pub fn compare(old: &Catalog, new: &Catalog) -> Vec<EvidenceChange> {
    let (a, b) = (seen(old), seen(new));
    let added = b
        .iter()
        .filter(|(k, _)| !a.contains_key(*k))
        .map(|(k, s)| change("added", &k.0, s));
    let removed = a
        .iter()
        .filter(|(k, _)| !b.contains_key(*k))
        .map(|(k, s)| change("removed", &k.0, s));
    added.chain(removed).collect()
}

fn change(how: &'static str, evidence: &str, s: &Seen) -> EvidenceChange {
    let undeclared = |rules: &[&str]| s.rules.iter().any(|r| rules.contains(r));
    let ty = s.data_type.as_deref();
    let party = s.third_party.as_deref();
    let mut text = match (how, ty, party) {
        ("added", Some(t), Some(p)) => format!("code now sends {t} to {p}"),
        ("added", Some(t), None) => format!("code now handles {t}"),
        ("added", None, Some(p)) => format!("code now calls {p}"),
        (_, Some(t), Some(p)) => format!("code no longer sends {t} to {p}"),
        (_, Some(t), None) => format!("code no longer handles {t}"),
        (_, _, p) => format!("code no longer calls {}", p.unwrap_or("")),
    };
    let declared =
        how == "added" && !undeclared(&[UNDECLARED_DATA, UNDECLARED_RECIPIENT, UNDECLARED_SHARING]);
    if how == "added" {
        text.push_str(if declared {
            ", as the inventory declares"
        } else {
            ", which the inventory does not declare"
        });
    }
    text.push_str(&format!(" ({evidence})"));
    EvidenceChange {
        how,
        evidence: evidence.to_string(),
        data_type: s.data_type.clone(),
        category: s.category.clone(),
        third_party: s.third_party.clone(),
        declared,
        rules: if how == "added" {
            s.rules.clone()
        } else {
            Vec::new()
        },
        file: s.file.clone(),
        line: s.line,
        text,
    }
}
