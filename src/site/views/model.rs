//! Model cards: the models index and one page per card with every section of the card
//! (Mitchell et al. 2019), its inputs linked to the element pages and its metrics charted.

use serde::Serialize;

use crate::model::{ModelIdx, ModelInput};

use super::{json_rows, words, ChartView, Ctx, KeyValue, Link};

/// A card in the models index.
#[derive(Debug, Serialize)]
pub struct ModelBrief<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub href: String,
    pub version: Option<&'a str>,
    pub status: Option<&'static str>,
    pub summary: Option<&'a str>,
    pub last_reviewed: Option<String>,
    pub input_count: usize,
}

#[derive(Debug, Serialize)]
pub struct ModelsView<'a> {
    pub models: Vec<ModelBrief<'a>>,
    /// Links to the other pages of a long list; `None` when it fits on one.
    pub pager: Option<crate::site::paging::Pager>,
}

#[derive(Debug, Serialize)]
pub struct DatasetView<'a> {
    pub description: Option<&'a str>,
    pub elements: Vec<Link<'a>>,
}

#[derive(Debug, Serialize)]
pub struct MetricRow<'a> {
    pub name: &'a str,
    pub slice: &'a str,
    pub value: f64,
    pub ci: Option<[f64; 2]>,
    pub dataset: Option<&'a str>,
    pub split: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct Consideration<'a> {
    pub risk: &'a str,
    pub mitigation: Option<&'a str>,
}

/// One model card, in full.
#[derive(Debug, Serialize)]
pub struct ModelView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub version: Option<&'a str>,
    pub status: Option<&'static str>,
    pub owners: &'a [String],
    pub summary: Option<&'a str>,
    pub model_type: Option<&'a str>,
    pub intended_use: Option<&'a str>,
    pub out_of_scope_uses: &'a [String],
    pub inputs: Vec<Link<'a>>,
    pub excluded_inputs: Vec<Link<'a>>,
    pub training_data: Option<DatasetView<'a>>,
    pub evaluation_data: Option<DatasetView<'a>>,
    pub metrics: Vec<MetricRow<'a>>,
    pub chart: Option<ChartView<'a>>,
    pub limitations: &'a [String],
    pub ethical_considerations: Vec<Consideration<'a>>,
    pub human_oversight: Option<&'a str>,
    pub license: Option<&'a str>,
    pub last_reviewed: Option<String>,
    /// The Markdown body, rendered and sanitised by the template's `markdown` filter.
    pub body: &'a str,
    /// Internal builds only: the `internal:` block and unknown front-matter keys.
    pub internal_fields: Vec<KeyValue<'a>>,
    pub extra_fields: Vec<KeyValue<'a>>,
    pub origin: Option<String>,
    /// The audit's findings about it (internal builds only).
    pub findings: Vec<super::FindingView<'a>>,
    /// The model label's groups, worst-group gaps and first limitation.
    pub label: super::label::ModelLabel<'a>,
    /// Risk class, decisions, oversight, purposes and gaps in words.
    pub facts: super::ModelFacts<'a>,
}

/// An input named by a card: a link to the element's page when it is visible, the id when no
/// inventory element has it, and a neutral "internal data" (no id, no link) when the element
/// has only internal rows.
fn input<'a>(ctx: Ctx<'a>, i: &'a ModelInput) -> Link<'a> {
    match i.element {
        Some(e) if ctx.site.scope.element(e) => ctx.element_link(e),
        Some(_) => Link {
            name: ctx.lang().get("model.internal_data"),
            href: None,
        },
        None => Link {
            name: &i.id,
            href: None,
        },
    }
}

fn dataset<'a>(ctx: Ctx<'a>, d: &'a Option<crate::model::Dataset>) -> Option<DatasetView<'a>> {
    d.as_ref().map(|d| DatasetView {
        description: d.description.as_deref(),
        elements: d.elements.iter().map(|i| input(ctx, i)).collect(),
    })
}

fn href(ctx: Ctx<'_>, m: ModelIdx) -> String {
    let slug = ctx.site.model_slugs.get(m).map_or("item", String::as_str);
    format!("models/{slug}/index.html")
}

