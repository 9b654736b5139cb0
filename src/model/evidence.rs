//! What code scanners saw, as the catalog holds it: each evidence file with its detections
//! (read by `load::evidence`, settings applied by `link::evidence`).

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

/// Which scanner wrote a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scanner {
    Bearer,
    Privado,
    Csv,
}

impl Scanner {
    /// The scanner's name as shown to people.
    pub fn name(self) -> &'static str {
        match self {
            Scanner::Bearer => "Bearer",
            Scanner::Privado => "Privado",
            Scanner::Csv => "CSV",
        }
    }
}

/// One thing a scanner saw: a data type handled, a third party called, or a data type sent to
/// a third party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detection {
    /// The scanner's data type: a name (`Email Address`), a rule id
    /// (`Data.Sensitive.ContactData.EmailAddress`) or a data category key.
    pub data_type: Option<String>,
    /// The third party the data went to, as the scanner names it.
    pub third_party: Option<String>,
    /// Domains the scanner gave for the third party (Privado), matched against aliases.
    pub domains: Vec<String>,
    /// A systems.csv id given by the evidence itself (CSV `system` column).
    pub system: Option<String>,
    /// Where in the scanned code (CSV `location`, Privado's first occurrence), free text.
    pub location: Option<String>,
    /// How often it was seen (1 when the scanner does not count).
    pub count: u64,
    /// Where in the evidence file: a JSON pointer, or `line N` of a CSV.
    pub pointer: String,
    /// 1-based line of the evidence file the detection is on (best effort for JSON).
    pub line: usize,
}

/// One evidence file, read.
#[derive(Debug, Clone)]
pub struct EvidenceFile {
    /// As shown in messages: relative to the site root, or as given to `--evidence`.
    pub path: Arc<Path>,
    /// The file name, the key of its `[evidence."file name"]` table.
    pub name: String,
    pub scanner: Scanner,
    /// When the scan ran: `scanned` in candor.toml, else the report's own date (Privado).
    pub scanned: Option<Date>,
    /// systems.csv ids the file covers (`[evidence."name"] systems`); empty: all of them.
    pub systems: Vec<String>,
    pub detections: Vec<Detection>,
}
