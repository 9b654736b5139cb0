//! Output paths and links. Every page is `<dir>/index.html`; links are relative to the root
//! (`{{ root }}` on each page is `../` per level), so a site works from any sub-path and from
//! `file://`. Links name `index.html` explicitly because `file://` does not resolve directories.

use std::borrow::Cow;
use std::collections::HashSet;

/// A safe path segment for an id: `[a-z0-9_.-]`, never empty, never starting with a dot (no
/// `..` traversal). Already-safe ids (all inventory ids) are borrowed, not copied.
pub fn slug(id: &str) -> Cow<'_, str> {
    let safe =
        |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.');
    if !id.is_empty() && !id.starts_with('.') && id.bytes().all(safe) {
        return Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii() && safe(c as u8) {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_start_matches(['.', '-']).trim_end_matches('-');
    if trimmed.is_empty() {
        Cow::Borrowed("item")
    } else {
        Cow::Owned(trimmed.to_string())
    }
}

/// Slugs for a list of ids, made unique by suffixing `-2`, `-3`, ... on collisions.
pub fn unique_slugs<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.into_iter()
        .map(|id| {
            let base = slug(id).into_owned();
            let mut candidate = base.clone();
            let mut n = 2;
            while !seen.insert(candidate.clone()) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            candidate
        })
        .collect()
}

/// `data/<id>/index.html`.
pub fn element(id: &str) -> String {
    format!("data/{}/index.html", slug(id))
}

/// `purposes/<key>/index.html`.
pub fn purpose(key: &str) -> String {
    format!("purposes/{}/index.html", slug(key))
}

/// `categories/<key>/index.html`.
pub fn category(key: &str) -> String {
    format!("categories/{}/index.html", slug(key))
}

/// The fragment id of an item on a register page, e.g. `recipient-mailer`: prefixed with its
/// kind, so no id can clash with the page's own (`main`, chart ids).
pub fn anchor(kind: &str, id: &str) -> String {
    format!("{kind}-{}", slug(id))
}

/// A link to an item on a register page, e.g. `recipients/index.html#recipient-mailer`.
pub fn anchored(page: &str, kind: &str, id: &str) -> String {
    format!("{page}#{}", anchor(kind, id))
}

pub const RETENTION: &str = "retention/index.html";
pub const RECIPIENTS: &str = "recipients/index.html";
pub const SYSTEMS: &str = "systems/index.html";
/// The whole notice on one page.
pub const NOTICE: &str = "notice/index.html";

/// `../` once per directory level of `path` (`""` for the root page).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The directory URL of a page for the sitemap: `data/email/` for `data/email/index.html`.
pub fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_path_segments() {
        assert!(matches!(
            slug("email_address"),
            Cow::Borrowed("email_address")
        ));
        assert_eq!(slug("user.contact.email"), "user.contact.email");
        assert_eq!(slug("Style Recommender v2"), "style-recommender-v2");
        assert_eq!(slug(".."), "item");
        assert_eq!(slug("../etc/passwd"), "etc-passwd");
        assert_eq!(slug(""), "item");
    }

    #[test]
    fn collisions_get_suffixes() {
        assert_eq!(
            unique_slugs(["A b", "a-b", "a b"]),
            ["a-b", "a-b-2", "a-b-3"]
        );
    }

    #[test]
    fn root_climbs_one_level_per_directory() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("data/index.html"), "../");
        assert_eq!(root_of("data/email/index.html"), "../../");
        assert_eq!(pretty("data/email/index.html"), "data/email/");
        assert_eq!(pretty("index.html"), "");
    }
}
