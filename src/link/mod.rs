//! Raw records -> one validated [`Catalog`]: ids resolved, taxonomy checked, rows merged.

mod assessments;
pub mod catalog;
mod elements;
mod evidence;
mod keys;
mod lawful;
pub mod model_risk;
mod registers;
mod resolve;

pub use catalog::*;
pub use model_risk::{AnnexIII, Decisions, ModelPurpose, RiskClass};
pub use resolve::link;

#[cfg(test)]
mod tests;
