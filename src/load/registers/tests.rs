//! The register loaders on small files.
use super::*;
use std::path::Path;
use std::sync::Arc;

fn src(name: &str, text: &str) -> SourceFile {
    SourceFile::new(Arc::from(Path::new("content").join(name).as_path()), text)
}

#[test]
fn retention_rows_parse_and_bad_ones_are_marked_broken() {
    let s = src(
        "retention.csv",
        "id,name,duration,trigger,disposal\nshort,Short,P30D,collection,Anonymize\nhours,Hours,PT72H,,\nodd,Odd,P1Y,,shred\nnameless,,P1Y,,\n",
    );
    let mut e = Vec::new();
    let reg = load_retention(&s, &mut e);
    assert_eq!(reg.items.len(), 1);
    assert_eq!(reg.items[0].disposal, Some(Disposal::Anonymize));
    assert_eq!(reg.items[0].trigger.as_deref(), Some("collection"));
    let broken: Vec<&str> = {
        let mut b: Vec<&str> = reg.broken.iter().map(String::as_str).collect();
        b.sort_unstable();
        b
    };
    assert_eq!(broken, ["hours", "nameless", "odd"]);
    assert_eq!(e.len(), 3, "{e:?}");
    assert_eq!((e[0].line, e[0].column), (Some(3), Some(13)));
    assert_eq!(
        e[1].help.as_deref(),
        Some("what happens when the period ends: `delete`, `anonymize` or `archive`"),
        "no near miss for `shred`: the values are explained"
    );
    assert!(
        e[1].message.contains("delete, anonymize, archive"),
        "{}",
        e[1].message
    );
    assert_eq!(e[2].message, "retention policy `nameless` has no name");
}

#[test]
fn missing_duration_and_duplicate_ids() {
    let s = src(
        "retention.csv",
        "id,name,duration\na,A,\nb,B,P1D\nb,B2,P2D\n",
    );
    let mut e = Vec::new();
    let reg = load_retention(&s, &mut e);
    assert_eq!(e[0].message, "retention policy `a` has no duration");
    assert_eq!(
        e[1].message,
        "retention policy `b` is defined twice: here and at line 3"
    );
    assert_eq!(e[1].line, Some(4));
    assert_eq!(reg.items.len(), 1);
    assert_eq!(reg.items[0].name, "B");
}

#[test]
fn unsafe_ids_are_rejected() {
    let s = src("systems.csv", "id,name\n../x,X\ncon,Console\nok-1,\n");
    let mut e = Vec::new();
    let reg = load_systems(&s, &mut e);
    assert_eq!(e.len(), 2);
    assert!(e[0].message.starts_with("system id `../x` is not valid"));
    assert!(e[1].message.contains("reserved device name"));
    assert_eq!(reg.items[0].name, "ok-1", "name defaults to the id");
    assert!(reg.broken.contains("con"));
}

#[test]
fn recipients_check_role_and_dpa_url() {
    let s = src(
        "recipients.csv",
        "id,name,role,dpa_url\na,A,Joint controller,https://a.example/dpa\nb,B,procesor,\nc,C,,javascript:alert(1)\n",
    );
    let mut e = Vec::new();
    let reg = load_recipients(&s, &mut e);
    assert_eq!(reg.items.len(), 1);
    assert_eq!(reg.items[0].role, Some(RecipientRole::JointController));
    assert_eq!(e[0].help.as_deref(), Some("did you mean `processor`?"));
    assert!(e[1].message.starts_with("`dpa_url` must be a web address"));
    assert_eq!(e[1].column, Some(6));
    assert!(e[1].help.as_deref().unwrap().contains("e.g. `https://"));
    assert_eq!(
        url_help("dpa.example/x", "it"),
        "did you mean `https://dpa.example/x`?"
    );
}

#[test]
fn unreadable_header_marks_the_register() {
    let s = src("retention.csv", "id,name,duraton\na,A,P1D\n");
    let mut e = Vec::new();
    let reg = load_retention(&s, &mut e);
    assert!(reg.unreadable);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0]
        .help
        .as_deref()
        .unwrap()
        .starts_with("did you mean `duration`?"));
}
