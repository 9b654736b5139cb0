use super::*;
use crate::load::source::SourceFile;
use crate::load::table::Row;
use std::path::Path;
use std::sync::Arc;

/// What reading gave: the rows (owned), how many were seen, truncated, dropped, and every
/// diagnostic in order.
type Outcome = (Vec<Row>, usize, bool, usize, Vec<Diagnostic>);

/// The test's `parse`: keeps every record, and reports the ones whose first cell holds `x`, so
/// that parse problems interleave with reading problems.
fn parse(record: &Record, errors: &mut Vec<Diagnostic>) -> Option<Row> {
    let first = &record.cells[0];
    if first.value.contains('x') {
        errors.push(Diagnostic::at(
            "t.csv",
            first.line,
            format!("x at {}", first.column),
        ));
    }
    (!first.value.contains('z')).then(|| Row::from(record.clone()))
}

/// Reads `text` with one reader, in batches, as `load_inventory` did before pieces.
fn serial(text: &str, batch: usize) -> Option<Outcome> {
    let src = SourceFile::new(Arc::from(Path::new("t.csv")), text);
    let mut errors = Vec::new();
    let records = Records::open(&src, &mut errors)?;
    let r = read_rows_serial(records, batch, &mut errors, parse);
    Some((r.rows, r.seen, r.truncated, r.dropped, errors))
}

fn chunked(text: &str, plan: Plan) -> Option<Outcome> {
    let src = SourceFile::new(Arc::from(Path::new("t.csv")), text);
    let mut errors = Vec::new();
    let records = Records::open(&src, &mut errors)?;
    let r = read_rows(records, plan, &mut errors, parse);
    Some((r.rows, r.seen, r.truncated, r.dropped, errors))
}

fn same(text: &str, plan: Plan) {
    let (want, got) = (serial(text, plan.batch), chunked(text, plan));
    assert_eq!(got, want, "{text:?} read with {plan:?}");
}

const PLAN: Plan = Plan {
    piece: 8,
    wave: 3,
    batch: 2,
};

#[test]
fn cuts_fall_after_newlines_and_cover_the_text() {
    let text = "h\naaaa\nbb\n\nccccccc\nd";
    assert_eq!(cuts(text, 2, 3), [2, 7, 10, 19, 20]);
    assert_eq!(cuts(text, 2, 100), [2, 20]);
    assert_eq!(cuts("h\na\n", 2, 1), [2, 4]);
    let lines = line_numbers(text, &cuts(text, 2, 3), 2);
    assert_eq!(lines, [2, 3, 4, 6, 6]);
}

#[test]
fn newlines_are_counted_past_a_byte_counter() {
    assert_eq!(newlines(&[b'\n'; 600]), 600);
    let text = "ab\n".repeat(700);
    assert_eq!(newlines(text.as_bytes()), 700);
    assert_eq!(newlines(&text.as_bytes()[1..]), 700);
    assert_eq!(newlines(b""), 0);
}

#[test]
fn a_quoted_value_across_cuts_reads_as_one() {
    let text = "a,b,c\n1,\"one\ntwo\n\nthree, four\nfive\",3\nx,\"\"\"q\"\"\nr\" ,é\n4,5,6\n";
    let quoted = text.find("\"one").unwrap()..text.find("five\"").unwrap();
    let plan = Plan { piece: 4, ..PLAN };
    assert!(
        cuts(text, 6, plan.piece).iter().any(|c| quoted.contains(c)),
        "a cut falls inside the quoted value"
    );
    same(text, plan);
    let (rows, ..) = chunked(text, plan).unwrap();
    assert_eq!(rows[0].cells[1].value, "one\ntwo\n\nthree, four\nfive");
    assert_eq!((rows[0].cells[2].line, rows[0].cells[2].column), (6, 7));
    assert_eq!(rows[1].line, 7);
    assert_eq!(
        (rows[1].cells[1].value.as_str(), rows[1].cells[1].line),
        ("\"q\"\nr", 7)
    );
    assert_eq!((rows[1].cells[2].line, rows[1].cells[2].column), (8, 5));
    assert_eq!((rows[2].line, rows.len()), (9, 3));
}

#[test]
fn diagnostics_come_in_the_same_order() {
    let text = "a,b\nx1,2\n\"x\" y,2\n1,2,3\nx\n,\n\"p\"q,\"r\ns\"t\nx,\"open\n5,6\n";
    for piece in [1, 3, 5, 8, 13, 100] {
        for batch in [1, 2, 3, 4096] {
            same(
                text,
                Plan {
                    piece,
                    wave: 2,
                    batch,
                },
            );
        }
    }
    let (_, seen, truncated, dropped, e) = chunked(text, PLAN).unwrap();
    assert_eq!((seen, truncated, dropped), (3, true, 2));
    let messages: Vec<&str> = e.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "text after the closing quote of a quoted value: `y`",
            "x at 1",
            "x at 2",
            "this row has 3 fields but the header has 2, so this row is skipped",
            "this row has 1 field but the header has 2 (missing `b`), so this row is skipped",
            "text after the closing quote of a quoted value: `q`",
            "text after the closing quote of a quoted value: `t`",
            "this quote is never closed, so nothing after it can be read",
        ]
    );
}

#[test]
fn an_unclosed_quote_before_a_later_quote_ends_the_file_where_one_reader_would() {
    for text in [
        "a,b\n1,2\n3,\"oops\n4,5\n6,\"x\"\n7,8\n",
        "a,b\n1,\"2\n3,4\n",
        "a,b\n1,\"2\"\"\n3,4\n\"",
        "a,b\n\"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n,\n",
    ] {
        for piece in 1..12 {
            for wave in 1..4 {
                same(
                    text,
                    Plan {
                        piece,
                        wave,
                        batch: 2,
                    },
                );
            }
        }
    }
}

#[test]
fn files_without_rows_read_the_same() {
    for text in ["a,b\n", "a,b", "a,b\n\n,\n", "a,b\n1\n", "\n\na,b\n\"\n"] {
        same(text, PLAN);
        same(text, Plan { piece: 1, ..PLAN });
    }
}

/// Random texts over CSV-significant pieces, cut at random sizes: the same records, lines,
/// columns, counts and diagnostics, in the same order, as one reader.
#[test]
fn pieces_read_like_one_reader_on_random_text() {
    const BITS: &[&str] = &[
        "\"", "\"", ",", ",", "\n", "\n", "\n", " ", "a", "x", "z", "é", "\"\"", "\n\"", "\",",
    ];
    let mut seed: u64 = 0x1234_5678_9abc_def1;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..4000 {
        let mut text = String::from("a,b,c\n");
        for _ in 0..next(80) {
            text.push_str(BITS[next(BITS.len())]);
        }
        let plan = Plan {
            piece: 1 + next(24),
            wave: 1 + next(4),
            batch: 1 + next(5),
        };
        same(&text, plan);
    }
}
