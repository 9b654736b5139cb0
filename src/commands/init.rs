//! `candor init`: writes a small, valid starter site into a folder that is not a site yet.
//! Never overwrites a file, and writes nothing into an existing site (a folder with a
//! `candor.toml` or a `content/` folder): its demo rows and model card would not link with
//! that site's own inventory, so they would break its build.

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
    if let Some(found) = ["candor.toml", "content"]
        .iter()
        .find(|f| std::fs::symlink_metadata(dir.join(f)).is_ok())
    {
        return Err(Error::Usage(format!(
            "{} is already a candor site (it has {found}): init writes nothing into it, \
             because the starter's example rows and model card would not match its inventory.\n\
             To start another site, run `candor init NEW_FOLDER`; to check this one, run \
             `candor check --root {}`.",
            dir.display(),
            dir.display()
        )));
    }
    let (mut written, mut kept) = (0, 0);
    for (rel, text) in STARTER {
        let path = dir.join(rel);
        if path.exists() {
            crate::note!("  kept  {} (already exists)", path.display());
            kept += 1;
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
        }
        write_new(&path, text)?;
        crate::note!("  wrote {}", path.display());
        written += 1;
    }
    let shown = if dir == Path::new(".") {
        String::new()
    } else {
        format!(" --root {}", dir.display())
    };
    crate::note!(
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
