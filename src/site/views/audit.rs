//! The audit page of an internal build (findings by severity and by rule, each linked to its
//! element or model page, and the reviews due), and the findings shown on each element and
//! model page.

use serde::Serialize;

use crate::audit::reviews::ReviewItem;
use crate::audit::{report::location, rules, Finding, Severity};
use crate::model::{ElementIdx, ModelIdx};

use super::{Ctx, Link};

/// A piece of a finding's message: text, or an id that was in backticks (shown as code).
#[derive(Debug, Serialize)]
pub struct Span<'a> {
    pub text: &'a str,
    pub code: bool,
}

/// Splits "`gender` is used for `x`" into text and code spans.
fn spans(message: &str) -> Vec<Span<'_>> {
    message
        .split('`')
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, text)| Span {
            text,
            code: i % 2 == 1,
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct AcceptedView<'a> {
    pub reason: &'a str,
    pub expires: Option<String>,
    pub origin: String,
}

/// One finding as a page shows it.
#[derive(Debug, Serialize)]
pub struct FindingView<'a> {
    pub rule: &'a str,
    pub severity: &'static str,
    pub message: Vec<Span<'a>>,
    pub hint: Vec<Span<'a>>,
    /// `file:line` of the row or card that causes it.
    pub origin: String,
    /// The element or model page it concerns.
    pub subject: Option<Link<'a>>,
    pub accepted: Option<AcceptedView<'a>>,
}

pub(super) fn model_link<'a>(ctx: Ctx<'a>, m: ModelIdx) -> Link<'a> {
    let slug = ctx.site.model_slugs.get(m).map_or("item", String::as_str);
    Link {
        name: &ctx.catalog.models[m].name,
        href: Some(format!("models/{slug}/index.html")),
    }
}

fn finding<'a>(ctx: Ctx<'a>, f: &'a Finding) -> FindingView<'a> {
    let index = &ctx.catalog.index;
    let subject = f
        .model
        .as_ref()
        .and_then(|id| index.models.get(id))
        .map(|&m| model_link(ctx, m))
        .or_else(|| {
            f.element
                .as_ref()
                .and_then(|id| index.elements.get(id))
                .map(|&e| ctx.element_link(e))
        });
    FindingView {
        rule: f.rule,
        severity: f.severity.as_str(),
        message: spans(&f.message),
        hint: spans(&f.hint),
        origin: location(&f.origin),
        subject,
        accepted: f.accepted.as_ref().map(|a| AcceptedView {
            reason: &a.reason,
            expires: a.expires.map(|d| d.to_string()),
            origin: location(&a.origin),
        }),
    }
}

/// The findings about one element (empty on public builds).
pub(super) fn for_element<'a>(ctx: Ctx<'a>, e: ElementIdx) -> Vec<FindingView<'a>> {
    match &ctx.site.audit {
        Some(a) => a.for_element(e).map(|f| finding(ctx, f)).collect(),
        None => Vec::new(),
    }
}

/// The findings about one model card (empty on public builds).
pub(super) fn for_model<'a>(ctx: Ctx<'a>, m: ModelIdx) -> Vec<FindingView<'a>> {
    match &ctx.site.audit {
        Some(a) => a.for_model(m).map(|f| finding(ctx, f)).collect(),
        None => Vec::new(),
    }
}

#[derive(Debug, Serialize)]
pub struct SeverityGroup<'a> {
    pub severity: &'static str,
    pub title: &'static str,
    pub findings: Vec<FindingView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RuleRow {
    pub id: &'static str,
    pub short: &'static str,
    /// Why the rule exists, in plain words.
    pub why: &'static str,
    /// The law or seed principle it enforces.
    pub law: &'static str,
    pub severity: Option<&'static str>,
    pub open: usize,
    pub accepted: usize,
}

#[derive(Debug, Serialize)]
pub struct ReviewRow<'a> {
    pub subject: Link<'a>,
    /// The purpose reviewed, for a use; `None` for a model card.
    pub purpose: Option<&'a str>,
    pub last_reviewed: Option<String>,
    pub due: Option<String>,
    pub overdue: bool,
    pub origin: String,
}

/// One row of the DPIA screen: a use or model meeting two or more of the nine criteria.
#[derive(Debug, Serialize)]
pub struct DpiaRow<'a> {
    pub subject: Link<'a>,
    /// The purpose screened, for a use; `None` for a model.
    pub purpose: Option<&'a str>,
    /// "2 of 9: special category or criminal data, vulnerable subjects".
    pub summary: String,
    /// The `dpia` assessment that covers it; `None`: a DPIA is needed and none is recorded.
    pub covered_by: Option<&'a str>,
    pub origin: String,
}

/// The DPIA screen of the audit page.
#[derive(Debug, Serialize)]
pub struct DpiaView<'a> {
    pub rows: Vec<DpiaRow<'a>>,
    /// Uses and models meeting one criterion only (no DPIA needed).
    pub below: usize,
}

