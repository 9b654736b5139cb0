//! Load + link on small site folders written to a temporary directory.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load_catalog;
use crate::model::{LegalBasis, RetentionPeriod, Source, Visibility};

mod substance;

const CONFIG: &str = r#"title = "Northwind"
organisation = "Northwind Threads"
[[taxonomy.data_categories]]
key = "user.behavior.style"
name = "Style preferences"
"#;

const INVENTORY: &str = "\u{feff}element,name,category,subjects,source,systems,purpose,why,legal_basis,necessity,retention,shared_with,visibility,owner,last_reviewed,notes,x_ticket\r\n\
email,Email address,user.contact.email,customer; prospect,provided,crm,marketing.communications.email,To send the newsletter you asked for,consent,optional,p2y,mailer,public,Growth,2026-01-15,,T-1\r\n\
email,,,,,crm,essential.service,\"To send receipts, and nothing else\",Contract,required,p7y,,,,,internal note,\r\n";

const INVENTORY_B: &str = "element,name,category,purpose,why,retention,visibility\n\
style,Style preferences,user.behavior.style,personalize,To suggest clothes you may like,p2y,internal\n\
address,Postal address,user.contact.address,essential.service,To deliver orders,p7y,\n";

const RETENTION: &str = "id,name,duration,trigger,disposal,legal_reference,description\n\
p7y,Seven years,P7Y,order,archive,HGB 257,\n\
p2y,Two years,P2Y,last activity,delete,,\n";

const SYSTEMS: &str = "id,name,description,owner,location\ncrm,CRM,,Sales,EU\n";
const RECIPIENTS: &str =
    "id,name,role,country,safeguards,description,dpa_url\nmailer,Mailer Inc,processor,US,SCC,,https://mailer.example/dpa\n";

const CARD: &str = "---\nname: Style recommender\nversion: 1.10\nstatus: Production\nowners: Personalization\ninputs: [style, purchase_history]\nexcluded_inputs: [email]\ntraining_data: { description: Orders, elements: [style, address] }\nmetrics:\n  - { name: p_at_10, value: 0.31, slice: all, ci: [0.29, 0.33] }\nethical_considerations:\n  - risk: Filter bubble\n    mitigation: Diversity\n  - Stereotyping\nlanguage: [en, no]\ninternal: { notes: secret }\nlast_reviewed: 2026-09-30\n---\n# How it works\n";

const PAGE: &str = "---\ntitle: Your rights\nweight: 2\n---\nAsk us.\n";

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

fn good_site() -> Vec<(&'static str, &'static str)> {
    vec![
        ("candor.toml", CONFIG),
        ("content/inventory/a.csv", INVENTORY),
        ("content/inventory/b.csv", INVENTORY_B),
        ("content/retention.csv", RETENTION),
        ("content/systems.csv", SYSTEMS),
        ("content/recipients.csv", RECIPIENTS),
        ("content/models/style-recommender.md", CARD),
        ("content/pages/your-rights.md", PAGE),
    ]
}

/// Loads a good site with some files replaced (an empty text removes the file).
fn with(changes: &[(&'static str, &'static str)]) -> Result<crate::model::Catalog, Diagnostics> {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good_site();
    for (path, text) in changes {
        files.retain(|(p, _)| p != path);
        if !text.is_empty() {
            files.push((path, text));
        }
    }
    write(dir.path(), &files);
    load_catalog(dir.path())
}

fn errors(changes: &[(&'static str, &'static str)]) -> Vec<Diagnostic> {
    match with(changes) {
        Ok(_) => panic!("expected errors"),
        Err(d) => d.into_iter().collect(),
    }
}

