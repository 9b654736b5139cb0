//! A site's own layout around natively rendered pages: when a site overrides `base.html` (the
//! most common theme change) but not the templates of a page's body, Tera renders the layout
//! with a marker where the `content` block goes, and the native body is written in its place.
//!
//! A layout that prints a page's title, path and way back to the root only as they are
//! (`{{ page_title }}`), and reads nothing else of the page but its section, menu entry and
//! date, is rendered once for each such triple with stand-ins for the printed values, and each
//! page's shell is that render with the page's values put in: the bytes of a whole Tera render
//! at a fraction of its cost. Any other layout is rendered once per page.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tera::{Context, Tera};

use super::deps::Graph;
use crate::hash::FastMap;
use crate::render::tera_env;
use crate::render::theme::Theme;

/// The layout every native page extends (what `layout.rs` writes when it is the built-in one).
pub const LAYOUT: &str = "base.html";

/// The template that renders the layout alone. A site's templates are named by their path
/// under `templates/`, which never starts with `/`.
const SHELL: &str = "/candor/native-shell.html";

/// Stands for the page's body in the rendered layout: nothing a template escapes, nothing a
/// page is likely to hold (a page whose layout shows it twice goes to Tera whole).
const MARKER: &str = "\u{1}candor-native-body\u{1}";

/// The site's layout, ready to frame native bodies.
pub struct Frame {
    tera: Tera,
    /// Whether the layout reads nothing but the site-wide values and where the page sits
    /// (else it gets the page's whole context, as Tera would give it).
    small: bool,
    /// Variables the layout sets: a page's blocks would see them.
    sets: BTreeSet<String>,
    /// Renders of the layout by what they depend on, when the layout prints the page's own
    /// values only as they are (see the module's doc).
    cuts: Option<Cuts>,
}

/// One page's layout, rendered, with where its body goes.
pub struct Shell {
    html: String,
    head_end: usize,
    foot_start: usize,
}

impl Shell {
    /// The layout before the body.
    pub fn head(&self) -> &str {
        &self.html[..self.head_end]
    }

    /// The layout after the body.
    pub fn foot(&self) -> &str {
        &self.html[self.foot_start..]
    }
}

/// The page values a layout may print as they are: standing in for them lets one render of the
/// layout serve every page. `root` only has a few values: a layout that reads it otherwise
/// renders once per depth.
const HOLES: [&str; 4] = ["page_title", "page_path", "page_url", "root"];

/// What a stand-in starts and ends with: bytes no template holds (checked) and no escape
/// changes, around the hole's number and a `&` that shows whether Tera escaped it.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

/// The cached renders of a layout, by section, menu entry, date (and depth, when read).
struct Cuts {
    /// `None` for a place whose layout could not be cut (then each page renders it).
    by_key: Mutex<FastMap<Key, Option<Arc<Cut>>>>,
    root_keyed: bool,
}

#[derive(Hash, PartialEq, Eq)]
struct Key {
    section: String,
    nav_current: String,
    last_updated: Option<String>,
    root: Option<String>,
}

/// A layout rendered with stand-ins: its text, and where each page value goes.
#[derive(Debug, PartialEq)]
struct Cut {
    head: Vec<Piece>,
    foot: Vec<Piece>,
}

#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Hole { value: usize, escaped: bool },
}

impl Frame {
    /// The site's layout as a frame, or `None` when native bodies cannot go in it unchanged:
    /// it prints the content block through a filter, a `set` block or a component (which may
    /// change it), dumps the whole context, or does not take a `content` block.
    pub fn new(theme: &Theme, tera: &Tera) -> Option<Frame> {
        let graph = Graph::new(
            theme
                .templates
                .iter()
                .map(|(name, t)| (name.as_str(), t.text.as_ref())),
        );
        let mut sets = BTreeSet::new();
        let mut computed = BTreeSet::new();
        let mut stand_ins_safe = true;
        for name in graph.closure(LAYOUT, true) {
            let refs = graph.refs(&name)?;
            if refs.captures || refs.names.contains("__tera_context") {
                return None;
            }
            sets.extend(refs.sets.iter().cloned());
            computed.extend(refs.computed.iter().cloned());
            stand_ins_safe &= theme
                .templates
                .get(&name)
                .is_none_or(|t| !t.text.contains([OPEN, CLOSE]));
        }
        let mut tera = tera.clone();
        let source = format!(
            "{{% extends \"{LAYOUT}\" %}}{{% block content %}}{MARKER}{{% endblock content %}}"
        );
        tera.add_raw_template(SHELL, &source).ok()?;
        let page = tera_env::layout_context("", "", "", None);
        let global = tera.global_context().clone();
        let small = tera
            .get_template_variables(SHELL)
            .ok()?
            .iter()
            .all(|v| page.contains_key(v) || global.contains_key(v));
        let per_page = HOLES[..3].iter().any(|v| computed.contains(*v));
        let cuts = (small && stand_ins_safe && !per_page).then(|| Cuts {
            by_key: Mutex::default(),
            root_keyed: computed.contains("root"),
        });
        Some(Frame {
            tera,
            small,
            sets,
            cuts,
        })
    }