pub(super) fn index(ctx: Ctx<'_>, part: usize) -> ModelsView<'_> {
    let per = ctx.site.paging.per_page;
    let count = ctx.catalog.models.len();
    ModelsView {
        models: ctx
            .catalog
            .models
            .iter()
            .enumerate()
            .skip(part.saturating_mul(per))
            .take(per)
            .map(|(m, card)| ModelBrief {
                id: &card.id,
                name: &card.name,
                href: href(ctx, m),
                version: card.version.as_deref(),
                status: card.status.map(|s| words::status(ctx.lang(), s)),
                summary: card.summary.as_deref(),
                last_reviewed: card.last_reviewed.map(|d| d.to_string()),
                input_count: card.inputs.len(),
            })
            .collect(),
        pager: crate::site::paging::pager(
            "models/index.html",
            part,
            crate::site::paging::taxon_parts(count, per),
        ),
    }
}

pub(super) fn model(ctx: Ctx<'_>, m: ModelIdx) -> ModelView<'_> {
    let card = &ctx.catalog.models[m];
    let internal = ctx.internal();
    let (facts, excluded_inputs) = super::model_facts::facts(ctx, card, |i| input(ctx, i));
    ModelView {
        id: &card.id,
        name: &card.name,
        version: card.version.as_deref(),
        status: card.status.map(|s| words::status(ctx.lang(), s)),
        owners: &card.owners,
        summary: card.summary.as_deref(),
        model_type: card.model_type.as_deref(),
        intended_use: card.intended_use.as_deref(),
        out_of_scope_uses: &card.out_of_scope_uses,
        inputs: card.inputs.iter().map(|i| input(ctx, i)).collect(),
        excluded_inputs,
        training_data: dataset(ctx, &card.training_data),
        evaluation_data: dataset(ctx, &card.evaluation_data),
        metrics: card
            .metrics
            .iter()
            .map(|x| MetricRow {
                name: &x.name,
                slice: if x.is_overall() {
                    "all"
                } else {
                    x.slice.as_deref().unwrap_or("all")
                },
                value: x.value,
                ci: x.ci,
                dataset: x.dataset.as_deref(),
                split: x.split.as_deref(),
            })
            .collect(),
        chart: ctx
            .site
            .chart_index
            .models
            .get(m)
            .copied()
            .flatten()
            .and_then(|i| ctx.chart(i)),
        limitations: &card.limitations,
        ethical_considerations: card
            .ethical_considerations
            .iter()
            .map(|e| Consideration {
                risk: &e.risk,
                mitigation: e.mitigation.as_deref(),
            })
            .collect(),
        human_oversight: card.human_oversight.as_deref(),
        license: card.license.as_deref(),
        last_reviewed: card.last_reviewed.map(|d| d.to_string()),
        body: &card.body,
        internal_fields: match (&card.internal, internal) {
            (Some(v), true) => json_rows(v),
            _ => Vec::new(),
        },
        extra_fields: if internal {
            card.extra
                .iter()
                .map(|(k, v)| KeyValue {
                    key: k,
                    value: super::json_text(v),
                })
                .collect()
        } else {
            Vec::new()
        },
        origin: internal.then(|| card.origin.to_string()),
        findings: super::audit::for_model(ctx, m),
        label: super::label::model_label(card),
        facts,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit, views::Ctx};

    #[test]
    fn model_inputs_link_to_elements_and_internal_fields_stay_internal() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::model(ctx, 0);
        assert_eq!(
            v.inputs[0].href.as_deref(),
            Some("data/purchase_history/index.html")
        );
        assert_eq!(v.inputs[1].name, "shoe_size");
        assert_eq!(v.inputs[1].href, None, "undeclared input is not linked");
        assert_eq!(v.excluded_inputs[0].name, "Date of birth");
        assert_eq!(v.metrics[1].slice, "age: 18-24");
        assert!(v.internal_fields.is_empty() && v.extra_fields.is_empty());
        let site = plan(&c, Audience::Internal);
        let ctx = Ctx {
            catalog: &c,
            site: &site,
            svgs: &[],
        };
        let v = super::model(ctx, 0);
        assert_eq!(v.internal_fields[0].value, "MODEL-INTERNAL-MARKER");
        assert_eq!(v.extra_fields[0].key, "x_cost_centre");
    }
}
