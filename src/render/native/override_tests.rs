//! A site's overrides: the kinds they send back to Tera are read from the templates, and a
//! site's own `base.html` frames native bodies with the bytes Tera would give.

use std::path::Path;

use super::mirrored::mirrored;
use super::tests::{compare_in, repo};
use super::*;
use crate::config::Audience;
use crate::render::theme::{builtin_templates, TemplateSource};
use crate::render::{collect, page::Drawn, render_counted, tera_env, OutputFile};
use crate::site::audit::SiteAudit;
use crate::site::plan;

/// The built-in theme with `overrides` in the site's `templates/`.
fn with(overrides: &[(&str, &str)]) -> Theme {
    let mut theme = Theme::builtin();
    for (name, text) in overrides {
        let source = TemplateSource {
            text: text.to_string().into(),
            file: format!("templates/{name}"),
        };
        theme.templates.insert(name.to_string(), source);
    }
    theme
}

fn builtin(name: &str) -> &'static str {
    let found = builtin_templates().iter().find(|(n, _)| *n == name);
    found.expect("a built-in template").1
}

/// The built-in `base.html` with `line` added after the generator's `<meta>`.
fn base_with(line: &str) -> String {
    let meta = "<meta name=\"generator\" content=\"candor\">\n";
    builtin("base.html").replacen(meta, &format!("{meta}{line}\n"), 1)
}

const ONE_LINE: &str = "<meta name=\"theme\" content=\"mine\">";

/// How each native kind renders on the demo with `theme`.
fn modes(theme: &Theme) -> [Mode; SLOTS] {
    let catalog = crate::load_catalog(&repo("")).expect("the demo");
    let site = plan(&catalog, Audience::Public);
    let tera = tera_env::build(theme, &catalog, &site).expect("templates");
    let globals = tera_env::globals(theme, &catalog, &site);
    Native::new(theme, &tera, globals, site.lang).kinds
}

/// Every file of the site at `root` with `theme` (internal builds with the audit), and how
/// many pages each renderer drew.
fn build(root: &Path, theme: &Theme, audience: Audience) -> (Vec<OutputFile>, [usize; 3]) {
    let catalog = crate::load_catalog(root).expect("a valid site");
    let today = jiff::civil::date(2026, 11, 29);
    let (audit, reviews) = crate::pipeline::audit_for_build(&catalog, today).expect("audits");
    let mut site = plan(&catalog, audience);
    if audience == Audience::Internal {
        site = site.with_audit(SiteAudit::new(&catalog, &audit, reviews));
    }
    let drawn = Drawn::default();
    let draw = crate::render::charts::render_svg;
    let files = collect(|sink| render_counted(&site, &catalog, theme, draw, None, sink, &drawn))
        .expect("renders");
    (files, drawn.counts())
}

fn pages(files: &[OutputFile]) -> impl Iterator<Item = (&Path, &str)> {
    files
        .iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "html"))
        .map(|f| {
            (
                f.path.as_path(),
                std::str::from_utf8(&f.bytes).expect("UTF-8"),
            )
        })
}

#[test]
fn what_each_kind_uses_is_read_from_the_templates() {
    let m = mirrored();
    let element: Vec<&str> = m.body[0].iter().map(String::as_str).collect();
    assert_eq!(
        element,
        [
            "data_label.html",
            "element.html",
            "finding.html",
            "findings.html",
            "macros.html"
        ]
    );
    assert!(
        m.framed.iter().all(|&f| f),
        "every native kind extends base.html"
    );
    assert!(m.layout.contains("base.html"));
    // What was found is all Tera needs: the built-in theme cut down to one kind's templates
    // builds (Tera refuses a missing include, parent or component).
    let catalog = crate::load_catalog(&repo("")).expect("the demo");
    let site = plan(&catalog, Audience::Public);
    for (i, body) in m.body.iter().enumerate() {
        let mut theme = Theme::builtin();
        theme
            .templates
            .retain(|name, _| body.contains(name) || m.layout.contains(name));
        let built = tera_env::build(&theme, &catalog, &site);
        assert!(built.is_ok(), "{}: {:?}", ROOTS[i], built.err());
    }
}

