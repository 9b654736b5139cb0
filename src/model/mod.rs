//! The domain types every stage shares: the linked [`Catalog`] and its records, the audience
//! [`Scope`] and the plain-language `words` for their values. Built by `link`, read by all
//! stages after it; `load` fills the same record types.

mod assessments;
pub mod catalog;
pub mod evidence;
mod lawful;
pub mod model_risk;
pub mod scope;
pub mod words;

pub use catalog::*;
pub use model_risk::{AnnexIII, Decisions, ModelPurpose, RiskClass};
pub use scope::Scope;
