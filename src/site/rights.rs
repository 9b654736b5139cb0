//! Where "Your rights" lives. candor generates `rights/` (each GDPR right, the uses it
//! applies to, how to exercise it). A free page `content/pages/rights.md` (or
//! `your-rights.md`, `ihre-rechte.md`) replaces it; with `extend: true` in its front matter,
//! its text heads the generated page instead and it is not written separately.

use crate::model::Catalog;

/// The generated page's path.
pub const PATH: &str = "rights/index.html";

/// Free-page slugs that stand for the rights page.
const SLUGS: &[&str] = &["rights", "your-rights", "ihre-rechte"];

/// The rights page of a site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RightsPlan {
    /// Where every "your rights" link goes, relative to the root.
    pub href: String,
    /// The free page that replaces or extends the generated one, by page index.
    pub page: Option<usize>,
    /// Whether candor writes `rights/` (no free page, or one with `extend: true`).
    pub generated: bool,
}

impl RightsPlan {
    /// Whether free page `p` is shown inside the generated page rather than at
    /// `pages/<slug>/` (listings of free pages leave it out).
    pub fn absorbs(&self, p: usize) -> bool {
        self.generated && self.page == Some(p)
    }
}

/// Decides the rights page of `catalog`, given the free pages' unique slugs.
pub fn plan(catalog: &Catalog, page_slugs: &[String]) -> RightsPlan {
    let page = page_slugs.iter().position(|s| SLUGS.contains(&s.as_str()));
    match page {
        Some(p) if !catalog.pages[p].extend => RightsPlan {
            href: format!("pages/{}/index.html", page_slugs[p]),
            page: Some(p),
            generated: false,
        },
        _ => RightsPlan {
            href: PATH.to_string(),
            page,
            generated: true,
        },
    }
}
