//! Behaviour of `render_svg` on every chart kind: determinism, accessibility, escaping, edge
//! cases.

use super::samples::*;
use super::*;

/// The root `<svg ...>` start tag.
fn root_tag(svg: &str) -> &str {
    let start = svg.find("<svg").expect("an svg element");
    let end = svg[start..].find('>').expect("a closed tag") + start;
    &svg[start..=end]
}

#[test]
fn rendering_is_deterministic() {
    for c in all_samples().iter().chain(evil_charts().iter()) {
        assert_eq!(render_svg(c), render_svg(&c.clone()), "{}", c.id);
    }
}

#[test]
fn root_is_an_accessible_scalable_image() {
    for c in all_samples() {
        let svg = render_svg(&c);
        let root = root_tag(&svg);
        let r = format!("chart-{}", c.id);
        assert!(root.contains("role=\"img\""), "{root}");
        assert!(root.contains(&format!("id=\"{r}\"")), "{root}");
        assert!(root.contains(&format!("aria-labelledby=\"{r}-title {r}-desc\"")));
        assert!(root.contains("viewBox=\"0 0 800 "), "{root}");
        assert!(!root.contains(" width="), "{root}");
        assert!(!root.contains(" height="), "{root}");
        let title = format!("<title id=\"{r}-title\">Chart {}</title>", c.id);
        assert!(svg.contains(&title), "{svg}");
        assert!(svg.contains(&format!(
            "<desc id=\"{r}-desc\">What {} shows.</desc>",
            c.id
        )));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert!(svg.find("<title").unwrap_or(usize::MAX) < svg.find("<style").unwrap_or(0));
    }
}

#[test]
fn every_id_is_prefixed_with_the_chart_id() {
    for c in all_samples() {
        let svg = render_svg(&c);
        let prefix = format!("id=\"chart-{}", c.id);
        assert!(svg.matches(" id=\"").count() >= 3);
        assert_eq!(svg.matches(" id=\"").count(), svg.matches(&prefix).count());
    }
}

#[test]
fn user_text_is_escaped_everywhere() {
    for c in evil_charts() {
        let svg = render_svg(&c);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("\"&'"), "{svg}");
        assert!(
            svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{svg}"
        );
        assert!(svg.contains("&quot;&amp;&apos;"), "{svg}");
        assert!(root_tag(&svg).contains("id=\"chart-_script_alert_1___script______x\""));
    }
}

#[test]
fn dark_mode_styles_restyle_theme_colours() {
    for c in all_samples() {
        let svg = render_svg(&c);
        assert!(svg.contains("<style>"));
        assert!(svg.contains("@media (prefers-color-scheme: dark)"));
        assert!(svg.contains("class=\"f-bg\""), "background is themed");
        assert!(svg.contains("<text class=\"f-ink\""), "text is themed");
        assert!(svg.contains("class=\"s-grid\""), "grid is themed");
    }
}

#[test]
fn text_uses_the_system_font_stack_and_round_sizes() {
    let svg = render_svg(&retention());
    assert!(svg.contains("font-family=\"system-ui, sans-serif\""));
    assert!(svg.contains("font-size=\"13\""), "{svg}");
    assert!(!svg.contains("font-size=\"12.9"));
}

#[test]
fn special_bars_are_hatched_full_width_and_labelled() {
    let svg = render_svg(&retention());
    assert!(svg.contains("<pattern id=\"chart-retention-hatch\""));
    let hatched: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains("fill=\"url(#chart-retention-hatch)\""))
        .collect();
    // The special bar and its legend swatch.
    assert_eq!(hatched.len(), 2, "{svg}");
    assert!(hatched[0].contains("x=\"240\"") && hatched[0].contains("width=\"440\""));
    assert!(svg.contains("\nindefinite\n"));
    // Without special bars there is no pattern.
    let ChartKind::Bars { unit, mut bars } = retention().kind else {
        unreachable!()
    };
    bars.retain(|b| !b.special);
    let plain = render_svg(&chart("plain", ChartKind::Bars { unit, bars }));
    assert!(!plain.contains("<pattern"));
    assert!(!plain.contains("url(#"));
}

#[test]
fn bars_are_proportional_and_carry_their_value_labels() {
    let svg = render_svg(&retention());
    for label in [
        "2 years",
        "7 years",
        "30 days",
        "1 day",
        "Email address",
        "days",
    ] {
        assert!(svg.contains(&format!("\n{label}\n")), "{label} missing");
    }
    // 2555 days on an axis to 3000 across 440 px.
    let bar_fill = format!("fill=\"{}\"", theme::hex(theme::BAR));
    let widths: Vec<&str> = svg.lines().filter(|l| l.contains(&bar_fill)).collect();
    assert!(
        widths.iter().any(|l| l.contains("width=\"375\"")),
        "{widths:?}"
    );
}

