//! The command line: argument parsing only; each command lives in `commands/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use jiff::civil::Date;

use crate::audit::report::Format;
use crate::audit::FailOn;
use crate::config::Audience;

/// candor turns what a company keeps about its data and its AI into a static transparency
/// site: which data is collected, why, how long it is kept, who it is shared with, and which
/// models use it.
///
/// A site is a folder with a candor.toml and content/ (inventory CSVs, retention.csv,
/// systems.csv, recipients.csv, model cards in content/models/*.md, free pages in
/// content/pages/*.md). Start one with `candor init`.
#[derive(Debug, Parser)]
#[command(
    name = "candor",
    version,
    about,
    long_about,
    after_help = "Exit codes: 0 success, 1 audit findings at or above --fail-on, 2 invalid input or command line.\n\
                  Docs: README.md and docs/ in the candor repository."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print at most this many input errors (0: all); the count at the end covers them all.
    #[arg(long, global = true, value_name = "N", default_value_t = crate::diag::DEFAULT_MAX_ERRORS)]
    pub max_errors: usize,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a starter site into DIR (default: the current directory); never overwrites a file.
    Init(InitArgs),
    /// Load, validate, audit and render the site into the output directory.
    Build(BuildArgs),
    /// Load, validate and audit the site; print the findings; exit 1 when one reaches
    /// --fail-on. Rules and their configuration: docs/audit.md.
    Check(CheckArgs),
    /// Turn another tool's model card (Hugging Face, Model Card Toolkit, CycloneDX) into content/models/<id>.md.
    Import(crate::commands::import::ImportArgs),
    /// Write a machine-readable export (record of processing, CycloneDX ML-BOM, Play Data safety, Fides) to stdout or --out.
    Export(crate::commands::export::ExportArgs),
    /// Print the JSON Schema of candor.toml or of model card front matter, for editors.
    Schema(crate::commands::schema::SchemaArgs),
    /// What changed between two versions of a site: collection, purposes, retention, sharing,
    /// models and audit findings (docs/diff.md). Exits 0 whatever changed.
    Diff(crate::commands::diff::DiffArgs),
    /// Build the site in memory and serve it on 127.0.0.1, rebuilding when a file changes and
    /// reloading the open pages.
    Serve(crate::commands::serve::ServeArgs),
    /// List the taxonomy keys (data categories, uses, subjects) with names and descriptions,
    /// the site's extensions included.
    Taxonomy(crate::commands::taxonomy::TaxonomyArgs),
}

impl Command {
    /// Whether the command writes files (or an export), so that an error report may say that
    /// nothing was written; `check`, `diff`, `schema` and `serve` (in memory) write none.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Command::Init(_) | Command::Build(_) | Command::Import(_) | Command::Export(_)
        )
    }
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the site; created if missing. Nothing is written into a folder that
    /// already has a candor.toml or a content/ folder.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Where the site is.
#[derive(Debug, Args)]
pub struct RootArg {
    /// The site folder (the one with candor.toml).
    #[arg(long, short = 'r', default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Where to write the site (default: public/ in the site folder). It is replaced as a
    /// whole, and only if it is empty or was written by candor.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Who the site is for: `internal` adds owners, notes, systems' owners and audit findings.
    /// Default: `audience` in candor.toml, else public. `audience = "internal"` there is taken
    /// only with --output DIR named: else this must say `--audience internal` itself. Every
    /// internal build ends with a warning naming its output folder.
    #[arg(long, value_enum)]
    pub audience: Option<Audience>,
    /// Absolute URL the site will be published at (for sitemap.xml); overrides candor.toml.
    #[arg(long, value_name = "URL", value_parser = crate::config::parse_base_url)]
    pub base_url: Option<String>,
    /// The date the audit's review rules compare against (default: SOURCE_DATE_EPOCH, else
    /// today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::today::parse_date)]
    pub today: Option<Date>,
    /// The previous version of the site: adds a "What changed" page (changes/) and an Atom
    /// feed (changes.xml) comparing it with this one, for the build's audience.
    #[arg(long, value_name = "OLD_ROOT")]
    pub previous: Option<PathBuf>,
    /// The change history to continue: the changes.json a previous build published. Default:
    /// changes.json in the output folder, when candor wrote that folder. The new history (with
    /// this build's changes from --previous) is published as changes.json.
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Date pages by the last git commit touching their sources too (when later than their
    /// data's dates). Needs the whole history: a shallow clone falls back to the data's dates.
    #[arg(long)]
    pub git_dates: bool,
    /// How many change sets the history keeps (the newest).
    #[arg(long, value_name = "N", default_value_t = crate::site::history::DEFAULT_KEEP, value_parser = keep_changes)]
    pub keep_changes: usize,
}

/// `--keep-changes`: 1 to 10000.
fn keep_changes(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=10_000).contains(&n) => Ok(n),
        _ => Err(format!(
            "expected a number of change sets from 1 to 10000, found `{text}`"
        )),
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// How to print the findings: text for people, json for scripts, sarif for code
    /// scanning, markdown for a pull-request comment.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The lowest severity that makes the command exit 1.
    /// Default: `fail_on` in [audit] of candor.toml, else error.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// The date review rules compare against (default: SOURCE_DATE_EPOCH, else today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::today::parse_date)]
    pub today: Option<Date>,
    /// SARIF: keep accepted findings, marked with a suppression (code scanning ignores
    /// suppressions and would show them as open alerts, so they are left out by default).
    #[arg(long)]
    pub include_accepted: bool,
    /// A code scanner's report to hold the inventory against (Bearer privacy JSON, Privado
    /// JSON or evidence CSV), besides content/evidence/; repeatable. See docs/evidence.md.
    #[arg(long, value_name = "FILE")]
    pub evidence: Vec<PathBuf>,
}
