//! Output formats of `candor check`: text for people, JSON for scripts, SARIF for code
//! scanning, Markdown for a pull-request comment. Each is a pure function of the [`Audit`].

mod errors;
mod fingerprint;
mod json;
mod markdown;
mod sarif;
mod text;

use super::{Audit, FailOn};
use crate::diag::Origin;
use crate::repo_root::slash_path;

pub use errors::error_document;
pub use json::json;
pub use markdown::markdown;
pub use sarif::sarif;
pub use text::text;

/// The output format of `candor check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Sarif,
    Markdown,
}

/// What every format needs besides the findings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The threshold the run is judged against.
    pub fail_on: FailOn,
    /// Prefix for SARIF artifact URIs: the site folder relative to the repository root
    /// (`""` when the site is the repository root), so code scanning finds the files.
    pub uri_prefix: String,
    /// SARIF: keep accepted findings (with a suppression); code scanning ignores
    /// suppressions, so by default they are left out.
    pub include_accepted: bool,
}

/// Renders the audit in a format.
pub fn render(format: Format, audit: &Audit, options: &Options) -> String {
    match format {
        Format::Text => text(audit, options.fail_on),
        Format::Json => json(audit, options.fail_on),
        Format::Sarif => sarif(audit, &options.uri_prefix, options.include_accepted),
        Format::Markdown => markdown(audit, options.fail_on),
    }
}

/// `file:line` with forward slashes.
pub fn location(origin: &Origin) -> String {
    format!("{}:{}", slash_path(&origin.file), origin.line)
}

/// The closing verdict, e.g. "check failed: 2 errors, 1 warning, 0 info, 0 accepted (--fail-on error)".
pub fn verdict(audit: &Audit, fail_on: FailOn) -> String {
    let word = if audit.fails(fail_on) {
        "failed"
    } else {
        "passed"
    };
    format!(
        "check {word}: {} (--fail-on {})",
        audit.summary(),
        fail_on.as_str()
    )
}

#[cfg(test)]
pub(crate) mod tests;
