//! Files -> raw records. Every record keeps its file and line; every problem becomes a
//! [`Diagnostic`] and loading goes on, so one run reports all of them.

pub mod columns;
pub mod duration;
pub mod front_matter;
pub mod ids;
pub mod inventory;
pub mod registers;
pub mod source;
pub mod table;
