//! "What changed" on a build made with `--previous`: the diff against the previous version,
//! for the build's own audience, as the `changes/` page and the `changes.xml` Atom feed.

use jiff::Timestamp;

use crate::diff::Diff;

use super::{PageKind, PageSpec, Site};

/// Where the changes page goes.
pub const PAGE: &str = "changes/index.html";
/// Where the Atom feed goes.
pub const FEED: &str = "changes.xml";

/// The changes a build shows, and the moment its feed is dated.
#[derive(Debug, Clone)]
pub struct SiteChanges<'a> {
    /// Compared for the build's audience: a public build's diff has no internal row in it.
    pub diff: &'a Diff,
    /// The feed's `updated`: [`crate::today::Clock::feed_time`], never the clock's time.
    pub updated: Timestamp,
}

impl<'a> Site<'a> {
    /// Adds the changes page (and, when rendering, the feed). The diff must have been computed
    /// for this site's audience.
    pub fn with_changes(mut self, changes: SiteChanges<'a>) -> Self {
        debug_assert_eq!(changes.diff.audience, self.audience);
        self.pages.push(PageSpec {
            path: PAGE.into(),
            kind: PageKind::Changes,
        });
        self.changes = Some(changes);
        self
    }
}