#[test]
fn grouped_bars_have_a_legend_error_bars_and_gaps() {
    let svg = render_svg(&metrics());
    for name in ["precision_at_10", "recall_at_10", "age: 18-24"] {
        assert!(svg.contains(&format!("\n{name}\n")), "{name}");
    }
    // Two series colours (legend swatch + bars).
    assert!(svg.matches(&theme::hex(theme::series(0))).count() >= 5);
    assert!(svg.matches(&theme::hex(theme::series(1))).count() >= 4);
    // Four intervals, three lines each, in ink, 2 px wide.
    let ci_lines = svg
        .lines()
        .filter(|l| l.starts_with("<polyline class=\"s-ink\"") && l.contains("stroke-width=\"2\""))
        .count();
    assert_eq!(ci_lines, 12, "{svg}");
    assert!(svg.contains("\n0.31 (0.29–0.33)\n"));
    assert!(svg.contains("\nno value\n"));
    // Axis 0..1.
    assert!(svg.contains("\n0\n") && svg.contains("\n1\n") && svg.contains("\n0.6\n"));
}

#[test]
fn heatmap_column_labels_turn_vertical_only_when_they_do_not_fit() {
    let rotated = |svg: &str| svg.matches("transform=\"rotate(270,").count();
    assert_eq!(rotated(&render_svg(&heatmap())), 5);
    let short = chart(
        "short",
        ChartKind::HeatMap {
            rows: strings(&["r"]),
            columns: strings(&["ads", "mail"]),
            cells: vec![vec![1, 2]],
        },
    );
    let svg = render_svg(&short);
    assert_eq!(rotated(&svg), 0);
    assert!(svg.contains("\nads\n") && svg.contains("\nmail\n"));
    let keys = chart(
        "keys",
        ChartKind::HeatMap {
            rows: strings(&["r"]),
            columns: (0..14)
                .map(|i| format!("marketing.advertising.profiling.{i}"))
                .collect(),
            cells: vec![],
        },
    );
    let svg = render_svg(&keys);
    assert_eq!(rotated(&svg), 14);
    let tail_kept = |l: &str| l.starts_with("marketing.") && l.contains('…') && l.ends_with(".13");
    assert!(svg.lines().any(tail_kept), "{svg}");
}

#[test]
fn heatmap_writes_non_zero_counts_and_leaves_zero_cells_empty() {
    let svg = render_svg(&heatmap());
    let empty = format!("fill=\"{}\"", theme::hex(theme::EMPTY));
    // 10 zero cells in the grid plus the legend's empty swatch.
    assert_eq!(svg.lines().filter(|l| l.contains(&empty)).count(), 11);
    assert!(svg.contains("\n6\n"), "the maximum is written");
    // The largest count gets the darkest level and its text colour, with dark-mode classes.
    let top = theme::HEAT_LEVELS;
    assert!(
        svg.contains(&format!("<rect class=\"f-heat{top}\"")),
        "{svg}"
    );
    let text = format!("fill=\"{}\">\n6\n", theme::hex(theme::heat_text(top)));
    assert!(svg.contains(&text), "{svg}");
    assert!(svg.contains(&format!("<text class=\"f-heat-text{top}\"")));
    assert!(svg.contains("\nProvide the service\n"));
}

#[test]
fn long_labels_are_truncated_with_an_ellipsis() {
    let long = "A data element with a really quite remarkably long display name indeed";
    let c = chart(
        "long",
        ChartKind::Bars {
            unit: "elements".into(),
            bars: vec![bar(long, 3.0, "3", false)],
        },
    );
    let svg = render_svg(&c);
    assert!(!svg.contains(long));
    assert!(svg.contains("…\n"));
}

#[test]
fn empty_data_renders_a_small_no_data_chart() {
    let empties = [
        ChartKind::HeatMap {
            rows: vec![],
            columns: strings(&["a"]),
            cells: vec![],
        },
        ChartKind::Bars {
            unit: "days".into(),
            bars: vec![],
        },
        ChartKind::GroupedBars {
            groups: strings(&["all"]),
            series: vec![],
            values: vec![],
        },
    ];
    for kind in empties {
        let svg = render_svg(&chart("empty", kind));
        assert!(svg.contains("\nNo data to show.\n"), "{svg}");
        assert!(root_tag(&svg).contains("viewBox=\"0 0 800 84\""));
        assert!(svg.contains("role=\"img\""));
    }
}

