//! `data.json`: the visible catalog, machine-readable, with references as ids (not indices).
//! The shape is documented in `docs/data-json.md`; bump `version` on any breaking change.

use serde::Serialize;

use crate::link::{
    Catalog, Dataset, Disposal, EthicalConsideration, LegalBasis, Metric, ModelInput, ModelStatus,
    Necessity, RecipientRole, RetentionPeriod, Source, Visibility,
};

use super::{words, Site};

/// The version of the `data.json` shape.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct DataJson<'a> {
    version: u32,
    audience: crate::config::Audience,
    site: SiteInfo<'a>,
    elements: Vec<ElementJson<'a>>,
    retention: Vec<PolicyJson<'a>>,
    systems: Vec<SystemJson<'a>>,
    recipients: Vec<RecipientJson<'a>>,
    models: Vec<ModelJson<'a>>,
    pages: Vec<PageJson<'a>>,
}

#[derive(Serialize)]
struct SiteInfo<'a> {
    title: &'a str,
    organisation: &'a str,
    description: &'a str,
    base_url: &'a str,
    contact: &'a crate::config::Contact,
    taxonomy_attribution: &'static str,
}

#[derive(Serialize)]
struct ElementJson<'a> {
    id: &'a str,
    name: &'a str,
    category: &'a str,
    category_name: &'a str,
    sensitive: bool,
    subjects: &'a [String],
    source: Option<Source>,
    systems: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    uses: Vec<UseJson<'a>>,
    models: Vec<&'a str>,
}

#[derive(Serialize)]
struct UseJson<'a> {
    purpose: &'a str,
    purpose_name: &'a str,
    why: &'a str,
    legal_basis: Option<LegalBasis>,
    necessity: Option<Necessity>,
    retention: Option<&'a str>,
    shared_with: Vec<&'a str>,
    last_reviewed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    visibility: Option<Visibility>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<&'a std::collections::BTreeMap<String, String>>,
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
    owner: Option<&'a str>,
    elements: Vec<&'a str>,
}

#[derive(Serialize)]
struct RecipientJson<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<RecipientRole>,
    country: Option<&'a str>,
    safeguards: Option<&'a str>,
    description: Option<&'a str>,
    dpa_url: Option<&'a str>,
    elements: Vec<&'a str>,
}

#[derive(Serialize)]
struct DatasetJson<'a> {
    description: Option<&'a str>,
    elements: Vec<&'a str>,
}

#[derive(Serialize)]
struct ModelJson<'a> {
    id: &'a str,
    name: &'a str,
    url: String,
    version: Option<&'a str>,
    status: Option<ModelStatus>,
    owners: &'a [String],
    summary: Option<&'a str>,
    model_type: Option<&'a str>,
    intended_use: Option<&'a str>,
    out_of_scope_uses: &'a [String],
    inputs: Vec<&'a str>,
    excluded_inputs: Vec<&'a str>,
    training_data: Option<DatasetJson<'a>>,
    evaluation_data: Option<DatasetJson<'a>>,
    metrics: &'a [Metric],
    limitations: &'a [String],
    ethical_considerations: &'a [EthicalConsideration],
    human_oversight: Option<&'a str>,
    license: Option<&'a str>,
    last_reviewed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    internal: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<&'a std::collections::BTreeMap<String, serde_json::Value>>,
}

#[derive(Serialize)]
struct PageJson<'a> {
    slug: &'a str,
    title: &'a str,
    url: String,
}

fn dataset(d: &Option<Dataset>) -> Option<DatasetJson<'_>> {
    d.as_ref().map(|d| DatasetJson {
        description: d.description.as_deref(),
        elements: ids(&d.elements),
    })
}

fn ids(list: &[ModelInput]) -> Vec<&str> {
    list.iter().map(|i| i.id.as_str()).collect()
}

