//! The home page's summary label, modelled on the App Store privacy label and the Play Store
//! "Data safety" section: what is collected (by category group), shared (by recipient), linked
//! to the person, used for tracking or targeted advertising, and optional. Computed from the
//! visible inventory only; every line lists the elements whose uses are behind it.
//!
//! "Linked to you": an element is linked when it identifies a person itself (name, contact
//! details, account, identifiers, government ids, biometrics) or when it is about a group of
//! data subjects of which the site also holds identifying data. "Tracking or targeted
//! advertising": a use under `marketing.advertising`, except negative targeting and contextual
//! advertising, which do not use data about the person.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{ElementIdx, Necessity};
use crate::taxonomy::Tree;

use super::{urls, Ctx, Link};

/// Categories whose data identifies a person by itself.
const IDENTIFYING: &[&str] = &[
    "user.name",
    "user.contact",
    "user.account",
    "user.unique_id",
    "user.government_id",
    "user.biometric",
    "user.device.device_id",
];

/// The most elements a line names (the rest are counted, behind the line's link), so the
/// home page stays small at any size.
pub const MAX_ITEMS: usize = 12;
/// The most recipients the label lists (the rest are counted; the recipients page has all).
pub const MAX_RECIPIENTS: usize = 25;

/// Advertising uses that do not target the person (so they are not tracking).
const NOT_TARGETED: &[&str] = &[
    "marketing.advertising.negative_targeting",
    "marketing.advertising.first_party.contextual",
];

/// The label: each part is a list of lines, empty when nothing applies.
#[derive(Debug, Default, Serialize)]
pub struct SummaryView<'a> {
    /// By category group, as on the data index.
    pub collected: Vec<SummaryLine<'a>>,
    /// By recipient, the first [`MAX_RECIPIENTS`] by name.
    pub shared: Vec<SummaryLine<'a>>,
    /// Recipients beyond those.
    pub shared_more: usize,
    /// By category group: the elements linked to the person.
    pub linked: Vec<SummaryLine<'a>>,
    /// By category group: the elements not linked to the person.
    pub not_linked: Vec<SummaryLine<'a>>,
    /// By purpose.
    pub tracking: Vec<SummaryLine<'a>>,
    /// By purpose: the uses a person may refuse.
    pub optional: Vec<SummaryLine<'a>>,
}

/// One line: a group, recipient or purpose, and the elements behind it.
#[derive(Debug, Serialize)]
pub struct SummaryLine<'a> {
    /// The category or purpose key, or the recipient's id.
    pub key: &'a str,
    pub name: &'a str,
    pub href: Option<String>,
    /// The first [`MAX_ITEMS`] elements behind it.
    pub items: Vec<Link<'a>>,
    /// How many elements are behind it in all.
    pub count: usize,
}

impl<'a> SummaryLine<'a> {
    fn new(
        ctx: Ctx<'a>,
        key: &'a str,
        (name, href): (&'a str, Option<String>),
        elements: &[ElementIdx],
    ) -> Self {
        SummaryLine {
            key,
            name,
            href,
            items: elements
                .iter()
                .take(MAX_ITEMS)
                .map(|&e| ctx.element_link(e))
                .collect(),
            count: elements.len(),
        }
    }
}

/// Whether `key` is `prefix` or sits under it in `tree` (extension keys by their parents).
fn under(tree: &Tree, key: &str, prefix: &str) -> bool {
    let by_name = key == prefix
        || key
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('.'));
    by_name || tree.lineage(key).any(|t| t.key == prefix)
}

/// Whether a use of purpose `key` is tracking or targeted advertising.
fn is_tracking(tree: &Tree, key: &str) -> bool {
    under(tree, key, "marketing.advertising") && !NOT_TARGETED.iter().any(|p| under(tree, key, p))
}

/// Lines of `groups` (key -> elements, in key order), named and linked by `line`.
fn lines<'a>(
    ctx: Ctx<'a>,
    groups: BTreeMap<&'a str, Vec<ElementIdx>>,
    line: impl Fn(&'a str) -> (&'a str, Option<String>),
) -> Vec<SummaryLine<'a>> {
    groups
        .into_iter()
        .map(|(key, mut elements)| {
            elements.dedup();
            SummaryLine::new(ctx, key, line(key), &elements)
        })
        .collect()
}

