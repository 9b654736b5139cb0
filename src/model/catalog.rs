//! The linked model of a site: every record validated and every reference resolved.
//!
//! Everything after `link` (audit, site, render, exports) reads a `&Catalog`. References
//! between records are indices into the catalog's vectors, so lookups never scan.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::config::Config;
use crate::diag::Origin;
use crate::hash::FastMap;
use crate::taxonomy::Taxonomy;

pub use super::assessments::{
    Assessment, AssessmentIdx, AssessmentKind, CoverIndex, Covered, Outcome, Target,
};
pub use super::lawful::{SpecialCategoryCondition, TransferMechanism};

/// Index of an [`Element`] in [`Catalog::elements`].
pub type ElementIdx = usize;
/// Index of a [`Use`] in [`Catalog::uses`].
pub type UseIdx = usize;
/// Index of a [`RetentionPolicy`] in [`Catalog::retention`].
pub type PolicyIdx = usize;
/// Index of a [`System`] in [`Catalog::systems`].
pub type SystemIdx = usize;
/// Index of a [`Recipient`] in [`Catalog::recipients`].
pub type RecipientIdx = usize;
/// Index of a [`ModelCard`] in [`Catalog::models`].
pub type ModelIdx = usize;

/// The whole site, linked. Vectors are sorted by id (uses: by element, then file order).
#[derive(Debug, Clone)]
pub struct Catalog {
    pub config: Config,
    pub taxonomy: Taxonomy,
    pub elements: Vec<Element>,
    pub uses: Vec<Use>,
    pub retention: Vec<RetentionPolicy>,
    pub systems: Vec<System>,
    pub recipients: Vec<Recipient>,
    pub models: Vec<ModelCard>,
    pub pages: Vec<Page>,
    /// Rows of `content/assessments.csv`, by id (empty when the file is absent).
    pub assessments: Vec<Assessment>,
    pub index: Index,
    /// What each assessment covers, for [`Catalog::assessments_covering`].
    pub cover_index: CoverIndex,
    /// Scanner reports, with their `[evidence]` settings applied (empty when there are none).
    pub evidence: Vec<super::evidence::EvidenceFile>,
}

/// Id -> index maps, built once by `link`.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub elements: FastMap<String, ElementIdx>,
    pub retention: FastMap<String, PolicyIdx>,
    pub systems: FastMap<String, SystemIdx>,
    pub recipients: FastMap<String, RecipientIdx>,
    pub models: FastMap<String, ModelIdx>,
    pub assessments: FastMap<String, AssessmentIdx>,
}

impl Catalog {
    pub fn element(&self, id: &str) -> Option<&Element> {
        self.index.elements.get(id).map(|&i| &self.elements[i])
    }
    pub fn policy(&self, id: &str) -> Option<&RetentionPolicy> {
        self.index.retention.get(id).map(|&i| &self.retention[i])
    }
    pub fn system(&self, id: &str) -> Option<&System> {
        self.index.systems.get(id).map(|&i| &self.systems[i])
    }
    pub fn recipient(&self, id: &str) -> Option<&Recipient> {
        self.index.recipients.get(id).map(|&i| &self.recipients[i])
    }
    pub fn model(&self, id: &str) -> Option<&ModelCard> {
        self.index.models.get(id).map(|&i| &self.models[i])
    }
    pub fn assessment(&self, id: &str) -> Option<&Assessment> {
        self.index
            .assessments
            .get(id)
            .map(|&i| &self.assessments[i])
    }
    /// The uses of an element, in file order.
    pub fn uses_of<'a>(&'a self, element: &'a Element) -> impl Iterator<Item = &'a Use> + 'a {
        element.uses.iter().map(move |&u| &self.uses[u])
    }
}

/// One kind of data, e.g. "Email address": the element-level columns of the inventory.
#[derive(Debug, Clone)]
pub struct Element {
    /// Stable id, `[a-z0-9_]+`.
    pub id: String,
    pub name: String,
    /// Data category key (fideslang or an extension).
    pub category: String,
    /// Data subject keys.
    pub subjects: Vec<String>,
    pub source: Option<Source>,
    pub systems: Vec<SystemIdx>,
    /// Accountable team or person (internal).
    pub owner: Option<String>,
    /// Its uses, in file order.
    pub uses: Vec<UseIdx>,
    /// Models that take it as input or were trained on it (filled by `link`).
    pub models: Vec<ModelIdx>,
    /// The first row that defines it.
    pub origin: Origin,
}

