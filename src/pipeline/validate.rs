//! `validate`: every check a build runs on its input, writing nothing — for `candor check`,
//! so a check passes exactly when a build would, and fails with the build's own message.

use std::path::Path;

use crate::audit::{Audit, Settings};
use crate::diag::Error;
use crate::model::Catalog;
use crate::progress::Progress;
use crate::render;

use super::build::{plan, prepare, Prepared};
use super::Options;

/// A site that passed [`validate`]: its catalog and audit, for the report.
pub struct Checked {
    pub catalog: Catalog,
    pub settings: Settings,
    pub audit: Audit,
}

/// Runs a build's checks in the build's order: load and link, the theme, `[branding] logo`,
/// `[audit]`, then the plan of the site and a dry render of one page of every kind (template
/// syntax, and a template override that fails at render time) and the `static/` files
/// against every generated output. The first stage that fails gives the error a build of the
/// same site with the same `options` gives.
pub fn validate(root: &Path, options: &Options) -> Result<Checked, Error> {
    let prepared = prepare(root, options, &Progress::new(false))?;
    {
        let site = plan(&prepared, options);
        render::dry_run(&site, &prepared.catalog, &prepared.theme)?;
    }
    let Prepared {
        catalog,
        settings,
        audit,
        ..
    } = prepared;
    Ok(Checked {
        catalog,
        settings,
        audit,
    })
}
