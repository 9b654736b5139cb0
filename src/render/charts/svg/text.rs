//! Text and number helpers for charts: cleaning user labels, estimating their width (the browser
//! draws the text, so we cannot measure it), truncating with an ellipsis, and formatting numbers
//! and axis ticks deterministically.

/// Average glyph advance as a fraction of the font size, for a system UI sans-serif font.
/// Slightly generous so that estimated widths rarely fall short of the real ones.
const ADVANCE_EM: f64 = 0.58;

/// A label made safe to draw on one line: XML-forbidden control characters and line breaks
/// become spaces, runs of whitespace collapse, and the ends are trimmed.
pub fn clean(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut pending_space = false;
    for c in label.chars() {
        let c = if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
            ' '
        } else {
            c
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Width of one character in ems: East Asian wide characters take about one em.
fn char_em(c: char) -> f64 {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD);
    if wide {
        1.0
    } else {
        ADVANCE_EM
    }
}

/// Estimated width in pixels of `text` drawn at `font_px`.
pub fn width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

/// `text` cleaned and, if wider than `max_px` at `font_px`, shortened with an ellipsis: at the
/// end for prose ("A very long na…"), in the middle for keys without spaces, whose tails tell
/// siblings apart ("user.behav…segment_3").
pub fn fit(text: &str, max_px: f64, font_px: f64) -> String {
    let text = clean(text);
    if width(&text, font_px) <= max_px {
        return text;
    }
    let budget = (max_px - char_em('…') * font_px).max(0.0);
    if text.contains(' ') {
        let mut out = take_width(text.chars(), budget, font_px);
        out.truncate(out.trim_end().len());
        out.push('…');
        return out;
    }
    let tail_budget = (budget * 0.45).floor();
    let tail: String = take_width(text.chars().rev(), tail_budget, font_px)
        .chars()
        .rev()
        .collect();
    let head = take_width(text.chars(), budget - width(&tail, font_px), font_px);
    format!("{head}…{tail}")
}

/// The leading characters of `chars` that fit in `budget` pixels.
fn take_width(chars: impl Iterator<Item = char>, budget: f64, font_px: f64) -> String {
    let mut used = 0.0;
    let mut out = String::new();
    for c in chars {
        used += char_em(c) * font_px;
        if used > budget {
            break;
        }
        out.push(c);
    }
    out
}

/// A number as readers should see it: no trailing zeros, precision by magnitude
/// (`0.31`, `12.5`, `2555`). Non-finite values read "n/a".
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    let magnitude = value.abs();
    let decimals = if magnitude < 1.0 {
        3
    } else if magnitude < 100.0 {
        2
    } else if magnitude < 10_000.0 {
        1
    } else {
        0
    };
    let s = format!("{value:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// An axis from 0 to a round maximum covering `max`, with its tick step.
/// `integral` keeps the step a whole number (counts cannot be fractional).
pub fn nice_axis(max: f64, integral: bool) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    let mut step = nice * power;
    if integral {
        step = step.max(1.0).ceil();
    }
    let top = (max / step).ceil() * step;
    (top, step)
}

/// The tick values of an axis from 0 to `top` by `step` (inclusive).
pub fn ticks(top: f64, step: f64) -> Vec<f64> {
    if !(step > 0.0 && top.is_finite()) {
        return vec![0.0];
    }
    let count = (top / step).round().clamp(0.0, 1000.0) as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_control_characters_and_collapses_space() {
        assert_eq!(clean("  a\u{0}b\n\tc  "), "a b c");
        assert_eq!(clean("\u{7}"), "");
    }

    #[test]
    fn fit_keeps_short_text_and_cuts_long_text_with_an_ellipsis() {
        assert_eq!(fit("Email", 200.0, 13.0), "Email");
        let long = "A very long data element name that will never fit in the space";
        let cut = fit(long, 120.0, 13.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(width(&cut, 13.0) <= 120.0 + 0.001);
        assert!(long.starts_with(cut.trim_end_matches('…')));
    }

    #[test]
    fn fit_cuts_keys_in_the_middle_to_keep_their_tails() {
        let key = "user.behavior.browsing_history.segment_12";
        let cut = fit(key, 200.0, 13.0);
        assert!(width(&cut, 13.0) <= 200.0 + 0.001, "{cut}");
        let (head, tail) = cut.split_once('…').expect("an ellipsis");
        assert!(key.starts_with(head) && key.ends_with(tail), "{cut}");
        assert!(tail.ends_with("segment_12"), "{cut}");
        assert_eq!(fit(key, 0.0, 13.0), "…");
    }

    #[test]
    fn fit_counts_wide_characters_wider() {
        assert!(width("数据数据", 10.0) > width("abcd", 10.0));
        assert!(fit("数据数据数据数据数据数据", 50.0, 10.0).contains('…'));
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(number(0.31), "0.31");
        assert_eq!(number(0.3), "0.3");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(2555.0), "2555");
        assert_eq!(number(-0.0001), "0");
        assert_eq!(number(f64::NAN), "n/a");
        assert_eq!(number(123456.7), "123457");
    }

    #[test]
    fn nice_axis_covers_the_maximum_with_round_steps() {
        assert_eq!(nice_axis(1.0, false), (1.0, 0.2));
        assert_eq!(nice_axis(7.0, true), (8.0, 2.0));
        assert_eq!(nice_axis(2.0, true), (2.0, 1.0));
        assert_eq!(nice_axis(2555.0, true), (3000.0, 1000.0));
        assert_eq!(nice_axis(0.0, true), (1.0, 1.0));
        assert_eq!(nice_axis(f64::NAN, false), (1.0, 0.2));
        let (top, step) = nice_axis(93.0, true);
        assert!(top >= 93.0 && step >= 1.0);
    }

    #[test]
    fn ticks_run_from_zero_to_top() {
        assert_eq!(ticks(8.0, 2.0), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(1.0, 0.0), vec![0.0]);
    }
}
