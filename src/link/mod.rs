//! Raw records -> one validated [`Catalog`]: ids resolved, taxonomy checked, rows merged.

mod assessments;
pub mod catalog;
mod elements;
mod keys;
mod lawful;
mod registers;
mod resolve;

pub use catalog::*;
pub use resolve::link;

#[cfg(test)]
mod tests;
