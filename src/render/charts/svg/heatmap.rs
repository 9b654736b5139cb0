//! Heat map: a grid of counts (rows x columns), darker for more, empty cells plain, each
//! non-zero count written in its cell in a colour that contrasts with it.

use super::canvas::{self, Align, Canvas, DrawResult, Drawn, Font, PAD, WIDTH};
use super::text;
use super::theme;

/// Right end of the row labels; the grid starts here.
const GRID_X0: i32 = 208;
const LABEL_PX: f64 = 13.0;
const COLUMN_PX: f64 = 12.0;
const CELL_H: i32 = 26;
const MIN_CELL_W: i32 = 30;
const MAX_CELL_W: i32 = 96;
/// The longest a column label may get (rotated labels grow the chart's height).
const MAX_COLUMN_LABEL: f64 = 150.0;

/// Draws the grid; `None` when it has no rows or no columns.
pub fn draw(
    title: &str,
    rows: &[String],
    columns: &[String],
    cells: &[Vec<u32>],
    count_word: &str,
) -> Result<Option<Drawn>, canvas::DrawError> {
    if rows.is_empty() || columns.is_empty() {
        return Ok(None);
    }
    let count = |r: usize, c: usize| {
        cells
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .unwrap_or(0)
    };
    let max = (0..rows.len())
        .flat_map(|r| (0..columns.len()).map(move |c| (r, c)))
        .map(|(r, c)| count(r, c))
        .max()
        .unwrap_or(0);

    let ncols = i32::try_from(columns.len()).unwrap_or(i32::MAX / 2);
    let available = WIDTH as i32 - GRID_X0 - PAD;
    let cell_w = (available / ncols.max(1)).clamp(MIN_CELL_W, MAX_CELL_W);
    let grid_w = cell_w.saturating_mul(ncols);
    let width = (GRID_X0.saturating_add(grid_w).saturating_add(PAD)).max(WIDTH as i32);

    // Labels sit flat over their columns when all fit, else they turn to read bottom-to-top.
    let vertical = columns
        .iter()
        .any(|c| text::width(&text::clean(c), COLUMN_PX) > f64::from(cell_w - 6));
    let room = if vertical {
        MAX_COLUMN_LABEL
    } else {
        f64::from(cell_w - 6)
    };
    let labels: Vec<String> = columns
        .iter()
        .map(|c| text::fit(c, room, COLUMN_PX))
        .collect();
    let label_h = if vertical {
        labels
            .iter()
            .map(|l| text::width(l, COLUMN_PX))
            .fold(0.0, f64::max)
            .ceil() as i32
    } else {
        COLUMN_PX as i32
    };
    let grid_y0 = canvas::CONTENT_TOP + label_h + 14;
    let grid_h = i32::try_from(canvas::rows_px(rows.len(), CELL_H as u32))
        .unwrap_or(i32::MAX / 4)
        .min(i32::MAX / 4);
    let legend_y = grid_y0 + grid_h + 24;
    let height = legend_y + 24;

    let drawn = canvas::draw(width as u32, height as u32, title, |c| {
        for (i, label) in labels.iter().enumerate() {
            let x = GRID_X0 + i as i32 * cell_w + cell_w / 2;
            let font = Font::new(COLUMN_PX, theme::INK);
            if vertical {
                c.text(label, (x, grid_y0 - 8), font.vertical(), Align::Start)?;
            } else {
                c.text(label, (x, grid_y0 - 12), font, Align::Middle)?;
            }
        }
        for (r, row) in rows.iter().enumerate() {
            let y = grid_y0 + r as i32 * CELL_H;
            c.text(
                &text::fit(row, f64::from(GRID_X0 - 10 - PAD), LABEL_PX),
                (GRID_X0 - 10, y + CELL_H / 2),
                Font::new(LABEL_PX, theme::INK),
                Align::End,
            )?;
            for col in 0..columns.len() {
                let x = GRID_X0 + col as i32 * cell_w;
                draw_cell(c, (x, y), cell_w, count(r, col), max)?;
            }
        }
        legend(c, legend_y, max, count_word)
    })?;
    Ok(Some(drawn))
}

/// One cell with its top-left corner at `at`, its count written inside unless zero.
fn draw_cell(c: &Canvas, at: (i32, i32), cell_w: i32, n: u32, max: u32) -> DrawResult {
    let level = theme::heat_level(n, max);
    let (from, to) = ((at.0 + 1, at.1 + 1), (at.0 + cell_w - 1, at.1 + CELL_H - 1));
    c.fill(from, to, theme::heat_fill(level))?;
    if level == 0 {
        return c.outline(from, to, theme::GRID);
    }
    let size = if cell_w < 38 { 11.0 } else { 12.0 };
    c.text(
        &n.to_string(),
        (at.0 + cell_w / 2, at.1 + CELL_H / 2),
        Font::new(size, theme::heat_text(level)),
        Align::Middle,
    )
}

/// A key under the grid: the empty cell, then a few counts from 1 to the maximum.
fn legend(c: &Canvas, y: i32, max: u32, count_word: &str) -> DrawResult {
    let font = Font::new(COLUMN_PX, theme::MUTED);
    let word = text::fit(&format!("{count_word}:"), 120.0, COLUMN_PX);
    c.text(&word, (PAD, y), font, Align::Start)?;
    let mut samples = vec![0];
    for k in 0..=4u32 {
        let v = ((f64::from(max) * f64::from(k) / 4.0).round() as u32).max(1);
        if v <= max && !samples.contains(&v) {
            samples.push(v);
        }
    }
    let mut x = PAD + (text::width(&word, COLUMN_PX).ceil() as i32 + 10).max(52);
    for v in samples {
        let fill = theme::heat_fill(theme::heat_level(v, max));
        c.fill((x, y - 8), (x + 22, y + 8), fill)?;
        if v == 0 {
            c.outline((x, y - 8), (x + 22, y + 8), theme::GRID)?;
        }
        let label = v.to_string();
        c.text(&label, (x + 28, y), font, Align::Start)?;
        x += 28 + text::width(&label, COLUMN_PX).ceil() as i32 + 14;
    }
    Ok(())
}
