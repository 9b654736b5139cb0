//! The whole notice on one page (`notice/`), for printing or saving as PDF: every visible
//! element with each use (reason, legal basis, choice, retention, recipients), then the
//! retention policies, the recipients and the models. Beyond [`MAX_USES`] uses the inventory
//! is left to the CSV download, so the page stays one a browser can open and print.

use serde::Serialize;

use crate::model::ElementIdx;

use super::element::{use_view, UseView};
use super::model::ModelBrief;
use super::registers::{PolicyView, RecipientView};
use super::{urls, Ctx, TaxonRef};

/// The most uses the page lists in full.
pub const MAX_USES: usize = 1000;

#[derive(Debug, Serialize)]
pub struct NoticeView<'a> {
    /// By category group, as on the data index; empty when the inventory is too long.
    pub sections: Vec<NoticeSection<'a>>,
    pub element_count: usize,
    pub use_count: usize,
    /// More than [`MAX_USES`] uses: the page links the CSV instead of listing them.
    pub too_long: bool,
    pub policies: Vec<PolicyView<'a>>,
    pub recipients: Vec<RecipientView<'a>>,
    pub models: Vec<ModelBrief<'a>>,
}

#[derive(Debug, Serialize)]
pub struct NoticeSection<'a> {
    pub category: TaxonRef<'a>,
    pub elements: Vec<NoticeElement<'a>>,
}

#[derive(Debug, Serialize)]
pub struct NoticeElement<'a> {
    pub name: &'a str,
    pub href: String,
    pub category: TaxonRef<'a>,
    pub sensitive: bool,
    pub uses: Vec<UseView<'a>>,
}

fn element<'a>(ctx: Ctx<'a>, e: ElementIdx) -> NoticeElement<'a> {
    let el = &ctx.catalog.elements[e];
    let others = super::choices::others(ctx, e);
    NoticeElement {
        name: &el.name,
        href: urls::element(&el.id),
        category: ctx.category(&el.category),
        sensitive: ctx.catalog.taxonomy.is_sensitive(&el.category),
        uses: ctx
            .uses_of(e)
            .map(|u| use_view(ctx, u, others.as_ref()))
            .collect(),
    }
}

pub(super) fn notice(ctx: Ctx<'_>) -> NoticeView<'_> {
    let site = ctx.site;
    let use_count = site.scope.uses().count();
    let too_long = use_count > MAX_USES;
    let sections = if too_long {
        Vec::new()
    } else {
        site.groups
            .sections
            .iter()
            .map(|(&key, elements)| NoticeSection {
                category: ctx.category(key),
                elements: elements.iter().map(|&e| element(ctx, e)).collect(),
            })
            .collect()
    };
    // The registers without their element lists: the inventory above already says it.
    let mut policies = super::registers::retention(ctx, 0).policies;
    policies.iter_mut().for_each(|p| p.elements.clear());
    let mut recipients = super::registers::recipients(ctx, 0).recipients;
    recipients.iter_mut().for_each(|r| r.elements.clear());
    NoticeView {
        sections,
        element_count: site.scope.elements().count(),
        use_count,
        too_long,
        policies,
        recipients,
        models: super::model::index(ctx, 0).models,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn the_notice_lists_every_visible_use_and_the_registers() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::notice(ctx);
        assert!(!v.too_long);
        assert_eq!(v.use_count, 4);
        let uses: usize = v
            .sections
            .iter()
            .flat_map(|s| &s.elements)
            .map(|e| e.uses.len())
            .sum();
        assert_eq!(uses, 4);
        let names: Vec<&str> = v.recipients.iter().map(|r| r.name).collect();
        assert_eq!(names, ["Mailer Ltd"]);
        assert_eq!(v.policies.len(), 2);
        assert_eq!(v.models.len(), 1);
        let json = serde_json::to_string(&v).unwrap();
        for marker in testkit::INTERNAL_MARKERS {
            assert!(!json.contains(marker), "{marker}");
        }
    }
}
