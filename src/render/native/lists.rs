//! The big listings: `data_index.html` (with `chart.html`) and its `element_card` component,
//! and the compact tables of `purpose.html` and `category.html`.

use crate::site::views::{DataIndexView, ElementSummary, TaxonView};

use super::chart::chart;
use super::pager::pager;
use super::Page;

/// The content block of `data_index.html`.
/// The line linking the reader's downloads (as `data_index.html` writes it).
fn downloads(p: &mut Page) {
    p.raw("<p class=\"downloads\">");
    p.t("downloads.label");
    p.raw(" <a href=\"");
    p.href("inventory.csv");
    p.raw("\" download>");
    p.t("downloads.csv");
    p.raw("</a> · <a href=\"");
    p.href("data.json");
    p.raw("\" download>");
    p.t("downloads.json");
    p.raw("</a> · <a href=\"");
    p.href("notice/index.html");
    p.raw("\">");
    p.t("downloads.notice");
    p.raw("</a></p>");
}

pub(super) fn data_index(p: &mut Page, v: &DataIndexView) {
    p.raw("\n<header class=\"page-head\">\n  <h1>");
    p.t("data.title");
    p.raw("</h1>\n  <p class=\"lede\">");
    if v.overview {
        p.t_count("data.overview", v.element_count);
    } else {
        p.t_count("data.lede", v.element_count);
    }
    p.raw("</p>\n  ");
    if !v.others.is_empty() {
        p.raw("<p class=\"note\">");
        p.t("subjects.others_elsewhere");
        p.raw(" ");
        for (i, g) in v.others.iter().enumerate() {
            if i > 0 {
                p.t("meta.list_sep");
            }
            p.taxon(g);
        }
        p.raw("</p>");
    }
    p.raw("\n  ");
    downloads(p);
    p.raw("\n</header>\n");
    if !v.overview {
        filters(p, v);
    }
    for (i, s) in v.sections.iter().enumerate() {
        p.raw("\n<section class=\"group\" aria-labelledby=\"sec-");
        p.num(i + 1);
        p.raw("\">\n  <h2 id=\"sec-");
        p.num(i + 1);
        p.raw("\">");
        p.taxon(&s.category);
        p.raw(" <span class=\"count\">");
        p.num(s.count);
        p.raw("</span></h2>\n  ");
        if !s.category.description.is_empty() {
            p.raw("<p class=\"muted small\">");
            p.text(s.category.description);
            p.raw("</p>");
        }
        p.raw("\n  ");
        if !v.overview {
            p.raw("<div class=\"cards\">\n  ");
            for e in &s.elements {
                element_card(p, e);
                p.piece();
            }
            p.raw("\n  </div>");
        }
        p.raw("\n</section>\n");
    }
    if v.sections.is_empty() {
        p.raw("\n<p>");
        p.t("meta.nothing_yet");
        p.raw("</p>\n");
    }
    p.raw("\n<section aria-labelledby=\"chart-h\">\n  <h2 id=\"chart-h\">");
    p.t("data.chart_heading");
    p.raw("</h2>\n  ");
    chart(p, v.chart.as_ref());
    p.raw("\n</section>\n");
}

/// The data index's filters, for a list all on one page.
fn filters(p: &mut Page, v: &DataIndexView) {
    p.raw("<form class=\"filters\" id=\"filters\" role=\"search\" aria-label=\"");
    p.t("filter.heading");
    p.raw("\" hidden data-status=\"");
    p.t("filter.status");
    p.raw("\">\n  <div class=\"filter-field filter-text\"><label for=\"f-q\">");
    p.t("filter.text");
    p.raw("</label><input id=\"f-q\" name=\"q\" type=\"search\" placeholder=\"");
    p.t("filter.text_placeholder");
    p.raw("\" autocomplete=\"off\"></div>\n  <div class=\"filter-field\"><label for=\"f-c\">");
    p.t("filter.category");
    p.raw("</label><select id=\"f-c\" name=\"c\"><option value=\"\">");
    p.t("filter.any");
    p.raw("</option>");
    for x in &v.filters.categories {
        option(p, &x.value, &x.label);
    }
    p.raw("</select></div>\n  <div class=\"filter-field\"><label for=\"f-p\">");
    p.t("filter.purpose");
    p.raw("</label><select id=\"f-p\" name=\"p\"><option value=\"\">");
    p.t("filter.any");
    p.raw("</option>");
    for x in &v.filters.purposes {
        option(p, &x.value, &x.label);
    }
    p.raw("</select></div>\n  <div class=\"filter-field\"><label for=\"f-b\">");
    p.t("filter.basis");
    p.raw("</label><select id=\"f-b\" name=\"b\"><option value=\"\">");
    p.t("filter.any");
    p.raw("</option>");
    for x in &v.filters.bases {
        option(p, x.key, x.text);
    }
    p.raw("</select></div>\n  <div class=\"filter-field\"><label for=\"f-r\">");
    p.t("filter.sharing");
    p.raw("</label><select id=\"f-r\" name=\"r\"><option value=\"\">");
    p.t("filter.any");
    p.raw("</option><option value=\"*\">");
    p.t("filter.shared_any");
    p.raw("</option><option value=\"-\">");
    p.t("filter.shared_none");
    p.raw("</option>");
    for x in &v.filters.recipients {
        option(p, &x.value, &x.label);
    }
    p.raw("</select></div>\n  <div class=\"filter-actions\"><button type=\"reset\">");
    p.t("filter.reset");
    p.raw("</button></div>\n  <p class=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n<p class=\"filter-none\" hidden>");
    p.t("filter.none_match");
    p.raw("</p>\n");
}

