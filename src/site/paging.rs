//! Long listings split into pages, so no page grows past ~1 MB at 100,000 elements: the first
//! part is `<dir>/index.html` as before, part n is `<dir>/page/<n>/index.html`.
//!
//! A listing is a run of groups (a data category, a retention policy, a recipient, a system)
//! with members (elements, uses). Each member takes one slot and an empty group one, and each
//! part holds [`PER_PAGE`] slots; a group cut by a page break goes on with its members on the
//! next part. A listing that fits on one page is exactly what it was before paging existed.

use std::ops::Range;

use serde::Serialize;

use crate::model::{Catalog, ElementIdx, UseIdx};

use crate::model::Scope;

/// The most entries (element cards, table rows, listed elements) on one page.
pub const PER_PAGE: usize = 400;

/// Where the groups of one listing start, in slots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// `starts[g]` is the first slot of group `g`; the last entry is the total.
    starts: Vec<usize>,
    /// Members of each group (a group of none still takes a slot).
    members: Vec<usize>,
}

impl Listing {
    /// A listing of groups with these member counts, in page order.
    pub fn new(counts: impl IntoIterator<Item = usize>) -> Listing {
        let members: Vec<usize> = counts.into_iter().collect();
        let mut starts = Vec::with_capacity(members.len() + 1);
        let mut at = 0;
        for &m in &members {
            starts.push(at);
            at += m.max(1);
        }
        starts.push(at);
        Listing { starts, members }
    }

    /// How many members group `g` has.
    pub fn members(&self, g: usize) -> usize {
        self.members.get(g).copied().unwrap_or(0)
    }

    /// How many pages the listing takes (at least one).
    pub fn parts(&self, per: usize) -> usize {
        let total = self.starts.last().copied().unwrap_or(0);
        total.div_ceil(per.max(1)).max(1)
    }

    /// The part (0-based) on which group `g` starts.
    pub fn part_of(&self, g: usize, per: usize) -> usize {
        self.starts.get(g).map_or(0, |&s| s / per.max(1))
    }

    /// The groups on part `part` with the range of their members shown there, in order.
    pub fn window(&self, part: usize, per: usize) -> Vec<(usize, Range<usize>)> {
        let per = per.max(1);
        let (lo, hi) = (
            part.saturating_mul(per),
            part.saturating_add(1).saturating_mul(per),
        );
        let first = self.starts.partition_point(|&s| s <= lo).saturating_sub(1);
        let mut out = Vec::new();
        for g in first..self.members.len() {
            let (start, m) = (self.starts[g], self.members[g]);
            if start >= hi {
                break;
            }
            let end = start + m.max(1);
            if end <= lo {
                continue;
            }
            let from = lo.saturating_sub(start).min(m);
            let to = (hi - start).min(m);
            out.push((g, from..to));
        }
        out
    }
}

/// The page count of every paged listing but the taxonomy pages (whose groups are their
/// members; see [`taxon_parts`]).
#[derive(Debug, Clone, Default)]
pub struct Paging {
    pub per_page: usize,
    /// The data index: elements by section.
    pub data: Listing,
    /// The retention page: elements by policy, in scope order.
    pub retention: Listing,
    /// The sharing page: elements by recipient, in scope order.
    pub recipients: Listing,
    /// The storage page: elements by system, in scope order.
    pub systems: Listing,
    /// The part each visible policy, recipient and system starts on, by catalog index.
    pub policy_part: Vec<usize>,
    pub recipient_part: Vec<usize>,
    pub system_part: Vec<usize>,
}

/// The part each visible item of a register starts on, by catalog index (`len` items).
fn starts(
    listing: &Listing,
    visible: impl Iterator<Item = usize>,
    len: usize,
    per: usize,
) -> Vec<usize> {
    let mut out = vec![0; len];
    for (g, i) in visible.enumerate() {
        if let Some(slot) = out.get_mut(i) {
            *slot = listing.part_of(g, per);
        }
    }
    out
}

/// A link to an item of a register (`page` is its first page), on the part it starts on.
pub fn item_href(page: &str, parts: &[usize], i: usize, kind: &str, id: &str) -> String {
    let on = path(page, parts.get(i).copied().unwrap_or(0));
    super::urls::anchored(&on, kind, id)
}

impl Paging {
    /// The listings of a site, `per` entries a page.
    pub fn new(
        catalog: &Catalog,
        scope: &Scope,
        data_sections: &std::collections::BTreeMap<&str, Vec<ElementIdx>>,
        per: usize,
    ) -> Paging {
        let mut seen = Vec::new();
        let mut distinct = |uses: &[UseIdx]| {
            seen.clear();
            seen.extend(scope.filter_uses(uses).map(|u| catalog.uses[u].element));
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        };
        let retention: Vec<usize> = scope
            .policies()
            .map(|p| distinct(&catalog.retention[p].uses))
            .collect();
        let recipients: Vec<usize> = scope
            .recipients()
            .map(|r| distinct(&catalog.recipients[r].uses))
            .collect();
        let systems: Vec<usize> = scope
            .systems()
            .map(|s| scope.filter_elements(&catalog.systems[s].elements).count())
            .collect();
        let per = per.max(1);
        let (retention, recipients, systems) = (
            Listing::new(retention),
            Listing::new(recipients),
            Listing::new(systems),
        );
        Paging {
            per_page: per,
            data: Listing::new(data_sections.values().map(Vec::len)),
            policy_part: starts(&retention, scope.policies(), catalog.retention.len(), per),
            recipient_part: starts(
                &recipients,
                scope.recipients(),
                catalog.recipients.len(),
                per,
            ),
            system_part: starts(&systems, scope.systems(), catalog.systems.len(), per),
            retention,
            recipients,
            systems,
        }
    }
}

