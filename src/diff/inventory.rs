//! Changes to the inventory: elements added, removed or redefined; uses added, removed, and
//! changes of reason, legal basis, Art. 9 condition, legal reference, necessity, retention,
//! sharing and visibility.

use std::collections::BTreeSet;

use super::change::{Change, Kind, Section};
use super::side::{key, Side};
use crate::model::{Element, Use};

/// Every inventory change between two sides, in no particular order.
pub fn changes(old: &Side, new: &Side, out: &mut Vec<Change>) {
    let (old_els, new_els) = (old.elements(), new.elements());
    let ids: BTreeSet<&str> = old_els.keys().chain(new_els.keys()).copied().collect();
    for id in ids {
        match (old_els.get(id), new_els.get(id)) {
            (None, Some(&e)) => added(new, &new.cat.elements[e], e, out),
            (Some(&e), None) => removed(old, &old.cat.elements[e], e, out),
            (Some(&a), Some(&b)) => changed(old, new, a, b, out),
            (None, None) => {}
        }
    }
}

fn added(side: &Side, el: &Element, e: usize, out: &mut Vec<Change>) {
    let sensitive = side.sensitive(el);
    let category = side.category(&el.category);
    let note = if sensitive { ", sensitive" } else { "" };
    out.push(
        Change::new(
            Kind::ElementAdded,
            Section::Collection,
            format!("adds {} to the inventory ({category}{note})", el.name),
        )
        .element(&el.id, &el.name)
        .sensitive(sensitive)
        .values(None, Some(el.category.clone()))
        .at(&el.origin),
    );
    for u in side.uses_of(e).into_values() {
        out.push(
            use_change(Kind::UseAdded, side, el, u)
                .text(format!(
                    "starts collecting {} for {}{}",
                    el.name,
                    side.purpose(&u.purpose),
                    side.basis_suffix(u)
                ))
                .sensitive(sensitive)
                .values(None, Some(u.why.clone())),
        );
        new_use_sharing(side, el, u, sensitive, out);
    }
}

fn removed(side: &Side, el: &Element, e: usize, out: &mut Vec<Change>) {
    let sensitive = side.sensitive(el);
    out.push(
        Change::new(
            Kind::ElementRemoved,
            Section::Collection,
            format!("removes {} from the inventory", el.name),
        )
        .element(&el.id, &el.name)
        .sensitive(sensitive)
        .values(Some(el.category.clone()), None)
        .at_old(&el.origin),
    );
    for u in side.uses_of(e).into_values() {
        out.push(
            use_change(Kind::UseRemoved, side, el, u)
                .text(format!(
                    "stops collecting {} for {}",
                    el.name,
                    side.purpose(&u.purpose)
                ))
                .sensitive(sensitive)
                .values(Some(u.why.clone()), None),
        );
    }
}

/// A use added or removed, with its sentence.
fn use_change(kind: Kind, side: &Side, el: &Element, u: &Use) -> Change {
    let purpose = side.purpose(&u.purpose);
    let text = match kind {
        Kind::UseAdded => format!(
            "starts using {} for {purpose}{}",
            el.name,
            side.basis_suffix(u)
        ),
        _ => format!("stops using {} for {purpose}", el.name),
    };
    let change = Change::new(kind, Section::Collection, text)
        .element(&el.id, &el.name)
        .purpose(&u.purpose);
    if kind == Kind::UseRemoved {
        change.at_old(&u.origin)
    } else {
        change.at(&u.origin)
    }
}

fn changed(old: &Side, new: &Side, a: usize, b: usize, out: &mut Vec<Change>) {
    let (ea, eb) = (&old.cat.elements[a], &new.cat.elements[b]);
    let sensitive = old.sensitive(ea) || new.sensitive(eb);
    element_fields(old, new, ea, eb, sensitive, out);
    let (ua, ub) = (old.uses_of(a), new.uses_of(b));
    for (key, u) in &ub {
        match ua.get(key) {
            None => {
                out.push(
                    use_change(Kind::UseAdded, new, eb, u)
                        .sensitive(sensitive)
                        .values(None, Some(u.why.clone())),
                );
                new_use_sharing(new, eb, u, sensitive, out);
            }
            Some(before) => use_fields(old, new, eb, before, u, sensitive, out),
        }
    }
    for (key, u) in &ua {
        if !ub.contains_key(key) {
            out.push(
                use_change(Kind::UseRemoved, old, ea, u)
                    .sensitive(sensitive)
                    .values(Some(u.why.clone()), None),
            );
        }
    }
}

