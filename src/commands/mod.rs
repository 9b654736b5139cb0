//! One module per command; each takes its parsed arguments and returns the exit status.

pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod import;
pub mod init;
pub mod schema;
pub mod serve;
pub mod taxonomy;
