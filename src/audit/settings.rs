//! `[audit]` of candor.toml, validated against the rules and the catalog: each rule's
//! severity, the failure threshold and the exceptions, with errors that point at their line.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use super::finding::{FailOn, Severity};
use super::rules::{self, RULES};
use super::targeting::Targeting;
use crate::config::{AuditException, Config, KeyLines};
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Origin};
use crate::model::Catalog;

/// A validated `[[audit.exceptions]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    pub rule: &'static str,
    pub element: Option<String>,
    pub model: Option<String>,
    pub reason: String,
    /// The last day it applies; `None` never expires.
    pub expires: Option<Date>,
    /// Its `[[audit.exceptions]]` header in candor.toml.
    pub origin: Origin,
}

impl Exception {
    /// Whether it still suppresses findings on `today` (it applies through its expiry day).
    pub fn is_active(&self, today: Date) -> bool {
        self.expires.is_none_or(|d| today <= d)
    }
}

/// How the audit runs: severities per rule, threshold, review age and exceptions.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Effective level per rule, indexed like [`RULES`]; `None` is off.
    levels: Vec<Option<Severity>>,
    pub fail_on: FailOn,
    pub max_age_days: u32,
    pub exceptions: Vec<Exception>,
    /// An accepted exception must expire within this many days (`[audit] max_exception_days`).
    pub max_exception_days: u32,
    /// Largest allowed gap between a group's metric and the overall one (`[audit] max_group_gap`).
    pub max_group_gap: f64,
    /// Protected traits and allowed uses for `demographic-targeting` (`[audit.targeting]`).
    pub targeting: Targeting,
}

impl Default for Settings {
    /// Every rule at its default severity, fail on errors, reviews due yearly, no exceptions,
    /// exceptions for at most a year, the contract's protected traits.
    fn default() -> Self {
        Settings {
            levels: RULES.iter().map(|r| Some(r.default)).collect(),
            fail_on: FailOn::Error,
            max_age_days: 365,
            exceptions: Vec::new(),
            max_exception_days: DEFAULT_MAX_EXCEPTION_DAYS,
            max_group_gap: 0.05,
            targeting: Targeting::default(),
        }
    }
}

/// The default of `[audit] max_exception_days`.
pub const DEFAULT_MAX_EXCEPTION_DAYS: u32 = 365;

const LEVELS: [&str; 4] = ["error", "warning", "info", "off"];
const FAIL_ON: [&str; 3] = ["error", "warning", "never"];

impl Settings {
    /// Reads `catalog.config`, whose [`KeyLines`] place the errors in `config_file`.
    pub fn from_catalog(catalog: &Catalog, config_file: &Path) -> Result<Settings, Diagnostics> {
        let config: &Config = &catalog.config;
        let cx = Cx {
            lines: &config.lines,
            file: Arc::from(config_file),
        };
        let mut errors = Diagnostics::new();
        let mut settings = Settings {
            max_age_days: config.review.max_age_days,
            max_exception_days: config.audit.max_exception_days,
            max_group_gap: config.audit.max_group_gap,
            targeting: config.audit.targeting.clone(),
            ..Settings::default()
        };
        if let Some(text) = &config.audit.fail_on {
            match FailOn::parse(text) {
                Some(f) => settings.fail_on = f,
                None => errors.push(
                    cx.at(cx.lines.get(&["audit", "fail_on"]))(format!(
                        "unknown [audit] fail_on `{text}`: expected error, warning or never"
                    ))
                    .maybe_help(did_you_mean(text, FAIL_ON)),
                ),
            }
        }
        for (id, level) in &config.audit.rules {
            let at = cx.at(cx.lines.get(&["audit", "rules", id]));
            let Some(i) = rules::index_of(id) else {
                errors.push(
                    at(format!("unknown audit rule `{id}` in [audit.rules]")).help(rule_help(id)),
                );
                continue;
            };
            match Severity::parse_level(level) {
                Some(l) => settings.levels[i] = l,
                None => errors.push(
                    at(format!(
                        "unknown severity `{level}` for rule `{id}`: expected error, warning, info or off"
                    ))
                    .maybe_help(did_you_mean(level, LEVELS)),
                ),
            }
        }
        for (n, e) in config.audit.exceptions.iter().enumerate() {
            match exception(catalog, &cx, n, e) {
                Ok(x) => settings.exceptions.push(x),
                Err(ds) => errors.extend(ds),
            }
        }
        errors.into_result(settings)
    }

