//! The worst-group gap of a model card: for each metric reported both overall and for groups
//! of people, the group whose value is furthest from the overall value. A model that works
//! well on average can still fail one group; the model label puts that number up front.

use serde::Serialize;

use crate::link::Metric;

/// The largest difference between a metric's overall value and one group's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap<'a> {
    pub metric: &'a str,
    pub dataset: Option<&'a str>,
    pub group: &'a str,
    pub overall: f64,
    pub value: f64,
    /// `value - overall`: negative when the group's value is lower.
    pub difference: f64,
    /// `|difference|` as readers see it: `0.07`, never `0.07000000000000001`.
    pub label: String,
}

/// Every group (slice) a card reports a metric for, in the card's order, without repeats.
pub fn groups(metrics: &[Metric]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for m in metrics.iter().filter(|m| !m.is_overall()) {
        let slice = m.slice.as_deref().unwrap_or("").trim();
        if !slice.is_empty() && !out.contains(&slice) {
            out.push(slice);
        }
    }
    out
}

/// One gap per metric (and dataset) that has an overall value and at least one group value,
/// in the order the card first names each metric. A tie keeps the group listed first.
/// Linear in the number of metrics per metric name; cards have a handful.
pub fn worst_groups(metrics: &[Metric]) -> Vec<Gap<'_>> {
    let mut out: Vec<Gap> = Vec::new();
    let mut done: Vec<(&str, Option<&str>)> = Vec::new();
    for m in metrics {
        let key = (m.name.as_str(), m.dataset.as_deref());
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        let same = || {
            metrics
                .iter()
                .filter(move |x| x.name == key.0 && x.dataset.as_deref() == key.1)
        };
        let Some(overall) = same().find(|x| x.is_overall()) else {
            continue;
        };
        let mut worst: Option<&Metric> = None;
        for g in same().filter(|x| !x.is_overall() && x.value.is_finite()) {
            let d = (g.value - overall.value).abs();
            if worst.is_none_or(|w| d > (w.value - overall.value).abs()) {
                worst = Some(g);
            }
        }
        if let Some(w) = worst.filter(|_| overall.value.is_finite()) {
            let difference = w.value - overall.value;
            out.push(Gap {
                metric: &m.name,
                dataset: key.1,
                group: w.slice.as_deref().unwrap_or(""),
                overall: overall.value,
                value: w.value,
                difference,
                label: number(difference.abs()),
            });
        }
    }
    out
}

pub use crate::audit::fairness::number;

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, slice: &str, value: f64) -> Metric {
        Metric {
            name: name.into(),
            value,
            slice: Some(slice.into()),
            ci: None,
            dataset: None,
            split: None,
        }
    }

    #[test]
    fn the_worst_group_is_the_one_furthest_from_overall_either_way() {
        let metrics = [
            m("precision_at_10", "all", 0.31),
            m("precision_at_10", "age: 18-24", 0.29),
            m("precision_at_10", "age: 45+", 0.33),
            m("precision_at_10", "new customers", 0.24),
            m("share_outside", "all", 0.2),
            m("held_per_1000", "overall", 3.4),
            m("held_per_1000", "new customers", 5.1),
            m("held_per_1000", "abroad", 4.2),
        ];
        let gaps = worst_groups(&metrics);
        assert_eq!(gaps.len(), 2, "a metric without groups has no gap");
        assert_eq!(gaps[0].metric, "precision_at_10");
        assert_eq!(gaps[0].group, "new customers");
        assert_eq!(gaps[0].label, "0.07");
        assert!(gaps[0].difference < 0.0);
        assert_eq!(gaps[1].group, "new customers");
        assert_eq!(gaps[1].label, "1.7", "5.1 - 3.4 without float noise");
        assert!(gaps[1].difference > 0.0);
        assert_eq!(
            groups(&metrics),
            ["age: 18-24", "age: 45+", "new customers", "abroad"]
        );
    }

    #[test]
    fn groups_without_an_overall_value_or_of_another_dataset_are_not_compared() {
        let mut other = m("recall", "women", 0.5);
        other.dataset = Some("panel".into());
        let metrics = [m("recall", "all", 0.8), other, m("auc", "men", 0.7)];
        assert!(worst_groups(&metrics).is_empty());
        assert_eq!(groups(&metrics), ["women", "men"]);
        assert!(worst_groups(&[]).is_empty());
    }

    #[test]
    fn ties_keep_the_first_group_and_odd_values_do_not_panic() {
        let metrics = [
            m("f1", "all", 0.5),
            m("f1", "a", 0.4),
            m("f1", "b", 0.6),
            m("f1", "c", f64::NAN),
        ];
        let gaps = worst_groups(&metrics);
        assert_eq!(gaps[0].group, "a");
        assert_eq!(gaps[0].label, "0.1");
        assert_eq!(number(-0.0000001), "0");
        assert_eq!(number(12.0), "12");
    }
}
