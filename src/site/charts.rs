//! The site's charts as plain data, computed from aggregates of the visible catalog: the
//! "which data and why" heat map, elements per category, retention periods, sharing per
//! recipient and each model's metrics per slice.

use crate::model::{Catalog, ModelCard, RetentionPeriod};
use crate::site::chart::{Bar, Chart, ChartKind, ChartNotes, Point};

use super::groups::chain;
#[cfg(test)]
use super::groups::Groups;

/// Elements by data category: the rows of the heat map and the bars per category.
pub type Sections<'a> = std::collections::BTreeMap<&'a str, Vec<crate::model::ElementIdx>>;
use crate::i18n::Strings;
use crate::model::scope::Scope;
use crate::model::words;

/// `collection-heatmap`: data categories (two levels deep) x top-level purposes, counting the
/// elements of each category used for each purpose.
pub fn heatmap(
    l: &Strings,
    catalog: &Catalog,
    scope: &Scope,
    sections: &Sections,
    columns: &[&str],
) -> Chart {
    let tax = &catalog.taxonomy;
    let rows: Vec<&str> = sections.keys().copied().collect();
    let columns: Vec<&str> = columns.to_vec();
    let mut cells = vec![vec![0u32; columns.len()]; rows.len()];
    let mut seen: Vec<usize> = Vec::new();
    for (r, members) in sections.values().enumerate() {
        for &e in members {
            seen.clear();
            for u in scope.filter_uses(&catalog.elements[e].uses) {
                let top = chain(&tax.uses, &catalog.uses[u].purpose)[0];
                if let Ok(c) = columns.binary_search(&top) {
                    if !seen.contains(&c) {
                        seen.push(c);
                        cells[r][c] += 1;
                    }
                }
            }
        }
    }
    Chart {
        id: "collection-heatmap".into(),
        title: l.get("charts.heatmap_title").into(),
        description: l.fill(
            "charts.heatmap_description",
            &[
                ("rows", &rows.len().to_string()),
                ("columns", &columns.len().to_string()),
            ],
        ),
        kind: ChartKind::HeatMap {
            rows: rows
                .iter()
                .map(|k| tax.categories.name(k).to_string())
                .collect(),
            columns: columns
                .iter()
                .map(|k| tax.uses.name(k).to_string())
                .collect(),
            cells,
        },
        notes: notes(l),
    }
}

/// `elements-per-category`: how many kinds of data each category holds.
pub fn per_category(l: &Strings, catalog: &Catalog, sections: &Sections) -> Chart {
    let bars = sections
        .iter()
        .map(|(key, members)| count_bar(catalog.taxonomy.categories.name(key), members.len()))
        .collect();
    Chart {
        id: "elements-per-category".into(),
        title: l.get("charts.per_category_title").into(),
        description: l.get("charts.per_category_description").into(),
        kind: ChartKind::Bars {
            unit: l.get("charts.kinds_unit").into(),
            bars,
        },
        notes: notes(l),
    }
}

