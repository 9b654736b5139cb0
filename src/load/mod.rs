//! Files -> raw records. Every record keeps its file and line; every problem becomes a
//! [`Diagnostic`] and loading goes on, so one run reports all of them.

pub mod assessments;
pub mod columns;
pub mod config_keys;
pub mod duration;
pub mod evidence;
pub mod front_matter;
pub mod fs;
pub mod inventory;
pub mod layout;
pub mod model_card;
pub mod pages;
pub mod registers;
pub mod source;
pub mod table;
pub mod values;
pub mod yaml;
pub mod yaml_help;

use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{ModelCard, Page, Recipient, RetentionPolicy, System};
use crate::taxonomy::Taxonomy;

pub use assessments::RawAssessment;
pub use inventory::RawUse;
pub use layout::Layout;
pub use registers::Register;
pub use source::SourceFile;

/// Everything read from a site folder, before linking. Fields are as complete as the input
/// allowed: what failed to load is missing here and was reported.
#[derive(Debug, Clone)]
pub struct RawSite {
    /// `None` when candor.toml is missing or invalid (reported).
    pub config: Option<Config>,
    /// `None` when the config or its taxonomy extensions are invalid (reported): taxonomy
    /// keys are then not checked, to avoid a cascade of "unknown key" errors.
    pub taxonomy: Option<Taxonomy>,
    /// Inventory rows of all files, files by name, rows in file order.
    pub inventory: Vec<RawUse>,
    pub retention: Register<RetentionPolicy>,
    pub systems: Register<System>,
    pub recipients: Register<Recipient>,
    /// `content/assessments.csv` (optional).
    pub assessments: Register<RawAssessment>,
    pub models: Vec<ModelCard>,
    pub pages: Vec<Page>,
    /// Scanner reports: `content/evidence/` and `check --evidence`, in that order.
    pub evidence: Vec<evidence::EvidenceFile>,
    /// The sources read, by relative path, for snippets in link diagnostics.
    pub sources: HashMap<Arc<Path>, SourceFile>,
}

impl RawSite {
    /// The text of a line of a loaded CSV file (empty when unknown).
    pub fn line_text(&self, file: &Path, line: usize) -> &str {
        self.sources.get(file).map_or("", |s| s.line(line))
    }
}

/// Reads every input file of the site at `root`. Paths in records and diagnostics are
/// relative to `root`.
pub fn load(root: &Path) -> (RawSite, Diagnostics) {
    load_with(root, &[])
}

/// [`load`], plus evidence files named on the command line (`check --evidence`), which may
/// lie outside the site: the flag names them explicitly.
pub fn load_with(root: &Path, extra_evidence: &[PathBuf]) -> (RawSite, Diagnostics) {
    let mut errors = Vec::new();
    let scope = fs::Scope::new(root);
    let (config, taxonomy) = load_config(&scope, &mut errors);
    let layout = Layout::read(&scope, &mut errors);
    if let Some(warning) = layout.warning() {
        crate::note!("{warning}");
    }
    // The CSV tables and the Markdown files are independent: they are read side by side, and
    // their diagnostics merge in the order a serial read would give.
    let (mut tables, mut texts) =
        rayon::join(|| load_tables(root, &layout), || load_texts(root, &layout));
    errors.append(&mut tables.errors);
    errors.append(&mut texts.errors);
    let mut sources = tables.sources;
    sources.extend(texts.sources);
    let evidence = evidence::load_all(root, &layout.evidence, extra_evidence, &mut errors);

    let raw = RawSite {
        config,
        taxonomy,
        inventory: tables.inventory,
        retention: tables.retention,
        systems: tables.systems,
        recipients: tables.recipients,
        assessments: tables.assessments,
        models: texts.models,
        pages: texts.pages,
        evidence,
        sources,
    };
    let mut diags = Diagnostics::new();
    for d in errors {
        diags.push(d);
    }
    (raw, diags)
}

