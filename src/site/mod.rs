//! Catalog + audience -> the pages and charts of a site, as plain data.
//!
//! [`plan`] decides which pages exist (with their paths and templates) and computes the
//! charts; it is linear in the catalog. Each page's view is built later, per page and in
//! parallel, by [`views::build`], borrowing from the catalog instead of copying it.

pub mod audit;
pub mod changes;
pub mod chart;
pub mod charts;
pub mod data_json;
pub mod downloads;
pub mod evidence;
pub mod feed;
pub mod freshness;
pub mod gap;
pub mod git;
pub mod groups;
pub mod history;
pub mod paging;
pub mod rights;
pub mod search;
pub mod sitemap;
pub mod urls;
pub mod views;

#[cfg(test)]
pub(crate) mod testkit;

use crate::config::Audience;
use crate::hash::FastMap;
use crate::i18n::Strings;
use crate::model::{words, Catalog, ElementIdx, ModelIdx, Scope};
use crate::site::chart::Chart;

pub use groups::Groups;

/// Everything a build will produce, before rendering.
#[derive(Debug, Clone)]
pub struct Site<'a> {
    pub audience: Audience,
    /// The interface text of the site's language.
    pub lang: &'static Strings,
    /// Every HTML page, home first.
    pub pages: Vec<PageSpec<'a>>,
    /// Every chart, written to `charts/<id>.svg` and inlined in its page.
    pub charts: Vec<Chart>,
    /// Where each chart is used.
    pub chart_index: ChartIndex,
    pub scope: Scope,
    pub groups: Groups<'a>,
    /// URL slug of each model card (unique), by model index.
    pub model_slugs: Vec<String>,
    /// URL slug of each free page (unique), by page index.
    pub page_slugs: Vec<String>,
    /// Internal builds only: the audit's findings and review schedule ([`Site::with_audit`]).
    pub audit: Option<audit::SiteAudit<'a>>,
    /// Builds with `--previous` only: what changed ([`Site::with_changes`]).
    pub changes: Option<changes::SiteChanges<'a>>,
    /// Models whose cards say they deliberately do not use an element, by element.
    pub excluded_by: FastMap<ElementIdx, Vec<ModelIdx>>,
    /// The "generated on" date in every page's footer: only from `SOURCE_DATE_EPOCH`
    /// ([`crate::today::source_date`]), never the clock, so builds are reproducible.
    pub generated_on: Option<jiff::civil::Date>,
    /// What each page's "Last updated" is computed from ([`freshness::Updated::page`]).
    pub updated: freshness::Updated,
    /// Each retention policy's link and summary in words, by policy index (every use of a
    /// policy shows them; computed once).
    pub policy_briefs: Vec<(String, String)>,
    /// The page of each category and purpose that has one (every reference links it).
    pub category_hrefs: FastMap<&'a str, String>,
    pub purpose_hrefs: FastMap<&'a str, String>,
    /// Where "Your rights" lives ([`rights::plan`]).
    pub rights: rights::RightsPlan,
    /// The data subjects with a page (`subjects/<key>/`): every subject of a visible element,
    /// in key order, with those elements.
    pub subjects: std::collections::BTreeMap<&'a str, Vec<ElementIdx>>,
    /// The page of each subject in `subjects`.
    pub subject_hrefs: FastMap<&'a str, String>,
    /// Per element, the code scans that confirm it (empty without evidence).
    pub confirmed: Vec<Vec<evidence::Confirmation>>,
    /// How the long listings are split into pages ([`paging`]).
    pub paging: paging::Paging,
    /// The data index: [`Groups::sections`] with only the data about the people the site
    /// speaks to (`audience_subjects`) on a public build, empty sections left out.
    pub data_sections: std::collections::BTreeMap<&'a str, Vec<ElementIdx>>,
    /// The top-level purposes of the uses of [`Site::data_sections`]: the heat map's columns
    /// and the home page's list of purposes.
    pub data_purposes: Vec<&'a str>,
}

/// Indices into [`Site::charts`].
#[derive(Debug, Clone, Default)]
pub struct ChartIndex {
    pub heatmap: usize,
    pub per_category: usize,
    pub retention: usize,
    pub recipients: usize,
    /// By model index; `None` for a card without metrics.
    pub models: Vec<Option<usize>>,
}