/// One row of the inventory: an element used for one purpose, and why.
#[derive(Debug, Clone)]
pub struct Use {
    pub element: ElementIdx,
    /// Data use key (fideslang or an extension).
    pub purpose: String,
    /// The plain-language reason shown to the public.
    pub why: String,
    pub legal_basis: Option<LegalBasis>,
    pub necessity: Option<Necessity>,
    pub retention: Option<PolicyIdx>,
    pub shared_with: Vec<RecipientIdx>,
    pub visibility: Visibility,
    pub last_reviewed: Option<Date>,
    /// The GDPR Art. 9(2) condition, for special-category data.
    pub special_category_condition: Option<SpecialCategoryCondition>,
    /// The law behind `legal_obligation` / `public_task`, or the Art. 10 authority.
    pub legal_reference: Option<String>,
    /// How a person says no to this use: plain words or a URL.
    pub opt_out: Option<String>,
    /// Internal notes.
    pub notes: Option<String>,
    /// `x_` columns with a value on this row (internal).
    pub extra: BTreeMap<String, String>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Provided,
    Observed,
    Inferred,
    ThirdParty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Necessity {
    Required,
    Optional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Public,
    Internal,
}

/// How long data is kept: an ISO 8601 duration or `indefinite`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RetentionPeriod {
    Fixed {
        /// As written, e.g. `P24M`.
        iso: String,
        years: u32,
        months: u32,
        weeks: u32,
        days: u32,
    },
    Indefinite,
}

impl RetentionPeriod {
    /// The period as written (`P24M`), or `indefinite`: how exports and diffs name it.
    pub fn iso(&self) -> &str {
        match self {
            RetentionPeriod::Fixed { iso, .. } => iso,
            RetentionPeriod::Indefinite => "indefinite",
        }
    }

    /// Approximate length in days (a year is 365.25 days, a month 30.44), for sorting and charts.
    pub fn approx_days(&self) -> Option<f64> {
        match self {
            RetentionPeriod::Fixed {
                years,
                months,
                weeks,
                days,
                ..
            } => Some(
                f64::from(*years) * 365.25
                    + f64::from(*months) * 30.4375
                    + f64::from(*weeks) * 7.0
                    + f64::from(*days),
            ),
            RetentionPeriod::Indefinite => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposal {
    Delete,
    Anonymize,
    Archive,
}

/// A row of `retention.csv`.
#[derive(Debug, Clone)]
pub struct RetentionPolicy {
    pub id: String,
    pub name: String,
    pub period: RetentionPeriod,
    /// When the clock starts, e.g. "account closure".
    pub trigger: Option<String>,
    pub disposal: Option<Disposal>,
    pub legal_reference: Option<String>,
    pub description: Option<String>,
    /// Uses under this policy (filled by `link`).
    pub uses: Vec<UseIdx>,
    pub origin: Origin,
}

/// A row of `systems.csv`.
#[derive(Debug, Clone)]
pub struct System {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Internal.
    pub owner: Option<String>,
    pub location: Option<String>,
    /// Where the data is stored: a country, code or region as written ("Germany (Frankfurt)").
    pub country: Option<String>,
    /// The transfer mechanism when `country` is outside the EEA.
    pub transfer_mechanism: Option<TransferMechanism>,
    /// Technical and organisational measures (GDPR Art. 30(1)(g)).
    pub security: Option<String>,
    /// Elements held in it (filled by `link`).
    pub elements: Vec<ElementIdx>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    Processor,
    Controller,
    JointController,
}

/// A row of `recipients.csv`: a third party data is shared with.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub id: String,
    pub name: String,
    pub role: Option<RecipientRole>,
    /// Country name or ISO code, as written.
    pub country: Option<String>,
    /// Transfer safeguards, e.g. "EU Standard Contractual Clauses".
    pub safeguards: Option<String>,
    /// The legal ground of a transfer outside the EEA.
    pub transfer_mechanism: Option<TransferMechanism>,
    /// When the transfer impact assessment was done.
    pub tia_date: Option<Date>,
    pub description: Option<String>,
    pub dpa_url: Option<String>,
    /// Other names scanners know it by (`Sentry; sentry.io`), from the `aliases` column.
    pub aliases: Vec<String>,
    /// Uses shared with it (filled by `link`).
    pub uses: Vec<UseIdx>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelStatus {
    Production,
    Pilot,
    Retired,
}

/// An element id named by a model card, resolved when the inventory has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelInput {
    pub id: String,
    /// `None` when no inventory element has this id (the audit reports it).
    pub element: Option<ElementIdx>,
    /// The card's file line naming it (its list item, else its key), when known.
    pub line: Option<usize>,
}

/// `training_data` / `evaluation_data` of a card.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub description: Option<String>,
    pub elements: Vec<ModelInput>,
}

/// One evaluation result, overall (`slice` "all" or none) or for one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    pub slice: Option<String>,
    /// Confidence interval `[low, high]`.
    pub ci: Option<[f64; 2]>,
    pub dataset: Option<String>,
    pub split: Option<String>,
}