/// Name, category, source and subjects of an element present on both sides.
fn element_fields(
    old: &Side,
    new: &Side,
    ea: &Element,
    eb: &Element,
    sensitive: bool,
    out: &mut Vec<Change>,
) {
    let source = |e: &Element| e.source.as_ref().map(key);
    let subjects = |e: &Element| {
        let mut s = e.subjects.clone();
        s.sort();
        (!s.is_empty()).then(|| s.join("; "))
    };
    let fields: [(&'static str, Option<String>, Option<String>); 4] = [
        ("name", Some(ea.name.clone()), Some(eb.name.clone())),
        (
            "category",
            Some(ea.category.clone()),
            Some(eb.category.clone()),
        ),
        ("source", source(ea), source(eb)),
        ("subjects", subjects(ea), subjects(eb)),
    ];
    for (field, before, after) in fields {
        if before == after {
            continue;
        }
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "none".into());
        let text = match field {
            "name" => format!("renames {} to {}", show(&before), show(&after)),
            "category" => format!(
                "files {} under {} instead of {}",
                eb.name,
                new.category(&eb.category),
                old.category(&ea.category)
            ),
            "source" => format!(
                "changes where {} comes from: {} instead of {}",
                eb.name,
                show(&after),
                show(&before)
            ),
            _ => format!(
                "changes whose {} is collected: {} instead of {}",
                eb.name,
                show(&after),
                show(&before)
            ),
        };
        out.push(
            Change::new(Kind::ElementChanged, Section::Collection, text)
                .field(field)
                .element(&eb.id, &eb.name)
                .sensitive(sensitive)
                .values(before, after)
                .at(&eb.origin),
        );
    }
}

/// The row-level fields of a use present on both sides.
fn use_fields(
    old: &Side,
    new: &Side,
    el: &Element,
    a: &Use,
    b: &Use,
    sensitive: bool,
    out: &mut Vec<Change>,
) {
    let what = format!("{} for {}", el.name, new.purpose(&b.purpose));
    let base = |section, field, text: String, before: Option<String>, after: Option<String>| {
        Change::new(Kind::UseChanged, section, text)
            .field(field)
            .element(&el.id, &el.name)
            .purpose(&b.purpose)
            .sensitive(sensitive)
            .values(before, after)
            .at(&b.origin)
    };
    if a.why.trim() != b.why.trim() {
        let text = format!(
            "gives a new reason for using {what}: \u{201c}{}\u{201d}",
            b.why.trim()
        );
        out.push(base(
            Section::Collection,
            "why",
            text,
            Some(a.why.clone()),
            Some(b.why.clone()),
        ));
    }
    if a.legal_basis != b.legal_basis {
        let text = format!(
            "uses {what} on {} instead of {}",
            new.basis(b),
            old.basis(a)
        );
        out.push(base(
            Section::Collection,
            "legal_basis",
            text,
            a.legal_basis.as_ref().map(key),
            b.legal_basis.as_ref().map(key),
        ));
    }
    if a.necessity != b.necessity {
        let n = |u: &Use| u.necessity.as_ref().map(key);
        let text = match b.necessity {
            Some(crate::model::Necessity::Optional) => format!("lets people decline {what}"),
            Some(crate::model::Necessity::Required) => format!("makes {what} required"),
            None => format!("no longer says whether {what} is required"),
        };
        out.push(base(Section::Collection, "necessity", text, n(a), n(b)));
    }
    if a.special_category_condition != b.special_category_condition {
        let c = |u: &Use| u.special_category_condition.map(|c| c.key().to_string());
        let words = |u: &Use| {
            u.special_category_condition
                .map_or("no Art. 9 condition".to_string(), |c| {
                    format!("{} ({})", c.label(), c.article())
                })
        };
        let text = format!("uses {what} under {} instead of {}", words(b), words(a));
        out.push(base(
            Section::Collection,
            "special_category_condition",
            text,
            c(a),
            c(b),
        ));
    }
    if a.legal_reference != b.legal_reference {
        let text = match &b.legal_reference {
            Some(law) => format!("names {law} as the law behind {what}"),
            None => format!("no longer names the law behind {what}"),
        };
        out.push(base(
            Section::Collection,
            "legal_reference",
            text,
            a.legal_reference.clone(),
            b.legal_reference.clone(),
        ));
    }
    if a.visibility != b.visibility {
        let v = |u: &Use| key(&u.visibility);
        let text = match b.visibility {
            crate::model::Visibility::Public => format!("publishes {what} on the public site"),
            crate::model::Visibility::Internal => format!("makes {what} internal-only"),
        };
        out.push(base(
            Section::Collection,
            "visibility",
            text,
            Some(v(a)),
            Some(v(b)),
        ));
    }
    let policy_id = |side: &Side, u: &Use| u.retention.map(|p| side.cat.retention[p].id.clone());
    if policy_id(old, a) != policy_id(new, b) {
        let text = format!(
            "keeps {what} for {} instead of {}",
            new.retention(b),
            old.retention(a)
        );
        out.push(base(
            Section::Retention,
            "retention",
            text,
            policy_id(old, a),
            policy_id(new, b),
        ));
    }
    sharing(old, new, &what, a, b, &base, out);
}

