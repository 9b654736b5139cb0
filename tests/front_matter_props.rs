//! Property tests for Markdown files with front matter: whatever the body holds, and whether
//! the file was saved with a byte-order mark and CRLF line ends, the title and the body come
//! out of the page loader as they went in, and the body starts on the line reported.

use std::path::Path;
use std::sync::Arc;

use candor::load::pages::load_page;
use candor::load::SourceFile;
use proptest::prelude::*;

/// Body lines: Markdown-ish text, never a lone `---` or `...` (those would end the YAML).
fn body() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-z #*:\\-\"'\\[\\]{}é\t]{0,12}", 0..8).prop_map(|lines| {
        lines
            .into_iter()
            .filter(|l| l.trim_end() != "---" && l.trim_end() != "...")
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn title_and_body_survive_the_loader(
        title in "[A-Za-z][A-Za-z ,!?é]{0,20}",
        lines in body(),
        bom in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let title = title.trim().to_string();
        let eol = if crlf { "\r\n" } else { "\n" };
        let quoted = title.replace('\'', "''");
        let mut text = format!("{}---{eol}title: '{quoted}'{eol}weight: 3{eol}---{eol}", if bom { "\u{feff}" } else { "" });
        for l in &lines {
            text.push_str(l);
            text.push_str(eol);
        }
        let src = SourceFile::new(Arc::from(Path::new("content/pages/p.md")), &text);
        let mut errors = Vec::new();
        let page = load_page(&src, &mut errors);
        prop_assert!(errors.is_empty(), "{errors:?}\n{text:?}");
        let page = page.expect("a page");
        prop_assert_eq!(&page.title, &title);
        prop_assert_eq!(page.weight, Some(3));
        let want: String = lines.iter().map(|l| format!("{l}\n")).collect();
        prop_assert_eq!(&page.body, &want);
        prop_assert_eq!(page.origin.line, 2);
        if let Some(first) = lines.first() {
            prop_assert_eq!(src.line(5), first.as_str());
        }
    }
}
