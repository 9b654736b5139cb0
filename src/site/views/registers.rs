//! The register pages: retention policies (how long, in plain words, and what happens after),
//! recipients (who we share with, where, under which safeguards, and what) and systems.

use serde::Serialize;

use crate::link::{RetentionPeriod, UseIdx};

use super::{urls, words, ChartView, Ctx, Link, TaxonRef, Words};

/// An element under a policy or shared with a recipient, with the purpose it is used for.
#[derive(Debug, Serialize)]
pub struct ElementUse<'a> {
    pub element: Link<'a>,
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
    pub uses: Vec<ElementUse<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RetentionView<'a> {
    pub policies: Vec<PolicyView<'a>>,
    pub chart: Option<ChartView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RecipientView<'a> {
    pub id: &'a str,
    pub anchor: String,
    pub name: &'a str,
    pub role: Option<Words>,
    pub country: Option<&'a str>,
    pub safeguards: Option<&'a str>,
    pub description: Option<&'a str>,
    /// Only an `http(s)` URL becomes a link.
    pub dpa_url: Option<&'a str>,
    pub uses: Vec<ElementUse<'a>>,
    pub element_count: usize,
}

#[derive(Debug, Serialize)]
pub struct RecipientsView<'a> {
    pub recipients: Vec<RecipientView<'a>>,
    pub chart: Option<ChartView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SystemView<'a> {
    pub id: &'a str,
    pub anchor: String,
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub location: Option<&'a str>,
    /// Internal builds only.
    pub owner: Option<&'a str>,
    pub elements: Vec<Link<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SystemsView<'a> {
    pub systems: Vec<SystemView<'a>>,
}

fn element_uses<'a>(ctx: Ctx<'a>, uses: &'a [UseIdx]) -> Vec<ElementUse<'a>> {
    ctx.site
        .scope
        .filter_uses(uses)
        .map(|u| {
            let use_ = &ctx.catalog.uses[u];
            ElementUse {
                element: ctx.element_link(use_.element),
                purpose: ctx.purpose(&use_.purpose),
                why: &use_.why,
            }
        })
        .collect()
}

pub(super) fn retention(ctx: Ctx<'_>) -> RetentionView<'_> {
    let c = ctx.catalog;
    RetentionView {
        policies: ctx
            .site
            .scope
            .policies()
            .map(|p| {
                let policy = &c.retention[p];
                PolicyView {
                    id: &policy.id,
                    anchor: urls::slug(&policy.id).into_owned(),
                    name: &policy.name,
                    summary: words::retention_summary(policy),
                    period: words::period_label(&policy.period),
                    iso: match &policy.period {
                        RetentionPeriod::Fixed { iso, .. } => Some(iso.as_str()),
                        RetentionPeriod::Indefinite => None,
                    },
                    indefinite: policy.period == RetentionPeriod::Indefinite,
                    trigger: policy.trigger.as_deref(),
                    disposal: policy.disposal.map(|d| Words {
                        key: match d {
                            crate::link::Disposal::Delete => "delete",
                            crate::link::Disposal::Anonymize => "anonymize",
                            crate::link::Disposal::Archive => "archive",
                        },
                        text: words::disposal(d),
                    }),
                    legal_reference: policy.legal_reference.as_deref(),
                    description: policy.description.as_deref(),
                    uses: element_uses(ctx, &policy.uses),
                }
            })
            .collect(),
        chart: ctx.chart(ctx.site.chart_index.retention),
    }
}

pub(super) fn recipients(ctx: Ctx<'_>) -> RecipientsView<'_> {
    let c = ctx.catalog;
    RecipientsView {
        recipients: ctx
            .site
            .scope
            .recipients()
            .map(|r| {
                let rec = &c.recipients[r];
                let uses = element_uses(ctx, &rec.uses);
                let mut names: Vec<&str> = uses.iter().map(|u| u.element.name).collect();
                names.sort_unstable();
                names.dedup();
                RecipientView {
                    id: &rec.id,
                    anchor: urls::slug(&rec.id).into_owned(),
                    name: &rec.name,
                    role: rec.role.map(|role| Words {
                        key: words::role_key(role),
                        text: words::role(role),
                    }),
                    country: rec.country.as_deref(),
                    safeguards: rec.safeguards.as_deref(),
                    description: rec.description.as_deref(),
                    dpa_url: rec.dpa_url.as_deref().filter(|u| words::is_web_url(u)),
                    element_count: names.len(),
                    uses,
                }
            })
            .collect(),
        chart: ctx.chart(ctx.site.chart_index.recipients),
    }
}

pub(super) fn systems(ctx: Ctx<'_>) -> SystemsView<'_> {
    let c = ctx.catalog;
    let internal = ctx.internal();
    SystemsView {
        systems: ctx
            .site
            .scope
            .systems()
            .map(|s| {
                let sys = &c.systems[s];
                SystemView {
                    id: &sys.id,
                    anchor: urls::slug(&sys.id).into_owned(),
                    name: &sys.name,
                    description: sys.description.as_deref(),
                    location: sys.location.as_deref(),
                    owner: sys.owner.as_deref().filter(|_| internal),
                    elements: ctx
                        .site
                        .scope
                        .filter_elements(&sys.elements)
                        .map(|e| ctx.element_link(e))
                        .collect(),
                }
            })
            .collect(),
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
        let r = super::retention(ctx);
        let names: Vec<_> = r.policies.iter().map(|p| p.name).collect();
        assert_eq!(names, ["Account data", "Order records"]);
        assert_eq!(
            r.policies[0].summary,
            "30 days after you close your account"
        );
        assert_eq!(
            r.policies[0].uses.len(),
            3,
            "the internal use is not listed"
        );
        let rec = super::recipients(ctx);
        assert_eq!(rec.recipients.len(), 1);
        assert_eq!(
            rec.recipients[0].uses[0].why,
            "To send offers you asked for"
        );
        let sys = super::systems(ctx);
        assert_eq!(sys.systems[0].owner, None);
        assert_eq!(sys.systems[0].elements.len(), 3);
    }
}