fn option(p: &mut Page, value: &str, label: &str) {
    p.raw("<option value=\"");
    p.text(value);
    p.raw("\">");
    p.text(label);
    p.raw("</option>");
}

/// `{{ <element_card e={e} /> }}`.
fn element_card(p: &mut Page, e: &ElementSummary) {
    p.raw("\n<article class=\"card element-card\" data-c=\"");
    p.text(e.category.key);
    p.raw("\">\n  <h3><a href=\"");
    p.href(&e.href);
    p.raw("\">");
    p.text(e.name);
    p.raw("</a></h3>\n  <ul class=\"uses\">\n  ");
    for u in &e.uses {
        p.raw("\n    <li data-p=\"");
        p.text(u.purpose.key);
        p.raw("\" data-b=\"");
        if let Some(b) = &u.legal_basis {
            p.text(b.key);
        }
        p.raw("\" data-r=\"");
        p.text(&u.shared_keys.join(" "));
        p.raw("\"><span class=\"purpose\">");
        p.taxon(&u.purpose);
        p.raw("</span>\n      <span class=\"why\">");
        p.text(u.why);
        p.raw("</span>\n      ");
        if u.optional {
            p.raw("<span class=\"badge badge-optional\">");
            p.t("data.optional");
            p.raw("</span>");
        }
        p.raw("\n      ");
        if u.internal {
            p.raw("<span class=\"badge badge-internal\">");
            p.t("meta.internal_badge");
            p.raw("</span>");
        }
        p.raw("\n      ");
        let shared = !u.shared_with.is_empty();
        if u.legal_basis.is_some() || shared {
            p.raw("<span class=\"use-meta\">");
            if let Some(b) = &u.legal_basis {
                p.text(&b.text);
            }
            if u.legal_basis.is_some() && shared {
                p.raw(" · ");
            }
            if shared {
                p.t("element.shared_with");
                p.raw(": ");
                for (i, l) in u.shared_with.iter().enumerate() {
                    if i > 0 {
                        p.t("meta.list_sep");
                    }
                    p.raw("<a href=\"");
                    p.href(l.href.as_deref().unwrap_or(""));
                    p.raw("\">");
                    p.text(l.name);
                    p.raw("</a>");
                }
            }
            p.raw("</span>");
        }
        p.raw("</li>\n  ");
    }
    p.raw("\n  </ul>\n</article>\n");
}

/// The breadcrumbs and header of a purpose or category page and its more specific keys.
fn taxon_head(p: &mut Page, v: &TaxonView, index: &str, index_title: &str, purposes: bool) {
    p.raw("\n<nav class=\"breadcrumbs\" aria-label=\"");
    p.t("meta.breadcrumb");
    p.raw("\"><ol>\n  <li><a href=\"");
    p.href(index);
    p.raw("\">");
    p.t(index_title);
    p.raw("</a></li>\n  ");
    for a in &v.ancestors {
        p.raw("<li>");
        p.taxon(a);
        p.raw("</li>");
    }
    p.raw("\n</ol></nav>\n<header class=\"page-head\">\n  <h1>");
    p.text(v.taxon.name);
    p.raw("</h1>\n  <p class=\"tags\">");
    p.key(v.taxon.key);
    if !purposes && v.taxon.sensitive {
        p.raw(" <span class=\"badge badge-sensitive\">");
        p.t("taxa.sensitive_data");
        p.raw("</span>");
    }
    p.raw("</p>\n  ");
    if !v.taxon.description.is_empty() {
        p.raw("<p class=\"lede\">");
        p.text(v.taxon.description);
        p.raw("</p>");
    }
    p.raw("\n  <p>");
    p.text(&v.summary);
    p.raw("</p>\n</header>\n");
    if !v.children.is_empty() {
        p.raw("\n<section aria-labelledby=\"sub-h\">\n<h2 id=\"sub-h\">");
        p.t(if purposes {
            "taxa.more_specific_purposes"
        } else {
            "taxa.more_specific_categories"
        });
        p.raw("</h2>\n<ul class=\"tree\">\n");
        for c in &v.children {
            p.raw("<li>");
            p.taxon(&c.taxon);
            p.raw(" <span class=\"muted\">");
            p.text(&c.count_label);
            p.raw("</span></li>\n");
        }
        p.raw("</ul>\n</section>\n");
    }
    p.raw("\n");
}

