//! The error corpus: every folder of `tests/fixtures/invalid/` is one broken site, made of the
//! fixture site `tests/fixtures/site` with the case's files laid over it (same relative paths).
//! A case may also hold `REMOVE`, one site path per line, for base files it deletes. Each
//! case's full report, as `candor` prints it, is a snapshot in `tests/snapshots/`.
//!
//! To add a case: make a folder, run `cargo test --test invalid_inputs`, read the new
//! `.snap.new` file as someone who has never seen candor, and accept it (rename it to `.snap`
//! or `cargo insta accept`) when the message is clear.

mod common;

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use candor::load_catalog;
use common::{copy_dir, copy_site, fixture};

/// The rendered report for the site made from the base fixture plus `case`.
fn report(case: &Path) -> String {
    let site = copy_site("site");
    let root = site.path();
    for entry in walkdir::WalkDir::new(case).min_depth(1) {
        let entry = entry.expect("walk case");
        let rel = entry.path().strip_prefix(case).expect("prefix");
        if rel == Path::new("REMOVE") {
            let list = fs::read_to_string(entry.path()).expect("read REMOVE");
            for line in list.lines().filter(|l| !l.trim().is_empty()) {
                let path = root.join(line.trim());
                assert!(
                    path.exists(),
                    "{}: REMOVE names {line}, which the base site lacks",
                    case.display()
                );
                if path.is_dir() {
                    fs::remove_dir_all(path).expect("remove dir");
                } else {
                    fs::remove_file(path).expect("remove file");
                }
            }
        }
    }
    copy_dir(case, root);
    let _ = fs::remove_file(root.join("REMOVE"));
    match load_catalog(root) {
        Ok(_) => panic!("{}: the site loaded without an error", case.display()),
        Err(diags) => diags
            .to_string()
            .replace(&root.display().to_string(), "<site>"),
    }
}

#[test]
fn every_broken_site_reports_its_snapshot() {
    let dir = fixture("invalid");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/fixtures/invalid")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 25,
        "the corpus has only {} cases",
        cases.len()
    );
    let mut failed = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let text = report(case);
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_snapshot_path("snapshots");
            settings.set_omit_expression(true);
            settings.set_description(format!("tests/fixtures/invalid/{name}"));
            settings.bind(|| insta::assert_snapshot!(name.clone(), text));
        }));
        if outcome.is_err() {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "cases whose report changed: {failed:?}");
}

/// What Excel writes ("CSV UTF-8"): a byte-order mark and CRLF line ends, in every CSV file
/// and in the model card. It is valid, and loads to the same catalog as the plain files.
#[test]
fn excel_exports_with_bom_and_crlf_are_valid() {
    let plain = load_catalog(&fixture("site")).unwrap_or_else(|e| panic!("{e}"));
    let site = copy_site("site");
    let mut converted = 0;
    for entry in walkdir::WalkDir::new(site.path()) {
        let entry = entry.expect("walk");
        let ext = entry.path().extension().and_then(|x| x.to_str());
        if matches!(ext, Some("csv" | "md" | "toml")) {
            let text = fs::read_to_string(entry.path()).expect("read");
            let excel = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            fs::write(entry.path(), excel).expect("write");
            converted += 1;
        }
    }
    assert!(converted >= 8, "converted only {converted} files");
    let excel = load_catalog(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let ids = |c: &candor::link::Catalog| -> Vec<String> {
        c.elements
            .iter()
            .map(|e| format!("{} {} {:?}", e.id, e.name, e.subjects))
            .collect()
    };
    assert_eq!(ids(&excel), ids(&plain));
    assert_eq!(excel.uses.len(), plain.uses.len());
    let whys: Vec<_> = excel.uses.iter().map(|u| u.why.as_str()).collect();
    assert!(whys.iter().all(|w| !w.contains('\r')), "{whys:?}");
    assert_eq!(excel.models[0].body, plain.models[0].body);
}
