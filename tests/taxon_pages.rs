//! A taxonomy page lists what is filed under exactly its key and links its more specific keys
//! with their counts, so each use is listed on one purpose page and each element on one
//! category page (issue 16: ancestors repeated every row up to four times).

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use common::{build, read};

/// Three elements used at the leaf `essential.service.notifications.email` and filed under
/// `user.contact.email`, one used at `essential.service` itself and filed under `user.contact`.
fn site(dir: &Path) {
    let inv = dir.join("content/inventory");
    fs::create_dir_all(&inv).expect("mkdir");
    fs::write(dir.join("candor.toml"), "title = \"Tree\"\n").expect("write");
    fs::write(
        dir.join("content/retention.csv"),
        "id,name,duration,trigger\nkeep,Kept a year,P1Y,collection\n",
    )
    .expect("write");
    let mut csv = String::from("element,name,category,purpose,why,legal_basis,retention\n");
    for e in 0..3 {
        writeln!(
            csv,
            "leaf{e},Leaf {e},user.contact.email,essential.service.notifications.email,To mail you {e}.,contract,keep"
        )
        .ok();
    }
    csv.push_str("mid,Mid,user.contact,essential.service,To run the service.,contract,keep\n");
    fs::write(inv.join("tree.csv"), csv).expect("write");
}

/// The pages under `dir` of the output, by path.
fn pages(out: &Path, dir: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut todo = vec![out.join(dir)];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).expect("read dir").flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                let rel = p.strip_prefix(out).expect("under out");
                found.push((rel.to_string_lossy().replace('\\', "/"), read(&p)));
            }
        }
    }
    found
}

#[test]
fn a_leaf_use_is_listed_on_its_leaf_page_only_and_parents_link_it_with_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (root, out) = (dir.path().join("site"), dir.path().join("out"));
    site(&root);
    build(&root, &out, &[]);
    let purposes = pages(&out, "purposes");
    for (id, on) in [
        (
            "leaf0",
            "purposes/essential.service.notifications.email/index.html",
        ),
        (
            "leaf2",
            "purposes/essential.service.notifications.email/index.html",
        ),
        ("mid", "purposes/essential.service/index.html"),
    ] {
        let row = format!("data/{id}/index.html\">");
        let listed: Vec<&str> = purposes
            .iter()
            .filter(|(_, html)| html.contains(&row))
            .map(|(p, _)| p.as_str())
            .collect();
        assert_eq!(listed, [on], "{id} is a row on its own purpose page only");
    }
    let service = read(&out.join("purposes/essential.service/index.html"));
    assert!(service
        .contains("<li><a href=\"../../purposes/essential.service.notifications/index.html\">"));
    assert!(service.contains("<span class=\"muted\">3 uses</span></li>"));
    assert!(service.contains("1 use for exactly this purpose. 3 more in more specific purposes."));
    assert!(service.contains("<h2 id=\"sub-h\">More specific purposes</h2>\n<ul class=\"tree\">"));
    // A parent with nothing of its own: its children and counts, no empty table.
    let top = read(&out.join("purposes/essential/index.html"));
    assert!(top.contains("4 uses, all filed under more specific purposes."));
    assert!(top.contains("href=\"../../purposes/essential.service/index.html\">"));
    assert!(top.contains("<span class=\"muted\">4 uses</span>"));
    assert!(!top.contains("<table"), "no empty table");
    // The rows give the short answer; the element page keeps the sentence.
    let leaf = read(&out.join("purposes/essential.service.notifications.email/index.html"));
    assert!(leaf.contains("<td data-label=\"Can you say no?\">No: needed for our contract</td>"));
    assert!(!leaf.contains("Without it we cannot"));
    // Its breadcrumbs climb the whole tree.
    let crumbs = leaf
        .split("<nav class=\"breadcrumbs\"")
        .nth(1)
        .and_then(|n| n.split("</nav>").next())
        .unwrap_or_default();
    for key in [
        "essential",
        "essential.service",
        "essential.service.notifications",
    ] {
        assert!(
            crumbs.contains(&format!("purposes/{key}/index.html\"")),
            "{key} in {crumbs}"
        );
    }
    assert!(read(&out.join("data/leaf0/index.html")).contains("Without it we cannot"));

    let categories = pages(&out, "categories");
    for (id, on) in [
        ("leaf1", "categories/user.contact.email/index.html"),
        ("mid", "categories/user.contact/index.html"),
    ] {
        let card = format!("data/{id}/index.html\">");
        let listed: Vec<&str> = categories
            .iter()
            .filter(|(_, html)| html.contains(&card))
            .map(|(p, _)| p.as_str())
            .collect();
        assert_eq!(listed, [on], "{id} is a card on its own category page only");
    }
    let contact = read(&out.join("categories/user.contact/index.html"));
    assert!(contact.contains("href=\"../../categories/user.contact.email/index.html\">"));
    assert!(contact.contains("<span class=\"muted\">3 kinds of data</span>"));
    assert!(contact
        .contains("1 kind of data in exactly this category. 3 more in more specific categories."));
}
