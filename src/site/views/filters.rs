//! The choices of the data index's filters (category, purpose, legal basis, recipient), from
//! what the page lists. The script that applies them is progressive: without it, every
//! element is listed and the controls stay hidden.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::LegalBasis;

use super::{urls, words, Ctx, Words};

/// One choice of a select: its value and its label (indented by depth for purposes).
#[derive(Debug, Serialize)]
pub struct Choice<'a> {
    pub value: Cow<'a, str>,
    pub label: Cow<'a, str>,
}

#[derive(Debug, Default, Serialize)]
pub struct Filters<'a> {
    /// The sections of the list (data categories two levels deep).
    pub categories: Vec<Choice<'a>>,
    /// Every purpose with a page, parents before children; a parent matches its children.
    pub purposes: Vec<Choice<'a>>,
    /// The legal bases the listed uses rely on.
    pub bases: Vec<Words>,
    /// The recipients of the listed uses.
    pub recipients: Vec<Choice<'a>>,
}

const BASES: [LegalBasis; 6] = [
    LegalBasis::Consent,
    LegalBasis::Contract,
    LegalBasis::LegalObligation,
    LegalBasis::VitalInterests,
    LegalBasis::PublicTask,
    LegalBasis::LegitimateInterests,
];

pub(super) fn filters(ctx: Ctx<'_>) -> Filters<'_> {
    let c = ctx.catalog;
    let site = ctx.site;
    let tax = &c.taxonomy;
    let mut used = [false; BASES.len()];
    for u in site.scope.uses() {
        if let Some(b) = c.uses[u].legal_basis {
            if let Some(i) = BASES.iter().position(|&x| x == b) {
                used[i] = true;
            }
        }
    }
    let top = site
        .groups
        .purposes
        .keys()
        .map(|k| k.matches('.').count())
        .min()
        .unwrap_or(0);
    Filters {
        categories: site
            .groups
            .sections
            .keys()
            .map(|&k| Choice {
                value: Cow::Borrowed(k),
                label: Cow::Borrowed(tax.categories.name(k)),
            })
            .collect(),
        purposes: site
            .groups
            .purposes
            .keys()
            .map(|&k| {
                let depth = k.matches('.').count().saturating_sub(top);
                let name = tax.uses.name(k);
                Choice {
                    value: Cow::Borrowed(k),
                    label: if depth == 0 {
                        Cow::Borrowed(name)
                    } else {
                        Cow::Owned(format!("{}{name}", "\u{a0}\u{a0}\u{a0}".repeat(depth)))
                    },
                }
            })
            .collect(),
        bases: BASES
            .iter()
            .zip(used)
            .filter(|(_, used)| *used)
            .map(|(&b, _)| Words {
                key: words::legal_basis_key(b),
                text: words::legal_basis(ctx.lang(), b),
            })
            .collect(),
        recipients: site
            .scope
            .recipients()
            .filter(|&r| c.recipients[r].uses.iter().any(|&u| site.scope.use_(u)))
            .map(|r| Choice {
                value: urls::slug(&c.recipients[r].id),
                label: Cow::Borrowed(&c.recipients[r].name),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn filters_offer_only_what_the_list_holds() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let f = super::filters(ctx);
        let cats: Vec<_> = f.categories.iter().map(|x| x.value.as_ref()).collect();
        assert_eq!(cats, ["user.behavior", "user.contact", "user.demographic"]);
        let bases: Vec<_> = f.bases.iter().map(|b| b.key).collect();
        assert_eq!(bases, ["consent", "contract"]);
        let recipients: Vec<_> = f.recipients.iter().map(|x| x.value.as_ref()).collect();
        assert_eq!(
            recipients,
            ["mailer"],
            "the internal-only recipient is not offered"
        );
        assert!(!f.purposes.iter().any(|p| p.value.starts_with("analytics")));
        let notif = f
            .purposes
            .iter()
            .find(|p| p.value == "essential.service.notifications.email")
            .expect("listed");
        assert!(notif.label.starts_with('\u{a0}'), "children are indented");
    }
}
