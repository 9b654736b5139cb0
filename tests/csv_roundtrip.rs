//! Property tests where fuzzing cannot judge the answer: any grid of cells with quotes,
//! commas, newlines and non-ASCII text, written as CSV (quoted where needed, with or without
//! a byte-order mark, LF or CRLF line ends), reads back as the same cells at the right
//! places, and inventory text columns come out of the loader as they went in.

use std::path::Path;
use std::sync::Arc;

use candor::load::inventory::load_inventory;
use candor::load::table::parse;
use candor::load::SourceFile;
use proptest::prelude::*;

/// Cell text: CSV-significant characters, spaces, `;`, non-ASCII, never blank at the ends
/// (the reader trims cells).
fn cell() -> impl Strategy<Value = String> {
    "[a-zé€ ,;\"\n\r\t]{0,10}".prop_map(|s| s.trim().to_string())
}

/// RFC 4180: quote a field that holds a comma, quote or line break; double inner quotes.
/// Some plain fields are quoted anyway, as spreadsheets do.
fn field(value: &str, force_quotes: bool) -> String {
    if force_quotes || value.contains([',', '"', '\n', '\r']) || value.starts_with([' ', '\t']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn write_csv(rows: &[Vec<String>], bom: bool, crlf: bool, quote_all: bool) -> String {
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut out = String::from(if bom { "\u{feff}" } else { "" });
    for row in rows {
        let fields: Vec<String> = row.iter().map(|v| field(v, quote_all)).collect();
        out.push_str(&fields.join(","));
        out.push_str(eol);
    }
    out
}

/// What the reader makes of a written value: line ends normalised to `\n`, then trimmed.
fn expected(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

fn grid() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    (1usize..6).prop_flat_map(|n| {
        let header = (0..n).map(|i| format!("c{i}")).collect::<Vec<_>>();
        let rows = prop::collection::vec(prop::collection::vec(cell(), n), 0..6);
        (Just(header), rows)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_grid_reads_back_cell_for_cell(
        (header, rows) in grid(),
        bom in any::<bool>(),
        crlf in any::<bool>(),
        quote_all in any::<bool>(),
    ) {
        let mut all = vec![header.clone()];
        all.extend(rows.iter().cloned());
        let text = write_csv(&all, bom, crlf, quote_all);
        let src = SourceFile::new(Arc::from(Path::new("g.csv")), &text);
        let mut errors = Vec::new();
        let table = parse(&src, &mut errors).expect("a header");
        prop_assert!(errors.is_empty(), "{errors:?}\n{text:?}");
        let got_header: Vec<&str> = table.header.cells.iter().map(|c| c.value.as_str()).collect();
        prop_assert_eq!(got_header, header.iter().map(String::as_str).collect::<Vec<_>>());
        let want: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|v| expected(v)).collect::<Vec<_>>())
            .filter(|r| r.iter().any(|v| !v.is_empty()))
            .collect();
        let got: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
            .collect();
        prop_assert_eq!(&got, &want, "{:?}", text);
        // Every non-empty cell is placed where its text starts in the file.
        for c in table.rows.iter().flat_map(|r| &r.cells).filter(|c| !c.is_empty()) {
            let at: String = src.line(c.line).chars().skip(c.column - 1).collect();
            let first_line = c.value.split('\n').next().unwrap_or("");
            let raw_start = first_line.split('"').next().unwrap_or("");
            prop_assert!(at.starts_with(raw_start), "{c:?} at {at:?} in {text:?}");
        }
    }

    #[test]
    fn inventory_text_columns_survive_the_loader(
        whys in prop::collection::vec(cell(), 1..5),
        notes in prop::collection::vec(cell(), 1..5),
        bom in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let mut all = vec![
            ["element", "name", "category", "purpose", "why", "notes", "x_ref"]
                .map(String::from)
                .to_vec(),
        ];
        let n = whys.len().min(notes.len());
        for i in 0..n {
            let why = if whys[i].trim().is_empty() { "w".to_string() } else { whys[i].clone() };
            all.push(vec![
                format!("e{i}"),
                format!("Name, {i}"),
                "user.contact.email".into(),
                "essential.service".into(),
                why,
                notes[i].clone(),
                format!("\"T-{i}\""),
            ]);
        }
        let text = write_csv(&all, bom, crlf, false);
        let src = SourceFile::new(Arc::from(Path::new("content/inventory/p.csv")), &text);
        let mut errors = Vec::new();
        let uses = load_inventory(&src, &mut errors);
        prop_assert!(errors.is_empty(), "{errors:?}\n{text:?}");
        prop_assert_eq!(uses.len(), n);
        for (i, u) in uses.iter().enumerate() {
            prop_assert_eq!(&u.why, &expected(&all[i + 1][4]));
            let note = expected(&notes[i]);
            prop_assert_eq!(u.notes.clone(), (!note.is_empty()).then_some(note));
            prop_assert_eq!(u.name.value.clone(), format!("Name, {i}"));
            prop_assert_eq!(u.extra.get("x_ref").cloned(), Some(format!("\"T-{i}\"")));
        }
    }
}
