//! `candor taxonomy [categories|uses|subjects] [--search WORD]`: the keys an inventory may use,
//! with their names and descriptions — fideslang plus the site's own extensions when `--root`
//! holds a candor.toml.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::json;

use crate::config::Config;
use crate::diag::Error;
use crate::taxonomy::{Taxon, Taxonomy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// data categories (the `category` column)
    Categories,
    /// data uses (the `purpose` column)
    Uses,
    /// data subjects (the `subjects` column)
    Subjects,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct TaxonomyArgs {
    /// Which keys to list (default: all three kinds).
    #[arg(value_enum)]
    pub kind: Option<Kind>,
    /// Only keys whose key, name or description contains WORD (any case).
    #[arg(long, short = 's', value_name = "WORD")]
    pub search: Option<String>,
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// A site folder: its candor.toml's taxonomy extensions are listed too (when it has one).
    #[arg(long, short = 'r', default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

/// fideslang, extended by the site's candor.toml when there is one.
fn load(root: &Path) -> Result<Taxonomy, Error> {
    let file = Path::new("candor.toml");
    let path = root.join(file);
    if !path.is_file() {
        return Ok(Taxonomy::fideslang());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io("cannot read", &path, e))?;
    let config = Config::parse(&text, file)?;
    Ok(Taxonomy::with_extensions(&config.taxonomy, &text, file)?)
}

fn matches(t: &Taxon, word: &str) -> bool {
    let word = word.to_lowercase();
    [&t.key, &t.name, &t.description]
        .iter()
        .any(|s| s.to_lowercase().contains(&word))
}

pub fn run(args: &TaxonomyArgs) -> Result<ExitCode, Error> {
    let t = load(&args.root)?;
    let trees = [
        (Kind::Categories, "categories", &t.categories),
        (Kind::Uses, "uses", &t.uses),
        (Kind::Subjects, "subjects", &t.subjects),
    ];
    let chosen: Vec<(&str, Vec<&Taxon>)> = trees
        .iter()
        .filter(|(k, _, _)| args.kind.is_none_or(|want| want == *k))
        .map(|(_, name, tree)| {
            let taxa = tree
                .taxa
                .iter()
                .filter(|x| args.search.as_deref().is_none_or(|w| matches(x, w)))
                .collect();
            (*name, taxa)
        })
        .collect();
    let text = match args.format {
        ListFormat::Json => {
            let doc: serde_json::Map<String, serde_json::Value> = chosen
                .iter()
                .map(|(name, taxa)| (name.to_string(), json!(taxa)))
                .collect();
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Text => {
            let mut s = String::new();
            for (name, taxa) in &chosen {
                if chosen.len() > 1 {
                    s.push_str(&format!("# data {name}\n"));
                }
                for x in taxa {
                    let ext = if x.extension { " (candor.toml)" } else { "" };
                    s.push_str(&format!("{}  {}{ext}\n", x.key, x.name));
                    if !x.description.is_empty() {
                        s.push_str(&format!("    {}\n", x.description));
                    }
                }
            }
            s
        }
    };
    crate::out::stdout(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