/// Serialises the part of `catalog` the site's audience may see, pretty-printed.
pub fn data_json(catalog: &Catalog, site: &Site) -> serde_json::Result<Vec<u8>> {
    let c = catalog;
    let scope = &site.scope;
    let internal = scope.internal();
    let element_ids = |list: &mut dyn Iterator<Item = usize>| -> Vec<&str> {
        let mut v: Vec<usize> = list.collect();
        v.sort_unstable();
        v.dedup();
        v.into_iter().map(|e| c.elements[e].id.as_str()).collect()
    };
    let elements = scope
        .elements()
        .map(|e| {
            let el = &c.elements[e];
            ElementJson {
                id: &el.id,
                name: &el.name,
                category: &el.category,
                category_name: c.taxonomy.categories.name(&el.category),
                sensitive: c.taxonomy.is_sensitive(&el.category),
                subjects: &el.subjects,
                source: el.source,
                systems: el
                    .systems
                    .iter()
                    .filter(|&&s| scope.system(s))
                    .map(|&s| c.systems[s].id.as_str())
                    .collect(),
                owner: el.owner.as_deref().filter(|_| internal),
                uses: scope
                    .filter_uses(&el.uses)
                    .map(|u| {
                        let use_ = &c.uses[u];
                        UseJson {
                            purpose: &use_.purpose,
                            purpose_name: c.taxonomy.uses.name(&use_.purpose),
                            why: &use_.why,
                            legal_basis: use_.legal_basis,
                            necessity: use_.necessity,
                            retention: use_
                                .retention
                                .filter(|&p| scope.policy(p))
                                .map(|p| c.retention[p].id.as_str()),
                            shared_with: use_
                                .shared_with
                                .iter()
                                .filter(|&&r| scope.recipient(r))
                                .map(|&r| c.recipients[r].id.as_str())
                                .collect(),
                            last_reviewed: use_.last_reviewed.map(|d| d.to_string()),
                            visibility: internal.then_some(use_.visibility),
                            notes: use_.notes.as_deref().filter(|_| internal),
                            extra: (internal && !use_.extra.is_empty()).then_some(&use_.extra),
                        }
                    })
                    .collect(),
                models: el
                    .models
                    .iter()
                    .filter_map(|&m| c.models.get(m))
                    .map(|m| m.id.as_str())
                    .collect(),
            }
        })
        .collect();
    let retention = scope
        .policies()
        .map(|p| {
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
        .collect();
    let systems = scope
        .systems()
        .map(|s| {
            let sys = &c.systems[s];
            SystemJson {
                id: &sys.id,
                name: &sys.name,
                description: sys.description.as_deref(),
                location: sys.location.as_deref(),
                owner: sys.owner.as_deref().filter(|_| internal),
                elements: element_ids(&mut scope.filter_elements(&sys.elements)),
            }
        })
        .collect();
    let recipients = scope
        .recipients()
        .map(|r| {
            let rec = &c.recipients[r];
            RecipientJson {
                id: &rec.id,
                name: &rec.name,
                role: rec.role,
                country: rec.country.as_deref(),
                safeguards: rec.safeguards.as_deref(),
                description: rec.description.as_deref(),
                dpa_url: rec.dpa_url.as_deref(),
                elements: element_ids(&mut scope.filter_uses(&rec.uses).map(|u| c.uses[u].element)),
            }
        })
        .collect();
    let models = c
        .models
        .iter()
        .zip(&site.model_slugs)
        .map(|(m, slug)| ModelJson {
            id: &m.id,
            name: &m.name,
            url: format!("models/{slug}/"),
            version: m.version.as_deref(),
            status: m.status,
            owners: &m.owners,
            summary: m.summary.as_deref(),
            model_type: m.model_type.as_deref(),
            intended_use: m.intended_use.as_deref(),
            out_of_scope_uses: &m.out_of_scope_uses,
            inputs: ids(&m.inputs),
            excluded_inputs: ids(&m.excluded_inputs),
            training_data: dataset(&m.training_data),
            evaluation_data: dataset(&m.evaluation_data),
            metrics: &m.metrics,
            limitations: &m.limitations,
            ethical_considerations: &m.ethical_considerations,
            human_oversight: m.human_oversight.as_deref(),
            license: m.license.as_deref(),
            last_reviewed: m.last_reviewed.map(|d| d.to_string()),
            internal: m.internal.as_ref().filter(|_| internal),
            extra: (internal && !m.extra.is_empty()).then_some(&m.extra),
        })
        .collect();
    let pages = c
        .pages
        .iter()
        .zip(&site.page_slugs)
        .map(|(p, slug)| PageJson {
            slug,
            title: &p.title,
            url: format!("pages/{slug}/"),
        })
        .collect();
    let doc = DataJson {
        version: VERSION,
        audience: site.audience,
        site: SiteInfo {
            title: &c.config.title,
            organisation: &c.config.organisation,
            description: &c.config.description,
            base_url: &c.config.base_url,
            contact: &c.config.contact,
            taxonomy_attribution: crate::taxonomy::ATTRIBUTION,
        },
        elements,
        retention,
        systems,
        recipients,
        models,
        pages,
    };
    let text = serde_json::to_string_pretty(&doc)?;
    let mut out = markup_safe(&text);
    out.push('\n');
    Ok(out.into_bytes())
}

/// JSON text with `<`, `>` and `&` escaped: they only occur inside strings, so the JSON means
/// the same and stays harmless if someone pastes it into an HTML page.
pub fn markup_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 1);
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::config::Audience;
    use crate::site::{plan, testkit};

    #[test]
    fn public_json_uses_ids_and_leaks_nothing_internal() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Public);
        let bytes = super::data_json(&c, &site).expect("serialises");
        let text = String::from_utf8(bytes).expect("utf-8");
        for marker in testkit::INTERNAL_MARKERS {
            assert!(!text.contains(marker), "{marker} leaked into data.json");
        }
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v["version"], 1);
        assert_eq!(v["elements"][0]["uses"][1]["shared_with"][0], "mailer");
        assert_eq!(v["elements"][0]["uses"][0]["retention"], "account");
        assert_eq!(v["models"][0]["inputs"][0], "purchase_history");
        assert!(v["elements"][0].get("owner").is_none());
    }

    #[test]
    fn markup_characters_are_escaped_but_round_trip() {
        let mut c = testkit::catalog();
        c.uses[0].why = "<script>a & b</script>".into();
        let site = plan(&c, Audience::Public);
        let text =
            String::from_utf8(super::data_json(&c, &site).expect("serialises")).expect("utf-8");
        assert!(!text.contains("<script>"));
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v["elements"][0]["uses"][0]["why"], "<script>a & b</script>");
    }

    #[test]
    fn internal_json_keeps_internal_fields() {
        let c = testkit::catalog();
        let site = plan(&c, Audience::Internal);
        let text =
            String::from_utf8(super::data_json(&c, &site).expect("serialises")).expect("utf-8");
        for marker in [
            "OWNER-MARKER",
            "NOTES-MARKER",
            "XCOL-MARKER",
            "MODEL-INTERNAL-MARKER",
        ] {
            assert!(
                text.contains(marker),
                "{marker} missing from internal data.json"
            );
        }
    }
}