    /// Whether a body whose templates name `names` renders the same inside this layout: no
    /// variable the layout sets is one the body reads.
    pub fn fits(&self, names: &BTreeSet<String>) -> bool {
        self.sets.is_disjoint(names)
    }

    /// The layout of one page, or `None` when Tera must render the page whole (the layout
    /// fails, or shows the body other than once).
    pub fn shell<T: Serialize>(
        &self,
        view: &T,
        title: &str,
        path: &str,
        section: &str,
        last_updated: Option<&str>,
    ) -> Option<Shell> {
        let Some(cuts) = &self.cuts else {
            return self.render(view, title, path, section, last_updated);
        };
        let root = crate::site::urls::root_of(path);
        let key = Key {
            section: section.to_string(),
            nav_current: tera_env::nav_current(path).to_string(),
            last_updated: last_updated.map(str::to_string),
            root: cuts.root_keyed.then(|| root.clone()),
        };
        let found = cuts.by_key.lock().ok()?.get(&key).cloned();
        let cut = match found {
            Some(cut) => cut,
            None => {
                let cut = self.cut(path, section, last_updated).map(Arc::new);
                cuts.by_key.lock().ok()?.insert(key, cut.clone());
                cut
            }
        };
        match cut {
            Some(cut) => {
                let values = [title, path, crate::site::urls::pretty(path), &root];
                Some(cut.fill(&values))
            }
            None => self.render(view, title, path, section, last_updated),
        }
    }

    /// The layout of a page rendered by Tera with the page's own values.
    fn render<T: Serialize>(
        &self,
        view: &T,
        title: &str,
        path: &str,
        section: &str,
        last_updated: Option<&str>,
    ) -> Option<Shell> {
        let context: Context = if self.small {
            tera_env::layout_context(title, path, section, last_updated)
        } else {
            tera_env::page_context(view, title, path, section, last_updated).ok()?
        };
        let html = self.tera.render(SHELL, &context).ok()?;
        let at = html.find(MARKER)?;
        let foot_start = at + MARKER.len();
        let once = !html[foot_start..].contains(MARKER);
        once.then_some(Shell {
            html,
            head_end: at,
            foot_start,
        })
    }

    /// The layout rendered for pages at `path`'s place (section, menu entry, date, depth) with
    /// stand-ins for the values it prints, cut where they go.
    ///
    /// It is rendered twice, the stand-ins numbered from 0 and from [`HOLES`]`.len()`: a
    /// stand-in's bytes that came from the site's own text (a title, a page name) are the same
    /// in both renders, so they cannot pass for a hole in both, and the place is not cut.
    fn cut(&self, path: &str, section: &str, last_updated: Option<&str>) -> Option<Cut> {
        let render = |base: usize| -> Option<Cut> {
            let mut context = tera_env::layout_context("", path, section, last_updated);
            let root_keyed = self.cuts.as_ref().is_some_and(|c| c.root_keyed);
            for (i, hole) in HOLES.iter().enumerate() {
                // A `root` the layout tests keys the cache and keeps its value.
                if !(root_keyed && *hole == "root") {
                    context.insert(*hole, &format!("{OPEN}{}&{CLOSE}", base + i));
                }
            }
            let html = self.tera.render(SHELL, &context).ok()?;
            let (head, foot) = html.split_once(MARKER)?;
            if foot.contains(MARKER) {
                return None;
            }
            Some(Cut {
                head: pieces(head, base)?,
                foot: pieces(foot, base)?,
            })
        };
        let cut = render(0)?;
        (render(HOLES.len())? == cut).then_some(cut)
    }
}

impl Cut {
    /// The shell of a page whose values (in [`HOLES`] order) are `values`.
    fn fill(&self, values: &[&str; 4]) -> Shell {
        let mut html = String::with_capacity(4096);
        let put = |pieces: &[Piece], html: &mut String| {
            for piece in pieces {
                match piece {
                    Piece::Text(text) => html.push_str(text),
                    Piece::Hole { value, escaped } => {
                        let value = values[*value];
                        if *escaped {
                            crate::escape::html(value, html);
                        } else {
                            html.push_str(value);
                        }
                    }
                }
            }
        };
        put(&self.head, &mut html);
        let head_end = html.len();
        put(&self.foot, &mut html);
        Shell {
            html,
            head_end,
            foot_start: head_end,
        }
    }
}

/// `text` cut at its stand-ins, numbered from `base` (each printed escaped, `&amp;`, or as it
/// is, `&`); `None` when something between the stand-in bytes is not one of them.
fn pieces(text: &str, base: usize) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        if at > 0 {
            out.push(Piece::Text(rest[..at].to_string()));
        }
        let after = &rest[at + OPEN.len_utf8()..];
        let end = after.find(CLOSE)?;
        let inner = &after[..end];
        let (value, escaped) = match inner.split_once('&')? {
            (n, "amp;") => (n, true),
            (n, "") => (n, false),
            _ => return None,
        };
        let value = value
            .parse::<usize>()
            .ok()?
            .checked_sub(base)
            .filter(|v| *v < HOLES.len())?;
        out.push(Piece::Hole { value, escaped });
        rest = &after[end + CLOSE.len_utf8()..];
    }
    if rest.contains(CLOSE) {
        return None;
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_string()));
    }
    Some(out)
}

#[cfg(test)]
#[path = "frame_tests.rs"]
mod tests;
