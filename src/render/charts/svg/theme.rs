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
/// Text on light heat-map cells (not themed: the cell colour does not change).
pub const ON_LIGHT: RGBColor = RGBColor(0x0B, 0x1F, 0x33);
/// Text on dark heat-map cells.
pub const ON_DARK: RGBColor = RGBColor(0xFA, 0xFB, 0xFC);

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

/// Stops of the sequential heat-map ramp (ColorBrewer Blues, light to dark; single hue, so
/// readable with any colour vision deficiency and in greyscale).
const RAMP: [(u8, u8, u8); 6] = [
    (0xDE, 0xEB, 0xF7),
    (0xB4, 0xD3, 0xE9),
    (0x6B, 0xAE, 0xD6),
    (0x31, 0x82, 0xBD),
    (0x08, 0x51, 0x9C),
    (0x08, 0x30, 0x6B),
];

/// The heat-map colour for `t` in `0..=1` (clamped; NaN reads as 0).
pub fn ramp(t: f64) -> RGBColor {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let scaled = t * (RAMP.len() - 1) as f64;
    let low = (scaled.floor() as usize).min(RAMP.len() - 2);
    let frac = scaled - low as f64;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * frac).round() as u8;
    let (a, b) = (RAMP[low], RAMP[low + 1]);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The text colour that contrasts with `fill` (by relative luminance).
pub fn text_on(fill: RGBColor) -> RGBColor {
    let channel = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let lum = 0.2126 * channel(fill.0) + 0.7152 * channel(fill.1) + 0.0722 * channel(fill.2);
    if lum > 0.22 {
        ON_LIGHT
    } else {
        ON_DARK
    }
}

/// `#RRGGBB` as plotters writes it.
pub fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// Adds `class="f-NAME"`/`class="s-NAME"` to every element filled/stroked with a theme colour,
/// and points placeholder fills at the chart's hatch pattern `url(#<hatch_id>)`.
pub fn tag_theme_colours(body: &str, hatch_id: &str) -> String {
    let hatch_fill = format!("fill=\"{}\"", hex(HATCH));
    let hatch_url = format!("fill=\"url(#{hatch_id})\"");
    let rules: Vec<(String, String)> = THEMED
        .iter()
        .flat_map(|(color, name)| {
            [
                (format!(" fill=\"{}\"", hex(*color)), format!("f-{name}")),
                (format!(" stroke=\"{}\"", hex(*color)), format!("s-{name}")),
            ]
        })
        .collect();
    let mut out = String::with_capacity(body.len() + body.len() / 8);
    for line in body.split_inclusive('\n') {
        // Element lines start with '<'; text content lines are escaped by plotters, so they
        // cannot contain '"' and cannot match an attribute.
        let Some(rest) = line.strip_prefix('<') else {
            out.push_str(line);
            continue;
        };
        let classes: Vec<&str> = rules
            .iter()
            .filter(|(attr, _)| line.contains(attr.as_str()))
            .map(|(_, class)| class.as_str())
            .collect();
        let line = line.replace(&hatch_fill, &hatch_url);
        let tag_len = rest
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(rest.len());
        if classes.is_empty() || rest.starts_with('/') {
            out.push_str(&line);
            continue;
        }
        out.push('<');
        out.push_str(&rest[..tag_len]);
        out.push_str(" class=\"");
        out.push_str(&classes.join(" "));
        out.push('"');
        out.push_str(&line[1 + tag_len..]);
    }
    out
}

/// The chart's stylesheet, every rule scoped to the chart's root id (inline SVG styles apply to
/// the whole HTML page).
pub fn stylesheet(root_id: &str) -> String {
    let r = root_id;
    let dark = [
        ("bg", "#0D1117"),
        ("ink", "#E6EDF3"),
        ("muted", "#A3ADB8"),
        ("grid", "#3A424C"),
        ("empty", "#161B22"),
    ];
    let mut css = format!(
        "#{r} text{{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}}"
    );
    css.push_str("@media (prefers-color-scheme: dark){");
    for (name, color) in dark {
        css.push_str(&format!(
            "#{r} .f-{name}{{fill:{color}}}#{r} .s-{name}{{stroke:{color}}}"
        ));
    }
    css.push_str(&format!(
        "#{r} .hatch-bg{{fill:#3B2414}}#{r} .hatch-line{{stroke:#F08A3C}}"
    ));
    css.push('}');
    css
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
    fn data_colours_never_collide_with_theme_colours() {
        let themed: Vec<RGBColor> = THEMED.iter().map(|(c, _)| *c).chain([HATCH]).collect();
        for i in 0..=1000 {
            let c = ramp(i as f64 / 1000.0);
            assert!(!themed.contains(&c), "ramp({i}) = {}", hex(c));
        }
        for c in SERIES.iter().chain([&BAR, &SPECIAL, &ON_LIGHT, &ON_DARK]) {
            assert!(!themed.contains(c), "{}", hex(*c));
        }
    }

    #[test]
    fn ramp_runs_light_to_dark_and_clamps() {
        assert_eq!(ramp(0.0), RGBColor(0xDE, 0xEB, 0xF7));
        assert_eq!(ramp(1.0), RGBColor(0x08, 0x30, 0x6B));
        assert_eq!(ramp(7.0), ramp(1.0));
        assert_eq!(ramp(f64::NAN), ramp(0.0));
    }

    #[test]
    fn text_contrasts_with_its_cell() {
        assert_eq!(text_on(ramp(0.0)), ON_LIGHT);
        assert_eq!(text_on(ramp(1.0)), ON_DARK);
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
    fn stylesheet_is_scoped_and_has_a_dark_mode() {
        let css = stylesheet("chart-x");
        assert!(css.contains("@media (prefers-color-scheme: dark)"));
        assert!(css.contains("#chart-x .f-ink{fill:"));
        assert!(!css.contains("} .f-"), "every rule is scoped: {css}");
    }
}
