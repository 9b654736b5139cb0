//! `content/assessments.csv` -> raw assessment rows; what `covers` names is resolved by `link`.

use jiff::civil::Date;

use crate::diag::{Diagnostic, Origin};
use crate::model::{AssessmentKind, Outcome};

use super::columns::Spec;
use super::registers::{load, Register};
use super::source::SourceFile;
use super::table::Cell;
use super::values::{at_cell, opt_enum, parse_date, split_list};

pub const ASSESSMENTS: Spec = Spec {
    what: "assessments",
    known: &[
        "id",
        "kind",
        "covers",
        "date",
        "outcome",
        "url",
        "description",
    ],
    required: &["id", "kind", "covers"],
    example: "id,kind,covers,date,outcome,url,description",
    optional: true,
};

/// One row of `assessments.csv`, its `covers` ids not yet resolved.
#[derive(Debug, Clone)]
pub struct RawAssessment {
    pub id: String,
    pub kind: AssessmentKind,
    /// The `;`-separated ids, each with its place for "unknown id" errors.
    pub covers: Vec<Cell>,
    pub date: Option<Date>,
    pub outcome: Option<Outcome>,
    pub url: Option<String>,
    pub description: Option<String>,
    pub origin: Origin,
}

/// Reads `content/assessments.csv`. A row with an invalid value is reported and left out.
pub fn load_assessments(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Register<RawAssessment> {
    load(src, &ASSESSMENTS, "assessment", errors, |r, errors| {
        let before = errors.len();
        let kind_cell = r.cols.cell(r.row, "kind");
        let kind = opt_enum(r.src, kind_cell, "kind", AssessmentKind::ALL, errors);
        if kind_cell.is_empty() {
            errors.push(
                at_cell(r.src, r.row, kind_cell, format!("assessment `{}` has no `kind`", r.id))
                    .help("write `dpia` (data protection impact), `lia` (legitimate interests), `tia` (transfer impact) or `fria` (fundamental rights impact)"),
            );
        }
        let covers_cell = r.cols.cell(r.row, "covers");
        let covers = split_list(covers_cell);
        if covers.is_empty() {
            errors.push(
                at_cell(r.src, r.row, covers_cell, format!("assessment `{}` covers nothing", r.id))
                    .help("list what it assesses in `covers`, separated by `;`: element, model or recipient ids, or data use keys such as `marketing.advertising`"),
            );
        }
        let date_cell = r.cols.cell(r.row, "date");
        let date = if date_cell.is_empty() {
            None
        } else {
            parse_date(&date_cell.value, "date")
                .map_err(|e| errors.push(e.at(r.src, date_cell)))
                .ok()
        };
        let outcome = opt_enum(
            r.src,
            r.cols.cell(r.row, "outcome"),
            "outcome",
            Outcome::ALL,
            errors,
        );
        let url = r.url("url", "the assessment", errors);
        if errors.len() > before {
            return None;
        }
        Some(RawAssessment {
            id: r.id.clone(),
            kind: kind?,
            covers,
            date,
            outcome,
            url,
            description: r.text("description"),
            origin: r.origin(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    fn src(text: &str) -> SourceFile {
        SourceFile::new(Arc::from(Path::new("content/assessments.csv")), text)
    }

    #[test]
    fn rows_parse_and_each_bad_value_is_placed_at_its_cell() {
        let s = src("id,kind,covers,date,outcome,url,description\n\
dpia-1,DPIA,email; marketing ;,2026-03-01,approved with conditions,https://x.example/d,Newsletter\n\
lia-2,dpai,email,2026-03-01,,,\n\
tia-3,tia,,31/03/2026,aproved,x.example/t,\n\
none-4,,email,,,,\n");
        let mut e = Vec::new();
        let reg = load_assessments(&s, &mut e);
        assert_eq!(reg.items.len(), 1);
        let a = &reg.items[0];
        assert_eq!(a.kind, AssessmentKind::Dpia);
        assert_eq!(a.outcome, Some(Outcome::ApprovedWithConditions));
        let covers: Vec<_> = a
            .covers
            .iter()
            .map(|c| (c.value.as_str(), c.column))
            .collect();
        assert_eq!(covers, [("email", 13), ("marketing", 20)]);
        assert_eq!(a.date, Some(jiff::civil::date(2026, 3, 1)));
        let got: Vec<_> = e
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str(), d.help.as_deref()))
            .collect();
        assert_eq!(got[0].0, Some(3));
        assert_eq!(got[0].3, Some("did you mean `dpia`?"));
        assert_eq!(got[1].2, "assessment `tia-3` covers nothing");
        assert_eq!(
            got[2].2,
            "`date` must be a date written YYYY-MM-DD; found `31/03/2026`"
        );
        assert_eq!(got[3].3, Some("did you mean `approved`?"));
        assert_eq!(got[4].3, Some("did you mean `https://x.example/t`?"));
        assert_eq!(got[5].2, "assessment `none-4` has no `kind`");
        assert_eq!(e.len(), 6, "{e:?}");
        let mut broken: Vec<_> = reg.broken.iter().map(String::as_str).collect();
        broken.sort_unstable();
        assert_eq!(broken, ["lia-2", "none-4", "tia-3"]);
    }
}
