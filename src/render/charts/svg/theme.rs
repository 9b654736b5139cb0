//! Colours, fonts and the light/dark stylesheet of the charts.
//!
//! Plotters writes colours as presentation attributes. Theme colours are distinct sentinels that
//! post-processing tags with a class, so the embedded `<style>` can restyle them in dark mode
//! (CSS rules override presentation attributes). Data colours are colour-blind safe and stay the
//! same in both modes.

use plotters::style::RGBColor;

/// The font stack; the browser draws the text, so no font files are needed.
pub const FONT: &str = "system-ui, sans-serif";

/// Chart background.
pub const BG: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Main text: labels, values, title.
pub const INK: RGBColor = RGBColor(0x1F, 0x23, 0x28);
/// Secondary text: axis ticks, notes.
pub const MUTED: RGBColor = RGBColor(0x59, 0x63, 0x6E);
/// Grid lines and empty-cell outlines.
pub const GRID: RGBColor = RGBColor(0xD0, 0xD7, 0xDE);
/// Fill of an empty heat-map cell.
pub const EMPTY: RGBColor = RGBColor(0xF6, 0xF8, 0xFA);
/// Placeholder fill replaced by the hatch pattern of special bars.
pub const HATCH: RGBColor = RGBColor(0xFE, 0x01, 0xFE);
/// Outline of special bars (Okabe–Ito vermillion), readable on light and dark.
pub const SPECIAL: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Fill of ordinary bars (Okabe–Ito blue).
pub const BAR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Series colours: the Okabe–Ito palette, without black, yellow last (weak on white).
pub const SERIES: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
];

/// The colour of series `index`, cycling through the palette.
pub fn series(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// Theme colours and the class name post-processing gives an element that uses them.
const THEMED: [(RGBColor, &str); 5] = [
    (BG, "bg"),
    (INK, "ink"),
    (MUTED, "muted"),
    (GRID, "grid"),
    (EMPTY, "empty"),
];

/// Theme colours in dark mode, by class name.
const DARK: [(&str, &str); 5] = [
    ("bg", "#0D1117"),
    ("ink", "#E6EDF3"),
    ("muted", "#A3ADB8"),
    ("grid", "#3A424C"),
    ("empty", "#161B22"),
];

/// Number of heat-map intensity levels.
pub const HEAT_LEVELS: usize = 7;

/// Heat-map fills, light mode: ColorBrewer Blues, light to dark (single hue, so readable with
/// any colour vision deficiency and in greyscale). Level 1 is the smallest non-zero count.
const HEAT_LIGHT: [RGBColor; HEAT_LEVELS] = [
    RGBColor(0xC6, 0xDB, 0xEF),
    RGBColor(0x9E, 0xCA, 0xE1),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x42, 0x92, 0xC6),
    RGBColor(0x21, 0x71, 0xB5),
    RGBColor(0x08, 0x51, 0x9C),
    RGBColor(0x08, 0x30, 0x6B),
];

/// Heat-map fills, dark mode: the same hue from dim to bright, so "more" still stands out
/// against a dark background.
const HEAT_DARK: [RGBColor; HEAT_LEVELS] = [
    RGBColor(0x15, 0x30, 0x4D),
    RGBColor(0x1D, 0x4A, 0x75),
    RGBColor(0x22, 0x62, 0x9C),
    RGBColor(0x2F, 0x7E, 0xC1),
    RGBColor(0x4E, 0x9B, 0xD9),
    RGBColor(0x7D, 0xB8, 0xEA),
    RGBColor(0xB5, 0xD6, 0xF5),
];

/// The heat-map level (1..=HEAT_LEVELS) of a count `n` out of `max`; 0 for an empty cell.
pub fn heat_level(n: u32, max: u32) -> usize {
    if n == 0 || max == 0 {
        return 0;
    }
    let levels = HEAT_LEVELS as u64;
    let level = (u64::from(n.min(max)) * levels).div_ceil(u64::from(max));
    level.clamp(1, levels) as usize
}

