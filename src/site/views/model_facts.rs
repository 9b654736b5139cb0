//! What a model card says about risk, in a reader's words: the AI Act risk class, whether it
//! decides or assists, human oversight, the purposes it serves (linked), each worst-group gap
//! as a sentence against the site's threshold, and excluded inputs the card also uses.

use std::collections::HashSet;

use serde::Serialize;

use crate::audit::fairness::{self, number, percent, GroupGap, Verdict};
use crate::model::model_risk::{key_of, ANNEX_III};
use crate::model::{Decisions, ModelCard, RiskClass};

use super::{Ctx, Link};

/// One worst-group gap, in words.
#[derive(Debug, Serialize)]
pub struct GapLine {
    /// "For women the model is right 52% of the time, against 91% overall."
    pub sentence: String,
    /// How the gap compares with `[audit] max_group_gap`.
    pub verdict: String,
    /// `within`, `uncertain` or `exceeds`.
    pub class: Verdict,
}

#[derive(Debug, Serialize)]
pub struct ModelFacts<'a> {
    pub purposes: Vec<Link<'a>>,
    pub risk: Option<String>,
    pub decides: Option<String>,
    pub human_oversight: bool,
    pub gaps: Vec<GapLine>,
    /// Excluded inputs the card also lists as inputs or training data: a contradiction.
    pub excluded_but_used: Vec<Link<'a>>,
}

/// Whether a metric reads as "right N% of the time".
fn is_accuracy(g: &GroupGap) -> bool {
    g.metric.to_ascii_lowercase().contains("accuracy")
        && (0.0..=1.0).contains(&g.value)
        && (0.0..=1.0).contains(&g.reference)
}

fn gap_line(ctx: Ctx<'_>, g: &GroupGap, max: f64) -> GapLine {
    let l = ctx.lang();
    let reference = match g.reference_group {
        None => l.get("model.ref_overall").to_string(),
        Some(b) => l.fill("model.ref_best", &[("group", b)]),
    };
    let accuracy = is_accuracy(g);
    let shown = |x: f64| if accuracy { percent(x) } else { number(x) };
    let (value, overall) = (shown(g.value), shown(g.reference));
    let sentence = l.fill(
        if accuracy {
            "model.gap_accuracy"
        } else {
            "model.gap_metric"
        },
        &[
            ("group", g.group),
            ("metric", g.metric),
            ("value", &value),
            ("overall", &overall),
            ("reference", &reference),
        ],
    );
    let (gap, max) = if g.relative || accuracy {
        (percent(g.gap), percent(max))
    } else {
        (number(g.gap), number(max))
    };
    let verdict = l.fill(
        match g.verdict {
            Verdict::Within => "model.verdict_within",
            Verdict::Uncertain => "model.verdict_uncertain",
            Verdict::Exceeds => "model.verdict_exceeds",
        },
        &[("gap", &gap), ("max", &max)],
    );
    GapLine {
        sentence,
        verdict,
        class: g.verdict,
    }
}

fn risk(ctx: Ctx<'_>, card: &ModelCard) -> Option<String> {
    let l = ctx.lang();
    Some(match card.risk_class? {
        RiskClass::Prohibited => l.get("model.risk_prohibited").to_string(),
        RiskClass::High => match card.annex_iii {
            Some(a) => {
                let area = l
                    .get(&format!("model.area_{}", key_of(ANNEX_III, a)))
                    .to_string();
                l.fill("model.risk_high_area", &[("area", &area)])
            }
            None => l.get("model.risk_high").to_string(),
        },
        RiskClass::Limited => l.get("model.risk_limited").to_string(),
        RiskClass::Minimal => l.get("model.risk_minimal").to_string(),
    })
}

fn decides(ctx: Ctx<'_>, card: &ModelCard) -> Option<String> {
    let l = ctx.lang();
    let mut s = l
        .get(match card.decisions? {
            Decisions::None => "model.decides_none",
            Decisions::Assists => "model.decides_assists",
            Decisions::Automated => "model.decides_automated",
        })
        .to_string();
    if card.significant_effect == Some(true) {
        s.push(' ');
        s.push_str(l.get("model.significant"));
    }
    Some(s)
}

/// The facts, and the excluded inputs the card does not also use (the honest "deliberately
/// not used" list).
pub(super) fn facts<'a>(
    ctx: Ctx<'a>,
    card: &'a ModelCard,
    input: impl Fn(&'a crate::model::ModelInput) -> Link<'a>,
) -> (ModelFacts<'a>, Vec<Link<'a>>) {
    let max = ctx.catalog.config.audit.max_group_gap;
    let used: HashSet<&str> = card
        .inputs
        .iter()
        .chain(card.training_data.iter().flat_map(|d| &d.elements))
        .map(|i| i.id.as_str())
        .collect();
    let (but_used, excluded): (Vec<_>, Vec<_>) = card
        .excluded_inputs
        .iter()
        .partition(|i| used.contains(i.id.as_str()));
    let facts = ModelFacts {
        purposes: card
            .purposes
            .iter()
            .map(|p| {
                let t = ctx.purpose(&p.key);
                Link {
                    name: t.name,
                    href: t.href.map(str::to_string),
                }
            })
            .collect(),
        risk: risk(ctx, card),
        decides: decides(ctx, card),
        human_oversight: card
            .human_oversight
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty()),
        gaps: fairness::worst_gaps(&card.metrics, max)
            .iter()
            .map(|g| gap_line(ctx, g, max))
            .collect(),
        excluded_but_used: but_used.into_iter().map(&input).collect(),
    };
    (facts, excluded.into_iter().map(&input).collect())
}
