//! `{{ <pager p={pager} /> }}` (macros.html): the links between the pages of a long list.

use crate::site::paging::Pager;

use super::Page;

/// `{% if pager %}{{ <pager p={pager} /> }}{% endif %}`.
pub(super) fn pager(p: &mut Page, pager: Option<&Pager>) {
    let Some(pg) = pager else {
        return;
    };
    p.raw("<nav class=\"pager\" aria-label=\"");
    p.t("pager.label");
    p.raw("\"><p class=\"pager-status\">");
    let count = pg.count.to_string();
    let status = crate::i18n::fill(p.lang.get("pager.status"), Some(pg.current as f64), |k| {
        (k == "count").then(|| count.clone())
    });
    p.interface(p.lang.get("pager.status"), &status);
    p.raw("</p><ul>");
    if let Some(prev) = &pg.prev {
        p.raw("<li><a href=\"");
        p.href(prev);
        p.raw("\" rel=\"prev\">");
        p.t("pager.prev");
        p.raw("</a></li>");
    }
    for i in &pg.pages {
        if i.gap_before {
            p.raw("<li class=\"pager-gap\" aria-hidden=\"true\">…</li>");
        }
        p.raw("<li><a href=\"");
        p.href(&i.link.href);
        p.raw("\"");
        if i.link.current {
            p.raw(" aria-current=\"page\"");
        }
        p.raw(" aria-label=\"");
        p.t_count("pager.page", i.link.number);
        p.raw("\">");
        p.num(i.link.number);
        p.raw("</a></li>");
    }
    if let Some(next) = &pg.next {
        p.raw("<li><a href=\"");
        p.href(next);
        p.raw("\" rel=\"next\">");
        p.t("pager.next");
        p.raw("</a></li>");
    }
    p.raw("</ul></nav>");
}
