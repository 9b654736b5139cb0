//! Names of the `candor:*` properties of a CycloneDX model card: the candor fields CycloneDX
//! has no place for. `candor export --format cyclonedx` writes them; the importer reads them.

pub const ID: &str = "candor:id";
pub const STATUS: &str = "candor:status";
pub const INPUT: &str = "candor:input";
pub const EXCLUDED_INPUT: &str = "candor:excluded-input";
pub const TRAINING_ELEMENT: &str = "candor:training-element";
pub const EVALUATION_ELEMENT: &str = "candor:evaluation-element";
pub const OUT_OF_SCOPE_USE: &str = "candor:out-of-scope-use";
pub const HUMAN_OVERSIGHT: &str = "candor:human-oversight";
/// One per data-use key of `purposes`.
pub const PURPOSE: &str = "candor:purpose";
pub const RISK_CLASS: &str = "candor:risk_class";
pub const ANNEX_III: &str = "candor:annex_iii";
pub const DECISIONS: &str = "candor:decisions";
/// `true` or `false`.
pub const SIGNIFICANT_EFFECT: &str = "candor:significant_effect";
pub const LAST_REVIEWED: &str = "candor:last-reviewed";
pub const BODY: &str = "candor:body";
/// JSON of the `internal:` block (internal exports only).
pub const INTERNAL: &str = "candor:internal";
/// `candor:extra:<key>`: JSON of an extra front-matter key (internal exports only).
pub const EXTRA_PREFIX: &str = "candor:extra:";
/// `candor:metric:<n>:dataset` / `:split`, for the n-th (0-based) performance metric.
pub const METRIC_PREFIX: &str = "candor:metric:";
/// Dataset names the export gives training and evaluation data.
pub const TRAINING_DATA: &str = "Training data";
pub const EVALUATION_DATA: &str = "Evaluation data";