/// One HTML page: where it goes and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSpec<'a> {
    /// Relative output path, e.g. `data/email_address/index.html`.
    pub path: String,
    pub kind: PageKind<'a>,
}

/// The kind of a page, which picks its template and view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind<'a> {
    Home,
    DataIndex,
    Element(ElementIdx),
    CategoriesIndex,
    Category(&'a str),
    PurposesIndex,
    Purpose(&'a str),
    Retention,
    Recipients,
    Systems,
    ModelsIndex,
    Model(ModelIdx),
    /// A free page from `content/pages`, by index.
    Page(usize),
    /// The audit's findings and reviews due (internal builds only).
    Audit,
    /// What changed since the previous version (builds with `--previous`).
    Changes,
    /// "Your rights": each GDPR right, the uses it applies to, how to exercise it.
    Rights,
    /// Every data subject group with a page.
    SubjectsIndex,
    /// The data held about one subject group, by subject key.
    Subject(&'a str),
    /// What the code scanners saw (internal builds with evidence only).
    Evidence,
    /// The whole notice on one page, to print ([`urls::NOTICE`]).
    Notice,
}

impl PageKind<'_> {
    /// The Tera template that renders this kind of page (overridable by name).
    pub fn template(&self) -> &'static str {
        match self {
            PageKind::Home => "index.html",
            PageKind::DataIndex => "data_index.html",
            PageKind::Element(_) => "element.html",
            PageKind::CategoriesIndex => "categories.html",
            PageKind::Category(_) => "category.html",
            PageKind::PurposesIndex => "purposes.html",
            PageKind::Purpose(_) => "purpose.html",
            PageKind::Retention => "retention.html",
            PageKind::Recipients => "recipients.html",
            PageKind::Systems => "systems.html",
            PageKind::ModelsIndex => "models.html",
            PageKind::Model(_) => "model.html",
            PageKind::Page(_) => "page.html",
            PageKind::Audit => "audit.html",
            PageKind::Changes => "changes.html",
            PageKind::Rights => "rights.html",
            PageKind::SubjectsIndex => "subjects.html",
            PageKind::Subject(_) => "subject.html",
            PageKind::Evidence => "evidence.html",
            PageKind::Notice => "notice.html",
        }
    }

    /// The navigation section the page belongs to (highlighted in the menu).
    pub fn section(&self) -> &'static str {
        match self {
            PageKind::Home => "home",
            PageKind::DataIndex | PageKind::Element(_) => "data",
            PageKind::CategoriesIndex | PageKind::Category(_) => "data",
            PageKind::PurposesIndex | PageKind::Purpose(_) => "purposes",
            PageKind::Retention => "retention",
            PageKind::Recipients => "recipients",
            PageKind::Systems => "systems",
            PageKind::ModelsIndex | PageKind::Model(_) => "models",
            PageKind::Page(_) => "pages",
            PageKind::Audit => "audit",
            PageKind::Changes => "changes",
            PageKind::Rights => "rights",
            PageKind::SubjectsIndex | PageKind::Subject(_) => "subjects",
            PageKind::Evidence => "audit",
            PageKind::Notice => "notice",
        }
    }
}

/// Plans the site of `catalog` for `audience`: its pages, in a stable order, and its charts.
pub fn plan(catalog: &Catalog, audience: Audience) -> Site<'_> {
    plan_paged(catalog, audience, paging::PER_PAGE)
}

