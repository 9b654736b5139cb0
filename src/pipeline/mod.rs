//! The one sequence of a run: load -> link -> audit -> plan the site -> render -> write, with
//! one [`Clock`] resolved once. `build`, `check`, `serve`, `diff` and `export`, the benches
//! and the tests all run it from here; the commands only parse arguments and print.
//!
//! [`validate`] runs every stage a build runs, up to a dry render of one page of each kind,
//! so `candor check` fails exactly when `candor build` would, with the same message.

mod build;
mod validate;

use std::path::Path;

use jiff::civil::Date;

use crate::audit::reviews::{reviews_due, ReviewDue};
use crate::audit::{audit, Audit, Settings};
use crate::diag::{Diagnostics, Error};
use crate::model::Catalog;

pub use crate::today::Clock;
pub use build::{build_files, build_into, Built, Options};
pub use validate::{validate, Checked};

/// How far ahead the internal build's "reviews due" list looks.
pub const REVIEW_HORIZON_DAYS: u32 = 90;

/// Loads and links the site at `root`: every problem of every file together, sorted by file
/// and line, with paths relative to `root`.
pub fn load(root: &Path) -> Result<Catalog, Error> {
    load_with(root, &[])
}

/// [`load`] with extra evidence files (`check --evidence`).
pub fn load_with(root: &Path, evidence: &[std::path::PathBuf]) -> Result<Catalog, Error> {
    crate::load_catalog_with(root, evidence).map_err(Error::Invalid)
}

/// [`load`] for one of two sites (`diff`, `--previous`): its diagnostics name files with the
/// site folder in front, so a reader knows which version is broken.
pub fn load_under(root: &Path) -> Result<Catalog, Diagnostics> {
    crate::load_catalog(root).map_err(|d| under(root, d))
}

/// Validates `[audit]` of the site's candor.toml (as loaded: the file is not read again)
/// against the catalog and runs the audit. An invalid `[audit]` section is an input error.
pub fn audit_site(catalog: &Catalog, today: Date) -> Result<(Settings, Audit), Error> {
    let settings = Settings::from_catalog(catalog, Path::new("candor.toml"))?;
    let audit = audit(catalog, &settings, today);
    Ok((settings, audit))
}

/// [`audit_site`] of one of two sites, its diagnostics [`under`] its folder.
pub fn audit_under(root: &Path, catalog: &Catalog, today: Date) -> Result<Audit, Error> {
    match audit_site(catalog, today) {
        Ok((_, audit)) => Ok(audit),
        Err(Error::Invalid(d)) => Err(Error::Invalid(under(root, d))),
        Err(e) => Err(e),
    }
}

/// The audit of a build: the findings and the review schedule for the internal build's
/// `audit/` page. Findings never make a build fail; only an invalid `[audit]` section does.
pub fn audit_for_build(catalog: &Catalog, today: Date) -> Result<(Audit, Vec<ReviewDue>), Error> {
    let (settings, audit) = audit_site(catalog, today)?;
    let reviews = reviews_due(catalog, settings.max_age_days, today, REVIEW_HORIZON_DAYS);
    Ok((audit, reviews))
}

/// Diagnostics with `root` prepended to their (site-relative) file names.
pub fn under(root: &Path, diags: Diagnostics) -> Diagnostics {
    if root == Path::new(".") {
        return diags;
    }
    let mut out = Diagnostics::new();
    for mut d in diags {
        if d.file.is_relative() && !d.file.starts_with(root) {
            d.file = root.join(&d.file);
        }
        out.push(d);
    }
    out.sorted()
}
