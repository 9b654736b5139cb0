//! The register pages: retention policies (how long, in plain words, and what happens after),
//! recipients (who we share with, where, under which safeguards, and what) and systems.

use serde::Serialize;

use crate::hash::FastMap;
use crate::model::{RetentionPeriod, UseIdx};
use crate::site::paging::{pager, Pager};

use super::{urls, words, ChartView, Ctx, Link, TaxonRef, Words};

/// An element under a policy or shared with a recipient, with the uses that put it there.
#[derive(Debug, Serialize)]
pub struct ElementUses<'a> {
    pub element: Link<'a>,
    pub uses: Vec<PurposeWhy<'a>>,
}

/// One use in a register: its purpose and reason.
#[derive(Debug, Serialize)]
pub struct PurposeWhy<'a> {
    pub purpose: TaxonRef<'a>,
    pub why: &'a str,
}

#[derive(Debug, Serialize)]
pub struct PolicyView<'a> {
    pub id: &'a str,
    pub anchor: String,
    pub name: &'a str,
    /// "30 days after you close your account".
    pub summary: String,
    /// "30 days", "indefinite".
    pub period: String,
    pub iso: Option<&'a str>,
    pub indefinite: bool,
    pub trigger: Option<&'a str>,
    pub disposal: Option<Words>,
    pub legal_reference: Option<&'a str>,
    pub description: Option<&'a str>,
    pub elements: Vec<ElementUses<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RetentionView<'a> {
    pub policies: Vec<PolicyView<'a>>,
    pub chart: Option<ChartView<'a>>,
    /// Links to the other pages of a long register; `None` when it fits on one.
    pub pager: Option<Pager>,
}

#[derive(Debug, Serialize)]
pub struct RecipientView<'a> {
    pub id: &'a str,
    pub anchor: String,
    pub name: &'a str,
    pub role: Option<Words>,
    pub country: Option<&'a str>,
    /// Where the country stands for transfers ("outside the EEA"); `None` when unrecognised.
    pub country_status: Option<&'static str>,
    pub safeguards: Option<&'a str>,
    pub transfer_mechanism: Option<Words>,
    /// `YYYY-MM-DD` of the transfer impact assessment.
    pub tia_date: Option<String>,
    pub description: Option<&'a str>,
    /// Only an `http(s)` URL becomes a link.
    pub dpa_url: Option<&'a str>,
    pub elements: Vec<ElementUses<'a>>,
    pub element_count: usize,
}

#[derive(Debug, Serialize)]
pub struct RecipientsView<'a> {
    pub recipients: Vec<RecipientView<'a>>,
    pub chart: Option<ChartView<'a>>,
    pub pager: Option<Pager>,
}

#[derive(Debug, Serialize)]
pub struct SystemView<'a> {
    pub id: &'a str,
    pub anchor: String,
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub location: Option<&'a str>,
    pub country: Option<&'a str>,
    /// Where the country stands for transfers; `None` when unrecognised.
    pub country_status: Option<&'static str>,
    pub transfer_mechanism: Option<Words>,
    /// Internal builds only.
    pub owner: Option<&'a str>,
    /// Security measures (internal builds only).
    pub security: Option<&'a str>,
    pub elements: Vec<Link<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SystemsView<'a> {
    pub systems: Vec<SystemView<'a>>,
    pub pager: Option<Pager>,
}

/// The visible uses of a list, grouped by element (in order of first appearance): those of
/// the elements at positions `range` (a page's share of a long list).
fn element_uses_in<'a>(
    ctx: Ctx<'a>,
    uses: &'a [UseIdx],
    range: std::ops::Range<usize>,
) -> Vec<ElementUses<'a>> {
    let mut out: Vec<ElementUses<'a>> = Vec::new();
    let mut position: FastMap<usize, usize> = FastMap::default();
    for u in ctx.site.scope.filter_uses(uses) {
        let use_ = &ctx.catalog.uses[u];
        let next = position.len();
        let i = *position.entry(use_.element).or_insert(next);
        if !range.contains(&i) {
            continue;
        }
        let i = i - range.start;
        if i == out.len() {
            out.push(ElementUses {
                element: ctx.element_link(use_.element),
                uses: Vec::new(),
            });
        }
        out[i].uses.push(PurposeWhy {
            purpose: ctx.purpose(&use_.purpose),
            why: &use_.why,
        });
    }
    out
}

/// The items of a register on part `part` (by catalog index), with the range of their
/// elements shown there and how many they have in all.
fn window(
    listing: &crate::site::paging::Listing,
    per: usize,
    part: usize,
    visible: impl Iterator<Item = usize>,
) -> Vec<(usize, std::ops::Range<usize>, usize)> {
    let mut shown = listing.window(part, per).into_iter().peekable();
    let mut out = Vec::new();
    for (g, i) in visible.enumerate() {
        while shown.peek().is_some_and(|(sg, _)| *sg < g) {
            shown.next();
        }
        match shown.peek() {
            Some((sg, range)) if *sg == g => out.push((i, range.clone(), listing.members(g))),
            Some(_) => {}
            None => break,
        }
    }
    out
}

