//! The DPIA screen (GDPR Art. 35, EDPB/WP29 guidelines WP248 rev.01): which of the nine
//! criteria of likely high risk each use and model meets, and `dpia-required` when one meets two
//! or more and no `dpia` assessment covers it. The screen is kept in the [`Audit`](super::Audit)
//! so the internal audit page can show it even when no rule fires.

use rayon::prelude::*;
use serde::Serialize;

use super::basis::under;
use super::rules::DPIA_REQUIRED;
use super::{Cx, Draft, Out};
use crate::diag::Origin;
use crate::model::{AssessmentKind, Catalog, ModelIdx, Outcome, Source, Target, UseIdx};

/// One of the EDPB's nine criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Evaluation,
    AutomatedDecision,
    Monitoring,
    Sensitive,
    LargeScale,
    Matching,
    Vulnerable,
    Innovative,
    BlocksRight,
}

impl Criterion {
    /// How the screen names it, in a few plain words.
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Evaluation => "evaluation or scoring",
            Criterion::AutomatedDecision => "automated decision with significant effect",
            Criterion::Monitoring => "systematic monitoring",
            Criterion::Sensitive => "special category or criminal data",
            Criterion::LargeScale => "large scale",
            Criterion::Matching => "data matched from several sources",
            Criterion::Vulnerable => "vulnerable subjects",
            Criterion::Innovative => "innovative technology",
            Criterion::BlocksRight => "can block a right or a service",
        }
    }
}

/// Criteria from this many on make a DPIA needed.
pub const THRESHOLD: usize = 2;

/// What was screened: one use (element and purpose) or one model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screened {
    Use(UseIdx),
    Model(ModelIdx),
}

/// The screen of one use or model that meets at least one criterion.
#[derive(Debug, Clone)]
pub struct Screen {
    pub item: Screened,
    /// Met criteria, in the EDPB's order.
    pub criteria: Vec<Criterion>,
    /// The `dpia` assessment that covers it, if any.
    pub covered_by: Option<String>,
    pub origin: Origin,
}

impl Screen {
    pub fn needs_dpia(&self) -> bool {
        self.criteria.len() >= THRESHOLD
    }

    /// "2 of 9: special category or criminal data, vulnerable subjects".
    pub fn summary(&self) -> String {
        let names: Vec<&str> = self.criteria.iter().map(|c| c.label()).collect();
        format!("{} of 9: {}", self.criteria.len(), names.join(", "))
    }
}

/// People in a weaker position towards the organisation (EDPB criterion 7).
const VULNERABLE_SUBJECTS: &[&str] = &[
    "employee",
    "job_applicant",
    "trainee",
    "patient",
    "child",
    "minor",
    "student",
    "citizen_voter",
];
/// Purposes that evaluate or score people (criterion 1).
const EVALUATING: &[&str] = &[
    "personalize.content.profiling",
    "personalize.content.profiled",
    "marketing.advertising.profiling",
    "essential.fraud_detection",
    "employment.recruitment",
];
/// Purposes that track people across contexts (criterion 3, with behaviour or location data).
const TRACKING: &[&str] = &[
    "marketing.advertising.third_party",
    "marketing.advertising.profiling",
];
/// Purposes whose outcome can refuse someone a service (criterion 9).
const BLOCKING: &[&str] = &["essential.fraud_detection"];

fn any_under(key: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| under(key, p))
}

/// The criteria one use meets.
fn use_criteria(cat: &Catalog, ui: UseIdx) -> Vec<Criterion> {
    let u = &cat.uses[ui];
    let el = &cat.elements[u.element];
    let tax = &cat.taxonomy;
    let mut c = Vec::new();
    if any_under(&u.purpose, EVALUATING) {
        c.push(Criterion::Evaluation);
    }
    let behaviour = under(&el.category, "user.behavior") || under(&el.category, "user.device");
    let staff = el.subjects.iter().any(|s| s == "employee");
    if under(&el.category, "user.location.precise")
        || (behaviour && (any_under(&u.purpose, TRACKING) || staff))
    {
        c.push(Criterion::Monitoring);
    }
    if tax.is_special_category(&el.category) || under(&el.category, "user.criminal_history") {
        c.push(Criterion::Sensitive);
    }
    if el.source == Some(Source::ThirdParty) || el.source == Some(Source::Inferred) {
        c.push(Criterion::Matching);
    }
    if under(&el.category, "user.childrens")
        || el
            .subjects
            .iter()
            .any(|s| VULNERABLE_SUBJECTS.contains(&s.as_str()))
    {
        c.push(Criterion::Vulnerable);
    }
    if under(&u.purpose, "train_ai_system")
        || under(&el.category, "user.biometric")
        || under(&el.category, "user.authorization.biometric")
    {
        c.push(Criterion::Innovative);
    }
    if any_under(&u.purpose, BLOCKING) {
        c.push(Criterion::BlocksRight);
    }
    c
}

