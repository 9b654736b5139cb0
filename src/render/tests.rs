//! End-to-end tests of the render stage on the hand-built test catalog.

use std::collections::BTreeMap;

use super::*;
use crate::config::Audience;
use crate::site::chart::Chart;
use crate::site::{plan, testkit};

mod element_page;
mod facts;

/// A stand-in for the chart renderer: a tiny, escaped SVG naming the chart.
fn fake_svg(chart: &Chart) -> String {
    let title = chart.title.replace('&', "&amp;").replace('<', "&lt;");
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>{title}</title></svg>")
}

fn build(catalog: &Catalog, audience: Audience, theme: &Theme) -> BTreeMap<String, String> {
    let site = plan(catalog, audience);
    render_with(&site, catalog, theme, fake_svg)
        .expect("renders")
        .into_iter()
        .map(|f| {
            let path = f.path.to_string_lossy().replace('\\', "/");
            (path, String::from_utf8_lossy(&f.bytes).into_owned())
        })
        .collect()
}

#[test]
fn renders_every_page_chart_and_export() {
    let c = testkit::catalog();
    let site = plan(&c, Audience::Public);
    let out = build(&c, Audience::Public, &Theme::builtin());
    for page in &site.pages {
        assert!(out.contains_key(&page.path), "missing {}", page.path);
    }
    for f in [
        "data.json",
        "sitemap.xml",
        "charts/collection-heatmap.svg",
        "charts/retention-periods.svg",
        "charts/model-style-recommender-metrics.svg",
        "assets/candor.css",
        "assets/candor.js",
    ] {
        assert!(out.contains_key(f), "missing {f}");
    }
}

#[test]
fn element_page_shows_reasons_retention_and_links() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Public, &Theme::builtin());
    let page = &out["data/email_address/index.html"];
    assert!(page.contains("<h1>Email address</h1>"), "{page}");
    assert!(page.contains("To send your receipts"));
    assert!(page.contains("To send offers you asked for"));
    assert!(page.contains("30 days after you close your account"));
    assert!(page.contains("href=\"../../retention/index.html#policy-account\""));
    assert!(page.contains("href=\"../../recipients/index.html#recipient-mailer\">Mailer Ltd</a>"));
    assert!(page.contains("href=\"../../assets/candor.css\""));
    assert_eq!(page.matches("<h1").count(), 1, "one h1 per page");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains(crate::taxonomy::ATTRIBUTION));
}

#[test]
fn model_page_links_inputs_and_strips_scripts() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Public, &Theme::builtin());
    let page = &out["models/style-recommender/index.html"];
    assert!(page.contains("href=\"../../data/purchase_history/index.html\">Purchase history</a>"));
    assert!(
        page.contains("shoe_size"),
        "undeclared inputs are still listed"
    );
    assert!(page.contains("Credit decisions"));
    assert!(page.contains("Reinforcing stereotypes"));
    assert!(page.contains("Gender is never an input"));
    assert!(page.contains("Merchandisers review weekly."));
    assert!(
        page.contains("<h3>Why no demographics</h3>"),
        "body rendered, headings demoted"
    );
    assert!(page.contains("<td class=\"num\" data-label=\"Result\">0.27</td>"));
    assert!(!page.contains("<script>alert"), "markdown script stripped");
    assert!(page.contains("<svg"), "chart inlined");
}

#[test]
fn public_build_leaks_no_internal_marker_anywhere() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Public, &Theme::builtin());
    for (path, text) in &out {
        for marker in testkit::INTERNAL_MARKERS {
            assert!(!text.contains(marker), "{marker} leaked into {path}");
        }
        if path.ends_with(".html") {
            assert!(!text.contains("noindex"), "{path}");
            assert!(!text.contains("do not publish"), "{path}");
        }
    }
}

#[test]
fn internal_build_marks_every_page_and_shows_internal_fields() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Internal, &Theme::builtin());
    for (path, text) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(text.contains("Internal — do not publish"), "{path}");
        assert!(
            text.contains("<meta name=\"robots\" content=\"noindex"),
            "{path}"
        );
    }
    let email = &out["data/email_address/index.html"];
    for marker in [
        "OWNER-MARKER",
        "NOTES-MARKER",
        "XCOL-MARKER",
        "INTERNAL-WHY-MARKER",
    ] {
        assert!(
            email.contains(marker),
            "{marker} missing on the internal element page"
        );
    }
    assert!(out["systems/index.html"].contains("SYSOWNER-MARKER"));
    assert!(out["models/style-recommender/index.html"].contains("MODEL-INTERNAL-MARKER"));
    assert!(out.contains_key("data/secret_marker_element/index.html"));
}

