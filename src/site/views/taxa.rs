//! Taxonomy pages: one per data category and one per purpose ("why we collect"), and their
//! index pages. A key's page lists the elements or uses filed under exactly that key and links
//! its more specific keys with their counts, the way a category tree is browsed (listing every
//! descendant's rows on each ancestor repeated each row up to four times).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::site::groups::TaxonGroup;

use super::element::{policy_brief, summary, ElementSummary, PolicyBrief};
use super::{ChartView, Ctx, Link, TaxonRef};

/// A row of a taxonomy index: a key, whether it heads a group, and how much is filed under it.
#[derive(Debug, Serialize)]
pub struct TaxonRow<'a> {
    pub taxon: TaxonRef<'a>,
    /// 0 for a group heading (the shallowest keys), 1 for a key used under it.
    pub depth: usize,
    /// Elements (categories) or uses (purposes) under it.
    pub count: usize,
    pub count_label: String,
}

#[derive(Debug, Serialize)]
pub struct TaxonIndexView<'a> {
    /// `categories` or `purposes`.
    pub kind: &'static str,
    pub rows: Vec<TaxonRow<'a>>,
    pub chart: Option<ChartView<'a>>,
}

/// A use as a purpose page lists it: which data, why, and on what basis.
#[derive(Debug, Serialize)]
pub struct PurposeUse<'a> {
    pub element: Link<'a>,
    pub purpose: TaxonRef<'a>,
    pub why: &'a str,
    /// Worded for the people the data is about ("Needed for our contract with job applicants").
    pub legal_basis: Option<String>,
    /// What the reader can do about it (see `choices::choice`).
    pub choice: Option<String>,
    pub optional: bool,
    pub required: bool,
    pub retention: Option<PolicyBrief<'a>>,
    pub internal: bool,
}

/// A more specific key linked from its parent's page, with how much is filed under it.
#[derive(Debug, Serialize)]
pub struct SubTaxon<'a> {
    pub taxon: TaxonRef<'a>,
    /// "20000 uses", "3 kinds of data": everything under the key and its descendants.
    pub count_label: String,
}

/// One category or purpose page.
#[derive(Debug, Serialize)]
pub struct TaxonView<'a> {
    pub kind: &'static str,
    pub taxon: TaxonRef<'a>,
    pub parent: Option<TaxonRef<'a>>,
    /// Every ancestor with a page, top level first (the breadcrumbs).
    pub ancestors: Vec<TaxonRef<'a>>,
    pub children: Vec<SubTaxon<'a>>,
    /// What is filed here and below, in words: "12 uses for exactly this purpose. 40000 more
    /// in more specific purposes."
    pub summary: String,
    /// Category pages: the elements in it.
    pub elements: Vec<ElementSummary<'a>>,
    /// Purpose pages: the uses for it.
    pub uses: Vec<PurposeUse<'a>>,
    /// The kinds of data filed under exactly this key (its table or cards).
    pub element_count: usize,
    /// Links to the other pages of a long list; `None` when it fits on one.
    pub pager: Option<crate::site::paging::Pager>,
}

fn depth(key: &str) -> usize {
    key.matches('.').count()
}

