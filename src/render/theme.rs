//! The theme: the built-in templates (`templates/`) and assets (`static/`) of the repository,
//! embedded in the binary, overlaid with a site's own `templates/<name>` (replacing a built-in
//! template of the same name) and `static/<path>` (replacing or adding an asset by path).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Error};

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
);

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

    /// The built-in theme overlaid with `root/templates/**` and `root/static/**` (both optional).
    pub fn load(root: &Path) -> Result<Theme, Error> {
        let mut theme = Theme::builtin();
        let mut errors = Diagnostics::new();
        for (name, path) in files_under(&root.join("templates"))? {
            let bytes = std::fs::read(&path).map_err(|e| Error::io("cannot read", &path, e))?;
            let file = format!("templates/{name}");
            match String::from_utf8(bytes) {
                Ok(text) => {
                    let source = TemplateSource {
                        text: Cow::Owned(text),
                        file,
                    };
                    theme.templates.insert(name, source);
                }
                Err(_) => errors.push(
                    Diagnostic::file(file, "template is not valid UTF-8 text")
                        .help("save the file as UTF-8"),
                ),
            }
        }
        for (name, path) in files_under(&root.join("static"))? {
            let bytes = std::fs::read(&path).map_err(|e| Error::io("cannot read", &path, e))?;
            theme.assets.insert(name, Cow::Owned(bytes));
        }
        errors.into_result(theme).map_err(Error::from)
    }
}

/// Regular files under `dir` (none if it does not exist), as (`a/b.html`, full path), sorted.
/// Symbolic links are skipped, so a build never copies files from outside the site.
fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>, Error> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io("cannot read", path, e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let name: Vec<&str> = rel.iter().filter_map(|c| c.to_str()).collect();
        // Non-UTF-8 names cannot be URLs.
        if name.len() != rel.iter().count() || name.last().is_some_and(|n| SKIPPED.contains(n)) {
            continue;
        }
        out.push((name.join("/"), entry.path().to_path_buf()));
    }
    Ok(out)
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
