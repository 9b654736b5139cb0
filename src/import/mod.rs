//! Other tools' model cards -> candor model cards (`content/models/<id>.md`).
//!
//! One file per source format. Each reads the whole source, maps what it can onto candor's
//! fields, keeps the rest as extra front-matter keys (shown on internal builds), and notes in
//! the body what could not be carried over (images). Broken syntax is an error at its line.

pub mod body;
pub mod card;
pub mod cyclonedx;
pub mod hf;
pub mod hf_sections;
pub mod json;
pub mod mct;
mod mct_data;
pub mod sections;

use std::path::Path;
use std::sync::Arc;

use crate::diag::Diagnostics;
use crate::load::SourceFile;

pub use card::CardOut;

/// The formats `candor import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Hugging Face model card (README.md with YAML metadata).
    Hf,
    /// Google Model Card Toolkit JSON.
    Mct,
    /// CycloneDX 1.5 or 1.6 ML-BOM (JSON) with machine-learning-model components.
    Cyclonedx,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Hf => "Hugging Face model card",
            Format::Mct => "Model Card Toolkit",
            Format::Cyclonedx => "CycloneDX",
        }
    }
}

/// One card read from a source, and what the import could not carry over.
#[derive(Debug, Clone)]
pub struct Imported {
    pub card: CardOut,
    pub notes: Vec<String>,
}

/// Reads a source text; `file` names it in errors. A CycloneDX BOM may hold several models.
pub fn import(format: Format, file: &Path, text: &str) -> Result<Vec<Imported>, Diagnostics> {
    match format {
        Format::Hf => hf::import(&SourceFile::new(Arc::from(file), text)),
        Format::Mct => mct::import(file, text),
        Format::Cyclonedx => cyclonedx::import(file, text),
    }
}

#[cfg(test)]
mod tests;
