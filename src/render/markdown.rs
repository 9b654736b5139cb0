//! Markdown (model card bodies, free pages) -> safe HTML: pulldown-cmark renders, then ammonia
//! sanitises (pulldown-cmark passes raw `<script>` through). Headings are demoted one level so
//! the page's own title stays its only `<h1>`, and images from other hosts are dropped so no
//! page loads anything from elsewhere. Links within the site are made to work from `file://`
//! and any sub-path: `../contact/` becomes `../contact/index.html`, and `/data/x/` becomes
//! relative to the page's root.

use std::borrow::Cow;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.attribute_filter(|element, attribute, value| {
        if element == "img" && attribute == "src" && !is_local(value) {
            None
        } else {
            Some(Cow::Borrowed(value))
        }
    });
    b
});

/// A URL that stays on this site: no scheme and not protocol-relative.
fn is_local(url: &str) -> bool {
    let url = url.trim();
    let before_path = url.split(['/', '?', '#']).next().unwrap_or("");
    !url.starts_with("//") && !url.starts_with('\\') && !before_path.contains(':')
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// A link within the site, made to work without a server: a directory gets `index.html`, and
/// a site-absolute path (`/data/`) becomes relative to `root` (the page's way back to the root).
fn local_link<'a>(url: CowStr<'a>, root: &str) -> CowStr<'a> {
    if !is_local(&url) || url.starts_with('#') || url.is_empty() {
        return url;
    }
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(split);
    let path = match path.strip_prefix('/') {
        Some(abs) => format!("{root}{abs}"),
        None => path.to_string(),
    };
    let path = if path.ends_with('/') || path.is_empty() || path == ".." || path.ends_with("/..") {
        let sep = if path.is_empty() || path.ends_with('/') {
            ""
        } else {
            "/"
        };
        format!("{path}{sep}index.html")
    } else {
        path
    };
    CowStr::from(format!("{path}{rest}"))
}

/// Renders Markdown to sanitised HTML, safe to insert into a page unescaped. `root` is the
/// page's way back to the site root (`../../`), used for site-absolute links.
pub fn to_html(markdown: &str, root: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: local_link(dest_url, root),
            title,
            id,
        }),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    SANITIZER.clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn renders_and_demotes_headings() {
        let html = to_html(
            "# Why\n\nWe **never** use *gender*.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "",
        );
        assert!(html.contains("<h2>Why</h2>"), "{html}");
        assert!(html.contains("<strong>never</strong>"), "{html}");
        assert!(html.contains("<td>1</td>"), "{html}");
    }

    #[test]
    fn strips_scripts_handlers_and_javascript_links() {
        let html = to_html(
            "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n<iframe src=//evil></iframe>",
            "",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert('x')"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<iframe"), "{html}");
    }

    #[test]
    fn drops_remote_images_but_keeps_local_ones_and_links() {
        let html = to_html(
            "![a](https://cdn.example/x.png) ![b](../img/y.png) [site](https://example.com)",
            "",
        );
        assert!(!html.contains("cdn.example"), "{html}");
        assert!(html.contains("src=\"../img/y.png\""), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
    }
}

#[cfg(test)]
mod link_tests {
    use super::to_html;

    #[test]
    fn site_links_work_without_a_server() {
        let html = to_html(
            "[a](../contact/) [b](/models/x/#metrics) [c](data.json) [d](https://x.example/y/) [e](#top) [f](..)",
            "../../",
        );
        assert!(html.contains("href=\"../contact/index.html\""), "{html}");
        assert!(
            html.contains("href=\"../../models/x/index.html#metrics\""),
            "{html}"
        );
        assert!(html.contains("href=\"data.json\""), "{html}");
        assert!(html.contains("href=\"https://x.example/y/\""), "{html}");
        assert!(html.contains("href=\"#top\""), "{html}");
        assert!(html.contains("href=\"../index.html\""), "{html}");
    }
}
