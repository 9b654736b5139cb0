//! Shared by the loader fuzz targets (`fuzz/fuzz_targets/`) and their replay in `cargo test`
//! (`tests/fuzz_regressions.rs`): a site around the loaded records, and checks that every
//! diagnostic is placed inside its file and renders.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use candor::diag::Diagnostic;
use candor::load::{RawSite, Register, SourceFile};
use candor::taxonomy::Taxonomy;

static FIDESLANG: LazyLock<Taxonomy> = LazyLock::new(Taxonomy::fideslang);

/// A site with nothing loaded yet but the embedded taxonomy; registers absent.
pub fn empty_site() -> RawSite {
    let content = Path::new("content");
    RawSite {
        config: None,
        taxonomy: Some(FIDESLANG.clone()),
        inventory: Vec::new(),
        retention: Register::missing(content.join("retention.csv")),
        systems: Register::missing(content.join("systems.csv")),
        recipients: Register::missing(content.join("recipients.csv")),
        assessments: Register::missing(content.join("assessments.csv")),
        models: Vec::new(),
        pages: Vec::new(),
        evidence: Vec::new(),
        sources: HashMap::new(),
    }
}

/// The source `rel` from fuzz bytes; `None` (after checking the error) when not UTF-8.
pub fn source(rel: &str, data: &[u8]) -> Option<SourceFile> {
    match SourceFile::from_bytes(Path::new(rel), data) {
        Ok(src) => Some(src),
        Err(d) => {
            check(rel, &[d], Some(data.split(|&b| b == b'\n').count()));
            None
        }
    }
}

/// Adds a source to the site so link diagnostics can quote it.
pub fn keep(site: &mut RawSite, src: SourceFile) {
    site.sources.insert(Arc::clone(&src.path), src);
}

/// Every diagnostic renders (as an error, with no NUL or escape character), and its line (when
/// it has one) lies inside a file of `lines` lines (the number of `\n`-separated pieces of the
/// text); `what` names the input in a failure.
pub fn check(what: &str, diags: &[Diagnostic], lines: Option<usize>) {
    for d in diags {
        let text = d.to_string();
        assert!(text.starts_with("error: "), "{what}: {text}");
        assert!(!d.message.is_empty(), "{what}: {d:?}");
        assert!(
            !text.contains('\0') && !text.contains('\x1b'),
            "{what}: {text:?}"
        );
        if let (Some(line), Some(max)) = (d.line, lines) {
            assert!(
                line >= 1 && line <= max.max(1),
                "{what}: line {line} of {max}: {d:?}"
            );
        }
        assert!(d.column.is_none_or(|c| c >= 1), "{what}: {d:?}");
        let _: PathBuf = d.file.clone();
    }
}

/// Number of lines of a normalised source.
pub fn lines(src: &SourceFile) -> usize {
    src.text.split('\n').count()
}
