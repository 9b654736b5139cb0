//! The review schedule: which uses and model cards are due for review, soonest first. Shown as
//! "reviews due" on internal builds (a to-do list, so accepted exceptions do not hide items).

use jiff::civil::Date;

use super::review::due_date;
use crate::diag::Origin;
use crate::model::{Catalog, ElementIdx, ModelIdx, UseIdx};

/// What is to be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewItem {
    Use { element: ElementIdx, use_: UseIdx },
    Model(ModelIdx),
}

/// One item on the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDue {
    pub item: ReviewItem,
    pub last_reviewed: Option<Date>,
    /// `None` when it was never reviewed (due now).
    pub due: Option<Date>,
    pub overdue: bool,
    pub origin: Origin,
}

/// Every use and card never reviewed or due by `today + horizon_days`, ordered by due date
/// (never-reviewed first, then oldest due date, then file and line).
pub fn reviews_due(
    catalog: &Catalog,
    max_age_days: u32,
    today: Date,
    horizon_days: u32,
) -> Vec<ReviewDue> {
    let horizon = today
        .checked_add(jiff::Span::new().days(i64::from(horizon_days)))
        .unwrap_or(today);
    let item = |item, last: Option<Date>, origin: &Origin| {
        let due = due_date(last, max_age_days);
        let soon = due.is_none_or(|d| d <= horizon);
        soon.then(|| ReviewDue {
            item,
            last_reviewed: last,
            due,
            overdue: due.is_none_or(|d| d < today),
            origin: origin.clone(),
        })
    };
    let uses = catalog.uses.iter().enumerate().filter_map(|(i, u)| {
        item(
            ReviewItem::Use {
                element: u.element,
                use_: i,
            },
            u.last_reviewed,
            &u.origin,
        )
    });
    let models = catalog.models.iter().enumerate().filter_map(|(i, m)| {
        let at = m.key_origin("last_reviewed");
        item(ReviewItem::Model(i), m.last_reviewed, &at)
    });
    let mut list: Vec<ReviewDue> = uses.chain(models).collect();
    list.sort_by(|a, b| (a.due, &a.origin).cmp(&(b.due, &b.origin)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::testing::{Site, TODAY};
    use jiff::civil::date;

    #[test]
    fn never_reviewed_first_then_by_due_date_within_the_horizon() {
        let mut s = Site::new();
        s.element("email", "user.contact.email");
        s.use_("email", "essential.service").last_reviewed = Some(date(2026, 1, 10));
        s.use_("email", "essential.service.operations")
            .last_reviewed = Some(date(2025, 6, 1));
        s.use_("email", "essential.service.security").last_reviewed = None;
        s.use_("email", "essential.service.upgrades").last_reviewed = Some(date(2026, 11, 1));
        s.model("rec").last_reviewed = Some(date(2025, 12, 15));
        let cat = s.finish();
        let list = reviews_due(&cat, 365, TODAY, 60);
        let dues: Vec<_> = list.iter().map(|r| (r.due, r.overdue)).collect();
        assert_eq!(
            dues,
            [
                (None, true),
                (Some(date(2026, 6, 1)), true),
                (Some(date(2026, 12, 15)), false),
                (Some(date(2027, 1, 10)), false),
            ],
            "the use reviewed 2026-11-01 is not due within 60 days"
        );
        assert_eq!(list[2].item, ReviewItem::Model(0));
    }
}
