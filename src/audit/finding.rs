//! What the audit reports: a [`Finding`] at a file and line, with a severity and a fix hint.

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use crate::diag::Origin;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses a configured level: `None` for unknown text, `Some(None)` for `off`.
    pub fn parse_level(text: &str) -> Option<Option<Severity>> {
        match text {
            "error" => Some(Some(Severity::Error)),
            "warning" => Some(Some(Severity::Warning)),
            "info" => Some(Some(Severity::Info)),
            "off" => Some(None),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The lowest severity that makes `candor check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Never,
}

impl FailOn {
    pub fn parse(text: &str) -> Option<FailOn> {
        match text {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Never => "never",
        }
    }

    /// Whether an open finding of this severity fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

/// A finding the organisation has accepted through an `[[audit.exceptions]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub reason: String,
    pub expires: Option<Date>,
    /// Where the exception is written (candor.toml and its line).
    pub origin: Origin,
}

/// One thing a privacy reviewer would flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's id, e.g. `demographic-targeting`.
    pub rule: &'static str,
    /// The effective severity (after `[audit.rules]`).
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, in one sentence.
    pub hint: String,
    /// The row or card that causes it.
    pub origin: Origin,
    /// The inventory element it concerns, if any.
    pub element: Option<String>,
    /// The model card it concerns, if any.
    pub model: Option<String>,
    /// Set when an exception accepts it; accepted findings never fail a run.
    pub accepted: Option<Accepted>,
}

impl Finding {
    pub fn is_open(&self) -> bool {
        self.accepted.is_none()
    }
}
