//! Purpose limitation: `vague-purpose`. An element whose only uses are generic keys, a use
//! whose reason is empty or a placeholder, and a reason copied across many elements.

use rayon::prelude::*;

use crate::hash::FastMap;

use super::rules::VAGUE_PURPOSE;
use super::{Cx, Draft, Out};

/// A reason given for at least this many different elements is boilerplate.
pub const BOILERPLATE_ELEMENTS: usize = 4;

/// Reasons that say nothing (compared after normalising case and punctuation).
const PLACEHOLDERS: &[&str] = &[
    "",
    "n a",
    "na",
    "tbd",
    "todo",
    "none",
    "various",
    "see above",
    "same as above",
    "misc",
];

/// Lowercase words separated by single spaces, so "To improve  our services." and
/// "to improve our services" compare equal.
fn normalise(reason: &str) -> String {
    if reason.is_ascii() {
        return normalise_ascii(reason);
    }
    let mut out = String::with_capacity(reason.len());
    for word in reason
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// [`normalise`] for ASCII text (nearly every reason), a byte at a time.
fn normalise_ascii(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut gap = false;
    for b in reason.bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            gap = true;
        }
    }
    out
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    if !out.on(VAGUE_PURPOSE) {
        return;
    }
    let tax = &cx.cat.taxonomy;
    // Parent key -> its first child, for keys that have a more specific option.
    let mut first_child: FastMap<&str, &str> = FastMap::default();
    for t in &tax.uses.taxa {
        if let Some(p) = &t.parent {
            first_child.entry(p.as_str()).or_insert(t.key.as_str());
        }
    }
    let generic = |key: &str| {
        key == "collect"
            || (tax.uses.get(key).is_some_and(|t| t.parent.is_none())
                && first_child.contains_key(key))
    };
    // Normalised reason -> number of distinct elements giving it.
    let mut reasons: FastMap<&str, (usize, usize)> = FastMap::default();
    let normalised: Vec<String> = cx.cat.uses.par_iter().map(|u| normalise(&u.why)).collect();
    for (u, n) in cx.cat.uses.iter().zip(&normalised) {
        let entry = reasons.entry(n.as_str()).or_insert((0, usize::MAX));
        if entry.1 != u.element {
            *entry = (entry.0 + 1, u.element);
        }
    }
    out.par_each(&cx.cat.elements, |el, out| {
        let uses: Vec<_> = el.uses.iter().map(|&u| (u, &cx.cat.uses[u])).collect();
        if !uses.is_empty() && uses.iter().all(|(_, u)| generic(&u.purpose)) {
            let keys: Vec<String> = uses
                .iter()
                .map(|(_, u)| format!("`{}`", u.purpose))
                .collect();
            let example = uses
                .iter()
                .find_map(|(_, u)| first_child.get(u.purpose.as_str()))
                .map_or(String::new(), |c| format!(", e.g. `{c}`"));
            out.emit(VAGUE_PURPOSE, &el.origin, || {
                Draft::new(
                    format!(
                        "`{}` is only used for generic purposes ({})",
                        el.id,
                        keys.join(", ")
                    ),
                    format!("say what it is for with a more specific data use key{example}"),
                )
                .element(&el.id)
            });
        }
        let mut boilerplate_reported = false;
        for (ui, u) in uses {
            let n = &normalised[ui];
            if PLACEHOLDERS.contains(&n.as_str()) {
                out.emit(VAGUE_PURPOSE, &u.origin, || {
                    Draft::new(
                        format!(
                            "the use of `{}` for `{}` gives no reason (`why` is {})",
                            el.id,
                            u.purpose,
                            if n.is_empty() { "empty".to_string() } else { format!("\"{}\"", u.why.trim()) }
                        ),
                        "write in `why`, in plain language, what this data is needed for in this use",
                    )
                    .element(&el.id)
                });
            } else if !boilerplate_reported {
                let count = reasons.get(n.as_str()).map_or(0, |c| c.0);
                if count >= BOILERPLATE_ELEMENTS {
                    boilerplate_reported = true;
                    out.emit(VAGUE_PURPOSE, &u.origin, || {
                        Draft::new(
                            format!(
                                "`{}` gives the same reason as {} other elements: \"{}\"",
                                el.id,
                                count - 1,
                                u.why.trim()
                            ),
                            format!("write what `{}` in particular is needed for", el.id),
                        )
                        .element(&el.id)
                    });
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::normalise;
    use crate::audit::testing::{rules_fired, run, Site};

    #[test]
    fn normalises_case_and_punctuation() {
        assert_eq!(
            normalise("  To improve -- our Services. "),
            "to improve our services"
        );
        assert_eq!(normalise("N/A"), "n a");
        assert_eq!(normalise("Über -- Größe"), "über größe");
        assert_eq!(
            super::normalise_ascii("  To improve -- our Services. "),
            "to improve our services"
        );
    }

    #[test]
    fn only_generic_uses_are_vague() {
        let mut s = Site::new();
        s.element("phone", "user.contact.phone_number");
        s.use_("phone", "marketing");
        s.use_("phone", "collect");
        let a = run(s);
        assert_eq!(a.findings.len(), 1);
        let f = &a.findings[0];
        assert_eq!(f.rule, "vague-purpose");
        assert_eq!(f.origin.line, 2, "points at the element's first row");
        assert!(f.hint.contains("`marketing.advertising`"), "{}", f.hint);
    }

    #[test]
    fn near_miss_one_specific_use_or_a_childless_top_level_key() {
        let mut s = Site::new();
        s.element("phone", "user.contact.phone_number");
        s.use_("phone", "marketing");
        s.use_("phone", "essential.service.notifications.sms");
        s.element("photo", "user.content");
        s.use_("photo", "train_ai_system");
        assert!(rules_fired(s).is_empty());
    }

    #[test]
    fn empty_and_placeholder_reasons_are_vague() {
        let mut s = Site::new();
        s.element("phone", "user.contact.phone_number");
        s.use_("phone", "essential.service").why = "   ".into();
        s.use_("phone", "essential.service.notifications.sms").why = "TBD".into();
        assert_eq!(rules_fired(s), ["vague-purpose", "vague-purpose"]);
    }

    #[test]
    fn a_reason_copied_across_many_elements_is_boilerplate() {
        let mut s = Site::new();
        for id in ["a", "b", "c", "d"] {
            s.element(id, "user.contact.email");
            s.use_(id, "essential.service").why = "To improve our services.".into();
            s.use_(id, "essential.service.operations").why = "to improve our services".into();
        }
        let a = run(s);
        assert_eq!(a.findings.len(), 4, "one per element, not one per row");
        assert!(a.findings[0].message.contains("3 other elements"));
    }

    #[test]
    fn near_miss_a_reason_shared_by_three_elements() {
        let mut s = Site::new();
        for id in ["a", "b", "c"] {
            s.element(id, "user.contact.email");
            s.use_(id, "essential.service").why = "To deliver your order.".into();
        }
        assert!(rules_fired(s).is_empty());
    }
}
