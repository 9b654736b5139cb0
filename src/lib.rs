//! candor: a company's data inventory, retention registers and model cards in; a static
//! transparency site, an audit and machine-readable exports out.
//!
//! The pipeline runs one way: `load -> link -> audit -> site -> render -> write`.
//!
//! Arrows only point down: a module uses its own layer and the layers below it, never one
//! above (`tests/layering.rs` holds the same list and enforces it). Bottom first:
//!
//! - layer 0 foundations: diag, hash, escape, csv_cell, out, uuid, ids, country, i18n, today,
//!   progress, repo_root, cyclonedx, sink
//! - layer 1 config: config, taxonomy
//! - layer 2 model: model
//! - layer 3 load: load
//! - layer 4 link: link
//! - layer 5 audit: audit
//! - layer 6 diff: diff
//! - layer 7 site: site
//! - layer 8 render: render
//! - layer 9 write: write
//! - layer 10 exchange: export, import, schema
//! - layer 11 pipeline: pipeline
//! - layer 12 serve: serve
//! - layer 13 commands: commands, cli, main

// The config schema is one `json!` literal, deeper than the default limit of 128.
#![recursion_limit = "256"]

pub mod audit;
pub mod cli;
pub mod commands;
pub mod config;
pub mod country;
pub mod csv_cell;
pub mod cyclonedx;
pub mod diag;
pub mod diff;
pub mod escape;
pub mod export;
pub mod hash;
pub mod i18n;
pub mod ids;
pub mod import;
pub mod link;
pub mod load;
pub mod model;
pub mod out;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod repo_root;
pub mod schema;
pub mod serve;
pub mod sink;
pub mod site;
pub mod taxonomy;
pub mod today;
pub mod uuid;
pub mod write;

use std::path::Path;

use diag::Diagnostics;
use model::Catalog;

/// Loads and links the site at `root`: every problem of every file comes back together,
/// sorted by file and line, with paths relative to `root`.
pub fn load_catalog(root: &Path) -> Result<Catalog, Diagnostics> {
    load_catalog_with(root, &[])
}

/// [`load_catalog`] with extra evidence files (`check --evidence`), which may lie outside the
/// site because the command line names them.
pub fn load_catalog_with(
    root: &Path,
    evidence: &[std::path::PathBuf],
) -> Result<Catalog, Diagnostics> {
    let (raw, mut diags) = load::load_with(root, evidence);
    match link::link(raw) {
        Ok(catalog) if diags.is_empty() => Ok(catalog),
        Ok(_) => Err(diags.sorted()),
        Err(link_diags) => {
            diags.extend(link_diags);
            Err(diags.sorted())
        }
    }
}
