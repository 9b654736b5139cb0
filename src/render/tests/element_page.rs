//! Element pages stay small at scale (there is one per element: 100,000 on a large site) while
//! keeping what a reader needs: each purpose, policy and recipient is linked once (in the
//! label), the rights page once, and the markup carries no indentation.

use super::build;
use crate::config::Audience;
use crate::render::Theme;
use crate::site::testkit;

#[test]
fn each_link_appears_once_and_the_uses_still_name_everything() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Public, &Theme::builtin());
    let page = &out["data/email_address/index.html"];
    for href in [
        "href=\"../../retention/index.html#policy-account\"",
        "href=\"../../recipients/index.html#recipient-mailer\"",
        "href=\"../../purposes/marketing.communications.email/index.html\"",
        ">All your rights</a>",
    ] {
        assert_eq!(page.matches(href).count(), 1, "{href} in {page}");
    }
    let uses = &page[page.find("<ol class=\"use-list\">").expect("uses")..];
    // The uses name the policy and the recipient in words.
    assert!(
        uses.contains("30 days after you close your account"),
        "{uses}"
    );
    assert!(
        uses.contains("<dt>Shared with</dt><dd>Mailer Ltd</dd>"),
        "{uses}"
    );
    assert!(!page.contains("\n "), "no indentation: {page}");
    assert!(!page.contains("\n\n"), "no blank line: {page}");
}

#[test]
fn shared_with_is_left_to_the_label_when_nothing_is_shared() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Public, &Theme::builtin());
    let page = &out["data/purchase_history/index.html"];
    let label = &page[..page.find("<ol class=\"use-list\">").expect("uses")];
    assert!(label.contains("<dt>Shared with</dt><dd><span class=\"muted\">Nobody outside us"));
    assert_eq!(page.matches("<dt>Shared with</dt>").count(), 1, "{page}");
}

#[test]
fn the_search_box_carries_no_empty_status_or_results_panel() {
    let c = testkit::catalog();
    let out = build(&c, Audience::Public, &Theme::builtin());
    let page = &out["data/email_address/index.html"];
    assert!(page.contains("<form class=\"site-search\" role=\"search\""));
    assert!(!page.contains("role=\"status\"") && !page.contains("search-results"));
}
