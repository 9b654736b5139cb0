//! `changes.xml`: an Atom 1.0 feed (RFC 4287) of the site's change history, one entry per
//! change set, so readers can follow changes to data practices. Reproducible: ids are
//! name-based `urn:uuid:`s kept in `changes.json`, entries are dated by their change set, and
//! the feed's `updated` comes from the build's date, not the clock.

use crate::uuid::name_uuid;
use std::fmt::Write;

use crate::diff::Section;
use crate::model::Catalog;

use super::changes::{SiteChanges, FEED, PAGE};
use super::history::Item;

/// Escapes text for XML content and attribute values (forbidden characters dropped).
fn xml(s: &str) -> String {
    crate::escape::xml_string(s)
}

/// The site's title, as the theme computes it.
fn site_title(catalog: &Catalog) -> &str {
    let c = &catalog.config;
    [c.title.as_str(), c.organisation.as_str()]
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .unwrap_or("Your data and our AI")
}

/// What makes the feed's and its entries' ids unique to the site: its URL, else its title.
pub fn identity(catalog: &Catalog) -> &str {
    let base = catalog.config.base_url.trim().trim_end_matches('/');
    if base.is_empty() {
        site_title(catalog)
    } else {
        base
    }
}

/// The feed for a build with changes. Links are absolute when `base_url` is set, else relative
/// to the site root (where the feed is).
pub fn feed(catalog: &Catalog, changes: &SiteChanges) -> String {
    let base = catalog.config.base_url.trim().trim_end_matches('/');
    let url = |path: &str| {
        if base.is_empty() {
            path.to_string()
        } else {
            format!("{base}/{path}")
        }
    };
    let title = site_title(catalog);
    let identity = identity(catalog);
    let updated = changes.updated.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let lang = catalog.config.language.as_deref().filter(|l| !l.is_empty());
    let strings = crate::i18n::strings(lang);
    let author = [catalog.config.organisation.as_str(), title]
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .unwrap_or(title);

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        xml(lang.unwrap_or("en"))
    );
    let _ = writeln!(
        out,
        "  <id>{}</id>",
        name_uuid(&format!("candor-changes {identity}"))
    );
    let _ = writeln!(out, "  <title>{}: what changed</title>", xml(title));
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(out, "  <author><name>{}</name></author>", xml(author));
    if !base.is_empty() {
        let _ = writeln!(
            out,
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            xml(&url(FEED))
        );
    }
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml(&url(PAGE))
    );
    out.push_str("  <generator>candor</generator>\n");
    for entry in &changes.history.entries {
        let n = entry.changes.len();
        let sensitive = entry.changes.iter().filter(|c| c.sensitive).count();
        let mut entry_title = strings.count("history.entry_title", n);
        if sensitive > 0 {
            let about = strings.count("history.entry_sensitive", sensitive);
            entry_title = format!("{entry_title} ({about})");
        }
        let date = format!("{}T00:00:00Z", entry.date);
        let anchor = format!("{}#{}", url(PAGE), entry.anchor());
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <id>{}</id>", xml(&entry.id.0));
        let _ = writeln!(out, "    <title>{}</title>", xml(&entry_title));
        let _ = writeln!(out, "    <updated>{date}</updated>");
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml(&anchor)
        );
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>",
            xml(&content(&entry.changes))
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// An entry's content: one HTML list per section, sensitive changes first.
fn content(changes: &[Item]) -> String {
    let html = |s: &str| xml(s);
    let mut out = String::new();
    let mut list = |title: &str, items: Vec<&Item>| {
        if items.is_empty() {
            return;
        }
        let _ = write!(out, "<h2>{}</h2><ul>", html(title));
        for c in items {
            let _ = write!(out, "<li>{}</li>", html(&c.text.0));
        }
        out.push_str("</ul>");
    };
    list(
        "Sensitive data",
        changes.iter().filter(|c| c.sensitive).collect(),
    );
    for s in Section::ALL {
        list(
            s.title(),
            changes
                .iter()
                .filter(|c| c.section.section() == s && !c.sensitive)
                .collect(),
        );
    }
    out
}

/// A change's text as a sentence: "Starts collecting ...". No second full stop after a
/// quoted reason that already ends one ("... your receipt.”").
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let ended = text
        .trim_end_matches(['”', '"', '’', '\''])
        .ends_with(['.', '!', '?']);
    match chars.next() {
        Some(first) if ended => format!("{}{}", first.to_uppercase(), chars.as_str()),
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_stable_version_8_and_differ_by_name() {
        let a = name_uuid("https://trust.example");
        assert_eq!(a, name_uuid("https://trust.example"));
        assert_ne!(a, name_uuid("https://trust.example/"));
        let hex = a.strip_prefix("urn:uuid:").unwrap();
        let parts: Vec<&str> = hex.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('8'));
        assert!(matches!(&parts[3][..1], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(xml("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
        assert_eq!(sentence("starts x"), "Starts x.");
        assert_eq!(sentence("gives “a reason.”"), "Gives “a reason.”");
        assert_eq!(sentence("keeps it (for x)"), "Keeps it (for x).");
        assert_eq!(sentence(""), "");
    }
}
