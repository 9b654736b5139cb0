//! `model-group-gap` and the fairness summary: for each metric a card reports per group, the
//! group that fares worst against the overall value (or, without one, the best group), how
//! far, and whether the confidence intervals leave the gap uncertain.
//!
//! Conventions (docs/audit.md): a metric whose name contains `error`, `loss`, `fpr`, `fnr`,
//! `mae`, `rmse`, `mse`, `false_positive`, `false_negative` or `_per_` is lower-is-better,
//! every other metric higher-is-better. Rates (both values between 0 and 1) are compared by
//! their difference; other measures (`held_per_1000` = 5.1 against 3.4) by the difference as
//! a share of the reference (50%), so one threshold fits both. A gap above `[audit] max_group_gap` whose intervals
//! overlap (a missing interval counts as its point value) is *uncertain*: no finding, and the
//! audit page says so.

use serde::Serialize;

use super::rules::MODEL_GROUP_GAP;
use super::{Cx, Draft, Out};
use crate::model::Metric;

/// Name fragments of metrics where a lower value is better.
const LOWER_IS_BETTER: &[&str] = &[
    "error",
    "loss",
    "fpr",
    "fnr",
    "mae",
    "rmse",
    "mse",
    "false_positive",
    "false_negative",
    "_per_",
];

/// Floating-point slack: a gap of 0.05 written as 0.91 - 0.86 is not above 0.05.
const EPSILON: f64 = 1e-9;

/// How a gap compares with the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// At most `max_group_gap`.
    Within,
    /// Above it, but the confidence intervals overlap.
    Uncertain,
    /// Above it, and the intervals (if any) do not overlap.
    Exceeds,
}

impl Verdict {
    /// As serialised: `within`, `uncertain`, `exceeds`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Within => "within",
            Verdict::Uncertain => "uncertain",
            Verdict::Exceeds => "exceeds",
        }
    }
}

/// The worst group of one metric (and dataset).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupGap<'a> {
    pub metric: &'a str,
    pub dataset: Option<&'a str>,
    pub group: &'a str,
    pub value: f64,
    /// The overall value, or the best group's when the card gives no overall value.
    pub reference: f64,
    /// `None` when `reference` is the overall value; else the best group.
    pub reference_group: Option<&'a str>,
    /// How much worse the group fares (never negative): a difference, or a share of the
    /// reference when `relative`.
    pub gap: f64,
    /// Whether `gap` is relative (values outside 0..=1).
    pub relative: bool,
    pub lower_is_better: bool,
    /// Whether the group's and the reference's confidence intervals overlap.
    pub overlap: bool,
    pub verdict: Verdict,
}

/// Whether a lower value of the metric `name` is better.
pub fn lower_is_better(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    LOWER_IS_BETTER.iter().any(|f| n.contains(f))
}

/// The interval of a metric, its point value when it has none.
fn interval(m: &Metric) -> (f64, f64) {
    m.ci.map_or((m.value, m.value), |[lo, hi]| (lo, hi))
}

/// One [`GroupGap`] per metric name and dataset that has a group faring worse than the
/// reference, in the card's order. `max_gap` is `[audit] max_group_gap`.
pub fn worst_gaps(metrics: &[Metric], max_gap: f64) -> Vec<GroupGap<'_>> {
    let mut out = Vec::new();
    let mut done: Vec<(&str, Option<&str>)> = Vec::new();
    for m in metrics {
        let key = (m.name.as_str(), m.dataset.as_deref());
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        let same: Vec<&Metric> = metrics
            .iter()
            .filter(|x| x.name == key.0 && x.dataset.as_deref() == key.1 && x.value.is_finite())
            .collect();
        let lower = lower_is_better(key.0);
        // How much worse `a` is than `b`.
        let worse = |a: f64, b: f64| if lower { a - b } else { b - a };
        let groups: Vec<&Metric> = same.iter().copied().filter(|x| !x.is_overall()).collect();
        let reference = same.iter().copied().find(|x| x.is_overall()).or_else(|| {
            (groups.len() > 1).then(|| {
                groups.iter().copied().fold(groups[0], |best, g| {
                    if worse(best.value, g.value) > 0.0 {
                        g
                    } else {
                        best
                    }
                })
            })
        });
        let Some(reference) = reference else {
            continue;
        };
        let Some(w) = groups
            .iter()
            .copied()
            .filter(|g| worse(g.value, reference.value) > EPSILON)
            .fold(None::<&Metric>, |acc, g| match acc {
                Some(a) if worse(g.value, reference.value) <= worse(a.value, reference.value) => {
                    Some(a)
                }
                _ => Some(g),
            })
        else {
            continue;
        };
        let unit = |x: f64| (0.0..=1.0).contains(&x);
        let relative = !(unit(w.value) && unit(reference.value)) && reference.value.abs() > EPSILON;
        let gap = if relative {
            worse(w.value, reference.value) / reference.value.abs()
        } else {
            worse(w.value, reference.value)
        };
        let (glo, ghi) = interval(w);
        let (rlo, rhi) = interval(reference);
        let overlap = (w.ci.is_some() || reference.ci.is_some()) && glo <= rhi && rlo <= ghi;
        let verdict = if gap <= max_gap + EPSILON {
            Verdict::Within
        } else if overlap {
            Verdict::Uncertain
        } else {
            Verdict::Exceeds
        };
        out.push(GroupGap {
            metric: &m.name,
            dataset: key.1,
            group: w.slice.as_deref().unwrap_or(""),
            value: w.value,
            reference: reference.value,
            reference_group: (!reference.is_overall())
                .then(|| reference.slice.as_deref().unwrap_or("")),
            gap,
            relative,
            lower_is_better: lower,
            overlap,
            verdict,
        });
    }
    out
}