#[test]
fn a_template_included_only_transitively_sends_its_kinds_to_tera() {
    // finding.html is included by findings.html, which element.html and model.html include.
    let mine = "<li class=\"finding\">MINE</li>";
    let theme = with(&[("finding.html", mine)]);
    let (t, n) = (Mode::Tera, Mode::Native);
    assert_eq!(modes(&theme), [t, n, n, n, n, n, n, t, n]);
    let root = repo("tests/fixtures/audit/everything");
    let (files, [native, framed, _]) = build(&root, &theme, Audience::Internal);
    let shown = pages(&files)
        .filter(|(p, html)| p.starts_with("data/") && html.contains(mine))
        .count();
    assert!(shown > 0, "no element page shows the site's finding.html");
    assert!(native > 0 && framed == 0);
}

#[test]
fn a_one_line_base_html_frames_native_pages() {
    let theme = with(&[("base.html", &base_with(ONE_LINE))]);
    assert_eq!(modes(&theme), [Mode::Framed; SLOTS]);
    let (files, [native, framed, tera]) = build(&repo(""), &theme, Audience::Public);
    for (path, html) in pages(&files) {
        assert!(
            html.contains(ONE_LINE),
            "{} lacks the site's line",
            path.display()
        );
    }
    let elements = pages(&files)
        .filter(|(p, _)| p.starts_with("data/") && p.components().count() == 3)
        .count();
    assert!(elements > 0);
    assert_eq!(native, 0);
    assert!(
        framed >= elements,
        "{framed} framed, {elements} element pages"
    );
    assert_eq!(native + framed + tera, pages(&files).count());
}

#[test]
fn framed_pages_are_the_bytes_tera_gives() {
    let one_line = with(&[("base.html", &base_with(ONE_LINE))]);
    // A layout that reads a page's own values gets the page's whole context.
    let reads_page =
        base_with("{% if name is defined %}<meta name=\"x\" content=\"{{ name }}\">{% endif %}");
    let reads_page = with(&[("base.html", &reads_page)]);
    for theme in [&one_line, &reads_page] {
        assert_eq!(modes(theme), [Mode::Framed; SLOTS]);
        for audience in [Audience::Public, Audience::Internal] {
            for extras in [false, true] {
                let counts = compare_in(&repo(""), theme, audience, None, extras);
                assert!(counts.iter().all(|&n| n > 0), "{counts:?}");
            }
            let counts = compare_in(&repo("tests/fixtures/models"), theme, audience, None, false);
            assert_eq!(counts[7..], [4, 1], "{counts:?}");
        }
    }
}

#[test]
fn a_layout_that_could_change_the_body_sends_its_pages_to_tera() {
    let base = builtin("base.html");
    let content = "{% block content %}{% endblock content %}";
    let wrapped =
        |before: &str, after: &str| base.replacen(content, &format!("{before}{content}{after}"), 1);
    for layout in [
        // A filter over the body.
        wrapped("{% filter upper %}", "{% endfilter %}"),
        // Captured, then printed changed.
        wrapped(
            "{% set body %}",
            "{% endset %}{{ body | replace(from=\"a\", to=\"b\") }}",
        ),
        // Dumps the whole context.
        format!("{{{{ __tera_context }}}}{base}"),
    ] {
        let theme = with(&[("base.html", &layout)]);
        assert_eq!(modes(&theme), [Mode::Tera; SLOTS], "{layout}");
    }
    // A variable the body reads, set by the layout, changes the body: those kinds go to Tera.
    let sets_root = with(&[("base.html", &format!("{{% set root = \"/x/\" %}}{base}"))]);
    assert_eq!(modes(&sets_root), [Mode::Tera; SLOTS]);
    // One no body reads does not.
    let sets_other = with(&[("base.html", &format!("{{% set mine = 1 %}}{base}"))]);
    assert_eq!(modes(&sets_other), [Mode::Framed; SLOTS]);
    // The built-in base.html sets `items`: no body may read it, or a one-line change to it
    // would send every page to Tera.
    assert!(mirrored().names.iter().all(|n| !n.contains("items")));
}
