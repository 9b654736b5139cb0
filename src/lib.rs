//! candor: a company's data inventory, retention registers and model cards in; a static
//! transparency site, an audit and machine-readable exports out.
//!
//! The pipeline runs one way: `load -> link -> audit -> site -> render -> write`.

pub mod audit;
pub mod cli;
pub mod commands;
pub mod config;
pub mod country;
pub mod diag;
pub mod diff;
pub mod escape;
pub mod export;
pub mod hash;
pub mod i18n;
pub mod import;
pub mod link;
pub mod load;
pub mod out;
pub mod progress;
pub mod render;
pub mod repo_root;
pub mod schema;
pub mod serve;
pub mod site;
pub mod taxonomy;
pub mod today;
pub mod uuid;
pub mod write;

use std::path::Path;

use diag::Diagnostics;
use link::Catalog;

/// Loads and links the site at `root`: every problem of every file comes back together,
/// sorted by file and line, with paths relative to `root`.
pub fn load_catalog(root: &Path) -> Result<Catalog, Diagnostics> {
    let (raw, mut diags) = load::load(root);
    match link::link(raw) {
        Ok(catalog) if diags.is_empty() => Ok(catalog),
        Ok(_) => Err(diags.sorted()),
        Err(link_diags) => {
            diags.extend(link_diags);
            Err(diags.sorted())
        }
    }
}
