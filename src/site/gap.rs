//! The groups of people a model card reports metrics for. How far each group falls behind is
//! [`crate::audit::fairness`]'s job (the label and the audit page both read it from there).

use crate::model::Metric;

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
    fn groups_in_card_order_without_repeats_or_overall() {
        let metrics = [
            m("precision_at_10", "all", 0.31),
            m("precision_at_10", "age: 18-24", 0.29),
            m("recall", "age: 18-24", 0.5),
            m("held_per_1000", "overall", 3.4),
            m("held_per_1000", "new customers", 5.1),
        ];
        assert_eq!(groups(&metrics), ["age: 18-24", "new customers"]);
        assert!(groups(&[]).is_empty());
    }
}
