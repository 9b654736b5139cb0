//! One page to its file, streamed whichever renderer draws it: natively (in the built-in
//! layout or the site's own), or by Tera.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use tera::Tera;

use super::native::{Mode, Native};
use super::tera_env;
use super::theme::Theme;
use super::{PageError, Sink};
use crate::site::views::View;
use crate::site::PageSpec;

/// How many pages each renderer drew: natively in the built-in layout, natively in the site's
/// own layout, by Tera.
#[derive(Debug, Default)]
pub struct Drawn {
    pub native: AtomicUsize,
    pub framed: AtomicUsize,
    pub tera: AtomicUsize,
}

impl Drawn {
    /// The counts as `[native, framed, tera]`.
    #[cfg(test)]
    pub fn counts(&self) -> [usize; 3] {
        [&self.native, &self.framed, &self.tera].map(|c| c.load(Ordering::Relaxed))
    }
}

/// Tera's output goes to the file through a buffer of this size (it writes in small pieces).
const BUFFER: usize = 64 * 1024;

/// Everything a page needs from the build.
pub struct Renderers<'r, 'a> {
    pub tera: &'r Tera,
    pub native: &'r Native<'a>,
    pub theme: &'r Theme,
    pub drawn: &'r Drawn,
}

impl Renderers<'_, '_> {
    /// Renders `page` (its `title` and `view` built; "last updated" `updated`) into `sink`.
    pub fn write(
        &self,
        page: &PageSpec,
        title: &str,
        view: &View,
        updated: Option<&str>,
        sink: &Sink,
    ) -> Result<(), PageError> {
        let section = page.kind.section();
        let path = Path::new(&page.path);
        let mode = self.native.mode(&page.kind, view);
        let shell = match mode {
            Mode::Tera => None,
            Mode::Native | Mode::Framed => {
                self.native.shell(view, title, &page.path, section, updated)
            }
        };
        if let Some(shell) = shell {
            let count = match mode {
                Mode::Native => &self.drawn.native,
                _ => &self.drawn.framed,
            };
            count.fetch_add(1, Ordering::Relaxed);
            return sink
                .stream(path, &mut |w| {
                    self.native.write(view, &page.path, &shell, w)
                })
                .map_err(PageError::Write);
        }
        self.drawn.tera.fetch_add(1, Ordering::Relaxed);
        let failed = |e: &tera::Error| tera_env::page_failure(e, self.theme, &page.path);
        let context = tera_env::page_context(view, title, &page.path, section, updated)
            .map_err(|e| PageError::Template(failed(&e)))?;
        let mut error = None;
        let written = sink.stream(path, &mut |w| {
            let mut w = io::BufWriter::with_capacity(BUFFER, w);
            match self.tera.render_to(page.kind.template(), &context, &mut w) {
                Ok(()) => w.flush(),
                Err(e) => {
                    let io = match e.kind() {
                        tera::ErrorKind::Io(kind) => io::Error::from(*kind),
                        _ => io::Error::other("template error"),
                    };
                    error = Some(e);
                    Err(io)
                }
            }
        });
        match error {
            Some(e) if !matches!(e.kind(), tera::ErrorKind::Io(_)) => {
                Err(PageError::Template(failed(&e)))
            }
            _ => written.map_err(PageError::Write),
        }
    }
}