/// `retention-periods`: each policy's period in years, shortest first; `indefinite` last, as a
/// special bar as long as the longest fixed one. A period whose clock starts at a later event
/// ("30 days after you close your account") has that open-ended time as its lead.
pub fn retention(l: &Strings, catalog: &Catalog, scope: &Scope) -> Chart {
    let mut policies: Vec<_> = scope.policies().map(|p| &catalog.retention[p]).collect();
    policies.sort_by(|a, b| {
        let key =
            |p: &crate::model::RetentionPolicy| p.period.approx_days().unwrap_or(f64::INFINITY);
        key(a).total_cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    let longest = policies
        .iter()
        .filter_map(|p| p.period.approx_days())
        .fold(0.0_f64, f64::max)
        / 365.25;
    let bars = policies
        .iter()
        .map(|p| Bar {
            label: p.name.clone(),
            value: p
                .period
                .approx_days()
                .map_or(longest.max(1.0), |d| d / 365.25),
            value_label: words::period_label(l, &p.period),
            special: p.period == RetentionPeriod::Indefinite,
            lead: words::retention_lead(l, p),
        })
        .collect();
    Chart {
        id: "retention-periods".into(),
        title: l.get("charts.retention_title").into(),
        description: l.get("charts.retention_description").into(),
        kind: ChartKind::Bars {
            unit: l.get("charts.years_unit").into(),
            bars,
        },
        notes: notes(l),
    }
}

/// `shared-per-recipient`: how many kinds of data each recipient receives.
pub fn per_recipient(l: &Strings, catalog: &Catalog, scope: &Scope) -> Chart {
    let mut elements: Vec<usize> = Vec::new();
    let bars = scope
        .recipients()
        .map(|r| {
            let rec = &catalog.recipients[r];
            elements.clear();
            elements.extend(
                scope
                    .filter_uses(&rec.uses)
                    .map(|u| catalog.uses[u].element),
            );
            elements.sort_unstable();
            elements.dedup();
            count_bar(&rec.name, elements.len())
        })
        .collect();
    Chart {
        id: "shared-per-recipient".into(),
        title: l.get("charts.recipients_title").into(),
        description: l.get("charts.recipients_description").into(),
        kind: ChartKind::Bars {
            unit: l.get("charts.kinds_unit").into(),
            bars,
        },
        notes: notes(l),
    }
}

/// `model-<slug>-metrics`: a card's metrics per slice (overall first), with confidence
/// intervals; `None` for a card without metrics.
pub fn model_metrics(l: &Strings, model: &ModelCard, slug: &str) -> Option<Chart> {
    if model.metrics.is_empty() {
        return None;
    }
    let all = l.get("model.all_groups");
    let mut groups: Vec<String> = Vec::new();
    let mut series: Vec<String> = Vec::new();
    let slice_of = |m: &crate::model::Metric| {
        if m.is_overall() {
            all.to_string()
        } else {
            m.slice.clone().unwrap_or_default()
        }
    };
    if model.metrics.iter().any(|m| m.is_overall()) {
        groups.push(all.into());
    }
    for m in &model.metrics {
        let g = slice_of(m);
        if !groups.contains(&g) {
            groups.push(g);
        }
        if !series.contains(&m.name) {
            series.push(m.name.clone());
        }
    }
    // A metric measured for one group only says nothing "by group": the table still has it.
    let per_group: Vec<usize> = series
        .iter()
        .map(|name| model.metrics.iter().filter(|m| &m.name == name).count())
        .collect();
    if per_group.iter().any(|&n| n > 1) {
        let mut keep = per_group.iter().map(|&n| n > 1);
        series.retain(|_| keep.next().unwrap_or(false));
        groups.retain(|g| {
            model
                .metrics
                .iter()
                .any(|m| series.contains(&m.name) && slice_of(m) == *g)
        });
    }
    let mut values = vec![vec![None; series.len()]; groups.len()];
    for m in &model.metrics {
        let g = groups.iter().position(|x| *x == slice_of(m));
        let s = series.iter().position(|x| *x == m.name);
        if let (Some(g), Some(s)) = (g, s) {
            values[g][s] = Some(Point {
                value: m.value,
                ci: m.ci,
            });
        }
    }
    Some(Chart {
        id: format!("model-{slug}-metrics"),
        title: l.fill("charts.model_title", &[("name", &model.name)]),
        description: l.fill(
            "charts.model_description",
            &[
                ("metrics", &series.join(l.get("meta.list_sep"))),
                ("n", &groups.len().to_string()),
            ],
        ),
        kind: ChartKind::GroupedBars {
            groups,
            series,
            values,
        },
        notes: notes(l),
    })
}

/// The words drawn inside a chart, in the site's language.
fn notes(l: &Strings) -> ChartNotes {
    ChartNotes {
        count: l.get("charts.count").into(),
        empty: l.get("charts.empty").into(),
        special: l.get("charts.special").into(),
        open: l.get("charts.open").into(),
    }
}

fn count_bar(label: &str, n: usize) -> Bar {
    Bar {
        label: label.to_string(),
        value: n as f64,
        value_label: n.to_string(),
        special: false,
        lead: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Audience;
    use crate::site::testkit;

    fn en() -> &'static Strings {
        crate::i18n::strings(None)
    }

    fn tops<'a>(g: &Groups<'a>) -> Vec<&'a str> {
        g.top_purposes.keys().copied().collect()
    }

    #[test]
    fn heatmap_counts_elements_per_section_and_top_purpose() {
        let c = testkit::catalog();
        let scope = Scope::new(&c, Audience::Public);
        let groups = Groups::new(&c, &scope);
        let ChartKind::HeatMap {
            rows,
            columns,
            cells,
        } = heatmap(en(), &c, &scope, &groups.sections, &tops(&groups)).kind
        else {
            panic!("not a heat map");
        };
        assert_eq!(
            rows,
            ["Observed Behavior", "Contact Data", "Demographic Data"]
        );
        assert_eq!(columns, ["Essential", "Marketing", "Personalize"]);
        // Email: essential + marketing; purchases: personalize; birth date: essential.
        assert_eq!(cells, [[0, 0, 1], [1, 1, 0], [1, 0, 0]]);
        // The internal analytics rows add no column on a public build.
        let internal = Scope::new(&c, Audience::Internal);
        let g = Groups::new(&c, &internal);
        let ChartKind::HeatMap { columns, .. } =
            heatmap(en(), &c, &internal, &g.sections, &tops(&g)).kind
        else {
            panic!("not a heat map");
        };
        assert!(columns.contains(&"Analytics".to_string()));
    }

    #[test]
    fn retention_puts_indefinite_last_as_special() {
        let c = testkit::catalog();
        let ChartKind::Bars { bars, .. } =
            retention(en(), &c, &Scope::new(&c, Audience::Internal)).kind
        else {
            panic!("not bars");
        };
        let labels: Vec<_> = bars.iter().map(|b| b.value_label.as_str()).collect();
        assert_eq!(labels, ["30 days", "7 years", "indefinite"]);
        assert!(bars[2].special && !bars[1].special);
        assert_eq!(bars[2].value, 7.0);
        // Kept until the account is closed, then 30 days; orders from the purchase on.
        let leads: Vec<_> = bars.iter().map(|b| b.lead.as_deref()).collect();
        assert_eq!(leads, [Some("Until you close your account"), None, None]);
        let public = retention(en(), &c, &Scope::new(&c, Audience::Public));
        let ChartKind::Bars { bars, .. } = public.kind else {
            panic!("not bars");
        };
        assert_eq!(bars.len(), 2, "the internal-only policy is hidden");
    }

    #[test]
    fn metrics_put_overall_first() {
        let c = testkit::catalog();
        let chart = model_metrics(en(), &c.models[0], "style-recommender").expect("has metrics");
        assert_eq!(chart.id, "model-style-recommender-metrics");
        let ChartKind::GroupedBars {
            groups,
            series,
            values,
        } = chart.kind
        else {
            panic!("not grouped bars");
        };
        assert_eq!(groups, ["all", "age: 18-24"]);
        assert_eq!(series, ["precision_at_10"]);
        assert_eq!(values[0][0].and_then(|p| p.ci), Some([0.29, 0.33]));
        assert_eq!(values[1][0].map(|p| p.value), Some(0.27));
    }

    #[test]
    fn metrics_measured_for_one_group_only_stay_out_of_the_chart() {
        let mut c = testkit::catalog();
        let mut single = c.models[0].metrics[0].clone();
        single.name = "returns_change".into();
        single.value = -0.11;
        c.models[0].metrics.push(single);
        let chart = model_metrics(en(), &c.models[0], "m").expect("has metrics");
        let ChartKind::GroupedBars { series, groups, .. } = chart.kind else {
            panic!("not grouped bars");
        };
        assert_eq!(series, ["precision_at_10"]);
        assert_eq!(groups, ["all", "age: 18-24"]);
    }
}
