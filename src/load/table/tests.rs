use super::*;
use std::path::Path;
use std::sync::Arc;

fn run(text: &str) -> (Option<Table>, Vec<Diagnostic>) {
    let src = SourceFile::new(Arc::from(Path::new("t.csv")), text);
    let mut errors = Vec::new();
    let t = parse(&src, &mut errors);
    (t, errors)
}

fn values(row: &Row) -> Vec<&str> {
    row.cells.iter().map(|c| c.value.as_str()).collect()
}

#[test]
fn reads_quotes_escapes_and_multiline_fields() {
    let (t, e) = run("a,b,c\n1, \"x, \"\"y\"\"\" ,3\n\n\"multi\nline\",2,3\n");
    assert!(e.is_empty(), "{e:?}");
    let t = t.unwrap();
    assert_eq!(values(&t.header), ["a", "b", "c"]);
    assert_eq!(values(&t.rows[0]), ["1", "x, \"y\"", "3"]);
    assert_eq!(t.rows[0].cells[1].column, 5);
    assert_eq!(t.rows[0].cells[2].column, 16);
    assert_eq!(t.rows[1].line, 4);
    assert_eq!(values(&t.rows[1]), ["multi\nline", "2", "3"]);
    assert_eq!((t.rows[1].cells[1].line, t.rows[1].cells[1].column), (5, 7));
}

#[test]
fn trims_and_tracks_columns_by_character() {
    let (t, _) = run("é,b\nçà,  v\n");
    let c = &t.unwrap().rows[0].cells[1];
    assert_eq!((c.value.as_str(), c.line, c.column), ("v", 2, 6));
}

#[test]
fn skips_rows_of_empty_fields() {
    let (t, e) = run("a,b\n,\n1,2\n,,\n");
    assert_eq!(t.unwrap().rows.len(), 1);
    assert_eq!(e.len(), 0);
}

#[test]
fn unclosed_quote_points_at_the_quote() {
    let (t, e) = run("a,b\n1,2\n3,\"oops\n4,5\n");
    let t = t.unwrap();
    assert!(t.truncated);
    assert_eq!(t.rows.len(), 1);
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].line, e[0].column), (Some(3), Some(3)));
    assert!(e[0].message.contains("never closed"), "{}", e[0].message);
    assert_eq!(e[0].snippet.as_deref(), Some("3,\"oops"));
}

#[test]
fn text_after_closing_quote_is_an_error() {
    let (_, e) = run("a,b\n\"x\" y z,2\n");
    assert!(
        e[0].help
            .as_deref()
            .unwrap()
            .ends_with("`\"\"\"x\"\" y z\"`"),
        "{:?}",
        e[0].help
    );
    let (_, e) = run("a,b\n\"x\"y,2\n");
    assert_eq!((e[0].line, e[0].column), (Some(2), Some(4)));
    assert_eq!(
        e[0].message,
        "text after the closing quote of a quoted value: `y`"
    );
    assert!(
        e[0].help.as_deref().unwrap().ends_with("`\"\"\"x\"\"y\"`"),
        "{:?}",
        e[0].help
    );
}

/// A quote left open on one line and "closed" by the next line's quoted value is reported
/// where it opened, with the fix for it (not one line late as text after a closing quote).
#[test]
fn a_quote_closed_only_by_a_later_line_is_reported_where_it_opened() {
    let (_, e) = run("a,b,c\n1,\"open here,3\n4,\"quoted\",6\n");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].line, e[0].column), (Some(2), Some(3)), "{e:?}");
    assert!(
        e[0].message.contains("not closed on its line"),
        "{}",
        e[0].message
    );
    assert!(e[0].message.contains("line 3"), "{}", e[0].message);
    let help = e[0].help.as_deref().unwrap_or("");
    assert!(help.contains("end the quoted value with"), "{help}");
    assert!(
        !help.contains("open here"),
        "no rewrite of two lines as one value: {help}"
    );
}

#[test]
fn wrong_field_counts_name_the_line_and_columns() {
    let (t, e) = run("a,b,c\n1,2\n1,2,3,4\n1,2,3\n");
    assert_eq!(t.unwrap().rows.len(), 1);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].line, Some(2));
    assert!(e[0]
        .message
        .contains("2 fields but the header has 3 (missing `c`)"));
    assert_eq!(e[0].column, Some(4));
    assert_eq!((e[1].line, e[1].column), (Some(3), Some(7)));
    assert!(e[1].help.as_deref().unwrap().contains("`4`"));
}

#[test]
fn empty_file_has_no_table_and_no_error_of_its_own() {
    for text in ["", "\n\n", ",,\n \n"] {
        let (t, e) = run(text);
        assert!(t.is_none(), "{text:?}");
        assert!(e.is_empty(), "{text:?}: {e:?}");
    }
    let (t, e) = run("a,b\n1\n");
    assert_eq!((t.unwrap().dropped, e.len()), (1, 1));
}

/// Random short texts over CSV-significant characters: the reader never panics, every
/// diagnostic has a line within the file, and every cell lies within the file.
#[test]
fn never_panics_on_arbitrary_text() {
    const ALPHABET: &[&str] = &[
        "\"", ",", "\n", "\r", " ", "\t", "a", "é", ";", "\u{feff}", "\"\"",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 24) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(ALPHABET[(seed % ALPHABET.len() as u64) as usize]);
        }
        let (t, e) = run(&text);
        let lines = text.split(['\n', '\r']).count().max(1);
        for d in &e {
            assert!(
                d.line.is_none_or(|l| l >= 1 && l <= lines),
                "{text:?}: {d:?}"
            );
        }
        if let Some(t) = t {
            for c in t.rows.iter().flat_map(|r| &r.cells) {
                assert!(
                    c.line >= 1 && c.line <= lines && c.column >= 1,
                    "{text:?}: {c:?}"
                );
            }
        }
    }
}
