//! The one filesystem rule of candor: it reads only regular files and folders inside the
//! folder it guards (the site root; `static/` and `templates/` for their own files).
//!
//! A symbolic link is followed when its target, canonicalised, stays inside that folder; a
//! link that leaves it, leads nowhere or loops is an input error naming the link. FIFOs,
//! sockets and devices are an input error too, and never opened (a FIFO would hang the build).
//! Names that are not UTF-8 are an error: they cannot be named in a report or a URL.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// What a path inside a [`Scope`] is, once the rule has allowed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Missing,
}

/// A folder candor reads from, with its canonical path for the "stays inside" check.
#[derive(Debug, Clone)]
pub struct Scope {
    root: PathBuf,
    canon: PathBuf,
}

/// One folder's entries allowed by the rule, sorted by name.
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<String>,
    pub dirs: Vec<String>,
    /// Names the rule refused (each reported).
    pub refused: Vec<String>,
}

impl Scope {
    /// The scope of `root` (which may not exist: everything in it is then missing).
    pub fn new(root: &Path) -> Scope {
        let canon = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        Scope {
            root: root.to_path_buf(),
            canon,
        }
    }

    /// The scope of the folder `rel` inside this one, already allowed by [`Scope::kind`]:
    /// links under it must stay inside it.
    pub fn sub(&self, rel: &Path) -> Scope {
        Scope::new(&self.root.join(rel))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// What `rel` (relative to the root) is, checking every component of it by the rule.
    /// Errors name `shown.join(...)` the path as a user should see it.
    pub fn kind(&self, rel: &Path, shown: &Path) -> Result<Kind, Diagnostic> {
        let mut prefix = PathBuf::new();
        let n = rel.components().count();
        for (i, c) in rel.components().enumerate() {
            prefix.push(c);
            let kind = self.one(&prefix, &shown.join(&prefix))?;
            match kind {
                Kind::Missing => return Ok(Kind::Missing),
                Kind::File if i + 1 < n => return Ok(Kind::Missing),
                _ => {}
            }
            if i + 1 == n {
                return Ok(kind);
            }
        }
        Ok(Kind::Dir)
    }

    /// What the single path `root/rel` is; its parent was allowed already.
    fn one(&self, rel: &Path, shown: &Path) -> Result<Kind, Diagnostic> {
        let path = self.root.join(rel);
        let meta = match fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) if is_missing(&e) => return Ok(Kind::Missing),
            Err(e) => return Err(cannot_read(shown, &e)),
        };
        let ty = if meta.file_type().is_symlink() {
            self.follow(&path, shown)?
        } else {
            meta.file_type()
        };
        classify(ty, shown)
    }

    /// The type of the target of the link at `path`, when the rule allows following it.
    fn follow(&self, path: &Path, shown: &Path) -> Result<fs::FileType, Diagnostic> {
        let target = fs::read_link(path).unwrap_or_default();
        let canon = fs::canonicalize(path).map_err(|e| {
            Diagnostic::file(
                shown,
                format!(
                    "{} is a symbolic link to `{}`, which does not exist or loops ({e})",
                    shown.display(),
                    target.display()
                ),
            )
            .help("remove the link, or replace it with the file itself")
        })?;
        if !canon.starts_with(&self.canon) {
            return Err(Diagnostic::file(
                shown,
                format!(
                    "{} is a symbolic link to `{}`, outside {}: candor reads only files inside the site folder",
                    shown.display(),
                    target.display(),
                    scope_name(&self.root),
                ),
            )
            .help("replace the link with a copy of the file, or remove it"));
        }
        if path
            .parent()
            .is_some_and(|p| fs::canonicalize(p).is_ok_and(|parent| parent.starts_with(&canon)))
        {
            return Err(Diagnostic::file(
                shown,
                format!(
                    "{} is a symbolic link to a folder that contains it, a loop",
                    shown.display()
                ),
            )
            .help("remove the link"));
        }
        fs::metadata(&canon)
            .map(|m| m.file_type())
            .map_err(|e| cannot_read(shown, &e))
    }

    /// The entries of the folder `rel` (already allowed), each checked by the rule; what the
    /// rule refuses is pushed to `errors`. `None` when the folder cannot be read (reported).
    pub fn list(&self, rel: &Path, shown: &Path, errors: &mut Vec<Diagnostic>) -> Option<Listing> {
        let entries = match fs::read_dir(self.root.join(rel)) {
            Ok(e) => e,
            Err(e) => {
                errors.push(cannot_read(shown, &e));
                return None;
            }
        };
        let mut listing = Listing::default();
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(cannot_read(shown, &e));
                    continue;
                }
            };
            let os_name = entry.file_name();
            let Some(name) = os_name.to_str().map(str::to_string) else {
                let lossy = shown.join(os_name.to_string_lossy().as_ref());
                errors.push(
                    Diagnostic::file(
                        &lossy,
                        format!("{} has a name that is not UTF-8, so candor cannot read it", lossy.display()),
                    )
                    .help("rename it with UTF-8 characters only (any letters, digits, `-` and `_` will do)"),
                );
                continue;
            };
            let child_shown = shown.join(&name);
            let ty = match entry.file_type() {
                Ok(t) if t.is_symlink() => self.follow(&entry.path(), &child_shown),
                Ok(t) => Ok(t),
                Err(e) => Err(cannot_read(&child_shown, &e)),
            };
            match ty.and_then(|t| classify(t, &child_shown)) {
                Ok(Kind::File) => listing.files.push(name),
                Ok(Kind::Dir) => listing.dirs.push(name),
                Ok(Kind::Missing) => {}
                Err(d) => {
                    errors.push(d);
                    listing.refused.push(name);
                }
            }
        }
        listing.files.sort();
        listing.dirs.sort();
        Some(listing)
    }
}