#[test]
fn happy_path_links_everything() {
    let c = with(&[]).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = c.elements.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["address", "email", "style"]);
    let email = c.element("email").unwrap();
    assert_eq!(email.name, "Email address");
    assert_eq!(email.subjects, ["customer", "prospect"]);
    assert_eq!(email.source, Some(Source::Provided));
    assert_eq!(email.owner.as_deref(), Some("Growth"));
    assert_eq!(email.origin.to_string(), "content/inventory/a.csv:2");
    let uses: Vec<_> = c.uses_of(email).collect();
    assert_eq!(uses.len(), 2);
    assert_eq!(uses[0].legal_basis, Some(LegalBasis::Consent));
    assert_eq!(uses[1].why, "To send receipts, and nothing else");
    assert_eq!(uses[1].notes.as_deref(), Some("internal note"));
    assert_eq!(
        uses[0].extra.get("x_ticket").map(String::as_str),
        Some("T-1")
    );
    assert!(uses[1].extra.is_empty());
    assert_eq!(uses[0].last_reviewed, Some(jiff::civil::date(2026, 1, 15)));
    // uses sorted by element, then file order
    let order: Vec<(usize, usize)> = c.uses.iter().map(|u| (u.element, u.origin.line)).collect();
    assert_eq!(order, [(0, 3), (1, 2), (1, 3), (2, 2)]);
    assert_eq!(c.uses[3].visibility, Visibility::Internal);
    // back-references
    let p7y = c.policy("p7y").unwrap();
    assert_eq!(
        p7y.period,
        RetentionPeriod::Fixed {
            iso: "P7Y".into(),
            years: 7,
            months: 0,
            weeks: 0,
            days: 0
        }
    );
    assert_eq!(p7y.uses, [0, 2]);
    assert_eq!(
        c.system("crm").unwrap().elements,
        [c.index.elements["email"]]
    );
    assert_eq!(c.recipient("mailer").unwrap().uses, [1]);
    // models
    let m = c.model("style-recommender").unwrap();
    assert_eq!(m.version.as_deref(), Some("1.10"));
    assert_eq!(m.owners, ["Personalization"]);
    assert_eq!(m.inputs[0].element, Some(c.index.elements["style"]));
    assert_eq!(
        m.inputs[1].element, None,
        "undeclared input is not an error"
    );
    assert_eq!(
        m.excluded_inputs[0].element,
        Some(c.index.elements["email"])
    );
    assert_eq!(m.ethical_considerations[1].risk, "Stereotyping");
    assert_eq!(m.extra["language"], serde_json::json!(["en", "no"]));
    assert!(m.internal.is_some());
    assert_eq!(m.body_line, 19);
    assert_eq!(c.element("style").unwrap().models, [0]);
    assert_eq!(c.element("address").unwrap().models, [0]);
    assert!(
        c.element("email").unwrap().models.is_empty(),
        "excluded inputs are not uses"
    );
    assert_eq!(c.pages[0].slug, "your-rights");
    assert!(c.taxonomy.categories.contains("user.behavior.style"));
}

#[test]
fn missing_config_says_run_init() {
    let e = errors(&[("candor.toml", "")]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].file, Path::new("candor.toml"));
    assert!(e[0].help.as_deref().unwrap().contains("candor init"));
}

#[test]
fn element_level_conflicts_name_both_lines() {
    let e = errors(&[(
        "content/inventory/b.csv",
        "element,name,category,purpose,why\nemail,Email address,user.contact,personalize,x\n",
    )]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].message,
        "element `email` has two different categories: `user.contact` here and `user.contact.email` at content/inventory/a.csv:2"
    );
    assert_eq!(e[0].file, Path::new("content/inventory/b.csv"));
    assert_eq!((e[0].line, e[0].column), (Some(2), Some(21)));
}

#[test]
fn unknown_references_suggest_the_nearest_id() {
    let e = errors(&[(
        "content/inventory/b.csv",
        "element,name,category,purpose,why,retention,shared_with,systems\nx,X,user.contact.emial,personalise,w,p7,mailr,crn\n",
    )]);
    let got: Vec<_> = e
        .iter()
        .map(|d| (d.message.as_str(), d.column, d.help.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "unknown data category `user.contact.emial`",
                Some(5),
                Some("did you mean `user.contact.email`?")
            ),
            (
                "unknown data use `personalise`",
                Some(24),
                Some("did you mean `personalize`?")
            ),
            (
                "`retention` names `p7`, but content/retention.csv has no retention policy with that id",
                Some(38),
                Some("did you mean `p7y`?")
            ),
            (
                "`shared_with` names `mailr`, but content/recipients.csv has no recipient with that id",
                Some(41),
                Some("did you mean `mailer`?")
            ),
            (
                "`systems` names `crn`, but content/systems.csv has no system with that id",
                Some(47),
                Some("did you mean `crm`?")
            ),
        ]
    );
}

