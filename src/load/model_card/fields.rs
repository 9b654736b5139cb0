//! The typed values of a card's front matter: enumerated keys and metrics, each checked with
//! an error at its line.

use serde_saphyr::Spanned;

use super::MetricYaml;
use crate::diag::Diagnostic;
use crate::load::front_matter::FrontMatter;
use crate::load::source::SourceFile;
use crate::load::values::parse_enum;
use crate::model::Metric;

/// An enumerated key (`risk_class`, `annex_iii`, `decisions`): its value, or an error at its
/// line with the allowed values and a "did you mean".
pub(super) fn spanned_enum<T: Copy>(
    src: &SourceFile,
    fm: &FrontMatter,
    raw: &Option<Spanned<String>>,
    key: &str,
    table: &[(&'static str, T)],
    errors: &mut Vec<Diagnostic>,
) -> Option<T> {
    let s = raw.as_ref()?;
    parse_enum(&s.value, key, table)
        .map_err(|e| errors.push(fm.at(src, &s.referenced, e.message).maybe_help(e.help)))
        .ok()
}

pub(super) fn metric(
    src: &SourceFile,
    fm: &FrontMatter,
    m: &Spanned<MetricYaml>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Metric> {
    let v = &m.value;
    if !v.value.is_finite() {
        errors.push(
            fm.at(
                src,
                &m.referenced,
                format!(
                    "metric `{}` has the value `{}`, which is not a number readers can compare",
                    v.name, v.value
                ),
            )
            .help("write the measured value as a plain number, e.g. `value: 0.31`"),
        );
        return None;
    }
    if let Some([lo, hi]) = v.ci {
        if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
            errors.push(
                fm.at(
                    src,
                    &m.referenced,
                    if lo.is_finite() && hi.is_finite() {
                        format!("metric `{}` has a confidence interval [{lo}, {hi}] whose low end is above its high end", v.name)
                    } else {
                        format!("metric `{}` has a confidence interval [{lo}, {hi}] that is not two plain numbers", v.name)
                    },
                )
                .help(if lo.is_finite() && hi.is_finite() {
                    format!("did you mean `ci: [{hi}, {lo}]`? the low end comes first")
                } else {
                    "write `ci: [low, high]` with two numbers, e.g. `ci: [0.29, 0.33]`".to_string()
                }),
            );
            return None;
        }
    }
    Some(Metric {
        name: v.name.clone(),
        value: v.value,
        slice: v.slice.clone(),
        ci: v.ci,
        dataset: v.dataset.clone(),
        split: v.split.clone(),
    })
}
