//! `candor check`: validate the site as a build would ([`crate::pipeline::validate`]) and
//! print the audit's findings as text, JSON, SARIF or Markdown; exit 1 when an open finding
//! reaches `--fail-on`, 2 on invalid input (exactly when `candor build` exits 2 on it).

use std::process::ExitCode;

use crate::audit::report::{error_document, render};
use crate::cli::CheckArgs;
use crate::diag::Error;
use crate::pipeline::{validate, Checked, Clock, Options};

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
    // Everything a plain `candor build` of this site checks, in its order and words.
    let mut options = Options::new(Clock::from_env(args.today)?);
    options.evidence = args.evidence.clone();
    let Checked {
        catalog,
        settings,
        audit,
    } = validate(root, &options)?;
    let fail_on = args.fail_on.unwrap_or(settings.fail_on);
    let report = crate::audit::report::Options {
        fail_on,
        uri_prefix: crate::repo_root::site_in_repo(root),
        include_accepted: args.include_accepted,
    };
    crate::out::stdout(render(args.format, &audit, &report).as_bytes())?;
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
