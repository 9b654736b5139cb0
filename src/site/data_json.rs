//! `data.json`: the visible catalog, machine-readable, with references as ids (not indices).
//! The shape is documented in `docs/data-json.md`; bump `version` on any breaking change.

use std::io::Write;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::model::{
    AssessmentKind, Catalog, Dataset, Disposal, EthicalConsideration, Metric, ModelInput,
    ModelStatus, Outcome, RecipientRole, RetentionPeriod, TransferMechanism,
};

use super::Site;
use crate::model::{words, Scope};

#[cfg(test)]
mod facts_tests;
mod items;
mod lines;
pub(crate) mod safe;
use items::ElementJson;
use safe::{Seq, Text};

/// The version of the `data.json` shape.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    organisation: &'a str,
    description: &'a str,
    base_url: &'a str,
    contact: &'a crate::config::Contact,
    /// `[rights]`, when any channel is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    rights: Option<&'a crate::config::Rights>,
    taxonomy_attribution: &'static str,
}

/// The whole document; every list is written as it is produced.
struct DataJson<'a> {
    c: &'a Catalog,
    site: &'a Site<'a>,
}

#[derive(Serialize)]
struct PolicyJson<'a> {
    id: &'a str,
    name: &'a str,
    period: &'a RetentionPeriod,
    summary: String,
    trigger: Option<&'a str>,
    disposal: Option<Disposal>,
    legal_reference: Option<&'a str>,
    description: Option<&'a str>,
    elements: Vec<&'a str>,
}

#[derive(Serialize)]
struct SystemJson<'a> {
    id: &'a str,
    name: &'a str,
    description: Option<&'a str>,
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    /// How [`crate::country`] classes `country`.
    #[serde(skip_serializing_if = "Option::is_none")]
    country_status: Option<crate::country::Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transfer_mechanism: Option<TransferMechanism>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    /// Internal builds only.
    #[serde(skip_serializing_if = "Option::is_none")]
    security: Option<&'a str>,
    elements: Vec<&'a str>,
}

#[derive(Serialize)]
struct RecipientJson<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<RecipientRole>,
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country_status: Option<crate::country::Place>,
    safeguards: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transfer_mechanism: Option<TransferMechanism>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tia_date: Option<Text<jiff::civil::Date>>,
    description: Option<&'a str>,
    dpa_url: Option<&'a str>,
    elements: Vec<&'a str>,
}

/// A row of `assessments.csv` (internal builds only), what it covers as ids and keys.
#[derive(Serialize)]
struct AssessmentJson<'a> {
    id: &'a str,
    kind: AssessmentKind,
    covers: &'a [String],
    date: Option<Text<jiff::civil::Date>>,
    outcome: Option<Outcome>,
    url: Option<&'a str>,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct DatasetJson<'a> {
    description: Option<&'a str>,
    elements: Ids<'a>,
}

/// The ids of model inputs, as a list of strings; an element this audience may not see is
/// written as the neutral `internal` label (never its id).
struct Ids<'a>(&'a [ModelInput], &'a Scope, &'a str);

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Ids(list, scope, internal) = *self;
        s.collect_seq(list.iter().map(|i| {
            if scope.input(i) {
                i.id.as_str()
            } else {
                internal
            }
        }))
    }
}

/// A page's URL, `<dir>/<slug>/`, written without building it first.
struct Url<'a>(&'static str, &'a str);

impl std::fmt::Display for Url<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/", self.0, self.1)
    }
}

#[derive(Serialize)]
struct ModelJson<'a> {
    id: &'a str,
    name: &'a str,
    url: Text<Url<'a>>,
    version: Option<&'a str>,
    status: Option<ModelStatus>,
    owners: &'a [String],
    summary: Option<&'a str>,
    model_type: Option<&'a str>,
    intended_use: Option<&'a str>,
    out_of_scope_uses: &'a [String],
    inputs: Ids<'a>,
    excluded_inputs: Ids<'a>,
    training_data: Option<DatasetJson<'a>>,
    evaluation_data: Option<DatasetJson<'a>>,
    metrics: &'a [Metric],
    limitations: &'a [String],
    ethical_considerations: &'a [EthicalConsideration],
    human_oversight: Option<&'a str>,
    /// Data-use keys the model serves.
    purposes: Vec<&'a str>,
    risk_class: Option<crate::model::RiskClass>,
    annex_iii: Option<crate::model::AnnexIII>,
    decisions: Option<crate::model::Decisions>,
    significant_effect: Option<bool>,
    license: Option<&'a str>,
    last_reviewed: Option<Text<jiff::civil::Date>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    internal: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<&'a std::collections::BTreeMap<String, serde_json::Value>>,
}

