//! The Markdown body of an imported card: sections built from source fields that have no
//! front-matter equivalent, notes on what was left out, and small readers of Markdown text.

/// A Markdown body built section by section.
#[derive(Debug, Default, Clone)]
pub struct Body {
    parts: Vec<String>,
    notes: Vec<String>,
}

impl Body {
    /// Text as it is (e.g. an existing Markdown body).
    pub fn text(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.parts.push(text.to_string());
        }
    }

    /// `## title` and a paragraph.
    pub fn section(&mut self, title: &str, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.parts.push(format!("## {title}\n\n{text}"));
        }
    }

    /// `## title` and a bullet list.
    pub fn list(&mut self, title: &str, items: &[String]) {
        let items: Vec<String> = items
            .iter()
            .map(|i| i.trim())
            .filter(|i| !i.is_empty())
            .map(|i| format!("- {}", i.replace('\n', "\n  ")))
            .collect();
        if !items.is_empty() {
            self.parts
                .push(format!("## {title}\n\n{}", items.join("\n")));
        }
    }

    /// Something the import could not carry over; listed at the end of the body and printed.
    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The whole body, notes last under "Import notes".
    pub fn finish(&self) -> String {
        let mut parts = self.parts.clone();
        if !self.notes.is_empty() {
            let items: Vec<String> = self.notes.iter().map(|n| format!("- {n}")).collect();
            parts.push(format!("## Import notes\n\n{}", items.join("\n")));
        }
        parts.join("\n\n")
    }
}

/// The text of the first `# ` heading, if any (outside code fences).
pub fn first_heading(markdown: &str) -> Option<String> {
    prose_lines(markdown)
        .find_map(|l| l.strip_prefix("# ").map(|h| h.trim().to_string()))
        .filter(|h| !h.is_empty())
}

/// The first paragraph of plain prose: not a heading, list, table, quote, image, HTML or
/// code. Its lines are joined with spaces.
pub fn first_paragraph(markdown: &str) -> Option<String> {
    let mut para: Vec<&str> = Vec::new();
    for line in prose_lines(markdown) {
        let t = line.trim();
        if t.is_empty() {
            if !para.is_empty() {
                break;
            }
            continue;
        }
        let structural = [
            "#", "-", "*", "+", ">", "|", "!", "<", "[", "```", "~~~", "=",
        ]
        .iter()
        .any(|p| t.starts_with(p))
            || t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.contains(". ");
        if structural {
            if !para.is_empty() {
                break;
            }
            continue;
        }
        para.push(t);
    }
    (!para.is_empty()).then(|| para.join(" "))
}

/// Lines outside fenced code blocks (fence lines themselves are kept, to end paragraphs).
fn prose_lines(markdown: &str) -> impl Iterator<Item = &str> {
    let mut in_fence = false;
    markdown.lines().filter(move |l| {
        let fence = l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~");
        if fence {
            in_fence = !in_fence;
            return true;
        }
        !in_fence
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_sections_and_notes() {
        let mut b = Body::default();
        b.text("  # Title\n\nIntro.  ");
        b.section("Empty", "  ");
        b.list("Users", &["Testers".into(), "".into(), "Two\nlines".into()]);
        b.note("2 graphics were dropped.");
        assert_eq!(
            b.finish(),
            "# Title\n\nIntro.\n\n## Users\n\n- Testers\n- Two\n  lines\n\n## Import notes\n\n- 2 graphics were dropped."
        );
    }

    #[test]
    fn reads_heading_and_first_paragraph() {
        let md = "<!-- c -->\n```\n# not a heading\n```\n# my-model\n\n## Details\n\n![img](x)\n- item\n\nThis model\nclassifies beans.\n\nMore.";
        assert_eq!(first_heading(md).as_deref(), Some("my-model"));
        assert_eq!(
            first_paragraph(md).as_deref(),
            Some("This model classifies beans.")
        );
        assert_eq!(first_paragraph("# Only\n\n1. step\n"), None);
    }
}
