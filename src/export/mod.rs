//! Machine-readable exports of a linked catalog, for one audience: one file per format.
//! Every export is deterministic: sorted, and timestamped only when given a stamp
//! (`SOURCE_DATE_EPOCH`).

pub mod cyclonedx;
pub mod fides;
pub mod play;
pub mod play_form;
pub mod play_map;
pub mod ropa;
pub mod view;

use crate::config::Audience;
use crate::diag::Error;
use crate::model::Catalog;

pub use view::View;

/// The formats of `candor export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// GDPR Art. 30 record of processing activities, one CSV row per purpose.
    RopaCsv,
    /// CycloneDX 1.6 ML-BOM (JSON) of the model cards.
    Cyclonedx,
    /// Google Play Console "Data safety" import CSV.
    PlayDataSafety,
    /// fideslang system YAML that Fides reads.
    Fides,
    /// The site's `data.json` (the same document a build writes; see docs/data-json.md).
    Json,
}

/// The export as text; `stamp` (the run's `SOURCE_DATE_EPOCH`, [`crate::today::Clock::stamp`])
/// is the CycloneDX timestamp.
pub fn export(
    catalog: &Catalog,
    format: Format,
    audience: Audience,
    stamp: Option<jiff::Timestamp>,
) -> Result<String, Error> {
    let view = View::new(catalog, audience);
    let csv_error = |e: csv::Error| Error::Usage(format!("cannot write CSV: {e}"));
    match format {
        Format::RopaCsv => ropa::export(&view).map_err(csv_error),
        Format::Cyclonedx => Ok(cyclonedx::export(&view, stamp)),
        Format::PlayDataSafety => play::export(&view).map_err(csv_error),
        Format::Fides => Ok(fides::export(&view)),
        Format::Json => {
            let site = crate::site::plan(catalog, audience);
            let bytes = crate::site::data_json::data_json(catalog, &site)
                .map_err(|e| Error::Usage(format!("cannot write data.json: {e}")))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

#[cfg(test)]
mod tests;
