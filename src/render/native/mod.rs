//! The built-in templates of the hottest pages (element and model pages, the big listings),
//! compiled by hand into Rust: the same bytes as Tera gives for `templates/*.html`, several
//! times faster.
//!
//! The Tera files stay the source of truth and what a site overrides. Which templates a page
//! kind uses is read from the templates (`deps`): as soon as a site replaces one of those of a
//! kind's body, that kind is rendered by Tera again; a site's own layout (`base.html`) is
//! rendered by Tera around the native body (`frame`), the built-in one as well: it is rendered
//! once per section, menu entry and date, never mirrored by hand. A test renders every page
//! both ways and compares the bytes (`tests::native_matches_tera`).

mod chart;
mod deps;
mod frame;
mod lists;
mod mirrored;
mod model_label;
mod models;
mod pager;
mod pages;
mod registers;

use std::collections::BTreeSet;
use std::io::{self, Write};

use crate::i18n::Strings;
use crate::site::chart::ChartKind;
use crate::site::views::{ChartView, Link, TaxonRef, View};
use crate::site::PageKind;

pub use frame::Shell;

use super::tera_env::Globals;
use super::theme::Theme;

/// How the pages of a kind are rendered in a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// By Tera: the site overrides a template of the kind's body (or its layout cannot frame
    /// a native body).
    Tera,
    /// The body natively, inside the built-in layout.
    Native,
    /// The body natively, inside the site's own layout rendered by Tera.
    Framed,
}

/// Which page kinds render natively in this build, with the site-wide values they show.
pub struct Native<'a> {
    globals: Globals<'a>,
    lang: &'static Strings,
    /// By [`slot`].
    kinds: [Mode; SLOTS],
    /// The layout (the site's or the built-in one), when it can frame native bodies.
    frame: Option<frame::Frame>,
}

const SLOTS: usize = 9;

/// The template of each natively rendered kind, by [`slot`] (what `PageKind::template` says,
/// which a test checks).
const ROOTS: [&str; SLOTS] = [
    "element.html",
    "data_index.html",
    "purpose.html",
    "category.html",
    "retention.html",
    "recipients.html",
    "systems.html",
    "model.html",
    "models.html",
];

/// The index of a natively rendered kind in [`ROOTS`].
fn slot(kind: &PageKind) -> Option<usize> {
    Some(match kind {
        PageKind::Element(_) => 0,
        PageKind::DataIndex => 1,
        PageKind::Purpose(_) => 2,
        PageKind::Category(_) => 3,
        PageKind::Retention => 4,
        PageKind::Recipients => 5,
        PageKind::Systems => 6,
        PageKind::Model(_) => 7,
        PageKind::ModelsIndex => 8,
        _ => return None,
    })
}

impl<'a> Native<'a> {
    pub fn new(
        theme: &Theme,
        tera: &tera::Tera,
        globals: Globals<'a>,
        lang: &'static Strings,
    ) -> Native<'a> {
        let m = mirrored::mirrored();
        let builtin = |names: &BTreeSet<String>| names.iter().all(|n| theme.is_builtin(n));
        let own_layout = !builtin(&m.layout);
        let frame = frame::Frame::new(theme, tera);
        let kinds = std::array::from_fn(|i| {
            let fits = m.framed[i] && frame.as_ref().is_some_and(|f| f.fits(&m.names[i]));
            match (builtin(&m.body[i]) && fits, own_layout) {
                (false, _) => Mode::Tera,
                (true, false) => Mode::Native,
                (true, true) => Mode::Framed,
            }
        });
        Native {
            globals,
            lang,
            kinds,
            frame,
        }
    }

    /// How `view` renders in this build: [`Mode::Tera`] for a kind Tera must render, one whose
    /// templates the site overrides, or a view the native code does not draw.
    pub fn mode(&self, kind: &PageKind, view: &View) -> Mode {
        let drawn = |c: &Option<ChartView>| {
            c.as_ref()
                .is_none_or(|c| !matches!(c.chart.kind, ChartKind::HeatMap { .. }))
        };
        let ours = match view {
            View::Element(_) | View::Taxon(_) | View::Systems(_) | View::Models(_) => true,
            View::DataIndex(v) => drawn(&v.chart),
            View::Retention(v) => drawn(&v.chart),
            View::Recipients(v) => drawn(&v.chart),
            View::Model(v) => drawn(&v.chart),
            _ => false,
        };
        match slot(kind) {
            Some(i) if ours => self.kinds[i],
            _ => Mode::Tera,
        }
    }

    /// The layout of a [`Mode::Native`] or [`Mode::Framed`] page, or `None` when Tera must
    /// render the page whole after all.
    pub fn shell(
        &self,
        view: &View,
        title: &str,
        path: &str,
        section: &str,
        last_updated: Option<&str>,
    ) -> Option<Shell> {
        self.frame
            .as_ref()?
            .shell(view, title, path, section, last_updated)
    }

    /// Writes the page of `view` at `path` to `w` (see [`Native::mode`]) in pieces of about
    /// [`PIECE`] bytes, inside `shell`, its layout.
    pub fn write(
        &self,
        view: &View,
        path: &str,
        shell: &Shell,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        let mut p = Page {
            out: String::with_capacity(16 * 1024),
            spill: w,
            failed: None,
            root: crate::site::urls::root_of(path),
            lang: self.lang,
            g: &self.globals,
        };
        p.raw(shell.head());
        match view {
            View::Element(v) => pages::element(&mut p, v),
            View::DataIndex(v) => lists::data_index(&mut p, v),
            View::Taxon(v) if v.kind == "purposes" => lists::purpose(&mut p, v),
            View::Taxon(v) => lists::category(&mut p, v),
            View::Retention(v) => registers::retention(&mut p, v),
            View::Recipients(v) => registers::recipients(&mut p, v),
            View::Systems(v) => registers::systems(&mut p, v),
            View::Model(v) => models::model(&mut p, v),
            View::Models(v) => models::models(&mut p, v),
            _ => {}
        }
        p.raw(shell.foot());
        p.finish()
    }
}

