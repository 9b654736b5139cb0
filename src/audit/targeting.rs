//! The seed's core rule, `demographic-targeting`: a protected trait used to target marketing or
//! personalisation, or handed to another controller for its own marketing or resale. Stated
//! interests (`user.demographic.profile`), the interface language and protective uses
//! (age-gating, `[audit.targeting] allow`) never fire.

use super::basis::under;
use super::rules::DEMOGRAPHIC_TARGETING;
use super::{Cx, Draft, Out};
use crate::model::{RecipientRole, Use};

/// Top-level data uses that target or tailor what a person sees.
const TARGETING_USES: &[&str] = &["marketing", "personalize"];
/// Top-level data uses under which a controller receiving the data may target or resell it.
const SHARING_USES: &[&str] = &["third_party_sharing", "marketing"];

pub use crate::config::Targeting;

/// Category keys protected whatever `[audit.targeting] protected` says, besides the special
/// categories: criminal-offence data and children's data.
const ALWAYS_PROTECTED: &[&str] = &["user.criminal_history", "user.childrens"];

/// Sharing that is no targeting: handing data over because a law requires it.
const SHARING_EXEMPT: &str = "third_party_sharing.legal_obligation";

/// Whether data of `category` is a protected trait: configured, special category (Art. 9),
/// criminal or children's data.
pub fn protects(t: &Targeting, tax: &crate::taxonomy::Taxonomy, category: &str) -> bool {
    t.protects(category)
        || tax.is_special_category(category)
        || ALWAYS_PROTECTED.iter().any(|p| under(category, p))
}

/// How a use targets by the trait: tailoring, or handing it to a controller. `None`: it does not.
fn targets(cx: &Cx<'_>, u: &Use) -> Option<String> {
    let tax = &cx.cat.taxonomy;
    let top = tax.uses.top_level(&u.purpose);
    if TARGETING_USES.contains(&top) {
        return Some(format!("is used for `{}`", u.purpose));
    }
    if !SHARING_USES.contains(&top) || under(&u.purpose, SHARING_EXEMPT) {
        return None;
    }
    u.shared_with
        .iter()
        .map(|&r| &cx.cat.recipients[r])
        .find(|r| {
            matches!(
                r.role,
                Some(RecipientRole::Controller | RecipientRole::JointController)
            )
        })
        .map(|r| {
            format!(
                "is shared for `{}` with {} (`{}`), a controller that decides its own uses",
                u.purpose, r.name, r.id
            )
        })
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    if !out.on(DEMOGRAPHIC_TARGETING) {
        return;
    }
    let tax = &cx.cat.taxonomy;
    let rule = &cx.settings.targeting;
    out.par_each(&cx.cat.uses, |u, out| {
        let el = &cx.cat.elements[u.element];
        if rule.allows(&u.purpose) || !protects(rule, tax, &el.category) {
            return;
        }
        let Some(how) = targets(cx, u) else {
            return;
        };
        out.emit(DEMOGRAPHIC_TARGETING, &u.origin, || {
            Draft::new(
                format!(
                    "`{}` ({}) {how}: targeting by a protected trait",
                    el.id,
                    tax.categories.name(&el.category),
                ),
                format!(
                    "target stated interests instead: ask people what they want to see (a preferences element) and drop this use of `{}`",
                    el.id
                ),
            )
            .element(&el.id)
        });
    });
}

#[cfg(test)]
mod tests;
