//! Downloads for readers: the inventory the build's audience may see, one row per visible use,
//! as `inventory.csv` (through the formula-injection-safe writer). Only the columns a public
//! page shows: never an owner, a note or an `x_` value, on any build. The JSON download is
//! `data.json`, which holds the same facts (a flat JSON copy of the rows would say them twice:
//! 150 MB at 100,000 elements).

use crate::csv_cell::CsvWriter;
use crate::model::Catalog;

use super::{words, Site};

/// Where the CSV goes.
pub const CSV: &str = "inventory.csv";

/// One visible use of an element, flat.
#[derive(Debug)]
pub struct Row<'a> {
    pub element_id: &'a str,
    pub element: &'a str,
    pub category: &'a str,
    pub category_name: &'a str,
    pub sensitive: bool,
    pub subjects: Vec<&'a str>,
    pub source: Option<&'static str>,
    pub purpose: &'a str,
    pub purpose_name: &'a str,
    pub why: &'a str,
    pub legal_basis: Option<&'static str>,
    pub necessity: Option<&'static str>,
    pub retention: Option<&'a str>,
    pub retention_name: Option<&'a str>,
    /// An ISO 8601 duration, or `indefinite`.
    pub retention_period: Option<&'a str>,
    pub retention_trigger: Option<&'a str>,
    /// Recipient names.
    pub shared_with: Vec<&'a str>,
    pub opt_out: Option<&'a str>,
    pub last_reviewed: Option<String>,
}

/// The column names, in order (the CSV's header).
pub const COLUMNS: [&str; 19] = [
    "element_id",
    "element",
    "category",
    "category_name",
    "sensitive",
    "subjects",
    "source",
    "purpose",
    "purpose_name",
    "why",
    "legal_basis",
    "necessity",
    "retention",
    "retention_name",
    "retention_period",
    "retention_trigger",
    "shared_with",
    "opt_out",
    "last_reviewed",
];

/// Every visible use, in inventory order (elements by id, uses in file order), made as they
/// are taken.
pub fn rows<'a>(catalog: &'a Catalog, site: &'a Site) -> impl Iterator<Item = Row<'a>> + 'a {
    let scope = &site.scope;
    let tax = &catalog.taxonomy;
    scope.elements().flat_map(move |e| {
        let el = &catalog.elements[e];
        scope.filter_uses(&el.uses).map(move |u| {
            let use_ = &catalog.uses[u];
            let policy = use_
                .retention
                .filter(|&p| scope.policy(p))
                .map(|p| &catalog.retention[p]);
            Row {
                element_id: &el.id,
                element: &el.name,
                category: &el.category,
                category_name: tax.categories.name(&el.category),
                sensitive: tax.is_sensitive(&el.category),
                subjects: el.subjects.iter().map(String::as_str).collect(),
                source: el.source.map(words::source_key),
                purpose: &use_.purpose,
                purpose_name: tax.uses.name(&use_.purpose),
                why: &use_.why,
                legal_basis: use_.legal_basis.map(words::legal_basis_key),
                necessity: use_.necessity.map(words::necessity_key),
                retention: policy.map(|p| p.id.as_str()),
                retention_name: policy.map(|p| p.name.as_str()),
                retention_period: policy.map(|p| p.period.iso()),
                retention_trigger: policy.and_then(|p| p.trigger.as_deref()),
                shared_with: use_
                    .shared_with
                    .iter()
                    .filter(|&&r| scope.recipient(r))
                    .map(|&r| catalog.recipients[r].name.as_str())
                    .collect(),
                opt_out: use_.opt_out.as_deref(),
                last_reviewed: use_.last_reviewed.map(|d| d.to_string()),
            }
        })
    })
}

/// Rows per piece of `inventory.csv` written at a time.
const PIECE: usize = 4096;

/// Writes `inventory.csv` into `sink`.
pub fn write(
    catalog: &Catalog,
    site: &Site,
    sink: &crate::sink::Sink,
) -> Result<(), crate::diag::Error> {
    let mut rows = rows(catalog, site).peekable();
    let mut header = true;
    sink.stream(std::path::Path::new(CSV), &mut |w| {
        // Pieces of whole records: the header once, then `PIECE` rows at a time.
        while header || rows.peek().is_some() {
            let piece: Vec<Row> = rows.by_ref().take(PIECE).collect();
            let text = csv(&piece, header).map_err(std::io::Error::other)?;
            header = false;
            w.write_all(text.as_bytes())?;
        }
        Ok(())
    })
}

/// `inventory.csv` (or a piece of it): the header when asked, one line per row; lists joined
/// with `; `.
pub fn csv(rows: &[Row], header: bool) -> Result<String, csv::Error> {
    let mut w = CsvWriter::new();
    if header {
        w.write_record(COLUMNS)?;
    }
    let opt = |s: Option<&str>| s.unwrap_or("").to_string();
    for r in rows {
        w.write_record([
            r.element_id.to_string(),
            r.element.to_string(),
            r.category.to_string(),
            r.category_name.to_string(),
            r.sensitive.to_string(),
            r.subjects.join("; "),
            opt(r.source),
            r.purpose.to_string(),
            r.purpose_name.to_string(),
            r.why.to_string(),
            opt(r.legal_basis),
            opt(r.necessity),
            opt(r.retention),
            opt(r.retention_name),
            opt(r.retention_period),
            opt(r.retention_trigger),
            r.shared_with.join("; "),
            opt(r.opt_out),
            opt(r.last_reviewed.as_deref()),
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Audience;
    use crate::site::{plan, testkit};

    #[test]
    fn public_downloads_hold_public_rows_only_and_neutralise_formulas() {
        let mut c = testkit::catalog();
        c.uses[0].why = "=HYPERLINK(\"http://evil\")".into();
        let site = plan(&c, Audience::Public);
        let rows: Vec<Row> = rows(&c, &site).collect();
        assert_eq!(rows.len(), 4);
        let text = csv(&rows, true).unwrap();
        for marker in testkit::INTERNAL_MARKERS {
            assert!(!text.contains(marker), "{marker} in CSV");
        }
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
        assert!(text.contains("\"'=HYPERLINK("), "{text}");
        assert!(text.contains("\nemail_address,Email address,user.contact.email,"));
        assert!(text.contains(",false,customer,provided,marketing.communications.email,"));
        assert!(text.contains(",Mailer Ltd,https://shop.example/unsubscribe,2026-03-01\n"));
        assert!(text.contains(",P30D,"), "the period as ISO 8601: {text}");
        // Pieces without the header join into the same file.
        let (head, tail) = rows.split_at(1);
        let pieces = csv(head, true).unwrap() + &csv(tail, false).unwrap();
        assert_eq!(pieces, text);
    }

    #[test]
    fn the_written_file_is_the_csv_of_every_row() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let files = std::sync::Mutex::new(Vec::new());
        let sink = |path: &std::path::Path, bytes: &[u8]| {
            files
                .lock()
                .unwrap()
                .push((path.to_owned(), bytes.to_vec()));
            Ok(())
        };
        write(&c, &site, &sink).unwrap();
        let files = files.into_inner().unwrap();
        let rows: Vec<Row> = rows(&c, &site).collect();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, std::path::Path::new(CSV));
        assert_eq!(files[0].1, csv(&rows, true).unwrap().into_bytes());
    }
}
