//! Charts drawn to SVG with plotters at build time; the chart data is [`crate::site::chart`].

mod svg;
pub use svg::render_svg;
