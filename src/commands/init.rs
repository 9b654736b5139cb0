//! `candor init`: writes a small, valid starter site. Never overwrites an existing file.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::InitArgs;
use crate::diag::Error;

/// The starter site, relative path and contents.
const STARTER: &[(&str, &str)] = &[
    ("candor.toml", include_str!("starter/candor.toml")),
    (
        "content/inventory/customers.csv",
        include_str!("starter/inventory/customers.csv"),
    ),
    (
        "content/retention.csv",
        include_str!("starter/retention.csv"),
    ),
    ("content/systems.csv", include_str!("starter/systems.csv")),
    (
        "content/recipients.csv",
        include_str!("starter/recipients.csv"),
    ),
    (
        "content/assessments.csv",
        include_str!("starter/assessments.csv"),
    ),
    (
        "content/models/recommender.md",
        include_str!("starter/models/recommender.md"),
    ),
    (
        "content/pages/your-rights.md",
        include_str!("starter/pages/your-rights.md"),
    ),
];

pub fn run(args: &InitArgs) -> Result<ExitCode, Error> {
    let dir = &args.dir;
    let (mut written, mut kept) = (0, 0);
    for (rel, text) in STARTER {
        let path = dir.join(rel);
        if path.exists() {
            eprintln!("  kept  {} (already exists)", path.display());
            kept += 1;
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
        }
        write_new(&path, text)?;
        eprintln!("  wrote {}", path.display());
        written += 1;
    }
    let shown = if dir == Path::new(".") {
        String::new()
    } else {
        format!(" --root {}", dir.display())
    };
    eprintln!(
        "\nStarter site: {written} file(s) written, {kept} kept.\nNext: edit content/inventory/*.csv, then run `candor build{shown}` and open public/index.html."
    );
    Ok(ExitCode::SUCCESS)
}

/// Creates a file that must not exist yet (so a race never overwrites one).
fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    use std::io::Write;
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io("cannot create", path, e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| Error::io("cannot write", path, e))
}