fn dpia<'a>(ctx: Ctx<'a>, a: &'a crate::audit::Audit) -> DpiaView<'a> {
    use crate::audit::dpia::Screened;
    let c = ctx.catalog;
    let rows = a
        .dpia
        .iter()
        .filter(|s| s.needs_dpia())
        .map(|s| {
            let (subject, purpose) = match s.item {
                Screened::Use(u) => (
                    ctx.element_link(c.uses[u].element),
                    Some(c.uses[u].purpose.as_str()),
                ),
                Screened::Model(m) => (model_link(ctx, m), None),
            };
            DpiaRow {
                subject,
                purpose,
                summary: s.summary(),
                covered_by: s.covered_by.as_deref(),
                origin: location(&s.origin),
            }
        })
        .collect();
    DpiaView {
        rows,
        below: a.dpia.iter().filter(|s| !s.needs_dpia()).count(),
    }
}

#[derive(Debug, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub accepted: usize,
}

/// The `audit/` page.
#[derive(Debug, Serialize)]
pub struct AuditView<'a> {
    pub today: String,
    pub summary: String,
    pub counts: Counts,
    pub groups: Vec<SeverityGroup<'a>>,
    pub accepted: Vec<FindingView<'a>>,
    pub rules: Vec<RuleRow>,
    pub reviews: Vec<ReviewRow<'a>>,
    pub dpia: DpiaView<'a>,
    pub fairness: super::fairness::FairnessView<'a>,
    /// Whether the build has an Evidence page (`evidence/`) to link to.
    pub evidence: bool,
}

pub(super) fn audit(ctx: Ctx<'_>) -> AuditView<'_> {
    let Some(sa) = &ctx.site.audit else {
        return AuditView {
            today: String::new(),
            summary: "The audit did not run for this build.".into(),
            counts: Counts {
                error: 0,
                warning: 0,
                info: 0,
                accepted: 0,
            },
            groups: Vec::new(),
            accepted: Vec::new(),
            rules: Vec::new(),
            reviews: Vec::new(),
            dpia: DpiaView {
                rows: Vec::new(),
                below: 0,
            },
            fairness: super::fairness::summary(ctx),
            evidence: ctx
                .site
                .pages
                .iter()
                .any(|p| p.kind == crate::site::PageKind::Evidence),
        };
    };
    let a = sa.audit;
    let groups = Severity::ALL
        .iter()
        .map(|&s| SeverityGroup {
            severity: s.as_str(),
            title: match s {
                Severity::Error => "Errors",
                Severity::Warning => "Warnings",
                Severity::Info => "For information",
            },
            findings: a
                .open()
                .filter(|f| f.severity == s)
                .map(|f| finding(ctx, f))
                .collect(),
        })
        .filter(|g| !g.findings.is_empty())
        .collect();
    let mut open = vec![0usize; rules::RULES.len()];
    let mut accepted = vec![0usize; rules::RULES.len()];
    let mut severity: Vec<Option<Severity>> = vec![None; rules::RULES.len()];
    for f in &a.findings {
        if let Some(i) = rules::index_of(f.rule) {
            if f.is_open() {
                open[i] += 1;
            } else {
                accepted[i] += 1;
            }
            severity[i] = Some(f.severity);
        }
    }
    let rules = rules::RULES
        .iter()
        .enumerate()
        .filter(|(i, _)| open[*i] + accepted[*i] > 0)
        .map(|(i, r)| RuleRow {
            id: r.id,
            short: r.short,
            why: r.why,
            law: r.law,
            severity: severity[i].map(Severity::as_str),
            open: open[i],
            accepted: accepted[i],
        })
        .collect();
    let c = ctx.catalog;
    let reviews = sa
        .reviews
        .iter()
        .map(|r| {
            let (subject, purpose) = match r.item {
                ReviewItem::Use { element, use_ } => (
                    ctx.element_link(element),
                    Some(c.uses[use_].purpose.as_str()),
                ),
                ReviewItem::Model(m) => (model_link(ctx, m), None),
            };
            ReviewRow {
                subject,
                purpose,
                last_reviewed: r.last_reviewed.map(|d| d.to_string()),
                due: r.due.map(|d| d.to_string()),
                overdue: r.overdue,
                origin: location(&r.origin),
            }
        })
        .collect();
    AuditView {
        today: a.today.to_string(),
        summary: a.summary(),
        counts: Counts {
            error: a.count(Severity::Error),
            warning: a.count(Severity::Warning),
            info: a.count(Severity::Info),
            accepted: a.accepted().count(),
        },
        groups,
        accepted: a.accepted().map(|f| finding(ctx, f)).collect(),
        rules,
        reviews,
        dpia: dpia(ctx, a),
        fairness: super::fairness::summary(ctx),
        evidence: ctx
            .site
            .pages
            .iter()
            .any(|p| p.kind == crate::site::PageKind::Evidence),
    }
}

#[cfg(test)]
mod tests {
    use super::spans;

    #[test]
    fn backticks_become_code_spans() {
        let s = spans("`gender` is used for `ads`.");
        let parts: Vec<_> = s.iter().map(|s| (s.text, s.code)).collect();
        assert_eq!(
            parts,
            [
                ("gender", true),
                (" is used for ", false),
                ("ads", true),
                (".", false)
            ]
        );
    }
}