#[derive(Serialize)]
struct PageJson<'a> {
    slug: &'a str,
    title: &'a str,
    url: Text<Url<'a>>,
}

fn dataset<'a>(
    d: &'a Option<Dataset>,
    scope: &'a Scope,
    internal: &'a str,
) -> Option<DatasetJson<'a>> {
    d.as_ref().map(|d| DatasetJson {
        description: d.description.as_deref(),
        elements: Ids(&d.elements, scope, internal),
    })
}

impl Serialize for DataJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (c, site) = (self.c, self.site);
        let scope = &site.scope;
        let internal = scope.internal();
        let hidden = site.lang.get("model.internal_data");
        let element_ids = |list: &mut dyn Iterator<Item = usize>| -> Vec<&str> {
            let mut v: Vec<usize> = list.collect();
            v.sort_unstable();
            v.dedup();
            v.into_iter().map(|e| c.elements[e].id.as_str()).collect()
        };
        let mut m = s.serialize_struct("DataJson", 11)?;
        m.serialize_field("version", &VERSION)?;
        m.serialize_field("audience", &site.audience)?;
        let info = SiteInfo {
            title: &c.config.title,
            organisation: &c.config.organisation,
            description: &c.config.description,
            base_url: &c.config.base_url,
            contact: &c.config.contact,
            rights: Some(&c.config.rights).filter(|r| {
                [&r.url, &r.email, &r.phone, &r.address]
                    .iter()
                    .any(|v| v.is_some())
            }),
            taxonomy_attribution: crate::taxonomy::ATTRIBUTION,
        };
        m.serialize_field("site", &info)?;
        let elements = Seq(|| {
            scope.elements().map(|e| ElementJson {
                c,
                site,
                el: &c.elements[e],
            })
        });
        m.serialize_field("elements", &elements)?;
        let retention = Seq(|| {
            scope.policies().map(|p| {
                let policy = &c.retention[p];
                PolicyJson {
                    id: &policy.id,
                    name: &policy.name,
                    period: &policy.period,
                    summary: words::retention_summary(site.lang, policy),
                    trigger: policy.trigger.as_deref(),
                    disposal: policy.disposal,
                    legal_reference: policy.legal_reference.as_deref(),
                    description: policy.description.as_deref(),
                    elements: element_ids(
                        &mut scope.filter_uses(&policy.uses).map(|u| c.uses[u].element),
                    ),
                }
            })
        });
        m.serialize_field("retention", &retention)?;
        let systems = Seq(|| {
            scope.systems().map(|s| {
                let sys = &c.systems[s];
                SystemJson {
                    id: &sys.id,
                    name: &sys.name,
                    description: sys.description.as_deref(),
                    location: sys.location.as_deref(),
                    country: sys.country.as_deref(),
                    country_status: sys.country.as_deref().map(crate::country::classify),
                    transfer_mechanism: sys.transfer_mechanism,
                    owner: sys.owner.as_deref().filter(|_| internal),
                    security: sys.security.as_deref().filter(|_| internal),
                    elements: element_ids(&mut scope.filter_elements(&sys.elements)),
                }
            })
        });
        m.serialize_field("systems", &systems)?;
        let recipients = Seq(|| {
            scope.recipients().map(|r| {
                let rec = &c.recipients[r];
                RecipientJson {
                    id: &rec.id,
                    name: &rec.name,
                    role: rec.role,
                    country: rec.country.as_deref(),
                    country_status: rec.country.as_deref().map(crate::country::classify),
                    safeguards: rec.safeguards.as_deref(),
                    transfer_mechanism: rec.transfer_mechanism,
                    tia_date: rec.tia_date.map(Text),
                    description: rec.description.as_deref(),
                    dpa_url: rec.dpa_url.as_deref(),
                    elements: element_ids(
                        &mut scope.filter_uses(&rec.uses).map(|u| c.uses[u].element),
                    ),
                }
            })
        });
        m.serialize_field("recipients", &recipients)?;
        let models = Seq(|| {
            c.models
                .iter()
                .zip(&site.model_slugs)
                .map(|(m, slug)| ModelJson {
                    id: &m.id,
                    name: &m.name,
                    url: Text(Url("models", slug)),
                    version: m.version.as_deref(),
                    status: m.status,
                    owners: &m.owners,
                    summary: m.summary.as_deref(),
                    model_type: m.model_type.as_deref(),
                    intended_use: m.intended_use.as_deref(),
                    out_of_scope_uses: &m.out_of_scope_uses,
                    inputs: Ids(&m.inputs, scope, hidden),
                    excluded_inputs: Ids(&m.excluded_inputs, scope, hidden),
                    training_data: dataset(&m.training_data, scope, hidden),
                    evaluation_data: dataset(&m.evaluation_data, scope, hidden),
                    metrics: &m.metrics,
                    limitations: &m.limitations,
                    ethical_considerations: &m.ethical_considerations,
                    human_oversight: m.human_oversight.as_deref(),
                    purposes: m.purposes.iter().map(|p| p.key.as_str()).collect(),
                    risk_class: m.risk_class,
                    annex_iii: m.annex_iii,
                    decisions: m.decisions,
                    significant_effect: m.significant_effect,
                    license: m.license.as_deref(),
                    last_reviewed: m.last_reviewed.map(Text),
                    internal: m.internal.as_ref().filter(|_| internal),
                    extra: (internal && !m.extra.is_empty()).then_some(&m.extra),
                })
        });
        m.serialize_field("models", &models)?;
        let pages = Seq(|| {
            c.pages
                .iter()
                .zip(&site.page_slugs)
                .enumerate()
                .filter(|(i, _)| !site.rights.absorbs(*i))
                .map(|(_, (p, slug))| PageJson {
                    slug,
                    title: &p.title,
                    url: Text(Url("pages", slug)),
                })
        });
        m.serialize_field("pages", &pages)?;
        if internal && !c.assessments.is_empty() {
            let assessments = Seq(|| {
                c.assessments.iter().map(|a| AssessmentJson {
                    id: &a.id,
                    kind: a.kind,
                    covers: &a.covers_ids,
                    date: a.date.map(Text),
                    outcome: a.outcome,
                    url: a.url.as_deref(),
                    description: a.description.as_deref(),
                })
            });
            m.serialize_field("assessments", &assessments)?;
        }
        m.end()
    }
}

