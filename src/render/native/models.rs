//! `model.html` with `model_label.html` (and `chart.html`, `findings.html`), and the models
//! index `models.html`.

use crate::site::views::{KeyValue, Link, ModelView, ModelsView};

use super::chart::chart;
use super::pages::findings;
use super::{given, Page};

/// The content block of `model.html`.
pub(super) fn model(p: &mut Page, v: &ModelView) {
    p.raw("\n<nav class=\"breadcrumbs\" aria-label=\"");
    p.t("meta.breadcrumb");
    p.raw("\"><ol><li><a href=\"");
    p.href("models/index.html");
    p.raw("\">");
    p.t("models.title");
    p.raw("</a></li></ol></nav>\n<header class=\"page-head\">\n  <h1>");
    p.text(v.name);
    p.raw("</h1>\n  <p class=\"tags\">");
    status_and_version(p, v.status, v.version);
    p.raw("</p>\n  ");
    if let Some(s) = given(v.summary) {
        p.raw("<p class=\"lede\">");
        p.text(s);
        p.raw("</p>");
    }
    p.raw("\n</header>\n\n<div class=\"labelled\">\n");
    super::model_label::model_label(p, v);
    p.raw("\n<div class=\"label-side\">\n");
    facts(p, v);
    p.raw("\n\n<div class=\"card-sections\">\n<section aria-labelledby=\"use-h\">\n  <h2 id=\"use-h\">");
    p.t("model.for_heading");
    p.raw("</h2>\n  ");
    match given(v.intended_use) {
        Some(u) => {
            p.raw("<p>");
            p.text(u);
            p.raw("</p>");
        }
        None => {
            p.raw("<p class=\"muted\">");
            p.t("meta.not_stated");
            p.raw("</p>");
        }
    }
    p.raw("\n  ");
    if !v.out_of_scope_uses.is_empty() {
        p.raw("\n  <h3>");
        p.t("model.not_for");
        p.raw("</h3>\n  <ul>");
        for u in v.out_of_scope_uses {
            p.raw("<li>");
            p.text(u);
            p.raw("</li>");
        }
        p.raw("</ul>\n  ");
    }
    p.raw("\n</section>\n\n<section aria-labelledby=\"inputs-h\">\n  <h2 id=\"inputs-h\">");
    p.t("model.data_heading");
    p.raw("</h2>\n  ");
    if v.inputs.is_empty() {
        p.raw("<p class=\"muted\">");
        p.t("model.no_inputs");
        p.raw("</p>");
    } else {
        p.raw("<ul class=\"chips\">");
        for i in &v.inputs {
            p.raw("<li>");
            p.link(i);
            p.raw("</li>");
        }
        p.raw("</ul>");
    }
    p.raw("\n  ");
    if !v.excluded_inputs.is_empty() {
        p.raw("\n  <h3>");
        p.t("model.excluded");
        p.raw("</h3>\n  <ul class=\"chips excluded\">");
        for i in &v.excluded_inputs {
            p.raw("<li>");
            p.link(i);
            p.raw("</li>");
        }
        p.raw("</ul>\n  ");
    }
    p.raw("\n  ");
    if !v.facts.excluded_but_used.is_empty() {
        p.raw("<p class=\"contradiction\">");
        p.t("model.excluded_but_used");
        p.raw(" ");
        p.refs(&v.facts.excluded_but_used, None);
        p.raw("</p>");
    }
    p.raw("\n  ");
    if let Some(d) = &v.training_data {
        dataset(p, "model.training", d.description, &d.elements);
    }
    p.raw("\n  ");
    if let Some(d) = &v.evaluation_data {
        dataset(p, "model.evaluation", d.description, &d.elements);
    }
    p.raw("\n</section>\n\n");
    if !v.metrics.is_empty() {
        metrics(p, v);
    }
    p.raw("\n\n");
    if !v.limitations.is_empty() {
        p.raw("\n<section aria-labelledby=\"limits-h\">\n  <h2 id=\"limits-h\">");
        p.t("model.limitations");
        p.raw("</h2>\n  <ul>");
        for l in v.limitations {
            p.raw("<li>");
            p.text(l);
            p.raw("</li>");
        }
        p.raw("</ul>\n</section>\n");
    }
    p.raw("\n\n");
    if !v.ethical_considerations.is_empty() {
        risks(p, v);
    }
    p.raw("\n\n");
    if let Some(h) = given(v.human_oversight) {
        p.raw("\n<section aria-labelledby=\"oversight-h\">\n  <h2 id=\"oversight-h\">");
        p.t("model.oversight");
        p.raw("</h2>\n  <p>");
        p.text(h);
        p.raw("</p>\n</section>\n");
    }
    p.raw("\n\n");
    if !v.body.is_empty() {
        p.raw("\n<section class=\"prose\" aria-labelledby=\"more-h\">\n  <h2 id=\"more-h\">");
        p.t("model.more");
        p.raw("</h2>\n  ");
        p.markdown(v.body, 2);
        p.raw("\n</section>\n");
    }
    p.raw("\n\n");
    kv_table(p, &v.internal_fields, "model.internal_fields");
    p.raw("\n");
    kv_table(p, &v.extra_fields, "model.other_fields");
    p.raw("\n</div>\n</div>\n</div>\n");
    if !v.findings.is_empty() {
        findings(p, &v.findings);
    }
    p.raw("\n");
}