/// The recipients of a use this side's audience may see: id, name and country.
fn recipients(side: &Side, u: &Use) -> BTreeSet<(String, String, Option<String>)> {
    u.shared_with
        .iter()
        .filter(|&&r| side.scope.recipient(r))
        .map(|&r| {
            let r = &side.cat.recipients[r];
            (r.id.clone(), r.name.clone(), r.country.clone())
        })
        .collect()
}

/// " (United States)" after a recipient's name, when its country is known.
fn country(c: &Option<String>) -> String {
    c.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()
}

/// The sharing of a new use: one `use_added` change in the Sharing section per recipient
/// (field `shared_with`), so a new use shared abroad is as visible as a changed one.
fn new_use_sharing(side: &Side, el: &Element, u: &Use, sensitive: bool, out: &mut Vec<Change>) {
    let what = format!("{} for {}", el.name, side.purpose(&u.purpose));
    for (id, name, c) in recipients(side, u) {
        out.push(
            Change::new(
                Kind::UseAdded,
                Section::Sharing,
                format!("starts sharing {what} with {name}{}", country(&c)),
            )
            .field("shared_with")
            .element(&el.id, &el.name)
            .purpose(&u.purpose)
            .recipient(&id, &name)
            .sensitive(sensitive)
            .values(None, Some(id.clone()))
            .at(&u.origin),
        );
    }
}

/// Recipients added to or removed from a use.
fn sharing<F>(old: &Side, new: &Side, what: &str, a: &Use, b: &Use, base: &F, out: &mut Vec<Change>)
where
    F: Fn(Section, &'static str, String, Option<String>, Option<String>) -> Change,
{
    let (before, after) = (recipients(old, a), recipients(new, b));
    for (id, name, c) in after.iter().filter(|r| !before.iter().any(|x| x.0 == r.0)) {
        let text = format!("starts sharing {what} with {name}{}", country(c));
        out.push(
            base(
                Section::Sharing,
                "shared_with",
                text,
                None,
                Some(id.clone()),
            )
            .recipient(id, name),
        );
    }
    for (id, name, _) in before.iter().filter(|r| !after.iter().any(|x| x.0 == r.0)) {
        let text = format!("stops sharing {what} with {name}");
        out.push(
            base(
                Section::Sharing,
                "shared_with",
                text,
                Some(id.clone()),
                None,
            )
            .recipient(id, name),
        );
    }
}