/// The number of pages of a taxonomy page with `members` entries.
pub fn taxon_parts(members: usize, per: usize) -> usize {
    members.div_ceil(per.max(1)).max(1)
}

/// Which part (0-based) a page path is: `n - 1` for `…/page/<n>/index.html`, 0 otherwise.
pub fn part(path: &str) -> usize {
    let Some(rest) = path.strip_suffix("/index.html") else {
        return 0;
    };
    let Some((head, n)) = rest.rsplit_once('/') else {
        return 0;
    };
    if !head.ends_with("/page") && head != "page" {
        return 0;
    }
    if n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    match n.parse::<usize>() {
        Ok(n) if n >= 2 => n - 1,
        _ => 0,
    }
}

/// The path of part `part` (0-based) of the listing whose first page is `first`
/// (`<dir>/index.html`).
pub fn path(first: &str, part: usize) -> String {
    if part == 0 {
        return first.to_string();
    }
    let dir = first.strip_suffix("index.html").unwrap_or(first);
    format!("{dir}page/{}/index.html", part + 1)
}

/// A link to one page of a listing.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct PageLink {
    pub number: usize,
    /// Relative to the site root.
    pub href: String,
    pub current: bool,
}

/// The page links a part of a paged listing shows; `None` for a listing of one page.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Pager {
    /// 1-based.
    pub current: usize,
    pub count: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The first and last page and those near the current one; `gap_before` marks a jump.
    pub pages: Vec<PagerItem>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct PagerItem {
    pub link: PageLink,
    /// Pages are left out just before this one.
    pub gap_before: bool,
}

/// The pager of part `part` (0-based) of `count` parts of the listing at `first`.
pub fn pager(first: &str, part: usize, count: usize) -> Option<Pager> {
    if count <= 1 {
        return None;
    }
    let part = part.min(count - 1);
    let near = |i: usize| i == 0 || i + 1 == count || i.abs_diff(part) <= 2;
    let mut pages = Vec::new();
    let mut last = None;
    for i in (0..count).filter(|&i| near(i)) {
        pages.push(PagerItem {
            link: PageLink {
                number: i + 1,
                href: path(first, i),
                current: i == part,
            },
            gap_before: last.is_some_and(|l: usize| l + 1 != i),
        });
        last = Some(i);
    }
    Some(Pager {
        current: part + 1,
        count,
        prev: (part > 0).then(|| path(first, part - 1)),
        next: (part + 1 < count).then(|| path(first, part + 1)),
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_and_other_paths_are_part_one() {
        assert_eq!(path("data/index.html", 0), "data/index.html");
        assert_eq!(path("data/index.html", 1), "data/page/2/index.html");
        assert_eq!(
            path("purposes/essential/index.html", 4),
            "purposes/essential/page/5/index.html"
        );
        for p in 0..12 {
            assert_eq!(part(&path("categories/user.contact/index.html", p)), p);
        }
        assert_eq!(part("data/page/index.html"), 0, "an element called page");
        assert_eq!(part("data/page/02/index.html"), 0);
        assert_eq!(part("data/page/1/index.html"), 0);
        assert_eq!(part("index.html"), 0);
    }

    #[test]
    fn windows_cut_groups_and_keep_empty_ones() {
        let l = Listing::new([3, 0, 4, 1]);
        assert_eq!(l.parts(3), 3);
        assert_eq!(l.window(0, 3), [(0, 0..3)]);
        assert_eq!(l.window(1, 3), [(1, 0..0), (2, 0..2)]);
        assert_eq!(l.window(2, 3), [(2, 2..4), (3, 0..1)]);
        assert_eq!(l.window(3, 3), []);
        assert_eq!((l.part_of(2, 3), l.part_of(3, 3)), (1, 2));
        let every: usize = (0..3)
            .flat_map(|p| l.window(p, 3))
            .map(|(_, r)| r.len())
            .sum();
        assert_eq!(every, 8, "each member exactly once");
        assert_eq!(Listing::new([]).parts(3), 1);
        assert_eq!(Listing::new([5]).window(0, 400), [(0, 0..5)]);
    }

    #[test]
    fn a_pager_shows_ends_and_neighbours() {
        assert_eq!(pager("data/index.html", 0, 1), None);
        let p = pager("data/index.html", 5, 20).expect("paged");
        let numbers: Vec<_> = p
            .pages
            .iter()
            .map(|i| (i.link.number, i.gap_before))
            .collect();
        assert_eq!(
            numbers,
            [
                (1, false),
                (4, true),
                (5, false),
                (6, false),
                (7, false),
                (8, false),
                (20, true)
            ]
        );
        assert_eq!(p.prev.as_deref(), Some("data/page/5/index.html"));
        assert_eq!(p.next.as_deref(), Some("data/page/7/index.html"));
        let first = pager("data/index.html", 0, 2).expect("paged");
        assert_eq!(first.prev, None);
        assert!(first.pages[0].link.current);
    }
}
