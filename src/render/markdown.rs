//! Markdown (model card bodies, free pages) -> safe HTML: pulldown-cmark renders, then ammonia
//! sanitises (pulldown-cmark passes raw `<script>` through). Headings are fitted under the
//! heading the body sits below: the page's own title stays its only `<h1>`, the body's top
//! headings come one level down, and no level is skipped (WCAG 1.3.1: headings in order, whether
//! the author wrote `#` or `##`). Images from other hosts are dropped so no
//! page loads anything from elsewhere. Links within the site are made to work from `file://`
//! and any sub-path: `../contact/` becomes `../contact/index.html`, and `/data/x/` becomes
//! relative to the page's root.

use std::borrow::Cow;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The accessible names of a task list's checkboxes (the state is also `checked`).
const TASK_DONE: &str = "done";
const TASK_OPEN: &str = "not done";

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    // Task lists: an `<input>` is only ever a checkbox with no name, value or form, whatever
    // the source says. (One forced attribute only: ammonia adds forced attributes in hash
    // order, which would make the output differ between runs.)
    b.add_tags(["input"])
        .add_tag_attributes("input", ["checked", "disabled", "aria-label"])
        .set_tag_attribute_value("input", "type", "checkbox");
    b.attribute_filter(|element, attribute, value| {
        if element == "input" && attribute == "aria-label" {
            return [TASK_DONE, TASK_OPEN]
                .contains(&value)
                .then_some(Cow::Borrowed(value));
        }
        if !matches!(attribute, "href" | "src" | "cite") {
            return Some(Cow::Borrowed(value));
        }
        let url = browser_url(value);
        if url.starts_with("//") || (element == "img" && attribute == "src" && !is_local(&url)) {
            None
        } else {
            Some(Cow::Owned(url.into_owned()))
        }
    });
    b
});

/// Sanitises HTML exactly as a page body is sanitised (for the exports' Markdown source).
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// `url` as a browser reads it in an http(s) page (WHATWG URL parsing): leading and trailing
/// C0 controls and spaces trimmed, tabs and line breaks removed, backslashes read as slashes.
/// So `/\evil.example/a.png` and `/<tab>/evil.example` are the protocol-relative URLs they are.
pub fn browser_url(url: &str) -> Cow<'_, str> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    if !trimmed.contains(['\t', '\n', '\r', '\\']) {
        return Cow::Borrowed(trimmed);
    }
    Cow::Owned(
        trimmed
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .map(|c| if c == '\\' { '/' } else { c })
            .collect(),
    )
}

/// A URL that stays on this site, as a browser reads it: no scheme and not protocol-relative.
fn is_local(url: &str) -> bool {
    let url = browser_url(url);
    let before_path = url.split(['/', '?', '#']).next().unwrap_or("");
    !url.starts_with("//") && !before_path.contains(':')
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn heading_level(n: u8) -> HeadingLevel {
    match n {
        0..=1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The level each heading of a body gets, in document order, when the body sits below a
/// heading of level `below`: the shallowest level the author used becomes `below + 1`, the
/// others keep their distance from it, and none is more than one level deeper than the heading
/// before it (so `#`, `###` becomes `h2`, `h3`, not `h2`, `h4`).
fn fitted_levels(levels: &[u8], below: u8) -> Vec<u8> {
    let Some(&top) = levels.iter().min() else {
        return Vec::new();
    };
    let first = below.clamp(1, 5) + 1;
    let mut previous = first - 1;
    levels
        .iter()
        .map(|&l| {
            let level = (l - top + first).min(previous + 1).min(6);
            previous = level;
            level
        })
        .collect()
}

/// A link within the site, made to work without a server: a directory gets `index.html`, and
/// a site-absolute path (`/data/`) becomes relative to `root` (the page's way back to the root).
fn local_link<'a>(url: CowStr<'a>, root: &str) -> CowStr<'a> {
    let url = match browser_url(&url) {
        Cow::Borrowed(b) if b.len() == url.len() => url,
        other => CowStr::from(other.into_owned()),
    };
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
/// page's way back to the site root (`../../`), used for site-absolute links; `below` is the
/// level of the heading the body sits under (1 under the page's `<h1>`).
pub fn to_html(markdown: &str, root: &str, below: u8) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let written: Vec<u8> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level_number(*level)),
            _ => None,
        })
        .collect();
    let mut fitted = fitted_levels(&written, below)
        .into_iter()
        .map(heading_level);
    let mut open = HeadingLevel::H2;
    let events = events.into_iter().map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => {
            open = fitted.next().unwrap_or(level);
            Event::Start(Tag::Heading {
                level: open,
                id,
                classes,
                attrs,
            })
        }
        Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(open)),
        // A task list item: a disabled checkbox that says its state (WCAG 1.3.1, 4.1.2).
        Event::TaskListMarker(done) => Event::InlineHtml(CowStr::from(format!(
            "<input type=\"checkbox\" disabled{} aria-label=\"{}\"> ",
            if done { " checked" } else { "" },
            if done { TASK_DONE } else { TASK_OPEN }
        ))),
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
            1,
        );
        assert!(html.contains("<h2>Why</h2>"), "{html}");
        assert!(html.contains("<strong>never</strong>"), "{html}");
        assert!(html.contains("<td>1</td>"), "{html}");
    }

    /// The levels of the headings in `html`, in order.
    fn levels(html: &str) -> Vec<u8> {
        html.match_indices("<h")
            .filter_map(|(i, _)| html[i + 2..].bytes().next())
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect()
    }

    #[test]
    fn headings_start_below_the_page_heading_and_skip_no_level() {
        // Free pages: authors write `##` under the title; that is the page's h2.
        let page = to_html("## See\n\ntext\n\n### More\n\n## Ask\n", "", 1);
        assert_eq!(levels(&page), [2, 3, 2], "{page}");
        // `#` works the same, and a jump of two levels is closed up.
        assert_eq!(
            levels(&to_html("# A\n\n### B\n\n#### C\n\n# D\n", "", 1)),
            [2, 3, 4, 2]
        );
        // Model card bodies sit below an h2 ("More about this model").
        let card = to_html("## What it does\n\n### Detail\n", "", 2);
        assert_eq!(levels(&card), [3, 4], "{card}");
        assert!(card.contains("<h3>What it does</h3>"), "{card}");
        // Nothing deeper than h6, and no heading at all is fine.
        assert_eq!(
            levels(&to_html(
                "# a\n## b\n### c\n#### d\n##### e\n###### f\n",
                "",
                2
            )),
            [3, 4, 5, 6, 6, 6]
        );
        assert!(levels(&to_html("just text", "", 1)).is_empty());
    }

    #[test]
    fn strips_scripts_handlers_and_javascript_links() {
        let html = to_html(
            "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n<iframe src=//evil></iframe>",
            "",
            1,
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
            1,
        );
        assert!(!html.contains("cdn.example"), "{html}");
        let sneaky = to_html(
            "<img src=\"/\\evil.example/a.png\"> <img src=\"/\t/evil.example/b.png\"> ![c](//evil.example/c.png)",
            "",
            1,
        );
        assert!(!sneaky.contains("evil.example"), "{sneaky}");
        assert!(html.contains("src=\"../img/y.png\""), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
    }
}

