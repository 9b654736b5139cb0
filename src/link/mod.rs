//! Raw records -> one validated [`Catalog`]: ids resolved, taxonomy checked, rows merged.

pub mod catalog;

pub use catalog::*;
