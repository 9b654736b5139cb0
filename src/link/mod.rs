//! Raw records -> one validated [`Catalog`]: ids resolved, taxonomy checked, rows merged.

pub mod catalog;
mod elements;
mod keys;
mod registers;
mod resolve;

pub use catalog::*;
pub use resolve::link;

#[cfg(test)]
mod tests;