#[test]
fn a_broken_register_row_causes_no_cascade() {
    let e = errors(&[(
        "content/retention.csv",
        "id,name,duration\np7y,Seven,PT72H\np2y,Two,P2Y\n",
    )]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].file, Path::new("content/retention.csv"));
    assert_eq!((e[0].line, e[0].column), (Some(2), Some(11)));
    assert_eq!(e[0].help.as_deref(), Some("write `P3D`"));
}

#[test]
fn missing_optional_register_is_named_in_help() {
    let e = errors(&[("content/systems.csv", "")]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].message,
        "`systems` names `crm`, but content/systems.csv has no system with that id"
    );
    assert!(e[0]
        .help
        .as_deref()
        .unwrap()
        .contains("content/systems.csv does not exist"));
}

#[test]
fn all_errors_of_a_run_come_back_together_sorted() {
    let e = errors(&[
        (
            "content/inventory/b.csv",
            "element,name,category,purpose,why\nstyle,S,user.behavior.style,personalize,\n",
        ),
        (
            "content/recipients.csv",
            "id,name,role\nmailer,M,procesor\n",
        ),
        ("content/pages/your-rights.md", "---\nweight: 1\n---\n"),
        ("content/models/dup.md", "---\nid: style-recommender\n---\n"),
    ]);
    let places: Vec<String> = e
        .iter()
        .map(|d| format!("{}:{}", d.file.display(), d.line.unwrap_or(0)))
        .collect();
    assert_eq!(
        places,
        [
            "content/inventory/b.csv:2",
            "content/models/style-recommender.md:2",
            "content/pages/your-rights.md:1",
            "content/recipients.csv:2",
        ],
        "{e:?}"
    );
    assert!(
        e[1].message.contains(
            "two model cards have the id `style-recommender`: this one and the one at content/models/dup.md:2"
        ),
        "{}",
        e[1].message
    );
    assert_eq!(e[3].help.as_deref(), Some("did you mean `processor`?"));
}

#[test]
fn duplicate_register_ids_name_both() {
    let e = errors(&[("content/systems.csv", "id,name\ncrm,A\ncrm,B\n")]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].message,
        "system `crm` is defined twice: here and at line 2"
    );
    assert_eq!(e[0].line, Some(3));
}

#[test]
fn name_and_category_are_required_on_the_first_row() {
    let e = errors(&[(
        "content/inventory/b.csv",
        "element,name,category,purpose,why\nzip,,,personalize,w\nzip,Zip,user.contact.address.postal_code,personalize,w\n",
    )]);
    let msgs: Vec<_> = e.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "element `zip` has no `name` on its first row",
            "element `zip` has no `category` on its first row"
        ]
    );
}

#[test]
fn taxonomy_is_not_checked_when_config_is_broken() {
    let e = errors(&[("candor.toml", "title = \"x\"\n[[taxonomy.data_categories]]\nkey = \"user.behavior.style\"\nname = \"S\"\nparent = \"user.behaviour\"\n")]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].file, Path::new("candor.toml"));
}

#[test]
fn unknown_id_without_near_match_lists_the_defined_ids() {
    let e = errors(&[(
        "content/inventory/b.csv",
        "element,name,category,purpose,why,retention\nstyle,S,user.behavior.style,personalize,w,forever\n",
    )]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].help.as_deref(),
        Some("content/retention.csv defines p2y, p7y")
    );
}

#[test]
fn an_unreadable_register_silences_references_to_it() {
    let e = errors(&[("content/recipients.csv", "id,nmae\nmailer,M\n")]);
    assert_eq!(
        e.len(),
        1,
        "only the header error, no unknown `mailer`: {e:?}"
    );
    assert_eq!(
        e[0].message,
        "unknown column `nmae` in the recipients header"
    );
    let e = errors(&[("content/recipients.csv", "id,name\n\"mailer,M\n")]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].message.contains("never closed"));
}