/// [`plan`] with listings of `per_page` entries a page (tests page small catalogs).
pub fn plan_paged<'a>(catalog: &'a Catalog, audience: Audience, per_page: usize) -> Site<'a> {
    let lang = crate::i18n::strings(catalog.config.language.as_deref());
    let scope = Scope::new(catalog, audience);
    let groups = Groups::new(catalog, &scope);
    let category_hrefs = groups
        .categories
        .keys()
        .map(|&k| (k, urls::category(k)))
        .collect();
    let purpose_hrefs = groups
        .purposes
        .keys()
        .map(|&k| (k, urls::purpose(k)))
        .collect();
    let model_slugs = urls::unique_slugs(catalog.models.iter().map(|m| m.id.as_str()));
    let page_slugs = urls::unique_slugs(catalog.pages.iter().map(|p| p.slug.as_str()));

    let data_sections = data_sections(catalog, audience, &groups);
    let data_purposes = data_purposes(catalog, audience, &groups);
    let mut charts_list = vec![
        charts::heatmap(lang, catalog, &scope, &data_sections, &data_purposes),
        charts::per_category(lang, catalog, &data_sections),
        charts::retention(lang, catalog, &scope),
        charts::per_recipient(lang, catalog, &scope),
    ];
    let mut chart_index = ChartIndex {
        heatmap: 0,
        per_category: 1,
        retention: 2,
        recipients: 3,
        models: Vec::with_capacity(catalog.models.len()),
    };
    for (model, slug) in catalog.models.iter().zip(&model_slugs) {
        let chart = charts::model_metrics(lang, model, slug);
        chart_index.models.push(chart.map(|c| {
            charts_list.push(c);
            charts_list.len() - 1
        }));
    }

    let mut excluded_by: FastMap<ElementIdx, Vec<ModelIdx>> = FastMap::default();
    for (m, model) in catalog.models.iter().enumerate() {
        for e in model.excluded_inputs.iter().filter_map(|i| i.element) {
            excluded_by.entry(e).or_default().push(m);
        }
    }

    let paging = paging::Paging::new(catalog, &scope, &data_sections, per_page);
    let per = paging.per_page;
    let mut pages = Vec::new();
    let mut add = |path: String, kind| pages.push(PageSpec { path, kind });
    // A listing's first page, then its further parts.
    let add_parts =
        |add: &mut dyn FnMut(String, PageKind<'a>), first: String, parts: usize, kind| {
            for part in 0..parts {
                add(paging::path(&first, part), kind);
            }
        };
    add("index.html".into(), PageKind::Home);
    // One page: every element when they fit on it, else an overview of the categories.
    add("data/index.html".into(), PageKind::DataIndex);
    for e in scope.elements() {
        add(urls::element(&catalog.elements[e].id), PageKind::Element(e));
    }
    add("categories/index.html".into(), PageKind::CategoriesIndex);
    for (&key, g) in &groups.categories {
        let parts = paging::taxon_parts(g.own.len(), per);
        add_parts(
            &mut add,
            urls::category(key),
            parts,
            PageKind::Category(key),
        );
    }
    add("purposes/index.html".into(), PageKind::PurposesIndex);
    for (&key, g) in &groups.purposes {
        let parts = paging::taxon_parts(g.own.len(), per);
        add_parts(&mut add, urls::purpose(key), parts, PageKind::Purpose(key));
    }
    let registers = [
        (
            urls::RETENTION,
            paging.retention.parts(per),
            PageKind::Retention,
        ),
        (
            urls::RECIPIENTS,
            paging.recipients.parts(per),
            PageKind::Recipients,
        ),
        (urls::SYSTEMS, paging.systems.parts(per), PageKind::Systems),
    ];
    for (first, parts, kind) in registers {
        add_parts(&mut add, first.into(), parts, kind);
    }
    let model_parts = paging::taxon_parts(catalog.models.len(), per);
    add_parts(
        &mut add,
        "models/index.html".into(),
        model_parts,
        PageKind::ModelsIndex,
    );
    for (m, slug) in model_slugs.iter().enumerate() {
        add(format!("models/{slug}/index.html"), PageKind::Model(m));
    }
    let rights = rights::plan(catalog, &page_slugs);
    for (p, slug) in page_slugs.iter().enumerate() {
        if !rights.absorbs(p) {
            add(format!("pages/{slug}/index.html"), PageKind::Page(p));
        }
    }
    if rights.generated {
        add(rights::PATH.into(), PageKind::Rights);
    }
    let mut subjects: std::collections::BTreeMap<&str, Vec<ElementIdx>> = Default::default();
    for e in scope.elements() {
        for s in &catalog.elements[e].subjects {
            subjects.entry(s.as_str()).or_default().push(e);
        }
    }
    if !subjects.is_empty() {
        add("subjects/index.html".into(), PageKind::SubjectsIndex);
        for &key in subjects.keys() {
            add(views::subject_href(key), PageKind::Subject(key));
        }
    }
    if scope.internal() && !catalog.evidence.is_empty() {
        add(evidence::EVIDENCE.into(), PageKind::Evidence);
    }
    add(urls::NOTICE.into(), PageKind::Notice);

    Site {
        audience,
        lang,
        pages,
        charts: charts_list,
        chart_index,
        scope,
        groups,
        model_slugs,
        page_slugs,
        audit: None,
        changes: None,
        excluded_by,
        generated_on: None,
        updated: freshness::Updated::default(),
        category_hrefs,
        purpose_hrefs,
        rights,
        subject_hrefs: subjects
            .keys()
            .map(|&k| (k, views::subject_href(k)))
            .collect(),
        subjects,
        confirmed: evidence::confirmations(catalog),
        policy_briefs: catalog
            .retention
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    paging::item_href(urls::RETENTION, &paging.policy_part, i, "policy", &p.id),
                    words::retention_summary(lang, p),
                )
            })
            .collect(),
        paging,
        data_sections,
        data_purposes,
    }
}

