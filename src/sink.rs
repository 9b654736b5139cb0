//! Where a build's files go: the [`Output`] the render stage writes through and the write
//! stage provides, and [`safe_join`], which every output path goes through.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::diag::Error;

/// Where rendered files go, from several threads at once.
pub trait Output: Sync {
    /// Writes one whole file.
    fn file(&self, path: &Path, bytes: &[u8]) -> Result<(), Error>;

    /// Writes one file in pieces as `fill` produces them, so a big page never has to sit in
    /// memory whole. By default the pieces are collected and written with [`Output::file`].
    fn stream(
        &self,
        path: &Path,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(|e| Error::io("cannot write", path, e))?;
        self.file(path, &bytes)
    }
}

/// Any `Fn(path, bytes)` takes whole files (and collects streamed ones).
impl<F: Fn(&Path, &[u8]) -> Result<(), Error> + Sync> Output for F {
    fn file(&self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        self(path, bytes)
    }
}

/// Where rendered files go.
pub type Sink<'a> = dyn Output + 'a;

/// Joins a relative output path to `base`, refusing anything that could leave `base`:
/// absolute paths, `..`, empty or reserved names. Every file name candor writes goes through here.
pub fn safe_join(base: &Path, rel: &Path) -> Result<PathBuf, Error> {
    let mut out = base.to_path_buf();
    let mut any = false;
    for c in rel.components() {
        match c {
            Component::Normal(name) => {
                let name_str = name.to_str().unwrap_or("");
                if name_str.is_empty() || name_str.contains('\0') {
                    return Err(unsafe_path(rel));
                }
                if is_reserved(name_str) {
                    return Err(Error::Usage(format!(
                        "refusing to write `{}`: `{name_str}` is a reserved device name on Windows, \
                         so the site could not be copied there. Rename the file it comes from.",
                        rel.display()
                    )));
                }
                out.push(name);
                any = true;
            }
            Component::CurDir => {}
            _ => return Err(unsafe_path(rel)),
        }
    }
    if !any {
        return Err(unsafe_path(rel));
    }
    Ok(out)
}

fn unsafe_path(rel: &Path) -> Error {
    Error::Usage(format!(
        "refusing to write `{}`: output paths must stay inside the output directory",
        rel.display()
    ))
}

/// Windows device names, which cannot be files on every system a site may be copied to.
fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    crate::ids::is_reserved(&stem)
}
