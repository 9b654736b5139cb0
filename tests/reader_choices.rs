//! The reader's side (issue 16): choices on every use, the generated "Your rights" page,
//! plain names instead of taxonomy keys, and data subjects as a way in. Pages are read with
//! an HTML parser and their visible text asserted, not just their existence.

mod common;

use std::collections::BTreeSet;

use candor::config::Audience;
use common::render::{render, Rendered};
use scraper::{Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// The visible text of an element, whitespace collapsed (text nodes joined by a space, none
/// before a colon).
fn text_of(el: scraper::ElementRef) -> String {
    let joined = el.text().collect::<Vec<_>>().join(" ");
    joined
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" :", ":")
}

/// The visible text of a page: everything but `<script>`, `<style>` and attribute values.
fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        if let Some(t) = node.value().as_text() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style"))
            });
            if !hidden {
                out.push_str(t);
                out.push(' ');
            }
        }
    }
    out
}

/// The use cards of an element page, as (purpose, visible text).
fn uses(page: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(page);
    doc.select(&sel("ol.use-list > li.use"))
        .map(|li| {
            let purpose = li
                .select(&sel(".use-purpose"))
                .next()
                .map(text_of)
                .unwrap_or_default();
            (purpose, text_of(li))
        })
        .collect()
}

fn use_card<'a>(cards: &'a [(String, String)], purpose: &str) -> &'a str {
    cards
        .iter()
        .find(|(p, _)| p.starts_with(purpose))
        .map(|(_, t)| t.as_str())
        .unwrap_or_else(|| panic!("no use {purpose:?} in {cards:#?}"))
}

fn demo() -> Rendered {
    render(common::demo(), Audience::Public)
}

#[test]
fn every_use_says_what_the_reader_can_do_and_how_to_ask() {
    let out = demo();
    let page = &out["data/email_address/index.html"];
    let cards = uses(page);
    assert_eq!(cards.len(), 3);
    // Contract: why not, and what follows.
    let service = use_card(&cards, "Service messages by email");
    assert!(
        service.contains("Can you say no? No: we need it to provide what you asked for"),
        "{service}"
    );
    // Consent: withdraw at any time, and the row's opt_out.
    let marketing = use_card(&cards, "Marketing emails");
    assert!(
        marketing.contains("You can withdraw your consent at any time"),
        "{marketing}"
    );
    assert!(
        marketing.contains("How to say no Use the unsubscribe link in any newsletter"),
        "{marketing}"
    );
    // Every use: the request form and the email address; the rights page once, after them.
    let doc = Html::parse_document(page);
    let asks: Vec<Vec<(String, String)>> = doc
        .select(&sel("ol.use-list > li.use"))
        .map(|li| {
            li.select(&sel("dd a"))
                .filter_map(|a| Some((a.value().attr("href")?.to_string(), text_of(a))))
                .filter(|(h, _)| !h.contains("retention/") && !h.contains("recipients/"))
                .collect()
        })
        .collect();
    for ask in &asks {
        assert!(
            ask.contains(&(
                "https://www.loomwell.example/account/privacy-request".into(),
                "Request form".into()
            )),
            "{ask:?}"
        );
        assert!(ask.contains(&(
            "mailto:privacy@loomwell.example".into(),
            "privacy@loomwell.example".into()
        )));
    }
    let rights: Vec<(String, String)> = doc
        .select(&sel("section a"))
        .filter(|a| text_of(*a) == "All your rights")
        .filter_map(|a| Some((a.value().attr("href")?.to_string(), text_of(a))))
        .collect();
    assert_eq!(
        rights,
        [("../../rights/index.html".into(), "All your rights".into())],
        "one link to the rights page"
    );
    // Legitimate interests for direct marketing: the absolute right to object.
    let clicks = uses(&out["data/newsletter_clicks/index.html"]);
    let li = use_card(&clicks, "Marketing messages");
    assert!(
        li.contains("You can object at any time") && li.contains("Art. 21(2)"),
        "{li}"
    );
    // Legitimate interests otherwise: object, with the balancing test.
    let ip = uses(&out["data/ip_address/index.html"]);
    let security = use_card(&ip, "Keeping the service secure");
    assert!(
        security.contains("You can object. We then stop, unless")
            && security.contains("Art. 21(1)"),
        "{security}"
    );
    // Legal obligation: why not.
    let billing = uses(&out["data/billing_address/index.html"]);
    assert!(use_card(&billing, "Accounting").contains("No: the law requires it"));
    // An opt_out that is a web address is a link; words stay words.
    let orders = Html::parse_document(&out["data/order_history/index.html"]);
    assert!(orders
        .select(&sel("dd a[href='https://www.loomwell.example/account/privacy-request'][rel='noopener noreferrer']"))
        .next()
        .is_some());
}

