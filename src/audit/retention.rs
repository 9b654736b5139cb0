//! Storage limitation: `missing-retention`, `unbounded-retention` and `excessive-retention`
//! (longer than `[audit.retention_max]` allows for the category) per use,
//! `retention-no-trigger` per policy.

use super::rules::{
    EXCESSIVE_RETENTION, MISSING_RETENTION, RETENTION_NO_TRIGGER, UNBOUNDED_RETENTION,
};
use super::{Cx, Draft, Out};
use crate::hash::FastMap;
use crate::load::duration::parse_duration;
use crate::model::RetentionPeriod;

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
    // `[audit.retention_max]` value -> its length in days (`None`: not a finite duration).
    let mut limits: FastMap<&str, Option<f64>> = FastMap::default();
    let audit = &cx.cat.config.audit;
    for u in &cx.cat.uses {
        let el = &cx.cat.elements[u.element];
        let policy = u.retention.map(|p| &cx.cat.retention[p]);
        if let (Some(p), Some((key, max)), true) = (
            policy,
            audit.retention_limit(&el.category),
            out.on(EXCESSIVE_RETENTION),
        ) {
            let limit = *limits
                .entry(max)
                .or_insert_with(|| parse_duration(max).ok().and_then(|d| d.approx_days()));
            if let (Some(days), Some(limit), RetentionPeriod::Fixed { iso, .. }) =
                (p.period.approx_days(), limit, &p.period)
            {
                if days > limit {
                    out.emit(EXCESSIVE_RETENTION, &u.origin, || {
                        Draft::new(
                            format!(
                                "`{}` is kept for {iso} for `{}` (policy `{}`), longer than the {max} `[audit.retention_max]` allows for `{key}`",
                                el.id, u.purpose, p.id
                            ),
                            format!(
                                "shorten policy `{}` or use a shorter one for this data, or raise the limit for `{key}` with the reason",
                                p.id
                            ),
                        )
                        .element(&el.id)
                    });
                }
            }
        }
        match policy {
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
    fn a_policy_beyond_the_limit_for_its_category() {
        let mut s = Site::new();
        s.policy("century", Some("P99Y"));
        s.cat.retention[1].period = crate::model::RetentionPeriod::Fixed {
            iso: "P99Y".into(),
            years: 99,
            months: 0,
            weeks: 0,
            days: 0,
        };
        s.element("email", "user.contact.email");
        let century = s.cat.index.retention["century"];
        s.use_("email", "essential.service").retention = Some(century);
        let a = crate::audit::testing::run(s);
        let f: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule != "unused-record")
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].rule, "excessive-retention");
        assert!(f[0].message.contains("P10Y"), "{}", f[0].message);
    }

    #[test]
    fn the_longest_matching_key_sets_the_limit() {
        let mut s = Site::new();
        s.cat.config.audit.retention_max = [
            ("*".to_string(), "P10Y".to_string()),
            ("user.health_and_medical".to_string(), "P6M".to_string()),
        ]
        .into_iter()
        .collect();
        s.element("allergies", "user.health_and_medical.genetic");
        s.use_("allergies", "essential.service")
            .special_category_condition =
            Some(crate::model::SpecialCategoryCondition::ExplicitConsent);
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service");
        let a = crate::audit::testing::run(s);
        let hits: Vec<_> = a
            .findings
            .iter()
            .map(|f| (f.rule, f.element.as_deref()))
            .collect();
        assert_eq!(hits, [("excessive-retention", Some("allergies"))]);
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
