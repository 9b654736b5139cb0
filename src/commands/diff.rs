//! `candor diff OLD_ROOT [NEW_ROOT]`: what a change does to collection, purposes, retention,
//! sharing and models, and which audit findings it introduces or resolves. Informational:
//! exits 0 whatever changed, 2 when either site is invalid.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use jiff::civil::Date;

use crate::audit::Audit;
use crate::config::Audience;
use crate::diag::{Diagnostics, Error};
use crate::diff::report::{render, Format, Options};
use crate::diff::{compare, Labels};
use crate::model::Catalog;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The previous version of the site, e.g. the base branch checked out into another folder.
    #[arg(value_name = "OLD_ROOT")]
    pub old_root: PathBuf,
    /// The new version of the site.
    #[arg(value_name = "NEW_ROOT", default_value = ".")]
    pub new_root: PathBuf,
    /// How to print the changes: text for people, json for scripts (docs/diff.md), markdown
    /// for a pull-request comment.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Whose view to compare: `internal` (everything, with audit findings) or `public` (only
    /// what a public build shows).
    #[arg(long, value_enum, default_value = "internal")]
    pub audience: Audience,
    /// The date both audits compare against (default: SOURCE_DATE_EPOCH, else today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::today::parse_date)]
    pub today: Option<Date>,
}

pub fn run(args: &DiffArgs) -> Result<ExitCode, Error> {
    let today = crate::today::today(args.today)?;
    let (old, new) = (load(&args.old_root), load(&args.new_root));
    let (old, new) = match (old, new) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let mut all = Diagnostics::new();
            all.extend(a.err().unwrap_or_default());
            all.extend(b.err().unwrap_or_default());
            return Err(Error::Invalid(all));
        }
    };
    let old_audit = audit(&args.old_root, &old, today)?;
    let new_audit = audit(&args.new_root, &new, today)?;
    let diff =
        compare(&old, &new, args.audience, Labels::Keys).with_findings(&old_audit, &new_audit);
    let options = Options {
        old: args.old_root.display().to_string(),
        new: args.new_root.display().to_string(),
        today,
    };
    crate::out::stdout(render(args.format, &diff, &options).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Loads one side; its diagnostics name files with the site folder in front, so a reader
/// knows which version is broken.
fn load(root: &Path) -> Result<Catalog, Diagnostics> {
    crate::load_catalog(root).map_err(|d| under(root, d))
}

fn audit(root: &Path, catalog: &Catalog, today: Date) -> Result<Audit, Error> {
    match super::check::audit_site(root, catalog, today) {
        Ok((_, audit)) => Ok(audit),
        Err(Error::Invalid(d)) => Err(Error::Invalid(under(root, d))),
        Err(e) => Err(e),
    }
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
