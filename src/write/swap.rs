//! Swapping a finished build in as the output folder so that there is never a moment without
//! one: `renameat2(RENAME_EXCHANGE)` on Linux, else (or where the filesystem cannot exchange)
//! two renames, the first undone if the second fails.

use std::fs;
use std::io;
use std::path::Path;

use crate::diag::Error;

/// Puts `staging` in place of `output`. Returns where the previous build now is, for the
/// caller to remove: `staging` after an exchange, `old` after two renames, none if there was
/// no previous build.
pub fn swap_in<'a>(
    staging: &'a Path,
    output: &Path,
    old: &'a Path,
) -> Result<Option<&'a Path>, Error> {
    if fs::symlink_metadata(output).is_err() {
        fs::rename(staging, output)
            .map_err(|e| Error::io("cannot move the new build to", output, e))?;
        return Ok(None);
    }
    match exchange(staging, output) {
        Ok(()) => Ok(Some(staging)),
        Err(_) => two_renames(staging, output, old, |a, b| fs::rename(a, b)).map(|()| Some(old)),
    }
}

/// The portable swap: `output` to `old`, `staging` to `output`; when the second rename fails
/// the first is undone, so the previous build stays in place. `rename` is a parameter so that
/// a test can make the second one fail.
pub fn two_renames(
    staging: &Path,
    output: &Path,
    old: &Path,
    rename: impl Fn(&Path, &Path) -> io::Result<()>,
) -> Result<(), Error> {
    rename(output, old)
        .map_err(|e| Error::io("cannot move aside the previous build in", output, e))?;
    if let Err(e) = rename(staging, output) {
        let _ = rename(old, output);
        return Err(Error::io("cannot move the new build to", output, e));
    }
    Ok(())
}

/// Exchanges two paths atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call; the raw
    // syscall avoids depending on a glibc new enough to wrap it.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn dirs() -> (
        tempfile::TempDir,
        std::path::PathBuf,
        std::path::PathBuf,
        std::path::PathBuf,
    ) {
        let tmp = tempfile::tempdir().expect("tmp");
        let (new, out, old) = (
            tmp.path().join("new"),
            tmp.path().join("out"),
            tmp.path().join("old"),
        );
        for (d, text) in [(&new, "new"), (&out, "previous")] {
            fs::create_dir(d).expect("mkdir");
            fs::write(d.join("index.html"), text).expect("write");
        }
        (tmp, new, out, old)
    }

    #[test]
    fn a_failed_second_rename_puts_the_previous_build_back() {
        let (_tmp, new, out, old) = dirs();
        let calls = Cell::new(0);
        let flaky = |a: &Path, b: &Path| {
            calls.set(calls.get() + 1);
            if calls.get() == 2 {
                Err(io::Error::other("disk on fire"))
            } else {
                fs::rename(a, b)
            }
        };
        let err = two_renames(&new, &out, &old, flaky).unwrap_err();
        assert!(err.to_string().contains("disk on fire"), "{err}");
        assert_eq!(
            fs::read_to_string(out.join("index.html")).expect("output is back"),
            "previous"
        );
        assert!(!old.exists());
    }

    #[test]
    fn swapping_keeps_the_previous_build_aside() {
        let (_tmp, new, out, old) = dirs();
        let prev = swap_in(&new, &out, &old)
            .expect("swap")
            .expect("a previous build");
        assert_eq!(
            fs::read_to_string(out.join("index.html")).expect("read"),
            "new"
        );
        assert_eq!(
            fs::read_to_string(prev.join("index.html")).expect("read"),
            "previous"
        );
    }
}
