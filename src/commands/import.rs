//! `candor import --from hf|mct|cyclonedx FILE`: another tool's model card becomes
//! `content/models/<id>.md`. Nothing is overwritten without `--force`, and nothing is
//! written unless every card loads back with candor's own model card loader.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::diag::{Diagnostic, Diagnostics, Error};
use crate::import::{card::check_loads, import, Format};
use crate::load::SourceFile;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The format of FILE: `hf` (Hugging Face README.md), `mct` (Model Card Toolkit JSON) or
    /// `cyclonedx` (CycloneDX 1.5/1.6 ML-BOM JSON; one card per model component).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Format,
    /// The model card to import.
    pub file: PathBuf,
    /// The site folder to write into (cards go to content/models/<id>.md under it); a folder
    /// ending in content/models is written into directly.
    #[arg(long, short = 'o', default_value = ".", value_name = "DIR")]
    pub out: PathBuf,
    /// Overwrite cards that already exist.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &ImportArgs) -> Result<ExitCode, Error> {
    let src = SourceFile::read(Path::new(""), &args.file)?;
    let imported = import(args.from, &args.file, &src.text)?;
    let file_name = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let note = format!(
        "Imported from {file_name} ({}) by `candor import`; review before publishing.",
        args.from.label()
    );
    let mut planned = Vec::new();
    let mut problems = Diagnostics::new();
    for item in &imported {
        let rel = Path::new("content/models").join(format!("{}.md", item.card.id));
        let text = item.card.to_markdown(&note);
        if let Err(diags) = check_loads(&text, &rel) {
            problems.extend(diags);
            problems.push(
                Diagnostic::file(
                    &args.file,
                    format!("the card imported as `{}` does not load back", item.card.id),
                )
                .help("this is a bug in candor import; please report it with the source file"),
            );
            continue;
        }
        // Ids become file names through the one function that keeps them inside `--out`.
        // `--out site/content/models` names the folder itself, not a site holding it.
        let dest = if args.out.ends_with("content/models") {
            crate::sink::safe_join(&args.out, Path::new(&format!("{}.md", item.card.id)))?
        } else {
            crate::sink::safe_join(&args.out, &rel)?
        };
        if dest.exists() && !args.force {
            problems.push(
                Diagnostic::file(
                    &dest,
                    format!("a model card `{}` already exists", item.card.id),
                )
                .help("pass --force to overwrite it, or --out DIR to import into another site"),
            );
        }
        planned.push((dest, text, &item.notes));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    for (dest, text, notes) in planned {
        write(&dest, &text, args.force)?;
        crate::note!("  wrote {}", dest.display());
        for n in notes {
            crate::note!("        note: {n}");
        }
    }
    crate::note!(
        "\nNext: check `inputs` and `training_data.elements` name your inventory elements, set `status` and `owners`, then run `candor check`."
    );
    Ok(ExitCode::SUCCESS)
}

fn write(dest: &Path, text: &str, force: bool) -> Result<(), Error> {
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
    }
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .create_new(!force)
        .open(dest)
        .map_err(|e| Error::io("cannot create", dest, e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| Error::io("cannot write", dest, e))
}
