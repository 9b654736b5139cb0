//! The "What changed" page: every change set of the site's history, newest first, each with
//! its date and its changes (sensitive ones first), each linked to the page of what it is
//! about when that page exists in this build. Audit findings introduced and resolved by this
//! build's diff appear on internal builds only.

use serde::Serialize;

use crate::diff::{FindingRef, Section, Summary};
use crate::site::history::{Entry, Item};
use crate::site::{changes::FEED, urls};

use super::Ctx;

/// One change as the page shows it.
#[derive(Debug, Serialize)]
pub struct ChangeView {
    /// `added`, `removed` or `changed`.
    pub how: &'static str,
    pub text: String,
    pub sensitive: bool,
    pub href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: &'static str,
    pub title: &'static str,
    pub changes: Vec<ChangeView>,
}

/// One change set: its date and changes.
#[derive(Debug, Serialize)]
pub struct EntryView {
    /// The fragment id of its heading (`set-` and the start of its id), stable across builds.
    pub anchor: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub count: usize,
    pub sensitive: Vec<ChangeView>,
    /// Sections with their non-sensitive changes; empty sections are left out.
    pub sections: Vec<SectionView>,
}

#[derive(Debug, Serialize)]
pub struct ChangesView<'a> {
    /// The date the feed and the page are dated, `YYYY-MM-DD`.
    pub updated: String,
    /// This build's diff (empty without `--previous`).
    pub summary: Summary,
    /// Every change set, newest first.
    pub entries: Vec<EntryView>,
    /// Internal builds only: the audit findings this build's diff introduced and resolved.
    pub introduced: Option<&'a [FindingRef]>,
    pub resolved: Option<&'a [FindingRef]>,
    pub feed: &'static str,
}

fn section_id(s: Section) -> &'static str {
    match s {
        Section::Collection => "collection",
        Section::Retention => "retention",
        Section::Sharing => "sharing",
        Section::Models => "models",
    }
}

/// The page of what a change is about, when this build has one.
fn href(ctx: Ctx, c: &Item) -> Option<String> {
    let (cat, site) = (ctx.catalog, ctx.site);
    if let Some(m) = c.model.as_ref().and_then(|m| cat.index.models.get(&m.0)) {
        return site
            .model_slugs
            .get(*m)
            .map(|slug| format!("models/{slug}/index.html"));
    }
    if let Some(&e) = c
        .element
        .as_ref()
        .and_then(|e| cat.index.elements.get(&e.0))
    {
        return site
            .scope
            .element(e)
            .then(|| urls::element(&cat.elements[e].id));
    }
    if let Some(&p) = c
        .policy
        .as_ref()
        .and_then(|p| cat.index.retention.get(&p.0))
    {
        return site
            .scope
            .policy(p)
            .then(|| site.policy_briefs.get(p).map(|b| b.0.clone()))
            .flatten();
    }
    if let Some(&r) = c
        .recipient
        .as_ref()
        .and_then(|r| cat.index.recipients.get(&r.0))
    {
        return site.scope.recipient(r).then(|| {
            let parts = &site.paging.recipient_part;
            let id = &cat.recipients[r].id;
            crate::site::paging::item_href(urls::RECIPIENTS, parts, r, "recipient", id)
        });
    }
    None
}

fn change(ctx: Ctx, c: &Item) -> ChangeView {
    ChangeView {
        how: c.how.as_str(),
        text: c.text.0.clone(),
        sensitive: c.sensitive,
        href: href(ctx, c),
    }
}

fn entry(ctx: Ctx, e: &Entry) -> EntryView {
    let sections = Section::ALL
        .into_iter()
        .map(|s| SectionView {
            id: section_id(s),
            title: s.title(),
            changes: e
                .changes
                .iter()
                .filter(|c| c.section.section() == s && !c.sensitive)
                .map(|c| change(ctx, c))
                .collect(),
        })
        .filter(|s| !s.changes.is_empty())
        .collect();
    EntryView {
        anchor: e.anchor(),
        date: e.date.to_string(),
        count: e.changes.len(),
        sensitive: e
            .changes
            .iter()
            .filter(|c| c.sensitive)
            .map(|c| change(ctx, c))
            .collect(),
        sections,
    }
}

pub fn changes(ctx: Ctx<'_>) -> ChangesView<'_> {
    let Some(changes) = &ctx.site.changes else {
        return ChangesView {
            updated: String::new(),
            summary: Summary::default(),
            entries: Vec::new(),
            introduced: None,
            resolved: None,
            feed: FEED,
        };
    };
    // Findings are audit details: only an internal build's diff carries them, and only an
    // internal build shows them.
    let findings = changes
        .diff
        .and_then(|d| d.findings.as_ref())
        .filter(|_| ctx.internal());
    ChangesView {
        updated: changes.updated.strftime("%Y-%m-%d").to_string(),
        summary: changes.diff.map(|d| d.summary()).unwrap_or_default(),
        entries: changes
            .history
            .entries
            .iter()
            .map(|e| entry(ctx, e))
            .collect(),
        introduced: findings.map(|f| f.introduced.as_slice()),
        resolved: findings.map(|f| f.resolved.as_slice()),
        feed: FEED,
    }
}
