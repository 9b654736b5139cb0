//! What the native code mirrors of the built-in templates: for each native kind, the
//! templates of its body and of its layout, read from the templates once (see `deps`).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::{deps, frame, ROOTS, SLOTS};

/// What the native code mirrors of the built-in templates, read from them once.
pub(super) struct Mirrored {
    /// By slot: the templates of the kind's body (its template and what that includes and
    /// calls, the layout it extends aside; all it uses when that layout is not [`frame::LAYOUT`]).
    pub body: [BTreeSet<String>; SLOTS],
    /// By slot: every identifier in the tags of those templates.
    pub names: [BTreeSet<String>; SLOTS],
    /// By slot: whether the kind extends [`frame::LAYOUT`] (so a site's layout can frame it).
    pub framed: [bool; SLOTS],
    /// The templates of the layout: [`frame::LAYOUT`] and all it uses.
    pub layout: BTreeSet<String>,
}

pub(super) fn mirrored() -> &'static Mirrored {
    static MIRRORED: OnceLock<Mirrored> = OnceLock::new();
    MIRRORED.get_or_init(|| {
        let graph = deps::Graph::new(crate::render::theme::builtin_templates().iter().copied());
        let framed =
            ROOTS.map(|r| graph.refs(r).and_then(|r| r.extends.as_deref()) == Some(frame::LAYOUT));
        let body: [BTreeSet<String>; SLOTS] =
            std::array::from_fn(|i| graph.closure(ROOTS[i], !framed[i]));
        let names = std::array::from_fn(|i| {
            body[i]
                .iter()
                .filter_map(|t| graph.refs(t))
                .flat_map(|r| r.names.iter().cloned())
                .collect()
        });
        Mirrored {
            body,
            names,
            framed,
            layout: graph.closure(frame::LAYOUT, true),
        }
    })
}
