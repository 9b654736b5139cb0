//! `load_catalog` on the shared fixture site and on edited copies of it.

mod common;

use candor::load_catalog;
use common::{copy_site, fixture, write};

#[test]
fn fixture_site_loads_cleanly() {
    let c = load_catalog(&fixture("site")).unwrap_or_else(|e| panic!("{e}"));
    assert!(!c.elements.is_empty());
    assert!(!c.uses.is_empty());
    assert!(!c.models.is_empty());
    for e in &c.elements {
        assert!(!e.uses.is_empty(), "element {} has no uses", e.id);
        for &u in &e.uses {
            assert_eq!(c.elements[c.uses[u].element].id, e.id);
        }
    }
    for (i, p) in c.retention.iter().enumerate() {
        for &u in &p.uses {
            assert_eq!(c.uses[u].retention, Some(i));
        }
    }
}

#[test]
fn errors_in_several_files_are_reported_together() {
    let site = copy_site("site");
    let root = site.path();
    write(root, "content/inventory/zz.csv", "element,name,category,purpose,why,legal_basis\nzz,Z,user.contact.email,essential.service,w,consnet\n");
    write(
        root,
        "content/pages/broken.md",
        "---\ntitle: [unclosed\n---\n",
    );
    let errs: Vec<_> = load_catalog(root).unwrap_err().into_iter().collect();
    let files: Vec<String> = errs.iter().map(|d| d.file.display().to_string()).collect();
    assert_eq!(
        files,
        ["content/inventory/zz.csv", "content/pages/broken.md"],
        "{errs:?}"
    );
    assert_eq!(errs[0].help.as_deref(), Some("did you mean `consent`?"));
    assert_eq!((errs[0].line, errs[0].column), (Some(2), Some(45)));
}

#[test]
fn starter_site_from_init_loads_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    common::candor()
        .arg("init")
        .arg(dir.path())
        .assert()
        .success();
    let c = load_catalog(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!c.elements.is_empty());
}

#[test]
fn a_spreadsheet_in_the_inventory_folder_is_named() {
    let site = copy_site("site");
    write(site.path(), "content/inventory/vendors.xlsx", b"PK\x03\x04");
    write(site.path(), "content/inventory/README.md", "notes");
    let errs: Vec<_> = load_catalog(site.path()).unwrap_err().into_iter().collect();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].message.contains("vendors.xlsx is not a CSV file"));
    assert!(errs[0].help.as_deref().unwrap().contains("CSV UTF-8"));
}