/// The fill of heat-map `level` (0 is the empty-cell colour).
pub fn heat_fill(level: usize) -> RGBColor {
    match level.checked_sub(1).and_then(|i| HEAT_LIGHT.get(i)) {
        Some(color) => *color,
        None => EMPTY,
    }
}

/// The text colour on heat-map `level`. Each level has its own (visually identical) shade, so
/// post-processing can give it a class and dark mode can pick the contrast for the dark fill.
pub fn heat_text(level: usize) -> RGBColor {
    let tweak = level.min(HEAT_LEVELS) as u8;
    let RGBColor(r, g, b) = contrast_text(heat_fill(level));
    RGBColor(r, g, b - tweak)
}

/// Near-black or near-white, whichever contrasts with `fill` (by relative luminance).
fn contrast_text(fill: RGBColor) -> RGBColor {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let lum = 0.2126 * channel(fill.0) + 0.7152 * channel(fill.1) + 0.0722 * channel(fill.2);
    if lum > 0.22 {
        RGBColor(0x0B, 0x1F, 0x3F)
    } else {
        RGBColor(0xFA, 0xFB, 0xFF)
    }
}

/// A themed colour: how plotters writes it, its classes and its dark-mode colour.
struct Themed {
    /// `#RRGGBB`, as in plotters' output.
    hex: String,
    dark: String,
    /// `f-NAME` and `s-NAME`: the classes of elements filled and stroked with it.
    classes: [String; 2],
}

/// Every themed colour, computed once: charts are post-processed by the thousand.
fn themed() -> &'static [Themed] {
    static THEMED_ALL: std::sync::OnceLock<Vec<Themed>> = std::sync::OnceLock::new();
    THEMED_ALL.get_or_init(|| {
        let mut all: Vec<(RGBColor, String, String)> = THEMED
            .iter()
            .zip(DARK)
            .map(|((color, name), (_, dark))| (*color, (*name).to_string(), dark.to_string()))
            .collect();
        for level in 1..=HEAT_LEVELS {
            let dark = HEAT_DARK[level - 1];
            all.push((heat_fill(level), format!("heat{level}"), hex(dark)));
            let text = hex(contrast_text(dark));
            all.push((heat_text(level), format!("heat-text{level}"), text));
        }
        all.into_iter()
            .map(|(color, name, dark)| Themed {
                hex: hex(color),
                classes: [format!("f-{name}"), format!("s-{name}")],
                dark,
            })
            .collect()
    })
}

/// `#RRGGBB` as plotters writes it.
pub fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// The attributes whose theme colours get a class, in the order of the bits of [`Rules`].
const ATTRIBUTES: [&str; 2] = [" fill=\"", " stroke=\""];

/// A set of `(themed colour, attribute)` pairs: bit `2 * colour + attribute`, so iterating the
/// bits in order gives the classes in the order `f-` then `s-` per colour.
type Rules = u64;

/// The rules `line` matches: which ` fill="#RRGGBB"`/` stroke="#RRGGBB"` with a themed colour
/// it contains.
fn line_rules(line: &str, themed: &[Themed]) -> Rules {
    let mut rules = 0;
    for (a, attr) in ATTRIBUTES.iter().enumerate() {
        for (at, _) in line.match_indices(attr) {
            let value = &line[at + attr.len()..];
            let Some(colour) = value.get(..7).filter(|_| value[7..].starts_with('"')) else {
                continue;
            };
            if let Some(i) = themed.iter().position(|t| t.hex == colour) {
                rules |= 1 << (2 * i + a);
            }
        }
    }
    rules
}

