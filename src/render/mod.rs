//! Pages -> HTML via Tera, charts -> SVG via plotters.

pub mod charts;
