//! The theme: the built-in templates (`templates/`) and assets (`static/`) of the repository,
//! embedded in the binary, overlaid with a site's own `templates/<name>` (replacing a built-in
//! template of the same name) and `static/<path>` (replacing or adding an asset by path).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Error};
use crate::load::fs::{read_regular, Kind, Scope};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

/// Every built-in template, by name.
const BUILTIN_TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "macros.html",
    "chart.html",
    "index.html",
    "summary_label.html",
    "data_index.html",
    "element.html",
    "data_label.html",
    "categories.html",
    "category.html",
    "purposes.html",
    "purpose.html",
    "retention.html",
    "recipients.html",
    "systems.html",
    "models.html",
    "model.html",
    "model_label.html",
    "page.html",
    "audit.html",
    "finding.html",
    "findings.html",
    "changes.html",
    "rights.html",
    "subjects.html",
    "subject.html",
    "evidence.html",
    "notice.html",
);

/// Every built-in template: name and text.
pub fn builtin_templates() -> &'static [(&'static str, &'static str)] {
    BUILTIN_TEMPLATES
}

/// Every built-in asset, by output path.
const BUILTIN_ASSETS: &[(&str, &[u8])] = &[
    (
        "assets/candor.css",
        include_bytes!("../../static/assets/candor.css"),
    ),
    (
        "assets/candor.js",
        include_bytes!("../../static/assets/candor.js"),
    ),
    (
        "assets/print.css",
        include_bytes!("../../static/assets/print.css"),
    ),
];

/// Files never taken from a site's `templates/` or `static/`: the write stage's marker
/// (`write::MARKER`) and operating-system litter.
const SKIPPED: &[&str] = &[".candor-build", ".DS_Store", "Thumbs.db", "desktop.ini"];

/// A template's text and where it came from, for error messages.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub text: Cow<'static, str>,
    /// `templates/element.html` (a site's file) or `built-in templates/element.html`.
    pub file: String,
}

/// Templates and assets for one build.
#[derive(Debug, Clone)]
pub struct Theme {
    pub templates: BTreeMap<String, TemplateSource>,
    /// Output path (e.g. `assets/candor.css`) -> contents.
    pub assets: BTreeMap<String, Cow<'static, [u8]>>,
}

impl Theme {
    /// The built-in theme alone.
    pub fn builtin() -> Theme {
        Theme {
            templates: BUILTIN_TEMPLATES
                .iter()
                .map(|&(name, text)| {
                    let source = TemplateSource {
                        text: Cow::Borrowed(text),
                        file: format!("built-in templates/{name}"),
                    };
                    (name.to_string(), source)
                })
                .collect(),
            assets: BUILTIN_ASSETS
                .iter()
                .map(|&(path, bytes)| (path.to_string(), Cow::Borrowed(bytes)))
                .collect(),
        }
    }

    /// Whether the template `name` reads as the built-in one (a site's copy left unchanged,
    /// as in the demo, counts).
    pub fn is_builtin(&self, name: &str) -> bool {
        let builtin = BUILTIN_TEMPLATES.iter().find(|(n, _)| *n == name);
        match (self.templates.get(name), builtin) {
            (Some(t), Some((_, text))) => t.text == *text,
            _ => false,
        }
    }

