//! `element.html` with `data_label.html`, `findings.html` and `finding.html`.

use crate::site::views::{ElementView, FindingView, Span};

use super::Page;

/// The content block of `element.html`.
pub(super) fn element(p: &mut Page, v: &ElementView) {
    p.raw("<header class=\"page-head\"><h1>");
    p.text(v.name);
    p.raw("</h1>");
    let about = v.about_others.as_deref().filter(|a| !a.is_empty());
    if p.g.internal || v.special || v.sensitive || about.is_some() {
        p.raw("<p class=\"tags\">");
        p.key(v.id);
        sensitivity(p, v.special, v.sensitive);
        if let Some(about) = about {
            p.raw(" <span class=\"badge badge-others\">");
            p.text(about);
            p.raw("</span>");
        }
        p.raw("</p>");
    }
    for c in &v.confirmed {
        p.raw("<p class=\"muted confirmed\">");
        p.text(c);
        p.raw("</p>");
    }
    p.raw("</header>\n<div class=\"labelled\">\n");
    data_label(p, v);
    p.raw("<div class=\"label-side\"><section aria-labelledby=\"uses-h\"><h2 id=\"uses-h\">");
    p.t("element.uses_heading");
    p.raw("</h2>\n<ol class=\"use-list\">\n");
    for u in &v.uses {
        p.raw("<li class=\"card use");
        if u.internal {
            p.raw(" is-internal");
        }
        p.raw("\"><p class=\"use-purpose\">");
        p.text(u.purpose.name);
        if u.optional {
            p.raw(" <span class=\"badge badge-optional\">");
            p.t("data.optional");
            p.raw("</span>");
        }
        if u.internal {
            p.raw(" ");
            p.internal_badge();
        }
        p.raw("</p><h3 class=\"why\">");
        p.text(u.why);
        p.raw("</h3><dl class=\"facts\">\n");
        if let Some(b) = &u.legal_basis {
            p.raw("<div><dt>");
            p.t("element.legal_basis");
            p.raw("</dt><dd>");
            p.text(&b.text);
            p.raw("</dd></div>\n");
        }
        if let Some(c) = &u.special_condition {
            p.raw("<div><dt>");
            p.t("element.art9");
            p.raw("</dt><dd>");
            p.text(c.text);
            p.raw(" <code class=\"key\">");
            p.text(c.key);
            p.raw("</code></dd></div>\n");
        }
        if let Some(r) = u.legal_reference.filter(|r| !r.is_empty()) {
            p.raw("<div><dt>");
            p.t("element.legal_reference");
            p.raw("</dt><dd>");
            p.text(r);
            p.raw("</dd></div>\n");
        }
        if let Some(choice) = u.choice.as_deref().filter(|c| !c.is_empty()) {
            p.raw("<div class=\"choice\"><dt>");
            p.t("element.can_say_no");
            p.raw("</dt><dd>");
            p.text(choice);
            p.raw("</dd></div>\n");
        }
        if let Some(o) = u.opt_out.as_ref().filter(|o| !o.text.is_empty()) {
            p.raw("<div><dt>");
            p.t("element.opt_out");
            p.raw("</dt><dd>");
            match o.href.filter(|h| !h.is_empty()) {
                Some(href) => {
                    p.raw("<a href=\"");
                    p.text(href);
                    p.raw("\" rel=\"noopener noreferrer\">");
                    p.text(o.text);
                    p.raw("</a>");
                }
                None => p.text(o.text),
            }
            p.raw("</dd></div>\n");
        }
        ask(p, &v.ask);
        p.raw("<div><dt>");
        p.t("element.how_long");
        p.raw("</dt><dd>");
        match &u.retention {
            Some(r) => p.text(r.summary),
            None => p.muted("label.no_policy"),
        }
        p.raw("</dd></div>\n");
        if !v.label.shared_with.is_empty() {
            p.raw("<div><dt>");
            p.t("element.shared_with");
            p.raw("</dt><dd>");
            if u.shared_with.is_empty() {
                p.muted("label.nobody");
            }
            for (i, l) in u.shared_with.iter().enumerate() {
                if i > 0 {
                    p.raw(", ");
                }
                p.text(l.name);
            }
            p.raw("</dd></div>\n");
        }
        if let Some(d) = u.last_reviewed.as_deref().filter(|d| !d.is_empty()) {
            p.raw("<div><dt>");
            p.t("element.last_reviewed");
            p.raw("</dt><dd><time>");
            p.text(d);
            p.raw("</time></dd></div>\n");
        }
        if p.g.internal {
            p.raw("<div><dt>");
            p.t("element.purpose_key");
            p.raw("</dt><dd>");
            p.key(u.purpose.key);
            p.raw("</dd></div>\n");
        }
        if let Some(notes) = u.notes.filter(|n| !n.is_empty()) {
            p.raw("<div class=\"internal-row\"><dt>");
            p.t("element.notes");
            p.raw(" ");
            p.internal_badge();
            p.raw("</dt><dd>");
            p.text(notes);
            p.raw("</dd></div>\n");
        }
        for x in &u.extra {
            p.raw("<div class=\"internal-row\"><dt><code>");
            p.text(x.key);
            p.raw("</code> ");
            p.internal_badge();
            p.raw("</dt><dd>");
            p.text(&x.value);
            p.raw("</dd></div>\n");
        }
        if let Some(origin) = u.origin.as_deref().filter(|o| !o.is_empty()) {
            p.raw("<div class=\"internal-row\"><dt>");
            p.t("element.row");
            p.raw(" ");
            p.internal_badge();
            p.raw("</dt><dd><code>");
            p.text(origin);
            p.raw("</code></dd></div>\n");
        }
        p.raw("</dl></li>\n");
    }
    p.raw("</ol>\n<p class=\"use-rights\"><a href=\"");
    p.href(v.ask.rights);
    p.raw("\">");
    p.t("choices.all_rights");
    p.raw("</a></p></section></div>\n</div>");
    if !v.findings.is_empty() {
        p.raw("\n");
        findings(p, &v.findings);
    }
}