/// The content block of `category.html`: the elements filed under exactly the category, one
/// short table row each (name and purposes; the element page says the rest).
pub(super) fn category(p: &mut Page, v: &TaxonView) {
    taxon_head(
        p,
        v,
        "categories/index.html",
        "taxa.categories_title",
        false,
    );
    if !v.elements.is_empty() {
        p.raw("\n<h2>");
        p.t_count("taxa.kinds", v.element_count);
        p.raw("</h2>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
        p.t_fill("taxa.data_in", "name", v.taxon.name);
        p.raw("\">\n<table class=\"stack\">\n<thead><tr><th scope=\"col\">");
        p.t("taxa.col_data");
        p.raw("</th><th scope=\"col\">");
        p.t("taxa.col_used_for");
        p.raw("</th></tr></thead>\n<tbody>\n");
        for e in &v.elements {
            p.raw("<tr><th scope=\"row\"><a href=\"");
            p.href(&e.href);
            p.raw("\">");
            p.text(e.name);
            p.raw("</a></th><td data-label=\"");
            p.t("taxa.col_used_for");
            p.raw("\">");
            for (i, u) in e.uses.iter().enumerate() {
                if i > 0 {
                    p.t("meta.list_sep");
                }
                p.taxon(&u.purpose);
                if u.internal {
                    p.raw(" ");
                    p.internal_badge();
                }
            }
            if e.uses.is_empty() {
                p.muted("meta.none");
            }
            p.raw("</td></tr>\n");
            p.piece();
        }
        p.raw("</tbody>\n</table>\n</div>");
        pager(p, v.pager.as_ref());
        p.raw("\n");
    }
    p.raw("\n");
}

/// The content block of `purpose.html`: the uses filed under exactly the purpose, one short
/// table row each (the element page says the rest).
pub(super) fn purpose(p: &mut Page, v: &TaxonView) {
    taxon_head(p, v, "purposes/index.html", "taxa.purposes_title", true);
    if !v.uses.is_empty() {
        uses_table(p, v);
    }
    p.raw("\n");
}

fn uses_table(p: &mut Page, v: &TaxonView) {
    p.raw("\n<h2>");
    p.t_count("taxa.kinds_used", v.element_count);
    p.raw("</h2>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
    p.t_fill("taxa.data_used_for", "name", v.taxon.name);
    p.raw("\">\n<table class=\"stack\">\n<thead><tr>");
    for key in [
        "taxa.col_data",
        "taxa.col_why",
        "taxa.col_basis",
        "taxa.col_choice",
        "taxa.col_how_long",
    ] {
        p.raw("<th scope=\"col\">");
        p.t(key);
        p.raw("</th>");
    }
    p.raw("</tr></thead>\n<tbody>\n");
    for u in &v.uses {
        p.raw("<tr");
        if u.internal {
            p.raw(" class=\"is-internal\"");
        }
        p.raw("><th scope=\"row\">");
        p.link(&u.element);
        if u.internal {
            p.raw(" ");
            p.internal_badge();
        }
        p.raw("</th><td data-label=\"");
        p.t("taxa.col_why");
        p.raw("\">");
        p.text(u.why);
        p.raw("</td><td data-label=\"");
        p.t("taxa.col_basis");
        p.raw("\">");
        p.text(
            u.legal_basis
                .as_deref()
                .filter(|b| !b.is_empty())
                .unwrap_or("–"),
        );
        p.raw("</td><td data-label=\"");
        p.t("taxa.col_choice");
        p.raw("\">");
        match u.choice.as_deref().filter(|c| !c.is_empty()) {
            Some(choice) => p.text(choice),
            None => p.muted("meta.not_stated"),
        }
        p.raw("</td><td data-label=\"");
        p.t("taxa.col_how_long");
        p.raw("\">");
        // The period as text: the element page links its policy.
        match &u.retention {
            Some(r) => p.text(r.summary),
            None => p.muted("meta.not_stated"),
        }
        p.raw("</td></tr>\n");
        p.piece();
    }
    p.raw("</tbody>\n</table>\n</div>");
    pager(p, v.pager.as_ref());
    p.raw("\n");
}
