//! A site's own layout around natively rendered pages: when a site overrides `base.html` (the
//! most common theme change) but not the templates of a page's body, Tera renders the layout
//! once per page with a marker where the `content` block goes, and the native body is written
//! in its place. The bytes are those of a whole Tera render, at a fraction of its cost.

use std::collections::BTreeSet;

use serde::Serialize;
use tera::{Context, Tera};

use super::deps::Graph;
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
}

/// One page's layout, rendered, with where its body goes.
pub struct Shell {
    html: String,
    at: usize,
}

impl Shell {
    /// The layout before the body.
    pub fn head(&self) -> &str {
        &self.html[..self.at]
    }

    /// The layout after the body.
    pub fn foot(&self) -> &str {
        &self.html[self.at + MARKER.len()..]
    }
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
        for name in graph.closure(LAYOUT, true) {
            let refs = graph.refs(&name)?;
            if refs.captures || refs.names.contains("__tera_context") {
                return None;
            }
            sets.extend(refs.sets.iter().cloned());
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
        Some(Frame { tera, small, sets })
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
        let context: Context = if self.small {
            tera_env::layout_context(title, path, section, last_updated)
        } else {
            tera_env::page_context(view, title, path, section, last_updated).ok()?
        };
        let html = self.tera.render(SHELL, &context).ok()?;
        let at = html.find(MARKER)?;
        let once = !html[at + MARKER.len()..].contains(MARKER);
        once.then_some(Shell { html, at })
    }
}