pub(super) fn categories_index(ctx: Ctx<'_>) -> TaxonIndexView<'_> {
    TaxonIndexView {
        kind: "categories",
        rows: rows(
            &ctx.site.groups.categories,
            |k| ctx.category(k),
            ctx.lang(),
            "taxa.kinds",
        ),
        chart: ctx.chart(ctx.site.chart_index.per_category),
    }
}

pub(super) fn purposes_index(ctx: Ctx<'_>) -> TaxonIndexView<'_> {
    TaxonIndexView {
        kind: "purposes",
        rows: rows(
            &ctx.site.groups.purposes,
            |k| ctx.purpose(k),
            ctx.lang(),
            "taxa.uses",
        ),
        chart: ctx.chart(ctx.site.chart_index.heatmap),
    }
}

/// The rows of an index: each shallowest key as a heading, then the keys used under it;
/// intermediate keys nothing is filed under directly are left to their own pages.
fn rows<'a>(
    groups: &BTreeMap<&'a str, TaxonGroup<'a>>,
    taxon: impl Fn(&'a str) -> TaxonRef<'a>,
    l: &crate::i18n::Strings,
    count_key: &str,
) -> Vec<TaxonRow<'a>> {
    let top = groups.keys().map(|k| depth(k)).min().unwrap_or(0);
    groups
        .iter()
        .filter(|(k, g)| depth(k) == top || g.direct)
        .map(|(&key, g)| TaxonRow {
            taxon: taxon(key),
            depth: usize::from(depth(key) > top),
            count: g.members.len(),
            count_label: l.count(count_key, g.members.len()),
        })
        .collect()
}

/// The parent of a key, when it has a page of its own.
fn parent<'a>(ctx: Ctx<'a>, key: &'a str, purposes: bool) -> Option<TaxonRef<'a>> {
    let tree = if purposes {
        &ctx.catalog.taxonomy.uses
    } else {
        &ctx.catalog.taxonomy.categories
    };
    let p = tree.get(key)?.parent.as_deref()?;
    let (has, r) = if purposes {
        (ctx.site.groups.purposes.contains_key(p), ctx.purpose(p))
    } else {
        (ctx.site.groups.categories.contains_key(p), ctx.category(p))
    };
    has.then_some(r)
}

/// The ancestors of a key that have pages of their own, top level first: the breadcrumbs of
/// its page, so a reader can climb the tree as well as descend it.
fn ancestors<'a>(ctx: Ctx<'a>, key: &'a str, purposes: bool) -> Vec<TaxonRef<'a>> {
    let (tree, groups) = if purposes {
        (&ctx.catalog.taxonomy.uses, &ctx.site.groups.purposes)
    } else {
        (
            &ctx.catalog.taxonomy.categories,
            &ctx.site.groups.categories,
        )
    };
    crate::site::groups::chain(tree, key)
        .into_iter()
        .filter(|&k| k != key && groups.contains_key(k))
        .map(|k| {
            if purposes {
                ctx.purpose(k)
            } else {
                ctx.category(k)
            }
        })
        .collect()
}

/// The members shown on part `part` of a taxonomy page, and its pager.
fn page<'m>(
    ctx: Ctx<'_>,
    members: &'m [usize],
    first: String,
    part: usize,
) -> (&'m [usize], Option<crate::site::paging::Pager>) {
    let per = ctx.site.paging.per_page;
    let parts = crate::site::paging::taxon_parts(members.len(), per);
    let from = part.saturating_mul(per).min(members.len());
    let to = from.saturating_add(per).min(members.len());
    (
        &members[from..to],
        crate::site::paging::pager(&first, part, parts),
    )
}

