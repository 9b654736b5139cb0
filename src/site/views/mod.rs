//! Page views: what one page shows, as `Serialize` structs borrowing from the catalog.
//!
//! [`build`] makes the view of one page on demand, so rendering can build, render and drop
//! views in parallel without ever holding a whole-site context. Links (`href`) are relative
//! to the site root; templates prefix them with the page's `root`.

mod audit;
mod changes;
mod choices;
mod element;
mod evidence;
mod fairness;
mod filters;
mod home;
mod label;
mod model;
mod model_facts;
mod notice;
mod registers;
mod rights;
mod subjects;
mod summary;
mod taxa;

use serde::Serialize;

use crate::model::{Catalog, ElementIdx, UseIdx};
use crate::site::chart::Chart;
use crate::taxonomy::Tree;

use super::{urls, PageKind, PageSpec, Site};
use crate::model::words;

pub use audit::{AuditView, FindingView, Span};
pub use changes::{ChangeView, ChangesView, EntryView};
pub use choices::{subject_href, Ask, Phrase};
pub use element::{DataIndexView, ElementSummary, ElementView, PolicyBrief, UseView};
pub use evidence::EvidenceView;
pub use home::{HomeView, PageView};
pub use label::{DataLabel, ModelLabel};
pub use model::{ModelView, ModelsView};
pub use model_facts::{GapLine, ModelFacts};
pub use notice::{NoticeElement, NoticeSection, NoticeView};
pub use registers::{RecipientsView, RetentionView, SystemsView};
pub use rights::{RightView, RightsView};
pub use subjects::{SubjectView, SubjectsView};
pub use summary::{SummaryLine, SummaryView};
pub use taxa::{TaxonIndexView, TaxonView};

/// What a view may borrow from: the catalog, the site plan and the drawn charts.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub catalog: &'a Catalog,
    pub site: &'a Site<'a>,
    /// SVG markup of each chart, by index into `site.charts`.
    pub svgs: &'a [String],
}

