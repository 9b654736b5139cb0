//! A small catalog builder for the rules' unit tests. Every default is clean (a specific
//! purpose, its own reason, a legal basis, a bounded policy, a recent review, a complete card),
//! so each test adds exactly the problem it is about.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::{date, Date};

use super::{audit, Audit, Settings};
use crate::config::Config;
use crate::diag::Origin;
use crate::model::*;
use crate::taxonomy::Taxonomy;

/// The date unit tests audit on.
pub const TODAY: Date = date(2026, 11, 30);
/// A review date well inside the default 365 days.
pub const RECENT: Date = date(2026, 10, 1);

pub struct Site {
    pub cat: Catalog,
    inventory: Arc<Path>,
    line: usize,
}

fn origin(file: &str, line: usize) -> Origin {
    Origin::new(&Arc::from(Path::new(file)), line)
}

/// A basis that fits the purpose (so defaults are clean): consent for third-party
/// advertising and profiling, legitimate interests for other marketing, analytics and
/// training, contract for the rest.
fn fitting_basis(purpose: &str) -> (LegalBasis, Necessity) {
    let under = |p: &str| purpose == p || purpose.starts_with(&format!("{p}."));
    if [
        "marketing.advertising.third_party",
        "marketing.advertising.profiling",
        "personalize.content.profiling",
    ]
    .iter()
    .any(|p| under(p))
    {
        (LegalBasis::Consent, Necessity::Optional)
    } else if ["marketing", "analytics", "train_ai_system"]
        .iter()
        .any(|p| under(p))
    {
        (LegalBasis::LegitimateInterests, Necessity::Optional)
    } else {
        (LegalBasis::Contract, Necessity::Required)
    }
}

impl Site {
    /// An empty site with one bounded retention policy, `one_year`.
    pub fn new() -> Site {
        let mut s = Site {
            cat: Catalog {
                config: Config::default(),
                taxonomy: Taxonomy::fideslang(),
                elements: vec![],
                uses: vec![],
                retention: vec![],
                systems: vec![],
                recipients: vec![],
                models: vec![],
                pages: vec![],
                assessments: vec![],
                index: Index::default(),
                cover_index: Default::default(),
                evidence: Vec::new(),
            },
            inventory: Arc::from(Path::new("content/inventory/data.csv")),
            line: 1,
        };
        s.policy("one_year", Some("P1Y"));
        s
    }

    fn next_line(&mut self) -> Origin {
        self.line += 1;
        Origin::new(&self.inventory, self.line)
    }

    pub fn element(&mut self, id: &str, category: &str) -> &mut Element {
        let origin = Origin::new(&self.inventory, self.line + 1);
        let i = self.cat.elements.len();
        self.cat.index.elements.insert(id.into(), i);
        self.cat.elements.push(Element {
            id: id.into(),
            name: id.replace('_', " "),
            category: category.into(),
            subjects: vec!["customer".into()],
            source: Some(Source::Provided),
            systems: vec![],
            owner: None,
            uses: vec![],
            models: vec![],
            origin,
        });
        &mut self.cat.elements[i]
    }

    /// A clean use of an existing element (its own reason, a fitting basis, `one_year`,
    /// reviewed).
    pub fn use_(&mut self, element: &str, purpose: &str) -> &mut Use {
        let e = self.cat.index.elements[element];
        let origin = self.next_line();
        let u = self.cat.uses.len();
        self.cat.elements[e].uses.push(u);
        let (basis, necessity) = fitting_basis(purpose);
        self.cat.uses.push(Use {
            element: e,
            purpose: purpose.into(),
            why: format!("We need the {element} for {purpose}."),
            legal_basis: Some(basis),
            necessity: Some(necessity),
            retention: Some(self.cat.index.retention["one_year"]),
            shared_with: vec![],
            visibility: Visibility::Public,
            last_reviewed: Some(RECENT),
            special_category_condition: None,
            legal_reference: None,
            opt_out: None,
            notes: None,
            extra: BTreeMap::new(),
            origin,
        });
        &mut self.cat.uses[u]
    }

    /// A policy with an ISO duration, or indefinite for `None`.
    pub fn policy(&mut self, id: &str, iso: Option<&str>) -> PolicyIdx {
        let i = self.cat.retention.len();
        self.cat.index.retention.insert(id.into(), i);
        let period = match iso {
            Some(iso) => RetentionPeriod::Fixed {
                iso: iso.into(),
                years: 1,
                months: 0,
                weeks: 0,
                days: 0,
            },
            None => RetentionPeriod::Indefinite,
        };
        self.cat.retention.push(RetentionPolicy {
            id: id.into(),
            name: id.into(),
            period,
            trigger: Some("collection".into()),
            disposal: Some(Disposal::Delete),
            legal_reference: None,
            description: None,
            uses: vec![],
            origin: origin("content/retention.csv", i + 2),
        });
        i
    }

