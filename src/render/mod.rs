//! Pages -> HTML via Tera, charts -> SVG; plus `data.json`, `sitemap.xml` and the theme's
//! assets: every file of a build, in memory, for the write stage to publish.

pub mod charts;
pub mod colour;
pub mod markdown;
pub mod tera_env;
pub mod theme;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Error};
use crate::link::Catalog;
use crate::site::{data_json, search, sitemap, views, Site};

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

/// [`render`], adding one to `done` for each chart drawn and page rendered (of
/// `site.charts.len() + site.pages.len()`), for a progress bar.
pub fn render_counted(
    site: &Site,
    catalog: &Catalog,
    theme: &Theme,
    done: &AtomicUsize,
) -> Result<Vec<OutputFile>, Error> {
    render_inner(site, catalog, theme, charts::render_svg, Some(done))
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
    render_inner(site, catalog, theme, draw, None)
}

fn render_inner(
    site: &Site,
    catalog: &Catalog,
    theme: &Theme,
    draw: DrawChart,
    done: Option<&AtomicUsize>,
) -> Result<Vec<OutputFile>, Error> {
    let tick = || {
        if let Some(d) = done {
            d.fetch_add(1, Ordering::Relaxed);
        }
    };
    let tera = tera_env::build(theme, catalog, site)?;
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
    let pages: Vec<Result<OutputFile, String>> = site
        .pages
        .par_iter()
        .map(|page| {
            let (title, view) = views::build(ctx, page);
            let template = page.kind.template();
            let context = tera_env::page_context(&view, &title, &page.path, page.kind.section())
                .map_err(|e| tera_env::template_error(&e, theme, Some(&page.path)))?;
            let html = tera
                .render(template, &context)
                .map_err(|e| tera_env::template_error(&e, theme, Some(&page.path)))?;
            tick();
            Ok(OutputFile::new(&page.path, html))
        })
        .collect();
    let mut files = Vec::with_capacity(pages.len() + site.charts.len() + theme.assets.len() + 2);
    let mut errors: Vec<String> = Vec::new();
    for page in pages {
        match page {
            Ok(file) => files.push(file),
            Err(e) if !errors.iter().any(|x| same_error(x, &e)) => errors.push(e),
            Err(_) => {}
        }
    }
    if !errors.is_empty() {
        return Err(Error::Template(errors.join("\n\n")));
    }
    for (chart, svg) in site.charts.iter().zip(svgs) {
        files.push(OutputFile::new(format!("charts/{}.svg", chart.id), svg));
    }
    let json = data_json::data_json(catalog, site)
        .map_err(|e| Error::Template(format!("data.json: {e}")))?;
    files.push(OutputFile::new("data.json", json));
    let search = search::search_index(catalog, site)
        .map_err(|e| Error::Template(format!("search-index.json: {e}")))?;
    files.push(OutputFile::new("search-index.json", search));
    files.push(OutputFile::new(
        "sitemap.xml",
        sitemap::sitemap(site, &catalog.config.base_url),
    ));
    if let Some(changes) = &site.changes {
        files.push(OutputFile::new(
            crate::site::changes::FEED,
            crate::site::feed::feed(catalog, changes),
        ));
    }
    add_assets(&mut files, theme)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
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
fn add_assets(files: &mut Vec<OutputFile>, theme: &Theme) -> Result<(), Error> {
    let generated: BTreeSet<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let generated_dirs: BTreeSet<&Path> = generated
        .iter()
        .flat_map(|p| p.ancestors().skip(1))
        .filter(|d| !d.as_os_str().is_empty())
        .collect();
    let mut clashes = crate::diag::Diagnostics::new();
    let mut clash = |path: &str, message: String, help: &str| {
        clashes.push(Diagnostic::file(format!("static/{path}"), message).help(help));
    };
    const GENERATED: &str = "rename or move it: generated pages, charts, data.json and sitemap.xml cannot be replaced from static/";
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
        } else if generated.contains(rel) {
            clash(
                path,
                format!("static file would overwrite the generated `{path}`"),
                GENERATED,
            );
        } else if generated_dirs.contains(rel) {
            clash(
                path,
                format!("static file would take the place of the generated directory `{path}/`"),
                GENERATED,
            );
        } else if let Some(file) = rel.ancestors().skip(1).find(|d| generated.contains(*d)) {
            clash(
                path,
                format!(
                    "static file would need the generated file `{}` to be a directory",
                    file.display()
                ),
                GENERATED,
            );
        } else {
            assets.push(OutputFile::new(path, bytes.as_ref()));
        }
    }
    files.extend(assets);
    clashes.into_result(()).map_err(Error::from)
}

#[cfg(test)]
mod tests;