/// A card value or difference without floating-point noise: at most six decimals, trailing
/// zeros dropped (`0.07`, never `0.07000000000000001`).
pub fn number(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A share as a whole percentage: `0.5` is `50%`.
pub fn percent(x: f64) -> String {
    format!("{}%", number((x * 100.0).round()))
}

/// `model-group-gap`: a group worse than the reference by more than `max_group_gap`, with
/// intervals that do not overlap. Reported at the card's `metrics` key.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    if !out.on(MODEL_GROUP_GAP) {
        return;
    }
    let max = cx.settings.max_group_gap;
    for m in &cx.cat.models {
        for g in worst_gaps(&m.metrics, max) {
            if g.verdict != Verdict::Exceeds {
                continue;
            }
            out.emit(MODEL_GROUP_GAP, &m.key_origin("metrics"), || {
                let against = match g.reference_group {
                    None => "overall".to_string(),
                    Some(b) => format!("for {b}, the best group"),
                };
                let (gap, allowed) = if g.relative {
                    (percent(g.gap), percent(max))
                } else {
                    (number(g.gap), number(max))
                };
                Draft::new(
                    format!(
                        "model `{}`: `{}` is {} for {} against {} {against}: {gap} worse, more than the allowed gap of {allowed}",
                        m.id,
                        g.metric,
                        number(g.value),
                        g.group,
                        number(g.reference),
                    ),
                    format!(
                        "find out why the model fares worse for {} (data, features, threshold) and fix it before use, or narrow its intended use; report confidence intervals when the gap may be noise",
                        g.group
                    ),
                )
                .model(&m.id)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, slice: &str, value: f64, ci: Option<[f64; 2]>) -> Metric {
        Metric {
            name: name.into(),
            value,
            slice: Some(slice.into()),
            ci,
            dataset: None,
            split: None,
        }
    }

    #[test]
    fn a_group_below_overall_by_more_than_the_threshold_exceeds() {
        let ms = [
            m("accuracy", "all", 0.91, None),
            m("accuracy", "women", 0.52, None),
        ];
        let g = &worst_gaps(&ms, 0.05)[0];
        assert_eq!((g.group, g.verdict), ("women", Verdict::Exceeds));
        assert!((g.gap - 0.39).abs() < 1e-9);
    }

    #[test]
    fn overlapping_intervals_make_a_gap_uncertain() {
        let ms = [
            m("accuracy", "all", 0.91, Some([0.85, 0.95])),
            m("accuracy", "women", 0.84, Some([0.70, 0.90])),
        ];
        let g = &worst_gaps(&ms, 0.05)[0];
        assert!(g.overlap);
        assert_eq!(g.verdict, Verdict::Uncertain);
    }

    #[test]
    fn lower_is_better_for_error_rates_and_a_better_group_is_no_gap() {
        let ms = [
            m("false_positive_rate", "all", 0.10, None),
            m("false_positive_rate", "over 65", 0.02, None),
            m("false_positive_rate", "under 25", 0.18, None),
        ];
        let g = &worst_gaps(&ms, 0.05)[0];
        assert!(g.lower_is_better);
        assert_eq!((g.group, g.verdict), ("under 25", Verdict::Exceeds));
        let better = [
            m("accuracy", "all", 0.8, None),
            m("accuracy", "a", 0.9, None),
        ];
        assert!(worst_gaps(&better, 0.05).is_empty());
    }

    #[test]
    fn numbers_without_float_noise() {
        assert_eq!(number(0.91 - 0.52), "0.39");
        assert_eq!(number(-0.0000001), "0");
        assert_eq!(number(12.0), "12");
        assert_eq!(percent(0.5), "50%");
    }

    #[test]
    fn counts_outside_zero_to_one_are_compared_relatively() {
        let ms = [
            m("held_per_1000", "all", 3.4, None),
            m("held_per_1000", "new customers", 5.1, None),
        ];
        let g = &worst_gaps(&ms, 0.05)[0];
        assert!(g.relative && g.lower_is_better);
        assert_eq!(percent(g.gap), "50%");
        assert_eq!(g.verdict, Verdict::Exceeds);
    }

    #[test]
    fn without_an_overall_value_the_best_group_is_the_reference() {
        let ms = [
            m("recall", "men", 0.9, None),
            m("recall", "women", 0.8, None),
        ];
        let g = &worst_gaps(&ms, 0.05)[0];
        assert_eq!(g.reference_group, Some("men"));
        assert_eq!(g.group, "women");
        let within = [m("recall", "all", 0.91, None), m("recall", "b", 0.86, None)];
        assert_eq!(worst_gaps(&within, 0.05)[0].verdict, Verdict::Within);
    }
}
