use std::process::ExitCode;

use clap::Parser;

use candor::cli::{Cli, Command};
use candor::commands;
use candor::diag::Error;

/// mimalloc: rendering allocates and frees many small values on every thread, where glibc's
/// malloc spent a fifth of a build (arena locks, consolidation).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Transparent huge pages off for this process: mimalloc asks for them, and the kernel then
/// zeroes 2 MiB for every fresh page touched, a third of a 100k-element `check` (measured with
/// perf; `MIMALLOC_ALLOW_THP=0` does the same, but only from the environment).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
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
        Command::Taxonomy(args) => commands::taxonomy::run(args),
    };
    match result {
        Ok(code) => code,
        Err(Error::Invalid(diags)) => {
            candor::note!("{}", diags.report(cli.command.writes()).max(cli.max_errors));
            ExitCode::from(2)
        }
        Err(e) => {
            candor::note!("error: {e}");
            ExitCode::from(2)
        }
    }
}
