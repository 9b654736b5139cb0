//! "What we collect": the data index (every element, grouped by category, with its purposes
//! and reasons) and one page per element (each use with its reason, legal basis, retention,
//! recipients, systems and the models that use it).

use serde::Serialize;

use crate::model::{ElementIdx, UseIdx};

use super::choices::{self, Ask, Phrase};
use super::{urls, words, ChartView, Ctx, KeyValue, Link, TaxonRef, Words};

/// One element in a list: its name, category and purposes with their reasons.
#[derive(Debug, Serialize)]
pub struct ElementSummary<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub href: String,
    pub category: TaxonRef<'a>,
    pub uses: Vec<UseBrief<'a>>,
}

/// A use in a list: why, for which purpose, on what basis, whether a person can decline it,
/// and who receives the data (the data index filters on these).
#[derive(Debug, Serialize)]
pub struct UseBrief<'a> {
    pub purpose: TaxonRef<'a>,
    pub why: &'a str,
    pub optional: bool,
    pub internal: bool,
    pub legal_basis: Option<Phrase>,
    pub shared_with: Vec<Link<'a>>,
    /// URL-safe recipient ids, for the filter's `data-` attributes.
    pub shared_keys: Vec<std::borrow::Cow<'a, str>>,
}

/// A group of the data index: one category two levels deep and its elements (none in an
/// overview: the category's page lists them).
#[derive(Debug, Serialize)]
pub struct DataSection<'a> {
    pub category: TaxonRef<'a>,
    /// How many elements the category holds.
    pub count: usize,
    pub elements: Vec<ElementSummary<'a>>,
}

#[derive(Debug, Serialize)]
pub struct DataIndexView<'a> {
    pub sections: Vec<DataSection<'a>>,
    pub element_count: usize,
    pub chart: Option<ChartView<'a>>,
    /// The choices of the list's filters.
    pub filters: super::filters::Filters<'a>,
    /// Groups of people the site does not speak to (staff, job applicants): their data is
    /// on their own pages, not in this list (public builds).
    pub others: Vec<TaxonRef<'a>>,
    /// The list is too long for one page: the sections only count their elements and link
    /// their categories' pages (which list them), and there are no filters.
    pub overview: bool,
}

/// The full page of one element.
#[derive(Debug, Serialize)]
pub struct ElementView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub category: TaxonRef<'a>,
    /// Sensitive (demographic or special-category) data.
    pub sensitive: bool,
    /// A GDPR Art. 9 special category.
    pub special: bool,
    pub subjects: Vec<TaxonRef<'a>>,
    pub source: Option<Words>,
    pub systems: Vec<Link<'a>>,
    pub uses: Vec<UseView<'a>>,
    pub models: Vec<Link<'a>>,
    /// Models whose cards say they deliberately do not use it.
    pub excluded_by: Vec<Link<'a>>,
    /// Internal builds only.
    pub owner: Option<&'a str>,
    /// `file:line` of its first inventory row (internal builds only).
    pub origin: Option<String>,
    /// The audit's findings about it (internal builds only).
    pub findings: Vec<super::FindingView<'a>>,
    /// The data label: what, why, required or optional, how long, shared with whom.
    pub label: super::label::DataLabel<'a>,
    /// "Data about staff" when the site does not speak to the people it is about.
    pub about_others: Option<String>,
    /// How to ask: the request form, email and rights page (shown with every use).
    pub ask: Ask<'a>,
    /// "Confirmed by the Bearer scan of 2026-05-01" (internal), or by "an automated code
    /// scan" and its date only (public); empty without evidence.
    pub confirmed: Vec<String>,
}

