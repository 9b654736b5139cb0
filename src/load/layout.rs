//! Which files of `content/` the loader reads, found by the one filesystem rule ([`super::fs`]).
//! Nothing is skipped silently: what the rule refuses is an error, and every other file or
//! folder candor does not read is listed in one warning (operating-system litter aside).

use std::path::{Path, PathBuf};

use super::fs::{Kind, Listing, Scope};
use crate::diag::Diagnostic;

/// The register files, directly in `content/`.
pub const REGISTERS: [&str; 4] = [
    "retention.csv",
    "systems.csv",
    "recipients.csv",
    "assessments.csv",
];

/// Files that are no one's input: never read, never listed.
const LITTER: &[&str] = &[
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
    ".gitkeep",
    ".keep",
    ".gitignore",
    ".gitattributes",
];

/// The input files found under `content/`, as paths relative to the site root.
#[derive(Debug, Default)]
pub struct Layout {
    /// `None` when `content/inventory` is not a folder.
    pub inventory: Option<Vec<PathBuf>>,
    pub models: Vec<PathBuf>,
    pub pages: Vec<PathBuf>,
    /// Scanner reports, `content/evidence/*.json|*.csv`.
    pub evidence: Vec<PathBuf>,
    /// The register files present, by name.
    pub registers: Vec<&'static str>,
    /// The register files present but refused by the rule (reported), by name.
    pub refused_registers: Vec<&'static str>,
    /// Files and folders (shown with a trailing `/`) that are not read.
    pub unread: Vec<String>,
}

impl Layout {
    /// Lists `content/` of `scope`; what the rule refuses goes to `errors`.
    pub fn read(scope: &Scope, errors: &mut Vec<Diagnostic>) -> Layout {
        let content = Path::new("content");
        let mut layout = Layout::default();
        let Some(top) = folder(scope, content, errors) else {
            return layout;
        };
        for name in &top.files {
            match REGISTERS.iter().find(|r| **r == name) {
                Some(r) => layout.registers.push(r),
                None => layout.unread(content, name, false),
            }
        }
        for name in &top.dirs {
            let dir = content.join(name);
            match name.as_str() {
                "inventory" => {
                    let files = folder(scope, &dir, errors)
                        .map(|l| layout.pick(&dir, l, "csv", errors))
                        .unwrap_or_default();
                    layout.inventory = Some(files);
                }
                "models" => {
                    if let Some(l) = folder(scope, &dir, errors) {
                        layout.models = layout.pick(&dir, l, "md", errors);
                    }
                }
                "pages" => {
                    if let Some(l) = folder(scope, &dir, errors) {
                        layout.pages = layout.pick(&dir, l, "md", errors);
                    }
                }
                "evidence" => {
                    if let Some(l) = folder(scope, &dir, errors) {
                        layout.evidence = layout.pick_any(&dir, l, &["json", "csv"], errors);
                    }
                }
                _ => layout.unread(content, name, true),
            }
        }
        for r in REGISTERS {
            if top.refused.iter().any(|d| d == r) {
                layout.refused_registers.push(r);
            }
            if top.dirs.iter().any(|d| d == r) {
                layout.refused_registers.push(r);
                let rel = content.join(r);
                errors.push(
                    Diagnostic::file(
                        &rel,
                        format!("{} is a folder, not a CSV file", rel.display()),
                    )
                    .help("replace the folder with the CSV file"),
                );
            }
        }
        layout.unread.sort();
        layout
    }

    /// The files of `dir` ending in `.ext` (any case), in name order; the rest is unread.
    fn pick(
        &mut self,
        dir: &Path,
        listing: Listing,
        ext: &str,
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<PathBuf> {
        self.pick_any(dir, listing, &[ext], errors)
    }

    /// The files of `dir` ending in one of `exts` (any case), in name order.
    fn pick_any(
        &mut self,
        dir: &Path,
        listing: Listing,
        exts: &[&str],
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for name in listing.files {
            let has_ext = Path::new(&name)
                .extension()
                .is_some_and(|x| exts.iter().any(|e| x.eq_ignore_ascii_case(e)));
            // Editor lock and backup files start with `.` or `~`.
            let hidden = name.starts_with('.') || name.starts_with('~');
            if has_ext && !hidden {
                out.push(dir.join(&name));
            } else if exts.contains(&"csv") && !hidden && is_spreadsheet(&name) {
                let rel = dir.join(&name);
                errors.push(
                    Diagnostic::file(&rel, format!("{} is not a CSV file, so it is not read", rel.display()))
                        .help("export it as CSV (in Excel: File > Save As > \"CSV UTF-8 (Comma delimited)\") and remove the original from this folder"),
                );
            } else {
                self.unread(dir, &name, false);
            }
        }
        for name in listing.dirs {
            self.unread(dir, &name, true);
        }
        out
    }

    fn unread(&mut self, dir: &Path, name: &str, is_dir: bool) {
        if LITTER.contains(&name) {
            return;
        }
        let slash = if is_dir { "/" } else { "" };
        let shown = dir.join(name).to_string_lossy().replace('\\', "/");
        self.unread.push(format!("{shown}{slash}"));
    }

    /// The one warning naming every file candor does not read, or `None`.
    pub fn warning(&self) -> Option<String> {
        const SHOWN: usize = 12;
        let n = self.unread.len();
        if n == 0 {
            return None;
        }
        let mut names = self.unread[..n.min(SHOWN)].join(", ");
        if n > SHOWN {
            names.push_str(&format!(" and {} more", n - SHOWN));
        }
        Some(format!(
            "warning: candor does not read {n} file(s) or folder(s) under content/: {names} \
             (inventory files are content/inventory/*.csv, model cards content/models/*.md, \
             pages content/pages/*.md; move anything else out of content/)"
        ))
    }
}

/// The listing of the folder `rel`, if the rule allows it and it is a folder.
fn folder(scope: &Scope, rel: &Path, errors: &mut Vec<Diagnostic>) -> Option<Listing> {
    match scope.kind(rel, Path::new("")) {
        Ok(Kind::Dir) => scope.list(rel, rel, errors),
        Ok(Kind::File) => {
            errors.push(
                Diagnostic::file(rel, format!("{} is a file, not a folder", rel.display()))
                    .help("candor reads the files inside this folder"),
            );
            None
        }
        Ok(Kind::Missing) => None,
        Err(d) => {
            errors.push(d);
            None
        }
    }
}

fn is_spreadsheet(name: &str) -> bool {
    let ext = Path::new(name)
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some("xlsx" | "xls" | "xlsm" | "ods" | "numbers" | "tsv" | "txt")
    )
}
