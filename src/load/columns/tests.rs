use super::*;
use std::path::Path;
use std::sync::Arc;

const SPEC: Spec = Spec {
    what: "inventory",
    known: &["element", "purpose", "why", "notes"],
    required: &["element", "purpose", "why"],
    example: "element,purpose,why",
    optional: true,
};

fn header(text: &str) -> (Option<Columns>, Vec<Diagnostic>) {
    let src = SourceFile::new(Arc::from(Path::new("i.csv")), text);
    let mut errors = Vec::new();
    let table = super::super::table::read(&src, &mut errors).unwrap();
    let cols = check_header(&table, &src, &SPEC, &mut errors);
    (cols, errors)
}

#[test]
fn maps_known_and_extra_columns() {
    let (cols, e) = header("Element,purpose,why,x_ticket\ne,p,w,T-1\n");
    assert!(e.is_empty(), "{e:?}");
    let cols = cols.unwrap();
    assert_eq!(cols.extra, [("x_ticket".to_string(), 3)]);
}

#[test]
fn misspelt_column_suggests_and_does_not_cascade() {
    let (cols, e) = header("element,purpse,why\ne,p,w\n");
    assert!(cols.is_none());
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].message,
        "unknown column `purpse` in the inventory header"
    );
    assert_eq!((e[0].line, e[0].column), (Some(1), Some(9)));
    assert!(e[0]
        .help
        .as_deref()
        .unwrap()
        .starts_with("did you mean `purpose`?"));
}

#[test]
fn missing_required_column() {
    let (_, e) = header("element,purpose\ne,p\n");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].message, "the inventory header has no `why` column");
    assert_eq!((e[0].line, e[0].column), (Some(1), Some(16)));
    assert_eq!(
        e[0].help.as_deref(),
        Some("add it to the first line; every inventory file needs the columns `element`, `purpose` and `why`")
    );
    let (_, e) = header("element\ne\n");
    assert_eq!(
        e[0].message,
        "the inventory header has no `purpose` and `why` columns"
    );
}

#[test]
fn empty_file_names_the_expected_header() {
    let src = SourceFile::new(Arc::from(Path::new("i.csv")), "\n");
    let mut errors = vec![Diagnostic::file("other.csv", "an earlier problem")];
    assert!(read_table(&src, &SPEC, &mut errors).is_none());
    assert_eq!(errors.len(), 2, "reported even after other files' errors");
    assert_eq!(errors[1].message, "i.csv is empty");
    assert!(
        errors[1]
            .help
            .as_deref()
            .unwrap()
            .contains("`element,purpose,why`"),
        "{:?}",
        errors[1].help
    );
}

#[test]
fn rows_dropped_for_their_field_count_are_not_a_missing_body() {
    let src = SourceFile::new(Arc::from(Path::new("i.csv")), "element,purpose,why\ne,p\n");
    let mut errors = Vec::new();
    assert!(read_table(&src, &SPEC, &mut errors).is_some());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("2 fields"),
        "{}",
        errors[0].message
    );
}

#[test]
fn header_only_and_semicolons() {
    let (_, e) = header("element,purpose,why\n");
    assert!(
        e[0].message.contains("has a header but no rows"),
        "{}",
        e[0].message
    );
    let (_, e) = header("element;purpose;why\ne;p;w\n");
    assert!(
        e[0].message.contains("separated by `;`"),
        "{}",
        e[0].message
    );
}

#[test]
fn unnamed_columns_are_ignored_when_empty() {
    let (cols, e) = header("element,purpose,why,,\ne,p,w,,\n");
    assert!(e.is_empty(), "{e:?}");
    assert!(cols.is_some());
    let (_, e) = header("element,purpose,why,\ne,p,w,\ne,p,w,oops\n");
    assert_eq!(
        e[0].message,
        "column 4 of the inventory header has no name, but line 3 has a value in it"
    );
}

#[test]
fn duplicate_column() {
    let (_, e) = header("element,purpose,why,why\ne,p,w,w\n");
    assert_eq!(
        e[0].message,
        "column `why` appears twice in the inventory header"
    );
    assert_eq!(e[0].column, Some(21));
}
