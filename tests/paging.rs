//! Long lists are split into pages (`data/page/2/index.html`, ...) with links between them, so
//! no page grows without bound; links to a register entry go to the page it is on.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use common::{build, read};

/// A site of `n` elements, all in one category and purpose, kept under one policy and stored in
/// one system (each of those lists is `n` entries long); the first 500 are shared with one
/// recipient, the rest with another.
fn site(dir: &Path, n: usize) {
    let inv = dir.join("content/inventory");
    fs::create_dir_all(&inv).expect("mkdir");
    fs::write(dir.join("candor.toml"), "title = \"Big\"\n").expect("write");
    fs::write(
        dir.join("content/retention.csv"),
        "id,name,duration,trigger\nkeep,Kept a year,P1Y,collection\n",
    )
    .expect("write");
    fs::write(
        dir.join("content/recipients.csv"),
        "id,name,role\nearly,Early Co,processor\nlate,Late Co,processor\n",
    )
    .expect("write");
    fs::write(dir.join("content/systems.csv"), "id,name\nstore,Store\n").expect("write");
    let mut csv = String::from(
        "element,name,category,purpose,why,legal_basis,retention,shared_with,systems\n",
    );
    for e in 0..n {
        let shared = if e < 500 { "early" } else { "late" };
        writeln!(
            csv,
            "e{e},Element {e},user.contact.email,essential.service,Reason {e}.,contract,keep,{shared},store"
        )
        .ok();
    }
    fs::write(inv.join("big.csv"), csv).expect("write");
}

#[test]
fn long_lists_are_split_into_linked_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (root, out) = (dir.path().join("site"), dir.path().join("out"));
    site(&root, 900);
    build(&root, &out, &[]);
    for first in [
        "categories/user.contact.email",
        "purposes/essential.service",
        "retention",
        "recipients",
        "systems",
    ] {
        let one = read(&out.join(first).join("index.html"));
        let two = read(&out.join(first).join("page/2/index.html"));
        let three = read(&out.join(first).join("page/3/index.html"));
        assert!(
            !out.join(first).join("page/4/index.html").exists(),
            "{first}: 900 entries take three pages"
        );
        assert!(one.contains("<nav class=\"pager\""), "{first}");
        assert!(one.contains("Page 1 of 3"), "{first}");
        assert!(
            one.contains("href=\"page/2/index.html\"")
                || one.contains("/page/2/index.html\" rel=\"next\""),
            "{first}: next"
        );
        assert!(
            two.contains("rel=\"prev\"") && two.contains("rel=\"next\""),
            "{first}"
        );
        assert!(
            two.contains("aria-current=\"page\" aria-label=\"Page 2\""),
            "{first}"
        );
        assert!(!three.contains("rel=\"next\""), "{first}: the last page");
    }
    // A parent purpose links its child with the count instead of paging through its rows.
    let parent = read(&out.join("purposes/essential/index.html"));
    assert!(!parent.contains("class=\"pager\""));
    assert!(parent.contains("<span class=\"muted\">900 uses</span>"));
    assert!(!out.join("purposes/essential/page").exists());
    // The data index does not page through 900 elements: it is one page of the categories,
    // each with its count and page, and without filters that could only see a part.
    assert!(!out.join("data/page").exists());
    let index = read(&out.join("data/index.html"));
    assert!(
        index.contains("900 kinds of data, too many for one page"),
        "{index}"
    );
    assert!(!index.contains("href=\"../data/e0/index.html\""));
    assert!(!index.contains("id=\"filters\""));
    assert!(index.contains("href=\"../categories/user.contact/index.html\""));
    assert!(index.contains("<span class=\"count\">900</span>"));
    // A link to a recipient goes to the page its entry starts on.
    let last = read(&out.join("data/e899/index.html"));
    assert!(last.contains("href=\"../../recipients/page/2/index.html#recipient-late\""));
    let first = read(&out.join("data/e0/index.html"));
    assert!(first.contains("href=\"../../recipients/index.html#recipient-early\""));
    let two = read(&out.join("recipients/page/2/index.html"));
    assert!(two.contains("id=\"recipient-late\""));
}

#[test]
fn a_short_list_has_no_pager() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (root, out) = (dir.path().join("site"), dir.path().join("out"));
    site(&root, 20);
    build(&root, &out, &[]);
    for page in [
        "data/index.html",
        "retention/index.html",
        "purposes/essential/index.html",
    ] {
        assert!(!read(&out.join(page)).contains("class=\"pager\""), "{page}");
    }
    assert!(!out.join("data/page").exists());
}