/// Whether element `e` is about the people the site speaks to: on a public build, about the
/// audience's own groups (or about no group in particular); staff and applicant data is on its
/// subject's page. Every element is on an internal build.
fn is_ours(catalog: &Catalog, audience: Audience, e: ElementIdx) -> bool {
    let subjects = &catalog.elements[e].subjects;
    audience == Audience::Internal
        || subjects.is_empty()
        || subjects
            .iter()
            .any(|s| catalog.config.is_audience_subject(s))
}

/// [`Site::data_sections`].
fn data_sections<'a>(
    catalog: &Catalog,
    audience: Audience,
    groups: &Groups<'a>,
) -> std::collections::BTreeMap<&'a str, Vec<ElementIdx>> {
    groups
        .sections
        .iter()
        .map(|(&key, members)| {
            let ours = members
                .iter()
                .copied()
                .filter(|&e| is_ours(catalog, audience, e));
            (key, ours.collect::<Vec<_>>())
        })
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

/// [`Site::data_purposes`].
fn data_purposes<'a>(catalog: &Catalog, audience: Audience, groups: &Groups<'a>) -> Vec<&'a str> {
    groups
        .top_purposes
        .iter()
        .filter(|(_, uses)| {
            uses.iter()
                .any(|&u| is_ours(catalog, audience, catalog.uses[u].element))
        })
        .map(|(&key, _)| key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_every_page_of_a_small_catalog() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let paths: Vec<&str> = site.pages.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "index.html",
                "data/index.html",
                "data/email_address/index.html",
                "data/purchase_history/index.html",
                "data/date_of_birth/index.html",
                "categories/index.html",
                "categories/user.behavior/index.html",
                "categories/user.behavior.purchase_history/index.html",
                "categories/user.contact/index.html",
                "categories/user.contact.email/index.html",
                "categories/user.demographic/index.html",
                "categories/user.demographic.date_of_birth/index.html",
                "purposes/index.html",
                "purposes/essential/index.html",
                "purposes/essential.legal_obligation/index.html",
                "purposes/essential.service/index.html",
                "purposes/essential.service.notifications/index.html",
                "purposes/essential.service.notifications.email/index.html",
                "purposes/marketing/index.html",
                "purposes/marketing.communications/index.html",
                "purposes/marketing.communications.email/index.html",
                "purposes/personalize/index.html",
                "purposes/personalize.content/index.html",
                "purposes/personalize.content.limited/index.html",
                "retention/index.html",
                "recipients/index.html",
                "systems/index.html",
                "models/index.html",
                "models/style-recommender/index.html",
                "pages/your-rights/index.html",
                "subjects/index.html",
                "subjects/customer/index.html",
                "notice/index.html",
            ]
        );
        let chart_ids: Vec<&str> = site.charts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            chart_ids,
            [
                "collection-heatmap",
                "elements-per-category",
                "retention-periods",
                "shared-per-recipient",
                "model-style-recommender-metrics"
            ]
        );
    }

    #[test]
    fn internal_plan_adds_internal_only_elements_and_purposes() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Internal);
        let has = |p: &str| site.pages.iter().any(|x| x.path == p);
        assert!(has("data/secret_marker_element/index.html"));
        assert!(has("purposes/analytics.reporting/index.html"));
        let public = plan(&c, Audience::Public);
        assert!(!public.pages.iter().any(|x| x.path.contains("secret")));
    }
}
