//! A site rendered in the process (load -> site -> render, no writing), as a map of output
//! path to text.

use std::collections::BTreeMap;
use std::path::Path;

use candor::config::Audience;
use candor::model::Catalog;
use candor::render::{render as render_files, Theme};
use candor::site::Site;

/// Output path (with `/`) -> text (lossy for binary files).
pub type Rendered = BTreeMap<String, String>;

/// The site at `root` rendered for `audience`, without an audit.
pub fn render(root: &Path, audience: Audience) -> Rendered {
    let catalog = candor::load_catalog(root).unwrap_or_else(|e| panic!("site loads: {e}"));
    let site = candor::site::plan(&catalog, audience);
    rendered(root, &site, &catalog)
}

/// A planned `site` of `catalog` rendered with the theme of `root`.
pub fn rendered(root: &Path, site: &Site, catalog: &Catalog) -> Rendered {
    let theme = Theme::load(root).expect("theme loads");
    render_files(site, catalog, &theme)
        .unwrap_or_else(|e| panic!("renders: {e}"))
        .into_iter()
        .map(|f| {
            let path = f.path.to_string_lossy().replace('\\', "/");
            (path, String::from_utf8_lossy(&f.bytes).into_owned())
        })
        .collect()
}
