use std::path::Path;

use jiff::civil::date;

use super::*;
use crate::diff::{Kind, Section};

fn diff(texts: &[&str]) -> Diff {
    Diff {
        audience: Audience::Public,
        changes: texts
            .iter()
            .map(|t| {
                Change::new(Kind::UseAdded, Section::Collection, t.to_string())
                    .element("email", "Email")
            })
            .collect(),
        findings: None,
        counted: None,
        evidence: Vec::new(),
    }
}

fn message(e: Error) -> String {
    match e {
        Error::Invalid(d) => d
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

#[test]
fn history_accumulates_newest_first_and_round_trips() {
    let mut h = History::new(Audience::Public);
    h.push(
        &diff(&["starts collecting a"]),
        date(2026, 1, 2),
        "site",
        10,
    );
    h.push(
        &diff(&["starts collecting b"]),
        date(2026, 2, 3),
        "site",
        10,
    );
    // A rebuild of the same two versions adds nothing.
    h.push(
        &diff(&["starts collecting b"]),
        date(2026, 2, 4),
        "site",
        10,
    );
    // Nor does a build in which nothing changed.
    h.push(&diff(&[]), date(2026, 2, 5), "site", 10);
    assert_eq!(h.entries.len(), 2);
    assert_eq!(h.entries[0].date, date(2026, 2, 3));
    assert_eq!(h.entries[0].changes[0].text.0, "Starts collecting b.");
    assert_eq!(h.entries[0].changes[0].element.as_ref().unwrap().0, "email");
    assert_ne!(h.entries[0].id, h.entries[1].id);
    let bytes = h.to_json().unwrap();
    let back = parse(&bytes, Path::new("changes.json"), Audience::Public).unwrap();
    assert_eq!(back, h);
    // Bounded: only the newest `keep` sets stay.
    h.push(&diff(&["starts collecting c"]), date(2026, 3, 1), "site", 2);
    let dates: Vec<String> = h.entries.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["2026-03-01", "2026-02-03"]);
}

#[test]
fn ids_are_stable_whatever_the_date_and_a_repeated_change_gets_a_new_one() {
    let id = |d, t: &str| {
        let mut h = History::new(Audience::Public);
        h.push(&diff(&[t]), d, "https://trust.example", 10);
        h.entries[0].id.0.clone()
    };
    assert_eq!(id(date(2026, 1, 2), "x"), id(date(2026, 1, 3), "x"));
    assert_ne!(id(date(2026, 1, 2), "x"), id(date(2026, 1, 2), "y"));
    // Made, undone, made again: three entries, three ids, and the file reads back.
    let mut h = History::new(Audience::Public);
    for (day, t) in [(1, "x"), (2, "y"), (3, "x")] {
        h.push(&diff(&[t]), date(2026, 1, day), "site", 10);
    }
    assert_eq!(h.entries.len(), 3);
    assert_ne!(h.entries[0].id, h.entries[2].id);
    let bytes = h.to_json().unwrap();
    assert!(parse(&bytes, Path::new("changes.json"), Audience::Public).is_ok());
}

#[test]
fn garbage_is_an_error_with_its_line_and_column() {
    let shown = Path::new("old/changes.json");
    let bad = |text: &str| message(parse(text.as_bytes(), shown, Audience::Public).unwrap_err());
    let head =
        "{\n  \"format\": \"candor-changes/1\",\n  \"audience\": \"public\",\n  \"entries\": [\n";
    let entry = |id: &str, date: &str, text: &str| {
        format!("    {{\"id\": \"{id}\", \"date\": \"{date}\", \"changes\": [{{\"how\": \"added\", \"section\": \"collection\", \"sensitive\": false, \"text\": \"{text}\"}}]}}")
    };
    let id = "urn:uuid:0123abcd-0000-8000-8000-0123456789ab";
    let ok = format!("{head}{}\n  ]\n}}\n", entry(id, "2026-01-02", "Starts x."));
    assert!(parse(ok.as_bytes(), shown, Audience::Public).is_ok());

    let m = bad(&format!(
        "{head}{}\n  ]\n}}\n",
        entry(id, "2026-13-02", "x")
    ));
    assert!(m.contains("old/changes.json:5:"), "{m}");
    let m = bad(&format!(
        "{head}{}\n  ]\n}}\n",
        entry("urn:uuid:nope", "2026-01-02", "x")
    ));
    assert!(
        m.contains("old/changes.json:5:") && m.contains("not an entry id"),
        "{m}"
    );
    let m = bad(&format!(
        "{head}{}\n  ]\n}}\n",
        entry(id, "2026-01-02", "a\\u0007b")
    ));
    assert!(m.contains("control character"), "{m}");
    let m = bad(&format!(
        "{head}{}\n  ]\n}}\n",
        entry(id, "2026-01-02", &"x".repeat(2001))
    ));
    assert!(m.contains("longer than 2000"), "{m}");
    let m = bad(&format!(
        "{head}{},\n{}\n  ]\n}}\n",
        entry(id, "2026-01-02", "x"),
        entry(id, "2026-01-01", "y")
    ));
    assert!(
        m.contains("old/changes.json:6") && m.contains("appears twice"),
        "{m}"
    );
    let m = bad("{\"format\": \"candor-changes/1\", \"audience\": \"public\", \"entries\": [], \"extra\": 1}");
    assert!(m.contains("unknown field `extra`"), "{m}");
    let m = bad("{\"format\": \"other/9\", \"audience\": \"public\", \"entries\": []}");
    assert!(m.contains("unknown history format"), "{m}");
    let m = bad("<html>");
    assert!(
        m.contains("old/changes.json:1:1") && m.contains("not a change history"),
        "{m}"
    );
    let m = bad(&format!("{head}    {{\"id\": \"{id}\", \"date\": \"2026-01-02\", \"changes\": [{{\"how\": \"eaten\"}}]}}\n  ]\n}}\n"));
    assert!(
        m.contains("old/changes.json:5:") && m.contains("unknown variant `eaten`"),
        "{m}"
    );
}

#[test]
fn a_public_build_refuses_an_internal_history() {
    let text = "{\n  \"format\": \"candor-changes/1\",\n  \"audience\": \"internal\",\n  \"entries\": []\n}\n";
    let m =
        message(parse(text.as_bytes(), Path::new("changes.json"), Audience::Public).unwrap_err());
    assert!(
        m.contains("changes.json:3") && m.contains("internal build"),
        "{m}"
    );
    assert!(parse(
        text.as_bytes(),
        Path::new("changes.json"),
        Audience::Internal
    )
    .is_ok());
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("changes.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_BYTES + 1).unwrap();
    let m = message(read(&path, Path::new("changes.json"), Audience::Public).unwrap_err());
    assert!(m.contains("at most"), "{m}");
}