/// Writes the part of `catalog` the site's audience may see to `writer`, one line per record
/// ([`lines`]) and markup-safe (see [`crate::escape::json_markup_to`]), as it is produced: nothing but the output is built.
/// Many small writes: give it a buffered writer.
pub fn data_json_to<W: Write>(
    catalog: &Catalog,
    site: &Site,
    mut writer: W,
) -> serde_json::Result<()> {
    let doc = DataJson { c: catalog, site };
    safe::to_writer_lines(&mut writer, &doc)?;
    writer.write_all(b"\n").map_err(serde_json::Error::io)
}

/// Serialises the part of `catalog` the site's audience may see, one line per record.
pub fn data_json(catalog: &Catalog, site: &Site) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(size_hint(catalog, site));
    data_json_to(catalog, site, &mut out)?;
    Ok(out)
}

/// A guess at the size of `data.json` (a little over what a synthetic catalog needs), so its
/// buffer seldom grows: growing a 100 MB buffer copies it and briefly needs both.
fn size_hint(catalog: &Catalog, site: &Site) -> usize {
    let uses = site.scope.uses().count();
    let elements = site.scope.elements().count();
    16 * 1024 + elements * 320 + uses * 384 + catalog.models.len() * 1536
}

#[cfg(test)]
mod tests;