/// The criteria one model meets: an AI model is innovative technology that evaluates people;
/// its inputs add what their data is.
fn model_criteria(cat: &Catalog, mi: ModelIdx) -> Vec<Criterion> {
    let m = &cat.models[mi];
    let mut c = vec![Criterion::Evaluation, Criterion::Innovative];
    let automated = m.decisions == Some(crate::model::Decisions::Automated);
    let significant = m.significant_effect == Some(true);
    if automated && significant {
        c.push(Criterion::AutomatedDecision);
    }
    let training = m.training_data.iter().flat_map(|d| &d.elements);
    let elements: Vec<_> = m
        .inputs
        .iter()
        .chain(training)
        .filter_map(|i| i.element)
        .map(|e| &cat.elements[e])
        .collect();
    let tax = &cat.taxonomy;
    if elements.iter().any(|e| {
        tax.is_special_category(&e.category) || under(&e.category, "user.criminal_history")
    }) {
        c.push(Criterion::Sensitive);
    }
    let mut sources: Vec<_> = elements.iter().filter_map(|e| e.source).collect();
    sources.sort();
    sources.dedup();
    if sources.len() >= 2 {
        c.push(Criterion::Matching);
    }
    if elements.iter().any(|e| {
        under(&e.category, "user.childrens")
            || e.subjects
                .iter()
                .any(|s| VULNERABLE_SUBJECTS.contains(&s.as_str()))
    }) {
        c.push(Criterion::Vulnerable);
    }
    let blocks = m.purposes.iter().any(|p| any_under(&p.key, BLOCKING));
    if blocks || (automated && significant) {
        c.push(Criterion::BlocksRight);
    }
    c.sort();
    c
}

/// The first `dpia` in assessments.csv that covers an item (by element, model or purpose) and
/// was not rejected.
pub fn covering(cat: &Catalog, item: Screened) -> Option<String> {
    let target = match item {
        Screened::Use(u) => Target::Use(u),
        Screened::Model(m) => Target::Model(m),
    };
    let mut found = cat.assessments_covering(AssessmentKind::Dpia, target);
    if let Screened::Model(m) = item {
        // A model is also covered by a DPIA of a purpose it serves.
        for p in &cat.models[m].purposes {
            found.extend(cat.assessments_covering(AssessmentKind::Dpia, Target::Purpose(&p.key)));
        }
    }
    found
        .into_iter()
        .find(|a| a.outcome != Some(Outcome::Rejected))
        .map(|a| a.id.clone())
}

/// Screens every use and model; keeps those meeting at least one criterion. `covered` names the
/// `dpia` assessment covering an item, if any.
pub fn screen(cat: &Catalog, covered: impl Fn(Screened) -> Option<String> + Sync) -> Vec<Screen> {
    let one = |item: Screened, criteria: Vec<Criterion>, origin: &Origin| {
        (!criteria.is_empty()).then(|| Screen {
            covered_by: if criteria.len() >= THRESHOLD {
                covered(item)
            } else {
                None
            },
            item,
            criteria,
            origin: origin.clone(),
        })
    };
    // Uses in parallel (a large inventory has many), in order; then the few models.
    let mut screens: Vec<Screen> = (0..cat.uses.len())
        .into_par_iter()
        .filter_map(|u| one(Screened::Use(u), use_criteria(cat, u), &cat.uses[u].origin))
        .collect();
    screens.extend((0..cat.models.len()).filter_map(|m| {
        one(
            Screened::Model(m),
            model_criteria(cat, m),
            &cat.models[m].origin,
        )
    }));
    screens
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    for a in &cx.cat.assessments {
        super::review::future(cx, out, a.date, &a.origin, || {
            Draft::new(format!("assessment `{}`", a.id), "")
        });
    }
    for s in cx
        .dpia
        .iter()
        .filter(|s| s.needs_dpia() && s.covered_by.is_none())
    {
        let what = match s.item {
            Screened::Use(u) => {
                let u = &cx.cat.uses[u];
                let el = &cx.cat.elements[u.element];
                Draft::new(format!("the use of `{}` for `{}`", el.id, u.purpose), "")
                    .element(&el.id)
            }
            Screened::Model(m) => {
                let m = &cx.cat.models[m];
                Draft::new(format!("model `{}`", m.id), "").model(&m.id)
            }
        };
        out.emit(DPIA_REQUIRED, &s.origin, || Draft {
            message: format!(
                "{} meets {}; no DPIA in content/assessments.csv covers it",
                what.message,
                s.summary()
            ),
            hint: "carry out a data protection impact assessment and add it to content/assessments.csv (kind `dpia`, `covers` naming this element, model or purpose)".into(),
            ..what
        });
    }
}

#[cfg(test)]
mod tests;
