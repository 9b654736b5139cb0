//! "What changed": the change history of the site for the build's audience, as the `changes/`
//! page, the `changes.xml` Atom feed and `changes.json` (the history itself, read back by the
//! next build: see [`super::history`]). A build made with `--previous` adds its diff as the
//! newest change set.

use jiff::Timestamp;

use crate::diff::Diff;

use super::history::History;
use super::{PageKind, PageSpec, Site};

/// Where the changes page goes.
pub const PAGE: &str = "changes/index.html";
/// Where the Atom feed goes.
pub const FEED: &str = "changes.xml";

/// The changes a build shows, and the moment its feed is dated.
#[derive(Debug, Clone)]
pub struct SiteChanges<'a> {
    /// This build's diff (builds with `--previous`), compared for the build's audience: a
    /// public build's diff has no internal row in it. Its findings show on internal builds.
    pub diff: Option<&'a Diff>,
    /// Every change set, newest first, this build's included.
    pub history: History,
    /// The feed's `updated`: from `SOURCE_DATE_EPOCH` or `--today`, never the clock's time.
    pub updated: Timestamp,
}

impl<'a> SiteChanges<'a> {
    /// The history read back (or a new one) with `diff` added as the newest change set, dated
    /// the UTC day of `updated`; `identity` (the site's URL or title) makes its id unique.
    pub fn new(
        diff: Option<&'a Diff>,
        mut history: History,
        updated: Timestamp,
        identity: &str,
        keep: usize,
    ) -> Self {
        let date = updated.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        if let Some(diff) = diff {
            history.push(diff, date, identity, keep);
        } else {
            history.entries.truncate(keep);
        }
        SiteChanges {
            diff,
            history,
            updated,
        }
    }
}

impl<'a> Site<'a> {
    /// Adds the changes page (and, when rendering, the feed and `changes.json`). The diff
    /// must have been computed for this site's audience.
    pub fn with_changes(mut self, changes: SiteChanges<'a>) -> Self {
        if let Some(diff) = changes.diff {
            debug_assert_eq!(diff.audience, self.audience);
        }
        self.pages.push(PageSpec {
            path: PAGE.into(),
            kind: PageKind::Changes,
        });
        self.changes = Some(changes);
        self
    }
}

/// When a feed built today is dated: midnight (UTC) of `--today` when it is given, else the
/// `SOURCE_DATE_EPOCH` second, else midnight (UTC) of the UTC date of `now` — not the local
/// date, which is a day ahead or behind UTC for part of every day in most time zones, while
/// the feed says `Z`. Never the time of day of the build.
pub fn feed_time(
    flag: Option<jiff::civil::Date>,
    source_date_epoch: Option<&str>,
    now: impl FnOnce() -> Timestamp,
) -> Timestamp {
    let midnight = |d: jiff::civil::Date| {
        d.to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH)
    };
    if let Some(d) = flag {
        return midnight(d);
    }
    source_date_epoch
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| Timestamp::from_second(s).ok())
        .unwrap_or_else(|| midnight(now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn feed_time_never_reads_the_clock() {
        // 2026-11-30T15:00Z: already 2026-12-01 in Kiritimati (+14), still 11-30 in UTC.
        let today = || Timestamp::from_second(1_796_050_800).unwrap();
        assert_eq!(
            feed_time(Some(date(2026, 1, 2)), Some("1796083199"), today).to_string(),
            "2026-01-02T00:00:00Z"
        );
        assert_eq!(
            feed_time(None, Some("1796083199"), today).to_string(),
            "2026-11-30T23:59:59Z"
        );
        assert_eq!(
            feed_time(None, None, today).to_string(),
            "2026-11-30T00:00:00Z"
        );
    }
}
