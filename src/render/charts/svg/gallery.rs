//! Writes sample charts to look at: `CANDOR_CHART_GALLERY=DIR cargo test gallery -- --ignored`
//! writes each as `DIR/<id>.svg` and all of them inlined in `DIR/index.html`.

use super::render_svg;
use super::samples::{all_samples, bar, chart, evil_charts, point, strings};
use crate::site::chart::{Chart, ChartKind};

/// Large inputs: long labels, many rows, columns and series.
fn stress() -> Vec<Chart> {
    let heat = ChartKind::HeatMap {
        rows: (0..24)
            .map(|i| format!("user.behavior.browsing_history.segment_{i}"))
            .collect(),
        columns: (0..14)
            .map(|i| format!("marketing.advertising.profiling.{i}"))
            .collect(),
        cells: (0..24u32)
            .map(|r| (0..14u32).map(|c| (r * c % 13) * 9).collect())
            .collect(),
    };
    let bars = ChartKind::Bars {
        unit: "days".into(),
        bars: (0..30u32)
            .map(|i| {
                let days = f64::from(i * 97);
                let label = format!("Element number {i} with a long name");
                bar(&label, days, &format!("{days} days"), i % 9 == 4)
            })
            .collect(),
    };
    let grouped = ChartKind::GroupedBars {
        groups: strings(&[
            "all",
            "sex: female",
            "sex: male",
            "age: 65+ and living in a rural area of the country",
        ]),
        series: (0..8).map(|i| format!("metric_number_{i}")).collect(),
        values: (0..4u32)
            .map(|g| {
                (0..8u32)
                    .map(|s| {
                        let ci = (s % 2 == 0).then_some([0.1, f64::from(s) / 3.0]);
                        point(f64::from(g * 8 + s) / 32.0 * 3.0, ci)
                    })
                    .collect()
            })
            .collect(),
    };
    vec![
        chart("stress-heatmap", heat),
        chart("stress-bars", bars),
        chart("stress-grouped", grouped),
    ]
}

#[test]
#[ignore = "writes files for looking at the charts"]
fn gallery() {
    let Ok(dir) = std::env::var("CANDOR_CHART_GALLERY") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("gallery dir");
    let mut page = String::from(
        "<!doctype html><meta charset=utf-8><meta name=color-scheme content=\"light dark\">\
         <style>body{max-width:820px;margin:auto}</style>\n",
    );
    let mut charts = all_samples();
    charts.extend(evil_charts().into_iter().enumerate().map(|(i, mut c)| {
        c.id = format!("evil-{i}");
        c
    }));
    let empty = ChartKind::Bars {
        unit: "days".into(),
        bars: vec![],
    };
    charts.push(chart("empty", empty));
    charts.extend(stress());
    for c in charts {
        let svg = render_svg(&c);
        std::fs::write(dir.join(format!("{}.svg", c.id)), &svg).expect("write svg");
        page.push_str(&svg);
    }
    std::fs::write(dir.join("index.html"), page).expect("write page");
}
