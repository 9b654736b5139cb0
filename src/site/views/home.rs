//! The home page (headline numbers, the "which data and why" chart, an at-a-glance summary and
//! links into every section) and the free pages from `content/pages`.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Necessity, RetentionPeriod};

use super::{words, ChartView, Ctx, Link, TaxonRef};

/// Headline numbers of the visible catalog.
#[derive(Debug, Default, Serialize)]
pub struct Counts {
    pub elements: usize,
    /// Distinct purpose keys used.
    pub purposes: usize,
    pub uses: usize,
    pub optional_uses: usize,
    pub categories: usize,
    pub sensitive_elements: usize,
    pub recipients: usize,
    pub systems: usize,
    pub policies: usize,
    pub indefinite_policies: usize,
    pub models: usize,
}

#[derive(Debug, Serialize)]
pub struct HomeView<'a> {
    pub counts: Counts,
    /// Up to three sensitive elements, to name them in the summary.
    pub sensitive_examples: Vec<Link<'a>>,
    /// Shortest and longest fixed retention periods, in words.
    pub shortest_retention: Option<String>,
    pub longest_retention: Option<String>,
    pub chart: Option<ChartView<'a>>,
    /// The heat map's rows and columns as links: data categories and top-level purposes.
    pub categories: Vec<TaxonRef<'a>>,
    pub purposes: Vec<TaxonRef<'a>>,
    /// The App Store / Play style summary label.
    pub summary: super::SummaryView<'a>,
}

#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub slug: &'a str,
    /// Markdown, rendered and sanitised by the template's `markdown` filter.
    pub body: &'a str,
}

pub(super) fn home(ctx: Ctx<'_>) -> HomeView<'_> {
    let c = ctx.catalog;
    let scope = &ctx.site.scope;
    let mut counts = Counts::default();
    let mut purposes = HashSet::new();
    for u in scope
        .uses()
        .filter(|&u| super::choices::for_audience(ctx, c.uses[u].element))
    {
        let use_ = &c.uses[u];
        counts.uses += 1;
        counts.optional_uses += usize::from(use_.necessity == Some(Necessity::Optional));
        purposes.insert(use_.purpose.as_str());
    }
    counts.purposes = purposes.len();
    let mut sensitive_examples = Vec::new();
    // The reader's own data: staff and applicants have their own pages.
    for e in scope
        .elements()
        .filter(|&e| super::choices::for_audience(ctx, e))
    {
        counts.elements += 1;
        if c.taxonomy.is_sensitive(&c.elements[e].category) {
            counts.sensitive_elements += 1;
            if sensitive_examples.len() < 3 {
                sensitive_examples.push(ctx.element_link(e));
            }
        }
    }
    counts.categories = ctx.site.data_sections.len();
    counts.recipients = scope.recipients().count();
    counts.systems = scope.systems().count();
    counts.models = c.models.len();
    let mut fixed: Vec<&RetentionPeriod> = Vec::new();
    for p in scope.policies() {
        counts.policies += 1;
        match &c.retention[p].period {
            RetentionPeriod::Indefinite => counts.indefinite_policies += 1,
            period => fixed.push(period),
        }
    }
    let days = |p: &&RetentionPeriod| p.approx_days().unwrap_or(0.0);
    let shortest = fixed.iter().min_by(|a, b| days(a).total_cmp(&days(b)));
    let longest = fixed.iter().max_by(|a, b| days(a).total_cmp(&days(b)));
    HomeView {
        counts,
        sensitive_examples,
        shortest_retention: shortest.map(|p| words::period_label(ctx.lang(), p)),
        longest_retention: longest.map(|p| words::period_label(ctx.lang(), p)),
        chart: ctx.chart(ctx.site.chart_index.heatmap),
        categories: ctx
            .site
            .data_sections
            .keys()
            .map(|&k| ctx.category(k))
            .collect(),
        purposes: ctx
            .site
            .data_purposes
            .iter()
            .map(|&k| ctx.purpose(k))
            .collect(),
        summary: super::summary::summary(ctx),
    }
}

/// The body without a leading `# Title` that repeats the page title (the page shows it).
fn without_title<'a>(body: &'a str, title: &str) -> &'a str {
    let trimmed = body.trim_start();
    let first = trimmed.lines().next().unwrap_or("");
    match first.strip_prefix("# ") {
        Some(heading) if heading.trim().eq_ignore_ascii_case(title.trim()) => {
            &trimmed[first.len()..]
        }
        _ => body,
    }
}

pub(super) fn page(ctx: Ctx<'_>, p: usize) -> PageView<'_> {
    let page = &ctx.catalog.pages[p];
    PageView {
        slug: ctx.site.page_slugs.get(p).map_or("", String::as_str),
        body: without_title(&page.body, &page.title),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn headline_numbers_count_only_what_the_audience_sees() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::home(ctx);
        assert_eq!(v.counts.elements, 3);
        assert_eq!(v.counts.purposes, 4);
        assert_eq!(v.counts.optional_uses, 1);
        assert_eq!(v.counts.recipients, 1);
        assert_eq!(v.counts.sensitive_elements, 1);
        assert_eq!(v.sensitive_examples[0].name, "Date of birth");
        assert_eq!(v.shortest_retention.as_deref(), Some("30 days"));
        assert_eq!(v.longest_retention.as_deref(), Some("7 years"));
        assert_eq!(v.counts.indefinite_policies, 0);
        let site = plan(&c, Audience::Internal);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        assert_eq!(super::home(ctx).counts.indefinite_policies, 1);
    }

    #[test]
    fn a_heading_repeating_the_page_title_is_dropped() {
        assert_eq!(
            super::without_title("# Your rights\n\nText", "Your rights").trim(),
            "Text"
        );
        assert_eq!(
            super::without_title("# Other\n\nText", "Your rights"),
            "# Other\n\nText"
        );
        assert_eq!(super::without_title("Text", "Your rights"), "Text");
    }
}
