//! Evidence files joined with their `[evidence."file name"]` settings (systems covered, scan
//! date), and every name the evidence configuration uses checked: the file, the systems, the
//! data categories of `[evidence.map]`, and a CSV's `system` column.

use std::path::Path;

use crate::config::Config;
use crate::diag::{did_you_mean, Diagnostic};
use crate::load::evidence::EvidenceFile;
use crate::taxonomy::Taxonomy;

use crate::model::System;

/// The evidence files with their settings applied; what does not resolve goes to `errors`.
pub fn link_evidence(
    mut files: Vec<EvidenceFile>,
    config: Option<&Config>,
    taxonomy: Option<&Taxonomy>,
    systems: &[System],
    errors: &mut Vec<Diagnostic>,
) -> Vec<EvidenceFile> {
    let toml = Path::new("candor.toml");
    let ids = || systems.iter().map(|s| s.id.as_str());
    let known = |id: &str| systems.iter().any(|s| s.id == id);
    if let Some(config) = config {
        for (name, settings) in &config.evidence.files {
            let Some(file) = files.iter_mut().find(|f| &f.name == name) else {
                // A report CI passes with `check --evidence` is absent from `build`: only a
                // near miss of a file that is there is a mistake (a typo).
                let names = files.iter().map(|f| f.name.as_str());
                if let Some(help) = did_you_mean(name, names) {
                    errors.push(
                        Diagnostic::file(toml, format!("[evidence.\"{name}\"] names no evidence file: there is no content/evidence/{name} and no --evidence file of that name"))
                            .help(help),
                    );
                }
                continue;
            };
            for id in &settings.systems {
                if !known(id) {
                    errors.push(
                        Diagnostic::file(
                            toml,
                            format!("unknown system `{id}` in [evidence.\"{name}\"] systems"),
                        )
                        .help(
                            did_you_mean(id, ids()).unwrap_or_else(|| {
                                "use an id from content/systems.csv".to_string()
                            }),
                        ),
                    );
                }
            }
            file.systems.clone_from(&settings.systems);
            if settings.scanned.is_some() {
                file.scanned = settings.scanned;
            }
        }
        if let Some(tax) = taxonomy {
            for (ty, cat) in &config.evidence.map {
                if !tax.categories.contains(cat) {
                    errors.push(
                        Diagnostic::file(toml, format!("[evidence.map] maps `{ty}` to `{cat}`, which is not a data category"))
                            .help(tax.categories.unknown_key_help(cat)),
                    );
                }
            }
        }
    }
    for file in &files {
        for d in &file.detections {
            if let Some(id) = d.system.as_deref().filter(|id| !known(id)) {
                errors.push(
                    Diagnostic::at(
                        file.path.to_path_buf(),
                        d.line,
                        format!(
                            "unknown system `{id}` in evidence file {}",
                            file.path.display()
                        ),
                    )
                    .help(
                        did_you_mean(id, ids())
                            .unwrap_or_else(|| "use an id from content/systems.csv".to_string()),
                    ),
                );
            }
        }
    }
    files
}