#[test]
fn staff_and_applicant_data_is_worded_for_them_and_has_its_own_page() {
    let out = demo();
    let cv = &out["data/cv/index.html"];
    let text = visible_text(cv);
    assert!(text.contains("Data about job applicants"), "badge");
    assert!(text.contains("Needed for our contract with job applicants"));
    assert!(text.contains("No: it is needed for our contract with job applicants"));
    assert!(
        !text.contains("contract with you"),
        "never 'your contract' for applicants"
    );
    let hiring = visible_text(&out["purposes/employment.recruitment/index.html"]);
    assert!(
        hiring.contains("Needed for our contract with job applicants"),
        "purpose pages too"
    );
    assert!(
        hiring.contains("Job applicants can object"),
        "the choice on the purpose page"
    );
    assert!(!hiring.contains("with you"), "{hiring}");
    // The subject page lists what is held about them, and says whose data it is.
    let page = Html::parse_document(&out["subjects/job_applicant/index.html"]);
    let h1 = page.select(&sel("h1")).next().map(text_of);
    assert_eq!(h1.as_deref(), Some("Job applicants"));
    let names: BTreeSet<String> = page.select(&sel(".element-card h3")).map(text_of).collect();
    assert!(
        names.contains("CV and cover letter") && names.contains("Interview notes"),
        "{names:?}"
    );
    let note = page
        .select(&sel(".page-head .note"))
        .next()
        .map(text_of)
        .unwrap_or_default();
    assert!(
        note.starts_with("This is data about job applicants"),
        "{note}"
    );
    let index = visible_text(&out["subjects/index.html"]);
    assert!(
        index.find("Customers").unwrap() < index.find("Job applicants").unwrap(),
        "own groups first"
    );
    // The data index speaks to customers: applicants' data is on their page, linked.
    let data = Html::parse_document(&out["data/index.html"]);
    let cards: BTreeSet<String> = data.select(&sel(".element-card h3")).map(text_of).collect();
    assert!(
        !cards.contains("CV and cover letter"),
        "applicant data left out of the index"
    );
    assert!(cards.contains("Email address"));
    assert!(data
        .select(&sel(
            ".page-head .note a[href='../subjects/job_applicant/index.html']"
        ))
        .next()
        .is_some());
    // The data label links each group to its page.
    let label = Html::parse_document(&out["data/email_address/index.html"]);
    assert!(label
        .select(&sel(".nlabel a[href='../../subjects/customer/index.html']"))
        .next()
        .is_some());
}

