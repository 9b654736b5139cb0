//! The audit's rules: ids (part of the interface: users configure and suppress them by id),
//! default severities, the law or seed principle each enforces, and the texts every output
//! format shows. The table itself is in [`table`].

mod table;

use super::finding::Severity;

pub use table::RULES;

pub const DEMOGRAPHIC_TARGETING: &str = "demographic-targeting";
pub const SPECIAL_CATEGORY_CONDITION: &str = "special-category-condition";
/// The id `special-category-condition` had before; still accepted in `[audit.rules]` and
/// `[[audit.exceptions]]`.
pub const SENSITIVE_BASIS: &str = "sensitive-basis";
pub const CRIMINAL_DATA_AUTHORITY: &str = "criminal-data-authority";
pub const CONSENT_NOT_OPTIONAL: &str = "consent-not-optional";
pub const BASIS_MISMATCH: &str = "basis-mismatch";
pub const LEGAL_REFERENCE_MISSING: &str = "legal-reference-missing";
pub const MISSING_RETENTION: &str = "missing-retention";
pub const UNBOUNDED_RETENTION: &str = "unbounded-retention";
pub const RETENTION_NO_TRIGGER: &str = "retention-no-trigger";
pub const EXCESSIVE_RETENTION: &str = "excessive-retention";
pub const MISSING_LEGAL_BASIS: &str = "missing-legal-basis";
pub const VAGUE_PURPOSE: &str = "vague-purpose";
pub const HIDDEN_USE: &str = "hidden-use";
pub const UNSAFEGUARDED_TRANSFER: &str = "unsafeguarded-transfer";
pub const INVALID_SAFEGUARD: &str = "invalid-safeguard";
pub const PROCESSOR_WITHOUT_DPA: &str = "processor-without-dpa";
pub const DPIA_REQUIRED: &str = "dpia-required";
pub const OVERDUE_REVIEW: &str = "overdue-review";
pub const FUTURE_DATE: &str = "future-date";
pub const MODEL_UNDECLARED_INPUT: &str = "model-undeclared-input";
pub const MODEL_UNDECLARED_TRAINING: &str = "model-undeclared-training";
pub const MODEL_DEMOGRAPHIC_INPUT: &str = "model-demographic-input";
pub const MODEL_EXCLUDED_INPUT_USED: &str = "model-excluded-input-used";
pub const MODEL_UNDECLARED_EVALUATION: &str = "model-undeclared-evaluation";
pub const MODEL_PURPOSE_CREEP: &str = "model-purpose-creep";
pub const MODEL_GROUP_GAP: &str = "model-group-gap";
pub const MODEL_RISK_CLASS: &str = "model-risk-class";
pub const AUTOMATED_DECISION: &str = "automated-decision";
pub const PUBLIC_CARD_INTERNAL_INPUT: &str = "public-card-internal-input";
pub const MODEL_CARD_INCOMPLETE: &str = "model-card-incomplete";
pub const MODEL_NO_GROUP_METRICS: &str = "model-no-group-metrics";
pub const UNDECLARED_DATA: &str = "undeclared-data";
pub const UNDECLARED_RECIPIENT: &str = "undeclared-recipient";
pub const UNDECLARED_SHARING: &str = "undeclared-sharing";
pub const UNCONFIRMED_ELEMENT: &str = "unconfirmed-element";
pub const UNMAPPED_DATA_TYPE: &str = "unmapped-data-type";
pub const UNUSED_RECORD: &str = "unused-record";
pub const EXPIRED_EXCEPTION: &str = "expired-exception";
pub const STALE_EXCEPTION: &str = "stale-exception";
pub const EXCEPTION_TOO_LONG: &str = "exception-too-long";

/// Old rule ids and the rule that now carries each.
const ALIASES: &[(&str, &str)] = &[(SENSITIVE_BASIS, SPECIAL_CATEGORY_CONDITION)];

/// A rule's id, default severity, the law behind it and its documentation.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub default: Severity,
    /// The article or seed principle it enforces, e.g. "GDPR Art. 9(2)".
    pub law: &'static str,
    /// SARIF `properties.tags`: what kind of rule it is.
    pub tags: &'static [&'static str],
    /// One line: what it finds.
    pub short: &'static str,
    /// Why a reviewer cares, in plain language.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

impl Rule {
    /// Rules about `[[audit.exceptions]]` themselves cannot be excepted.
    pub fn is_meta(&self) -> bool {
        matches!(
            self.id,
            EXPIRED_EXCEPTION | STALE_EXCEPTION | EXCEPTION_TOO_LONG
        )
    }

    /// Where the rule is documented, as an absolute URL (SARIF's `helpUri` is a `uri`): the
    /// heading in docs/audit.md, whose anchor is the bare rule id, in candor's repository
    /// (`repository` in Cargo.toml).
    pub fn help_uri(&self) -> String {
        format!(
            "{}/blob/main/{DOCS}#{}",
            env!("CARGO_PKG_REPOSITORY"),
            self.id
        )
    }
}

/// The rules' documentation, relative to the repository root.
pub const DOCS: &str = "docs/audit.md";

/// The rule with this id.
/// The rule with this id, or the rule an old id (`sensitive-basis`) now goes by.
pub fn rule(id: &str) -> Option<&'static Rule> {
    let id = canonical(id);
    RULES.iter().find(|r| r.id == id)
}

/// The current id for `id`: itself, or the rule an old alias now goes by.
pub fn canonical(id: &str) -> &str {
    ALIASES
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| new)
}

/// Position of a rule in [`RULES`] (for SARIF's `ruleIndex` and per-rule tables).
/// Old ids resolve to their rule's position.
pub fn index_of(id: &str) -> Option<usize> {
    let id = canonical(id);
    RULES.iter().position(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.id), "duplicate {}", r.id);
            assert!(
                r.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                r.id
            );
            assert!(!r.short.is_empty() && !r.why.is_empty() && !r.fix.is_empty());
            assert!(!r.law.is_empty() && !r.tags.is_empty(), "{}", r.id);
        }
        assert_eq!(rule(VAGUE_PURPOSE).unwrap().default, Severity::Warning);
        assert_eq!(index_of(DEMOGRAPHIC_TARGETING), Some(0));
    }

    #[test]
    fn the_old_sensitive_basis_id_resolves_to_special_category_condition() {
        assert_eq!(
            rule(SENSITIVE_BASIS).unwrap().id,
            SPECIAL_CATEGORY_CONDITION
        );
        assert_eq!(
            index_of(SENSITIVE_BASIS),
            index_of(SPECIAL_CATEGORY_CONDITION)
        );
        assert!(RULES.iter().all(|r| r.id != SENSITIVE_BASIS));
        assert_eq!(
            rule(SPECIAL_CATEGORY_CONDITION).unwrap().help_uri(),
            format!(
                "{}/blob/main/docs/audit.md#special-category-condition",
                env!("CARGO_PKG_REPOSITORY")
            )
        );
    }

    #[test]
    fn every_rule_is_documented_with_its_default() {
        let doc = include_str!("../../../docs/audit.md");
        for r in RULES {
            let heading = format!("\n### `{}`\n\n**Severity:** {}", r.id, r.default);
            assert!(doc.contains(&heading), "docs/audit.md lacks {heading}");
            assert!(
                doc.contains(&format!("**Law:** {}", r.law)),
                "docs/audit.md lacks the law of {}",
                r.id
            );
        }
    }
}
