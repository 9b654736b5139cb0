//! Horizontal bars: label at the left, bar, value label at the bar's end. Special bars (e.g.
//! indefinite retention) span the whole axis, hatched and outlined, with their own label.

use super::canvas::{self, Align, DrawResult, Drawn, Font, PAD, WIDTH};
use super::text;
use super::theme;
use crate::site::chart::Bar;

/// Right end of the row labels.
const LABEL_END: i32 = 228;
/// The axis runs from `PLOT_X0` to `PLOT_X1`; value labels go to the right of the bars.
const PLOT_X0: i32 = 240;
const PLOT_X1: i32 = WIDTH as i32 - 120;
const ROW: u32 = 28;
const BAR_HALF: i32 = 9;
const LABEL_PX: f64 = 13.0;
const TICK_PX: f64 = 12.0;

/// Draws `bars` measured in `unit`; `None` when there is nothing to draw.
pub fn draw(
    title: &str,
    unit: &str,
    bars: &[Bar],
    special_note: &str,
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

    let plot_top = canvas::CONTENT_TOP + 6;
    let axis_y = plot_top + canvas::rows_px(bars.len(), ROW).min(i32::MAX as u32 / 2) as i32 + 4;
    let has_special = bars.iter().any(|b| b.special);
    let height = axis_y + 44 + if has_special { 26 } else { 0 };

    let drawn = canvas::draw(WIDTH, height.max(0) as u32, title, |c| {
        for tick in text::ticks(top, step) {
            let x = canvas::scale(tick, top, PLOT_X0, PLOT_X1);
            c.line(&[(x, plot_top - 4), (x, axis_y)], theme::GRID, 1)?;
            c.text(
                &text::number(tick),
                (x, axis_y + 12),
                Font::new(TICK_PX, theme::MUTED),
                Align::Middle,
            )?;
        }
        c.line(
            &[(PLOT_X0, plot_top - 4), (PLOT_X0, axis_y)],
            theme::MUTED,
            1,
        )?;
        c.text(
            &text::fit(unit, f64::from(PLOT_X1 - PLOT_X0), LABEL_PX),
            ((PLOT_X0 + PLOT_X1) / 2, axis_y + 32),
            Font::new(LABEL_PX, theme::MUTED),
            Align::Middle,
        )?;
        for (i, bar) in bars.iter().enumerate() {
            let y = plot_top + (i as i32) * ROW as i32 + ROW as i32 / 2;
            draw_bar(c, bar, y, top)?;
        }
        if has_special {
            let y = axis_y + 58;
            c.fill((PLOT_X0, y - 7), (PLOT_X0 + 28, y + 7), theme::HATCH)?;
            c.outline((PLOT_X0, y - 7), (PLOT_X0 + 28, y + 7), theme::SPECIAL)?;
            c.text(
                special_note,
                (PLOT_X0 + 36, y),
                Font::new(TICK_PX, theme::MUTED),
                Align::Start,
            )?;
        }
        Ok(())
    })?;
    Ok(Some(drawn))
}

/// One row: its label, its bar and its value label, centred on `y`.
fn draw_bar(c: &canvas::Canvas, bar: &Bar, y: i32, top: f64) -> DrawResult {
    let label = text::fit(&bar.label, f64::from(LABEL_END - PAD), LABEL_PX);
    c.text(
        &label,
        (LABEL_END, y),
        Font::new(LABEL_PX, theme::INK),
        Align::End,
    )?;
    let (from, to) = ((PLOT_X0, y - BAR_HALF), (0, y + BAR_HALF));
    let end = if bar.special {
        c.fill(from, (PLOT_X1, to.1), theme::HATCH)?;
        c.outline(from, (PLOT_X1, to.1), theme::SPECIAL)?;
        PLOT_X1
    } else {
        let mut end = canvas::scale(bar.value, top, PLOT_X0, PLOT_X1);
        if bar.value > 0.0 && end < PLOT_X0 + 2 {
            end = PLOT_X0 + 2; // a tiny positive value stays visible
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
