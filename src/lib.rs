//! candor: a company's data inventory, retention registers and model cards in; a static
//! transparency site, an audit and machine-readable exports out.
//!
//! The pipeline runs one way: `load -> link -> audit -> site -> render -> write`.

pub mod cli;
pub mod commands;
pub mod config;
pub mod diag;
pub mod link;
pub mod render;
pub mod site;
pub mod taxonomy;
pub mod write;
