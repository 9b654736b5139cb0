//! `--git-dates`: the date of the last commit touching each source file, read with the `git`
//! command (`git log -1 --format=%cs -- <file>`), no library. It degrades to the data's own
//! dates, with one note, when git is missing, the site is not in a repository, no commit
//! touches it, or the clone is shallow (every file would carry the one commit's date).
//!
//! Safe on a stranger's checkout: git runs in the site root with pathspecs relative to it and
//! taken literally (so it reads only the repository the site is in, and only the site's
//! files), with no pager, no signature checks and no fsmonitor hook, whatever the
//! repository's config says; it runs nothing the repository could choose.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use jiff::civil::Date;

use super::freshness::GitDates;

/// More source files than this: every page takes the site's last commit date instead.
const MAX_FILES: usize = 2000;

/// A `git` command in `root`, hardened against the repository's configuration.
fn git(root: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(root)
        .args([
            "--no-pager",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "log.showSignature=false",
            "-c",
            "core.quotePath=false",
        ])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The trimmed standard output of a successful run.
fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The date of the last commit touching `pathspec` (relative to `root`).
fn last_commit(root: &Path, pathspec: &str) -> Option<Date> {
    let text = output(git(root).args(["log", "-1", "--format=%cs", "--", pathspec]))?;
    text.parse().ok()
}

/// The last commit dates of `files` (relative to `root`) and of the whole site, or why there
/// are none.
pub fn dates<'a>(
    root: &Path,
    files: impl IntoIterator<Item = &'a Arc<Path>>,
) -> Result<GitDates, &'static str> {
    match output(git(root).args(["rev-parse", "--is-shallow-repository"])).as_deref() {
        None => return Err("the site is not in a git checkout (or git is not installed)"),
        Some("true") => {
            return Err("the checkout is shallow (fetch the whole history, e.g. `fetch-depth: 0`)")
        }
        Some(_) => {}
    }
    let root_date = last_commit(root, ":(literal).").ok_or("no commit touches the site folder")?;
    let mut out = GitDates {
        root: Some(root_date),
        ..GitDates::default()
    };
    let mut files: Vec<&Arc<Path>> = files.into_iter().collect();
    files.sort();
    files.dedup();
    if files.len() > MAX_FILES {
        return Ok(out);
    }
    for file in files {
        let Some(rel) = file
            .to_str()
            .filter(|f| !f.starts_with('/') && !f.contains(".."))
        else {
            continue;
        };
        if let Some(d) = last_commit(root, &format!(":(literal){rel}")) {
            out.files.insert(Arc::clone(file), d);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs git in `dir` for the test's own repository (fixed identity and dates).
    fn run(dir: &Path, args: &[&str], date: &str) -> bool {
        Command::new("git")
            .current_dir(dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", dir)
            .output()
            .is_ok_and(|o| o.status.success())
    }

    #[test]
    fn dates_come_from_the_last_commit_touching_each_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        if !run(d, &["init", "-q"], "2026-01-01T00:00:00Z") {
            return; // no git on this machine: nothing to compare with
        }
        std::fs::create_dir_all(d.join("content")).unwrap();
        std::fs::write(d.join("content/a.csv"), "a").unwrap();
        std::fs::write(d.join("content/b.csv"), "b").unwrap();
        assert!(run(d, &["add", "-A"], "2026-01-01T00:00:00Z"));
        assert!(run(d, &["commit", "-qm", "one"], "2026-02-03T10:00:00Z"));
        std::fs::write(d.join("content/b.csv"), "b2").unwrap();
        assert!(run(d, &["commit", "-qam", "two"], "2026-04-05T10:00:00Z"));
        let a: Arc<Path> = Arc::from(Path::new("content/a.csv"));
        let b: Arc<Path> = Arc::from(Path::new("content/b.csv"));
        let gone: Arc<Path> = Arc::from(Path::new("content/*.csv"));
        let got = dates(d, [&a, &b, &gone]).expect("a repository");
        assert_eq!(got.files.get(&a), Some(&jiff::civil::date(2026, 2, 3)));
        assert_eq!(got.files.get(&b), Some(&jiff::civil::date(2026, 4, 5)));
        // Pathspecs are literal: a file name with a glob matches nothing else.
        assert_eq!(got.files.get(&gone), None);
        assert_eq!(got.root, Some(jiff::civil::date(2026, 4, 5)));
    }

    #[test]
    fn outside_a_repository_there_are_no_dates() {
        let dir = tempfile::tempdir().unwrap();
        // A temporary directory may still sit inside some repository; then no commit
        // touches this fresh folder, which is refused the same way.
        assert!(dates(dir.path(), []).is_err());
    }
}
