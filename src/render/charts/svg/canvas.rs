//! A thin drawing surface over plotters' SVG backend, in pixel coordinates: text with an anchor,
//! rectangles and lines in the theme's colours. Every chart kind draws through it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text;
use super::theme;

/// Errors of the SVG backend (writing to a `String` does not fail in practice).
pub type DrawError = DrawingAreaErrorKind<std::io::Error>;
pub type DrawResult = Result<(), DrawError>;

/// Plotters divides font sizes by 1.24 in its SVG output; sizes here are the ones written.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// Width of every chart's view box; height grows with the content.
pub const WIDTH: u32 = 800;
/// Top of the content, below the chart title.
pub const CONTENT_TOP: i32 = 44;
/// Left and right padding.
pub const PAD: i32 = 12;

/// A drawn chart: plotters' SVG document and its size.
pub struct Drawn {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// Horizontal text alignment relative to the anchor point.
#[derive(Clone, Copy)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// How a piece of text is drawn.
#[derive(Clone, Copy)]
pub struct Font {
    pub size: f64,
    pub color: RGBColor,
    pub bold: bool,
    /// Rotated to read bottom-to-top (for column labels).
    pub vertical: bool,
}

impl Font {
    pub fn new(size: f64, color: RGBColor) -> Self {
        Font {
            size,
            color,
            bold: false,
            vertical: false,
        }
    }

    pub fn bold(self) -> Self {
        Font { bold: true, ..self }
    }

    pub fn vertical(self) -> Self {
        Font {
            vertical: true,
            ..self
        }
    }
}

/// The drawing surface of one chart.
pub struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

impl Canvas<'_> {
    /// Draws `text` (already cleaned and fitted) vertically centred on `at`.
    pub fn text(&self, content: &str, at: (i32, i32), font: Font, align: Align) -> DrawResult {
        if content.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let style = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let mut text_style =
            TextStyle::from((theme::FONT, font.size * PLOTTERS_FONT_SCALE, style).into_font())
                .color(&font.color)
                .pos(Pos::new(h, VPos::Center));
        if font.vertical {
            text_style = text_style.transform(FontTransform::Rotate270);
        }
        self.area.draw(&Text::new(content, at, text_style))
    }

    /// A filled rectangle from `(x0, y0)` to `(x1, y1)`; nothing if it has no area.
    pub fn fill(&self, from: (i32, i32), to: (i32, i32), color: RGBColor) -> DrawResult {
        if to.0 <= from.0 || to.1 <= from.1 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([from, to], color.filled()))
    }

    /// A rectangle outline.
    pub fn outline(&self, from: (i32, i32), to: (i32, i32), color: RGBColor) -> DrawResult {
        if to.0 < from.0 || to.1 < from.1 {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new([from, to], color.stroke_width(1)))
    }

    /// A polyline through `points`.
    pub fn line(&self, points: &[(i32, i32)], color: RGBColor, width: u32) -> DrawResult {
        self.area.draw(&PathElement::new(
            points.to_vec(),
            color.stroke_width(width),
        ))
    }

    /// The chart title across the top, in bold.
    pub fn title(&self, title: &str, width: u32) -> DrawResult {
        let size = 16.0;
        let fitted = text::fit(title, f64::from(width) - 2.0 * f64::from(PAD), size);
        self.text(
            &fitted,
            (PAD, 22),
            Font::new(size, theme::INK).bold(),
            Align::Start,
        )
    }
}

/// Draws onto a fresh `width` x `height` canvas with the theme background and `title`, then
/// hands the canvas to `paint`.
pub fn draw(
    width: u32,
    height: u32,
    title: &str,
    paint: impl FnOnce(&Canvas) -> DrawResult,
) -> Result<Drawn, DrawError> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        area.fill(&theme::BG)?;
        let canvas = Canvas { area };
        canvas.title(title, width)?;
        paint(&canvas)?;
        canvas.area.present()?;
    }
    Ok(Drawn { svg, width, height })
}

/// Pixel position of `value` on an axis mapping `0..=top` onto `x0..=x1` (clamped, NaN -> x0).
pub fn scale(value: f64, top: f64, x0: i32, x1: i32) -> i32 {
    if !(value.is_finite() && top > 0.0) {
        return x0;
    }
    let t = (value / top).clamp(0.0, 1.0);
    x0 + (t * f64::from(x1 - x0)).round() as i32
}

/// Rows as a pixel length, saturating instead of overflowing on absurd inputs.
pub fn rows_px(rows: usize, row_px: u32) -> u32 {
    u32::try_from(rows)
        .unwrap_or(u32::MAX)
        .saturating_mul(row_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_and_clamps() {
        assert_eq!(scale(0.5, 1.0, 100, 300), 200);
        assert_eq!(scale(-1.0, 1.0, 100, 300), 100);
        assert_eq!(scale(9.0, 1.0, 100, 300), 300);
        assert_eq!(scale(f64::NAN, 1.0, 100, 300), 100);
        assert_eq!(scale(1.0, 0.0, 100, 300), 100);
    }

    #[test]
    fn draw_writes_background_title_and_content() {
        let drawn = draw(200, 100, "T <1>", |c| {
            c.fill((0, 50), (10, 60), theme::BAR)?;
            c.text("hi", (5, 5), Font::new(12.0, theme::INK), Align::Start)
        })
        .expect("drawing to a string cannot fail");
        assert!(drawn.svg.contains("T &lt;1&gt;"));
        assert!(drawn.svg.contains(&theme::hex(theme::BAR)));
        assert!(drawn.svg.contains(">\nhi\n</text>"));
        assert_eq!((drawn.width, drawn.height), (200, 100));
    }
}
