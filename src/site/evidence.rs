//! Evidence on the site. Internal builds get the `evidence/` page (each scanner report, what
//! it saw and what each detection confirms or raised) and "confirmed by the Bearer scan of …"
//! on element pages. A public build says per element only that an automated code scan
//! confirmed it, and when: nothing of the scanner's output (types, third parties, files).

use jiff::civil::Date;

use crate::audit::evidence::assess;
use crate::i18n::Strings;
use crate::model::Catalog;

/// Where the Evidence page goes (internal builds with evidence only).
pub const EVIDENCE: &str = "evidence/index.html";

/// One scan that confirms an element: which scanner, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub scanner: &'static str,
    pub date: Option<Date>,
}

/// Per element, the scans that confirm it, in evidence-file order (empty without evidence).
pub fn confirmations(cat: &Catalog) -> Vec<Vec<Confirmation>> {
    if cat.evidence.is_empty() {
        return Vec::new();
    }
    let a = assess(cat);
    a.confirmed_by
        .iter()
        .map(|files| {
            files
                .iter()
                .map(|&f| {
                    let file = &cat.evidence[f];
                    Confirmation {
                        scanner: file.scanner.name(),
                        date: file.scanned,
                    }
                })
                .collect()
        })
        .collect()
}

/// The sentences an element page shows for its confirmations: the scanner's name on internal
/// builds; on public ones only "an automated code scan" and the date, each date once.
pub fn sentences(lang: &Strings, list: &[Confirmation], internal: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in list {
        let date = c.date.map(|d| d.to_string());
        let s = match (internal, &date) {
            (true, Some(d)) => lang.fill(
                "evidence.confirmed_internal",
                &[("scanner", c.scanner), ("date", d)],
            ),
            (true, None) => lang.fill(
                "evidence.confirmed_internal_undated",
                &[("scanner", c.scanner)],
            ),
            (false, Some(d)) => lang.fill("evidence.confirmed_public", &[("date", d)]),
            (false, None) => lang.get("evidence.confirmed_public_undated").to_string(),
        };
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
