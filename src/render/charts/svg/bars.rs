//! Horizontal bars: label at the left, bar, value label at the bar's end. Special bars (e.g.
//! indefinite retention) span the whole axis, hatched and outlined, with their own label.
//! A bar with a lead (a retention period that starts at a later event) first has an
//! open-ended segment, hatched, outlined and ending in an arrow, with the lead's words under
//! the row; the axis then starts after that segment.

use super::canvas::{self, Align, DrawResult, Drawn, Font, PAD, WIDTH};
use super::text;
use super::theme;
use crate::site::chart::{Bar, ChartNotes};

/// Right end of the row labels.
const LABEL_END: i32 = 228;
/// The axis runs from `PLOT_X0` to `PLOT_X1`; value labels go to the right of the bars.
const PLOT_X0: i32 = 240;
const PLOT_X1: i32 = WIDTH as i32 - 120;
const ROW: u32 = 28;
/// Rows of a chart with leads, which have their words under the bar.
const LEAD_ROW: u32 = 44;
/// The width of the open-ended lead segment, arrow included.
const LEAD_W: i32 = 64;
const BAR_HALF: i32 = 9;
const LABEL_PX: f64 = 13.0;
const TICK_PX: f64 = 12.0;

/// Where the axis starts and how tall rows are: pushed right, and taller, when bars have leads.
#[derive(Clone, Copy)]
struct Layout {
    x0: i32,
    row: u32,
}

/// Draws `bars` measured in `unit`; `None` when there is nothing to draw.
pub fn draw(
    title: &str,
    unit: &str,
    bars: &[Bar],
    notes: &ChartNotes,
) -> Result<Option<Drawn>, canvas::DrawError> {
    if bars.is_empty() {
        return Ok(None);
    }
    let regular = bars.iter().filter(|b| !b.special).map(|b| b.value);
    let max = regular
        .clone()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let integral = regular.filter(|v| v.is_finite()).all(|v| v.fract() == 0.0);
    let (top, step) = text::nice_axis(max, integral);

    let has_lead = bars.iter().any(|b| b.lead.is_some() && !b.special);
    let at = if has_lead {
        Layout {
            x0: PLOT_X0 + LEAD_W + 4,
            row: LEAD_ROW,
        }
    } else {
        Layout {
            x0: PLOT_X0,
            row: ROW,
        }
    };
    let plot_top = canvas::CONTENT_TOP + 6;
    let axis_y = plot_top + canvas::rows_px(bars.len(), at.row).min(i32::MAX as u32 / 2) as i32 + 4;
    let has_special = bars.iter().any(|b| b.special);
    let notes_h = 26 * (i32::from(has_special) + i32::from(has_lead));
    let height = axis_y + 44 + notes_h;

    let drawn = canvas::draw(WIDTH, height.max(0) as u32, title, |c| {
        for tick in text::ticks(top, step) {
            let x = canvas::scale(tick, top, at.x0, PLOT_X1);
            c.line(&[(x, plot_top - 4), (x, axis_y)], theme::GRID, 1)?;
            c.text(
                &text::number(tick),
                (x, axis_y + 12),
                Font::new(TICK_PX, theme::MUTED),
                Align::Middle,
            )?;
        }
        c.line(&[(at.x0, plot_top - 4), (at.x0, axis_y)], theme::MUTED, 1)?;
        c.text(
            &text::fit(unit, f64::from(PLOT_X1 - at.x0), LABEL_PX),
            ((at.x0 + PLOT_X1) / 2, axis_y + 32),
            Font::new(LABEL_PX, theme::MUTED),
            Align::Middle,
        )?;
        for (i, bar) in bars.iter().enumerate() {
            let y = plot_top + (i as i32) * at.row as i32 + ROW as i32 / 2;
            draw_bar(c, bar, y, top, at)?;
        }
        let mut y = axis_y + 58;
        if has_special {
            c.fill((PLOT_X0, y - 7), (PLOT_X0 + 28, y + 7), theme::HATCH)?;
            c.outline((PLOT_X0, y - 7), (PLOT_X0 + 28, y + 7), theme::SPECIAL)?;
            note(c, &notes.special, y)?;
            y += 26;
        }
        if has_lead {
            lead_segment(c, PLOT_X0, PLOT_X0 + 28, y, 7)?;
            note(c, &notes.open, y)?;
        }
        Ok(())
    })?;
    Ok(Some(drawn))
}

/// A legend entry's words, after its sample at `PLOT_X0`.
fn note(c: &canvas::Canvas, words: &str, y: i32) -> DrawResult {
    c.text(
        &text::fit(words, f64::from(WIDTH as i32 - PAD - PLOT_X0 - 36), TICK_PX),
        (PLOT_X0 + 36, y),
        Font::new(TICK_PX, theme::MUTED),
        Align::Start,
    )
}

/// The open-ended segment from `x0` to `x1` centred on `y`, `half` high each way: hatched,
/// outlined, and ending in an arrow pointing on, so it reads as "until" without colour.
fn lead_segment(c: &canvas::Canvas, x0: i32, x1: i32, y: i32, half: i32) -> DrawResult {
    let tip = x1 - half;
    c.fill((x0, y - half), (tip, y + half), theme::HATCH)?;
    c.line(
        &[
            (tip, y - half),
            (x0, y - half),
            (x0, y + half),
            (tip, y + half),
        ],
        theme::MUTED,
        1,
    )?;
    c.line(
        &[(tip, y - half - 3), (x1, y), (tip, y + half + 3)],
        theme::INK,
        2,
    )
}

/// One row: its label, its bar and its value label, centred on `y`; a lead's segment before
/// the bar and its words under it.
fn draw_bar(c: &canvas::Canvas, bar: &Bar, y: i32, top: f64, at: Layout) -> DrawResult {
    let label = text::fit(&bar.label, f64::from(LABEL_END - PAD), LABEL_PX);
    c.text(
        &label,
        (LABEL_END, y),
        Font::new(LABEL_PX, theme::INK),
        Align::End,
    )?;
    let lead = bar.lead.as_deref().filter(|_| !bar.special);
    if let Some(words) = lead {
        lead_segment(c, PLOT_X0, at.x0 - 4, y, BAR_HALF)?;
        c.text(
            &text::fit(words, f64::from(WIDTH as i32 - PAD - PLOT_X0), TICK_PX),
            (PLOT_X0, y + BAR_HALF + 9),
            Font::new(TICK_PX, theme::MUTED),
            Align::Start,
        )?;
    }
    let start = if bar.special { PLOT_X0 } else { at.x0 };
    let (from, to) = ((start, y - BAR_HALF), (0, y + BAR_HALF));
    let end = if bar.special {
        c.fill(from, (PLOT_X1, to.1), theme::HATCH)?;
        c.outline(from, (PLOT_X1, to.1), theme::SPECIAL)?;
        PLOT_X1
    } else {
        let mut end = canvas::scale(bar.value, top, at.x0, PLOT_X1);
        if bar.value > 0.0 && end < at.x0 + 2 {
            end = at.x0 + 2; // a tiny positive value stays visible
        }
        c.fill(from, (end, to.1), theme::BAR)?;
        end
    };
    let value_label = if text::clean(&bar.value_label).is_empty() {
        text::number(bar.value)
    } else {
        bar.value_label.clone()
    };
    let x = end + 6;
    let room = f64::from(WIDTH as i32 - PAD - x);
    let font = Font::new(LABEL_PX, theme::INK);
    c.text(
        &text::fit(&value_label, room, LABEL_PX),
        (x, y),
        if bar.special { font.bold() } else { font },
        Align::Start,
    )
}
