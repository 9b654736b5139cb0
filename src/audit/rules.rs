//! The audit's rules: ids (part of the interface: users configure and suppress them by id),
//! default severities and the texts every output format shows.

use super::finding::Severity;

pub const DEMOGRAPHIC_TARGETING: &str = "demographic-targeting";
pub const SENSITIVE_BASIS: &str = "sensitive-basis";
pub const MISSING_RETENTION: &str = "missing-retention";
pub const UNBOUNDED_RETENTION: &str = "unbounded-retention";
pub const MISSING_LEGAL_BASIS: &str = "missing-legal-basis";
pub const VAGUE_PURPOSE: &str = "vague-purpose";
pub const UNSAFEGUARDED_TRANSFER: &str = "unsafeguarded-transfer";
pub const OVERDUE_REVIEW: &str = "overdue-review";
pub const MODEL_UNDECLARED_INPUT: &str = "model-undeclared-input";
pub const MODEL_UNDECLARED_TRAINING: &str = "model-undeclared-training";
pub const MODEL_DEMOGRAPHIC_INPUT: &str = "model-demographic-input";
pub const MODEL_EXCLUDED_INPUT_USED: &str = "model-excluded-input-used";
pub const MODEL_CARD_INCOMPLETE: &str = "model-card-incomplete";
pub const MODEL_NO_GROUP_METRICS: &str = "model-no-group-metrics";
pub const UNUSED_RECORD: &str = "unused-record";
pub const EXPIRED_EXCEPTION: &str = "expired-exception";
pub const STALE_EXCEPTION: &str = "stale-exception";

/// A rule's id, default severity and documentation.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub default: Severity,
    /// One line: what it finds.
    pub short: &'static str,
    /// Why a reviewer cares.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

impl Rule {
    /// Rules about `[[audit.exceptions]]` themselves cannot be excepted.
    pub fn is_meta(&self) -> bool {
        matches!(self.id, EXPIRED_EXCEPTION | STALE_EXCEPTION)
    }
}

