//! One build at a time per output folder: a lock file `.<out>.candor-lock` beside the output,
//! held (`flock`) for the whole build. A second build waits for it, saying which process holds
//! it. Under the lock no other build of this output is alive, so the staging and old folders
//! that dead builds left behind (`.<out>.candor-new-<pid>`, `.<out>.candor-old-<pid>`) are
//! removed. The lock file is removed when the build ends.

use std::fs;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::diag::Error;

/// The held lock; dropping it removes the lock file and releases it.
pub struct OutputLock {
    path: PathBuf,
    _file: fs::File,
}

impl OutputLock {
    /// Takes the lock of the output folder named `name` in `parent`, waiting for another
    /// build that holds it.
    pub fn acquire(parent: &Path, name: &str, output: &Path) -> Result<OutputLock, Error> {
        let path = parent.join(format!(".{name}.candor-lock"));
        loop {
            let mut file = open(&path)?;
            if !try_lock(&file, &path)? {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                let pid = if holder.is_empty() { "?" } else { holder };
                crate::note!(
                    "waiting for another candor build into {} to finish (process {pid} holds {})",
                    output.display(),
                    path.display()
                );
                lock(&file, &path)?;
            }
            // The holder we waited for removes the file before it lets go; a lock on a
            // removed file locks nothing, so it is taken again on the file now at `path`.
            if same_file(&file, &path) {
                let _ = file.set_len(0).and_then(|()| file.rewind());
                let _ = write!(file, "{}", std::process::id());
                return Ok(OutputLock { path, _file: file });
            }
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Removes what builds of the output `name` in `parent` left behind when they died. Only
/// sound while holding the lock.
pub fn clean_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [
        format!(".{name}.candor-new-"),
        format!(".{name}.candor-old-"),
    ];
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let stale = prefixes.iter().any(|p| {
            n.strip_prefix(p.as_str())
                .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        });
        if !stale {
            continue;
        }
        let path = entry.path();
        let _ = match entry.file_type() {
            Ok(t) if t.is_dir() => super::remove_tree(&path),
            _ => fs::remove_file(&path),
        };
    }
}

fn open(path: &Path) -> Result<fs::File, Error> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options
        .open(path)
        .map_err(|e| Error::io("cannot open the build lock", path, e))
}

#[cfg(target_os = "linux")]
fn flock(file: &fs::File, path: &Path, op: libc::c_int) -> Result<bool, Error> {
    use std::os::unix::io::AsRawFd;
    loop {
        // SAFETY: flock on a file descriptor we own for the duration of the call.
        if unsafe { libc::flock(file.as_raw_fd(), op) } == 0 {
            return Ok(true);
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EWOULDBLOCK) => return Ok(false),
            _ => return Err(Error::io("cannot lock", path, e)),
        }
    }
}

#[cfg(target_os = "linux")]
fn try_lock(file: &fs::File, path: &Path) -> Result<bool, Error> {
    flock(file, path, libc::LOCK_EX | libc::LOCK_NB)
}

#[cfg(target_os = "linux")]
fn lock(file: &fs::File, path: &Path) -> Result<(), Error> {
    flock(file, path, libc::LOCK_EX).map(|_| ())
}

/// Without `flock`, a lock file that exists means another build holds it.
#[cfg(not(target_os = "linux"))]
fn try_lock(file: &fs::File, path: &Path) -> Result<bool, Error> {
    let held = file.metadata().is_ok_and(|m| m.len() > 0);
    if held {
        return Err(Error::Usage(format!(
            "another candor build holds {}; if none is running, remove that file",
            path.display()
        )));
    }
    Ok(true)
}

#[cfg(not(target_os = "linux"))]
fn lock(_: &fs::File, _: &Path) -> Result<(), Error> {
    Ok(())
}

#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &fs::File, path: &Path) -> bool {
    path.exists()
}