    /// The built-in theme overlaid with `root/templates/**` and `root/static/**` (both
    /// optional), read by the one filesystem rule (`load::fs`): a link leaving the site, or
    /// leaving `templates/` or `static/` from inside it, is an input error.
    pub fn load(root: &Path) -> Result<Theme, Error> {
        let mut theme = Theme::builtin();
        let mut errors = Vec::new();
        let site = Scope::new(root);
        let templates = files_under(&site, "templates", &mut errors);
        let assets = files_under(&site, "static", &mut errors);
        for (name, path) in templates {
            let file = format!("templates/{name}");
            match read_regular(&path).map(String::from_utf8) {
                Ok(Ok(text)) => {
                    let source = TemplateSource {
                        text: Cow::Owned(text),
                        file,
                    };
                    theme.templates.insert(name, source);
                }
                Ok(Err(_)) => errors.push(
                    Diagnostic::file(file, "template is not valid UTF-8 text")
                        .help("save the file as UTF-8"),
                ),
                Err(e) => errors.push(Diagnostic::file(&file, format!("cannot read {file}: {e}"))),
            }
        }
        for (name, path) in assets {
            match read_regular(&path) {
                Ok(bytes) => {
                    theme.assets.insert(name, Cow::Owned(bytes));
                }
                Err(e) => errors.push(Diagnostic::file(
                    format!("static/{name}"),
                    format!("cannot read static/{name}: {e}"),
                )),
            }
        }
        let mut diags = Diagnostics::new();
        for d in errors {
            diags.push(d);
        }
        diags.into_result(theme).map_err(Error::from)
    }
}

/// Regular files under `root/top` (none if it does not exist), as (`a/b.html`, full path),
/// sorted. Links are followed only when they stay inside `top`; what the rule refuses is
/// pushed to `errors`.
fn files_under(site: &Scope, top: &str, errors: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf)> {
    let top = Path::new(top);
    match site.kind(top, Path::new("")) {
        Ok(Kind::Dir) => {}
        Ok(_) => return Vec::new(),
        Err(d) => {
            errors.push(d);
            return Vec::new();
        }
    }
    let scope = site.sub(top);
    let mut out = Vec::new();
    walk(&scope, top, Path::new(""), 0, &mut out, errors);
    out.sort();
    out
}

/// Deepest folder nesting followed under `static/` or `templates/`.
const MAX_DEPTH: usize = 32;

fn walk(
    scope: &Scope,
    top: &Path,
    rel: &Path,
    depth: usize,
    out: &mut Vec<(String, PathBuf)>,
    errors: &mut Vec<Diagnostic>,
) {
    let shown = top.join(rel);
    if depth > MAX_DEPTH {
        errors.push(Diagnostic::file(
            &shown,
            format!(
                "{} is nested more than {MAX_DEPTH} folders deep",
                shown.display()
            ),
        ));
        return;
    }
    let Some(listing) = scope.list(rel, &shown, errors) else {
        return;
    };
    for name in listing.files {
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        let path = rel.join(&name);
        let url: Vec<&str> = path.iter().filter_map(|c| c.to_str()).collect();
        out.push((url.join("/"), scope.root().join(&path)));
    }
    for name in listing.dirs {
        walk(scope, top, &rel.join(name), depth + 1, out, errors);
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_templates_override_builtins_by_name_and_add_assets() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("static/img")).expect("mkdir");
        std::fs::write(dir.path().join("templates/page.html"), "MINE").expect("write");
        std::fs::write(dir.path().join("static/img/logo.svg"), "<svg/>").expect("write");
        std::fs::write(dir.path().join("templates/.DS_Store"), [0xff, 0xfe]).expect("write");
        std::fs::write(dir.path().join("static/.DS_Store"), [0xff]).expect("write");
        std::fs::create_dir_all(dir.path().join("static/assets")).expect("mkdir");
        std::fs::write(dir.path().join("static/assets/candor.css"), "body{}").expect("write");
        let theme = Theme::load(dir.path()).expect("loads");
        let page = &theme.templates["page.html"];
        assert_eq!(page.text, "MINE");
        assert_eq!(page.file, "templates/page.html");
        assert!(theme.templates["element.html"].file.starts_with("built-in"));
        assert_eq!(&*theme.assets["img/logo.svg"], b"<svg/>");
        assert_eq!(&*theme.assets["assets/candor.css"], b"body{}");
        assert!(!theme.templates.contains_key(".DS_Store"));
        assert!(!theme.assets.contains_key(".DS_Store"));
    }

    #[test]
    fn a_missing_theme_folder_is_fine() {
        let dir = tempfile::tempdir().expect("temp dir");
        let theme = Theme::load(dir.path()).expect("loads");
        assert_eq!(theme.templates.len(), BUILTIN_TEMPLATES.len());
    }
}
