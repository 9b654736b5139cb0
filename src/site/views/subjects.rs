//! Data subjects as a way in: one page per group of people ("Customers", "Job applicants",
//! "Staff") listing what is held about them, and an index of the groups.

use serde::Serialize;

use super::element::{summary, ElementSummary};
use super::{choices, Ctx, TaxonRef};

#[derive(Debug, Serialize)]
pub struct SubjectsView<'a> {
    pub groups: Vec<SubjectGroup<'a>>,
}

/// A group in the index: its name and page, and how many kinds of data are about it.
#[derive(Debug, Serialize)]
pub struct SubjectGroup<'a> {
    pub taxon: TaxonRef<'a>,
    /// "12 kinds of data".
    pub count: String,
    /// Whether the site speaks to this group as "you" (`audience_subjects`).
    pub audience: bool,
}

#[derive(Debug, Serialize)]
pub struct SubjectView<'a> {
    pub taxon: TaxonRef<'a>,
    /// "12 kinds of data we hold about staff."
    pub lede: String,
    /// For a group the site does not speak to: that this is data about them, not the reader.
    pub note: Option<String>,
    pub audience: bool,
    /// Each kind of data as a card, for a group of up to [`CARDS`] kinds.
    pub elements: Vec<ElementSummary<'a>>,
    /// For a larger group: its data categories with how many kinds of data each holds, so
    /// the page stays small at any scale.
    pub categories: Vec<CategoryCount<'a>>,
}

/// A data category of a large group, with its count ("Contact details: 120 kinds of data").
#[derive(Debug, Serialize)]
pub struct CategoryCount<'a> {
    pub taxon: TaxonRef<'a>,
    pub count: String,
}

/// The most element cards a subject page shows; beyond, it lists categories.
pub const CARDS: usize = 300;

fn taxon<'a>(ctx: Ctx<'a>, key: &'a str) -> TaxonRef<'a> {
    let href = ctx.site.subject_hrefs.get(key).map(String::as_str);
    super::taxon_ref(&ctx.catalog.taxonomy.subjects, key, href, false)
}

pub(super) fn index(ctx: Ctx<'_>) -> SubjectsView<'_> {
    let l = ctx.lang();
    let config = &ctx.catalog.config;
    let mut groups: Vec<SubjectGroup> = ctx
        .site
        .subjects
        .iter()
        .map(|(&key, elements)| SubjectGroup {
            taxon: taxon(ctx, key),
            count: l.count("subjects.kinds", elements.len()),
            audience: config.is_audience_subject(key),
        })
        .collect();
    // The reader's own groups first.
    groups.sort_by_key(|g| !g.audience);
    SubjectsView { groups }
}

pub(super) fn subject<'a>(ctx: Ctx<'a>, key: &'a str) -> SubjectView<'a> {
    let l = ctx.lang();
    let audience = ctx.catalog.config.is_audience_subject(key);
    let who = choices::subject_in_text(ctx, key);
    let elements = ctx.site.subjects.get(key).map_or(&[][..], Vec::as_slice);
    SubjectView {
        taxon: taxon(ctx, key),
        lede: crate::i18n::fill(
            l.get("subjects.group_lede"),
            Some(elements.len() as f64),
            |k| (k == "who").then(|| who.clone()),
        ),
        note: (!audience).then(|| l.fill("subjects.others_note", &[("who", &who)])),
        audience,
        elements: if elements.len() <= CARDS {
            elements.iter().map(|&e| summary(ctx, e)).collect()
        } else {
            Vec::new()
        },
        categories: if elements.len() > CARDS {
            let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
            for &e in elements {
                *counts.entry(&ctx.catalog.elements[e].category).or_default() += 1;
            }
            counts
                .into_iter()
                .map(|(key, n)| CategoryCount {
                    taxon: ctx.category(key),
                    count: l.count("subjects.kinds", n),
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}
