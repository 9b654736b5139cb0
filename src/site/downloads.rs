//! Downloads for readers: the inventory the build's audience may see, one row per visible use,
//! as `inventory.csv` (through the formula-injection-safe writer) and `inventory.json`. Only
//! the columns a public page shows: never an owner, a note or an `x_` value, on any build.

use serde::Serialize;

use crate::csv_cell::CsvWriter;
use crate::model::Catalog;

use super::{words, Site};

/// Where the CSV goes.
pub const CSV: &str = "inventory.csv";
/// Where the JSON goes.
pub const JSON: &str = "inventory.json";

/// One visible use of an element, flat.
#[derive(Debug, Serialize)]
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

/// The column names, in order (the CSV's header, the JSON objects' keys).
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

/// Every visible use, in inventory order (elements by id, uses in file order).
pub fn rows<'a>(catalog: &'a Catalog, site: &'a Site) -> Vec<Row<'a>> {
    let scope = &site.scope;
    let tax = &catalog.taxonomy;
    let mut out = Vec::new();
    for e in scope.elements() {
        let el = &catalog.elements[e];
        for u in scope.filter_uses(&el.uses) {
            let use_ = &catalog.uses[u];
            let policy = use_
                .retention
                .filter(|&p| scope.policy(p))
                .map(|p| &catalog.retention[p]);
            out.push(Row {
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
            });
        }
    }
    out
}

/// Writes both downloads of the build into `sink`.
pub fn write(
    catalog: &Catalog,
    site: &Site,
    sink: &crate::sink::Sink,
) -> Result<(), crate::diag::Error> {
    let rows = rows(catalog, site);
    let failed = |file: &str, e: &dyn std::fmt::Display| {
        crate::diag::Error::Template(format!("{file}: {e}"))
    };
    let text = csv(&rows).map_err(|e| failed(CSV, &e))?;
    sink.file(std::path::Path::new(CSV), text.as_bytes())?;
    let json = json(&rows).map_err(|e| failed(JSON, &e))?;
    sink.file(std::path::Path::new(JSON), &json)
}

/// `inventory.csv`: a header and one line per row; lists joined with `; `.
pub fn csv(rows: &[Row]) -> Result<String, csv::Error> {
    let mut w = CsvWriter::new();
    w.write_record(COLUMNS)?;
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

/// `inventory.json`: `{"columns": [...], "rows": [{...}, ...]}`, markup-safe like `data.json`
/// (`<`, `>`, `&` as `\u` escapes).
pub fn json(rows: &[Row]) -> serde_json::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Doc<'a> {
        columns: [&'static str; 19],
        rows: &'a [Row<'a>],
    }
    let mut out = Vec::new();
    let doc = Doc {
        columns: COLUMNS,
        rows,
    };
    super::data_json::safe::to_writer(&mut out, &doc, true)?;
    out.push(b'\n');
    Ok(out)
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
        let rows = rows(&c, &site);
        assert_eq!(rows.len(), 4);
        let text = csv(&rows).unwrap();
        let json = String::from_utf8(json(&rows).unwrap()).unwrap();
        for marker in testkit::INTERNAL_MARKERS {
            assert!(!text.contains(marker), "{marker} in CSV");
            assert!(!json.contains(marker), "{marker} in JSON");
        }
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
        assert!(text.contains("\"'=HYPERLINK("), "{text}");
        assert!(text.contains("\nemail_address,Email address,user.contact.email,"));
        assert!(text.contains(",false,customer,provided,marketing.communications.email,"));
        assert!(text.contains(",Mailer Ltd,https://shop.example/unsubscribe,2026-03-01\n"));
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["rows"][1]["shared_with"][0], "Mailer Ltd");
        assert_eq!(doc["rows"][1]["retention_period"], "P30D");
        // Every row has exactly the declared columns.
        let keys: Vec<&str> = doc["rows"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut cols = COLUMNS.to_vec();
        cols.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, cols);
    }
}
