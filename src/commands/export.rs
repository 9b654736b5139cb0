//! `candor export --format ...`: machine-readable output of a site without building it, to
//! stdout or `--out FILE`, for the audience of candor.toml unless `--audience` says otherwise.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::cli::RootArg;
use crate::config::Audience;
use crate::diag::Error;
use crate::export::{export, Format};
use crate::pipeline::Clock;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// What to write: `ropa-csv` (GDPR Art. 30 record of processing), `cyclonedx` (ML-BOM
    /// of the model cards), `play-data-safety` (Google Play Console import CSV), `fides`
    /// (fideslang system YAML) or `json` (the site's data.json).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Format,
    /// Who the export is for: `public` leaves out internal rows, owners, notes, `x_` columns
    /// and model cards' internal fields. Default: `audience` in candor.toml, else public; for
    /// `ropa-csv`, internal (the record of processing is an internal document by law, GDPR Art.
    /// 30), and `--audience public` gives the public part only.
    #[arg(long, value_enum)]
    pub audience: Option<Audience>,
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &ExportArgs) -> Result<ExitCode, Error> {
    let clock = Clock::from_env(None)?;
    let catalog = crate::pipeline::load(&args.root.root)?;
    let audience = args.audience.unwrap_or(match args.format {
        Format::RopaCsv => Audience::Internal,
        _ => catalog.config.audience,
    });
    let text = export(&catalog, args.format, audience, clock.stamp())?;
    match &args.out {
        Some(path) => {
            crate::out::replace_file(path, text.as_bytes())?;
            crate::note!("  wrote {}", path.display());
        }
        // A closed pipe (`candor export ... | head`) is not an error worth a message.
        None => crate::out::stdout(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
