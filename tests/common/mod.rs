//! Helpers shared by the integration tests: copies of fixture sites and a handle on the binary.
#![allow(dead_code)]

pub mod mini;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The `candor` binary, with a fixed date so review rules are reproducible.
pub fn candor() -> Command {
    let mut cmd = Command::cargo_bin("candor").expect("binary builds");
    cmd.env("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
        .env("CI", "1")
        .env_remove("NO_COLOR");
    cmd
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A writable copy of `tests/fixtures/<name>` in a fresh temporary directory.
pub fn copy_site(name: &str) -> TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(name), tmp.path());
    tmp
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).expect("mkdir");
        } else {
            fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// Replaces the first occurrence of `from` in a site file, failing loudly if it is absent.
pub fn edit(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join(file);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

pub fn write(site: &Path, file: &str, contents: impl AsRef<[u8]>) {
    let path = site.join(file);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, contents).expect("write");
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
