//! `candor schema config|model-card`: the JSON Schema of candor.toml or of model card front
//! matter, for editors to validate against.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::diag::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Which {
    /// candor.toml
    Config,
    /// the YAML front matter of content/models/*.md
    ModelCard,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum)]
    pub which: Which,
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &SchemaArgs) -> Result<ExitCode, Error> {
    let schema = match args.which {
        Which::Config => crate::schema::config(),
        Which::ModelCard => crate::schema::model_card(),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    match &args.out {
        Some(path) => crate::out::replace_file(path, text.as_bytes())?,
        None => crate::out::stdout(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
