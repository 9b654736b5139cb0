//! Sample charts shared by the tests and the gallery: typical data for each kind, and charts
//! whose every text is hostile markup.

use crate::site::chart::{Bar, Chart, ChartKind, Point};

pub(super) fn chart(id: &str, kind: ChartKind) -> Chart {
    Chart {
        id: id.to_string(),
        title: format!("Chart {id}"),
        description: format!("What {id} shows."),
        kind,
        notes: Default::default(),
    }
}

pub(super) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

pub(super) fn bar(label: &str, value: f64, value_label: &str, special: bool) -> Bar {
    Bar {
        label: label.to_string(),
        value,
        value_label: value_label.to_string(),
        special,
        lead: None,
    }
}

pub(super) fn point(value: f64, ci: Option<[f64; 2]>) -> Option<Point> {
    Some(Point { value, ci })
}

pub(super) fn heatmap() -> Chart {
    chart(
        "collection-heatmap",
        ChartKind::HeatMap {
            rows: strings(&[
                "Contact",
                "Financial",
                "Behavioral",
                "Demographic",
                "Location",
            ]),
            columns: strings(&[
                "Provide the service",
                "Marketing",
                "Advertising",
                "Analytics",
                "Security",
            ]),
            cells: vec![
                vec![4, 3, 0, 1, 2],
                vec![2, 0, 0, 0, 1],
                vec![1, 2, 5, 6, 0],
                vec![0, 1, 2, 0, 0],
                vec![1, 0, 1, 3, 0],
            ],
        },
    )
}

pub(super) fn retention() -> Chart {
    chart(
        "retention",
        ChartKind::Bars {
            unit: "days".to_string(),
            bars: vec![
                bar("Email address", 730.0, "2 years", false),
                bar("Payment card token", 2555.0, "7 years", false),
                bar("Support chat transcripts", 30.0, "30 days", false),
                bar("Purchase history", 0.0, "indefinite", true),
                bar("Session cookies", 1.0, "1 day", false),
            ],
        },
    )
}

pub(super) fn metrics() -> Chart {
    chart(
        "model-metrics",
        ChartKind::GroupedBars {
            groups: strings(&["all", "age: 18-24", "age: 65+", "region: EU"]),
            series: strings(&["precision_at_10", "recall_at_10"]),
            values: vec![
                vec![
                    point(0.31, Some([0.29, 0.33])),
                    point(0.52, Some([0.5, 0.55])),
                ],
                vec![point(0.27, None), point(0.48, Some([0.41, 0.55]))],
                vec![point(0.22, Some([0.15, 0.3])), None],
                vec![point(0.30, None), point(0.51, None)],
            ],
        },
    )
}

pub(super) fn evil() -> &'static str {
    "<script>alert(1)</script> \"&' x"
}

pub(super) fn evil_charts() -> Vec<Chart> {
    let e = evil();
    let mut charts = vec![
        chart(
            e,
            ChartKind::HeatMap {
                rows: strings(&[e]),
                columns: strings(&[e, "b"]),
                cells: vec![vec![1, 0]],
            },
        ),
        chart(
            e,
            ChartKind::Bars {
                unit: e.to_string(),
                bars: vec![bar(e, 1.0, e, false), bar(e, 0.0, e, true)],
            },
        ),
        chart(
            e,
            ChartKind::GroupedBars {
                groups: strings(&[e]),
                series: strings(&[e]),
                values: vec![vec![point(0.5, Some([0.4, 0.6]))]],
            },
        ),
    ];
    for c in &mut charts {
        c.title = e.to_string();
        c.description = e.to_string();
    }
    charts
}

pub(super) fn all_samples() -> Vec<Chart> {
    vec![heatmap(), retention(), metrics()]
}
