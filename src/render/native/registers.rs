//! `retention.html`, `recipients.html` and `systems.html`.

use crate::site::views::{RecipientsView, RetentionView, SystemsView, Words};

use super::chart::chart;
use super::pager::pager;
use super::{given, Page};

/// The content block of `retention.html`.
pub(super) fn retention(p: &mut Page, v: &RetentionView) {
    p.raw("\n<header class=\"page-head\">\n  <h1>");
    p.t("retention.title");
    p.raw("</h1>\n  <p class=\"lede\">");
    p.t("retention.lede");
    p.raw("</p>\n</header>\n");
    if v.chart.is_some() {
        chart(p, v.chart.as_ref());
    }
    p.raw("\n");
    for policy in &v.policies {
        p.raw("\n<section class=\"card policy\" id=\"");
        p.text(&policy.anchor);
        p.raw("\">\n  <h2>");
        p.text(policy.name);
        p.raw("</h2>\n  <p class=\"big");
        if policy.indefinite {
            p.raw(" warn");
        }
        p.raw("\">");
        p.text(&policy.summary);
        if let Some(d) = &policy.disposal {
            p.raw(", ");
            p.text(d.text);
        }
        p.raw(".</p>\n  ");
        if let Some(d) = given(policy.description) {
            p.raw("<p>");
            p.text(d);
            p.raw("</p>");
        }
        p.raw("\n  <dl class=\"facts\">\n    <div><dt>");
        p.t("retention.period");
        p.raw("</dt><dd>");
        p.text(&policy.period);
        if let Some(iso) = given(policy.iso) {
            p.raw(" <code class=\"key\">");
            p.text(iso);
            p.raw("</code>");
        }
        p.raw("</dd></div>\n    ");
        if let Some(trigger) = given(policy.trigger) {
            p.raw("<div><dt>");
            p.t("retention.starts");
            p.raw("</dt><dd>");
            p.text(trigger);
            p.raw("</dd></div>");
        }
        p.raw("\n    ");
        if let Some(d) = &policy.disposal {
            p.raw("<div><dt>");
            p.t("retention.end");
            p.raw("</dt><dd>");
            p.text(&super::chart::capitalize(d.key));
            p.raw("</dd></div>");
        }
        p.raw("\n    ");
        if let Some(reference) = given(policy.legal_reference) {
            p.raw("<div><dt>");
            p.t("retention.legal_reference");
            p.raw("</dt><dd>");
            p.text(reference);
            p.raw("</dd></div>");
        }
        p.raw("\n  </dl>\n  ");
        if policy.elements.is_empty() {
            p.raw("\n  <p class=\"muted\">");
            p.t("retention.nothing");
            p.raw("</p>\n  ");
        } else {
            p.raw("\n  <h3>");
            p.t("retention.kept");
            p.raw("</h3>\n  <ul class=\"plain pairs\">\n  ");
            for e in &policy.elements {
                p.raw("<li>");
                p.link(&e.element);
                p.raw(" <span class=\"muted small\">· ");
                for (i, u) in e.uses.iter().enumerate() {
                    if i > 0 {
                        p.raw(", ");
                    }
                    p.text(u.purpose.name);
                }
                p.raw("</span></li>");
                p.piece();
            }
            p.raw("\n  </ul>\n  ");
        }
        p.raw("\n</section>\n");
    }
    if v.policies.is_empty() {
        p.raw("\n<p>");
        p.t("retention.none");
        p.raw("</p>\n");
    }
    pager(p, v.pager.as_ref());
    p.raw("\n");
}