pub(super) fn retention(ctx: Ctx<'_>, part: usize) -> RetentionView<'_> {
    let c = ctx.catalog;
    let (paging, scope) = (&ctx.site.paging, &ctx.site.scope);
    let listing = &paging.retention;
    RetentionView {
        policies: window(listing, paging.per_page, part, scope.policies())
            .into_iter()
            .map(|(p, range, _)| {
                let policy = &c.retention[p];
                PolicyView {
                    id: &policy.id,
                    anchor: urls::anchor("policy", &policy.id),
                    name: &policy.name,
                    summary: words::retention_summary(ctx.lang(), policy),
                    period: words::period_label(ctx.lang(), &policy.period),
                    iso: match &policy.period {
                        RetentionPeriod::Fixed { iso, .. } => Some(iso.as_str()),
                        RetentionPeriod::Indefinite => None,
                    },
                    indefinite: policy.period == RetentionPeriod::Indefinite,
                    trigger: policy.trigger.as_deref(),
                    disposal: policy.disposal.map(|d| Words {
                        key: match d {
                            crate::model::Disposal::Delete => "delete",
                            crate::model::Disposal::Anonymize => "anonymize",
                            crate::model::Disposal::Archive => "archive",
                        },
                        text: words::disposal(ctx.lang(), d),
                    }),
                    legal_reference: policy.legal_reference.as_deref(),
                    description: policy.description.as_deref(),
                    elements: element_uses_in(ctx, &policy.uses, range),
                }
            })
            .collect(),
        chart: ctx
            .chart(ctx.site.chart_index.retention)
            .filter(|_| part == 0),
        pager: pager(urls::RETENTION, part, listing.parts(paging.per_page)),
    }
}

pub(super) fn recipients(ctx: Ctx<'_>, part: usize) -> RecipientsView<'_> {
    let c = ctx.catalog;
    let (paging, scope) = (&ctx.site.paging, &ctx.site.scope);
    let listing = &paging.recipients;
    RecipientsView {
        recipients: window(listing, paging.per_page, part, scope.recipients())
            .into_iter()
            .map(|(r, range, total)| {
                let rec = &c.recipients[r];
                let elements = element_uses_in(ctx, &rec.uses, range);
                RecipientView {
                    id: &rec.id,
                    anchor: urls::anchor("recipient", &rec.id),
                    name: &rec.name,
                    role: rec.role.map(|role| Words {
                        key: words::role_key(role),
                        text: words::role(ctx.lang(), role),
                    }),
                    country: rec.country.as_deref(),
                    country_status: rec
                        .country
                        .as_deref()
                        .and_then(|c| words::place(ctx.lang(), c)),
                    safeguards: rec.safeguards.as_deref(),
                    transfer_mechanism: rec.transfer_mechanism.map(|m| mechanism(ctx, m)),
                    tia_date: rec.tia_date.map(|d| d.to_string()),
                    description: rec.description.as_deref(),
                    dpa_url: rec.dpa_url.as_deref().filter(|u| words::is_web_url(u)),
                    element_count: total,
                    elements,
                }
            })
            .collect(),
        chart: ctx
            .chart(ctx.site.chart_index.recipients)
            .filter(|_| part == 0),
        pager: pager(urls::RECIPIENTS, part, listing.parts(paging.per_page)),
    }
}

fn mechanism(ctx: Ctx<'_>, m: crate::model::TransferMechanism) -> Words {
    Words {
        key: m.key(),
        text: words::mechanism(ctx.lang(), m),
    }
}

pub(super) fn systems(ctx: Ctx<'_>, part: usize) -> SystemsView<'_> {
    let c = ctx.catalog;
    let internal = ctx.internal();
    let (paging, scope) = (&ctx.site.paging, &ctx.site.scope);
    let listing = &paging.systems;
    SystemsView {
        systems: window(listing, paging.per_page, part, scope.systems())
            .into_iter()
            .map(|(s, range, _)| {
                let sys = &c.systems[s];
                SystemView {
                    id: &sys.id,
                    anchor: urls::anchor("system", &sys.id),
                    name: &sys.name,
                    description: sys.description.as_deref(),
                    location: sys.location.as_deref(),
                    country: sys.country.as_deref(),
                    country_status: sys
                        .country
                        .as_deref()
                        .and_then(|c| words::place(ctx.lang(), c)),
                    transfer_mechanism: sys.transfer_mechanism.map(|m| mechanism(ctx, m)),
                    owner: sys.owner.as_deref().filter(|_| internal),
                    security: sys.security.as_deref().filter(|_| internal),
                    elements: ctx
                        .site
                        .scope
                        .filter_elements(&sys.elements)
                        .skip(range.start)
                        .take(range.len())
                        .map(|e| ctx.element_link(e))
                        .collect(),
                }
            })
            .collect(),
        pager: pager(urls::SYSTEMS, part, listing.parts(paging.per_page)),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn public_registers_hide_internal_only_entries() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let r = super::retention(ctx, 0);
        let names: Vec<_> = r.policies.iter().map(|p| p.name).collect();
        assert_eq!(names, ["Account data", "Order records"]);
        assert_eq!(
            r.policies[0].summary,
            "30 days after you close your account"
        );
        let account: Vec<_> = r.policies[0]
            .elements
            .iter()
            .map(|e| (e.element.name, e.uses.len()))
            .collect();
        assert_eq!(
            account,
            [("Email address", 2), ("Date of birth", 1)],
            "grouped by element; the internal use is not listed"
        );
        let rec = super::recipients(ctx, 0);
        assert_eq!(rec.recipients.len(), 1);
        assert_eq!(
            rec.recipients[0].elements[0].uses[0].why,
            "To send offers you asked for"
        );
        let sys = super::systems(ctx, 0);
        assert_eq!(sys.systems[0].owner, None);
        assert_eq!(sys.systems[0].elements.len(), 3);
    }
}
