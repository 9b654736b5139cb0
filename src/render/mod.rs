//! Pages -> HTML via Tera, charts -> SVG; plus `data.json`, `sitemap.xml` and the theme's
//! assets: every file of a build, in memory, for the write stage to publish.

pub mod charts;
pub mod colour;
pub mod inline_code;
pub mod markdown;
pub mod markdown_source;
mod native;
pub mod outputs;
mod page;
pub mod tera_env;
pub mod theme;

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Error};
use crate::link::Catalog;
use crate::site::{data_json, search, sitemap, views, PageKind, PageSpec, Site};

pub use theme::Theme;

/// One file of a build: a path relative to the output directory and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Renders every file of `site`: pages, charts, `data.json`, `sitemap.xml` and the theme's
/// assets, sorted by path. See [`render_with`].
pub fn render(site: &Site, catalog: &Catalog, theme: &Theme) -> Result<Vec<OutputFile>, Error> {
    render_with(site, catalog, theme, charts::render_svg)
}

/// Draws one chart as SVG markup.
pub type DrawChart = fn(&charts::Chart) -> String;

/// Renders every file of `site` with `draw` for the charts, pages in parallel. All template
/// errors of the run are reported together (each distinct message once). Files come out
/// sorted by path, so the same input gives the same output.
pub fn render_with(
    site: &Site,
    catalog: &Catalog,
    theme: &Theme,
    draw: DrawChart,
) -> Result<Vec<OutputFile>, Error> {
    collect(|sink| render_into(site, catalog, theme, draw, None, sink))
}

/// Runs a render into a sink that keeps every file in memory, sorted by path.
pub fn collect(
    run: impl FnOnce(&Sink) -> Result<Rendered, Error>,
) -> Result<Vec<OutputFile>, Error> {
    let files = Mutex::new(Vec::new());
    run(&|path: &Path, bytes: &[u8]| {
        let file = OutputFile::new(path, bytes);
        files.lock().map_err(|_| poisoned())?.push(file);
        Ok(())
    })?;
    let mut files = files.into_inner().map_err(|_| poisoned())?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn poisoned() -> Error {
    Error::Template("a rendering thread panicked".to_string())
}

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

/// What went into the sink: HTML pages and SVG charts (besides data.json, sitemap and assets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rendered {
    pub pages: usize,
    pub charts: usize,
}

/// Renders every file of `site` into `sink` as soon as it is ready, pages and charts in
/// parallel, so a build never holds the whole site in memory. On a template error, pages
/// already handed to the sink stay there (the write stage discards a failed build).
pub fn render_into(
    site: &Site,
    catalog: &Catalog,
    theme: &Theme,
    draw: DrawChart,
    done: Option<&AtomicUsize>,
    sink: &Sink,
) -> Result<Rendered, Error> {
    let drawn = page::Drawn::default();
    render_counted(site, catalog, theme, draw, done, sink, &drawn)
}

/// [`render_into`], counting the pages each renderer drew into `drawn`.
fn render_counted(
    site: &Site,
    catalog: &Catalog,
    theme: &Theme,
    draw: DrawChart,
    done: Option<&AtomicUsize>,
    sink: &Sink,
    drawn: &page::Drawn,
) -> Result<Rendered, Error> {
    let tick = || {
        if let Some(d) = done {
            d.fetch_add(1, Ordering::Relaxed);
        }
    };
    let tera = tera_env::build(theme, catalog, site)?;
    let globals = tera_env::globals(theme, catalog, site);
    let native = native::Native::new(theme, &tera, globals, site.lang);
    let renderers = page::Renderers {
        tera: &tera,
        native: &native,
        theme,
        drawn,
    };
    let svgs: Vec<String> = site
        .charts
        .par_iter()
        .map(|c| {
            let svg = draw(c);
            tick();
            svg
        })
        .collect();
    let ctx = views::Ctx {
        catalog,
        site,
        svgs: &svgs,
    };
    // The big listings first, so no thread is left with one at the end; the data files
    // (charts, data.json, sitemap, search index) alongside the pages.
    let mut order: Vec<&PageSpec> = site.pages.iter().collect();
    order.sort_by_key(|p| matches!(p.kind, PageKind::Element(_) | PageKind::Model(_)));
    let (pages, data) = rayon::join(
        || {
            order
                .par_iter()
                .map(|page| {
                    let (title, view) = views::build(ctx, page);
                    let written = renderers.write(page, &title, &view, sink);
                    tick();
                    written
                })
                .collect::<Vec<Result<(), PageError>>>()
        },
        || data_files(site, catalog, &svgs, sink),
    );
    let mut errors: Vec<String> = Vec::new();
    for page in pages {
        match page {
            Ok(()) => {}
            Err(PageError::Write(e)) => return Err(e),
            Err(PageError::Template(e)) if !errors.iter().any(|x| same_error(x, &e)) => {
                errors.push(e)
            }
            Err(PageError::Template(_)) => {}
        }
    }
    if !errors.is_empty() {
        return Err(Error::Template(errors.join("\n\n")));
    }
    data?;
    add_assets(site, theme, sink)?;
    Ok(Rendered {
        pages: site.pages.len(),
        charts: site.charts.len(),
    })
}

