//! The audit: Catalog -> Findings. Each rule family lives in its own file; every rule is one
//! pass over the catalog (plus hash lookups), so the audit stays linear in its size.
//! Output formats are in [`report`].

mod basis;
pub mod dpia;
pub mod evidence;
mod evidence_rules;
mod exceptions;
pub mod fairness;
pub mod finding;
mod model_data;
pub mod model_risk;
mod models;
mod purpose;
pub mod report;
mod retention;
pub mod review;
pub mod reviews;
pub mod rules;
pub mod settings;
pub mod targeting;
#[cfg(test)]
pub(crate) mod testing;
mod transfer;
mod transparency;
mod unused;

use jiff::civil::Date;
use rayon::prelude::*;

pub use finding::{Accepted, FailOn, Finding, Severity};
pub use rules::{Rule, RULES};
pub use settings::{Exception, Settings};
pub use targeting::Targeting;

use crate::diag::Origin;
use crate::model::Catalog;

/// The result of auditing a catalog: every finding, open and accepted, sorted.
#[derive(Debug, Clone)]
pub struct Audit {
    /// The date review rules compared against.
    pub today: Date,
    /// Sorted by severity (errors first), then file, line and rule.
    pub findings: Vec<Finding>,
    /// The DPIA screen: every use and model meeting at least one of the nine criteria.
    pub dpia: Vec<dpia::Screen>,
}

impl Audit {
    /// Findings no exception accepts.
    pub fn open(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_open())
    }

    /// Findings accepted by an exception, with its reason.
    pub fn accepted(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_open())
    }

    /// Open findings of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.open().filter(|f| f.severity == severity).count()
    }

    /// Whether an open finding reaches the threshold.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.open().any(|f| fail_on.fails(f.severity))
    }

    /// Open and accepted findings about one element.
    pub fn for_element<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |f| f.element.as_deref() == Some(id))
    }

    /// Open and accepted findings about one model.
    pub fn for_model<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |f| f.model.as_deref() == Some(id))
    }

    /// One line: "2 errors, 1 warning, 0 info, 3 accepted".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}, {} info, {} accepted",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
            self.count(Severity::Info),
            self.accepted().count()
        )
    }
}

/// Runs every enabled rule over the catalog, then applies the exceptions.
pub fn audit(catalog: &Catalog, settings: &Settings, today: Date) -> Audit {
    let screens = dpia::screen(catalog, |item| dpia::covering(catalog, item));
    let cx = Cx {
        cat: catalog,
        settings,
        today,
        dpia: &screens,
    };
    // The rule families read the catalog independently: they run in parallel and their
    // findings are joined in this fixed order, so the result does not depend on timing.
    let families: [Family; 14] = [
        targeting::check,
        basis::check,
        transparency::check,
        retention::check,
        purpose::check,
        transfer::check,
        review::check,
        models::check,
        model_data::check,
        model_risk::check,
        fairness::check,
        unused::check,
        dpia::check,
        evidence_rules::check,
    ];
    let found: Vec<Vec<Finding>> = families
        .par_iter()
        .map(|check| Out::collect(settings, |out| check(&cx, out)))
        .collect();
    let mut out = Out {
        settings,
        findings: found.concat(),
    };
    exceptions::apply(&cx, &mut out);
    let mut findings = out.findings;
    findings.par_sort_by(|a, b| {
        (b.severity, &a.origin, a.rule, &a.message)
            .cmp(&(a.severity, &b.origin, b.rule, &b.message))
    });
    Audit {
        today,
        findings,
        dpia: screens,
    }
}

/// One family of rules: reads the catalog, adds findings.
type Family = fn(&Cx<'_>, &mut Out<'_>);

/// What every rule reads.
pub(crate) struct Cx<'a> {
    pub cat: &'a Catalog,
    pub settings: &'a Settings,
    pub today: Date,
    /// The DPIA screen, computed once before the rules run.
    pub dpia: &'a [dpia::Screen],
}

/// A finding before its rule's severity is applied.
pub(crate) struct Draft {
    pub message: String,
    pub hint: String,
    pub element: Option<String>,
    pub model: Option<String>,
}

impl Draft {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Draft {
        Draft {
            message: message.into(),
            hint: hint.into(),
            element: None,
            model: None,
        }
    }

    pub fn element(mut self, id: &str) -> Draft {
        self.element = Some(id.to_string());
        self
    }

    pub fn model(mut self, id: &str) -> Draft {
        self.model = Some(id.to_string());
        self
    }
}

/// Collects findings, dropping those of rules that are off before they are built.
pub(crate) struct Out<'a> {
    settings: &'a Settings,
    pub findings: Vec<Finding>,
}

impl<'s> Out<'s> {
    /// The findings `run` adds to an empty collection.
    fn collect(settings: &'s Settings, run: impl FnOnce(&mut Out<'s>)) -> Vec<Finding> {
        let mut out = Out {
            settings,
            findings: Vec::new(),
        };
        run(&mut out);
        out.findings
    }

    /// Runs `check` on every item, chunks of items in parallel, and adds the findings in
    /// item order: the same findings, in the same order, as a plain loop.
    pub fn par_each<T: Sync>(&mut self, items: &[T], check: impl Fn(&T, &mut Out<'_>) + Sync) {
        let settings = self.settings;
        let found: Vec<Vec<Finding>> = items
            .par_chunks(4096)
            .map(|chunk| {
                Out::collect(settings, |out| {
                    for item in chunk {
                        check(item, out);
                    }
                })
            })
            .collect();
        for mut f in found {
            self.findings.append(&mut f);
        }
    }

    pub fn on(&self, rule: &str) -> bool {
        self.settings.level(rule).is_some()
    }

    /// Adds a finding of `rule` at `origin` unless the rule is off.
    pub fn emit(&mut self, rule: &'static str, origin: &Origin, draft: impl FnOnce() -> Draft) {
        if let Some(severity) = self.settings.level(rule) {
            let d = draft();
            self.findings.push(Finding {
                rule,
                severity,
                message: d.message,
                hint: d.hint,
                origin: origin.clone(),
                element: d.element,
                model: d.model,
                accepted: None,
            });
        }
    }
}

#[cfg(test)]
mod scale_tests {
    use super::testing::{inputs, run, Site};

    /// 20,000 elements with two uses each, sharing, policies and a model over all of them:
    /// every finding is found once. Speed is measured by `scripts/bench.sh`, not here.
    #[test]
    fn audits_a_large_site_finding_each_problem_once() {
        let mut s = Site::new();
        let us = s.recipient("us_cloud", "US", "");
        let mut ids = Vec::new();
        for i in 0..20_000 {
            let id = format!("e{i}");
            s.element(&id, "user.contact.email");
            s.use_(&id, "essential.service").why = "Shared boilerplate.".into();
            s.use_(&id, "marketing.communications.email").shared_with = vec![us];
            ids.push(id);
        }
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        s.model("big").inputs = inputs(&refs);
        let audit = run(s);
        // 20,000 boilerplate reasons + 20,000 unsafeguarded transfers.
        assert_eq!(audit.findings.len(), 40_000);
    }
}
