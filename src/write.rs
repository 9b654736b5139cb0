//! The atomic publish of a build: every file is written to a fresh directory beside the
//! output, which is then swapped into place (`write::swap`). A failed build leaves the previous
//! output as it was; one build at a time writes an output (`write::lock`), and where an output
//! may be is checked first (`write::place`).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diag::Error;
use crate::sink::safe_join;

mod lock;
mod place;
mod swap;

pub use place::check_placement;

/// The file candor leaves in every directory it writes, so it knows it may replace it.
pub const MARKER: &str = ".candor-build";

const MARKER_TEXT: &str =
    "This directory was written by candor. `candor build` replaces it as a whole.\n";

/// Checks that `output` may be replaced: absent, an empty directory, or one candor made.
pub fn check_replaceable(output: &Path) -> Result<(), Error> {
    let meta = match fs::symlink_metadata(output) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io("cannot inspect output directory", output, e)),
    };
    if meta.file_type().is_symlink() {
        return Err(Error::Usage(format!(
            "refusing to replace `{}`: it is a symbolic link. Point --output at a real directory.",
            output.display()
        )));
    }
    if !meta.is_dir() {
        return Err(Error::Usage(format!(
            "refusing to replace `{}`: it is a file, not a directory. Choose another --output.",
            output.display()
        )));
    }
    // The marker must be a regular file: a symbolic link named like it proves nothing.
    if fs::symlink_metadata(output.join(MARKER)).is_ok_and(|m| m.file_type().is_file()) {
        return Ok(());
    }
    let mut entries = fs::read_dir(output).map_err(|e| Error::io("cannot read", output, e))?;
    if entries.next().is_none() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "refusing to replace `{}`: it is not empty and was not written by candor (it has no {MARKER} file).\n\
         Choose another --output, or empty or remove that directory yourself if it really should be replaced.",
        output.display()
    )))
}

/// Writes `files` (relative path, contents) as the new contents of `output`, atomically.
pub fn publish<'a, I>(output: &Path, files: I) -> Result<(), Error>
where
    I: IntoIterator<Item = (&'a Path, &'a [u8])>,
{
    let files: Vec<(&Path, &[u8])> = files.into_iter().collect();
    publish_with(output, |staging| {
        files
            .par_iter()
            .try_for_each(|(rel, bytes)| staging.write(rel, bytes))
    })
}

/// Publishes what `fill` writes into a fresh staging directory (from any number of threads),
/// swapping it in as `output` when `fill` succeeds; on failure the staging directory is removed
/// and the previous output stays. Nothing has to be held in memory until the end.
pub fn publish_with<F>(output: &Path, fill: F) -> Result<(), Error>
where
    F: FnOnce(&Staging) -> Result<(), Error>,
{
    check_replaceable(output)?;
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io("cannot create", &parent, e))?;
    let name = side_name(output);
    let _lock = lock::OutputLock::acquire(&parent, &name, output)?;
    lock::clean_stale(&parent, &name);
    // Checked again under the lock: a build that held it may have just made the output.
    check_replaceable(output)?;
    let previous = fs::symlink_metadata(output)
        .ok()
        .filter(fs::Metadata::is_dir);
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.candor-new-{pid}"));
    let old = parent.join(format!(".{name}.candor-old-{pid}"));
    let result = Staging::create(&staging, output)
        .and_then(|s| {
            fill(&s)?;
            s.write(Path::new(MARKER), MARKER_TEXT.as_bytes())?;
            s.finish(previous.as_ref())
        })
        .and_then(|()| swap::swap_in(&staging, output, &old));
    match result {
        Ok(Some(previous_build)) => remove_tree(previous_build)
            .map_err(|e| Error::io("cannot remove the previous build at", previous_build, e)),
        Ok(None) => Ok(()),
        Err(e) => {
            let _ = remove_tree(&staging);
            Err(e)
        }
    }
}

/// The output's name as the start of its siblings' names (staging and old builds): at most
/// 64 characters of it, so a long output name still leaves room for the suffix.
fn side_name(output: &Path) -> String {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or("public".into());
    name.chars().take(64).collect()
}