/// The view of any page; serialised flat into the page's template context.
#[derive(Serialize)]
#[serde(untagged)]
pub enum View<'a> {
    Home(Box<HomeView<'a>>),
    DataIndex(DataIndexView<'a>),
    Element(Box<ElementView<'a>>),
    TaxonIndex(TaxonIndexView<'a>),
    Taxon(TaxonView<'a>),
    Retention(RetentionView<'a>),
    Recipients(RecipientsView<'a>),
    Systems(SystemsView<'a>),
    Models(ModelsView<'a>),
    Model(Box<ModelView<'a>>),
    Page(PageView<'a>),
    Audit(Box<AuditView<'a>>),
    Changes(Box<ChangesView<'a>>),
    Rights(Box<RightsView<'a>>),
    Subjects(SubjectsView<'a>),
    Subject(SubjectView<'a>),
    Evidence(Box<EvidenceView<'a>>),
    Notice(Box<NoticeView<'a>>),
}

/// The page title (`<h1>` and `<title>`) and view of one page.
pub fn build<'a>(ctx: Ctx<'a>, page: &PageSpec<'a>) -> (String, View<'a>) {
    let c = ctx.catalog;
    let t = |key: &str| ctx.site.lang.get(key).to_string();
    let part = super::paging::part(&page.path);
    match page.kind {
        PageKind::Home => (t("titles.home"), View::Home(Box::new(home::home(ctx)))),
        PageKind::DataIndex => (t("titles.data"), View::DataIndex(element::index(ctx))),
        PageKind::Element(e) => (
            c.elements[e].name.clone(),
            View::Element(Box::new(element::element(ctx, e))),
        ),
        PageKind::CategoriesIndex => (
            t("titles.categories"),
            View::TaxonIndex(taxa::categories_index(ctx)),
        ),
        PageKind::Category(key) => (
            c.taxonomy.categories.name(key).to_string(),
            View::Taxon(taxa::category(ctx, key, part)),
        ),
        PageKind::PurposesIndex => (
            t("titles.purposes"),
            View::TaxonIndex(taxa::purposes_index(ctx)),
        ),
        PageKind::Purpose(key) => (
            c.taxonomy.uses.name(key).to_string(),
            View::Taxon(taxa::purpose(ctx, key, part)),
        ),
        PageKind::Retention => (
            t("titles.retention"),
            View::Retention(registers::retention(ctx, part)),
        ),
        PageKind::Recipients => (
            t("titles.recipients"),
            View::Recipients(registers::recipients(ctx, part)),
        ),
        PageKind::Systems => (
            t("titles.systems"),
            View::Systems(registers::systems(ctx, part)),
        ),
        PageKind::ModelsIndex => (t("titles.models"), View::Models(model::index(ctx, part))),
        PageKind::Model(m) => (
            c.models[m].name.clone(),
            View::Model(Box::new(model::model(ctx, m))),
        ),
        PageKind::Page(p) => (c.pages[p].title.clone(), View::Page(home::page(ctx, p))),
        PageKind::Audit => (t("titles.audit"), View::Audit(Box::new(audit::audit(ctx)))),
        PageKind::Changes => (
            t("titles.changes"),
            View::Changes(Box::new(changes::changes(ctx))),
        ),
        PageKind::Rights => {
            let view = rights::rights(ctx);
            (view.title.clone(), View::Rights(Box::new(view)))
        }
        PageKind::SubjectsIndex => (t("titles.subjects"), View::Subjects(subjects::index(ctx))),
        PageKind::Subject(key) => (
            c.taxonomy.subjects.name(key).to_string(),
            View::Subject(subjects::subject(ctx, key)),
        ),
        PageKind::Evidence => (
            t("evidence.title"),
            View::Evidence(Box::new(evidence::evidence(ctx))),
        ),
        PageKind::Notice => (
            t("notice.title"),
            View::Notice(Box::new(notice::notice(ctx))),
        ),
    }
}

/// A link to another page, or plain text when there is no page to link to.
#[derive(Debug, Serialize)]
pub struct Link<'a> {
    pub name: &'a str,
    pub href: Option<String>,
}

/// A taxonomy key with its display name and, when it has a page, a link.
#[derive(Debug, Serialize)]
pub struct TaxonRef<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub href: Option<&'a str>,
    pub sensitive: bool,
}

/// A value shown in plain words, with its register key as secondary detail.
#[derive(Debug, Serialize)]
pub struct Words {
    pub key: &'static str,
    pub text: &'static str,
}

/// One `x_` column value or internal field (internal builds only).
#[derive(Debug, Serialize)]
pub struct KeyValue<'a> {
    pub key: &'a str,
    pub value: String,
}

/// A chart as its page shows it: the inline SVG, its file and its numbers.
#[derive(Debug, Serialize)]
pub struct ChartView<'a> {
    pub chart: &'a Chart,
    /// SVG markup from the chart renderer (trusted: it escapes its labels).
    pub svg: &'a str,
    /// `charts/<id>.svg`, relative to the root.
    pub file: String,
}

impl<'a> Ctx<'a> {
    fn chart(&self, i: usize) -> Option<ChartView<'a>> {
        let chart = self.site.charts.get(i)?;
        Some(ChartView {
            chart,
            svg: self.svgs.get(i).map_or("", String::as_str),
            file: format!("charts/{}.svg", chart.id),
        })
    }

    /// The interface text of the site's language.
    fn lang(&self) -> &'static crate::i18n::Strings {
        self.site.lang
    }

    fn internal(&self) -> bool {
        self.site.scope.internal()
    }

    /// A link to an element's page when it is visible; its id otherwise.
    fn element_link(&self, e: ElementIdx) -> Link<'a> {
        let el = &self.catalog.elements[e];
        if self.site.scope.element(e) {
            Link {
                name: &el.name,
                href: Some(urls::element(&el.id)),
            }
        } else {
            Link {
                name: &el.id,
                href: None,
            }
        }
    }

    /// A data category, linked to its page when it has one.
    fn category(&self, key: &'a str) -> TaxonRef<'a> {
        let tax = &self.catalog.taxonomy;
        let href = self.site.category_hrefs.get(key).map(String::as_str);
        taxon_ref(&tax.categories, key, href, tax.is_sensitive(key))
    }

    /// A purpose, linked to its page when it has one.
    fn purpose(&self, key: &'a str) -> TaxonRef<'a> {
        let href = self.site.purpose_hrefs.get(key).map(String::as_str);
        taxon_ref(&self.catalog.taxonomy.uses, key, href, false)
    }

    /// The visible uses of an element.
    fn uses_of(&self, e: ElementIdx) -> impl Iterator<Item = UseIdx> + 'a {
        let site = self.site;
        self.catalog.elements[e]
            .uses
            .iter()
            .copied()
            .filter(move |&u| site.scope.use_(u))
    }
}

fn taxon_ref<'a>(
    tree: &'a Tree,
    key: &'a str,
    href: Option<&'a str>,
    sensitive: bool,
) -> TaxonRef<'a> {
    let taxon = tree.get(key);
    TaxonRef {
        key,
        name: taxon.map_or(key, |t| t.name.as_str()),
        description: taxon.map_or("", |t| t.description.as_str()),
        href,
        sensitive,
    }
}

/// A JSON value as display text: strings as they are, anything else as compact JSON.
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The top-level entries of a JSON object (or the value itself under `value`) as rows.
fn json_rows(v: &serde_json::Value) -> Vec<KeyValue<'_>> {
    match v {
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| KeyValue {
                key: k,
                value: json_text(v),
            })
            .collect(),
        other => vec![KeyValue {
            key: "value",
            value: json_text(other),
        }],
    }
}