/// Adds `class="f-NAME"`/`class="s-NAME"` to every element filled/stroked with a theme colour,
/// and points placeholder fills at the chart's hatch pattern `url(#<hatch_id>)`.
pub fn tag_theme_colours(body: &str, hatch_id: &str) -> String {
    let themed = themed();
    debug_assert!(themed.len() * 2 <= Rules::BITS as usize);
    let hatch_fill = "fill=\"#FE01FE\"";
    debug_assert_eq!(hatch_fill, format!("fill=\"{}\"", hex(HATCH)));
    let mut out = String::with_capacity(body.len() + body.len() / 8);
    for line in body.split_inclusive('\n') {
        // Element lines start with '<'; text content lines are escaped by plotters, so they
        // cannot contain '"' and cannot match an attribute.
        let Some(rest) = line.strip_prefix('<') else {
            out.push_str(line);
            continue;
        };
        let rules = line_rules(line, themed);
        let tag_len = rest
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(rest.len());
        let mut tail = &line[1 + tag_len..];
        if rules != 0 && !rest.starts_with('/') {
            out.push('<');
            out.push_str(&rest[..tag_len]);
            out.push_str(" class=\"");
            let mut first = true;
            for (bit, class) in themed.iter().flat_map(|t| &t.classes).enumerate() {
                if rules & (1 << bit) != 0 {
                    if !first {
                        out.push(' ');
                    }
                    out.push_str(class);
                    first = false;
                }
            }
            out.push('"');
        } else {
            tail = line;
        }
        // The placeholder becomes the pattern (never in the tag name, so offsets hold).
        let mut rest = tail;
        while let Some(at) = rest.find(hatch_fill) {
            out.push_str(&rest[..at]);
            out.push_str("fill=\"url(#");
            out.push_str(hatch_id);
            out.push_str(")\"");
            rest = &rest[at + hatch_fill.len()..];
        }
        out.push_str(rest);
    }
    out
}

/// The chart's stylesheet for the drawn `body`: dark-mode rules only for the classes it uses,
/// every rule scoped to the chart's root id (inline SVG styles apply to the whole HTML page).
pub fn stylesheet(root_id: &str, body: &str) -> String {
    let r = root_id;
    let mut css = String::with_capacity(512);
    css.push('#');
    css.push_str(r);
    css.push_str(
        " text{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}",
    );
    css.push_str("@media (prefers-color-scheme: dark){");
    let used = used_classes(body);
    let themed = themed();
    for (i, t) in themed.iter().enumerate() {
        for (a, property) in ["fill", "stroke"].into_iter().enumerate() {
            if used & (1 << (2 * i + a)) != 0 {
                for piece in [
                    "#",
                    r,
                    " .",
                    &t.classes[a],
                    "{",
                    property,
                    ":",
                    &t.dark,
                    "}",
                ] {
                    css.push_str(piece);
                }
            }
        }
    }
    if body.contains("url(#") {
        for piece in [
            "#",
            r,
            " .hatch-bg{fill:#3B2414}#",
            r,
            " .hatch-line{stroke:#F08A3C}",
        ] {
            css.push_str(piece);
        }
    }
    css.push('}');
    css
}

/// The theme classes some element of `body` has among its classes: each a word between two
/// of `"` and ` `, as [`Rules`] bits.
fn used_classes(body: &str) -> Rules {
    let themed = themed();
    let mut used = 0;
    let mut words = body.split(['"', ' ']);
    words.next(); // the text before the first delimiter has nothing before it
    let mut word = match words.next() {
        Some(w) => w,
        None => return 0,
    };
    // A word counts only if another delimiter follows it.
    for next in words {
        if word.starts_with("f-") || word.starts_with("s-") {
            let bit = themed
                .iter()
                .flat_map(|t| &t.classes)
                .position(|c| c == word);
            if let Some(bit) = bit {
                used |= 1 << bit;
            }
        }
        word = next;
    }
    used
}

