//! SARIF 2.1.0 for GitHub code scanning: every rule under `tool.driver.rules`, each open
//! finding a result at its file and line (relative to the repository root, `SRCROOT`) with a
//! `partialFingerprints` entry that survives edits elsewhere in the file. Accepted findings are
//! left out, because code scanning ignores `suppressions` and would show them as open alerts;
//! with `include_accepted` they are kept, with an `external` suppression giving the reason.

use serde_json::{json, Value};

use super::fingerprint::{fingerprint, KEY};
use crate::audit::rules::{self, Rule, RULES};
use crate::audit::{Audit, Finding, Severity};
use crate::repo_root::slash_path;

/// SARIF's name for a severity.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `demographic-targeting` -> `DemographicTargeting` (SARIF's `name` is a readable identifier).
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
}

fn rule(r: &Rule) -> Value {
    json!({
        "id": r.id,
        "name": pascal(r.id),
        "shortDescription": { "text": r.short },
        "fullDescription": { "text": format!("{} ({})", r.why, r.law) },
        "helpUri": r.help_uri(),
        "help": {
            "text": format!("{}\n\nLaw: {}\n\nHow to fix: {}\n\nTo accept a finding, add an [[audit.exceptions]] entry with rule = \"{}\", the element or model, a reason and an expiry date to candor.toml.", r.why, r.law, r.fix, r.id),
            "markdown": format!("{}\n\n**Law:** {}\n\n**How to fix:** {}\n\nTo accept a finding, add an `[[audit.exceptions]]` entry with `rule = \"{}\"`, the element or model, a reason and an expiry date to `candor.toml`.", r.why, r.law, r.fix, r.id),
        },
        "defaultConfiguration": { "level": level(r.default) },
        "properties": { "tags": r.tags },
    })
}

fn result(f: &Finding, uri_prefix: &str) -> Value {
    let file = slash_path(&f.origin.file);
    let uri = match uri_prefix.trim_matches('/') {
        "" => file,
        prefix => format!("{prefix}/{file}"),
    };
    let mut r = json!({
        "ruleId": f.rule,
        "ruleIndex": rules::index_of(f.rule).unwrap_or(0),
        "level": level(f.severity),
        "message": { "text": format!("{} Fix: {}.", f.message, f.hint.trim_end_matches('.')) },
        "partialFingerprints": { KEY: fingerprint(f, &uri) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri, "uriBaseId": "SRCROOT" },
                "region": { "startLine": f.origin.line },
            }
        }],
    });
    if let Some(a) = &f.accepted {
        r["suppressions"] = json!([{
            "kind": "external",
            "status": "accepted",
            "justification": a.reason,
        }]);
    }
    r
}

/// Where the tool is documented: its repository (`repository` in Cargo.toml).
pub const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// The audit as a SARIF 2.1.0 log; `uri_prefix` is the site folder within the repository;
/// accepted findings are included only with `include_accepted`.
pub fn sarif(audit: &Audit, uri_prefix: &str, include_accepted: bool) -> String {
    let accepted = audit.accepted().filter(|_| include_accepted);
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "candor",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": RULES.iter().map(rule).collect::<Vec<_>>(),
                }
            },
            "originalUriBaseIds": {
                "SRCROOT": {
                    "description": { "text": "The root of the git checkout the site is in (the folder with .git), else the current directory." }
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": audit
                .open()
                .chain(accepted)
                .map(|f| result(f, uri_prefix))
                .collect::<Vec<_>>(),
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn pascal_case_names() {
        assert_eq!(
            super::pascal("model-no-group-metrics"),
            "ModelNoGroupMetrics"
        );
    }
}
