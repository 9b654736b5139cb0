//! Output formats of `candor check`.