/// The CSV files of a site, read.
struct Tables {
    inventory: Vec<RawUse>,
    retention: Register<RetentionPolicy>,
    systems: Register<System>,
    recipients: Register<Recipient>,
    assessments: Register<RawAssessment>,
    sources: HashMap<Arc<Path>, SourceFile>,
    errors: Vec<Diagnostic>,
}

/// The Markdown files of a site, read.
struct Texts {
    models: Vec<ModelCard>,
    pages: Vec<Page>,
    sources: HashMap<Arc<Path>, SourceFile>,
    errors: Vec<Diagnostic>,
}

/// Reads the inventory files, the three registers and the assessments.
fn load_tables(root: &Path, layout: &Layout) -> Tables {
    let mut errors = Vec::new();
    let mut sources = HashMap::new();
    let mut inventory = Vec::new();
    let content = Path::new("content");
    let inv_dir = content.join("inventory");
    let files = layout.inventory.as_deref().unwrap_or_default();
    if files.is_empty() {
        errors.push(
            Diagnostic::file(
                &inv_dir,
                format!("no inventory: {} has no .csv files", inv_dir.display()),
            )
            .help("add at least one inventory file, e.g. content/inventory/customers.csv (`candor init` writes an example)"),
        );
    }
    for rel in files {
        match SourceFile::read(root, rel) {
            Ok(src) => {
                let rows = inventory::load_inventory(&src, &mut errors);
                // The first file's rows are taken as they are: extending an empty vector
                // would copy them all.
                if inventory.is_empty() {
                    inventory = rows;
                } else {
                    inventory.extend(rows);
                }
                sources.insert(Arc::clone(&src.path), src);
            }
            Err(d) => errors.push(d),
        }
    }

    let present = |name: &str| {
        if layout.registers.contains(&name) {
            Presence::Readable
        } else if layout.refused_registers.contains(&name) {
            Presence::Refused
        } else {
            Presence::Absent
        }
    };
    let retention = register(
        root,
        &content.join("retention.csv"),
        present("retention.csv"),
        true,
        &mut sources,
        &mut errors,
        registers::load_retention,
    );
    let systems = register(
        root,
        &content.join("systems.csv"),
        present("systems.csv"),
        false,
        &mut sources,
        &mut errors,
        registers::load_systems,
    );
    let recipients = register(
        root,
        &content.join("recipients.csv"),
        present("recipients.csv"),
        false,
        &mut sources,
        &mut errors,
        registers::load_recipients,
    );
    let assessments = register(
        root,
        &content.join("assessments.csv"),
        present("assessments.csv"),
        false,
        &mut sources,
        &mut errors,
        assessments::load_assessments,
    );
    Tables {
        inventory,
        retention,
        systems,
        recipients,
        assessments,
        sources,
        errors,
    }
}

/// Reads the model cards and the Markdown pages.
fn load_texts(root: &Path, layout: &Layout) -> Texts {
    let mut errors = Vec::new();
    let mut sources = HashMap::new();
    let models = markdown(
        root,
        &layout.models,
        &mut sources,
        &mut errors,
        model_card::load_model_card,
    );
    let pages = markdown(
        root,
        &layout.pages,
        &mut sources,
        &mut errors,
        pages::load_page,
    );
    Texts {
        models,
        pages,
        sources,
        errors,
    }
}

fn load_config(
    scope: &fs::Scope,
    errors: &mut Vec<Diagnostic>,
) -> (Option<Config>, Option<Taxonomy>) {
    let rel = Path::new("candor.toml");
    let root = scope.root();
    match scope.kind(rel, Path::new("")) {
        Ok(fs::Kind::File) => {}
        Ok(_) => {
            errors.push(
                Diagnostic::file(rel, format!("no candor.toml in {}: this is not a candor site", root.display()))
                    .help("run `candor init` to create a starter site here, or pass --root DIR to point at one"),
            );
            return (None, None);
        }
        Err(d) => {
            errors.push(d);
            return (None, None);
        }
    }
    match SourceFile::read(root, rel) {
        Ok(src) => parse_config(&src, errors),
        Err(d) => {
            errors.push(d);
            (None, None)
        }
    }
}

