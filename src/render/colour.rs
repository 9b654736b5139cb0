//! The site's accent colour, made readable: `[branding] accent_color` is a brand colour, not
//! a promise of contrast, so the theme gets a shade of it for light pages and one for dark
//! pages that each reach WCAG AA (4.5:1) for text against the theme's backgrounds, and the
//! text colour to put on it.

/// The darkest light-mode background accent text sits on (`--surface-2`).
const LIGHT_BG: Rgb = Rgb(0xf1, 0xf2, 0xf0);
/// The lightest dark-mode background accent text sits on (`--surface-2`).
const DARK_BG: Rgb = Rgb(0x1d, 0x22, 0x2a);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const INK: Rgb = Rgb(0x0e, 0x11, 0x15);
/// WCAG AA for normal text.
pub const AA: f64 = 4.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` (case-insensitive); `None` for anything else.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let h = hex.strip_prefix('#')?;
        if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2).
    fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// `self` moved `t` (0..=1) of the way towards `to`.
    fn mix(self, to: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The least change of `colour` towards `towards` that reads at `AA` on `bg`.
fn readable(colour: Rgb, bg: Rgb, towards: Rgb) -> Rgb {
    (0..=20)
        .map(|step| colour.mix(towards, f64::from(step) / 20.0))
        .find(|c| contrast(*c, bg) >= AA)
        .unwrap_or(towards)
}

/// White or near-black, whichever reads better on `bg`.
fn text_on(bg: Rgb) -> Rgb {
    if contrast(WHITE, bg) >= contrast(INK, bg) {
        WHITE
    } else {
        INK
    }
}

/// The accent colours of a site for its stylesheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Accent {
    /// The colour as configured (`--brand`).
    pub brand: String,
    /// Light pages: accent text and buttons, and the text on buttons.
    pub light: String,
    pub light_text: String,
    /// Dark pages.
    pub dark: String,
    pub dark_text: String,
}

impl Accent {
    pub fn new(hex: &str) -> Option<Accent> {
        let brand = Rgb::parse(hex)?;
        let light = readable(brand, LIGHT_BG, INK);
        let dark = readable(brand, DARK_BG, WHITE);
        Some(Accent {
            brand: brand.hex(),
            light: light.hex(),
            light_text: text_on(light).hex(),
            dark: dark.hex(),
            dark_text: text_on(dark).hex(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(hex: &str) -> Rgb {
        Rgb::parse(hex).expect("valid colour")
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast(WHITE, Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast(rgb("#777777"), WHITE) - 4.48).abs() < 0.01);
        assert_eq!(Rgb::parse("#2F6B5A"), Some(Rgb(0x2f, 0x6b, 0x5a)));
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#12345g"), None);
    }

    #[test]
    fn every_accent_becomes_readable_on_light_and_dark_pages() {
        for hex in [
            "#2f6b5a", "#ffff00", "#000000", "#ffffff", "#1f5fbf", "#e63946", "#808080",
        ] {
            let a = Accent::new(hex).expect("valid");
            let (light, dark) = (rgb(&a.light), rgb(&a.dark));
            assert!(contrast(light, LIGHT_BG) >= AA, "{hex} light {}", a.light);
            assert!(contrast(light, WHITE) >= AA, "{hex} light on white");
            assert!(contrast(dark, DARK_BG) >= AA, "{hex} dark {}", a.dark);
            assert!(
                contrast(rgb(&a.light_text), light) >= AA,
                "{hex} text on light accent"
            );
            assert!(
                contrast(rgb(&a.dark_text), dark) >= AA,
                "{hex} text on dark accent"
            );
        }
        let demo = Accent::new("#2f6b5a").expect("valid");
        assert_eq!(demo.light, "#2f6b5a", "a readable colour is kept as it is");
    }

    #[test]
    fn the_builtin_palette_reaches_aa() {
        // candor.css: --text, --muted and the default accent on --bg, --surface and --surface-2.
        for (fg, bgs) in [
            ("#1b1e22", ["#f7f7f5", "#ffffff", "#f1f2f0"]),
            ("#5a626c", ["#f7f7f5", "#ffffff", "#f1f2f0"]),
            ("#1f5fbf", ["#f7f7f5", "#ffffff", "#f1f2f0"]),
            ("#e7e9ec", ["#0e1115", "#161a20", "#1d222a"]),
            ("#9ba4ae", ["#0e1115", "#161a20", "#1d222a"]),
            // The default dark accent: color-mix(#3b6fd8 55%, white).
            ("#93b0ea", ["#0e1115", "#161a20", "#1d222a"]),
            // Badges: ok, warn, danger on their soft backgrounds, light then dark.
            ("#1b7a47", ["#e4f4ea", "#ffffff", "#f7f7f5"]),
            ("#8a5300", ["#fcf0d9", "#ffffff", "#f7f7f5"]),
            ("#b3261e", ["#fbe7e5", "#ffffff", "#f7f7f5"]),
            ("#6fd49b", ["#15301f", "#161a20", "#0e1115"]),
            ("#f2c065", ["#33270f", "#161a20", "#0e1115"]),
            ("#ff8a80", ["#3a1715", "#161a20", "#0e1115"]),
        ] {
            for bg in bgs {
                let c = contrast(rgb(fg), rgb(bg));
                assert!(c >= AA, "{fg} on {bg}: {c:.2}");
            }
        }
    }
}