/// The "How to ask" row of a use, when the site names a request form or an email address.
fn ask(p: &mut Page, a: &crate::site::views::Ask) {
    let form = a.form.filter(|f| !f.is_empty());
    let email = a.email.filter(|e| !e.is_empty());
    if form.is_none() && email.is_none() {
        return;
    }
    p.raw("<div><dt>");
    p.t("choices.how");
    p.raw("</dt><dd>");
    if let Some(form) = form {
        p.raw("<a href=\"");
        p.text(form);
        p.raw("\" rel=\"noopener noreferrer\">");
        p.t("choices.request_form");
        p.raw("</a>");
    }
    if form.is_some() && email.is_some() {
        p.raw(" · ");
    }
    if let Some(email) = email {
        p.raw("<a href=\"mailto:");
        p.text(email);
        p.raw("\">");
        p.text(email);
        p.raw("</a>");
    }
    p.raw("</dd></div>\n");
}

/// `data_label.html`.
fn data_label(p: &mut Page, v: &ElementView) {
    let label = &v.label;
    p.raw("<section class=\"nlabel\" aria-labelledby=\"label-h\"><h2 id=\"label-h\" class=\"nlabel-title\">");
    p.t("label.data_title");
    p.raw("</h2><p class=\"nlabel-name\">");
    p.text(v.name);
    p.raw("</p><dl>\n<div class=\"nl-first\"><dt>");
    p.t("label.what");
    p.raw("</dt><dd>");
    p.taxon(&v.category);
    sensitivity(p, v.special, v.sensitive);
    if p.g.internal {
        p.raw(" <span class=\"nl-key\">");
        p.text(v.category.key);
        p.raw("</span>");
    }
    p.raw("</dd></div>\n");
    if let Some(source) = &v.source {
        p.raw("<div><dt>");
        p.t("label.source");
        p.raw("</dt><dd>");
        p.text(source.text);
        p.raw("</dd></div>\n");
    }
    if !v.subjects.is_empty() {
        p.raw("<div><dt>");
        p.t("element.subjects");
        p.raw("</dt><dd>");
        for (i, s) in v.subjects.iter().enumerate() {
            if i > 0 {
                p.t("meta.list_sep");
            }
            p.taxon(s);
        }
        p.raw("</dd></div>\n");
    }
    p.raw("<div class=\"nl-group\"><dt>");
    p.t("label.why");
    p.raw("</dt><dd>");
    if label.purposes.is_empty() {
        p.muted("label.none_listed");
    } else {
        p.raw("<ul class=\"nl-list\">");
        for t in &label.purposes {
            p.raw("<li>");
            p.taxon(t);
            p.raw("</li>");
        }
        p.raw("</ul>");
    }
    p.raw("</dd></div>\n<div><dt>");
    p.t("label.choice");
    p.raw("</dt><dd");
    if label.any_optional {
        p.raw(" class=\"nl-ok\"");
    }
    p.raw(">");
    p.text(&label.choice);
    p.raw("</dd></div>\n<div><dt>");
    p.t("label.how_long");
    p.raw("</dt><dd>");
    if label.retention.is_empty() {
        p.muted("label.no_policy");
    } else {
        p.raw("<ul class=\"nl-list\">");
        for r in &label.retention {
            p.raw("<li><a href=\"");
            p.href(r.href);
            p.raw("\">");
            p.text(r.summary);
            p.raw("</a></li>");
        }
        if label.retention_missing {
            p.raw("<li class=\"muted\">");
            p.t("label.no_policy");
            p.raw("</li>");
        }
        p.raw("</ul>");
    }
    p.raw("</dd></div>\n<div><dt>");
    p.t("label.shared");
    p.raw("</dt><dd>");
    p.refs(&label.shared_with, Some("label.nobody"));
    p.raw("</dd></div>\n<div class=\"nl-group\"><dt>");
    p.t("label.models");
    p.raw("</dt><dd>");
    p.refs(&v.models, Some("label.no_models"));
    p.raw("</dd></div>\n");
    if !v.excluded_by.is_empty() {
        p.raw("<div><dt>");
        p.t("element.excluded_by");
        p.raw("</dt><dd>");
        p.refs(&v.excluded_by, None);
        p.raw("</dd></div>\n");
    }
    p.raw("<div><dt>");
    p.t("element.stored_in");
    p.raw("</dt><dd>");
    p.refs(&v.systems, Some("meta.not_recorded"));
    p.raw("</dd></div>\n");
    if let Some(owner) = v.owner.filter(|o| !o.is_empty()) {
        p.raw("<div class=\"internal-row\"><dt>");
        p.t("element.owner");
        p.raw(" ");
        p.internal_badge();
        p.raw("</dt><dd>");
        p.text(owner);
        p.raw("</dd></div>\n");
    }
    if let Some(origin) = v.origin.as_deref().filter(|o| !o.is_empty()) {
        p.raw("<div class=\"internal-row\"><dt>");
        p.t("element.defined_at");
        p.raw(" ");
        p.internal_badge();
        p.raw("</dt><dd><code>");
        p.text(origin);
        p.raw("</code></dd></div>\n");
    }
    p.raw("</dl></section>\n");
}

