//! Nutrition labels: the short, standard summary boxes at the top of element and model pages.
//! The data label answers what, why, required or optional, how long and shared with whom; the
//! model label gives intended use, inputs, excluded inputs, the groups it was checked for and
//! the worst-group gap. Plain words first; the pages below hold the detail.

use serde::Serialize;

use crate::i18n::Strings;
use crate::site::gap;

use crate::model::{ElementIdx, Necessity};

use super::element::{policy_brief, recipient_link, PolicyBrief};
use super::{Ctx, Link, TaxonRef};

/// The data label of one element, from its visible uses.
#[derive(Debug, Serialize)]
pub struct DataLabel<'a> {
    /// The purposes it is used for, each once, in the order of its uses.
    pub purposes: Vec<TaxonRef<'a>>,
    /// "Required for every use", "Optional for every use: you can say no", "1 of 3 uses
    /// optional", or "Not stated".
    pub choice: String,
    /// `true` when a person can decline at least one use.
    pub any_optional: bool,
    /// Each retention policy once.
    pub retention: Vec<PolicyBrief<'a>>,
    /// Some use has no retention policy.
    pub retention_missing: bool,
    /// Each recipient once.
    pub shared_with: Vec<Link<'a>>,
}

/// The choice a person has over `total` uses, `optional` of them optional and `stated` with a
/// necessity at all, in words.
fn choice(l: &Strings, total: usize, optional: usize, stated: usize) -> String {
    if total == 0 || stated == 0 {
        return l.get("label.unknown_choice").to_string();
    }
    match optional {
        0 if stated == total => l.get("label.all_required").to_string(),
        n if n == total => l.get("label.all_optional").to_string(),
        n => crate::i18n::fill(
            l.get("label.mixed"),
            Some(total as f64),
            |name| match name {
                "optional" => Some(n.to_string()),
                "total" => Some(total.to_string()),
                _ => None,
            },
        ),
    }
}

/// The label of element `e`: linear in its uses and their recipients.
pub(super) fn data_label(ctx: Ctx<'_>, e: ElementIdx) -> DataLabel<'_> {
    let c = ctx.catalog;
    let mut purposes: Vec<TaxonRef> = Vec::new();
    let mut retention: Vec<PolicyBrief> = Vec::new();
    let mut shared_with: Vec<Link> = Vec::new();
    let (mut total, mut optional, mut stated, mut missing) = (0, 0, 0, false);
    for u in ctx.uses_of(e) {
        let use_ = &c.uses[u];
        total += 1;
        stated += usize::from(use_.necessity.is_some());
        optional += usize::from(use_.necessity == Some(Necessity::Optional));
        if !purposes.iter().any(|p| p.key == use_.purpose) {
            purposes.push(ctx.purpose(&use_.purpose));
        }
        match policy_brief(ctx, u) {
            Some(r) if !retention.iter().any(|x| x.href == r.href) => retention.push(r),
            Some(_) => {}
            None => missing = true,
        }
        for r in use_
            .shared_with
            .iter()
            .filter(|&&r| ctx.site.scope.recipient(r))
        {
            let link = recipient_link(ctx, *r);
            if !shared_with.iter().any(|x| x.href == link.href) {
                shared_with.push(link);
            }
        }
    }
    DataLabel {
        purposes,
        choice: choice(ctx.lang(), total, optional, stated),
        any_optional: optional > 0,
        retention,
        retention_missing: missing,
        shared_with,
    }
}

/// The label of a model card: what is not already a field of the card's view.
#[derive(Debug, Serialize)]
pub struct ModelLabel<'a> {
    /// The groups of people its metrics are reported for.
    pub groups: Vec<&'a str>,
    /// The first limitation, shown on the label; the rest are counted.
    pub first_limitation: Option<&'a str>,
    pub more_limitations: usize,
}

pub fn model_label(card: &crate::model::ModelCard) -> ModelLabel<'_> {
    ModelLabel {
        groups: gap::groups(&card.metrics),
        first_limitation: card.limitations.first().map(String::as_str),
        more_limitations: card.limitations.len().saturating_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn data_label_lists_each_purpose_policy_and_recipient_once() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let email = super::data_label(ctx, 0);
        let keys: Vec<_> = email.purposes.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                "essential.service.notifications.email",
                "marketing.communications.email"
            ],
            "the internal use is not on a public label"
        );
        assert_eq!(email.choice, "1 of 2 uses optional");
        assert!(email.any_optional);
        assert_eq!(email.retention.len(), 1, "both uses share one policy");
        assert!(!email.retention_missing);
        assert_eq!(email.shared_with.len(), 1);
        let birth = super::data_label(ctx, 2);
        assert_eq!(birth.choice, "Required for every use");
        assert!(birth.shared_with.is_empty());

        let site = plan(&c, Audience::Internal);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        assert_eq!(super::data_label(ctx, 0).purposes.len(), 3);
    }

    #[test]
    fn model_label_has_groups_the_worst_gap_and_the_first_limitation() {
        let c = testkit::catalog();
        let label = super::model_label(&c.models[0]);
        assert_eq!(label.groups, ["age: 18-24"]);
        assert_eq!(label.first_limitation, Some("Cold start for new customers"));
        assert_eq!(label.more_limitations, 0);
    }

    #[test]
    fn choice_in_words() {
        let l = crate::i18n::strings(None);
        assert_eq!(super::choice(l, 0, 0, 0), "Not stated");
        assert_eq!(super::choice(l, 2, 0, 1), "0 of 2 uses optional");
        assert_eq!(
            super::choice(l, 3, 3, 3),
            "Optional for every use: you can say no"
        );
        let de = crate::i18n::strings(Some("de"));
        assert_eq!(super::choice(de, 3, 1, 3), "1 von 3 Nutzungen freiwillig");
    }
}
