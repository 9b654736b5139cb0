//! The built-in templates of the hottest pages (element pages and the big listings), compiled
//! by hand into Rust: the same bytes as Tera gives for `templates/*.html`, several times faster.
//!
//! The Tera files stay the source of truth and what a site overrides: as soon as a site
//! replaces any template a page kind uses, that kind is rendered by Tera again. A test renders
//! every page both ways and compares the bytes (`tests::native_matches_tera`).

mod layout;
mod lists;
mod pages;
mod registers;

use crate::i18n::Strings;
use crate::site::views::{Link, TaxonRef, View};
use crate::site::PageKind;

use super::tera_env::Globals;
use super::theme::Theme;

/// Which page kinds render natively in this build, with the site-wide values they show.
pub struct Native<'a> {
    globals: Globals<'a>,
    lang: &'static Strings,
    /// By [`slot`]: whether every template the kind uses is built in.
    kinds: [bool; SLOTS],
}

const SLOTS: usize = 7;

/// The templates each natively rendered kind uses besides [`COMMON`], by [`slot`].
const TEMPLATES: [&[&str]; SLOTS] = [
    &[
        "element.html",
        "data_label.html",
        "findings.html",
        "finding.html",
    ],
    &["data_index.html", "chart.html"],
    &["purpose.html"],
    &["category.html"],
    &["retention.html", "chart.html"],
    &["recipients.html", "chart.html"],
    &["systems.html"],
];

/// The index of a natively rendered kind in [`TEMPLATES`].
fn slot(kind: &PageKind) -> Option<usize> {
    Some(match kind {
        PageKind::Element(_) => 0,
        PageKind::DataIndex => 1,
        PageKind::Purpose(_) => 2,
        PageKind::Category(_) => 3,
        PageKind::Retention => 4,
        PageKind::Recipients => 5,
        PageKind::Systems => 6,
        _ => return None,
    })
}

/// Templates every native page uses.
const COMMON: &[&str] = &["base.html", "macros.html"];

impl<'a> Native<'a> {
    pub fn new(theme: &Theme, globals: Globals<'a>, lang: &'static Strings) -> Native<'a> {
        let builtin = |names: &[&str]| COMMON.iter().chain(names).all(|n| theme.is_builtin(n));
        Native {
            globals,
            lang,
            kinds: TEMPLATES.map(builtin),
        }
    }

    /// The page as the built-in templates render it, or `None` when Tera must render it (a
    /// kind without a native renderer, or one whose templates the site overrides).
    pub fn render(
        &self,
        kind: &PageKind,
        view: &View,
        title: &str,
        path: &str,
        section: &str,
    ) -> Option<String> {
        if !self.kinds[slot(kind)?] {
            return None;
        }
        let mut p = Page {
            out: String::with_capacity(16 * 1024),
            root: crate::site::urls::root_of(path),
            lang: self.lang,
            g: &self.globals,
            title,
            path,
            section,
        };
        p.head();
        let done = match view {
            View::Element(v) => {
                pages::element(&mut p, v);
                true
            }
            View::DataIndex(v) => lists::data_index(&mut p, v),
            View::Taxon(v) if v.kind == "purposes" => {
                lists::purpose(&mut p, v);
                true
            }
            View::Taxon(v) => {
                lists::category(&mut p, v);
                true
            }
            View::Retention(v) => registers::retention(&mut p, v),
            View::Recipients(v) => registers::recipients(&mut p, v),
            View::Systems(v) => {
                registers::systems(&mut p, v);
                true
            }
            _ => false,
        };
        if !done {
            return None;
        }
        p.foot();
        Some(p.out)
    }
}

/// One page being written.
struct Page<'a> {
    out: String,
    /// `../` up to the site root.
    root: String,
    lang: &'static Strings,
    g: &'a Globals<'a>,
    title: &'a str,
    path: &'a str,
    section: &'a str,
}

impl Page<'_> {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `{{ s }}` in an autoescaped template: the same five entities as Tera.
    fn text(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, b) in bytes.iter().enumerate() {
            let entity = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            self.out.push_str(&s[start..i]);
            self.out.push_str(entity);
            start = i + 1;
        }
        self.out.push_str(&s[start..]);
    }

    /// `{{ t.<key> }}`.
    fn t(&mut self, key: &str) {
        let s = self.lang.get(key);
        self.text(s);
    }

    /// `{{ t.<key> | fill(n=n) }}`.
    fn t_count(&mut self, key: &str, n: usize) {
        let s = self.lang.count(key, n);
        self.text(&s);
    }

    /// `{{ t.<key> | fill(name=value) }}`.
    fn t_fill(&mut self, key: &str, name: &str, value: &str) {
        let s = crate::i18n::fill(self.lang.get(key), None, |k| {
            (k == name).then(|| value.to_string())
        });
        self.text(&s);
    }

    fn num(&mut self, n: usize) {
        use std::fmt::Write;
        let _ = write!(self.out, "{n}");
    }

    /// `href="{{ root }}{{ href }}"`, inside the quotes.
    fn href(&mut self, href: &str) {
        let root = std::mem::take(&mut self.root);
        self.text(&root);
        self.root = root;
        self.text(href);
    }

    /// `{{ <ref l={l} /> }}`.
    fn link(&mut self, l: &Link) {
        match &l.href {
            Some(h) => {
                self.raw("<a href=\"");
                self.href(h);
                self.raw("\">");
                self.text(l.name);
                self.raw("</a>");
            }
            None => {
                self.raw("<span class=\"unlinked\">");
                self.text(l.name);
                self.raw("</span>");
            }
        }
    }

    /// `{{ <taxon t={t} /> }}`.
    fn taxon(&mut self, t: &TaxonRef) {
        match &t.href {
            Some(h) => {
                self.raw("<a href=\"");
                self.href(h);
                self.raw("\">");
                self.text(t.name);
                self.raw("</a>");
            }
            None => self.text(t.name),
        }
    }

    /// `{{ <key k={k} /> }}`.
    fn key(&mut self, k: &str) {
        self.raw("<code class=\"key\" title=\"");
        self.t("meta.taxonomy_key");
        self.raw("\">");
        self.text(k);
        self.raw("</code>");
    }

    /// `{{ <refs list={list} empty={empty} /> }}`; `empty` is a translation key.
    fn refs(&mut self, list: &[Link], empty: Option<&str>) {
        if list.is_empty() {
            self.raw("<span class=\"muted\">");
            let empty = empty.map(|k| self.lang.get(k)).filter(|s| !s.is_empty());
            match empty {
                Some(s) => self.text(s),
                None => self.t("meta.none"),
            }
            self.raw("</span>");
            return;
        }
        for (i, l) in list.iter().enumerate() {
            if i > 0 {
                self.raw(", ");
            }
            self.link(l);
        }
    }

    /// `{{ <internal_badge/> }}`.
    fn internal_badge(&mut self) {
        self.raw("<span class=\"badge badge-internal\" title=\"");
        self.t("meta.internal_badge_title");
        self.raw("\">");
        self.t("meta.internal_badge");
        self.raw("</span>");
    }
}

#[cfg(test)]
mod tests;
