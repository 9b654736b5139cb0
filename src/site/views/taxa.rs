//! Taxonomy pages: one per data category and one per purpose ("why we collect"), and their
//! index pages, each listing the elements or uses filed under a key and its descendants.

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

/// One category or purpose page.
#[derive(Debug, Serialize)]
pub struct TaxonView<'a> {
    pub kind: &'static str,
    pub taxon: TaxonRef<'a>,
    pub parent: Option<TaxonRef<'a>>,
    pub children: Vec<TaxonRef<'a>>,
    /// Category pages: the elements in it.
    pub elements: Vec<ElementSummary<'a>>,
    /// Purpose pages: the uses for it.
    pub uses: Vec<PurposeUse<'a>>,
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

pub(super) fn category<'a>(ctx: Ctx<'a>, key: &'a str, part: usize) -> TaxonView<'a> {
    let group = ctx.site.groups.categories.get(key);
    let members: &[usize] = group.map_or(&[], |g| g.members.as_slice());
    let (shown, pager) = page(ctx, members, super::urls::category(key), part);
    let elements: Vec<_> = shown.iter().map(|&e| summary(ctx, e)).collect();
    TaxonView {
        kind: "categories",
        taxon: ctx.category(key),
        parent: parent(ctx, key, false),
        children: group
            .map(|g| g.children.iter().map(|&k| ctx.category(k)).collect())
            .unwrap_or_default(),
        element_count: members.len(),
        elements,
        uses: Vec::new(),
        pager,
    }
}

pub(super) fn purpose<'a>(ctx: Ctx<'a>, key: &'a str, part: usize) -> TaxonView<'a> {
    let c = ctx.catalog;
    let group = ctx.site.groups.purposes.get(key);
    let members: &[usize] = group.map_or(&[], |g| g.members.as_slice());
    let mut elements: Vec<usize> = members.iter().map(|&u| c.uses[u].element).collect();
    elements.sort_unstable();
    elements.dedup();
    let (shown, pager) = page(ctx, members, super::urls::purpose(key), part);
    TaxonView {
        kind: "purposes",
        taxon: ctx.purpose(key),
        parent: parent(ctx, key, true),
        children: group
            .map(|g| g.children.iter().map(|&k| ctx.purpose(k)).collect())
            .unwrap_or_default(),
        elements: Vec::new(),
        uses: shown
            .iter()
            .map(|&u| {
                let use_ = &c.uses[u];
                let others = super::choices::others(ctx, use_.element);
                PurposeUse {
                    element: ctx.element_link(use_.element),
                    purpose: ctx.purpose(&use_.purpose),
                    why: &use_.why,
                    legal_basis: use_
                        .legal_basis
                        .map(|b| super::choices::basis(ctx, b, others.as_ref()).text),
                    choice: super::choices::choice(ctx, u, others.as_ref()),
                    optional: use_.necessity == Some(crate::model::Necessity::Optional),
                    required: use_.necessity == Some(crate::model::Necessity::Required),
                    retention: policy_brief(ctx, u),
                    internal: use_.visibility == crate::model::Visibility::Internal,
                }
            })
            .collect(),
        element_count: elements.len(),
        pager,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn purpose_page_lists_uses_under_it_and_links_up_and_down() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::purpose(ctx, "essential", 0);
        let whys: Vec<_> = v.uses.iter().map(|u| u.why).collect();
        assert_eq!(
            whys,
            ["To send your receipts", "To check you are old enough"]
        );
        assert_eq!(v.element_count, 2);
        assert!(v.parent.is_none());
        let children: Vec<_> = v.children.iter().map(|t| t.key).collect();
        assert_eq!(
            children,
            ["essential.legal_obligation", "essential.service"]
        );
        let leaf = super::purpose(ctx, "essential.legal_obligation", 0);
        assert_eq!(leaf.parent.map(|p| p.key), Some("essential"));
        assert_eq!(
            leaf.uses[0].retention.as_ref().map(|r| r.href),
            Some("retention/index.html#policy-account")
        );
        assert_eq!(
            leaf.uses[0].element.href.as_deref(),
            Some("data/date_of_birth/index.html")
        );
    }

    #[test]
    fn category_page_lists_elements_of_descendants() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::category(ctx, "user.contact", 0);
        assert_eq!(v.elements.len(), 1);
        assert_eq!(v.elements[0].name, "Email address");
        assert_eq!(v.elements[0].uses.len(), 2, "internal use hidden");
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
