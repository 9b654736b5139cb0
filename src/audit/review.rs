//! Moments of review: `overdue-review` for each use and model card whose `last_reviewed` is
//! missing or older than `review.max_age_days`; `future-date` for a review dated after today
//! (it would never fall due).

use jiff::civil::Date;

use super::rules::{FUTURE_DATE, OVERDUE_REVIEW};
use super::{Cx, Draft, Out};
use crate::diag::Origin;

/// Why a review is due, or `None` when it is not.
pub fn due(last: Option<Date>, today: Date, max_age_days: u32) -> Option<String> {
    let Some(last) = last else {
        return Some("has never been reviewed (no `last_reviewed`)".into());
    };
    let age = i64::from((today - last).get_days());
    (age > i64::from(max_age_days)).then(|| {
        format!("was last reviewed on {last}, {age} days ago (limit: {max_age_days} days)")
    })
}

/// The date a review falls due: `last_reviewed` + `max_age_days`, or `None` when never reviewed.
pub fn due_date(last: Option<Date>, max_age_days: u32) -> Option<Date> {
    last.and_then(|d| {
        d.checked_add(jiff::Span::new().days(i64::from(max_age_days)))
            .ok()
    })
}

/// `future-date` for a date after today; `what` names the date ("the review of ...").
pub(crate) fn future(
    cx: &Cx<'_>,
    out: &mut Out<'_>,
    date: Option<Date>,
    origin: &Origin,
    what: impl FnOnce() -> Draft,
) {
    let Some(date) = date.filter(|d| *d > cx.today) else {
        return;
    };
    out.emit(FUTURE_DATE, origin, || {
        let d = what();
        Draft {
            message: format!("{} is dated {date}, after today ({})", d.message, cx.today),
            hint: format!(
                "set the date on which it actually happened; a future date never falls due{}",
                d.hint
            ),
            ..d
        }
    });
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    for u in &cx.cat.uses {
        let el = &cx.cat.elements[u.element];
        future(cx, out, u.last_reviewed, &u.origin, || {
            Draft::new(format!("the review of `{}` for `{}`", el.id, u.purpose), "").element(&el.id)
        });
    }
    for m in &cx.cat.models {
        future(cx, out, m.last_reviewed, &m.origin, || {
            Draft::new(format!("the review of model card `{}`", m.id), "").model(&m.id)
        });
    }
    if !out.on(OVERDUE_REVIEW) {
        return;
    }
    let max = cx.settings.max_age_days;
    let hint = |today: Date| {
        format!("review it, then set `last_reviewed` to the review date (e.g. {today})")
    };
    for u in &cx.cat.uses {
        if let Some(why) = due(u.last_reviewed, cx.today, max) {
            let el = &cx.cat.elements[u.element];
            out.emit(OVERDUE_REVIEW, &u.origin, || {
                Draft::new(
                    format!("the use of `{}` for `{}` {why}", el.id, u.purpose),
                    hint(cx.today),
                )
                .element(&el.id)
            });
        }
    }
    for m in &cx.cat.models {
        if let Some(why) = due(m.last_reviewed, cx.today, max) {
            out.emit(OVERDUE_REVIEW, &m.key_origin("last_reviewed"), || {
                Draft::new(format!("model card `{}` {why}", m.id), hint(cx.today)).model(&m.id)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::testing::{rules_fired, run, Site, TODAY};
    use crate::audit::Settings;
    use jiff::civil::date;

    #[test]
    fn due_after_max_age_not_on_the_day() {
        assert_eq!(due(Some(date(2025, 11, 30)), TODAY, 365), None);
        let late = due(Some(date(2025, 11, 29)), TODAY, 365).unwrap();
        assert!(late.contains("366 days ago"), "{late}");
        assert!(due(None, TODAY, 365).unwrap().contains("never"));
        assert_eq!(due_date(Some(date(2026, 1, 1)), 31), Some(date(2026, 2, 1)));
    }

    #[test]
    fn stale_and_missing_reviews_of_uses_and_cards() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").last_reviewed = None;
        s.use_("email", "essential.service.operations")
            .last_reviewed = Some(date(2024, 1, 1));
        s.model("recommender").last_reviewed = Some(date(2020, 1, 1));
        let a = run(s);
        assert_eq!(a.findings.len(), 3);
        assert!(a.findings.iter().all(|f| f.rule == "overdue-review"));
        assert_eq!(a.findings.iter().filter(|f| f.model.is_some()).count(), 1);
    }

    #[test]
    fn a_review_dated_after_today_is_a_future_date() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").last_reviewed = Some(date(2062, 1, 1));
        s.model("recommender").last_reviewed = Some(date(2026, 12, 1));
        let a = run(s);
        let got: Vec<_> = a.findings.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            got,
            [
                ("future-date", crate::audit::Severity::Error),
                ("future-date", crate::audit::Severity::Error)
            ]
        );
        assert!(a.findings.iter().any(|f| f.message
            == "the review of `email` for `essential.service` is dated 2062-01-01, after today (2026-11-30)"));
    }

    #[test]
    fn near_miss_reviewed_today() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").last_reviewed = Some(TODAY);
        assert!(rules_fired(s).is_empty());
    }

    #[test]
    fn near_miss_recent_reviews_and_a_longer_configured_age() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service");
        assert!(rules_fired(s).is_empty());

        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").last_reviewed = Some(date(2024, 1, 1));
        let mut settings = Settings::default();
        settings.max_age_days = 3 * 365;
        let a = crate::audit::audit(&s.finish(), &settings, TODAY);
        assert!(a.findings.is_empty(), "{:?}", a.findings);
    }
}
