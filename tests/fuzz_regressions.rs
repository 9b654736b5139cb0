//! Inputs kept from fuzzing and from hunting for panics by hand, replayed through the same
//! steps as the fuzz targets in `fuzz/fuzz_targets/`: every file of
//! `tests/fixtures/fuzz/<target>/` is loaded as that kind of file, then linked; nothing may
//! panic, and every diagnostic must render and point inside its file.
//!
//! A crash found by `cargo fuzz` goes here as a new file (`fuzz/artifacts/<target>/crash-*`
//! copied under a name that says what it is) once the loader is fixed.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use candor::diag::Diagnostic;
use candor::load::model_card::load_model_card;
use candor::load::pages::load_page;
use candor::load::registers::{load_recipients, load_retention, load_systems};
use candor::load::{inventory::load_inventory, parse_config, RawSite, Register, SourceFile};
use candor::taxonomy::Taxonomy;

fn empty_site() -> RawSite {
    let content = Path::new("content");
    RawSite {
        config: None,
        taxonomy: Some(Taxonomy::fideslang()),
        inventory: Vec::new(),
        retention: Register::missing(content.join("retention.csv")),
        systems: Register::missing(content.join("systems.csv")),
        recipients: Register::missing(content.join("recipients.csv")),
        assessments: Register::missing(content.join("assessments.csv")),
        models: Vec::new(),
        pages: Vec::new(),
        sources: HashMap::new(),
    }
}

/// Renders every diagnostic and checks that its line lies within a file of `lines` lines.
fn check(name: &str, diags: &[Diagnostic], lines: usize) {
    for d in diags {
        let text = d.to_string();
        assert!(text.starts_with("error: "), "{name}: {text}");
        assert!(
            !text.contains('\0') && !text.contains('\x1b'),
            "{name}: {text:?}"
        );
        if let Some(line) = d.line {
            assert!(
                line >= 1 && line <= lines.max(1),
                "{name}: line {line} of {lines}: {d:?}"
            );
        }
    }
}

/// Loads `data` as the file `rel` with `load`, links the site, checks every diagnostic;
/// returns how many diagnostics there were.
fn replay(
    name: &str,
    rel: &str,
    data: &[u8],
    load: impl Fn(&SourceFile, &mut RawSite, &mut Vec<Diagnostic>),
) -> usize {
    let lines = data.split(|&b| b == b'\n').count();
    let src = match SourceFile::from_bytes(Path::new(rel), data) {
        Ok(src) => src,
        Err(d) => {
            check(name, &[d], lines);
            return 1;
        }
    };
    let lines = src.text.split('\n').count();
    let mut site = empty_site();
    let mut errors = Vec::new();
    load(&src, &mut site, &mut errors);
    check(name, &errors, lines);
    site.sources.insert(Arc::clone(&src.path), src);
    let linked = match candor::link::link(site) {
        Ok(_) => Vec::new(),
        Err(ds) => ds.into_iter().collect(),
    };
    check(name, &linked, lines);
    errors.len() + linked.len()
}

fn cases(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut out: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.expect("entry").path();
            let name = format!("{target}/{}", p.file_name().unwrap().to_string_lossy());
            (name, fs::read(&p).expect("read"))
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

#[test]
fn inventory_inputs() {
    for (name, data) in cases("inventory") {
        replay(
            &name,
            "content/inventory/fuzz.csv",
            &data,
            |src, site, errors| {
                site.inventory = load_inventory(src, errors);
            },
        );
    }
}

#[test]
fn register_inputs() {
    for (name, data) in cases("registers") {
        for rel in [
            "content/retention.csv",
            "content/systems.csv",
            "content/recipients.csv",
        ] {
            replay(&name, rel, &data, |src, site, errors| match rel {
                "content/retention.csv" => site.retention = load_retention(src, errors),
                "content/systems.csv" => site.systems = load_systems(src, errors),
                _ => site.recipients = load_recipients(src, errors),
            });
        }
    }
}

#[test]
fn model_card_inputs() {
    for (name, data) in cases("model_card") {
        let n = replay(
            &name,
            "content/models/fuzz.md",
            &data,
            |src, site, errors| {
                site.models.extend(load_model_card(src, errors));
            },
        );
        replay(
            &name,
            "content/pages/fuzz.md",
            &data,
            |src, site, errors| {
                site.pages.extend(load_page(src, errors));
            },
        );
        if name.contains("invalid") {
            assert!(n > 0, "{name} should be reported");
        }
    }
}

#[test]
fn config_inputs() {
    for (name, data) in cases("config") {
        let lines = data.split(|&b| b == b'\n').count();
        let Ok(src) = SourceFile::from_bytes(Path::new("candor.toml"), &data) else {
            continue;
        };
        let mut errors = Vec::new();
        let (config, taxonomy) = parse_config(&src, &mut errors);
        check(&name, &errors, lines);
        assert_eq!(
            config.is_some() && taxonomy.is_some(),
            errors.is_empty(),
            "{name}: {errors:?}"
        );
        if name.contains("invalid") {
            assert!(!errors.is_empty(), "{name} should be reported");
        }
    }
}