#[test]
fn odd_values_do_not_panic_and_stay_on_the_canvas() {
    let odd = [f64::NAN, -5.0, 0.0, f64::INFINITY, f64::NEG_INFINITY, 1e300];
    let bars = odd
        .iter()
        .map(|v| bar("x", *v, "", false))
        .collect::<Vec<_>>();
    let svg = render_svg(&chart(
        "odd",
        ChartKind::Bars {
            unit: String::new(),
            bars,
        },
    ));
    assert!(svg.contains("\nn/a\n"));
    assert!(svg.contains("\n-5\n"));
    let grouped = chart(
        "odd-grouped",
        ChartKind::GroupedBars {
            groups: strings(&["a", "b"]),
            series: strings(&["m"]),
            values: vec![
                vec![point(f64::NAN, Some([f64::NAN, 2.0]))],
                vec![point(-0.5, Some([0.9, -1.0]))],
            ],
        },
    );
    let svg = render_svg(&grouped);
    assert!(svg.contains("\nno value\n"));
    assert!(svg.contains("\n-0.5 (-1–0.9)\n"));
    // Ragged heat map rows read as zeros.
    let ragged = chart(
        "ragged",
        ChartKind::HeatMap {
            rows: strings(&["a", "b"]),
            columns: strings(&["x", "y"]),
            cells: vec![vec![3]],
        },
    );
    assert!(render_svg(&ragged).contains("\n3\n"));
    for svg in [render_svg(&grouped), render_svg(&ragged)] {
        assert!(!svg.contains("x=\"-"), "nothing drawn left of the canvas");
    }
}

#[test]
fn one_bar_and_hundreds_of_rows_grow_the_height() {
    let one = render_svg(&chart(
        "one",
        ChartKind::Bars {
            unit: "elements".into(),
            bars: vec![bar("only", 1.0, "1", false)],
        },
    ));
    let many_bars = (0..500)
        .map(|i| {
            bar(
                &format!("element {i}"),
                f64::from(i),
                &i.to_string(),
                i % 7 == 0,
            )
        })
        .collect();
    let many = render_svg(&chart(
        "many",
        ChartKind::Bars {
            unit: "elements".into(),
            bars: many_bars,
        },
    ));
    let height = |svg: &str| -> u32 {
        let root = root_tag(svg);
        let vb = root.split("viewBox=\"0 0 800 ").nth(1).expect("a viewBox");
        vb.split('"')
            .next()
            .and_then(|h| h.parse().ok())
            .expect("a height")
    };
    assert!(height(&one) < 200);
    assert!(height(&many) > 500 * 28);
    assert!(many.contains("\nelement 499\n"));
    let wide = chart(
        "wide",
        ChartKind::HeatMap {
            rows: (0..300).map(|i| format!("row {i}")).collect(),
            columns: (0..60).map(|i| format!("column {i}")).collect(),
            cells: (0..300)
                .map(|r| (0..60).map(|c| (r * c % 11) as u32).collect())
                .collect(),
        },
    );
    let svg = render_svg(&wide);
    assert!(
        root_tag(&svg).contains("viewBox=\"0 0 2020 "),
        "{}",
        root_tag(&svg)
    );
}

/// "While your account is open, then 30 days" is not a 30-day bar: the open-ended time comes
/// first, hatched and ending in an arrow, named under the row and in the legend, and the
/// period's axis starts after it.
#[test]
fn a_lead_is_drawn_as_an_open_ended_segment_before_the_period() {
    let mut bars = vec![
        bar("Account data", 30.0, "30 days", false),
        bar("Logs", 90.0, "90 days", false),
    ];
    bars[0].lead = Some("Until you close your account".into());
    let c = chart(
        "keep",
        ChartKind::Bars {
            unit: "days".into(),
            bars,
        },
    );
    let svg = render_svg(&c);
    let hatched: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains("fill=\"url(#chart-keep-hatch)\""))
        .collect();
    // The lead's segment (from the plot's start, up to its arrow) and its legend swatch.
    assert_eq!(hatched.len(), 2, "{svg}");
    assert!(hatched[0].contains("x=\"240\""), "{}", hatched[0]);
    assert!(svg.contains("\nUntil you close your account\n"), "{svg}");
    assert!(svg.contains("\nUntil the event: no fixed length; the period starts after it\n"));
    // The axis (and both bars) start after the lead zone: 240 + 64 + 4.
    let bar_fill = format!("fill=\"{}\"", theme::hex(theme::BAR));
    let starts: Vec<&str> = svg.lines().filter(|l| l.contains(&bar_fill)).collect();
    assert_eq!(starts.len(), 2);
    assert!(starts.iter().all(|l| l.contains("x=\"308\"")), "{starts:?}");
    // The arrow: a two-pixel polyline pointing right at the segment's end.
    assert!(
        svg.contains("<polyline") && svg.contains("stroke-width=\"2\""),
        "{svg}"
    );
    // Without leads, nothing of this.
    let plain = render_svg(&retention());
    assert!(!plain.contains("Until the event"));
}
