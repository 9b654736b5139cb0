//! The "What changed" page of a build made with `--previous`: the changes since the previous
//! version, sensitive ones first, each linked to the page of what it is about when that page
//! exists in this build. Audit findings introduced and resolved appear on internal builds only.

use serde::Serialize;

use crate::diff::{Change, FindingRef, Section, Summary};
use crate::site::feed::sentence;
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

#[derive(Debug, Serialize)]
pub struct ChangesView<'a> {
    /// The date the feed and the page are dated, `YYYY-MM-DD`.
    pub updated: String,
    pub summary: Summary,
    pub sensitive: Vec<ChangeView>,
    /// Sections with their non-sensitive changes; empty sections are left out.
    pub sections: Vec<SectionView>,
    /// Internal builds only.
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
fn href(ctx: Ctx, c: &Change) -> Option<String> {
    let (cat, site) = (ctx.catalog, ctx.site);
    if let Some(m) = c.model.as_ref().and_then(|m| cat.index.models.get(&m.id)) {
        return site
            .model_slugs
            .get(*m)
            .map(|slug| format!("models/{slug}/index.html"));
    }
    if let Some(&e) = c
        .element
        .as_ref()
        .and_then(|e| cat.index.elements.get(&e.id))
    {
        return site
            .scope
            .element(e)
            .then(|| urls::element(&cat.elements[e].id));
    }
    if let Some(&p) = c
        .policy
        .as_ref()
        .and_then(|p| cat.index.retention.get(&p.id))
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
        .and_then(|r| cat.index.recipients.get(&r.id))
    {
        return site.scope.recipient(r).then(|| {
            let parts = &site.paging.recipient_part;
            let id = &cat.recipients[r].id;
            crate::site::paging::item_href(urls::RECIPIENTS, parts, r, "recipient", id)
        });
    }
    None
}

fn change(ctx: Ctx, c: &Change) -> ChangeView {
    ChangeView {
        how: match c.kind.sign() {
            '+' => "added",
            '-' => "removed",
            _ => "changed",
        },
        text: sentence(&c.text),
        sensitive: c.sensitive,
        href: href(ctx, c),
    }
}

pub fn changes(ctx: Ctx<'_>) -> ChangesView<'_> {
    let Some(changes) = &ctx.site.changes else {
        return ChangesView {
            updated: String::new(),
            summary: Summary::default(),
            sensitive: Vec::new(),
            sections: Vec::new(),
            introduced: None,
            resolved: None,
            feed: FEED,
        };
    };
    let diff = changes.diff;
    let sections = Section::ALL
        .into_iter()
        .map(|s| SectionView {
            id: section_id(s),
            title: s.title(),
            changes: diff
                .section(s)
                .filter(|c| !c.sensitive)
                .map(|c| change(ctx, c))
                .collect(),
        })
        .filter(|s| !s.changes.is_empty())
        .collect();
    // Findings are audit details: only an internal build's diff carries them, and only an
    // internal build shows them.
    let findings = diff.findings.as_ref().filter(|_| ctx.internal());
    ChangesView {
        updated: changes.updated.strftime("%Y-%m-%d").to_string(),
        summary: diff.summary(),
        sensitive: diff
            .changes
            .iter()
            .filter(|c| c.sensitive)
            .map(|c| change(ctx, c))
            .collect(),
        sections,
        introduced: findings.map(|f| f.introduced.as_slice()),
        resolved: findings.map(|f| f.resolved.as_slice()),
        feed: FEED,
    }
}
