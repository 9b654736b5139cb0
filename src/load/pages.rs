//! `content/pages/*.md` -> [`Page`]: a `title` (required) and optional `weight` in the front
//! matter, a Markdown body; the file stem is the slug.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::{Diagnostic, Origin};
use crate::model::Page;

use super::front_matter::split;
use super::source::SourceFile;
use super::yaml::near_miss;
use crate::ids::{check_id, sanitize, IdKind};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageYaml {
    title: Option<String>,
    weight: Option<i64>,
    /// On the rights page: head the generated page rather than replace it.
    extend: bool,
}

/// Reads one free page; `None` (with errors pushed) when it cannot be used.
pub fn load_page(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Option<Page> {
    let file = src.path.to_path_buf();
    let stem = src
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug_ok = check_id(&stem, IdKind::Other, "page slug")
        .map_err(|e| {
            errors.push(
                Diagnostic::file(
                    file.clone(),
                    format!("{} (taken from the file name)", e.message),
                )
                .help(format!(
                    "rename the file to `{}.md`",
                    sanitize(&stem, IdKind::Other)
                )),
            )
        })
        .is_ok();
    let fm = split(src, "title: About us")
        .map_err(|d| errors.push(d))
        .ok()?;
    let page: PageYaml = fm.parse(src).map_err(|d| errors.push(d)).ok()?;
    let Some(title) = page.title.filter(|t| !t.trim().is_empty()) else {
        let keys: BTreeMap<String, serde_json::Value> = fm.parse(src).unwrap_or_default();
        let typo = keys
            .keys()
            .find(|k| near_miss(k, &["title"], |_| false).is_some());
        let d = match typo {
            Some(k) => {
                let line = fm.key_line(k);
                Diagnostic::at(
                    file,
                    line,
                    format!("this page has no `title`, but it has a `{k}`"),
                )
                .column(1)
                .snippet(src.line(line))
                .help(format!("did you mean `title`? rename `{k}` to `title`"))
            }
            None => Diagnostic::at(file, 1, "this page has no `title`")
                .help("add `title: ...` to the front matter: it heads the page and its link"),
        };
        errors.push(d);
        return None;
    };
    slug_ok.then(|| Page {
        slug: stem,
        title,
        weight: page.weight,
        body: fm.body.to_string(),
        extend: page.extend,
        origin: Origin::new(&src.path, fm.first_key_line()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    fn load(name: &str, text: &str) -> (Option<Page>, Vec<Diagnostic>) {
        let path = Path::new("content/pages").join(name);
        let src = SourceFile::new(Arc::from(path.as_path()), text);
        let mut errors = Vec::new();
        (load_page(&src, &mut errors), errors)
    }

    #[test]
    fn reads_a_page() {
        let (p, e) = load(
            "your-rights.md",
            "---\ntitle: Your rights\nweight: 2\n---\nHello\n",
        );
        assert!(e.is_empty(), "{e:?}");
        let p = p.unwrap();
        assert_eq!(
            (p.slug.as_str(), p.title.as_str(), p.weight),
            ("your-rights", "Your rights", Some(2))
        );
        assert_eq!(p.body, "Hello\n");
        assert_eq!(p.origin.line, 2);
    }

    #[test]
    fn title_is_required_and_typos_are_named() {
        let (p, e) = load("about.md", "---\nweight: 1\ntitel: About\n---\n");
        assert!(p.is_none());
        assert_eq!(
            e[0].message,
            "this page has no `title`, but it has a `titel`"
        );
        assert_eq!(e[0].line, Some(3));
        assert_eq!(
            e[0].help.as_deref(),
            Some("did you mean `title`? rename `titel` to `title`")
        );
        let (_, e) = load("about.md", "---\n---\n");
        assert_eq!(e[0].line, Some(1));
    }

    #[test]
    fn slug_must_be_safe() {
        let (p, e) = load("About Us.md", "---\ntitle: About\n---\n");
        assert!(p.is_none());
        assert!(
            e[0].message.contains("page slug `About Us` is not valid"),
            "{}",
            e[0].message
        );
        assert_eq!(
            e[0].help.as_deref(),
            Some("rename the file to `about-us.md`")
        );
    }

    #[test]
    fn bad_weight_points_into_the_file() {
        let (_, e) = load("a.md", "---\ntitle: A\nweight: first\n---\n");
        assert_eq!(e[0].line, Some(3));
        assert!(
            e[0].message.starts_with("invalid front matter"),
            "{}",
            e[0].message
        );
    }
}