#[test]
fn every_value_is_escaped() {
    let mut c = testkit::catalog();
    c.uses[0].why = "<script>alert('why')</script>".into();
    c.elements[0].name = "Email <b>address</b>".into();
    c.recipients[0].dpa_url = Some("javascript:alert(1)".into());
    let out = build(&c, Audience::Public, &Theme::builtin());
    let page = &out["data/email_address/index.html"];
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;alert("), "{page}");
    assert!(
        page.contains("Email &lt;b&gt;address&lt;&#x2f;b&gt;")
            || page.contains("Email &lt;b&gt;address&lt;/b&gt;"),
        "{page}"
    );
    for (path, text) in &out {
        // A CSV cell holds the text as written (a download, never rendered as HTML).
        if path.ends_with(".csv") {
            continue;
        }
        assert!(!text.contains("<script>alert"), "unescaped in {path}");
        assert!(
            !text.contains("href=\"javascript:"),
            "javascript link in {path}"
        );
    }
}

#[test]
fn a_site_template_overrides_the_builtin_by_name() {
    let c = testkit::catalog();
    let mut theme = Theme::builtin();
    theme.templates.insert(
        "page.html".into(),
        theme::TemplateSource {
            text: "{% extends \"base.html\" %}{% block content %}<h1>MINE: {{ page_title }}</h1>{% endblock content %}".into(),
            file: "templates/page.html".into(),
        },
    );
    let out = build(&c, Audience::Public, &theme);
    let page = &out["pages/your-rights/index.html"];
    assert!(page.contains("<h1>MINE: Your rights</h1>"), "{page}");
    assert!(
        page.contains("class=\"site-footer\""),
        "still extends the built-in base"
    );
}

#[test]
fn rendering_errors_name_template_line_and_page() {
    let c = testkit::catalog();
    let mut theme = Theme::builtin();
    theme.templates.insert(
        "page.html".into(),
        theme::TemplateSource {
            text: "ok\n{{ no_such_value.field }}\n".into(),
            file: "templates/page.html".into(),
        },
    );
    let site = plan(&c, Audience::Public);
    let Err(Error::Invalid(errors)) = render_with(&site, &c, &theme, fake_svg) else {
        panic!("expected a template error");
    };
    let d = errors.iter().next().expect("one error");
    assert_eq!(
        (d.file.to_str(), d.line, d.column),
        (Some("templates/page.html"), Some(2), Some(4)),
        "{d:?}"
    );
    assert_eq!(d.snippet.as_deref(), Some("{{ no_such_value.field }}"));
    assert!(d.message.contains("pages/your-rights/index.html"), "{d:?}");
}

#[test]
fn a_static_file_cannot_replace_a_generated_one() {
    let c = testkit::catalog();
    let mut theme = Theme::builtin();
    theme
        .assets
        .insert("index.html".into(), b"x".as_slice().into());
    let site = plan(&c, Audience::Public);
    let Err(Error::Invalid(d)) = render_with(&site, &c, &theme, fake_svg) else {
        panic!("expected a clash");
    };
    assert!(d.to_string().contains("static/index.html"), "{d}");
}

#[test]
fn a_static_file_cannot_take_the_place_of_a_generated_directory() {
    let c = testkit::catalog();
    let site = plan(&c, Audience::Public);
    for (asset, says) in [
        (
            "data/email_address",
            "generated directory `data/email_address/`",
        ),
        ("data", "generated directory `data/`"),
        (
            "data.json/x.css",
            "generated file `data.json` to be a directory",
        ),
    ] {
        let mut theme = Theme::builtin();
        theme.assets.insert(asset.into(), b"x".as_slice().into());
        let Err(Error::Invalid(d)) = render_with(&site, &c, &theme, fake_svg) else {
            panic!("{asset}: expected a clash");
        };
        let d = d.to_string();
        assert!(
            d.contains(&format!("static/{asset}")) && d.contains(says),
            "{d}"
        );
    }
}

/// Every relative `href`/`src` of every page resolves to a file of the build.
#[test]
fn every_relative_link_resolves() {
    let c = testkit::catalog();
    for audience in [Audience::Public, Audience::Internal] {
        let out = build(&c, audience, &Theme::builtin());
        for (path, text) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
            let dir: Vec<&str> = path.split('/').collect();
            let dir = &dir[..dir.len() - 1];
            for attr in ["href=\"", "src=\""] {
                for link in text.split(attr).skip(1).filter_map(|s| s.split('"').next()) {
                    if link.contains(':') || link.starts_with('#') {
                        continue;
                    }
                    let target = link.split('#').next().unwrap_or(link);
                    let mut parts: Vec<&str> = dir.to_vec();
                    for seg in target.split('/') {
                        match seg {
                            ".." => {
                                assert!(
                                    parts.pop().is_some(),
                                    "{link} in {path} climbs above the root"
                                );
                            }
                            "" | "." => {}
                            s => parts.push(s),
                        }
                    }
                    let resolved = parts.join("/");
                    assert!(
                        out.contains_key(&resolved),
                        "{path}: broken link {link} -> {resolved}"
                    );
                }
            }
        }
    }
}

