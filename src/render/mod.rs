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

use crate::diag::Error;
use crate::model::Catalog;
use crate::sink::Sink;
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
pub type DrawChart = fn(&crate::site::chart::Chart) -> String;

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
    // The data files (charts, data.json, sitemap, search index) alongside the pages.
    let (written, data) = rayon::join(
        || {
            render_order(site)
                .par_iter()
                .map(|page| {
                    let written = write_page(ctx, &renderers, page, sink);
                    tick();
                    written
                })
                .collect::<Vec<Result<(), PageError>>>()
        },
        || data_files(site, catalog, &svgs, sink),
    );
    template_errors(written)?;
    data?;
    outputs::assets(site, theme)?
        .into_iter()
        .try_for_each(|(rel, bytes)| sink.file(rel, bytes))?;
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
    for (file, xml) in sitemap::sitemaps(site, &catalog.config.base_url) {
        sink.file(Path::new(&file), xml.as_bytes())?;
    }
    let search = search::search_index(catalog, site)
        .map_err(|e| Error::Template(format!("{}: {e}", outputs::SEARCH_INDEX)))?;
    sink.file(Path::new(outputs::SEARCH_INDEX), &search)?;
    crate::site::downloads::write(catalog, site, sink)?;
    let shards = search::reason_shards(catalog, site)
        .map_err(|e| Error::Template(format!("{}: {e}", outputs::SEARCH_INDEX)))?;
    for (file, bytes) in search::shard_files(site).iter().zip(&shards) {
        sink.file(Path::new(file), bytes)?;
    }
    if let Some(changes) = &site.changes {
        let feed = crate::site::feed::feed(catalog, changes);
        sink.file(Path::new(crate::site::changes::FEED), feed.as_bytes())?;
        let history = changes
            .history
            .to_json()
            .map_err(|e| Error::Template(format!("{}: {e}", crate::site::history::FILE)))?;
        sink.file(Path::new(crate::site::history::FILE), &history)?;
    }
    Ok(())
}

/// Builds the view of `page` and its "last updated" date, and renders it into `sink`.
fn write_page(
    ctx: views::Ctx,
    renderers: &page::Renderers,
    page: &PageSpec,
    sink: &Sink,
) -> Result<(), PageError> {
    let (title, view) = views::build(ctx, page);
    let updated = (ctx.site.updated.page(ctx.catalog, ctx.site, &page.kind)).map(|d| d.to_string());
    renderers.write(page, &title, &view, updated.as_deref(), sink)
}

/// The pages in the order they are rendered: the big listings (element and model pages)
/// last, so no thread is left with one at the end. The order of the errors follows it.
fn render_order<'s, 'a>(site: &'s Site<'a>) -> Vec<&'s PageSpec<'a>> {
    let mut order: Vec<&PageSpec> = site.pages.iter().collect();
    order.sort_by_key(|p| matches!(p.kind, PageKind::Element(_) | PageKind::Model(_)));
    order
}

/// Renders the first page of each template of `site` (so every page kind), writing nothing,
/// then checks the theme's assets against the generated outputs: what a full render would
/// report on these pages, in the same words, for `candor check`. Charts are not drawn (no
/// template reads their markup).
pub fn dry_run(site: &Site, catalog: &Catalog, theme: &Theme) -> Result<(), Error> {
    let tera = tera_env::build(theme, catalog, site)?;
    let globals = tera_env::globals(theme, catalog, site);
    let native = native::Native::new(theme, &tera, globals, site.lang);
    let drawn = page::Drawn::default();
    let renderers = page::Renderers {
        tera: &tera,
        native: &native,
        theme,
        drawn: &drawn,
    };
    let svgs = vec![String::new(); site.charts.len()];
    let ctx = views::Ctx {
        catalog,
        site,
        svgs: &svgs,
    };
    let mut seen = HashSet::new();
    let nowhere = |_: &Path, _: &[u8]| Ok(());
    let written: Vec<Result<(), PageError>> = render_order(site)
        .into_iter()
        .filter(|p| seen.insert(p.kind.template()))
        .map(|page| write_page(ctx, &renderers, page, &nowhere))
        .collect();
    template_errors(written)?;
    outputs::assets(site, theme).map(drop)
}

enum PageError {
    Template(tera_env::PageFailure),
    Write(Error),
}

/// The first write error, else every distinct template error together: errors from the same
/// template spot (the same [`tera_env::PageFailure::spot`], pages aside) count once.
fn template_errors(results: Vec<Result<(), PageError>>) -> Result<(), Error> {
    let mut errors: Vec<tera_env::PageFailure> = Vec::new();
    for result in results {
        match result {
            Ok(()) => {}
            Err(PageError::Write(e)) => return Err(e),
            Err(PageError::Template(e)) => {
                if !errors.iter().any(|x| x.spot == e.spot) {
                    errors.push(e);
                }
            }
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    let mut reports = crate::diag::Diagnostics::new();
    for e in errors {
        reports.push(e.report);
    }
    Err(Error::Invalid(reports))
}

#[cfg(test)]
mod tests;
