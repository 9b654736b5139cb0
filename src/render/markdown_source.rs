//! A Markdown body as it may be published as *source* (the CycloneDX export's `candor:body`):
//! what the site hides is taken out, so an export never says more than the page. HTML comments
//! go wherever they are; a raw HTML block is replaced by what the site's sanitiser keeps of
//! it; an inline tag the sanitiser would drop is removed. Code spans and blocks are left as
//! written (the site shows them as text).

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::markdown::sanitize;

/// `markdown` without the raw HTML a page would not show.
pub fn public_source(markdown: &str) -> String {
    if !markdown.contains('<') {
        return markdown.to_string();
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    // (range in the source, replacement), in source order and never overlapping.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut block: Option<usize> = None;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some(range.start),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(start) = block.take() {
                    let html = &markdown[start..range.end];
                    let kept = sanitize(html);
                    let kept = kept.trim_end();
                    let ending = &html[html.trim_end().len()..];
                    edits.push((start..range.end, format!("{kept}{ending}")));
                }
            }
            Event::InlineHtml(tag) if block.is_none() && !inline_tag_kept(&tag) => {
                edits.push((range, String::new()));
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0;
    for (range, with) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&markdown[at..range.start]);
        out.push_str(&with);
        at = range.end;
    }
    out.push_str(&markdown[at..]);
    out
}

/// Whether the site keeps an inline tag (`<b>`, `</b>`, `<br/>`) as written: comments and
/// tags the sanitiser drops or changes are not kept.
fn inline_tag_kept(tag: &str) -> bool {
    if tag.starts_with("<!--") || tag.starts_with("<?") || tag.starts_with("<!") {
        return false;
    }
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return false;
    }
    // Probe the sanitiser with the opening form: kept only if it comes back unchanged.
    let opening = if tag.starts_with("</") {
        format!("<{name}>")
    } else {
        tag.trim_end_matches("/>").trim_end_matches('>').to_string() + ">"
    };
    let probe = format!("{opening}x</{name}>");
    // The sanitiser adds `rel` to links by itself; that is not a change of the author's tag.
    let cleaned = sanitize(&probe).replace(" rel=\"noopener noreferrer\"", "");
    cleaned == probe || (tag.starts_with("</") && cleaned.starts_with(&opening))
}

#[cfg(test)]
mod tests {
    use super::public_source;

    #[test]
    fn comments_and_hidden_html_are_taken_out() {
        let body = "Visible.\n\n<!-- secret: the real threshold is 0.2 -->\n\nMore <!-- inline secret --> text, <b>bold</b>. <a href=\"https://x.example/\">link</a>\n\n<div><script>alert('x')</script><p onclick=\"steal()\">Kept</p></div>\n\n`<!-- code stays -->`\n\n    <!-- indented code stays -->\n";
        let out = public_source(body);
        for gone in ["secret", "alert", "steal", "onclick", "<script"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in [
            "Visible.",
            "More  text, <b>bold</b>.",
            "<a href=\"https://x.example/\">link</a>",
            "<p>Kept</p>",
            "`<!-- code stays -->`",
            "    <!-- indented code stays -->",
        ] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn plain_markdown_is_unchanged() {
        let body =
            "## Why\n\n- [x] audited\n- a < b and c > d\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(public_source(body), body);
    }
}
