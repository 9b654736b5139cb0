//! "Last updated" on every page, from the data itself, never the clock: the latest
//! `last_reviewed` of the rows a page shows (a model card's own, for a model page), and for
//! site-wide pages the latest date of everything the audience sees (reviews, model cards,
//! transfer impact assessments; assessments too on internal builds). With `--git-dates`, the
//! date of the last commit touching the page's source files counts as well ([`super::git`]).

use std::path::Path;

use jiff::civil::Date;

use crate::hash::FastMap;
use crate::model::{Catalog, UseIdx};

use super::{PageKind, Site};

/// The dates pages are updated by, computed once per build.
#[derive(Debug, Clone, Default)]
pub struct Updated {
    /// The latest date of everything the audience sees.
    pub site: Option<Date>,
    /// `--git-dates`: the last commit date of each source file, and of the whole site.
    pub git: Option<GitDates>,
}

/// Last commit dates, by path relative to the site root.
#[derive(Debug, Clone, Default)]
pub struct GitDates {
    pub files: FastMap<std::sync::Arc<Path>, Date>,
    /// The last commit touching anything in the site folder.
    pub root: Option<Date>,
}

impl Updated {
    /// The site-wide date of `site`'s audience (no git dates).
    pub fn new(catalog: &Catalog, site: &Site) -> Updated {
        let scope = &site.scope;
        let uses = scope.uses().filter_map(|u| catalog.uses[u].last_reviewed);
        let models = catalog.models.iter().filter_map(|m| m.last_reviewed);
        let transfers = scope
            .recipients()
            .filter_map(|r| catalog.recipients[r].tia_date);
        let assessments = catalog
            .assessments
            .iter()
            .filter(|_| scope.internal())
            .filter_map(|a| a.date);
        Updated {
            site: uses.chain(models).chain(transfers).chain(assessments).max(),
            git: None,
        }
    }

    /// The "Last updated" date of a page of `kind`.
    pub fn page(&self, catalog: &Catalog, site: &Site, kind: &PageKind) -> Option<Date> {
        let groups = &site.groups;
        let no_uses: &[UseIdx] = &[];
        // The rows a page is about: its own date and source files.
        let (own, files): (Option<Date>, Vec<&Path>) = match *kind {
            PageKind::Element(e) => self.uses(catalog, site, &catalog.elements[e].uses),
            PageKind::Purpose(key) => {
                let members = groups.purposes.get(key).map_or(no_uses, |g| &g.members);
                self.uses(catalog, site, members)
            }
            PageKind::Category(key) => {
                let uses: Vec<UseIdx> = groups.categories.get(key).map_or(Vec::new(), |g| {
                    g.members
                        .iter()
                        .flat_map(|&e| catalog.elements[e].uses.iter().copied())
                        .collect()
                });
                self.uses(catalog, site, &uses)
            }
            PageKind::Model(m) => {
                let card = &catalog.models[m];
                (card.last_reviewed, vec![&*card.origin.file])
            }
            PageKind::Page(p) => (None, vec![&*catalog.pages[p].origin.file]),
            PageKind::Changes => {
                let newest = site
                    .changes
                    .as_ref()
                    .and_then(|c| c.history.entries.first())
                    .map(|e| e.date);
                return self.site.max(newest).max(self.git_root());
            }
            _ => return self.site.max(self.git_root()),
        };
        let committed = self
            .git
            .as_ref()
            .and_then(|g| files.iter().filter_map(|f| g.files.get(*f).copied()).max());
        // A page whose rows carry no date of their own is as fresh as the site.
        own.max(committed)
            .or_else(|| self.site.max(self.git_root()))
    }

    fn git_root(&self) -> Option<Date> {
        self.git.as_ref().and_then(|g| g.root)
    }

    /// The latest review of the visible `uses`, and the files they come from.
    fn uses<'c>(
        &self,
        catalog: &'c Catalog,
        site: &Site,
        uses: &[UseIdx],
    ) -> (Option<Date>, Vec<&'c Path>) {
        let visible = uses.iter().filter(|&&u| site.scope.use_(u));
        let date = visible
            .clone()
            .filter_map(|&u| catalog.uses[u].last_reviewed)
            .max();
        let mut files: Vec<&Path> = Vec::new();
        if self.git.is_some() {
            for &u in visible {
                let f = &*catalog.uses[u].origin.file;
                if !files.contains(&f) {
                    files.push(f);
                }
            }
        }
        (date, files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Audience;
    use crate::site::{plan, testkit};
    use jiff::civil::date;

    #[test]
    fn pages_are_dated_by_what_they_show_and_the_site_by_what_its_audience_sees() {
        let mut c = testkit::catalog();
        c.uses[2].last_reviewed = Some(date(2026, 5, 4)); // purchase history
        c.uses[4].last_reviewed = Some(date(2026, 12, 24)); // internal only
        c.models[0].last_reviewed = Some(date(2026, 6, 1));
        let site = plan(&c, Audience::Public);
        let u = Updated::new(&c, &site);
        // Public: the internal row's review never shows, not even as the site's date.
        assert_eq!(u.site, Some(date(2026, 6, 1)));
        let page = |k| u.page(&c, &site, &k);
        assert_eq!(page(PageKind::Element(1)), Some(date(2026, 5, 4)));
        assert_eq!(page(PageKind::Element(0)), Some(date(2026, 3, 1)));
        assert_eq!(
            page(PageKind::Category("user.behavior")),
            Some(date(2026, 5, 4))
        );
        assert_eq!(page(PageKind::Purpose("marketing")), Some(date(2026, 3, 1)));
        assert_eq!(page(PageKind::Model(0)), Some(date(2026, 6, 1)));
        assert_eq!(page(PageKind::Home), Some(date(2026, 6, 1)));
        // A row without a date: the page falls back to the site's date.
        let mut c = c.clone();
        c.uses[2].last_reviewed = None;
        let site = plan(&c, Audience::Public);
        let u = Updated::new(&c, &site);
        assert_eq!(
            u.page(&c, &site, &PageKind::Element(1)),
            Some(date(2026, 6, 1))
        );
        let internal = plan(&c, Audience::Internal);
        assert_eq!(Updated::new(&c, &internal).site, Some(date(2026, 12, 24)));
    }

    #[test]
    fn commit_dates_count_when_later_than_the_data() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let mut u = Updated::new(&c, &site);
        let mut git = GitDates {
            root: Some(date(2026, 11, 30)),
            ..GitDates::default()
        };
        git.files
            .insert(c.uses[0].origin.file.clone(), date(2026, 10, 10));
        u.git = Some(git);
        assert_eq!(
            u.page(&c, &site, &PageKind::Element(0)),
            Some(date(2026, 10, 10))
        );
        assert_eq!(u.page(&c, &site, &PageKind::Home), Some(date(2026, 11, 30)));
    }
}