#[test]
fn output_is_reproducible() {
    let c = testkit::catalog();
    let a = build(&c, Audience::Public, &Theme::builtin());
    let b = build(&c, Audience::Public, &Theme::builtin());
    assert_eq!(a, b);
}

#[test]
fn real_charts_are_inlined_and_written() {
    let c = testkit::catalog();
    let site = plan(&c, Audience::Public);
    let files = render(&site, &c, &Theme::builtin()).expect("renders");
    let get = |p: &str| {
        files
            .iter()
            .find(|f| f.path == std::path::Path::new(p))
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
            .unwrap_or_else(|| panic!("missing {p}"))
    };
    let svg = get("charts/collection-heatmap.svg");
    assert!(svg.contains("<svg"), "{svg}");
    let home = get("index.html");
    assert!(home.contains("Which data we collect and why"));
    assert!(home.contains("<svg"), "heat map inlined on the home page");
    assert!(
        home.contains("<th scope=\"row\">Contact Data</th>"),
        "numbers as a table"
    );
}

/// Writes the test catalog's site to `$CANDOR_PREVIEW` (default `/tmp/candor-preview`) for
/// looking at it in a browser: `cargo test write_preview -- --ignored`.
#[test]
#[ignore]
fn write_preview() {
    let dir = std::env::var("CANDOR_PREVIEW").unwrap_or_else(|_| "/tmp/candor-preview".into());
    for audience in [Audience::Public, Audience::Internal] {
        let c = testkit::catalog();
        let site = plan(&c, audience);
        let files = render(&site, &c, &Theme::builtin()).expect("renders");
        let root = std::path::Path::new(&dir).join(format!("{audience:?}").to_lowercase());
        for f in files {
            let path = root.join(&f.path);
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
            std::fs::write(path, f.bytes).expect("write");
        }
    }
}

#[test]
fn markdown_links_are_relative_to_the_page() {
    let mut c = testkit::catalog();
    c.pages[0].body = "See [your email](/data/email_address/) and [models](../../models/).".into();
    let out = build(&c, Audience::Public, &Theme::builtin());
    let page = &out["pages/your-rights/index.html"];
    assert!(
        page.contains("href=\"../../data/email_address/index.html\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../models/index.html\""), "{page}");
}

#[test]
fn no_page_repeats_an_id() {
    let c = testkit::catalog();
    for audience in [Audience::Public, Audience::Internal] {
        let out = build(&c, audience, &Theme::builtin());
        for (path, text) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
            let mut ids: Vec<&str> = text
                .split(" id=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "{path} repeats an id");
        }
    }
}

#[test]
fn an_empty_catalog_renders_every_section() {
    let mut c = testkit::catalog();
    c.elements.clear();
    c.uses.clear();
    c.retention.clear();
    c.recipients.clear();
    c.systems.clear();
    c.models.clear();
    c.pages.clear();
    c.index = crate::model::Index::default();
    let site = plan(&c, Audience::Public);
    let files = render(&site, &c, &Theme::builtin()).expect("renders");
    let home = files
        .iter()
        .find(|f| f.path == std::path::Path::new("index.html"))
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .expect("home page");
    assert!(home.contains("We use no AI models on your data"), "{home}");
    assert!(home.contains("Nobody outside Northwind Threads"), "{home}");
    assert_eq!(
        site.pages.len(),
        10,
        "home, data, categories, purposes, 3 registers, models, rights, the whole notice"
    );
}

#[test]
fn a_static_file_cannot_take_a_sitemap_part_name_even_on_a_small_site() {
    // A small site writes no `sitemap-N.xml`, but one with longer URLs or more pages would.
    let c = testkit::catalog();
    let site = plan(&c, Audience::Public);
    for asset in ["sitemap-7.xml", "sitemap-1.xml/x.css"] {
        let mut theme = Theme::builtin();
        theme.assets.insert(asset.into(), b"x".as_slice().into());
        let Err(Error::Invalid(d)) = render_with(&site, &c, &theme, fake_svg) else {
            panic!("{asset}: expected a clash");
        };
        assert!(d.to_string().contains(&format!("static/{asset}")), "{d}");
    }
    let mut theme = Theme::builtin();
    theme
        .assets
        .insert("sitemap-notes.xml".into(), b"x".as_slice().into());
    assert!(render_with(&site, &c, &theme, fake_svg).is_ok());
}
