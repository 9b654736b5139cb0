//! Output formats of `candor diff`: text for people, JSON for scripts (its shape is in
//! `docs/diff.md`), Markdown for a pull-request comment. Each is a pure function of the diff.

mod json;
mod markdown;
mod text;

use jiff::civil::Date;

use super::Diff;

pub use json::json;
pub use markdown::markdown;
pub use text::text;

/// The output format of `candor diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
}

/// What the formats show besides the changes: the two sites and the audit date.
#[derive(Debug, Clone)]
pub struct Options {
    pub old: String,
    pub new: String,
    pub today: Date,
}

/// Renders the diff in a format.
pub fn render(format: Format, diff: &Diff, options: &Options) -> String {
    match format {
        Format::Text => text(diff, options),
        Format::Json => json(diff, options),
        Format::Markdown => markdown(diff, options),
    }
}

#[cfg(test)]
mod tests;
