//! A layout rendered once and filled in gives, for every page, the bytes of rendering it for
//! that page; a layout that steers by a page's own values is rendered per page.

use super::*;
use crate::config::Audience;
use crate::render::theme::{builtin_templates, TemplateSource};
use crate::site::plan;

fn builtin_base() -> &'static str {
    let found = builtin_templates().iter().find(|(n, _)| *n == LAYOUT);
    found.expect("a built-in layout").1
}

/// The frame of the demo site with `base` as its layout.
fn frame(base: &str) -> Frame {
    frame_titled(base, None)
}

/// [`frame`], the site's title replaced by `title` when given.
fn frame_titled(base: &str, title: Option<&str>) -> Frame {
    let mut theme = Theme::builtin();
    let source = TemplateSource {
        text: base.to_string().into(),
        file: format!("templates/{LAYOUT}"),
    };
    theme.templates.insert(LAYOUT.to_string(), source);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut catalog = crate::load_catalog(root).expect("the demo");
    if let Some(title) = title {
        catalog.config.title = title.to_string();
    }
    let site = plan(&catalog, Audience::Public);
    let tera = tera_env::build(&theme, &catalog, &site).expect("templates");
    Frame::new(&theme, &tera).expect("a layout that frames")
}

/// `base` with `line` before `</head>`.
fn with(line: &str) -> String {
    builtin_base().replacen("</head>", &format!("{line}\n</head>"), 1)
}

/// Titles and places whose values test escaping, depth, the menu and the date.
const PAGES: [(&str, &str, &str, Option<&str>); 7] = [
    ("Home", "index.html", "home", Some("2026-01-02")),
    (
        "What we collect",
        "data/index.html",
        "data",
        Some("2026-01-02"),
    ),
    (
        "<b>Tom & \"Jerry's\"</b>",
        "data/tom/index.html",
        "data",
        Some("2026-01-02"),
    ),
    ("Plain", "data/plain/index.html", "data", None),
    (
        "Page 2 & more",
        "data/page/2/index.html",
        "data",
        Some("2025-12-31"),
    ),
    ("Your rights", "rights/index.html", "pages", None),
    ("A & B", "pages/a-b/index.html", "pages", Some("2026-01-02")),
];

/// Every page's shell equals Tera's render for it; returns how many renders were cached.
fn agrees(frame: &Frame) -> usize {
    let view = serde_json::json!({});
    for (title, path, section, date) in PAGES.iter().chain(PAGES.iter()) {
        let shell = frame
            .shell(&view, title, path, section, *date)
            .expect("a shell");
        let whole = frame
            .render(&view, title, path, section, *date)
            .expect("a render");
        assert_eq!(shell.head(), whole.head(), "{path}");
        assert_eq!(shell.foot(), whole.foot(), "{path}");
    }
    frame
        .cuts
        .as_ref()
        .map_or(0, |c| c.by_key.lock().expect("a lock").len())
}

#[test]
fn the_builtin_layout_is_rendered_once_per_section_menu_entry_and_date() {
    let cached = agrees(&frame(builtin_base()));
    // home; data index; two dated data pages and one undated; rights; a free page.
    assert_eq!(cached, 7);
}

#[test]
fn plain_and_raw_prints_of_a_page_value_are_filled_in() {
    for line in [
        "<meta name=\"t\" content=\"{{ page_title }}|{{ page_path }}|{{ page_url }}\">",
        "<meta name=\"t\" content=\"{{ page_title | safe }}\">{{- root -}}",
        "{% if root == \"../../\" %}<meta name=\"deep\">{% endif %}",
    ] {
        let frame = frame(&with(line));
        assert!(agrees(&frame) > 0, "{line}: cached");
    }
}

#[test]
fn a_layout_that_tests_or_filters_a_page_value_is_rendered_per_page() {
    for line in [
        "{{ page_title | upper }}",
        "{% if page_path == \"data/tom/index.html\" %}<meta name=\"tom\">{% endif %}",
        "{{ page_url ~ \"#top\" }}",
        "{% set page_title = \"x\" %}",
    ] {
        let frame = frame(&with(line));
        assert_eq!(agrees(&frame), 0, "{line}: rendered per page");
    }
}

#[test]
fn stand_ins_are_cut_only_where_well_formed() {
    let cut = pieces("a\u{2}4&amp;\u{3}b\u{2}7&\u{3}", 4).expect("cut");
    assert_eq!(
        cut,
        [
            Piece::Text("a".into()),
            Piece::Hole {
                value: 0,
                escaped: true
            },
            Piece::Text("b".into()),
            Piece::Hole {
                value: 3,
                escaped: false
            },
        ]
    );
    for bad in [
        "\u{2}8&\u{3}",
        "\u{2}3&\u{3}",
        "\u{2}4\u{3}",
        "\u{2}4&",
        "x\u{3}",
        "\u{2}4&lt;\u{3}",
    ] {
        assert_eq!(pieces(bad, 4), None, "{bad:?}");
    }
    // A layout holding a stand-in byte itself is rendered per page.
    assert!(frame(&with("\u{2}")).cuts.is_none());
}

/// The site's own text may hold a stand-in's bytes (a title of `X\u{2}0&\u{3}Y`, printed raw by
/// a layout): it is not taken for a hole, and every page still gets Tera's own bytes.
#[test]
fn a_stand_in_in_the_sites_own_text_is_not_a_hole() {
    let base = builtin_base().replacen(
        "<span>{{ site.title }}</span>",
        "<span>{{ site.title | safe }}</span>",
        1,
    );
    assert_ne!(base, builtin_base());
    let frame = frame_titled(&base, Some("X\u{2}0&\u{3}Y"));
    assert!(frame.cuts.is_some());
    let view = serde_json::json!({});
    for (title, path, section, date) in PAGES {
        let title = format!("<script>{title}");
        let shell = frame
            .shell(&view, &title, path, section, date)
            .expect("a shell");
        let whole = frame
            .render(&view, &title, path, section, date)
            .expect("a render");
        assert_eq!(shell.head(), whole.head(), "{path}");
        assert!(!shell.head().contains("<script>"), "{path}");
    }
}