#[cfg(test)]
mod task_tests {
    use super::to_html;

    #[test]
    fn task_lists_keep_their_state_as_disabled_checkboxes() {
        let html = to_html("- [x] Bias audit\n- [ ] Retraining plan\n", "", 1);
        assert!(
            html.contains(
                "<li><input disabled=\"\" checked=\"\" aria-label=\"done\" type=\"checkbox\"> Bias audit</li>"
            ),
            "{html}"
        );
        assert!(
            html.contains(
                "<li><input disabled=\"\" aria-label=\"not done\" type=\"checkbox\"> Retraining plan</li>"
            ),
            "{html}"
        );
    }

    #[test]
    fn raw_inputs_become_harmless_checkboxes() {
        let html = to_html(
            "<input type=\"text\" name=\"pw\" value=\"x\" autofocus onfocus=\"alert(1)\" aria-label=\"Password\" formaction=\"javascript:alert(1)\">",
            "",
            1,
        );
        assert!(html.contains("<input type=\"checkbox\">"), "{html}");
        for gone in [
            "text",
            "pw",
            "value",
            "autofocus",
            "onfocus",
            "Password",
            "javascript",
        ] {
            assert!(!html.contains(gone), "{gone}: {html}");
        }
    }
}

#[cfg(test)]
mod url_tests {
    use super::to_html;

    /// URLs are read as a browser reads them before the same-host check (issue 12, 19).
    #[test]
    fn disguised_remote_urls_are_dropped() {
        for payload in [
            "<img src=\"/\\evil.example/a.png\">",
            "<img src=\"/\t/evil.example/a.png\">",
            "<img src=\"\\\\evil.example/a.png\">",
            "<img src=\" //evil.example/a.png\">",
            "![t](//evil.example/x.png)",
            "<a href=\"/\\evil.example/\">x</a>",
            "<a href=\"//evil.example/\">x</a>",
            "[x](//evil.example/)",
            "<a href=\"java\tscript:alert(1)\">x</a>",
            "<a href=\"java&#9;script:alert(1)\">x</a>",
            "<a href=\" \x01javascript:alert(1)\">x</a>",
        ] {
            let html = to_html(payload, "", 1);
            assert!(!html.contains("evil.example"), "{payload:?} -> {html}");
            assert!(!html.contains("script:"), "{payload:?} -> {html}");
        }
        let html = to_html("<img src=\"img\\a.png\"> [a](docs\\b.html)", "", 1);
        assert!(html.contains("src=\"img/a.png\""), "{html}");
        assert!(html.contains("href=\"docs/b.html\""), "{html}");
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
            1,
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
