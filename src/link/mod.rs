//! Raw records -> one validated [`Catalog`]: ids resolved, taxonomy checked, rows merged.
//!
//! [`Catalog`]: crate::model::Catalog

mod assessments;
mod elements;
mod evidence;
mod keys;
mod registers;
mod resolve;

pub use resolve::link;

#[cfg(test)]
mod tests;