/// The `<pattern>` that fills special bars: diagonal stripes in the special colour.
pub fn hatch_pattern(id: &str) -> String {
    format!(
        "<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect class=\"hatch-bg\" width=\"8\" height=\"8\" \
         fill=\"#FBE3D0\"/><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" \
         stroke=\"{}\" stroke-width=\"5\"/></pattern>",
        hex(SPECIAL)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themed_colours_are_unique_and_never_used_for_data() {
        let themed: Vec<String> = themed().iter().map(|t| t.hex.clone()).collect();
        let themed: Vec<String> = themed.into_iter().chain([hex(HATCH)]).collect();
        for (i, a) in themed.iter().enumerate() {
            assert!(!themed[i + 1..].contains(a), "{a} is used twice");
        }
        for c in SERIES.iter().chain([&BAR, &SPECIAL]) {
            assert!(!themed.contains(&hex(*c)), "{}", hex(*c));
        }
    }

    #[test]
    fn heat_levels_spread_counts_over_the_ramp() {
        assert_eq!(heat_level(0, 5), 0);
        assert_eq!(heat_level(3, 0), 0);
        assert_eq!(heat_level(5, 5), HEAT_LEVELS);
        assert_eq!(heat_level(1, 1000), 1);
        assert_eq!(heat_level(9, 5), HEAT_LEVELS);
        assert_eq!(heat_level(u32::MAX, u32::MAX), HEAT_LEVELS);
        let levels: Vec<usize> = (1..=6).map(|n| heat_level(n, 6)).collect();
        assert!(levels.windows(2).all(|w| w[0] < w[1]), "{levels:?}");
        assert_eq!(heat_fill(0), EMPTY);
    }

    #[test]
    fn heat_text_contrasts_with_its_cell() {
        let dark_text = |c: RGBColor| c.0 < 0x80;
        assert!(dark_text(heat_text(1)), "light cell, dark text");
        assert!(!dark_text(heat_text(HEAT_LEVELS)), "dark cell, light text");
        assert!(dark_text(contrast_text(HEAT_DARK[HEAT_LEVELS - 1])));
        assert!(!dark_text(contrast_text(HEAT_DARK[0])));
    }

    #[test]
    fn theme_colours_get_classes_and_hatch_gets_the_pattern() {
        let body = format!(
            "<text x=\"1\" fill=\"{}\">\nfill=&quot;x\n</text>\n<rect fill=\"{}\" stroke=\"none\"/>\n<polyline stroke=\"{}\"/>\n<rect fill=\"{}\"/>\n",
            hex(INK),
            hex(HATCH),
            hex(GRID),
            hex(BAR)
        );
        let out = tag_theme_colours(&body, "c-hatch");
        assert!(out.contains("<text class=\"f-ink\" x=\"1\""), "{out}");
        assert!(out.contains("<rect fill=\"url(#c-hatch)\""), "{out}");
        assert!(out.contains("<polyline class=\"s-grid\" stroke="), "{out}");
        assert!(
            out.contains(&format!("<rect fill=\"{}\"/>", hex(BAR))),
            "{out}"
        );
        assert!(out.contains("</text>\n"));
    }

    #[test]
    fn classes_follow_the_colour_order_fill_before_stroke() {
        let body = format!(
            "<rect stroke=\"{}\" fill=\"{}\" x=\"1\"/>\n",
            hex(GRID),
            hex(BG)
        );
        let out = tag_theme_colours(&body, "h");
        assert!(
            out.starts_with("<rect class=\"f-bg s-grid\" stroke="),
            "{out}"
        );
        assert_eq!(used_classes(&out), 1 | 1 << 7);
    }

    #[test]
    fn stylesheet_is_scoped_and_has_a_dark_mode() {
        let body = "<text class=\"f-ink\">\n<rect class=\"s-grid f-heat7\"/>\n";
        let css = stylesheet("chart-x", body);
        assert!(css.contains("@media (prefers-color-scheme: dark)"));
        assert!(css.contains("#chart-x .f-ink{fill:"));
        assert!(css.contains("#chart-x .s-grid{stroke:"));
        assert!(!css.contains("} .f-"), "every rule is scoped: {css}");
        assert!(css.contains(&format!("#chart-x .f-heat7{{fill:{}}}", hex(HEAT_DARK[6]))));
        assert!(
            !css.contains(".f-heat-text7"),
            "unused classes get no rule: {css}"
        );
        assert!(!css.contains(".f-heat1{"), "{css}");
        assert!(!css.contains("hatch"), "{css}");
    }
}