/// Reads a file allowed by the rule, opening it so that a FIFO swapped in meanwhile cannot
/// block, and refusing anything that is not a regular file once open.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(target_os = "linux"))]
    if !fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn not_regular() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "not a regular file (a FIFO, socket or device); candor never reads one",
    )
}

fn classify(ty: fs::FileType, shown: &Path) -> Result<Kind, Diagnostic> {
    if ty.is_file() {
        Ok(Kind::File)
    } else if ty.is_dir() {
        Ok(Kind::Dir)
    } else {
        Err(Diagnostic::file(
            shown,
            format!(
                "{} is not a regular file (a FIFO, socket or device), so candor does not open it",
                shown.display()
            ),
        )
        .help("remove it from the site folder"))
    }
}

fn is_missing(e: &io::Error) -> bool {
    // `NotADirectory` is not stable to match on; a file where a folder was expected means
    // the path does not exist as asked.
    e.kind() == io::ErrorKind::NotFound || e.raw_os_error() == Some(20)
}

fn cannot_read(shown: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::file(shown, format!("cannot read {}: {e}", shown.display()))
}

fn scope_name(root: &Path) -> String {
    match root.file_name().and_then(|n| n.to_str()) {
        Some(n @ ("static" | "templates")) => format!("{n}/"),
        _ => "the site folder".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("site");
        fs::create_dir_all(root.join("content/inventory")).expect("mkdir");
        fs::write(root.join("content/inventory/a.csv"), "x").expect("write");
        fs::write(tmp.path().join("secret"), "s").expect("write");
        (tmp, root)
    }

    #[test]
    fn links_inside_are_followed_outside_refused() {
        let (tmp, root) = site();
        symlink("inventory/a.csv", root.join("content/in.csv")).expect("link");
        symlink(tmp.path().join("secret"), root.join("content/out.csv")).expect("link");
        symlink("nowhere", root.join("content/dangling.csv")).expect("link");
        symlink("loop.csv", root.join("content/loop.csv")).expect("link");
        let scope = Scope::new(&root);
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            scope.kind(&p("content/in.csv"), &p("")).unwrap(),
            Kind::File
        );
        let err = scope.kind(&p("content/out.csv"), &p("")).unwrap_err();
        assert!(
            err.message.contains("outside the site folder"),
            "{}",
            err.message
        );
        assert_eq!(err.file, p("content/out.csv"));
        for bad in ["content/dangling.csv", "content/loop.csv"] {
            let err = scope.kind(&p(bad), &p("")).unwrap_err();
            assert!(
                err.message.contains("does not exist or loops"),
                "{}",
                err.message
            );
        }
        assert_eq!(
            scope.kind(&p("content/none.csv"), &p("")).unwrap(),
            Kind::Missing
        );
        let mut errors = Vec::new();
        let l = scope
            .list(&p("content"), &p("content"), &mut errors)
            .unwrap();
        assert_eq!(l.files, ["in.csv"]);
        assert_eq!(l.dirs, ["inventory"]);
        assert_eq!(errors.len(), 3, "{errors:?}");
    }

    #[test]
    fn a_folder_link_leaving_is_refused_at_the_folder() {
        let (tmp, root) = site();
        fs::create_dir(tmp.path().join("etc")).expect("mkdir");
        symlink(tmp.path().join("etc"), root.join("static")).expect("link");
        let err = Scope::new(&root)
            .kind(Path::new("static"), Path::new(""))
            .unwrap_err();
        assert_eq!(err.file, PathBuf::from("static"));
        symlink(".", root.join("content/self")).expect("link");
        let mut errors = Vec::new();
        Scope::new(&root).list(Path::new("content"), Path::new("content"), &mut errors);
        assert!(
            errors.iter().any(|d| d.message.contains("loop")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_fifo_is_refused_and_never_opened() {
        let (_tmp, root) = site();
        let fifo = root.join("content/retention.csv");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = Scope::new(&root)
            .kind(Path::new("content/retention.csv"), Path::new(""))
            .unwrap_err();
        assert!(err.message.contains("FIFO"), "{}", err.message);
        assert!(read_regular(&fifo).is_err());
    }
}
