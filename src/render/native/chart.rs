//! `chart.html` for no chart, a bar chart (the listings and registers) or a grouped bar chart
//! (model metrics). Heat maps are only on the home page, which Tera renders.

use crate::site::chart::{Bar, ChartKind, Point};
use crate::site::views::ChartView;

use super::Page;

/// `{% include "chart.html" %}` with `chart` set to `chart`. Writes nothing for a heat map:
/// `Native::handles` leaves pages with one to Tera.
pub(super) fn chart(p: &mut Page, chart: Option<&ChartView>) {
    let Some(c) = chart else {
        p.raw("\n");
        return;
    };
    if matches!(c.chart.kind, ChartKind::HeatMap { .. }) {
        return;
    }
    let title = c.chart.title.as_str();
    p.raw("\n<figure class=\"chart\" id=\"figure-");
    p.text(&c.chart.id);
    p.raw("\">\n  <div class=\"chart-svg\" tabindex=\"0\" role=\"region\" aria-label=\"");
    p.text(title);
    p.raw("\">");
    p.raw(c.svg);
    p.raw("</div>\n  <figcaption>");
    p.text(&c.chart.description);
    p.raw(" <a class=\"download\" href=\"");
    p.href(&c.file);
    p.raw("\">");
    p.t("chart.svg");
    p.raw("</a></figcaption>\n</figure>\n<details class=\"chart-data\">\n  <summary>");
    p.t_fill("chart.numbers", "title", title);
    p.raw("</summary>\n  <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
    p.t_fill("chart.as_table", "title", title);
    p.raw("\">\n  \n  \n  <table class=\"numbers\">\n    <caption>");
    p.text(title);
    p.raw("</caption>\n    <thead><tr><th scope=\"col\">");
    match &c.chart.kind {
        ChartKind::Bars { unit, bars } => bars_table(p, unit, bars),
        ChartKind::GroupedBars {
            groups,
            series,
            values,
        } => grouped_table(p, groups, series, values),
        ChartKind::HeatMap { .. } => {}
    }
    p.raw("\n    </tbody>\n  </table>\n  \n  </div>\n</details>\n\n");
}

/// The head and rows of a bar chart's table.
fn bars_table(p: &mut Page, unit: &str, bars: &[Bar]) {
    p.t("chart.col_item");
    p.raw("</th><th scope=\"col\">");
    p.text(&capitalize(unit));
    p.raw("</th></tr></thead>\n    <tbody>\n    ");
    for b in bars {
        p.raw("<tr><th scope=\"row\">");
        p.text(&b.label);
        p.raw("</th><td class=\"num\">");
        match &b.lead {
            Some(lead) => {
                let raw = p.lang.get("chart.lead_then");
                let s = crate::i18n::fill(raw, None, |k| match k {
                    "lead" => Some(lead.clone()),
                    "period" => Some(b.value_label.clone()),
                    _ => None,
                });
                p.interface(raw, &s);
            }
            None => p.text(&b.value_label),
        }
        p.raw("</td></tr>");
    }
}

/// The head and rows of a grouped bar chart's table: one row per group, one column per series.
fn grouped_table(
    p: &mut Page,
    groups: &[String],
    series: &[String],
    values: &[Vec<Option<Point>>],
) {
    p.t("chart.col_group");
    p.raw("</th>");
    for s in series {
        p.raw("<th scope=\"col\">");
        p.text(s);
        p.raw("</th>");
    }
    p.raw("</tr></thead>\n    <tbody>\n    ");
    for (gi, g) in groups.iter().enumerate() {
        p.raw("\n      <tr><th scope=\"row\">");
        p.text(g);
        p.raw("</th>");
        for si in 0..series.len() {
            p.raw("<td class=\"num\">");
            match values
                .get(gi)
                .and_then(|row| row.get(si))
                .copied()
                .flatten()
            {
                Some(point) => {
                    p.float(point.value);
                    if let Some([low, high]) = point.ci {
                        p.raw(" <span class=\"ci\">(");
                        p.float(low);
                        p.raw("–");
                        p.float(high);
                        p.raw(")</span>");
                    }
                }
                None => p.raw("<span class=\"muted\">–</span>"),
            }
            p.raw("</td>");
        }
        p.raw("</tr>\n    ");
    }
}

/// Tera's `capitalize`: the first letter upper case, the rest lower case.
pub(super) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        None => String::new(),
        Some(f) => f.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
    }
}