pub(super) fn summary(ctx: Ctx<'_>) -> SummaryView<'_> {
    let (c, scope) = (ctx.catalog, &ctx.site.scope);
    let tax = &c.taxonomy;
    let category = |key| {
        let r = ctx.category(key);
        (r.name, r.href.map(str::to_string))
    };
    let purpose = |key| {
        let r = ctx.purpose(key);
        (r.name, r.href.map(str::to_string))
    };

    // Subjects of which the site holds identifying data.
    let identifying = |e: ElementIdx| {
        let key = c.elements[e].category.as_str();
        IDENTIFYING.iter().any(|p| under(&tax.categories, key, p))
    };
    // Sorted and without repeats: every element of the site is looked up in it.
    let mut known: Vec<&str> = scope
        .elements()
        .filter(|&e| identifying(e))
        .flat_map(|e| c.elements[e].subjects.iter().map(String::as_str))
        .collect();
    known.sort_unstable();
    known.dedup();
    let mut linked = BTreeMap::new();
    let mut not_linked = BTreeMap::new();
    for (&section, elements) in &ctx.site.groups.sections {
        for &e in elements {
            let is_linked = identifying(e)
                || (c.elements[e].subjects.iter())
                    .any(|s| known.binary_search(&s.as_str()).is_ok());
            let side = if is_linked {
                &mut linked
            } else {
                &mut not_linked
            };
            side.entry(section).or_insert_with(Vec::new).push(e);
        }
    }

    let mut shared: BTreeMap<usize, Vec<ElementIdx>> = BTreeMap::new();
    let mut tracking = BTreeMap::new();
    let mut optional = BTreeMap::new();
    for u in scope.uses() {
        let use_ = &c.uses[u];
        for &r in use_.shared_with.iter().filter(|&&r| scope.recipient(r)) {
            shared.entry(r).or_default().push(use_.element);
        }
        if is_tracking(&tax.uses, &use_.purpose) {
            tracking
                .entry(use_.purpose.as_str())
                .or_insert_with(Vec::new)
                .push(use_.element);
        }
        if use_.necessity == Some(Necessity::Optional) {
            optional
                .entry(use_.purpose.as_str())
                .or_insert_with(Vec::new)
                .push(use_.element);
        }
    }
    let mut shared: Vec<(usize, Vec<ElementIdx>)> = shared.into_iter().collect();
    shared.sort_by(|a, b| c.recipients[a.0].name.cmp(&c.recipients[b.0].name));
    let shared_more = shared.len().saturating_sub(MAX_RECIPIENTS);
    shared.truncate(MAX_RECIPIENTS);
    let sort = |mut v: Vec<ElementIdx>| {
        v.sort_unstable();
        v
    };
    SummaryView {
        collected: lines(ctx, ctx.site.groups.sections.clone(), category),
        shared: shared
            .into_iter()
            .map(|(r, elements)| {
                let rec = &c.recipients[r];
                let mut elements = sort(elements);
                elements.dedup();
                let href = urls::anchored(urls::RECIPIENTS, "recipient", &rec.id);
                SummaryLine::new(ctx, &rec.id, (&rec.name, Some(href)), &elements)
            })
            .collect(),
        shared_more,
        linked: lines(ctx, linked, category),
        not_linked: lines(ctx, not_linked, category),
        tracking: lines(
            ctx,
            tracking.into_iter().map(|(k, v)| (k, sort(v))).collect(),
            purpose,
        ),
        optional: lines(
            ctx,
            optional.into_iter().map(|(k, v)| (k, sort(v))).collect(),
            purpose,
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::model::{Necessity, Visibility};
    use crate::site::{plan, testkit, views::Ctx};

    fn names(lines: &[super::SummaryLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                let items: Vec<&str> = l.items.iter().map(|i| i.name).collect();
                format!("{}: {}", l.key, items.join(", "))
            })
            .collect()
    }

    #[test]
    fn the_label_counts_only_public_uses_and_links_each_line() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::summary(ctx);
        assert_eq!(
            names(&v.collected),
            [
                "user.behavior: Purchase history",
                "user.contact: Email address",
                "user.demographic: Date of birth"
            ]
        );
        assert_eq!(
            v.collected[1].href.as_deref(),
            Some("categories/user.contact/index.html")
        );
        assert_eq!(
            v.collected[1].items[0].href.as_deref(),
            Some("data/email_address/index.html")
        );
        // Shared only with the public recipient; the internal-only one stays hidden.
        assert_eq!(names(&v.shared), ["mailer: Email address"]);
        assert_eq!(
            v.shared[0].href.as_deref(),
            Some("recipients/index.html#recipient-mailer")
        );
        // Email identifies the customer; everything else is about customers too.
        assert_eq!(v.linked.len(), 3);
        assert!(v.not_linked.is_empty());
        assert!(v.tracking.is_empty());
        assert_eq!(
            names(&v.optional),
            ["marketing.communications.email: Email address"]
        );
        assert_eq!(
            v.optional[0].href.as_deref(),
            Some("purposes/marketing.communications.email/index.html")
        );
    }

    #[test]
    fn a_line_names_at_most_max_items_elements_and_counts_them_all() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let many: Vec<usize> = (0..40).map(|i| i % 3).collect();
        let line = super::SummaryLine::new(ctx, "k", ("K", None), &many);
        assert_eq!(line.items.len(), super::MAX_ITEMS);
        assert_eq!(line.count, 40);
    }

    #[test]
    fn targeted_advertising_is_tracking_and_unidentified_subjects_are_not_linked() {
        let mut c = testkit::catalog();
        c.uses[2].purpose = "marketing.advertising.first_party.targeted".into();
        c.uses[3].purpose = "marketing.advertising.negative_targeting".into();
        c.uses[0].necessity = Some(Necessity::Optional);
        c.elements[1].subjects = vec!["prospect".into()];
        // An internal advertising use never reaches the public label.
        c.uses[4].purpose = "marketing.advertising.third_party.targeted".into();
        assert_eq!(c.uses[4].visibility, Visibility::Internal);
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::summary(ctx);
        assert_eq!(v.tracking.len(), 1);
        assert_eq!(v.tracking[0].items[0].name, "Purchase history");
        assert_eq!(names(&v.not_linked), ["user.behavior: Purchase history"]);
        assert_eq!(v.linked.len(), 2);
        assert_eq!(v.optional.len(), 2);
    }
}