/// One use of an element, in full.
#[derive(Debug, Serialize)]
pub struct UseView<'a> {
    pub purpose: TaxonRef<'a>,
    pub why: &'a str,
    pub legal_basis: Option<Phrase>,
    pub necessity: Option<Words>,
    /// What the reader can do about it, from the basis and necessity ("You can withdraw your
    /// consent at any time ...").
    pub choice: Option<String>,
    pub optional: bool,
    pub retention: Option<PolicyBrief<'a>>,
    pub shared_with: Vec<Link<'a>>,
    /// The GDPR Art. 9(2) condition, for special-category data.
    pub special_condition: Option<Words>,
    /// The law behind the use (`legal_reference`).
    pub legal_reference: Option<&'a str>,
    /// How to say no to this use (`opt_out`).
    pub opt_out: Option<OptOut<'a>>,
    pub last_reviewed: Option<String>,
    /// A `visibility = internal` row (only ever present on internal builds).
    pub internal: bool,
    pub notes: Option<&'a str>,
    pub extra: Vec<KeyValue<'a>>,
    pub origin: Option<String>,
}

/// How a person says no to a use: words, or a link when it is a web address.
#[derive(Debug, Serialize)]
pub struct OptOut<'a> {
    pub text: &'a str,
    /// Only an `http(s)` address becomes a link.
    pub href: Option<&'a str>,
}

impl<'a> OptOut<'a> {
    pub fn new(text: &'a str) -> Self {
        // A sentence that starts with an address stays words.
        let is_url = words::is_web_url(text) && !text.trim().contains(char::is_whitespace);
        OptOut {
            text,
            href: is_url.then(|| text.trim()),
        }
    }
}

/// A retention policy as a use refers to it.
#[derive(Debug, Serialize)]
pub struct PolicyBrief<'a> {
    pub name: &'a str,
    pub href: &'a str,
    /// "30 days after you close your account".
    pub summary: &'a str,
}

pub(super) fn summary<'a>(ctx: Ctx<'a>, e: ElementIdx) -> ElementSummary<'a> {
    let el = &ctx.catalog.elements[e];
    let others = choices::others(ctx, e);
    ElementSummary {
        id: &el.id,
        name: &el.name,
        href: urls::element(&el.id),
        category: ctx.category(&el.category),
        uses: ctx
            .uses_of(e)
            .map(|u| {
                let use_ = &ctx.catalog.uses[u];
                let shared = || {
                    use_.shared_with
                        .iter()
                        .copied()
                        .filter(|&r| ctx.site.scope.recipient(r))
                };
                UseBrief {
                    purpose: ctx.purpose(&use_.purpose),
                    why: &use_.why,
                    optional: use_.necessity == Some(crate::model::Necessity::Optional),
                    internal: use_.visibility == crate::model::Visibility::Internal,
                    legal_basis: use_
                        .legal_basis
                        .map(|b| choices::basis(ctx, b, others.as_ref())),
                    shared_with: shared().map(|r| recipient_link(ctx, r)).collect(),
                    shared_keys: shared()
                        .map(|r| urls::slug(&ctx.catalog.recipients[r].id))
                        .collect(),
                }
            })
            .collect(),
    }
}