/// The content block of `recipients.html`.
pub(super) fn recipients(p: &mut Page, v: &RecipientsView) {
    let any = !v.recipients.is_empty();
    p.raw("\n<header class=\"page-head\">\n  <h1>");
    p.t("recipients.title");
    p.raw("</h1>\n  <p class=\"lede\">");
    p.t(if any {
        "recipients.lede"
    } else {
        "recipients.lede_none"
    });
    p.raw("</p>\n</header>\n");
    if any {
        chart(p, v.chart.as_ref());
    }
    p.raw("\n");
    for r in &v.recipients {
        p.raw("\n<section class=\"card recipient\" id=\"");
        p.text(&r.anchor);
        p.raw("\">\n  <h2>");
        p.text(r.name);
        p.raw("</h2>\n  ");
        if let Some(d) = given(r.description) {
            p.raw("<p>");
            p.text(d);
            p.raw("</p>");
        }
        p.raw("\n  <dl class=\"facts\">\n    ");
        if let Some(role) = &r.role {
            p.raw("<div><dt>");
            p.t("recipients.role");
            p.raw("</dt><dd>");
            p.text(role.text);
            p.raw(" <code class=\"key\">");
            p.text(role.key);
            p.raw("</code></dd></div>");
        }
        p.raw("\n    ");
        if let Some(country) = given(r.country) {
            p.raw("<div><dt>");
            p.t("recipients.country");
            p.raw("</dt><dd>");
            p.text(country);
            status(p, r.country_status);
            p.raw("</dd></div>");
        }
        p.raw("\n    ");
        if let Some(safeguards) = given(r.safeguards) {
            p.raw("<div><dt>");
            p.t("recipients.safeguards");
            p.raw("</dt><dd>");
            p.text(safeguards);
            p.raw("</dd></div>");
        }
        mechanism(
            p,
            "recipients.transfer_mechanism",
            r.transfer_mechanism.as_ref(),
        );
        if let Some(d) = r.tia_date.as_deref().filter(|d| !d.is_empty()) {
            p.raw("<div><dt>");
            p.t("recipients.tia_date");
            p.raw("</dt><dd><time datetime=\"");
            p.text(d);
            p.raw("\">");
            p.text(d);
            p.raw("</time></dd></div>");
        }
        p.raw("\n    ");
        if let Some(url) = given(r.dpa_url) {
            p.raw("<div><dt>");
            p.t("recipients.agreement");
            p.raw("</dt><dd><a href=\"");
            p.text(url);
            p.raw("\" rel=\"noopener noreferrer\">");
            p.t("recipients.dpa");
            p.raw("</a></dd></div>");
        }
        p.raw("\n  </dl>\n  <h3>");
        p.t_count("recipients.what", r.element_count);
        p.raw("</h3>\n  ");
        if r.elements.is_empty() {
            p.raw("\n  <p class=\"muted\">");
            p.t("recipients.nothing");
            p.raw("</p>\n  ");
        } else {
            p.raw("\n  <ul class=\"plain shared\">\n  ");
            for e in &r.elements {
                p.raw("<li><strong>");
                p.link(&e.element);
                p.raw("</strong>\n    <ul class=\"plain reasons\">");
                for u in &e.uses {
                    p.raw("<li>");
                    p.text(u.why);
                    p.raw(" <span class=\"muted small\">· ");
                    p.text(u.purpose.name);
                    p.raw("</span></li>");
                }
                p.raw("</ul></li>");
                p.piece();
            }
            p.raw("\n  </ul>\n  ");
        }
        p.raw("\n</section>\n");
    }
    pager(p, v.pager.as_ref());
    p.raw("\n");
}

/// The content block of `systems.html`.
pub(super) fn systems(p: &mut Page, v: &SystemsView) {
    p.raw("\n<header class=\"page-head\">\n  <h1>");
    p.t("systems.title");
    p.raw("</h1>\n  <p class=\"lede\">");
    p.t(if v.systems.is_empty() {
        "systems.lede_none"
    } else {
        "systems.lede"
    });
    p.raw("</p>\n</header>\n<div class=\"cards wide\">\n");
    for s in &v.systems {
        p.raw("\n<section class=\"card system\" id=\"");
        p.text(&s.anchor);
        p.raw("\">\n  <h2>");
        p.text(s.name);
        p.raw("</h2>\n  ");
        if let Some(d) = given(s.description) {
            p.raw("<p>");
            p.text(d);
            p.raw("</p>");
        }
        p.raw("\n  <dl class=\"facts\">\n    ");
        if let Some(location) = given(s.location) {
            p.raw("<div><dt>");
            p.t("systems.location");
            p.raw("</dt><dd>");
            p.text(location);
            p.raw("</dd></div>");
        }
        if let Some(country) = given(s.country) {
            p.raw("<div><dt>");
            p.t("systems.country");
            p.raw("</dt><dd>");
            p.text(country);
            status(p, s.country_status);
            p.raw("</dd></div>");
        }
        mechanism(
            p,
            "systems.transfer_mechanism",
            s.transfer_mechanism.as_ref(),
        );
        p.raw("\n    ");
        if let Some(owner) = given(s.owner) {
            p.raw("<div class=\"internal-row\"><dt>");
            p.t("systems.owner");
            p.raw(" ");
            p.internal_badge();
            p.raw("</dt><dd>");
            p.text(owner);
            p.raw("</dd></div>");
        }
        if let Some(security) = given(s.security) {
            p.raw("<div class=\"internal-row\"><dt>");
            p.t("systems.security");
            p.raw(" ");
            p.internal_badge();
            p.raw("</dt><dd>");
            p.text(security);
            p.raw("</dd></div>");
        }
        p.raw("\n  </dl>\n  <h3>");
        p.t("systems.held");
        p.raw("</h3>\n  ");
        if s.elements.is_empty() {
            p.raw("<p class=\"muted\">");
            p.t("systems.none");
            p.raw("</p>");
        } else {
            p.raw("<ul class=\"chips\">");
            for e in &s.elements {
                p.raw("<li>");
                p.link(e);
                p.raw("</li>");
                p.piece();
            }
            p.raw("</ul>");
        }
        p.raw("\n</section>\n");
    }
    p.raw("\n</div>");
    pager(p, v.pager.as_ref());
    p.raw("\n");
}

/// ` <span class="muted">(outside the EEA)</span>` after a country, when it is recognised.
fn status(p: &mut Page, status: Option<&str>) {
    if let Some(st) = given(status) {
        p.raw(" <span class=\"muted\">(");
        p.text(st);
        p.raw(")</span>");
    }
}

/// The transfer-mechanism row of a recipient or system, under the label `label`.
fn mechanism(p: &mut Page, label: &str, m: Option<&Words>) {
    if let Some(m) = m {
        p.raw("<div><dt>");
        p.t(label);
        p.raw("</dt><dd>");
        p.text(m.text);
        p.raw(" <code class=\"key\">");
        p.text(m.key);
        p.raw("</code></dd></div>");
    }
}