/// The more specific keys of `group` with their counts, and the page's summary: how much is
/// filed under exactly the key (`here`) and under its descendants.
fn below<'a>(
    ctx: Ctx<'a>,
    groups: &BTreeMap<&'a str, TaxonGroup<'a>>,
    group: Option<&TaxonGroup<'a>>,
    here: usize,
    purposes: bool,
) -> (Vec<SubTaxon<'a>>, String) {
    let l = ctx.lang();
    let (count_key, here_key, below_key, all_key) = if purposes {
        (
            "taxa.uses",
            "taxa.here_uses",
            "taxa.below_uses",
            "taxa.all_below_uses",
        )
    } else {
        (
            "taxa.kinds",
            "taxa.here_kinds",
            "taxa.below_kinds",
            "taxa.all_below_kinds",
        )
    };
    let children: Vec<SubTaxon> = group
        .map(|g| {
            g.children
                .iter()
                .map(|&k| {
                    let n = groups.get(k).map_or(0, |c| c.members.len());
                    SubTaxon {
                        taxon: if purposes {
                            ctx.purpose(k)
                        } else {
                            ctx.category(k)
                        },
                        count_label: l.count(count_key, n),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let total = group.map_or(0, |g| g.members.len());
    let summary = match total.saturating_sub(here) {
        0 => l.count(here_key, here),
        below if here == 0 => l.count(all_key, below),
        below => format!("{} {}", l.count(here_key, here), l.count(below_key, below)),
    };
    (children, summary)
}

pub(super) fn category<'a>(ctx: Ctx<'a>, key: &'a str, part: usize) -> TaxonView<'a> {
    let groups = &ctx.site.groups.categories;
    let group = groups.get(key);
    let own: &[usize] = group.map_or(&[], |g| g.own.as_slice());
    let (shown, pager) = page(ctx, own, super::urls::category(key), part);
    let elements: Vec<_> = shown.iter().map(|&e| summary(ctx, e)).collect();
    let (children, summary) = below(ctx, groups, group, own.len(), false);
    TaxonView {
        kind: "categories",
        taxon: ctx.category(key),
        parent: parent(ctx, key, false),
        ancestors: ancestors(ctx, key, false),
        children,
        summary,
        element_count: own.len(),
        elements,
        uses: Vec::new(),
        pager,
    }
}

pub(super) fn purpose<'a>(ctx: Ctx<'a>, key: &'a str, part: usize) -> TaxonView<'a> {
    let c = ctx.catalog;
    let groups = &ctx.site.groups.purposes;
    let group = groups.get(key);
    let own: &[usize] = group.map_or(&[], |g| g.own.as_slice());
    let mut elements: Vec<usize> = own.iter().map(|&u| c.uses[u].element).collect();
    elements.sort_unstable();
    elements.dedup();
    let (shown, pager) = page(ctx, own, super::urls::purpose(key), part);
    let (children, summary) = below(ctx, groups, group, own.len(), true);
    TaxonView {
        kind: "purposes",
        taxon: ctx.purpose(key),
        parent: parent(ctx, key, true),
        ancestors: ancestors(ctx, key, true),
        children,
        summary,
        elements: Vec::new(),
        uses: shown.iter().map(|&u| purpose_use(ctx, u)).collect(),
        element_count: elements.len(),
        pager,
    }
}

/// One row of a purpose page's table.
fn purpose_use(ctx: Ctx<'_>, u: usize) -> PurposeUse<'_> {
    let use_ = &ctx.catalog.uses[u];
    let others = super::choices::others(ctx, use_.element);
    PurposeUse {
        element: ctx.element_link(use_.element),
        purpose: ctx.purpose(&use_.purpose),
        why: &use_.why,
        legal_basis: use_
            .legal_basis
            .map(|b| super::choices::basis(ctx, b, others.as_ref()).text),
        choice: super::choices::short_choice(ctx, u, others.as_ref()),
        optional: use_.necessity == Some(crate::model::Necessity::Optional),
        required: use_.necessity == Some(crate::model::Necessity::Required),
        retention: policy_brief(ctx, u),
        internal: use_.visibility == crate::model::Visibility::Internal,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn purpose_page_lists_its_own_uses_and_links_its_children_with_counts() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::purpose(ctx, "essential", 0);
        assert!(
            v.uses.is_empty(),
            "nothing is filed under `essential` itself"
        );
        assert_eq!(v.element_count, 0);
        assert_eq!(v.summary, "2 uses, all filed under more specific purposes.");
        assert!(v.parent.is_none());
        let children: Vec<_> = v
            .children
            .iter()
            .map(|t| (t.taxon.key, t.count_label.as_str()))
            .collect();
        assert_eq!(
            children,
            [
                ("essential.legal_obligation", "1 use"),
                ("essential.service", "1 use")
            ]
        );
        let leaf = super::purpose(ctx, "essential.legal_obligation", 0);
        assert_eq!(leaf.parent.map(|p| p.key), Some("essential"));
        assert!(leaf.children.is_empty());
        assert_eq!(leaf.summary, "1 use for exactly this purpose.");
        let whys: Vec<_> = leaf.uses.iter().map(|u| u.why).collect();
        assert_eq!(whys, ["To check you are old enough"]);
        assert_eq!(
            leaf.uses[0].retention.as_ref().map(|r| r.href),
            Some("retention/index.html#policy-account")
        );
        assert_eq!(
            leaf.uses[0].element.href.as_deref(),
            Some("data/date_of_birth/index.html")
        );
        assert_eq!(
            leaf.uses[0].choice.as_deref(),
            Some("No: needed for our contract"),
            "the table's short answer; the element page has the sentence"
        );
        let email = super::purpose(ctx, "essential.service.notifications.email", 0);
        let whys: Vec<_> = email.uses.iter().map(|u| u.why).collect();
        assert_eq!(whys, ["To send your receipts"]);
        let crumbs: Vec<_> = email.ancestors.iter().map(|t| t.key).collect();
        assert_eq!(
            crumbs,
            [
                "essential",
                "essential.service",
                "essential.service.notifications"
            ]
        );
    }

    #[test]
    fn category_page_lists_its_own_elements_and_links_more_specific_ones() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::category(ctx, "user.contact", 0);
        assert!(v.elements.is_empty(), "the email address is one level down");
        let children: Vec<_> = v
            .children
            .iter()
            .map(|t| (t.taxon.key, t.count_label.as_str()))
            .collect();
        assert_eq!(children, [("user.contact.email", "1 kind of data")]);
        let v = super::category(ctx, "user.contact.email", 0);
        assert_eq!(v.elements.len(), 1);
        assert_eq!(v.elements[0].name, "Email address");
        assert_eq!(v.elements[0].uses.len(), 2, "internal use hidden");
        assert_eq!(v.summary, "1 kind of data in exactly this category.");
        let idx = super::categories_index(ctx);
        let rows: Vec<_> = idx.rows.iter().map(|r| (r.taxon.key, r.depth)).collect();
        assert_eq!(
            rows,
            [
                ("user.behavior", 0),
                ("user.behavior.purchase_history", 1),
                ("user.contact", 0),
                ("user.contact.email", 1),
                ("user.demographic", 0),
                ("user.demographic.date_of_birth", 1),
            ]
        );
        let purposes = super::purposes_index(ctx);
        let keys: Vec<_> = purposes.rows.iter().map(|r| r.taxon.key).collect();
        assert!(
            !keys.contains(&"essential.service"),
            "unused intermediate keys are skipped"
        );
        assert!(keys.contains(&"essential.service.notifications.email"));
    }
}