/// The metrics section: a table of every metric, then the chart of them.
fn metrics(p: &mut Page, v: &ModelView) {
    let datasets = v
        .metrics
        .first()
        .is_some_and(|m| given(m.dataset).is_some());
    p.raw("\n<section aria-labelledby=\"metrics-h\">\n  <h2 id=\"metrics-h\">");
    p.t("model.metrics_heading");
    p.raw("</h2>\n  <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
    p.t("model.metrics");
    p.raw("\">\n  <table class=\"numbers stack\">\n    <thead><tr><th scope=\"col\">");
    p.t("model.col_measure");
    p.raw("</th><th scope=\"col\">");
    p.t("model.col_group");
    p.raw("</th><th scope=\"col\" class=\"num\">");
    p.t("model.col_result");
    p.raw("</th><th scope=\"col\" class=\"num\">");
    p.t("model.col_ci");
    p.raw("</th>");
    if datasets {
        p.raw("<th scope=\"col\">");
        p.t("model.col_dataset");
        p.raw("</th>");
    }
    p.raw("</tr></thead>\n    <tbody>\n    ");
    for m in &v.metrics {
        p.raw("<tr><th scope=\"row\"><code class=\"key\">");
        p.text(m.name);
        p.raw("</code></th><td data-label=\"");
        p.t("model.col_group");
        p.raw("\">");
        if m.slice == "all" {
            p.t("model.all_groups");
        } else {
            p.text(m.slice);
        }
        p.raw("</td><td class=\"num\" data-label=\"");
        p.t("model.col_result");
        p.raw("\">");
        p.float(m.value);
        p.raw("</td><td class=\"num\" data-label=\"");
        p.t("model.col_ci");
        p.raw("\">");
        match m.ci {
            Some([low, high]) => {
                p.float(low);
                p.raw("–");
                p.float(high);
            }
            None => p.raw("<span class=\"muted\">–</span>"),
        }
        p.raw("</td>");
        if datasets {
            p.raw("<td data-label=\"");
            p.t("model.col_dataset");
            p.raw("\">");
            p.text(given(m.dataset).unwrap_or(""));
            p.raw("</td>");
        }
        p.raw("</tr>\n    ");
    }
    p.raw("\n    </tbody>\n  </table>\n  </div>\n  ");
    chart(p, v.chart.as_ref());
    p.raw("\n</section>\n");
}

/// The ethical considerations: each risk with its mitigation, or a dash.
fn risks(p: &mut Page, v: &ModelView) {
    p.raw("\n<section aria-labelledby=\"ethics-h\">\n  <h2 id=\"ethics-h\">");
    p.t("model.risks");
    p.raw("</h2>\n  <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
    p.t("model.risks_table");
    p.raw("\">\n  <table class=\"stack\">\n    <thead><tr><th scope=\"col\">");
    p.t("model.col_risk");
    p.raw("</th><th scope=\"col\">");
    p.t("model.col_mitigation");
    p.raw("</th></tr></thead>\n    <tbody>");
    for e in &v.ethical_considerations {
        p.raw("<tr><td data-label=\"");
        p.t("model.col_risk");
        p.raw("\">");
        p.text(e.risk);
        p.raw("</td><td data-label=\"");
        p.t("model.col_mitigation");
        p.raw("\">");
        p.text(given(e.mitigation).unwrap_or("–"));
        p.raw("</td></tr>");
    }
    p.raw("</tbody>\n  </table>\n  </div>\n</section>\n");
}

/// `{% if status %}…{% endif %}{% if version %} …{% endif %}` of a model's tags.
fn status_and_version(p: &mut Page, status: Option<&str>, version: Option<&str>) {
    if let Some(s) = given(status) {
        p.raw("<span class=\"badge badge-status\">");
        p.text(s);
        p.raw("</span>");
    }
    if let Some(version) = given(version) {
        p.raw(" <span class=\"muted\">");
        p.t_fill("models.version", "v", version);
        p.raw("</span>");
    }
}

/// The card's summary facts (type, owners, licence, origin), when it has any.
fn facts(p: &mut Page, v: &ModelView) {
    let origin = given(v.origin.as_deref());
    if given(v.model_type).is_none()
        && v.owners.is_empty()
        && given(v.license).is_none()
        && origin.is_none()
    {
        return;
    }
    p.raw("\n<dl class=\"facts summary\">\n  ");
    if let Some(t) = given(v.model_type) {
        p.raw("<div><dt>");
        p.t("model.type");
        p.raw("</dt><dd>");
        p.text(t);
        p.raw("</dd></div>");
    }
    p.raw("\n  ");
    if !v.owners.is_empty() {
        p.raw("<div><dt>");
        p.t("model.responsible");
        p.raw("</dt><dd>");
        p.join(v.owners.iter().map(String::as_str));
        p.raw("</dd></div>");
    }
    p.raw("\n  ");
    if let Some(l) = given(v.license) {
        p.raw("<div><dt>");
        p.t("model.licence");
        p.raw("</dt><dd>");
        p.text(l);
        p.raw("</dd></div>");
    }
    p.raw("\n  ");
    if let Some(o) = origin {
        p.raw("<div class=\"internal-row\"><dt>");
        p.t("model.card");
        p.raw(" ");
        p.internal_badge();
        p.raw("</dt><dd><code>");
        p.text(o);
        p.raw("</code></dd></div>");
    }
    p.raw("\n</dl>\n");
}

/// The training or evaluation data block, under `heading` (a translation key).
fn dataset(p: &mut Page, heading: &str, description: Option<&str>, elements: &[Link]) {
    p.raw("\n  <h3>");
    p.t(heading);
    p.raw("</h3>\n  ");
    if let Some(text) = given(description) {
        p.raw("<p>");
        p.text(text);
        p.raw("</p>");
    }
    p.raw("\n  ");
    if !elements.is_empty() {
        p.raw("<p>");
        p.t("model.includes");
        p.raw(" ");
        p.refs(elements, None);
        p.raw("</p>");
    }
    p.raw("\n  ");
}

/// `{{ <kv_table rows={rows} caption={t.<caption>} /> }}`.
fn kv_table(p: &mut Page, rows: &[KeyValue], caption: &str) {
    if rows.is_empty() {
        return;
    }
    p.raw("<div class=\"internal-box\"><h3>");
    p.t(caption);
    p.raw(" ");
    p.internal_badge();
    p.raw("</h3><dl class=\"facts\">");
    for r in rows {
        p.raw("<div><dt><code>");
        p.text(r.key);
        p.raw("</code></dt><dd>");
        p.text(&r.value);
        p.raw("</dd></div>");
    }
    p.raw("</dl></div>");
}

/// The content block of `models.html`.
pub(super) fn models(p: &mut Page, v: &ModelsView) {
    p.raw("\n<header class=\"page-head\">\n  <h1>");
    p.t("models.title");
    p.raw("</h1>\n  <p class=\"lede\">");
    p.t(if v.models.is_empty() {
        "models.lede_none"
    } else {
        "models.lede"
    });
    p.raw("</p>\n</header>\n<div class=\"cards wide\">\n");
    for m in &v.models {
        p.raw("\n<article class=\"card model-card\">\n  <h2><a href=\"");
        p.href(&m.href);
        p.raw("\">");
        p.text(m.name);
        p.raw("</a></h2>\n  <p class=\"tags\">");
        status_and_version(p, m.status, m.version);
        p.raw("</p>\n  ");
        if let Some(s) = given(m.summary) {
            p.raw("<p>");
            p.text(s);
            p.raw("</p>");
        }
        p.raw("\n  <p class=\"small muted\">");
        p.t_count("models.inputs", m.input_count);
        if let Some(d) = given(m.last_reviewed.as_deref()) {
            p.raw(" · ");
            p.t("models.last_reviewed");
            p.raw(" <time datetime=\"");
            p.text(d);
            p.raw("\">");
            p.text(d);
            p.raw("</time>");
        }
        p.raw("</p>\n</article>\n");
        p.piece();
    }
    p.raw("\n</div>");
    super::pager::pager(p, v.pager.as_ref());
    p.raw("\n");
}
