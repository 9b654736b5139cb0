//! The repository a site lives in, for paths that code scanning resolves against the
//! repository root: found by walking up from the site folder to the first folder holding a
//! `.git` entry (a directory, or a file in worktrees and submodules). Only the entry's
//! existence is looked at — nothing outside the site is read — and git is never run.

use std::path::{Component, Path, PathBuf};

/// The site folder relative to the root of the git checkout it is in, with forward slashes
/// (`""` when the site is that root). Outside any checkout: relative to the current
/// directory when the site is inside it, else `""`.
pub fn site_in_repo(root: &Path) -> String {
    let Ok(cwd) = std::env::current_dir() else {
        return String::new();
    };
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| normalize(&cwd.join(root)));
    let base = site
        .ancestors()
        .find(|dir| dir.join(".git").symlink_metadata().is_ok())
        .map(Path::to_path_buf)
        .or_else(|| std::fs::canonicalize(&cwd).ok())
        .unwrap_or(cwd);
    match site.strip_prefix(&base) {
        Ok(rel) => slash_path(rel),
        Err(_) => String::new(),
    }
}

/// A path with forward slashes, whatever the platform.
pub fn slash_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            Component::ParentDir => Some("..".into()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// `a/./b/../c` -> `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::site_in_repo;

    #[test]
    fn the_prefix_is_relative_to_the_folder_with_dot_git() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("x");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("site/content")).unwrap();
        assert_eq!(site_in_repo(&repo.join("site")), "site");
        assert_eq!(site_in_repo(&repo.join("site/content/..")), "site");
        assert_eq!(site_in_repo(&repo), "");
        // A worktree's `.git` is a file.
        let wt = tmp.path().join("wt");
        std::fs::create_dir_all(wt.join("docs/site")).unwrap();
        std::fs::write(wt.join(".git"), "gitdir: elsewhere\n").unwrap();
        assert_eq!(site_in_repo(&wt.join("docs/site")), "docs/site");
    }
}
