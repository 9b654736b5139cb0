use super::*;
use std::path::Path;
use std::sync::Arc;

const HEADER: &str = "element,name,category,purpose,why,legal_basis,necessity,visibility,source,subjects,last_reviewed,retention,x_ticket\n";

fn load(rows: &str) -> (Vec<RawUse>, Vec<Diagnostic>) {
    let text = format!("{HEADER}{rows}");
    let src = SourceFile::new(Arc::from(Path::new("content/inventory/a.csv")), &text);
    let mut errors = Vec::new();
    (load_inventory(&src, &mut errors), errors)
}

#[test]
fn reads_a_row_with_enums_lists_dates_and_extras() {
    let (rows, e) = load(
        "email,Email,user.contact.email,essential.service,Receipts,Legitimate interests,OPTIONAL,internal,third-party,customer;; prospect ,2026-02-28,p7y,T-9\n",
    );
    assert!(e.is_empty(), "{e:?}");
    let r = &rows[0];
    assert_eq!(r.origin.line, 2);
    assert_eq!(r.legal_basis, Some(LegalBasis::LegitimateInterests));
    assert_eq!(r.necessity, Some(Necessity::Optional));
    assert_eq!(r.visibility, Visibility::Internal);
    let el = r.element_cells.as_deref().unwrap();
    assert_eq!(el.source, Some(Source::ThirdParty));
    let subjects: Vec<_> = el.subjects.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(subjects, ["customer", "prospect"]);
    assert_eq!(r.last_reviewed, Some(jiff::civil::date(2026, 2, 28)));
    assert_eq!(r.retention.as_ref().map(|c| c.value.as_str()), Some("p7y"));
    assert_eq!(r.extra.get("x_ticket").map(String::as_str), Some("T-9"));
}

#[test]
fn bad_enum_names_column_valid_values_and_suggestion() {
    let (rows, e) = load("email,E,c,p,w,consnet,,,,,,,\n");
    assert_eq!(rows.len(), 1, "the row is kept, the value dropped");
    assert_eq!(rows[0].legal_basis, None);
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].message,
        "`legal_basis` must be one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests; found `consnet`"
    );
    assert_eq!((e[0].line, e[0].column), (Some(2), Some(15)));
    assert_eq!(e[0].help.as_deref(), Some("did you mean `consent`?"));
    let (_, e) = load("email,E,c,p,w,,sometimes,public,,,,,\n");
    assert!(e[0]
        .message
        .starts_with("`necessity` must be one of required, optional"));
    let (_, e) = load("email,E,c,p,w,,,secret,,,,,\n");
    assert!(e[0]
        .message
        .starts_with("`visibility` must be one of public, internal"));
    let (_, e) = load("email,E,c,p,w,,,,bought,,,,\n");
    assert!(e[0].message.starts_with("`source` must be one of provided"));
}

#[test]
fn bad_date_is_an_error_at_its_cell() {
    let (_, e) = load("email,E,c,p,w,,,,,,2026/02/28,,\n");
    assert_eq!(
        e[0].message,
        "`last_reviewed` must be a date written YYYY-MM-DD; found `2026/02/28`"
    );
    assert_eq!(e[0].column, Some(20));
}

#[test]
fn element_ids_are_checked_and_bad_rows_dropped() {
    let (rows, e) = load("Email Address,E,c,p,w,,,,,,,,\n,E,c,p,w,,,,,,,,\n");
    assert!(rows.is_empty());
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].help.as_deref(), Some("try `email_address`"));
    assert_eq!(e[1].message, "this row has no `element` id");
    assert_eq!((e[1].line, e[1].column), (Some(3), Some(1)));
}

#[test]
fn empty_why_and_purpose_are_errors() {
    let (_, e) = load("email,E,c,,,,,,,,,,\n");
    let msgs: Vec<_> = e.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "`purpose` is empty for element `email`",
            "`why` is empty for element `email`"
        ]
    );
    assert_eq!(e[1].column, Some(12));
    assert!(e[1]
        .help
        .as_deref()
        .unwrap()
        .contains("shown to the public"));
}

/// Random rows under a full header: never a panic, and every problem is placed in the file.
#[test]
fn never_panics_on_arbitrary_rows() {
    const BITS: &[&str] = &[
        ",",
        "\n",
        "\"",
        ";",
        "é",
        "x",
        "P1Y",
        "2026-02-30",
        "3/4/2026",
        "Con",
        " ",
        "consnet",
        "_",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..1500 {
        let mut rows = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            rows.push_str(BITS[(seed % BITS.len() as u64) as usize]);
        }
        let (_, e) = load(&rows);
        for d in &e {
            assert!(
                d.line.is_some() || d.message.contains("header"),
                "{rows:?}: {d:?}"
            );
        }
    }
}
