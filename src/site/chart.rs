//! Charts as plain data, drawn to SVG with plotters at build time.
//!
//! The site stage computes a [`Chart`] from aggregates of the catalog; `render_svg` draws it.
//! The same `Chart` is serialised into the page so its numbers also appear as an HTML table.

use serde::Serialize;

/// One chart: its file stem under `charts/`, its accessible title and description, its data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// File stem, e.g. `collection-heatmap` (written to `charts/<id>.svg`).
    pub id: String,
    /// Short title, used for the SVG `<title>` and the table caption.
    pub title: String,
    /// One or two sentences saying what the chart shows, for the SVG `<desc>`.
    pub description: String,
    pub kind: ChartKind,
    /// The words drawn inside the chart, in the site's language.
    #[serde(skip)]
    pub notes: ChartNotes,
}

/// The fixed words a chart draws besides its data.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartNotes {
    /// The heat map's key: "Count".
    pub count: String,
    /// In place of a chart with no data.
    pub empty: String,
    /// Under bars with no fixed value (an indefinite retention period).
    pub special: String,
    /// Under bars with an open-ended lead ("until you close your account").
    pub open: String,
}

impl Default for ChartNotes {
    fn default() -> Self {
        ChartNotes {
            count: "Count".into(),
            empty: "No data to show.".into(),
            special: "No fixed value: drawn across the whole axis".into(),
            open: "Until the event: no fixed length; the period starts after it".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChartKind {
    /// Counts in a grid, e.g. data categories (rows) x purposes (columns).
    HeatMap {
        rows: Vec<String>,
        columns: Vec<String>,
        /// `cells[row][column]`.
        cells: Vec<Vec<u32>>,
    },
    /// One bar per label, drawn horizontally.
    Bars {
        /// What the values measure, e.g. "elements" or "days".
        unit: String,
        bars: Vec<Bar>,
    },
    /// Values per group (e.g. a metric per slice), one bar per series in each group.
    GroupedBars {
        /// Group labels along the axis (e.g. slices: "all", "age: 18-24").
        groups: Vec<String>,
        /// Series names (e.g. metric names), one colour each.
        series: Vec<String>,
        /// `values[group][series]`; `None` where a group has no value for a series.
        values: Vec<Vec<Option<Point>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as readers should see it, e.g. "2 years" or "12".
    pub value_label: String,
    /// Drawn distinctly, e.g. an `indefinite` retention period (value is then a placeholder).
    pub special: bool,
    /// An open-ended time before the value starts, in words ("Until you close your account"):
    /// drawn as a hatched segment with an arrow ahead of the bar, and named in its table row.
    pub lead: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub value: f64,
    /// Confidence interval `[low, high]`, drawn as an error bar.
    pub ci: Option<[f64; 2]>,
}
