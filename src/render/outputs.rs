//! The one declared list of the files a build generates (pages, charts, data files, the
//! feed), besides the theme's assets: the render stage writes them under these names, and a
//! `static/` file may take none of them.

use std::collections::HashSet;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Error};
use crate::site::changes::{FEED, PAGE as CHANGES_PAGE};
use crate::site::{downloads, history, sitemap, Site};

use super::Theme;

/// The site's data as JSON (docs/data-json.md).
pub const DATA_JSON: &str = "data.json";
/// Every page, for search engines (or the index of the parts: [`sitemap::files`]).
pub const SITEMAP: &str = sitemap::FILE;
/// What the search box searches.
pub const SEARCH_INDEX: &str = "search-index.json";

/// Where the chart with `id` is written.
pub fn chart(id: &str) -> String {
    format!("charts/{id}.svg")
}

/// Every file a build of `site` generates, by path relative to the output folder.
pub fn generated(site: &Site) -> Vec<String> {
    let mut files: Vec<String> = site.pages.iter().map(|p| p.path.clone()).collect();
    files.extend(site.charts.iter().map(|c| chart(&c.id)));
    files.extend([DATA_JSON, SEARCH_INDEX].map(String::from));
    files.extend(sitemap::files(site));
    files.push(downloads::CSV.to_string());
    files.extend(crate::site::search::shard_files(site));
    if site.changes.is_some() {
        files.push(FEED.to_string());
        files.push(history::FILE.to_string());
    }
    files
}

/// Every path a `static/` file may not take: the generated files of `site`, and the changes
/// page and feed even on a build without `--previous`, so adding `--previous` later never
/// meets a clash the site's check had passed.
pub fn reserved(site: &Site) -> Vec<String> {
    let mut files = generated(site);
    for path in [FEED, CHANGES_PAGE, history::FILE] {
        if !files.iter().any(|f| f == path) {
            files.push(path.to_string());
        }
    }
    files
}

/// The theme's assets to copy into the output, checked against [`reserved`]: one that would
/// replace a generated file, take the place of a generated directory (or need a generated
/// file to be a directory), or is named like a Windows device, is an error naming it.
pub fn assets<'t>(site: &Site, theme: &'t Theme) -> Result<Vec<(&'t Path, &'t [u8])>, Error> {
    let files = reserved(site);
    let generated: HashSet<&str> = files.iter().map(String::as_str).collect();
    // Every directory a generated file sits in: each prefix of its path up to a `/`.
    let generated_dirs: HashSet<&str> = generated
        .iter()
        .flat_map(|p| p.match_indices('/').map(|(i, _)| &p[..i]))
        .collect();
    // A split sitemap's parts depend on the base URL's length too: reserve every such name.
    let is_generated = |p: &Path| {
        p.to_str()
            .is_some_and(|p| generated.contains(p) || sitemap::is_part(p))
    };
    let mut clashes = Diagnostics::new();
    let mut clash = |path: &str, message: String, help: &str| {
        clashes.push(Diagnostic::file(format!("static/{path}"), message).help(help));
    };
    const GENERATED: &str = "rename or move it: generated pages, charts, data.json, sitemap.xml (and its parts sitemap-N.xml), search-index.json, inventory.csv, changes.json and changes.xml cannot be replaced from static/";
    let mut assets = Vec::with_capacity(theme.assets.len());
    for (path, bytes) in &theme.assets {
        let rel = Path::new(path);
        if crate::sink::safe_join(Path::new(""), rel).is_err() {
            let message = "static file has a name that is a device on Windows (con, prn, aux, nul, com1-9, lpt1-9)";
            clash(
                path,
                message.into(),
                "rename it: the site could not be copied to Windows",
            );
        } else if generated.contains(path.as_str()) || sitemap::is_part(path) {
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
            assets.push((rel, bytes.as_ref()));
        }
    }
    clashes.into_result(assets).map_err(Error::from)
}
