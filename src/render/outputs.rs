//! The one declared list of the files a build generates (pages, charts, data files, the
//! feed), besides the theme's assets: the render stage writes them under these names, and a
//! `static/` file may take none of them.

use crate::site::changes::FEED;
use crate::site::Site;

/// The site's data as JSON (docs/data-json.md).
pub const DATA_JSON: &str = "data.json";
/// Every page, for search engines.
pub const SITEMAP: &str = "sitemap.xml";
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
    files.extend([DATA_JSON, SITEMAP, SEARCH_INDEX].map(String::from));
    files.extend(crate::site::search::shard_files(site));
    if site.changes.is_some() {
        files.push(FEED.to_string());
    }
    files
}