/// Big pages go out in pieces of about this size (tiny under test, so the equivalence tests
/// cut every listing into many pieces).
const PIECE: usize = if cfg!(test) { 512 } else { 256 * 1024 };

/// A template's truth test of an optional text: present and not empty.
fn given(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.is_empty())
}

/// `{{ x }}` of a float, as Tera prints it: Rust's `{:?}`, so `1.0` keeps its `.0`.
fn float_text(x: f64) -> String {
    format!("{x:?}")
}

/// One page being written.
struct Page<'a> {
    out: String,
    /// Where full pieces of `out` go.
    spill: &'a mut dyn Write,
    /// The first error of `spill`; nothing more is written after it.
    failed: Option<io::Error>,
    /// `../` up to the site root.
    root: String,
    lang: &'static Strings,
    g: &'a Globals<'a>,
}

impl Page<'_> {
    /// Hands `out` to the writer once it holds a full piece (call between list items).
    fn piece(&mut self) {
        if self.out.len() >= PIECE {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.failed.is_none() {
            if let Err(e) = self.spill.write_all(self.out.as_bytes()) {
                self.failed = Some(e);
            }
        }
        self.out.clear();
    }

    fn finish(mut self) -> io::Result<()> {
        self.flush();
        match self.failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `{{ s }}` in an autoescaped template: the same five entities as Tera.
    fn text(&mut self, s: &str) {
        crate::escape::html(s, &mut self.out);
    }

    /// `{{ t.<key> }}` (`{{ t.<key> | code }}` for a string with backticks: templates print
    /// every such string through `code`, which a test of the templates checks).
    fn t(&mut self, key: &str) {
        let s = self.lang.get(key);
        self.interface(s, s);
    }

    /// `{{ t.<key> | fill(n=n) }}`.
    fn t_count(&mut self, key: &str, n: usize) {
        let s = self.lang.count(key, n);
        self.interface(self.lang.get(key), &s);
    }

    /// `{{ t.<key> | fill(name=value) }}`.
    fn t_fill(&mut self, key: &str, name: &str, value: &str) {
        let s = crate::i18n::fill(self.lang.get(key), None, |k| {
            (k == name).then(|| value.to_string())
        });
        self.interface(self.lang.get(key), &s);
    }

    /// An interface string `s` filled from the translation `raw`: escaped, and when the
    /// translation itself has `backticks`, those as `<code>` (the `code` filter).
    fn interface(&mut self, raw: &str, s: &str) {
        if raw.contains('`') {
            let html = crate::render::inline_code::inline_code(s);
            self.raw(&html);
        } else {
            self.text(s);
        }
    }

    fn num(&mut self, n: usize) {
        use std::fmt::Write;
        let _ = write!(self.out, "{n}");
    }

    /// `{{ x }}` of a float (see [`float_text`]).
    fn float(&mut self, x: f64) {
        let s = float_text(x);
        self.raw(&s);
    }

    /// `{{ list | join(sep=t.meta.list_sep) }}`.
    fn join<'s>(&mut self, list: impl IntoIterator<Item = &'s str>) {
        for (i, s) in list.into_iter().enumerate() {
            if i > 0 {
                self.t("meta.list_sep");
            }
            self.text(s);
        }
    }

    /// `{{ md | markdown(below=below) }}`: the same rendering and sanitising as the filter.
    fn markdown(&mut self, md: &str, below: u8) {
        let html = crate::render::markdown::to_html(md, &self.root, below);
        self.raw(&html);
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

    /// `<span class="muted">{{ t.<key> }}</span>`.
    fn muted(&mut self, key: &str) {
        self.raw("<span class=\"muted\">");
        self.t(key);
        self.raw("</span>");
    }

    /// `{{ <key k={k} /> }}`.
    fn key(&mut self, k: &str) {
        if !self.g.internal {
            return;
        }
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
mod override_tests;
#[cfg(test)]
mod tests;
