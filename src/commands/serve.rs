//! `candor serve`: build, serve on 127.0.0.1, rebuild on change, reload the open pages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::cli::RootArg;
use crate::config::Audience;
use crate::diag::Error;
use crate::pipeline::{Clock, Options};
use crate::serve::{run as serve, Serve};

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// The port on 127.0.0.1; 0 picks a free one (the address is printed).
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// Who the site is for. Default: `audience` in candor.toml, else public.
    #[arg(long, value_enum)]
    pub audience: Option<Audience>,
    /// The previous version of the site, for the "What changed" page and feed.
    #[arg(long, value_name = "OLD_ROOT")]
    pub previous: Option<PathBuf>,
}

pub fn run(args: &ServeArgs) -> Result<ExitCode, Error> {
    serve(Serve {
        root: args.root.root.clone(),
        port: args.port,
        options: Options {
            audience: args.audience,
            previous: args.previous.clone(),
            ..Options::new(Clock::from_env(None)?)
        },
    })?;
    Ok(ExitCode::SUCCESS)
}
