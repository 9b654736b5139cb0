//! Transparency (GDPR Art. 12-14): `hidden-use`, an `internal` use of data about the people
//! the public site speaks to, left off their notice without a stated reason.

use super::rules::HIDDEN_USE;
use super::{Cx, Draft, Out};
use crate::model::Visibility;

/// The column that says why a use is internal.
pub const REASON_COLUMN: &str = "x_internal_reason";

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    if !out.on(HIDDEN_USE) {
        return;
    }
    for u in &cx.cat.uses {
        if u.visibility != Visibility::Internal {
            continue;
        }
        let said = |t: Option<&String>| t.is_some_and(|t| !t.trim().is_empty());
        if said(u.notes.as_ref()) || said(u.extra.get(REASON_COLUMN)) {
            continue;
        }
        let el = &cx.cat.elements[u.element];
        let Some(who) = el
            .subjects
            .iter()
            .find(|s| cx.cat.config.is_audience_subject(s))
        else {
            continue;
        };
        out.emit(HIDDEN_USE, &u.origin, || {
            Draft::new(
                format!(
                    "the use of `{}` for `{}` is `internal`, so it is left off the public notice, though `{who}` data subjects read it, and no reason is given",
                    el.id, u.purpose
                ),
                format!(
                    "make the use public, or say why it is internal in `notes` or an `{REASON_COLUMN}` column"
                ),
            )
            .element(&el.id)
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::{rules_fired, run, Site};
    use crate::model::Visibility;

    #[test]
    fn an_internal_customer_use_without_reason_is_hidden() {
        let mut s = Site::new();
        s.element("clicks", "user.behavior.browsing_history");
        s.use_("clicks", "personalize.content.profiled").visibility = Visibility::Internal;
        let a = run(s);
        assert_eq!(a.findings.len(), 1);
        assert_eq!(a.findings[0].rule, "hidden-use");
        assert!(a.findings[0].message.contains("`customer`"));
    }

    #[test]
    fn near_miss_a_reason_given_or_staff_data() {
        let mut s = Site::new();
        s.element("login_ip", "user.device.ip_address");
        let u = s.use_("login_ip", "essential.service.security");
        u.visibility = Visibility::Internal;
        u.extra.insert(
            super::REASON_COLUMN.into(),
            "Publishing fraud signals helps fraudsters.".into(),
        );
        s.element("badge", "user.unique_id");
        s.cat.elements[1].subjects = vec!["employee".into()];
        s.use_("badge", "essential.service.security").visibility = Visibility::Internal;
        s.element("note", "user.content");
        let u = s.use_("note", "essential.service.operations.support");
        u.visibility = Visibility::Internal;
        u.notes = Some("Support tooling only; covered by the support page.".into());
        assert_eq!(rules_fired(s), Vec::<&str>::new());
    }
}