/// Parses `candor.toml` from its source and builds the taxonomy with its extensions. The
/// config is `None` when it is invalid, the taxonomy also when an extension is (reported).
pub fn parse_config(
    src: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) -> (Option<Config>, Option<Taxonomy>) {
    let rel: &Path = &src.path;
    let config = match Config::parse(&src.text, rel) {
        Ok(c) => c,
        Err(ds) => {
            errors.extend(ds);
            return (None, None);
        }
    };
    match Taxonomy::with_extensions(&config.taxonomy, &src.text, rel) {
        Ok(t) => {
            errors.extend(config_keys::check(&config, &t, src));
            (Some(config), Some(t))
        }
        Err(ds) => {
            errors.extend(ds.into_iter().map(|mut d| {
                if let (Some(line), None) = (d.line, &d.snippet) {
                    d.snippet = Some(src.line(line).to_string());
                }
                d
            }));
            (Some(config), None)
        }
    }
}

/// Whether a register file is there to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Absent,
    Readable,
    /// There, but refused by the filesystem rule (reported).
    Refused,
}

/// Loads one register file; a missing optional file is an empty register.
fn register<T>(
    root: &Path,
    rel: &Path,
    present: Presence,
    required: bool,
    sources: &mut HashMap<Arc<Path>, SourceFile>,
    errors: &mut Vec<Diagnostic>,
    read: fn(&SourceFile, &mut Vec<Diagnostic>) -> Register<T>,
) -> Register<T> {
    if present == Presence::Refused {
        let mut reg = Register::missing(rel.to_path_buf());
        reg.present = true;
        reg.unreadable = true;
        return reg;
    }
    if present == Presence::Absent {
        let mut reg = Register::missing(rel.to_path_buf());
        if required {
            reg.unreadable = true;
            errors.push(
                Diagnostic::file(rel, format!("{} is missing", rel.display()))
                    .help("create it with the header `id,name,duration,trigger,disposal,legal_reference,description` and one row per retention policy"),
            );
        }
        return reg;
    }
    match SourceFile::read(root, rel) {
        Ok(src) => {
            let reg = read(&src, errors);
            sources.insert(Arc::clone(&src.path), src);
            reg
        }
        Err(d) => {
            errors.push(d);
            let mut reg = Register::missing(rel.to_path_buf());
            reg.present = true;
            reg.unreadable = true;
            reg
        }
    }
}

/// One file as read in parallel: its source, what `read` made of it, and its diagnostics.
type Loaded<T> = (Result<SourceFile, Diagnostic>, Option<T>, Vec<Diagnostic>);

/// Loads every `.md` file of an optional directory with `read`.
fn markdown<T: Send>(
    root: &Path,
    files: &[PathBuf],
    sources: &mut HashMap<Arc<Path>, SourceFile>,
    errors: &mut Vec<Diagnostic>,
    read: fn(&SourceFile, &mut Vec<Diagnostic>) -> Option<T>,
) -> Vec<T> {
    // Files are read and parsed in parallel; results and diagnostics merge in listing order.
    let loaded: Vec<Loaded<T>> = files
        .par_iter()
        .map(|rel| {
            let mut errs = Vec::new();
            let src = SourceFile::read(root, rel);
            let item = src.as_ref().ok().and_then(|s| read(s, &mut errs));
            (src, item, errs)
        })
        .collect();
    let mut out = Vec::with_capacity(loaded.len());
    for (src, item, mut errs) in loaded {
        match src {
            Ok(src) => {
                errors.append(&mut errs);
                out.extend(item);
                sources.insert(Arc::clone(&src.path), src);
            }
            Err(d) => errors.push(d),
        }
    }
    out
}