/// `findings.html`, on an element page (`show_subject` unset).
pub(super) fn findings(p: &mut Page, findings: &[FindingView]) {
    p.raw("<section class=\"internal-box audit-findings\" aria-labelledby=\"findings-h\">\n  <h2 id=\"findings-h\">");
    p.t("audit.findings");
    p.raw(" ");
    p.internal_badge();
    p.raw("</h2>\n  <ul class=\"plain findings\">\n  ");
    for f in findings {
        finding(p, f);
    }
    p.raw("\n  </ul>\n</section>\n");
}

/// `finding.html`.
fn finding(p: &mut Page, f: &FindingView) {
    p.raw("<li class=\"finding sev-");
    p.text(f.severity);
    if f.accepted.is_some() {
        p.raw(" is-accepted");
    }
    p.raw("\">\n  <p class=\"finding-head\"><span class=\"badge badge-");
    p.text(f.severity);
    p.raw("\">");
    if f.accepted.is_some() {
        p.t("audit.accepted_short");
        p.raw(": ");
    }
    p.t(&format!("severity.{}", f.severity));
    p.raw("</span>\n    <a class=\"rule\" href=\"");
    p.href("audit/index.html#rule-");
    p.text(f.rule);
    p.raw("\"><code>");
    p.text(f.rule);
    p.raw("</code></a>\n    ");
    spans(p, &f.message);
    p.raw("</p>\n  <p class=\"small\"><strong>");
    p.t("audit.fix");
    p.raw("</strong> ");
    spans(p, &f.hint);
    p.raw(" · <code>");
    p.text(&f.origin);
    p.raw("</code></p>\n  ");
    if let Some(a) = &f.accepted {
        p.raw("<p class=\"small accepted\"><strong>");
        p.t("audit.accepted");
        p.raw("</strong> ");
        p.text(a.reason);
        if let Some(expires) = a.expires.as_deref().filter(|e| !e.is_empty()) {
            p.raw(" (<time datetime=\"");
            p.text(expires);
            p.raw("\">");
            p.t_fill("audit.until", "date", expires);
            p.raw("</time>)");
        }
        p.raw(" · <code>");
        p.text(&a.origin);
        p.raw("</code></p>");
    }
    p.raw("\n</li>\n");
}

fn spans(p: &mut Page, spans: &[Span]) {
    for s in spans {
        if s.code {
            p.raw("<code>");
            p.text(s.text);
            p.raw("</code>");
        } else {
            p.text(s.text);
        }
    }
}

/// The badge of special-category or sensitive data (`{% if special %}…{% elif sensitive %}…`).
fn sensitivity(p: &mut Page, special: bool, sensitive: bool) {
    let key = match (special, sensitive) {
        (true, _) => "element.special",
        (false, true) => "element.sensitive",
        (false, false) => return,
    };
    p.raw(" <span class=\"badge badge-sensitive\">");
    p.t(key);
    p.raw("</span>");
}