    /// The effective severity of a rule; `None` when it is off (or unknown).
    pub fn level(&self, rule: &str) -> Option<Severity> {
        rules::index_of(rule).and_then(|i| self.levels[i])
    }

    /// Sets a rule's severity (`None`: off).
    pub fn set_level(&mut self, rule: &str, level: Option<Severity>) {
        if let Some(i) = rules::index_of(rule) {
            self.levels[i] = level;
        }
    }
}

/// Where candor.toml is and where its keys are.
struct Cx<'a> {
    lines: &'a KeyLines,
    file: Arc<Path>,
}

impl Cx<'_> {
    /// A diagnostic maker at a line of candor.toml, or at the file when the line is unknown.
    fn at(&self, line: Option<usize>) -> impl Fn(String) -> Diagnostic + '_ {
        move |msg| match line {
            Some(l) => Diagnostic::at(self.file.to_path_buf(), l, msg),
            None => Diagnostic::file(self.file.to_path_buf(), msg),
        }
    }

    /// The line of `key` in the `n`-th `[[audit.exceptions]]`, else of the exception itself.
    fn item_line(&self, n: usize, key: Option<&str>) -> Option<usize> {
        let n = n.to_string();
        let item = ["audit", "exceptions", n.as_str()];
        key.and_then(|k| self.lines.get(&[&item[..], &[k]].concat()))
            .or_else(|| self.lines.get(&item))
    }
}

fn rule_help(id: &str) -> String {
    did_you_mean(id, RULES.iter().map(|r| r.id)).unwrap_or_else(|| {
        "rule ids are listed in docs/audit.md (e.g. `vague-purpose`, `overdue-review`)".into()
    })
}

/// Validates one exception: known rule, a reason, and an element or model that exists.
fn exception(
    catalog: &Catalog,
    cx: &Cx<'_>,
    n: usize,
    e: &AuditException,
) -> Result<Exception, Diagnostics> {
    let mut errors = Diagnostics::new();
    let header = cx.item_line(n, None);
    let rule = match rules::rule(&e.rule) {
        Some(r) if r.is_meta() => {
            errors.push(
                cx.at(cx.item_line(n, Some("rule")))(format!(
                    "rule `{}` cannot be excepted: it reports on the exceptions themselves",
                    e.rule
                ))
                .help("fix or delete the exception it points at"),
            );
            None
        }
        Some(r) => Some(r.id),
        None => {
            let msg = if e.rule.is_empty() {
                "exception without a `rule`".to_string()
            } else {
                format!("exception for unknown audit rule `{}`", e.rule)
            };
            errors.push(cx.at(cx.item_line(n, Some("rule")))(msg).help(rule_help(&e.rule)));
            None
        }
    };
    let reason = e.reason.as_deref().map(str::trim).unwrap_or("");
    if reason.is_empty() {
        errors.push(
            cx.at(header)(format!("exception for `{}` has no reason", e.rule)).help(
                "add reason = \"...\": why the organisation accepts this finding, so reviewers can judge it",
            ),
        );
    }
    if let Some(id) = &e.element {
        if catalog.element(id).is_none() {
            let help = did_you_mean(id, catalog.index.elements.keys().map(String::as_str))
                .unwrap_or_else(|| "name an element id from content/inventory/*.csv".into());
            errors.push(
                cx.at(cx.item_line(n, Some("element")))(format!(
                    "exception names unknown element `{id}`"
                ))
                .help(help),
            );
        }
    }
    if let Some(id) = &e.model {
        if catalog.model(id).is_none() {
            let help = did_you_mean(id, catalog.index.models.keys().map(String::as_str))
                .unwrap_or_else(|| "name a model id from content/models/*.md".into());
            errors.push(
                cx.at(cx.item_line(n, Some("model")))(format!(
                    "exception names unknown model `{id}`"
                ))
                .help(help),
            );
        }
    }
    match rule {
        Some(rule) if errors.is_empty() => Ok(Exception {
            rule,
            element: e.element.clone(),
            model: e.model.clone(),
            reason: reason.to_string(),
            expires: e.expires,
            origin: Origin::new(&cx.file, header.unwrap_or(1)),
        }),
        _ => Err(errors),
    }
}
