//! The seed's core rule, `demographic-targeting`: a protected trait used to target marketing or
//! personalisation, or handed to another controller for its own marketing or resale. Stated
//! interests (`user.demographic.profile`), the interface language and protective uses
//! (age-gating, `[audit.targeting] allow`) never fire.

use super::basis::under;
use super::rules::DEMOGRAPHIC_TARGETING;
use super::{Cx, Draft, Out};
use crate::link::{RecipientRole, Use};

/// Top-level data uses that target or tailor what a person sees.
const TARGETING_USES: &[&str] = &["marketing", "personalize"];
/// Top-level data uses under which a controller receiving the data may target or resell it.
const SHARING_USES: &[&str] = &["third_party_sharing", "marketing"];

/// Which traits are protected and which uses may use them; `[audit.targeting]` of candor.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Targeting {
    /// Data category keys (each covers its children) that must not drive targeting.
    pub protected: Vec<String>,
    /// Data use keys (each covers its children) that are protective or neutral.
    pub allow: Vec<String>,
}

/// Category keys protected whatever the configuration says: special categories go through
/// the taxonomy; these are the others no targeting may rest on.
const ALWAYS_PROTECTED: &[&str] = &["user.criminal_history", "user.childrens"];

/// Stated preferences and the interface language: never protected unless listed exactly.
const NEVER_BY_DEFAULT: &[&str] = &["user.demographic.language", "user.demographic.profile"];

impl Default for Targeting {
    fn default() -> Self {
        Targeting {
            protected: [
                "user.demographic",
                "user.financial",
                "user.location.precise",
            ]
            .map(String::from)
            .to_vec(),
            allow: [
                "marketing.advertising.negative_targeting",
                "personalize.system",
                "third_party_sharing.legal_obligation",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

impl Targeting {
    /// Whether data of `category` is a protected trait (special categories always are).
    pub fn protects(&self, tax: &crate::taxonomy::Taxonomy, category: &str) -> bool {
        if self.protected.iter().any(|p| p == category) {
            return true;
        }
        if NEVER_BY_DEFAULT.iter().any(|n| under(category, n)) {
            return false;
        }
        tax.is_special_category(category)
            || ALWAYS_PROTECTED.iter().any(|p| under(category, p))
            || self.protected.iter().any(|p| under(category, p))
    }

    /// Whether a use is protective or neutral (listed under `allow`, or under a listed key).
    pub fn allows(&self, purpose: &str) -> bool {
        self.allow.iter().any(|a| under(purpose, a))
    }
}

/// How a use targets by the trait: tailoring, or handing it to a controller. `None`: it does not.
fn targets(cx: &Cx<'_>, u: &Use) -> Option<String> {
    let tax = &cx.cat.taxonomy;
    let top = tax.uses.top_level(&u.purpose);
    if TARGETING_USES.contains(&top) {
        return Some(format!("is used for `{}`", u.purpose));
    }
    if !SHARING_USES.contains(&top) {
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
        if rule.allows(&u.purpose) || !rule.protects(tax, &el.category) {
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