impl Metric {
    /// True for a metric over everyone rather than one group.
    pub fn is_overall(&self) -> bool {
        matches!(self.slice.as_deref(), None | Some("all" | "overall" | ""))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EthicalConsideration {
    pub risk: String,
    pub mitigation: Option<String>,
}

/// A model card: front matter fields plus the Markdown body.
#[derive(Debug, Clone)]
pub struct ModelCard {
    pub id: String,
    pub name: String,
    pub version: Option<String>,
    pub status: Option<ModelStatus>,
    pub owners: Vec<String>,
    pub summary: Option<String>,
    pub model_type: Option<String>,
    pub intended_use: Option<String>,
    pub out_of_scope_uses: Vec<String>,
    pub inputs: Vec<ModelInput>,
    pub excluded_inputs: Vec<ModelInput>,
    pub training_data: Option<Dataset>,
    pub evaluation_data: Option<Dataset>,
    pub metrics: Vec<Metric>,
    pub limitations: Vec<String>,
    pub ethical_considerations: Vec<EthicalConsideration>,
    pub human_oversight: Option<String>,
    /// The data-use keys it serves (`purposes`).
    pub purposes: Vec<super::ModelPurpose>,
    pub risk_class: Option<super::RiskClass>,
    pub annex_iii: Option<super::AnnexIII>,
    pub decisions: Option<super::Decisions>,
    /// Whether its decisions have a legal or similarly significant effect (GDPR Art. 22).
    pub significant_effect: Option<bool>,
    pub license: Option<String>,
    pub last_reviewed: Option<Date>,
    /// The `internal:` block (never published on a public build).
    pub internal: Option<serde_json::Value>,
    /// Unknown front-matter keys, kept for internal builds.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// The Markdown body, unrendered.
    pub body: String,
    /// Line of the first front-matter key.
    pub origin: Origin,
    /// Line where the body starts (for Markdown diagnostics).
    pub body_line: usize,
    /// The file line of each known front-matter key the card gives.
    pub key_lines: Vec<(&'static str, usize)>,
}

impl ModelCard {
    /// Where `key` is written in the card (else the card's first key).
    pub fn key_origin(&self, key: &str) -> Origin {
        let line = self.key_lines.iter().find(|(k, _)| *k == key);
        Origin::new(&self.origin.file, line.map_or(self.origin.line, |l| l.1))
    }

    /// Where an input (or another element id the card names) is written in the card.
    pub fn input_origin(&self, input: &ModelInput) -> Origin {
        Origin::new(&self.origin.file, input.line.unwrap_or(self.origin.line))
    }
}

/// A free page from `content/pages/*.md`.
#[derive(Debug, Clone)]
pub struct Page {
    /// File stem, used as the URL slug.
    pub slug: String,
    pub title: String,
    /// Optional ordering weight for navigation (lower first).
    pub weight: Option<i64>,
    /// The Markdown body, unrendered.
    pub body: String,
    /// `extend: true` on the rights page: its text heads the generated "Your rights" page
    /// instead of replacing it ([`crate::site::rights`]).
    pub extend: bool,
    pub origin: Origin,
}
