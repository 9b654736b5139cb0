//! Draws a [`Chart`] to a standalone, accessible, deterministic SVG document.
//!
//! Each chart kind is laid out in pixels and drawn with plotters' SVG backend; the document is
//! then finished here: `role="img"` with `<title>`/`<desc>`, a `viewBox` without fixed size so it
//! scales, ids prefixed with the chart id, and a scoped stylesheet with a dark mode.

mod bars;
mod canvas;
mod grouped;
mod heatmap;
mod text;
mod theme;

use crate::site::chart::{Chart, ChartKind};
use canvas::{Align, Drawn, Font};

/// The SVG document for `chart`. Same chart, same bytes. Never panics: empty data gives a small
/// "no data" chart.
pub fn render_svg(chart: &Chart) -> String {
    let title = text::clean(&chart.title);
    let drawn = match &chart.kind {
        ChartKind::HeatMap {
            rows,
            columns,
            cells,
        } => heatmap::draw(&title, rows, columns, cells, &chart.notes.count),
        ChartKind::Bars { unit, bars } => bars::draw(&title, unit, bars, &chart.notes),
        ChartKind::GroupedBars {
            groups,
            series,
            values,
        } => grouped::draw(&title, groups, series, values),
    };
    let drawn = match drawn {
        Ok(Some(drawn)) => Ok(drawn),
        Ok(None) => message(&title, &chart.notes.empty),
        Err(e) => message(&title, &format!("This chart could not be drawn ({e}).")),
    };
    match drawn {
        Ok(drawn) => finish(chart, &title, drawn),
        // Only reachable if plotters fails to write into a String: a bare but valid document.
        Err(_) => finish(
            chart,
            &title,
            Drawn {
                svg: "<svg>\n</svg>\n".to_string(),
                width: canvas::WIDTH,
                height: 60,
            },
        ),
    }
}

/// A small chart holding only its title and a sentence (used for empty data).
fn message(title: &str, sentence: &str) -> Result<Drawn, canvas::DrawError> {
    canvas::draw(canvas::WIDTH, 84, title, |c| {
        c.text(
            &text::fit(sentence, f64::from(canvas::WIDTH) - 24.0, 14.0),
            (canvas::PAD, 60),
            Font::new(14.0, theme::MUTED),
            Align::Start,
        )
    })
}

/// Ids of one chart's elements, all derived from the chart id so that several charts can be
/// inlined in one page.
struct Ids {
    root: String,
    title: String,
    desc: String,
    hatch: String,
}

impl Ids {
    fn new(chart_id: &str) -> Self {
        let stem: String = chart_id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let root = format!("chart-{stem}");
        Ids {
            title: format!("{root}-title"),
            desc: format!("{root}-desc"),
            hatch: format!("{root}-hatch"),
            root,
        }
    }
}

/// Replaces plotters' root element with the accessible one and post-processes the body.
fn finish(chart: &Chart, title: &str, drawn: Drawn) -> String {
    let ids = Ids::new(&chart.id);
    // Plotters writes `<svg width=.. height=.. viewBox=.. xmlns=..>\n` first; drop it and its
    // closing tag, keep everything between.
    let body = drawn
        .svg
        .split_once(">\n")
        .map(|(_, rest)| rest)
        .unwrap_or("");
    let body = body.strip_suffix("</svg>\n").unwrap_or(body);
    let body = round_font_sizes(&theme::tag_theme_colours(body, &ids.hatch));
    let (width, height) = (drawn.width.to_string(), drawn.height.to_string());
    let mut out = String::with_capacity(body.len() + 2048);
    for piece in [
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"",
        &ids.root,
        "\" class=\"candor-chart\" viewBox=\"0 0 ",
        &width,
        " ",
        &height,
        "\" role=\"img\" aria-labelledby=\"",
        &ids.title,
        " ",
        &ids.desc,
        "\">\n<title id=\"",
        &ids.title,
        "\">",
    ] {
        out.push_str(piece);
    }
    crate::escape::xml(title, &mut out);
    out.push_str("</title>\n<desc id=\"");
    out.push_str(&ids.desc);
    out.push_str("\">");
    crate::escape::xml(&text::clean(&chart.description), &mut out);
    out.push_str("</desc>\n<style>");
    out.push_str(&theme::stylesheet(&ids.root, &body));
    out.push_str("</style>\n");
    if body.contains(&format!("url(#{})", ids.hatch)) {
        out.push_str("<defs>");
        out.push_str(&theme::hatch_pattern(&ids.hatch));
        out.push_str("</defs>\n");
    }
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// Rewrites `font-size="12.999999999999998"` (plotters' division by 1.24) as `font-size="13"`.
fn round_font_sizes(body: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    // A chart uses a few sizes over and over: round each run of one size once.
    let (mut last, mut rounded) = ("", String::new());
    while let Some(at) = rest.find(KEY) {
        let (head, tail) = rest.split_at(at + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let size = &tail[..end];
        if size != last {
            rounded = match size.parse::<f64>() {
                Ok(size) => text::number((size * 10.0).round() / 10.0),
                Err(_) => size.to_string(),
            };
            last = size;
        }
        out.push_str(&rounded);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod gallery;
#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;