/// Every rule, in the order the documentation lists them.
pub const RULES: &[Rule] = &[
    Rule {
        id: DEMOGRAPHIC_TARGETING,
        default: Severity::Error,
        short: "Demographic or sensitive data used for marketing, advertising or personalisation.",
        why:
            "Targeting people by gender, age, health, ethnicity or similar traits guesses at what \
              they want and can discriminate; what people tell you they are interested in is both \
              more respectful and more accurate.",
        fix: "Ask people which products or topics they are interested in and target those stated \
              interests; drop the demographic element from the marketing or personalisation use.",
    },
    Rule {
        id: SENSITIVE_BASIS,
        default: Severity::Error,
        short: "Special-category data processed on legitimate interests or on no legal basis.",
        why: "GDPR Art. 9 forbids processing health, biometric, ethnic, religious, political or \
              sexual-orientation data unless an Art. 9(2) condition applies; legitimate interests \
              is never one.",
        fix:
            "Rely on explicit consent (or another Art. 9(2) condition such as a legal obligation) \
              and record it in `legal_basis`, or stop processing the data.",
    },
    Rule {
        id: MISSING_RETENTION,
        default: Severity::Error,
        short: "A use of data with no retention policy.",
        why:
            "Data kept without a deadline is kept forever by default; storage limitation requires \
              a stated period for every use.",
        fix: "Add a policy to retention.csv and name its id in the row's `retention` column.",
    },
    Rule {
        id: UNBOUNDED_RETENTION,
        default: Severity::Warning,
        short: "A use whose retention policy is `indefinite`.",
        why:
            "The most secure data is data that is no longer stored; an indefinite period is rarely \
              what the purpose needs.",
        fix: "Give the policy an ISO 8601 duration (e.g. P24M) and a trigger, or except the use \
              with the reason it must be kept for good.",
    },
    Rule {
        id: MISSING_LEGAL_BASIS,
        default: Severity::Warning,
        short: "A use with no legal basis.",
        why:
            "Every processing of personal data needs one of the six GDPR Art. 6 bases, and people \
              have a right to know which.",
        fix: "Fill the row's `legal_basis` (consent, contract, legal_obligation, vital_interests, \
              public_task or legitimate_interests).",
    },
    Rule {
        id: VAGUE_PURPOSE,
        default: Severity::Warning,
        short: "An element used only for generic purposes, or with an empty or boilerplate reason.",
        why: "\"We collect it for marketing\" tells a reader nothing; purpose limitation needs a \
              specific purpose and a reason written for this data.",
        fix: "Use the most specific data use key that fits (e.g. marketing.communications.email) \
              and write in `why` what this element is needed for.",
    },
    Rule {
        id: UNSAFEGUARDED_TRANSFER,
        default: Severity::Warning,
        short: "Data shared with a recipient outside the EU/EEA with no transfer safeguard.",
        why:
            "Transfers outside the EU/EEA need an adequacy decision, standard contractual clauses \
              or another Chapter V safeguard, and people may ask which.",
        fix:
            "Name the safeguard in the recipient's `safeguards` column in recipients.csv, or give \
              its EU/EEA country if it is in fact inside.",
    },
    Rule {
        id: OVERDUE_REVIEW,
        default: Severity::Warning,
        short:
            "A use or model card never reviewed, or reviewed longer ago than review.max_age_days.",
        why: "Moments of review are where a team asks whether it still needs the data and whether \
              a model still behaves; a stale review date means nobody asked.",
        fix: "Review the use or card and set `last_reviewed` to the review date.",
    },
    Rule {
        id: MODEL_UNDECLARED_INPUT,
        default: Severity::Error,
        short: "A model input or training element that is not in the inventory.",
        why: "A model that uses data the inventory does not declare makes the published inventory \
              incomplete.",
        fix: "Add the element to an inventory CSV (with its uses), or correct the id in the model \
              card.",
    },
    Rule {
        id: MODEL_UNDECLARED_TRAINING,
        default: Severity::Error,
        short: "A model trained on an element that has no `train_ai_system` use.",
        why: "Training a model is a purpose of its own; people should be told their data is used \
              for it, and on which basis.",
        fix: "Add an inventory row for the element with purpose `train_ai_system`, a reason and a \
              legal basis, or stop training on it.",
    },
    Rule {
        id: MODEL_DEMOGRAPHIC_INPUT,
        default: Severity::Warning,
        short: "A model that takes a demographic or sensitive element as input.",
        why: "Demographic inputs let a model treat groups differently; reviewers need to see the \
              reason and the fairness checks.",
        fix:
            "Remove the input (and list it under `excluded_inputs`), or except it with the reason \
              and the group metrics that show it is fair.",
    },
    Rule {
        id: MODEL_EXCLUDED_INPUT_USED,
        default: Severity::Error,
        short: "An element listed both in `inputs` and in `excluded_inputs`.",
        why: "The card contradicts itself: it promises not to use data that it uses.",
        fix: "Remove the element from one of the two lists, whichever is untrue.",
    },
    Rule {
        id: MODEL_CARD_INCOMPLETE,
        default: Severity::Warning,
        short:
            "A model card without intended use, limitations, ethical considerations, metrics or \
                owners.",
        why: "A model card is a nutrition label: without these sections readers cannot judge how \
              the model was trained, how it works and who answers for it.",
        fix: "Fill the missing front-matter fields of the card.",
    },
    Rule {
        id: MODEL_NO_GROUP_METRICS,
        default: Severity::Info,
        short: "A model whose metrics are all overall, none per group.",
        why: "An overall score can hide a model that works badly for one group of people.",
        fix: "Add metrics with a `slice` per relevant group (e.g. `slice: \"age: 18-24\"`).",
    },
    Rule {
        id: UNUSED_RECORD,
        default: Severity::Info,
        short: "A system, recipient or retention policy that nothing refers to.",
        why: "Unreferenced records are either stale or point at a gap in the inventory.",
        fix: "Refer to it from the inventory, or delete the row.",
    },
    Rule {
        id: EXPIRED_EXCEPTION,
        default: Severity::Warning,
        short: "An `[[audit.exceptions]]` entry past its `expires` date (it no longer suppresses).",
        why: "Exceptions are accepted for a time; after it, the decision must be taken again.",
        fix: "Fix the finding, or review the exception and move its `expires` date.",
    },
    Rule {
        id: STALE_EXCEPTION,
        default: Severity::Info,
        short: "An `[[audit.exceptions]]` entry that matches no finding.",
        why: "An exception with nothing to except hides nothing today but would silently accept a \
              future finding.",
        fix: "Delete the exception.",
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Position of a rule in [`RULES`] (for SARIF's `ruleIndex` and per-rule tables).
pub fn index_of(id: &str) -> Option<usize> {
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
        }
        assert_eq!(rule(VAGUE_PURPOSE).unwrap().default, Severity::Warning);
        assert_eq!(index_of(DEMOGRAPHIC_TARGETING), Some(0));
    }

    #[test]
    fn every_rule_is_documented_with_its_default() {
        let doc = include_str!("../../docs/audit.md");
        for r in RULES {
            let heading = format!("### `{}` ({})", r.id, r.default);
            assert!(doc.contains(&heading), "docs/audit.md lacks {heading}");
        }
    }
}