#[test]
fn the_rights_page_lists_each_right_with_the_uses_it_covers_and_how_to_ask() {
    let out = demo();
    assert!(
        !out.contains_key("pages/your-rights/index.html"),
        "the extending page is not written twice"
    );
    for listing in ["search-index.json", "data.json", "sitemap.xml"] {
        assert!(
            !out[listing].contains("your-rights"),
            "{listing} links no page that is not written"
        );
    }
    let html = &out["rights/index.html"];
    let doc = Html::parse_document(html);
    let ids: Vec<String> = doc
        .select(&sel("li.right"))
        .filter_map(|li| li.value().attr("id").map(str::to_string))
        .collect();
    assert_eq!(
        ids,
        [
            "right-access",
            "right-rectification",
            "right-erasure",
            "right-restriction",
            "right-portability",
            "right-object",
            "right-automated"
        ]
    );
    let right = |id: &str| {
        doc.select(&sel(&format!("li#right-{id}")))
            .next()
            .map(text_of)
            .unwrap_or_default()
    };
    assert!(
        right("access").contains("Every use of data on this site (76 uses)"),
        "{}",
        right("access")
    );
    // Erasure: not for what the law requires us to keep.
    let erasure = right("erasure");
    assert!(
        erasure.contains("Not to 8 uses the law requires")
            && erasure.contains("Invoices and receipts: Accounting"),
        "{erasure}"
    );
    // Portability: consent and contract only.
    let portability = right("portability");
    assert!(
        portability.contains("Email address: Marketing emails"),
        "{portability}"
    );
    assert!(
        !portability.contains("IP address"),
        "legitimate interests are not portable"
    );
    // Objection: legitimate interests, direct marketing marked absolute.
    let object = right("object");
    assert!(
        object.contains("IP address: Keeping the service secure"),
        "{object}"
    );
    assert!(
        object.contains("Interactions with our newsletter: Marketing messages we always stop")
            || object.contains("Marketing messages we always stop"),
        "{object}"
    );
    assert!(
        !object.contains("Email address: Marketing emails"),
        "consent is withdrawn, not objected to"
    );
    // Automated decisions: the model that decides without a person.
    let automated = Html::parse_document(html);
    let models: Vec<String> = automated
        .select(&sel("li#right-automated a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(models, ["../models/style-recommender/index.html"]);
    // How to ask, and the free page's own text on top.
    let how = doc
        .select(&sel(".rights-how"))
        .next()
        .map(text_of)
        .unwrap_or_default();
    assert!(
        how.contains("Use our request form") && how.contains("Email: privacy@loomwell.example"),
        "{how}"
    );
    assert!(
        visible_text(html).contains("Account → Close account"),
        "the extending page's text"
    );
    // The menu's "Your rights" goes here, from every page.
    for page in ["index.html", "data/email_address/index.html"] {
        let d = Html::parse_document(&out[page]);
        let link = d
            .select(&sel("nav.main-nav a"))
            .find(|a| text_of(*a) == "Your rights")
            .and_then(|a| a.value().attr("href").map(str::to_string));
        assert!(
            link.is_some_and(|h| h.ends_with("rights/index.html")),
            "{page}"
        );
    }
}

#[test]
fn a_free_rights_page_without_extend_replaces_the_generated_one() {
    let out = render(&common::fixture("site"), Audience::Public);
    assert!(!out.contains_key("rights/index.html"));
    let element = Html::parse_document(&out["data/email_address/index.html"]);
    let all: Vec<&str> = element
        .select(&sel(".use-rights a"))
        .filter(|a| text_of(*a) == "All your rights")
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        !all.is_empty()
            && all
                .iter()
                .all(|h| *h == "../../pages/your-rights/index.html"),
        "{all:?}"
    );
    // Without [rights], the contact email is where to ask.
    assert!(element
        .select(&sel("ol.use-list a[href='mailto:privacy@fixture.example']"))
        .next()
        .is_some());
}

/// Every key of the taxonomy that contains a dot (`essential.service`).
fn dotted_keys() -> BTreeSet<String> {
    let tax = candor::taxonomy::Taxonomy::fideslang();
    [&tax.categories, &tax.uses, &tax.subjects]
        .iter()
        .flat_map(|t| t.taxa.iter().map(|x| x.key.clone()))
        .filter(|k| k.contains('.'))
        .collect()
}

/// The raw taxonomy keys in the visible text of every page (web addresses aside).
fn raw_keys(out: &Rendered) -> Vec<(String, String)> {
    let keys = dotted_keys();
    let mut found = Vec::new();
    for (path, html) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        let text = visible_text(html);
        for word in text.split(|c: char| c.is_whitespace() || ",;:()\"'".contains(c)) {
            if word.starts_with("http") {
                continue;
            }
            let word = word.trim_end_matches(['.', '!', '?']);
            if keys.contains(word) {
                found.push((path.clone(), word.to_string()));
            }
        }
    }
    found
}

#[test]
fn no_public_page_shows_a_raw_taxonomy_key() {
    for root in [
        common::demo().to_path_buf(),
        common::fixture("site"),
        common::fixture("substance"),
    ] {
        let public = render(&root, Audience::Public);
        let found = raw_keys(&public);
        assert!(
            found.is_empty(),
            "{}: {:?}",
            root.display(),
            &found[..found.len().min(10)]
        );
        // The check can fail: internal builds show keys.
        assert!(!raw_keys(&render(&root, Audience::Internal)).is_empty());
    }
}

#[test]
fn names_are_plain_and_names_in_candor_toml_win() {
    let out = demo();
    let text = visible_text(&out["data/phone_number/index.html"]);
    assert!(
        text.contains("Service messages by text"),
        "built-in plain name"
    );
    assert!(!text.contains("Essential SMS Service Notifications"));
    let site = common::copy_site("site");
    common::edit(
        site.path(),
        "candor.toml",
        "[review]",
        "[names]\n\"essential.service.notifications.email\" = \"Order and delivery messages\"\n\"employee\" = \"Our team\"\n\n[review]",
    );
    common::edit(
        site.path(),
        "candor.toml",
        "language = \"en\"",
        "language = \"de\"",
    );
    let out = render(site.path(), Audience::Public);
    let text = visible_text(&out["data/email_address/index.html"]);
    assert!(text.contains("Order and delivery messages"), "[names] wins");
    assert!(text.contains("Werbe-E-Mails"), "German built-in name");
    assert!(
        text.contains("Sie können Ihre Einwilligung jederzeit widerrufen"),
        "German choice"
    );
    assert!(!text.contains("Marketing Email Communications"));
}