/// Every file of `site` besides its pages: the charts, `data.json`, `sitemap.xml`, the search
/// index and, with changes, the feed.
fn data_files(site: &Site, catalog: &Catalog, svgs: &[String], sink: &Sink) -> Result<(), Error> {
    site.charts
        .par_iter()
        .zip(svgs)
        .try_for_each(|(chart, svg)| {
            sink.file(Path::new(&outputs::chart(&chart.id)), svg.as_bytes())
        })?;
    // Straight to the file: at 100k elements data.json is ~140 MB.
    sink.stream(Path::new(outputs::DATA_JSON), &mut |w| {
        let mut w = io::BufWriter::with_capacity(64 * 1024, w);
        data_json::data_json_to(catalog, site, &mut w)?;
        w.flush()
    })?;
    let sitemap = sitemap::sitemap(site, &catalog.config.base_url);
    sink.file(Path::new(outputs::SITEMAP), sitemap.as_bytes())?;
    let search = search::search_index(catalog, site)
        .map_err(|e| Error::Template(format!("{}: {e}", outputs::SEARCH_INDEX)))?;
    sink.file(Path::new(outputs::SEARCH_INDEX), &search)?;
    if let Some(changes) = &site.changes {
        let feed = crate::site::feed::feed(catalog, changes);
        sink.file(Path::new(crate::site::changes::FEED), feed.as_bytes())?;
    }
    Ok(())
}

enum PageError {
    Template(String),
    Write(Error),
}

/// Two errors from the same template spot (first line equal, pages aside) count once.
fn same_error(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let first = s.lines().next().unwrap_or("");
        first
            .split(" (rendering ")
            .next()
            .unwrap_or(first)
            .to_string()
    };
    key(a) == key(b)
}

/// Adds the theme's assets. One that would replace a generated file, or take the place of a
/// generated directory (or need a generated file to be a directory), is an error.
fn add_assets(site: &Site, theme: &Theme, sink: &Sink) -> Result<(), Error> {
    let files = outputs::generated(site);
    let generated: HashSet<&str> = files.iter().map(String::as_str).collect();
    // Every directory a generated file sits in: each prefix of its path up to a `/`.
    let generated_dirs: HashSet<&str> = generated
        .iter()
        .flat_map(|p| p.match_indices('/').map(|(i, _)| &p[..i]))
        .collect();
    let is_generated = |p: &Path| p.to_str().is_some_and(|p| generated.contains(p));
    let mut clashes = crate::diag::Diagnostics::new();
    let mut clash = |path: &str, message: String, help: &str| {
        clashes.push(Diagnostic::file(format!("static/{path}"), message).help(help));
    };
    const GENERATED: &str = "rename or move it: generated pages, charts, data.json, sitemap.xml, search-index.json and changes.xml cannot be replaced from static/";
    let mut assets = Vec::with_capacity(theme.assets.len());
    for (path, bytes) in &theme.assets {
        let rel = Path::new(path);
        if crate::write::safe_join(Path::new(""), rel).is_err() {
            let message = "static file has a name that is a device on Windows (con, prn, aux, nul, com1-9, lpt1-9)";
            clash(
                path,
                message.into(),
                "rename it: the site could not be copied to Windows",
            );
        } else if generated.contains(path.as_str()) {
            clash(
                path,
                format!("static file would overwrite the generated `{path}`"),
                GENERATED,
            );
        } else if generated_dirs.contains(path.as_str()) {
            clash(
                path,
                format!("static file would take the place of the generated directory `{path}/`"),
                GENERATED,
            );
        } else if let Some(file) = rel.ancestors().skip(1).find(|d| is_generated(d)) {
            clash(
                path,
                format!(
                    "static file would need the generated file `{}` to be a directory",
                    file.display()
                ),
                GENERATED,
            );
        } else {
            assets.push((rel, bytes));
        }
    }
    clashes.into_result(())?;
    assets
        .into_iter()
        .try_for_each(|(rel, bytes)| sink.file(rel, bytes.as_ref()))
}

#[cfg(test)]
mod tests;
