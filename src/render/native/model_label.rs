//! `model_label.html`: the model label at the top of a model page.

use crate::site::views::{GapLine, ModelView};

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
    p.raw("</dd></div>\n    <div><dt>");
    p.t("label.purposes");
    p.raw("</dt><dd>");
    p.refs(&v.facts.purposes, Some("label.none_listed"));
    p.raw("</dd></div>\n    <div><dt>");
    p.t("label.risk");
    p.raw("</dt><dd>");
    match v.facts.risk.as_deref() {
        Some(r) => p.text(r),
        None => p.muted("meta.not_stated"),
    }
    p.raw("</dd></div>\n    <div><dt>");
    p.t("label.decides");
    p.raw("</dt><dd>");
    match v.facts.decides.as_deref() {
        Some(d) => p.text(d),
        None => p.muted("meta.not_stated"),
    }
    p.raw("</dd></div>\n    <div><dt>");
    p.t("label.oversight");
    p.raw("</dt><dd>");
    if v.facts.human_oversight {
        p.raw("<a href=\"#oversight-h\">");
        p.t("model.oversight_yes");
        p.raw("</a>");
    } else {
        p.muted("model.oversight_none");
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
    let gaps = &v.facts.gaps;
    if !gaps.is_empty() {
        p.raw("<div><dt>");
        p.t("label.gap");
        p.raw("</dt><dd>");
        if let [g] = gaps.as_slice() {
            gap(p, g);
        } else {
            p.raw("<ul class=\"nl-list\">");
            for g in gaps {
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

/// `{{ g.sentence }} <span class="gap-{{ g.class }}">{{ g.verdict }}</span>`.
fn gap(p: &mut Page, g: &GapLine) {
    p.text(&g.sentence);
    p.raw(" <span class=\"gap-");
    p.raw(g.class.as_str());
    p.raw("\">");
    p.text(&g.verdict);
    p.raw("</span>");
}
