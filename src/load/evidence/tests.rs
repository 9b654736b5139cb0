//! Evidence files of each shape, and malformed ones: errors name the file and line or pointer.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::load::SourceFile;

fn src(name: &str, text: &str) -> SourceFile {
    SourceFile::new(Arc::from(Path::new(name)), text)
}

const BEARER: &str = r#"{
  "subjects": [
    {"subject_name": "User", "name": "Email Address", "detection_count": 3,
     "critical_risk_failure_count": 0, "high_risk_failure_count": 0,
     "medium_risk_failure_count": 0, "low_risk_failure_count": 0, "rules_passed_count": 1}
  ],
  "third_party": [
    {"third_party": "Sentry", "subject_name": "User", "data_types": ["Email Address"]},
    {"third_party": "Amazon AWS APIs", "subject_name": "Unknown", "data_types": ["Unknown"]}
  ]
}"#;

#[test]
fn a_bearer_report_is_recognised_and_read() {
    let f = parse(&src("content/evidence/bearer.json", BEARER)).expect("valid");
    assert_eq!(f.scanner, Scanner::Bearer);
    assert_eq!(f.name, "bearer.json");
    assert_eq!(f.detections.len(), 3);
    let email = &f.detections[0];
    assert_eq!(email.data_type.as_deref(), Some("Email Address"));
    assert_eq!((email.count, email.line), (3, 3));
    let sentry = &f.detections[1];
    assert_eq!(sentry.third_party.as_deref(), Some("Sentry"));
    assert_eq!(sentry.pointer, "/third_party/0");
    assert_eq!(sentry.line, 8);
    assert_eq!(
        f.detections[2].data_type, None,
        "Bearer's `Unknown` is no data type"
    );
}

#[test]
fn a_privado_report_is_recognised_with_its_date_and_domains() {
    let text = r#"{"repoName": "shop", "createdAt": 1777593600000,
 "sources": [{"sourceType": "REGULAR", "id": "Data.Sensitive.ContactData.EmailAddress", "name": "Email Address"}],
 "processing": [{"sourceId": "Data.Sensitive.ContactData.EmailAddress",
   "occurrences": [{"sample": "email", "lineNumber": 12, "columnNumber": 4, "fileName": "app/user.py", "excerpt": ""}]}],
 "dataFlow": {"third_parties": [{"sourceId": "Data.Sensitive.ContactData.EmailAddress",
   "sinks": [{"sinkType": "REGULAR", "id": "ThirdParties.SDK.Sentry", "name": "Sentry", "domains": ["sentry.io"], "paths": []}]}]}}"#;
    let f = parse(&src("privado.json", text)).expect("valid");
    assert_eq!(f.scanner, Scanner::Privado);
    assert_eq!(
        f.scanned.map(|d| d.to_string()).as_deref(),
        Some("2026-05-01")
    );
    assert_eq!(f.detections[0].location.as_deref(), Some("app/user.py:12"));
    assert_eq!(f.detections[1].domains, ["sentry.io"]);
    assert_eq!(f.detections[1].pointer, "/dataFlow/third_parties/0/sinks/0");
}

#[test]
fn a_csv_is_read_with_its_lines() {
    let text = "data_type,third_party,location,system\nuser.contact.email,,signup.py:3,storefront\n,Sentry,,\n";
    let f = parse(&src("manual.csv", text)).expect("valid");
    assert_eq!(f.scanner, Scanner::Csv);
    assert_eq!(f.detections[1].line, 3);
    assert_eq!(f.detections[0].system.as_deref(), Some("storefront"));
}

#[test]
fn malformed_evidence_is_an_error_with_line_or_pointer_never_a_panic() {
    let bad_json = parse(&src(
        "b.json",
        "{\n  \"subjects\": [\n    {\"name\": 3}\n  ]\n}",
    ))
    .unwrap_err();
    assert!(
        bad_json[0].message.contains("/subjects/0/name"),
        "{:?}",
        bad_json
    );
    assert_eq!(bad_json[0].line, Some(3));
    let syntax = parse(&src("b.json", "{\n  \"subjects\": [,\n}")).unwrap_err();
    assert_eq!(syntax[0].line, Some(2));
    let unknown = parse(&src("b.json", "{\"findings\": []}")).unwrap_err();
    assert!(unknown[0].message.contains("Bearer"), "{unknown:?}");
    let wrong_list = parse(&src("b.json", "{\"subjects\": {}}")).unwrap_err();
    assert!(wrong_list[0]
        .message
        .contains("`/subjects` should be a list"));
    let csv = parse(&src("m.csv", "data_typ,third_party\nx,y\n")).unwrap_err();
    assert!(
        csv[0].help.as_deref().unwrap_or("").contains("data_type"),
        "{csv:?}"
    );
    let empty_row = parse(&src(
        "m.csv",
        "data_type,third_party,location\n,,app.py:3\n",
    ))
    .unwrap_err();
    assert_eq!(empty_row[0].line, Some(2));
    let deep = format!(
        "{{\"subjects\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(parse(&src("d.json", &deep)).is_err());
    assert!(parse(&src("x.txt", "hello")).is_err());
}

/// Every prefix of a valid report (a file cut off anywhere) is an error or a report, never a
/// panic.
#[test]
fn a_report_cut_off_anywhere_never_panics() {
    for end in (0..BEARER.len()).filter(|&i| BEARER.is_char_boundary(i)) {
        let _ = parse(&src("b.json", &BEARER[..end]));
        let _ = parse(&src("b.csv", &BEARER[..end]));
    }
    let hostile = [
        "{\"subjects\": [null, 1, \"x\", [], {\"name\": null}]}",
        "{\"third_party\": [{\"third_party\": \"A\", \"data_types\": [null, 3, \"\"]}]}",
        "{\"sources\": 5, \"dataFlow\": {\"third_parties\": [{\"sinks\": [{}]}]}}",
        "{\"sources\": [], \"dataFlow\": [], \"createdAt\": -99999999999999999}",
        "{\"subjects\": [{\"name\": \"\\u00e9\", \"detection_count\": -1}]}",
    ];
    for h in hostile {
        assert!(parse(&src("h.json", h)).is_err(), "{h}");
    }
}