#[test]
fn the_home_page_counts_the_readers_own_data() {
    use candor::site::views::{build, Ctx, View};
    let catalog = candor::load_catalog(common::demo()).expect("demo loads");
    let count = |audience| {
        let site = candor::site::plan(&catalog, audience);
        let home = site
            .pages
            .iter()
            .find(|p| p.path == "index.html")
            .expect("home");
        let ctx = Ctx {
            catalog: &catalog,
            site: &site,
            svgs: &[],
        };
        match build(ctx, home).1 {
            View::Home(h) => h.counts.elements,
            _ => panic!("not the home view"),
        }
    };
    let applicants = catalog
        .elements
        .iter()
        .filter(|e| e.subjects.iter().all(|s| s == "job_applicant") && !e.subjects.is_empty())
        .count();
    assert_eq!(applicants, 4);
    // The public home counts customers' and visitors' data; the internal one counts all.
    assert_eq!(
        count(Audience::Public) + applicants,
        count(Audience::Internal) - internal_only(&catalog)
    );
}

/// Elements only internal builds show.
fn internal_only(catalog: &candor::model::Catalog) -> usize {
    let public = candor::site::plan(catalog, Audience::Public);
    let internal = candor::site::plan(catalog, Audience::Internal);
    internal.scope.elements().count() - public.scope.elements().count()
}

#[test]
fn subject_and_rights_pages_stay_small_for_a_large_group() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    common::write(
        root,
        "candor.toml",
        "title = \"Big\"\norganisation = \"Big B.V.\"\n",
    );
    common::write(
        root,
        "content/retention.csv",
        "id,name,duration,trigger,disposal,legal_reference,description\ntwo_years,Two years,P2Y,leaving,delete,,\n",
    );
    let mut inv = String::from(
        "element,name,category,subjects,purpose,why,legal_basis,necessity,retention\n",
    );
    let categories = ["user.contact.email", "user.name", "user.device.ip_address"];
    for i in 0..400 {
        let category = categories[i % 3];
        inv.push_str(&format!(
            "e{i},Staff field {i},{category},employee,essential.service.security,To keep the building safe.,legitimate_interests,required,two_years\n"
        ));
    }
    inv.push_str("news,Newsletter address,user.contact.email,customer,marketing.communications.email,To send the newsletter you asked for.,consent,optional,two_years\n");
    common::write(root, "content/inventory/staff.csv", inv);
    let out = render(root, Audience::Public);
    let staff = &out["subjects/employee/index.html"];
    let doc = Html::parse_document(staff);
    assert_eq!(
        doc.select(&sel(".element-card")).count(),
        0,
        "no card per element"
    );
    let rows: Vec<String> = doc.select(&sel("main ul.tree li")).map(text_of).collect();
    assert_eq!(
        rows,
        [
            "Email address 134 kinds of data",
            "IP address 133 kinds of data",
            "Name 133 kinds of data"
        ]
    );
    let rights = Html::parse_document(&out["rights/index.html"]);
    let object: Vec<String> = rights
        .select(&sel("li#right-object details li"))
        .map(text_of)
        .collect();
    assert_eq!(
        object,
        ["Keeping the service secure: 400 uses"],
        "grouped by purpose"
    );
    assert!(staff.len() < 20_000 && out["rights/index.html"].len() < 30_000);
}

/// The home page's heat map and per-category chart speak about the reader's own data: a public
/// build has no column for the purposes of job applicants' data (employment), an internal one
/// does.
#[test]
fn the_home_charts_show_the_readers_own_data() {
    use candor::site::chart::ChartKind;
    let catalog = candor::load_catalog(common::demo()).expect("demo loads");
    let columns = |audience| {
        let site = candor::site::plan(&catalog, audience);
        match &site.charts[site.chart_index.heatmap].kind {
            ChartKind::HeatMap { columns, rows, .. } => (columns.clone(), rows.len()),
            _ => panic!("not a heat map"),
        }
    };
    let employment = catalog.taxonomy.uses.name("employment").to_string();
    let (public, public_rows) = columns(Audience::Public);
    let (internal, internal_rows) = columns(Audience::Internal);
    assert!(!public.contains(&employment), "{public:?}");
    assert!(internal.contains(&employment), "{internal:?}");
    assert!(public_rows <= internal_rows);
}
