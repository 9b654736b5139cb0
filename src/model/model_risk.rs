//! What a model card says about its risk: the EU AI Act class, the Annex III area, whether it
//! decides or assists, and the purposes (data-use keys) it serves.

use serde::Serialize;

/// EU AI Act risk class (`risk_class`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskClass {
    Prohibited,
    High,
    Limited,
    Minimal,
}

/// The AI Act Annex III area a high-risk model falls in (`annex_iii`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnexIII {
    Biometrics,
    CriticalInfrastructure,
    Education,
    Employment,
    /// Credit scoring, insurance pricing, public benefits, emergency services (point 5).
    EssentialServices,
    LawEnforcement,
    Migration,
    Justice,
}

/// What a model's output does (`decisions`): nothing about people, assists a person who
/// decides, or decides by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decisions {
    None,
    Assists,
    Automated,
}

pub const RISK_CLASSES: &[(&str, RiskClass)] = &[
    ("prohibited", RiskClass::Prohibited),
    ("high", RiskClass::High),
    ("limited", RiskClass::Limited),
    ("minimal", RiskClass::Minimal),
];

pub const ANNEX_III: &[(&str, AnnexIII)] = &[
    ("biometrics", AnnexIII::Biometrics),
    ("critical_infrastructure", AnnexIII::CriticalInfrastructure),
    ("education", AnnexIII::Education),
    ("employment", AnnexIII::Employment),
    ("essential_services", AnnexIII::EssentialServices),
    ("law_enforcement", AnnexIII::LawEnforcement),
    ("migration", AnnexIII::Migration),
    ("justice", AnnexIII::Justice),
];

pub const DECISIONS: &[(&str, Decisions)] = &[
    ("none", Decisions::None),
    ("assists", Decisions::Assists),
    ("automated", Decisions::Automated),
];

/// The key of an enum value, as written in a card.
pub fn key_of<T: PartialEq + Copy>(table: &[(&'static str, T)], v: T) -> &'static str {
    table.iter().find(|(_, x)| *x == v).map_or("", |(k, _)| k)
}

/// A data-use key a card's `purposes` names, with its file line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelPurpose {
    pub key: String,
    pub line: Option<usize>,
}
