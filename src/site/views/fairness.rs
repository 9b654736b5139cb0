//! The fairness summary of the internal audit page: every model, the groups its metrics are
//! reported for, each metric's worst group against `[audit] max_group_gap`, and whether the
//! confidence intervals overlap (an overlapping gap is "uncertain", not a finding).

use serde::Serialize;

use crate::audit::fairness::{number, percent, worst_gaps, Verdict};

use super::{Ctx, Link};

/// One model's metric with its worst group, or a model with no group metrics (`metric` empty).
#[derive(Debug, Serialize)]
pub struct FairnessRow<'a> {
    pub model: Link<'a>,
    pub groups: String,
    pub metric: &'a str,
    pub group: &'a str,
    /// "0.52 against 0.91 overall".
    pub values: String,
    /// The gap as the rule measures it: a difference, or a share of the reference.
    pub gap: String,
    /// Whether the confidence intervals overlap.
    pub overlap: bool,
    pub verdict: Verdict,
}

#[derive(Debug, Serialize)]
pub struct FairnessView<'a> {
    /// `[audit] max_group_gap` as written.
    pub max: String,
    pub rows: Vec<FairnessRow<'a>>,
}

pub(super) fn summary(ctx: Ctx<'_>) -> FairnessView<'_> {
    let max = ctx.catalog.config.audit.max_group_gap;
    let l = ctx.lang();
    let mut rows = Vec::new();
    for (m, card) in ctx.catalog.models.iter().enumerate() {
        let groups = crate::site::gap::groups(&card.metrics).join(l.get("meta.list_sep"));
        let gaps = worst_gaps(&card.metrics, max);
        if gaps.is_empty() {
            rows.push(FairnessRow {
                model: super::audit::model_link(ctx, m),
                groups,
                metric: "",
                group: "",
                values: String::new(),
                gap: String::new(),
                overlap: false,
                verdict: Verdict::Within,
            });
            continue;
        }
        for g in gaps {
            let against = match g.reference_group {
                None => l.get("model.ref_overall").to_string(),
                Some(b) => l.fill("model.ref_best", &[("group", b)]),
            };
            rows.push(FairnessRow {
                model: super::audit::model_link(ctx, m),
                groups: groups.clone(),
                metric: g.metric,
                group: g.group,
                values: format!("{} / {} {against}", number(g.value), number(g.reference)),
                gap: if g.relative {
                    percent(g.gap)
                } else {
                    number(g.gap)
                },
                overlap: g.overlap,
                verdict: g.verdict,
            });
        }
    }
    FairnessView {
        max: number(max),
        rows,
    }
}
