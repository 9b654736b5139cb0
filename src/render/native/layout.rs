//! `base.html`: the head, header and navigation before a page's content, the footer after.

use super::{given, Page};

/// The main navigation: section, page and translation key (as `items` in `base.html`).
const NAV: [(&str, &str, &str); 6] = [
    ("data", "data/index.html", "nav.data"),
    ("purposes", "purposes/index.html", "nav.purposes"),
    ("retention", "retention/index.html", "nav.retention"),
    ("recipients", "recipients/index.html", "nav.recipients"),
    ("systems", "systems/index.html", "nav.systems"),
    ("models", "models/index.html", "nav.models"),
];

impl Page<'_> {
    /// Everything of `base.html` up to `{% block content %}`.
    pub(super) fn head(&mut self) {
        let g = self.g;
        let site = &g.site;
        self.raw("<!doctype html>\n<html lang=\"");
        self.text(site.lang);
        self.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if g.internal {
            self.raw("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        }
        self.raw("<title>");
        if self.section == "home" {
            self.text(site.title);
        } else {
            self.text(self.title);
            self.raw(" · ");
            self.text(site.title);
        }
        self.raw("</title>\n");
        if !site.description.is_empty() {
            self.raw("<meta name=\"description\" content=\"");
            self.text(site.description);
            self.raw("\">\n");
        }
        self.raw("<meta name=\"generator\" content=\"candor\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"stylesheet\" href=\"");
        self.href("assets/candor.css");
        self.raw("\">\n<link rel=\"stylesheet\" href=\"");
        self.href("assets/print.css");
        self.raw("\" media=\"print\">\n");
        if g.has_changes {
            self.raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
            self.t("changes.title");
            self.raw("\" href=\"");
            self.href("changes.xml");
            self.raw("\">\n");
        }
        if let Some(a) = &site.accent {
            self.raw("<style>:root { --brand: ");
            self.text(&a.brand);
            self.raw("; --accent: ");
            self.text(&a.light);
            self.raw("; --accent-text: ");
            self.text(&a.light_text);
            self.raw("; } @media screen and (prefers-color-scheme: dark) { :root { --accent: ");
            self.text(&a.dark);
            self.raw("; --accent-text: ");
            self.text(&a.dark_text);
            self.raw("; } }</style>\n");
        }
        self.raw("<script src=\"");
        self.href("assets/candor.js");
        self.raw("\" defer></script>\n</head>\n<body class=\"section-");
        self.text(self.section);
        self.raw("\">\n<a class=\"skip-link\" href=\"#main\">");
        self.t("meta.skip");
        self.raw("</a>\n");
        if g.internal {
            self.raw("<div class=\"internal-banner\" role=\"note\"><div class=\"wrap\"><strong>");
            self.t("meta.internal_banner");
            self.raw("</strong> ");
            self.t("meta.internal_banner_detail");
            self.raw("</div></div>\n");
        }
        self.raw("<header class=\"site-header\"><div class=\"wrap header-inner\">\n<a class=\"brand\" href=\"");
        self.href("index.html");
        self.raw("\">");
        if let Some(logo) = given(site.logo) {
            self.raw("<img src=\"");
            self.href(logo);
            self.raw("\" alt=\"\" class=\"logo\">");
        }
        self.raw("<span>");
        self.text(site.title);
        self.raw("</span></a>\n<form class=\"site-search\" role=\"search\" aria-label=\"");
        self.t("search.label");
        self.raw("\" action=\"");
        self.href("data/index.html");
        self.raw("\" method=\"get\" data-root=\"");
        self.href("");
        self.raw("\"><label for=\"site-q\" class=\"visually-hidden\">");
        self.t("search.label");
        self.raw("</label><input id=\"site-q\" name=\"q\" type=\"search\" placeholder=\"");
        self.t("search.placeholder");
        self.raw("\" autocomplete=\"off\"><button type=\"submit\">");
        self.t("search.button");
        self.raw("</button></form>\n<nav class=\"main-nav\" aria-label=\"");
        self.t("nav.label");
        self.raw("\"><ul>\n");
        for (section, path, key) in NAV {
            self.raw("<li><a href=\"");
            self.href(path);
            self.raw("\"");
            if self.path == path {
                self.raw(" aria-current=\"page\"");
            } else if self.section == section {
                self.raw(" class=\"active\"");
            }
            self.raw(">");
            self.t(key);
            self.raw("</a></li>\n");
        }
        if g.has_audit {
            self.raw("<li><a href=\"");
            self.href("audit/index.html");
            self.raw("\"");
            if self.section == "audit" {
                self.raw(" aria-current=\"page\"");
            }
            self.raw(">");
            self.t("nav.audit");
            self.raw("</a></li>\n");
        }
        for p in &g.nav_pages {
            self.raw("<li><a href=\"");
            self.href(&p.href);
            self.raw("\"");
            if self.path == p.href {
                self.raw(" aria-current=\"page\"");
            }
            self.raw(">");
            self.text(p.title);
            self.raw("</a></li>\n");
        }
        self.raw("</ul></nav>\n</div></header>\n<main id=\"main\" tabindex=\"-1\"><div class=\"wrap\">\n");
    }

    /// Everything of `base.html` after `{% endblock content %}`.
    pub(super) fn foot(&mut self) {
        let g = self.g;
        let site = &g.site;
        let contact = &site.contact;
        self.raw("\n</div></main>\n<footer class=\"site-footer\"><div class=\"wrap footer-grid\">\n<div><p class=\"footer-title\">");
        self.text(if site.organisation.is_empty() {
            site.title
        } else {
            site.organisation
        });
        self.raw("</p>");
        let any = [
            contact.email,
            contact.url,
            contact.address,
            contact.phone,
            contact.dpo,
        ]
        .into_iter()
        .any(|c| given(c).is_some());
        if any {
            self.raw("<ul class=\"plain contact\">");
            if let Some(dpo) = given(contact.dpo) {
                self.raw("<li>");
                self.t_fill("footer.dpo", "name", dpo);
                self.raw("</li>");
            }
            if let Some(email) = given(contact.email) {
                self.raw("<li><a href=\"mailto:");
                self.text(email);
                self.raw("\">");
                self.text(email);
                self.raw("</a></li>");
            }
            if let Some(phone) = given(contact.phone) {
                self.raw("<li>");
                self.text(phone);
                self.raw("</li>");
            }
            if let Some(url) = given(contact.url) {
                self.raw("<li><a class=\"url\" href=\"");
                self.text(url);
                self.raw("\">");
                self.text(url);
                self.raw("</a></li>");
            }
            if let Some(address) = given(contact.address) {
                self.raw("<li>");
                self.text(address);
                self.raw("</li>");
            }
            self.raw("</ul>");
        }
        self.raw("</div>\n<div><p class=\"footer-title\">");
        self.t("footer.this_site");
        self.raw("</p><ul class=\"plain\"><li><a href=\"");
        self.href("data.json");
        self.raw("\">");
        self.t("footer.data_json");
        self.raw("</a></li><li><a href=\"");
        self.href("categories/index.html");
        self.raw("\">");
        self.t("footer.categories");
        self.raw("</a></li>");
        if g.has_changes {
            self.raw("<li><a href=\"");
            self.href("changes/index.html");
            self.raw("\"");
            if self.section == "changes" {
                self.raw(" aria-current=\"page\"");
            }
            self.raw(">");
            self.t("changes.title");
            self.raw("</a> · <a href=\"");
            self.href("changes.xml");
            self.raw("\">");
            self.t("changes.feed");
            self.raw("</a></li>");
        }
        self.raw("</ul></div>\n<div class=\"colophon\"><p>");
        self.text(g.attribution);
        self.raw(" <a href=\"https://github.com/ethyca/fideslang\">fideslang</a> · <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></p>");
        if let Some(date) = self.last_updated {
            self.raw("<p class=\"last-updated\">");
            self.t("freshness.last_updated");
            self.raw(" <time>");
            self.text(date);
            self.raw("</time></p>");
        }
        self.raw("<p>");
        self.t("footer.made_with");
        if let Some(date) = &g.generated_on {
            self.raw(" ");
            self.t("footer.generated_on");
            self.raw(" <time datetime=\"");
            self.text(date);
            self.raw("\">");
            self.text(date);
            self.raw("</time>.");
        }
        self.raw("</p>");
        if let Some(base) = site.base_url.as_deref().filter(|b| !b.is_empty()) {
            self.raw("<p class=\"print-only\">");
            self.t("footer.printed_from");
            self.raw(" ");
            self.text(base);
            let pretty = self.path.replace("index.html", "");
            self.text(&pretty);
            self.raw("</p>");
        }
        self.raw("</div>\n</div></footer>\n</body>\n</html>\n");
    }
}