/// The directory a build is written into before it is swapped in. [`Staging::write`] may be
/// called from many threads; each directory is created once. Errors name files as they will
/// be under the output directory.
pub struct Staging {
    /// The folder as created, for its default mode.
    fresh: fs::Metadata,
    root: PathBuf,
    output: PathBuf,
    dirs: Mutex<HashSet<PathBuf>>,
}

impl Staging {
    /// A fresh staging folder at `root`, readable only by its owner while it is written.
    fn create(root: &Path, output: &Path) -> Result<Staging, Error> {
        // Left over from an earlier run with the same process id (a link is removed, not followed).
        if fs::symlink_metadata(root).is_ok() {
            fs::remove_dir_all(root).map_err(|e| Error::io("cannot clear", root, e))?;
        }
        fs::create_dir(root).map_err(|e| Error::io("cannot create", root, e))?;
        let fresh = fs::metadata(root).map_err(|e| Error::io("cannot inspect", root, e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(root, fs::Permissions::from_mode(0o700))
                .map_err(|e| Error::io("cannot set the mode of", root, e))?;
        }
        Ok(Staging {
            fresh,
            root: root.to_path_buf(),
            output: output.to_path_buf(),
            dirs: Mutex::new(HashSet::new()),
        })
    }

    /// Gives the finished folder the mode (and, where allowed, the owner) of the `previous`
    /// output folder, so that a `chmod 700` output stays 700 across rebuilds; else the mode
    /// a new folder gets.
    fn finish(&self, previous: Option<&fs::Metadata>) -> Result<(), Error> {
        keep_owner_and_mode(&self.root, previous.unwrap_or(&self.fresh))
    }

    fn shown(&self, path: &Path) -> PathBuf {
        self.output
            .join(path.strip_prefix(&self.root).unwrap_or(path))
    }

    /// Writes one file at `rel` (checked by [`safe_join`]), creating its directory if needed.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Error> {
        let path = self.prepare(rel)?;
        fs::write(&path, bytes).map_err(|e| Error::io("cannot write", self.shown(&path), e))
    }

    /// The full path of `rel` (checked by [`safe_join`]), its directory created if needed.
    fn prepare(&self, rel: &Path) -> Result<PathBuf, Error> {
        let path = safe_join(&self.root, rel)?;
        if let Some(dir) = path.parent().filter(|d| *d != self.root) {
            let known = self.dirs.lock().is_ok_and(|d| d.contains(dir));
            if !known {
                fs::create_dir_all(dir)
                    .map_err(|e| Error::io("cannot create", self.shown(dir), e))?;
                if let Ok(mut d) = self.dirs.lock() {
                    d.insert(dir.to_path_buf());
                }
            }
        }
        Ok(path)
    }
}

impl crate::sink::Output for Staging {
    fn file(&self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        self.write(path, bytes)
    }

    /// Straight into the file: the writer hands over pieces, so no page is held whole.
    fn stream(
        &self,
        rel: &Path,
        fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        let path = self.prepare(rel)?;
        let failed = |e| Error::io("cannot write", self.shown(&path), e);
        let mut file = fs::File::create(&path).map_err(failed)?;
        fill(&mut file).map_err(failed)
    }
}

/// Gives `dir` the permissions of `meta`, and its owner when it differs and the process may
/// change it (as root); a failed change of owner is not an error.
fn keep_owner_and_mode(dir: &Path, meta: &fs::Metadata) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = fs::metadata(dir).map_err(|e| Error::io("cannot inspect", dir, e))?;
        if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid()) {
            let _ = std::os::unix::fs::chown(dir, Some(meta.uid()), Some(meta.gid()));
        }
    }
    fs::set_permissions(dir, meta.permissions())
        .map_err(|e| Error::io("cannot set the mode of", dir, e))
}

/// Removes `dir` and everything in it, subdirectories in parallel: a previous build has
/// thousands of them. Links are removed, never followed.
pub(crate) fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries = fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            remove_tree(&entry.path())
        } else {
            fs::remove_file(entry.path())
        }
    })?;
    fs::remove_dir(dir)
}

#[cfg(test)]
mod tests;
