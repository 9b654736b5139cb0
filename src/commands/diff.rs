//! `candor diff OLD_ROOT [NEW_ROOT]`: what a change does to collection, purposes, retention,
//! sharing and models, and which audit findings it introduces or resolves. Informational:
//! exits 0 whatever changed, 2 when either site is invalid.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use jiff::civil::Date;

use crate::config::Audience;
use crate::diag::{Diagnostics, Error};
use crate::diff::report::{render, Format, Options};
use crate::diff::{compare, Labels};
use crate::pipeline::{audit_under, load_under, Clock};

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
    let today = Clock::from_env(args.today)?.today;
    let (old, new) = (load_under(&args.old_root), load_under(&args.new_root));
    let (old, new) = match (old, new) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let mut all = Diagnostics::new();
            all.extend(a.err().unwrap_or_default());
            all.extend(b.err().unwrap_or_default());
            return Err(Error::Invalid(all));
        }
    };
    let old_audit = audit_under(&args.old_root, &old, today)?;
    let new_audit = audit_under(&args.new_root, &new, today)?;
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
