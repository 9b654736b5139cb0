use std::process::ExitCode;

use clap::Parser;

use candor::cli::{Cli, Command};
use candor::commands;
use candor::diag::Error;

/// mimalloc: rendering allocates and frees many small values on every thread, where glibc's
/// malloc spent a fifth of a build (arena locks, consolidation).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Init(args) => commands::init::run(args),
        Command::Build(args) => commands::build::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Serve(args) => commands::serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(Error::Invalid(diags)) => {
            eprintln!("{diags}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
