//! The AI Act and GDPR Art. 22 questions about a model: `model-risk-class` (is it classed,
//! and high-risk where Annex III says so, with human oversight) and `automated-decision`
//! (a decision with significant effect and no human in the loop).

use super::rules::{AUTOMATED_DECISION, MODEL_RISK_CLASS};
use super::{Cx, Draft, Out};
use crate::model::model_risk::{key_of, ANNEX_III, RISK_CLASSES};
use crate::model::{AnnexIII, Decisions, ModelCard, ModelStatus, RiskClass};

/// Words in a data-use key (any part) that place the use in an Annex III area. The
/// fideslang taxonomy has `employment`; the others match a site's own keys
/// (`essential.credit_scoring`, `finance.insurance_pricing`, `education.exam_grading`...).
/// Fraud detection is not among them: Annex III 5(b) leaves it out of credit scoring.
const AREA_WORDS: &[(&str, AnnexIII)] = &[
    ("employment", AnnexIII::Employment),
    ("recruit", AnnexIII::Employment),
    ("hiring", AnnexIII::Employment),
    ("credit", AnnexIII::EssentialServices),
    ("insurance", AnnexIII::EssentialServices),
    ("benefit", AnnexIII::EssentialServices),
    ("education", AnnexIII::Education),
    ("admission", AnnexIII::Education),
    ("exam", AnnexIII::Education),
    ("biometric", AnnexIII::Biometrics),
    ("law_enforcement", AnnexIII::LawEnforcement),
    ("policing", AnnexIII::LawEnforcement),
    ("migration", AnnexIII::Migration),
    ("asylum", AnnexIII::Migration),
    ("border", AnnexIII::Migration),
    ("justice", AnnexIII::Justice),
    ("court", AnnexIII::Justice),
    ("critical_infrastructure", AnnexIII::CriticalInfrastructure),
];

/// The Annex III area a data-use key is in, if any.
pub fn area_of_purpose(key: &str) -> Option<AnnexIII> {
    key.split('.').find_map(|part| {
        AREA_WORDS
            .iter()
            .find(|(w, _)| part.contains(w))
            .map(|(_, a)| *a)
    })
}

/// The card's Annex III area: `annex_iii`, else the first purpose in an area, with the
/// key that says so.
pub fn annex_iii_area(m: &ModelCard) -> Option<(AnnexIII, String)> {
    if let Some(a) = m.annex_iii {
        return Some((a, format!("annex_iii: {}", key_of(ANNEX_III, a))));
    }
    m.purposes
        .iter()
        .find_map(|p| area_of_purpose(&p.key).map(|a| (a, format!("purpose `{}`", p.key))))
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    for m in &cx.cat.models {
        risk_class(m, out);
        automated(m, out);
    }
}

fn risk_class(m: &ModelCard, out: &mut Out<'_>) {
    let fire = |out: &mut Out<'_>, key: &str, message: String, hint: String| {
        out.emit(MODEL_RISK_CLASS, &m.key_origin(key), || {
            Draft::new(message, hint).model(&m.id)
        });
    };
    let area = annex_iii_area(m);
    match m.risk_class {
        None if m.status == Some(ModelStatus::Production) || area.is_some() => fire(
            out,
            "status",
            format!("model `{}` is in use but has no `risk_class`", m.id),
            "set `risk_class` (prohibited, high, limited or minimal) under the EU AI Act, with `annex_iii` when high".into(),
        ),
        Some(RiskClass::Prohibited) if m.status != Some(ModelStatus::Retired) => fire(
            out,
            "risk_class",
            format!("model `{}` is classed `prohibited` and not retired", m.id),
            "a practice prohibited by AI Act Art. 5 must stop: retire the model".into(),
        ),
        Some(RiskClass::High) if blank(&m.human_oversight) => fire(
            out,
            "risk_class",
            format!("high-risk model `{}` has no `human_oversight`", m.id),
            "describe in `human_oversight` who monitors the model, how they can override or stop it (AI Act Art. 14)".into(),
        ),
        _ => {}
    }
    if let (Some((a, why)), Some(class)) = (&area, m.risk_class) {
        if !matches!(class, RiskClass::High | RiskClass::Prohibited) {
            let key = if m.annex_iii.is_some() {
                "annex_iii"
            } else {
                "purposes"
            };
            fire(
                out,
                key,
                format!(
                    "model `{}` is in the Annex III area `{}` ({why}) but is classed `{}`, not `high`",
                    m.id,
                    key_of(ANNEX_III, *a),
                    key_of(RISK_CLASSES, class)
                ),
                "set `risk_class: high`, or, if an Annex III exception (Art. 6(3)) applies, say which in `human_oversight` or the body and except this finding with the reason".into(),
            );
        }
    }
}

fn automated(m: &ModelCard, out: &mut Out<'_>) {
    if m.decisions != Some(Decisions::Automated)
        || m.significant_effect != Some(true)
        || !blank(&m.human_oversight)
    {
        return;
    }
    out.emit(AUTOMATED_DECISION, &m.key_origin("decisions"), || {
        Draft::new(
            format!(
                "model `{}` decides automatically with a significant effect on people and no `human_oversight`",
                m.id
            ),
            "describe in `human_oversight` how people obtain human intervention, express their view and contest the decision (GDPR Art. 22(3)), or let the model assist a person who decides",
        )
        .model(&m.id)
    });
}
