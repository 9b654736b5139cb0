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
    /// The feed's `updated`: [`crate::today::Clock::feed_time`], never the clock's time.
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
