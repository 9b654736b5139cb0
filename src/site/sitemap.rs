//! `sitemap.xml`: every page, as an absolute URL when `base_url` is set (what search engines
//! need), else relative to the site root.
//!
//! The sitemaps.org protocol allows at most [`MAX_URLS`] URLs and [`MAX_BYTES`] bytes in one
//! sitemap. A site within both gets one `<urlset>` in `sitemap.xml`; a bigger one gets its URLs
//! in `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` becomes the `<sitemapindex>` that
//! lists them, so search engines still find everything from the one address.

use super::{urls, Site};

use crate::escape::xml as xml_escape;

/// The most URLs one sitemap may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;
/// The most bytes one sitemap may have, uncompressed (sitemaps.org: 50 MiB).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// Where the sitemap, or the index of the parts, goes.
pub const FILE: &str = "sitemap.xml";

const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const URLSET_FOOT: &str = "</urlset>\n";
const INDEX_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const INDEX_FOOT: &str = "</sitemapindex>\n";

/// The name of part `n` (from 1) of a split sitemap.
pub fn part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// Whether `path` (relative to the output root) is named like a part of a split sitemap, so a
/// `static/` file can never take one, however many a build writes.
pub fn is_part(path: &str) -> bool {
    path.strip_prefix("sitemap-")
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The files the sitemap of `site` takes when split by the URL limit alone (what a build
/// writes unless its URLs average over a kilobyte): `sitemap.xml`, then any parts.
pub fn files(site: &Site) -> Vec<String> {
    let parts = site.pages.len().div_ceil(MAX_URLS);
    let mut files = vec![FILE.to_string()];
    if parts > 1 {
        files.extend((1..=parts).map(part));
    }
    files
}

/// The sitemap files of a planned site, by path relative to the output root. `base_url` may
/// be empty.
pub fn sitemaps(site: &Site, base_url: &str) -> Vec<(String, String)> {
    split(site, base_url, MAX_URLS, MAX_BYTES)
}

/// [`sitemaps`] with the limits given (small ones under test).
fn split(site: &Site, base_url: &str, max_urls: usize, max_bytes: usize) -> Vec<(String, String)> {
    let base = base_url.trim().trim_end_matches('/');
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut count = 0;
    let mut line = String::new();
    for page in &site.pages {
        line.clear();
        line.push_str("  <url><loc>");
        let path = urls::pretty(&page.path);
        if base.is_empty() {
            xml_escape(if path.is_empty() { "./" } else { path }, &mut line);
        } else {
            xml_escape(base, &mut line);
            line.push('/');
            xml_escape(path, &mut line);
        }
        line.push_str("</loc></url>\n");
        let full = count == max_urls || current.len() + line.len() + URLSET_FOOT.len() > max_bytes;
        if count > 0 && full {
            current.push_str(URLSET_FOOT);
            parts.push(std::mem::take(&mut current));
            count = 0;
        }
        if count == 0 {
            // One line per page: the base, the path (about 40 bytes) and 27 bytes of markup.
            let lines = site
                .pages
                .len()
                .saturating_sub(parts.len() * max_urls)
                .min(max_urls);
            current.reserve(URLSET_HEAD.len() + lines * (base.len() + 72));
            current.push_str(URLSET_HEAD);
        }
        current.push_str(&line);
        count += 1;
    }
    if count == 0 {
        current.push_str(URLSET_HEAD);
    }
    current.push_str(URLSET_FOOT);
    parts.push(current);
    if parts.len() == 1 {
        return vec![(FILE.to_string(), parts.remove(0))];
    }
    let mut index = String::from(INDEX_HEAD);
    for n in 1..=parts.len() {
        index.push_str("  <sitemap><loc>");
        if !base.is_empty() {
            xml_escape(base, &mut index);
            index.push('/');
        }
        index.push_str(&part(n));
        index.push_str("</loc></sitemap>\n");
    }
    index.push_str(INDEX_FOOT);
    let mut files = vec![(FILE.to_string(), index)];
    files.extend(parts.into_iter().enumerate().map(|(i, p)| (part(i + 1), p)));
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Audience;
    use crate::site::{plan, testkit};

    /// The text of every `<loc>` in `xml`.
    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>")
            .skip(1)
            .filter_map(|s| s.split("</loc>").next())
            .collect()
    }

    #[test]
    fn absolute_with_base_url_relative_without() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let files = sitemaps(&site, "https://trust.example.com/privacy/");
        assert_eq!(files.len(), 1, "a small site has one sitemap");
        let (name, abs) = &files[0];
        assert_eq!(name, "sitemap.xml");
        assert!(abs.contains("<urlset "));
        assert!(abs.contains("<loc>https://trust.example.com/privacy/</loc>"));
        assert!(abs.contains("<loc>https://trust.example.com/privacy/data/email_address/</loc>"));
        let rel = &sitemaps(&site, "")[0].1;
        assert!(rel.contains("<loc>./</loc>"));
        assert!(rel.contains("<loc>data/email_address/</loc>"));
        assert!(!rel.contains("secret"));
        assert_eq!(rel.matches("<url>").count(), site.pages.len());
        assert_eq!(super::files(&site), ["sitemap.xml"]);
    }

    #[test]
    fn over_the_url_limit_an_index_lists_parts_that_hold_every_page_once() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let n = site.pages.len();
        assert!(n > 7, "the test needs a few pages: {n}");
        let limit = 3;
        let files = split(&site, "https://trust.example.com/", limit, MAX_BYTES);
        let parts = n.div_ceil(limit);
        assert_eq!(files.len(), 1 + parts);
        let (name, index) = &files[0];
        assert_eq!(name, "sitemap.xml");
        assert!(
            index.starts_with(INDEX_HEAD) && index.ends_with(INDEX_FOOT),
            "{index}"
        );
        let listed: Vec<String> = (1..=parts)
            .map(|i| format!("https://trust.example.com/sitemap-{i}.xml"))
            .collect();
        assert_eq!(locs(index), listed);
        let mut all = Vec::new();
        for (i, (name, xml)) in files[1..].iter().enumerate() {
            assert_eq!(name, &format!("sitemap-{}.xml", i + 1));
            assert!(xml.starts_with(URLSET_HEAD) && xml.ends_with(URLSET_FOOT));
            let urls = locs(xml);
            assert!(
                !urls.is_empty() && urls.len() <= limit,
                "{name}: {}",
                urls.len()
            );
            all.extend(urls);
        }
        assert_eq!(all.len(), n, "every page once");
        let one = split(&site, "https://trust.example.com/", MAX_URLS, MAX_BYTES);
        assert_eq!(all, locs(&one[0].1), "the same URLs in the same order");
        // Relative without a base URL, like the pages' own URLs.
        let rel = split(&site, "", limit, MAX_BYTES);
        assert_eq!(locs(&rel[0].1)[0], "sitemap-1.xml");
    }

    #[test]
    fn over_the_byte_limit_a_sitemap_is_split_too() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let max = 400;
        let files = split(&site, "https://trust.example.com/", MAX_URLS, max);
        assert!(files.len() > 2, "{}", files.len());
        let urls: usize = files[1..].iter().map(|(_, x)| locs(x).len()).sum();
        assert_eq!(urls, site.pages.len());
        for (name, xml) in &files[1..] {
            assert!(xml.len() <= max, "{name}: {} bytes", xml.len());
        }
    }

    #[test]
    fn part_names_are_recognised() {
        assert!(is_part("sitemap-1.xml") && is_part("sitemap-12.xml"));
        assert!(!is_part("sitemap.xml") && !is_part("sitemap-.xml") && !is_part("sitemap-a.xml"));
        assert!(!is_part("x/sitemap-1.xml"));
    }
}
