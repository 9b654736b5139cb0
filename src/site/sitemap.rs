//! `sitemap.xml`: every page, as an absolute URL when `base_url` is set (what search engines
//! need), else relative to the site root.

use super::{urls, Site};

use crate::escape::xml as xml_escape;

/// The sitemap of a planned site. `base_url` may be empty.
pub fn sitemap(site: &Site, base_url: &str) -> String {
    let base = base_url.trim().trim_end_matches('/');
    // One line per page: the base, the path (about 40 bytes) and 27 bytes of markup.
    let mut out = String::with_capacity(128 + site.pages.len() * (base.len() + 72));
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in &site.pages {
        let path = urls::pretty(&page.path);
        out.push_str("  <url><loc>");
        if base.is_empty() {
            xml_escape(if path.is_empty() { "./" } else { path }, &mut out);
        } else {
            xml_escape(base, &mut out);
            out.push('/');
            xml_escape(path, &mut out);
        }
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit};

    #[test]
    fn absolute_with_base_url_relative_without() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let abs = super::sitemap(&site, "https://trust.example.com/privacy/");
        assert!(abs.contains("<loc>https://trust.example.com/privacy/</loc>"));
        assert!(abs.contains("<loc>https://trust.example.com/privacy/data/email_address/</loc>"));
        let rel = super::sitemap(&site, "");
        assert!(rel.contains("<loc>./</loc>"));
        assert!(rel.contains("<loc>data/email_address/</loc>"));
        assert!(!rel.contains("secret"));
        assert_eq!(rel.matches("<url>").count(), site.pages.len());
    }
}
