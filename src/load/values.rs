//! Cell values: enums, `;`-lists and dates, each error placed at its cell with a fix.

use crate::diag::{did_you_mean, Diagnostic};
use crate::ids::Invalid;

use super::source::SourceFile;
use super::table::{Cell, Field, Record};

impl Invalid {
    /// The diagnostic at `cell` of `src`.
    pub fn at(self, src: &SourceFile, cell: &Field) -> Diagnostic {
        Diagnostic::at(src.path.to_path_buf(), cell.line, self.message)
            .column(cell.column)
            .snippet(src.line(cell.line))
            .maybe_help(self.help)
    }
}

/// A diagnostic at `cell` of `row`; at the row alone when the column is absent.
pub fn at_cell(
    src: &SourceFile,
    row: &Record,
    cell: &Field,
    message: impl Into<String>,
) -> Diagnostic {
    if cell.line == 0 {
        return Diagnostic::at(src.path.to_path_buf(), row.line, message)
            .snippet(src.line(row.line));
    }
    Diagnostic::at(src.path.to_path_buf(), cell.line, message)
        .column(cell.column)
        .snippet(src.line(cell.line))
}

/// Parses an enum value case-insensitively, with `-` and spaces read as `_`.
pub fn parse_enum<T: Copy>(
    raw: &str,
    column: &str,
    variants: &[(&'static str, T)],
) -> Result<T, Invalid> {
    let norm: String = raw
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    if let Some((_, v)) = variants.iter().find(|(n, _)| *n == norm) {
        return Ok(*v);
    }
    let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
    Err(Invalid {
        message: format!(
            "`{column}` must be one of {}; found `{raw}`",
            names.join(", ")
        ),
        help: near_miss(column, &norm)
            .or_else(|| did_you_mean(&norm, names))
            .or_else(|| meaning(column).map(str::to_string)),
    })
}

/// A value that is right in another column but wrong in this one, with why.
fn near_miss(column: &str, norm: &str) -> Option<String> {
    match (column, norm) {
        ("special_category_condition", "consent") => Some(
            "special-category data needs explicit consent (Art. 9(2)(a)), not only consent: write `explicit_consent` if the person explicitly agreed to this use".to_string(),
        ),
        ("special_category_condition", "contract" | "legitimate_interests") => Some(format!(
            "`{norm}` is an Art. 6 basis (it goes in `legal_basis`); special-category data also needs an Art. 9(2) condition here, e.g. `explicit_consent` or `employment_law`"
        )),
        _ => None,
    }
}

/// What the values of an enumerated column mean, for when no value is a near miss.
fn meaning(column: &str) -> Option<&'static str> {
    Some(match column {
        "source" => "where the data comes from: `provided` (the person gave it to us), `observed` (recorded while they use the service), `inferred` (worked out from other data), `third_party` (received from someone else)",
        "legal_basis" => "the GDPR Art. 6 basis for this use, e.g. `consent` when the person agreed, `contract` when the service needs it",
        "necessity" => "`required` when a person cannot use the service without this use, `optional` when they can decline it",
        "risk_class" => "the EU AI Act risk class: `high` for Annex III areas (hiring, credit, education...), `limited` for chatbots and generated content, `minimal` otherwise",
        "annex_iii" => "the AI Act Annex III area of a high-risk model, e.g. `employment` for hiring, `essential_services` for credit scoring, insurance or benefits",
        "decisions" => "`none` when its output decides nothing about people, `assists` when a person decides with it, `automated` when it decides by itself",
        "visibility" => "`public` rows are published; `internal` rows appear only on internal builds; leave it empty for `public`",
        "disposal" => "what happens when the period ends: `delete`, `anonymize` or `archive`",
        "role" => "`processor` handles data on your behalf; `controller` decides for itself what to do with it; `joint_controller` decides together with you",
        "special_category_condition" => "the GDPR Art. 9(2) condition for special-category data, e.g. `explicit_consent` when the person explicitly agreed, `employment_law` for duties of employment law, `health_care` for diagnosis and treatment",
        "transfer_mechanism" => "the legal ground of a transfer outside the EEA: `adequacy` (an EU adequacy decision), `scc` (standard contractual clauses), `bcr` (binding corporate rules), `derogation` (Art. 49) or `none`",
        "kind" => "the kind of assessment: `dpia` (data protection impact), `lia` (legitimate interests), `tia` (transfer impact) or `fria` (fundamental rights impact)",
        "outcome" => "`approved`, `approved_with_conditions` or `rejected`",
        "status" => "`production` (in use), `pilot` (tried with some people) or `retired` (no longer used)",
        _ => return None,
    })
}

/// An optional enum cell: `None` when empty; reported and `None` when invalid.
pub fn opt_enum<T: Copy>(
    src: &SourceFile,
    cell: &Field,
    column: &str,
    variants: &[(&'static str, T)],
    errors: &mut Vec<Diagnostic>,
) -> Option<T> {
    if cell.is_empty() {
        return None;
    }
    parse_enum(&cell.value, column, variants)
        .map_err(|e| errors.push(e.at(src, cell)))
        .ok()
}

/// Splits a `;`-separated list, trimming items and dropping empty ones; each item keeps its
/// column within the line.
pub fn split_list(cell: &Field) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut offset = 0;
    for part in cell.value.split(';') {
        let lead = part.chars().take_while(|c| c.is_whitespace()).count();
        let item = part.trim();
        if !item.is_empty() {
            out.push(Cell {
                value: item.to_string(),
                line: cell.line,
                column: cell.column + offset + lead,
            });
        }
        offset += part.chars().count() + 1;
    }
    out
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(raw: &str, column: &str) -> Result<jiff::civil::Date, Invalid> {
    let shaped = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let parsed = if shaped {
        raw.parse::<jiff::civil::Date>().ok()
    } else {
        None
    };
    parsed.ok_or_else(|| Invalid {
        message: if shaped {
            format!("`{column}` is not a real date: `{raw}`")
        } else {
            format!("`{column}` must be a date written YYYY-MM-DD; found `{raw}`")
        },
        help: Some(match reorder_date(raw) {
            Some(iso) => format!("did you mean `{iso}`?"),
            None if shaped => {
                "the month must be 01 to 12 and the day must exist in that month".to_string()
            }
            None => "write dates as YYYY-MM-DD, e.g. 2026-03-31".to_string(),
        }),
    })
}

/// `31/03/2026` or `31.03.2026` -> `2026-03-31` when the day/month order is unambiguous.
fn reorder_date(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b, y): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    if y < 1000 {
        return None;
    }
    let (day, month) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    let d = jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    Some(d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_are_forgiving_and_suggest() {
        let v = [("consent", 1), ("legal_obligation", 2)];
        assert_eq!(parse_enum("Legal-Obligation", "legal_basis", &v), Ok(2));
        assert_eq!(parse_enum("legal obligation", "legal_basis", &v), Ok(2));
        let e = parse_enum("consnet", "legal_basis", &v).unwrap_err();
        assert_eq!(
            e.message,
            "`legal_basis` must be one of consent, legal_obligation; found `consnet`"
        );
        assert_eq!(e.help.as_deref(), Some("did you mean `consent`?"));
        let e = parse_enum("sometimes", "necessity", &v).unwrap_err();
        assert!(e.help.unwrap().starts_with("`required` when"));
        let art9 = [("explicit_consent", 1), ("employment_law", 2)];
        let e = parse_enum("Consent", "special_category_condition", &art9).unwrap_err();
        assert!(e.help.unwrap().contains("write `explicit_consent`"));
        let e = parse_enum("contract", "special_category_condition", &art9).unwrap_err();
        assert!(e.help.unwrap().starts_with("`contract` is an Art. 6 basis"));
    }

    #[test]
    fn lists_keep_columns() {
        let cell = Field {
            value: "a; b ;;c".into(),
            line: 3,
            column: 5,
        };
        let items = split_list(&cell);
        let got: Vec<_> = items.iter().map(|c| (c.value.as_str(), c.column)).collect();
        assert_eq!(got, [("a", 5), ("b", 8), ("c", 12)]);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2026-03-31", "d").unwrap(),
            jiff::civil::date(2026, 3, 31)
        );
        let e = parse_date("2026-02-30", "last_reviewed").unwrap_err();
        assert!(e.message.contains("not a real date"));
        let e = parse_date("31/03/2026", "last_reviewed").unwrap_err();
        assert_eq!(
            e.message,
            "`last_reviewed` must be a date written YYYY-MM-DD; found `31/03/2026`"
        );
        assert_eq!(e.help.as_deref(), Some("did you mean `2026-03-31`?"));
        let e = parse_date("03/04/2026", "d").unwrap_err();
        assert!(e.help.unwrap().contains("YYYY-MM-DD"));
    }
}
