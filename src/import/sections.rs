//! Reads an imported card's Markdown with the same parser as the renderer: its headed
//! sections as plain text (paragraphs and list items, code and tables left out), the first
//! paragraph, and the images, which an import cannot carry over and so removes from the body.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One heading and the prose directly under it (up to the next heading of any level).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub level: u8,
    pub title: String,
    /// Paragraphs (including quoted ones) as plain text.
    pub paras: Vec<String>,
    /// List items as plain text.
    pub items: Vec<String>,
}

impl Section {
    /// Paragraphs then list items, placeholders ("More Information Needed") left out.
    /// A paragraph ending in a colon is joined with the one it introduces.
    pub fn texts(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut joining = false;
        for p in &self.paras {
            match out.last_mut() {
                Some(last) if joining => {
                    last.push(' ');
                    last.push_str(p);
                }
                _ => out.push(p.clone()),
            }
            joining = p.ends_with(':');
        }
        out.extend(self.items.iter().cloned());
        out.retain(|t| !is_placeholder(t));
        out
    }

    /// The title lower-cased, without leading emoji or punctuation and a trailing colon or
    /// `[optional]`, for matching against known section names.
    pub fn key(&self) -> String {
        let t = self.title.to_lowercase().replace("[optional]", "");
        t.trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(|c: char| c == ':' || c.is_whitespace())
            .to_string()
    }
}

/// An image found in the Markdown: its alt text and address.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub alt: String,
    pub src: String,
}

/// What [`read`] finds in a card body.
#[derive(Debug, Default)]
pub struct Read {
    /// Text before the first heading, as a section with level 0 and no title.
    pub sections: Vec<Section>,
    /// The first paragraph that is prose (no image in it), as plain text.
    pub first_paragraph: Option<String>,
    pub images: Vec<Image>,
    /// The body with every image removed (a Markdown image keeps its alt text).
    pub body: String,
}

/// Reads a Markdown body.
pub fn read(markdown: &str) -> Read {
    let mut out = Read::default();
    let mut current = Section::default();
    let mut cuts: Vec<(Range<usize>, String)> = Vec::new();
    // Plain text being collected, and whether we are in a heading / code / table.
    let mut buf = String::new();
    let (mut in_heading, mut skip, mut list_depth, mut para_has_image) = (false, 0u32, 0u32, false);
    let mut image: Option<(Range<usize>, String, String)> = None;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(markdown, opts).into_offset_iter() {
        if let Some((_, alt, _)) = image.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    let (r, alt, src) = image.take().unwrap_or_default();
                    cuts.push((r, alt.clone()));
                    out.images.push(Image { alt, src });
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                out.sections.push(std::mem::take(&mut current));
                current.level = level as u8;
                in_heading = true;
                buf.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                current.title = squash(&buf);
                in_heading = false;
                buf.clear();
            }
            Event::Start(Tag::CodeBlock(_)) => {
                // "Here is how to use it:" introduces code, which is not carried over; a
                // statement ending in a colon ("can have biased predictions:") is kept.
                if let Some(p) = current.paras.last_mut().filter(|p| p.ends_with(':')) {
                    let lower = p.to_lowercase();
                    if ["here", "and ", "you can", "for example", "e.g."]
                        .iter()
                        .any(|w| lower.starts_with(w))
                    {
                        current.paras.pop();
                    } else {
                        p.pop();
                        p.push('.');
                    }
                }
                skip += 1;
            }
            Event::Start(Tag::Table(_)) => {
                if let Some(p) = current.paras.last_mut().filter(|p| p.ends_with(':')) {
                    p.pop();
                    p.push_str(" (the table is in the card text).");
                }
                skip += 1;
            }
            Event::Start(Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1)
            }
            Event::Start(Tag::List(_)) => {
                list_depth += 1;
                buf.push(' ');
            }
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::Paragraph | Tag::Item) if list_depth <= 1 => {
                buf.clear();
                para_has_image = false;
            }
            Event::End(TagEnd::Paragraph) if list_depth == 0 && skip == 0 => {
                let text = squash(&buf);
                if !text.is_empty() {
                    if out.first_paragraph.is_none() && !para_has_image {
                        out.first_paragraph = Some(text.clone());
                    }
                    current.paras.push(text);
                }
                buf.clear();
            }
            Event::End(TagEnd::Item) if list_depth == 1 && skip == 0 => {
                let text = squash(&buf);
                if !text.is_empty() {
                    current.items.push(text);
                }
                buf.clear();
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => buf.push(' '),
            Event::Start(Tag::Image { dest_url, .. }) => {
                para_has_image = true;
                image = Some((range, String::new(), dest_url.to_string()));
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                for (at, src) in html_images(&h) {
                    let start = range.start + at.start;
                    cuts.push((start..range.start + at.end, String::new()));
                    out.images.push(Image {
                        alt: String::new(),
                        src,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) if skip == 0 || in_heading => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            _ => {}
        }
    }
    out.sections.push(current);
    out.body = cut(markdown, cuts);
    out
}

/// `<img ...>` tags in an HTML fragment: their byte ranges and `src`.
fn html_images(html: &str) -> Vec<(Range<usize>, String)> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<img") {
        let start = from + i;
        let end = lower[start..]
            .find('>')
            .map_or(html.len(), |e| start + e + 1);
        let tag = &html[start..end];
        let src = attr(tag, "src").unwrap_or_default();
        found.push((start..end, src));
        from = end;
    }
    found
}

/// The value of `name="..."` (or single-quoted) in an HTML tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &tag[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// The text with each range replaced (ranges from one parse never overlap).
fn cut(text: &str, mut cuts: Vec<(Range<usize>, String)>) -> String {
    cuts.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (r, with) in cuts {
        if r.start < at || r.end > text.len() {
            continue;
        }
        out.push_str(&text[at..r.start]);
        out.push_str(&with);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whitespace runs collapsed to one space, trimmed.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Hugging Face template's unfilled values.
fn is_placeholder(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains("more information needed")
        || t.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_hold_plain_prose_only() {
        let md = "<img src=\"logo.png\" width=3>\n\n# T\n\nFirst *para* with [a link](https://x)\nand a break.\n\n## 🎯 Uses:\n\n```py\ncode()\n```\n\n- one `item`\n  - nested\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\n![chart](c.png)\n";
        let r = read(md);
        assert_eq!(
            r.first_paragraph.as_deref(),
            Some("First para with a link and a break.")
        );
        let uses = &r.sections[2];
        assert_eq!((uses.level, uses.key().as_str()), (2, "uses"));
        assert_eq!(uses.items, ["one item nested", "two"]);
        assert_eq!(uses.paras, ["quoted"], "an image alone is no prose");
        assert_eq!(
            r.images,
            [
                Image {
                    alt: String::new(),
                    src: "logo.png".into()
                },
                Image {
                    alt: "chart".into(),
                    src: "c.png".into()
                }
            ]
        );
        assert!(
            !r.body.contains("<img") && !r.body.contains("c.png"),
            "{}",
            r.body
        );
        assert!(r.body.contains("> quoted\n\nchart\n"), "{}", r.body);
    }

    #[test]
    fn placeholders_are_dropped() {
        let r = read("## Direct Use\n\n[More Information Needed]\n\n- **Developed by:** [More Information Needed]\n- Real text\n");
        assert_eq!(r.sections[1].texts(), ["Real text"]);
    }
}