    pub fn recipient(&mut self, id: &str, country: &str, safeguards: &str) -> RecipientIdx {
        let i = self.cat.recipients.len();
        self.cat.index.recipients.insert(id.into(), i);
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        self.cat.recipients.push(Recipient {
            id: id.into(),
            name: id.into(),
            role: Some(RecipientRole::Processor),
            country: opt(country),
            safeguards: opt(safeguards),
            transfer_mechanism: None,
            tia_date: None,
            description: None,
            dpa_url: Some(format!("https://{id}.example/dpa")),
            aliases: vec![],
            uses: vec![],
            origin: origin("content/recipients.csv", i + 2),
        });
        i
    }

    pub fn system(&mut self, id: &str) -> SystemIdx {
        let i = self.cat.systems.len();
        self.cat.index.systems.insert(id.into(), i);
        self.cat.systems.push(System {
            id: id.into(),
            name: id.into(),
            description: None,
            owner: None,
            location: Some("EU".into()),
            country: None,
            transfer_mechanism: None,
            security: None,
            elements: vec![],
            origin: origin("content/systems.csv", i + 2),
        });
        i
    }

    /// A complete, recently reviewed, minimal-risk card that assists people, with overall and
    /// per-group metrics and no inputs.
    pub fn model(&mut self, id: &str) -> &mut ModelCard {
        let i = self.cat.models.len();
        self.cat.index.models.insert(id.into(), i);
        let metric = |slice: &str| Metric {
            name: "precision".into(),
            value: 0.3,
            slice: Some(slice.into()),
            ci: None,
            dataset: None,
            split: None,
        };
        self.cat.models.push(ModelCard {
            id: id.into(),
            name: id.into(),
            version: Some("1".into()),
            status: Some(ModelStatus::Production),
            owners: vec!["Team".into()],
            summary: Some("Suggests things.".into()),
            model_type: None,
            intended_use: Some("Suggestions.".into()),
            out_of_scope_uses: vec![],
            inputs: vec![],
            excluded_inputs: vec![],
            training_data: None,
            evaluation_data: None,
            metrics: vec![metric("all"), metric("age: 18-24")],
            limitations: vec!["Cold start.".into()],
            ethical_considerations: vec![EthicalConsideration {
                risk: "Narrowing.".into(),
                mitigation: None,
            }],
            human_oversight: None,
            purposes: vec![],
            risk_class: Some(crate::model::RiskClass::Minimal),
            annex_iii: None,
            decisions: Some(crate::model::Decisions::Assists),
            significant_effect: None,
            license: None,
            last_reviewed: Some(RECENT),
            internal: None,
            extra: BTreeMap::new(),
            body: String::new(),
            origin: origin(&format!("content/models/{id}.md"), 2),
            body_line: 20,
            key_lines: vec![],
        });
        &mut self.cat.models[i]
    }

    /// Fills the back references `link` computes (policy, recipient and system users, the
    /// models of each element).
    pub fn finish(mut self) -> Catalog {
        let c = &mut self.cat;
        for p in &mut c.retention {
            p.uses.clear();
        }
        for (ui, u) in c.uses.iter().enumerate() {
            if let Some(p) = u.retention {
                c.retention[p].uses.push(ui);
            }
            for &r in &u.shared_with {
                c.recipients[r].uses.push(ui);
            }
        }
        for (ei, e) in c.elements.iter().enumerate() {
            for &s in &e.systems {
                c.systems[s].elements.push(ei);
            }
        }
        for (mi, m) in c.models.iter_mut().enumerate() {
            let train = m
                .training_data
                .iter_mut()
                .flat_map(|d| d.elements.iter_mut());
            for input in m
                .evaluation_data
                .iter_mut()
                .flat_map(|d| d.elements.iter_mut())
            {
                input.element = c.index.elements.get(&input.id).copied();
            }
            for input in m.inputs.iter_mut().chain(train) {
                input.element = c.index.elements.get(&input.id).copied();
                if let Some(e) = input.element {
                    if !c.elements[e].models.contains(&mi) {
                        c.elements[e].models.push(mi);
                    }
                }
            }
            for input in &mut m.excluded_inputs {
                input.element = c.index.elements.get(&input.id).copied();
            }
        }
        self.cat
    }
}

/// Model inputs from ids (resolved by [`Site::finish`]).
pub fn inputs(ids: &[&str]) -> Vec<ModelInput> {
    ids.iter()
        .map(|id| ModelInput {
            id: id.to_string(),
            element: None,
            line: None,
        })
        .collect()
}

/// Audits with default settings on [`TODAY`], except `dpia-required`: a model or a
/// special-category use meets two DPIA criteria by itself, so the rule has its own tests
/// (which use [`run_all`]) instead of showing up in every other rule's.
pub fn run(site: Site) -> Audit {
    let mut settings = Settings::default();
    settings.set_level(super::rules::DPIA_REQUIRED, None);
    audit(&site.finish(), &settings, TODAY)
}

/// Audits with default settings (every rule) on [`TODAY`].
pub fn run_all(site: Site) -> Audit {
    audit(&site.finish(), &Settings::default(), TODAY)
}

/// The ids of the rules that fired, in report order, ignoring `unused-record`.
pub fn rules_fired(site: Site) -> Vec<&'static str> {
    run(site)
        .findings
        .iter()
        .map(|f| f.rule)
        .filter(|r| *r != super::rules::UNUSED_RECORD)
        .collect()
}
