//! A build (or any folder) read back: its files' bytes, its text files, or its whole tree.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Every file under `dir` as (path relative to `dir` with `/`, bytes), sorted by path.
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, fs::read(e.path()).expect("read"))
        })
        .collect();
    out.sort();
    out
}

/// Every file under `dir` by relative path, as text (lossy), in the shape
/// [`super::render::render`] gives, so the same checks run on a build on disk.
pub fn texts(dir: &Path) -> BTreeMap<String, String> {
    (files(dir).into_iter())
        .map(|(rel, bytes)| (rel, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// Everything under `dir`, itself included: each entry's path, kind (`dir`, `file`, `link`)
/// and bytes (a link's target), sorted; equal before and after means nothing was touched.
pub fn tree(dir: &Path) -> Vec<(PathBuf, &'static str, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let t = e.file_type();
            let (kind, bytes) = if t.is_symlink() {
                let target = fs::read_link(e.path()).expect("readlink");
                ("link", target.into_os_string().into_encoded_bytes())
            } else if t.is_file() {
                ("file", fs::read(e.path()).expect("read"))
            } else {
                ("dir", Vec::new())
            };
            (e.path().to_path_buf(), kind, bytes)
        })
        .collect();
    v.sort();
    v
}
