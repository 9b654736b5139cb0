//! `model_label.html`: the model label at the top of a model page.

use crate::site::gap::Gap;
use crate::site::views::ModelView;

use super::{given, Page};

/// `model_label.html`.
pub(super) fn model_label(p: &mut Page, v: &ModelView) {
    let label = &v.label;
    p.raw("<section class=\"nlabel\" aria-labelledby=\"label-h\">\n  <h2 id=\"label-h\" class=\"nlabel-title\">");
    p.t("label.model_title");
    p.raw("</h2>\n  <p class=\"nlabel-name\">");
    p.text(v.name);
    if let Some(version) = given(v.version) {
        p.raw(" <span class=\"nl-version\">");
        p.t_fill("models.version", "v", version);
        p.raw("</span>");
    }
    p.raw("</p>\n  <dl>\n    <div class=\"nl-first\"><dt>");
    p.t("label.intended_use");
    p.raw("</dt><dd>");
    match given(v.intended_use) {
        Some(u) => p.text(u),
        None => p.muted("meta.not_stated"),
    }
    p.raw("</dd></div>\n    <div class=\"nl-group\"><dt>");
    p.t("label.inputs");
    p.raw("</dt><dd>");
    p.refs(&v.inputs, Some("label.none_listed"));
    p.raw("</dd></div>\n    <div><dt>");
    p.t("label.excluded");
    p.raw("</dt><dd>");
    p.refs(&v.excluded_inputs, Some("label.none_listed"));
    p.raw("</dd></div>\n    <div class=\"nl-group\"><dt>");
    p.t("label.groups");
    p.raw("</dt><dd>");
    if label.groups.is_empty() {
        p.muted("label.no_gap");
    } else {
        p.join(label.groups.iter().copied());
    }
    p.raw("</dd></div>\n    ");
    if !label.gaps.is_empty() {
        p.raw("<div><dt>");
        p.t("label.gap");
        p.raw("</dt><dd>");
        if let [g] = label.gaps.as_slice() {
            gap(p, g);
        } else {
            p.raw("<ul class=\"nl-list\">");
            for g in &label.gaps {
                p.raw("<li>");
                gap(p, g);
                p.raw("</li>");
            }
            p.raw("</ul>");
        }
        p.raw("</dd></div>");
    }
    p.raw("\n    <div class=\"nl-group\"><dt>");
    p.t("label.limitations");
    p.raw("</dt><dd>");
    match given(label.first_limitation) {
        Some(l) => {
            p.text(l);
            if label.more_limitations > 0 {
                p.raw(" <a href=\"#limits-h\">");
                p.t_count("label.and_more", label.more_limitations);
                p.raw("</a>");
            }
        }
        None => p.muted("label.none_listed"),
    }
    p.raw("</dd></div>\n    <div><dt>");
    p.t("label.last_review");
    p.raw("</dt><dd>");
    match given(v.last_reviewed.as_deref()) {
        Some(d) => {
            p.raw("<time datetime=\"");
            p.text(d);
            p.raw("\">");
            p.text(d);
            p.raw("</time>");
        }
        None => p.muted("label.never"),
    }
    p.raw("</dd></div>\n  </dl>\n</section>\n");
}

/// `{{ t.label.gap_value | fill(metric=…, group=…, value=…, overall=…, gap=…) }}`.
fn gap(p: &mut Page, g: &Gap) {
    let value = super::float_text(g.value);
    let overall = super::float_text(g.overall);
    let s = p.lang.fill(
        "label.gap_value",
        &[
            ("metric", g.metric),
            ("group", g.group),
            ("value", &value),
            ("overall", &overall),
            ("gap", &g.label),
        ],
    );
    p.text(&s);
}
