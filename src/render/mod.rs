//! Pages -> HTML via Tera, charts -> SVG; plus `data.json`, `sitemap.xml` and the theme's
//! assets: every file of a build, in memory, for the write stage to publish.

pub mod charts;
pub mod colour;
pub mod markdown;
pub mod tera_env;
pub mod theme;

use std::collections::BTreeSet;
use std::path::PathBuf;

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
    let tera = tera_env::build(theme, catalog, site)?;
    let svgs: Vec<String> = site.charts.par_iter().map(draw).collect();
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

/// Adds the theme's assets; one that would replace a generated file is an error.
fn add_assets(files: &mut Vec<OutputFile>, theme: &Theme) -> Result<(), Error> {
    let generated: BTreeSet<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let mut clashes = crate::diag::Diagnostics::new();
    for (path, bytes) in &theme.assets {
        if generated.contains(&PathBuf::from(path)) {
            clashes.push(
                Diagnostic::file(
                    format!("static/{path}"),
                    format!("static file would overwrite the generated `{path}`"),
                )
                .help("rename or move it: generated pages, charts, data.json and sitemap.xml cannot be replaced from static/"),
            );
            continue;
        }
        files.push(OutputFile::new(path, bytes.as_ref()));
    }
    clashes.into_result(()).map_err(Error::from)
}

#[cfg(test)]
mod tests;
