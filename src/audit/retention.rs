//! Storage limitation: `missing-retention` and `unbounded-retention` per use,
//! `retention-no-trigger` per policy.

use super::rules::{MISSING_RETENTION, RETENTION_NO_TRIGGER, UNBOUNDED_RETENTION};
use super::{Cx, Draft, Out};
use crate::link::RetentionPeriod;

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    for p in &cx.cat.retention {
        let RetentionPeriod::Fixed { iso, .. } = &p.period else {
            continue;
        };
        let trigger = p.trigger.as_deref().is_some_and(|t| !t.trim().is_empty());
        if !trigger && !p.uses.is_empty() {
            out.emit(RETENTION_NO_TRIGGER, &p.origin, || {
                Draft::new(
                    format!(
                        "retention policy `{}` keeps data for {} but does not say from when",
                        p.id, iso
                    ),
                    format!(
                        "fill `trigger` of policy `{}` (e.g. \"account closure\", \"last order\")",
                        p.id
                    ),
                )
            });
        }
    }
    for u in &cx.cat.uses {
        let el = &cx.cat.elements[u.element];
        match u.retention.map(|p| &cx.cat.retention[p]) {
            None => out.emit(MISSING_RETENTION, &u.origin, || {
                Draft::new(
                    format!(
                        "the use of `{}` for `{}` has no retention policy",
                        el.id, u.purpose
                    ),
                    "add a policy to content/retention.csv and name its id in this row's `retention` column",
                )
                .element(&el.id)
            }),
            Some(p) if p.period == RetentionPeriod::Indefinite => {
                out.emit(UNBOUNDED_RETENTION, &u.origin, || {
                    Draft::new(
                        format!(
                            "`{}` is kept indefinitely for `{}` (policy `{}`, {})",
                            el.id, u.purpose, p.id, p.origin
                        ),
                        format!(
                            "give policy `{}` a duration such as P24M and a trigger, or move this use to a bounded policy",
                            p.id
                        ),
                    )
                    .element(&el.id)
                })
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::{rules_fired, Site};

    #[test]
    fn a_use_without_policy_is_an_error() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").retention = None;
        assert_eq!(rules_fired(s), ["missing-retention"]);
    }

    #[test]
    fn an_indefinite_policy_is_a_warning() {
        let mut s = Site::new();
        let forever = s.policy("forever", None);
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").retention = Some(forever);
        let audit = crate::audit::testing::run(s);
        let f = &audit.findings[0];
        assert_eq!(f.rule, "unbounded-retention");
        assert_eq!(f.severity, crate::audit::Severity::Warning);
        assert_eq!(f.origin.to_string(), "content/inventory/data.csv:2");
        assert!(
            f.message.contains("content/retention.csv:3"),
            "{}",
            f.message
        );
    }

    #[test]
    fn a_used_finite_policy_without_trigger() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service");
        s.cat.retention[0].trigger = None;
        let a = crate::audit::testing::run(s);
        assert_eq!(a.findings.len(), 1);
        let f = &a.findings[0];
        assert_eq!(f.rule, "retention-no-trigger");
        assert_eq!(f.origin.to_string(), "content/retention.csv:2");
        assert!(f.message.contains("P1Y"), "{}", f.message);
    }

    #[test]
    fn near_miss_a_trigger_an_indefinite_or_an_unused_policy() {
        let mut s = Site::new();
        s.policy("forever", None);
        s.policy("spare", Some("P2Y"));
        s.cat.retention[2].trigger = None;
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service");
        assert!(rules_fired(s).is_empty());
    }

    #[test]
    fn near_miss_a_bounded_policy() {
        let mut s = Site::new();
        s.policy("two_years", Some("P2Y"));
        s.element("email", "user.contact.email");
        let two = s.cat.index.retention["two_years"];
        s.use_("email", "essential.service").retention = Some(two);
        assert!(rules_fired(s).is_empty());
    }
}