/// The data index: every element by category when they fit on one page, else an overview of
/// the categories (a list that would take hundreds of pages is read by nobody; the category
/// pages and the search box take the reader to each element).
pub(super) fn index(ctx: Ctx<'_>) -> DataIndexView<'_> {
    let overview = !fits_one_page(ctx.site);
    let others = ctx
        .site
        .subject_hrefs
        .iter()
        .filter(|(s, _)| !ctx.internal() && !ctx.catalog.config.is_audience_subject(s))
        .map(|(&s, href)| super::taxon_ref(&ctx.catalog.taxonomy.subjects, s, Some(href), false));
    let mut others: Vec<TaxonRef> = others.collect();
    others.sort_by_key(|t| t.key);
    DataIndexView {
        sections: ctx
            .site
            .data_sections
            .iter()
            .map(|(&key, members)| DataSection {
                category: ctx.category(key),
                count: members.len(),
                elements: if overview {
                    Vec::new()
                } else {
                    members.iter().map(|&e| summary(ctx, e)).collect()
                },
            })
            .collect(),
        element_count: ctx.site.data_sections.values().map(Vec::len).sum(),
        others,
        chart: ctx.chart(ctx.site.chart_index.per_category),
        // An overview has no filters: nothing to build them from every use for.
        filters: if overview {
            super::filters::Filters::default()
        } else {
            super::filters::filters(ctx)
        },
        overview,
    }
}

/// Whether the data index lists every element on one page (else it is an overview).
pub fn fits_one_page(site: &crate::site::Site) -> bool {
    site.paging.data.parts(site.paging.per_page) <= 1
}

/// The retention policy of a use, when it has a visible one.
pub(super) fn policy_brief(ctx: Ctx<'_>, u: UseIdx) -> Option<PolicyBrief<'_>> {
    let p = ctx.catalog.uses[u].retention?;
    let policy = ctx
        .catalog
        .retention
        .get(p)
        .filter(|_| ctx.site.scope.policy(p))?;
    let (href, summary) = ctx.site.policy_briefs.get(p)?;
    Some(PolicyBrief {
        name: &policy.name,
        href,
        summary,
    })
}

/// A link to a recipient's entry on the sharing page.
pub(super) fn recipient_link(ctx: Ctx<'_>, r: crate::model::RecipientIdx) -> Link<'_> {
    let rec = &ctx.catalog.recipients[r];
    Link {
        name: &rec.name,
        href: Some(crate::site::paging::item_href(
            urls::RECIPIENTS,
            &ctx.site.paging.recipient_part,
            r,
            "recipient",
            &rec.id,
        )),
    }
}

pub(super) fn use_view<'a>(
    ctx: Ctx<'a>,
    u: UseIdx,
    others: Option<&choices::Others>,
) -> UseView<'a> {
    let c = ctx.catalog;
    let use_ = &c.uses[u];
    let internal = ctx.internal();
    UseView {
        purpose: ctx.purpose(&use_.purpose),
        why: &use_.why,
        legal_basis: use_.legal_basis.map(|b| choices::basis(ctx, b, others)),
        choice: choices::choice(ctx, u, others),
        necessity: use_.necessity.map(|n| Words {
            key: words::necessity_key(n),
            text: words::necessity(ctx.lang(), n),
        }),
        optional: use_.necessity == Some(crate::model::Necessity::Optional),
        retention: policy_brief(ctx, u),
        shared_with: use_
            .shared_with
            .iter()
            .filter(|&&r| ctx.site.scope.recipient(r))
            .map(|&r| recipient_link(ctx, r))
            .collect(),
        special_condition: use_.special_category_condition.map(|c| Words {
            key: c.key(),
            text: words::condition(ctx.lang(), c),
        }),
        legal_reference: use_.legal_reference.as_deref(),
        opt_out: use_.opt_out.as_deref().map(OptOut::new),
        last_reviewed: use_.last_reviewed.map(|d| d.to_string()),
        internal: use_.visibility == crate::model::Visibility::Internal,
        notes: use_.notes.as_deref().filter(|_| internal),
        extra: if internal {
            use_.extra
                .iter()
                .map(|(k, v)| KeyValue {
                    key: k,
                    value: v.clone(),
                })
                .collect()
        } else {
            Vec::new()
        },
        origin: internal.then(|| use_.origin.to_string()),
    }
}

pub(super) fn model_link(ctx: Ctx<'_>, m: crate::model::ModelIdx) -> Option<Link<'_>> {
    let model = ctx.catalog.models.get(m)?;
    let slug = ctx.site.model_slugs.get(m)?;
    Some(Link {
        name: &model.name,
        href: Some(format!("models/{slug}/index.html")),
    })
}

pub(super) fn element(ctx: Ctx<'_>, e: ElementIdx) -> ElementView<'_> {
    let c = ctx.catalog;
    let el = &c.elements[e];
    let internal = ctx.internal();
    let tax = &c.taxonomy;
    let others = choices::others(ctx, e);
    ElementView {
        id: &el.id,
        name: &el.name,
        category: ctx.category(&el.category),
        sensitive: tax.is_sensitive(&el.category),
        special: tax.is_special_category(&el.category),
        subjects: el
            .subjects
            .iter()
            .map(|s| {
                let href = ctx.site.subject_hrefs.get(s.as_str()).map(String::as_str);
                super::taxon_ref(&tax.subjects, s, href, false)
            })
            .collect(),
        source: el.source.map(|s| Words {
            key: words::source_key(s),
            text: words::source(ctx.lang(), s),
        }),
        systems: el
            .systems
            .iter()
            .filter(|&&s| ctx.site.scope.system(s))
            .map(|&s| Link {
                name: &c.systems[s].name,
                href: Some(crate::site::paging::item_href(
                    urls::SYSTEMS,
                    &ctx.site.paging.system_part,
                    s,
                    "system",
                    &c.systems[s].id,
                )),
            })
            .collect(),
        uses: ctx
            .uses_of(e)
            .map(|u| use_view(ctx, u, others.as_ref()))
            .collect(),
        models: el
            .models
            .iter()
            .filter_map(|&m| model_link(ctx, m))
            .collect(),
        excluded_by: ctx
            .site
            .excluded_by
            .get(&e)
            .map(|ms| ms.iter().filter_map(|&m| model_link(ctx, m)).collect())
            .unwrap_or_default(),
        owner: el.owner.as_deref().filter(|_| internal),
        origin: internal.then(|| el.origin.to_string()),
        findings: super::audit::for_element(ctx, e),
        label: super::label::data_label(ctx, e),
        about_others: others.map(|o| ctx.lang().fill("subjects.badge", &[("who", &o.text)])),
        ask: choices::ask(ctx),
        confirmed: ctx.site.confirmed.get(e).map_or_else(Vec::new, |list| {
            crate::site::evidence::sentences(ctx.lang(), list, ctx.internal())
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn element_view_has_reasons_retention_and_links() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::element(ctx, 0);
        assert_eq!(v.name, "Email address");
        let whys: Vec<_> = v.uses.iter().map(|u| u.why).collect();
        assert_eq!(
            whys,
            ["To send your receipts", "To send offers you asked for"]
        );
        let r = v.uses[0].retention.as_ref().expect("has retention");
        assert_eq!(r.summary, "30 days after you close your account");
        assert_eq!(r.href, "retention/index.html#policy-account");
        assert_eq!(
            v.uses[1].shared_with[0].href.as_deref(),
            Some("recipients/index.html#recipient-mailer")
        );
        assert!(v.uses[1].optional);
        assert_eq!(v.uses[1].notes, None, "notes are internal");
        assert!(v.uses[1].extra.is_empty(), "x_ columns are internal");
        assert_eq!(v.owner, None);
        let link = v.uses[1].opt_out.as_ref().expect("an opt-out");
        assert_eq!(link.href, Some("https://shop.example/unsubscribe"));
        for words in [
            "https://shop.example then click unsubscribe",
            "javascript:alert(1)",
        ] {
            assert_eq!(super::OptOut::new(words).href, None, "{words}");
        }
        let birth = super::element(ctx, 2);
        assert_eq!(birth.excluded_by[0].name, "Style recommender");
        assert_eq!(
            v.category.href,
            Some("categories/user.contact.email/index.html")
        );
    }

    #[test]
    fn internal_element_view_shows_owner_notes_and_internal_rows() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Internal);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::element(ctx, 0);
        assert_eq!(v.uses.len(), 3);
        assert!(v.uses[2].internal);
        assert_eq!(v.uses[1].notes, Some("NOTES-MARKER"));
        assert_eq!(v.uses[1].extra[0].value, "XCOL-MARKER");
        assert_eq!(v.owner, Some("OWNER-MARKER team"));
    }
}
