//! `candor check`: load, validate and audit a site; print the findings as text, JSON, SARIF
//! or Markdown; exit 1 when an open finding reaches `--fail-on`, 2 on invalid input.

use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;

use crate::audit::report::{error_document, render, Options};
use crate::audit::reviews::{reviews_due, ReviewDue};
use crate::audit::{audit, Audit, Settings};
use crate::cli::CheckArgs;
use crate::diag::Error;
use crate::link::Catalog;

pub fn run(args: &CheckArgs) -> Result<ExitCode, Error> {
    // A JSON or SARIF consumer gets a document of the errors on exit 2, never an empty file.
    check(args).inspect_err(|e| {
        if let Some(doc) = error_document(args.format, e) {
            // Best effort: the input errors are what this run reports (exit 2).
            let _ = crate::out::stdout(doc.to_string().as_bytes());
        }
    })
}

fn check(args: &CheckArgs) -> Result<ExitCode, Error> {
    let root = &args.root.root;
    let today = crate::today::today(args.today)?;
    let catalog = crate::load_catalog_with(root, &args.evidence)?;
    let (settings, audit) = audit_site(root, &catalog, today)?;
    let fail_on = args.fail_on.unwrap_or(settings.fail_on);
    let options = Options {
        fail_on,
        uri_prefix: crate::repo_root::site_in_repo(root),
        include_accepted: args.include_accepted,
    };
    crate::out::stdout(render(args.format, &audit, &options).as_bytes())?;
    let code = if audit.fails(fail_on) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends next: freeing a large catalog allocation by allocation only delays
    // the exit (~5% of a 100k-element check), so the memory goes back to the system whole.
    std::mem::forget(catalog);
    std::mem::forget(audit);
    Ok(code)
}

/// Validates `[audit]` of the site's candor.toml against the catalog and runs the audit.
/// Shared by `check` and `build`; an invalid `[audit]` section is an input error.
pub fn audit_site(root: &Path, catalog: &Catalog, today: Date) -> Result<(Settings, Audit), Error> {
    let file = Path::new("candor.toml");
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io("cannot read", &path, e))?;
    let settings = Settings::from_catalog(catalog, &text, file)?;
    let audit = audit(catalog, &settings, today);
    Ok((settings, audit))
}

/// For `candor build`: the audit of the site, its one-line summary printed on standard
/// error, and the review schedule for the internal build's `audit/` page. Findings never make
/// a build fail; only an invalid `[audit]` section does (it is invalid input).
pub fn audit_for_build(
    root: &Path,
    catalog: &Catalog,
    today: Date,
) -> Result<(Audit, Vec<ReviewDue>), Error> {
    let (settings, audit) = audit_site(root, catalog, today)?;
    crate::note!("audit: {} (details: candor check)", audit.summary());
    let reviews = reviews_due(catalog, settings.max_age_days, today, REVIEW_HORIZON_DAYS);
    Ok((audit, reviews))
}

/// How far ahead the internal build's "reviews due" list looks.
pub const REVIEW_HORIZON_DAYS: u32 = 90;
