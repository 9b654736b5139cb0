//! Grouped bars: one block of bars per group (e.g. an evaluation slice), one colour per series
//! (e.g. a metric) with a legend, confidence intervals as error bars, an axis from 0 to 1 for
//! metrics (or to a round maximum for larger values).

use super::canvas::{self, Align, Canvas, DrawResult, Drawn, Font, PAD, WIDTH};
use super::text;
use super::theme;
use crate::site::chart::Point;

const LABEL_END: i32 = 188;
const PLOT_X0: i32 = 200;
const PLOT_X1: i32 = WIDTH as i32 - 150;
const SLOT: i32 = 18;
const BAR_HALF: i32 = 7;
const GROUP_GAP: i32 = 14;
const LABEL_PX: f64 = 13.0;
const SMALL_PX: f64 = 12.0;
const LEGEND_ROW: i32 = 22;

/// Draws `values[group][series]`; `None` when there are no groups or no series.
pub fn draw(
    title: &str,
    groups: &[String],
    series: &[String],
    values: &[Vec<Option<Point>>],
) -> Result<Option<Drawn>, canvas::DrawError> {
    if groups.is_empty() || series.is_empty() {
        return Ok(None);
    }
    let value = |g: usize, s: usize| -> Option<Point> {
        values
            .get(g)
            .and_then(|row| row.get(s))
            .copied()
            .flatten()
            .filter(|p| p.value.is_finite())
    };
    let points: Vec<Point> = (0..groups.len())
        .flat_map(|g| (0..series.len()).map(move |s| (g, s)))
        .filter_map(|(g, s)| value(g, s))
        .collect();
    let max = points
        .iter()
        .flat_map(|p| [Some(p.value), p.ci.map(|ci| ci[0].max(ci[1]))])
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let (top, step) = if max <= 1.0 {
        (1.0, 0.2)
    } else {
        text::nice_axis(max, points.iter().all(|p| p.value.fract() == 0.0))
    };

    let legend = legend_layout(series);
    let legend_rows = legend.last().map_or(1, |item| item.row + 1);
    let plot_top = canvas::CONTENT_TOP + legend_rows * LEGEND_ROW + 10;
    let block = i32::try_from(series.len())
        .unwrap_or(i32::MAX / 4)
        .saturating_mul(SLOT)
        .saturating_add(GROUP_GAP)
        .min(i32::MAX / 4);
    let axis_y = plot_top.saturating_add(
        i32::try_from(groups.len())
            .unwrap_or(i32::MAX / 4)
            .saturating_mul(block)
            .min(i32::MAX / 4),
    );
    let height = axis_y + 44;

    let drawn = canvas::draw(WIDTH, height.max(0) as u32, title, |c| {
        for item in &legend {
            let y = canvas::CONTENT_TOP + 4 + item.row * LEGEND_ROW;
            c.fill(
                (item.x, y - 7),
                (item.x + 14, y + 7),
                theme::series(item.series),
            )?;
            let font = Font::new(LABEL_PX, theme::INK);
            c.text(&item.label, (item.x + 20, y), font, Align::Start)?;
        }
        for tick in text::ticks(top, step) {
            let x = canvas::scale(tick, top, PLOT_X0, PLOT_X1);
            c.line(&[(x, plot_top - 4), (x, axis_y)], theme::GRID, 1)?;
            let font = Font::new(SMALL_PX, theme::MUTED);
            c.text(&text::number(tick), (x, axis_y + 12), font, Align::Middle)?;
        }
        c.line(
            &[(PLOT_X0, plot_top - 4), (PLOT_X0, axis_y)],
            theme::MUTED,
            1,
        )?;
        let font = Font::new(LABEL_PX, theme::MUTED);
        let middle = (PLOT_X0 + PLOT_X1) / 2;
        c.text("value", (middle, axis_y + 32), font, Align::Middle)?;
        for (g, group) in groups.iter().enumerate() {
            let y0 = plot_top + g as i32 * block;
            let centre = y0 + (block - GROUP_GAP) / 2;
            let label = text::fit(group, f64::from(LABEL_END - PAD), LABEL_PX);
            let font = Font::new(LABEL_PX, theme::INK);
            c.text(&label, (LABEL_END, centre), font, Align::End)?;
            for s in 0..series.len() {
                let y = y0 + s as i32 * SLOT + SLOT / 2;
                draw_point(c, value(g, s), theme::series(s), y, top)?;
            }
        }
        Ok(())
    })?;
    Ok(Some(drawn))
}

/// One bar centred on `y`, its error bar, and its value (or "no value").
fn draw_point(
    c: &Canvas,
    point: Option<Point>,
    color: plotters::style::RGBColor,
    y: i32,
    top: f64,
) -> DrawResult {
    let Some(point) = point else {
        let font = Font::new(SMALL_PX, theme::MUTED);
        return c.text("no value", (PLOT_X0 + 6, y), font, Align::Start);
    };
    let mut end = canvas::scale(point.value, top, PLOT_X0, PLOT_X1);
    if point.value > 0.0 && end < PLOT_X0 + 2 {
        end = PLOT_X0 + 2;
    }
    c.fill((PLOT_X0, y - BAR_HALF), (end, y + BAR_HALF), color)?;
    let mut label = text::number(point.value);
    let mut right = end;
    if let Some([a, b]) = point.ci.filter(|ci| ci[0].is_finite() && ci[1].is_finite()) {
        let (low, high) = (a.min(b), a.max(b));
        let (x0, x1) = (
            canvas::scale(low, top, PLOT_X0, PLOT_X1),
            canvas::scale(high, top, PLOT_X0, PLOT_X1),
        );
        c.line(&[(x0, y), (x1, y)], theme::INK, 2)?;
        c.line(&[(x0, y - 5), (x0, y + 5)], theme::INK, 2)?;
        c.line(&[(x1, y - 5), (x1, y + 5)], theme::INK, 2)?;
        right = right.max(x1);
        label = format!("{label} ({}–{})", text::number(low), text::number(high));
    }
    let x = right + 6;
    let room = f64::from(WIDTH as i32 - PAD - x);
    let font = Font::new(SMALL_PX, theme::INK);
    c.text(
        &text::fit(&label, room, SMALL_PX),
        (x, y),
        font,
        Align::Start,
    )
}

/// Where one legend entry goes.
struct LegendItem {
    series: usize,
    label: String,
    x: i32,
    row: i32,
}

/// Legend entries flowed left to right, wrapping to new rows at the chart's width.
fn legend_layout(series: &[String]) -> Vec<LegendItem> {
    let mut items = Vec::with_capacity(series.len());
    let (mut x, mut row) = (PAD, 0);
    for (i, name) in series.iter().enumerate() {
        let label = text::fit(name, 220.0, LABEL_PX);
        let w = 20 + text::width(&label, LABEL_PX).ceil() as i32 + 18;
        if x > PAD && x + w > WIDTH as i32 - PAD {
            x = PAD;
            row += 1;
        }
        items.push(LegendItem {
            series: i,
            label,
            x,
            row,
        });
        x += w;
    }
    items
}
