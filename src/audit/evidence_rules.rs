//! The evidence rules: `undeclared-data`, `undeclared-recipient`, `undeclared-sharing`,
//! `unconfirmed-element`, and `unmapped-data-type` for a scanner type no mapping knows (once
//! per type, never dropped silently). Each problem is reported once per evidence file.

use std::collections::BTreeSet;

use crate::diag::Origin;

use super::evidence::{assess, FileAssessment};
use super::rules::{
    UNCONFIRMED_ELEMENT, UNDECLARED_DATA, UNDECLARED_RECIPIENT, UNMAPPED_DATA_TYPE,
};
use super::{Cx, Draft, Out};

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    let cat = cx.cat;
    if cat.evidence.is_empty() {
        return;
    }
    let a = assess(cat);
    let mut unmapped: BTreeSet<String> = BTreeSet::new();
    for f in &a.files {
        let mut once: BTreeSet<(&'static str, String)> = BTreeSet::new();
        let scan = scan_name(f);
        for (d, m) in f.file.detections.iter().zip(&f.rows) {
            let origin = Origin::new(&f.file.path, d.line);
            let ty = d.data_type.as_deref().unwrap_or("");
            if m.unmapped && unmapped.insert(ty.to_ascii_lowercase()) {
                out.emit(UNMAPPED_DATA_TYPE, &origin, || {
                    Draft::new(
                        format!("{scan} reports the data type `{ty}` ({}), which candor cannot map to a data category", d.pointer),
                        format!("map it in candor.toml: [evidence.map] \"{ty}\" = \"user.…\" (the data category it is); until then it confirms and flags nothing"),
                    )
                });
            }
            // `unmapped-data-type` is reported above, once per type across all files.
            for &rule in m.rules.iter().filter(|r| **r != UNMAPPED_DATA_TYPE) {
                let key = match rule {
                    UNDECLARED_RECIPIENT => d
                        .third_party
                        .clone()
                        .unwrap_or_default()
                        .to_ascii_lowercase(),
                    _ => format!(
                        "{}|{:?}|{:?}",
                        m.category.as_deref().unwrap_or(""),
                        m.recipient,
                        d.third_party.as_deref().map(str::to_ascii_lowercase)
                    ),
                };
                if !once.insert((rule, key)) {
                    continue;
                }
                let category = m.category.as_deref().unwrap_or("");
                let cat_name = cat.taxonomy.categories.name(category);
                let party = d.third_party.as_deref().unwrap_or("");
                let scope = scope_words(cx, f);
                out.emit(rule, &origin, || match rule {
                    UNDECLARED_DATA => Draft::new(
                        format!("{scan} shows the code handling {ty} ({cat_name}, `{category}`) at {}, but no element of {scope} has that data category", d.pointer),
                        format!("declare it: an inventory row with category `{category}` (and why it is used); if the scanner is wrong, map `{ty}` in [evidence.map] or accept an exception with the reason"),
                    ),
                    UNDECLARED_RECIPIENT => Draft::new(
                        format!("{scan} shows the code sending data to `{party}` at {}, which is neither a recipient nor a system of the inventory", d.pointer),
                        format!("add `{party}` to content/recipients.csv (and to `shared_with` of the uses it receives), or write `{party}` in the `aliases` column of the recipient it is"),
                    ),
                    // undeclared-sharing
                    _ => {
                        let r = m.recipient.map(|r| &cat.recipients[r]);
                        let (rid, rname) = r.map_or(("", ""), |r| (r.id.as_str(), r.name.as_str()));
                        Draft::new(
                            format!("code now sends {ty} ({cat_name}) to {rname}, which the inventory does not declare: no use of `{category}` is shared with `{rid}` ({scan}, {})", d.pointer),
                            format!("add `{rid}` to `shared_with` of the use that sends it, or stop sending it"),
                        )
                    }
                });
            }
        }
    }
    for e in a.unconfirmed() {
        let el = &cat.elements[e];
        let files: Vec<&str> = a
            .files
            .iter()
            .filter(|f| {
                f.covers
                    .as_ref()
                    .is_none_or(|c| el.systems.iter().any(|s| c.contains(s)))
            })
            .map(|f| f.file.name.as_str())
            .collect();
        out.emit(UNCONFIRMED_ELEMENT, &el.origin, || {
            Draft::new(
                format!(
                    "element `{}` ({}) is declared, but no scan that covers its systems sees `{}` ({})",
                    el.id,
                    el.name,
                    el.category,
                    files.join(", ")
                ),
                "a moment of review: if it is collected offline (paper, phone), accept this with the reason; if the code no longer collects it, retire the element",
            )
            .element(&el.id)
        });
    }
}

/// "Bearer scan content/evidence/bearer.json of 2026-05-01".
pub fn scan_name(f: &FileAssessment<'_>) -> String {
    let date = f
        .file
        .scanned
        .map(|d| format!(" of {d}"))
        .unwrap_or_default();
    format!(
        "{} scan {}{date}",
        f.file.scanner.name(),
        f.file.path.display()
    )
}

/// "system `storefront`" / "the inventory".
fn scope_words(cx: &Cx<'_>, f: &FileAssessment<'_>) -> String {
    match &f.covers {
        None => "the inventory".to_string(),
        Some(c) => {
            let ids: Vec<String> = c
                .iter()
                .map(|&s| format!("`{}`", cx.cat.systems[s].id))
                .collect();
            format!("system {}", ids.join(", "))
        }
    }
}

#[cfg(test)]
mod tests;
