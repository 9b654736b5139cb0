//! Every rule with its default severity, the law or seed principle it enforces and its texts,
//! in the order docs/audit.md lists them. The one place rule metadata is written.

use super::*;

/// Every rule, in the order the documentation lists them.
pub const RULES: &[Rule] = &[
    Rule {
        id: DEMOGRAPHIC_TARGETING,
        default: Severity::Error,
        law: "Seed principle: target stated interests, not demographics; GDPR Art. 5(1)(a) (fairness), Art. 21(2)",
        tags: &["privacy", "fairness", "targeting", "seed"],
        short: "A protected trait (demographics, finances, precise location, special-category data) used to target marketing or personalisation, or sold to another controller.",
        why: "Targeting people by gender, age, income, health or similar traits guesses at what \
              they want and can discriminate; what people tell you they are interested in is both \
              more respectful and more accurate.",
        fix: "Ask people which products or topics they are interested in and target those stated \
              interests; drop the trait from the marketing, personalisation or sharing use, or list \
              a protective use (age-gating) under [audit.targeting] allow.",
    },
    Rule {
        id: SPECIAL_CATEGORY_CONDITION,
        default: Severity::Error,
        law: "GDPR Art. 9(1)-(2)",
        tags: &["privacy", "gdpr", "legal-basis", "special-category"],
        short: "Special-category data (health, biometrics, ethnicity, religion, politics, sexual orientation) used without an Art. 9(2) condition.",
        why: "Health, biometric, ethnic, religious, political and sexual-orientation data may not \
              be processed at all unless one of the exceptions of Art. 9(2) applies; an Art. 6 \
              basis such as a contract or plain consent is not enough on its own.",
        fix: "Record the Art. 9(2) condition in `special_category_condition` (e.g. \
              explicit_consent, health_care, employment_law), or stop processing the data.",
    },
    Rule {
        id: CRIMINAL_DATA_AUTHORITY,
        default: Severity::Error,
        law: "GDPR Art. 10",
        tags: &["privacy", "gdpr", "legal-basis", "criminal-data"],
        short: "Criminal-offence data used without the law that authorises it.",
        why: "Data about criminal convictions and offences may only be processed under official \
              authority or a law that allows it, and the organisation must be able to name that law.",
        fix: "Name the authorising law in `legal_reference` (e.g. the national act that permits \
              background checks), or stop processing the data.",
    },
    Rule {
        id: CONSENT_NOT_OPTIONAL,
        default: Severity::Error,
        law: "GDPR Art. 7(4), Art. 4(11)",
        tags: &["privacy", "gdpr", "legal-basis", "consent"],
        short: "A use based on consent that is marked `required`.",
        why: "Consent is only valid when it is freely given: if a person cannot refuse it and still \
              get the service, it is not consent.",
        fix: "Make the use `optional` (and honour a refusal), or rely on the basis that really \
              applies (contract for what the service needs, legal obligation for what a law requires).",
    },
    Rule {
        id: BASIS_MISMATCH,
        default: Severity::Warning,
        law: "GDPR Art. 6(1)(b) and 6(1)(f); EDPB Guidelines 2/2019 and 8/2020",
        tags: &["privacy", "gdpr", "legal-basis"],
        short: "`contract` for marketing, advertising, analytics or AI training, or `legitimate_interests` for third-party targeted advertising or cross-context tracking.",
        why: "A contract only covers what is necessary to deliver it; marketing, analytics and \
              model training are not. Tracking people across sites for third-party ads is too \
              intrusive for legitimate interests: it needs consent.",
        fix: "Rely on consent (optional, easy to withdraw) or, for your own analytics or marketing, \
              on legitimate interests with a balancing test and an opt-out.",
    },
    Rule {
        id: LEGAL_REFERENCE_MISSING,
        default: Severity::Warning,
        law: "GDPR Art. 6(3)",
        tags: &["privacy", "gdpr", "legal-basis"],
        short: "`legal_obligation` or `public_task` without the law it rests on.",
        why: "A legal obligation or public task must be laid down in law; people can only check it \
              if the law is named.",
        fix: "Name the law and article in `legal_reference` (e.g. \"Dutch tax code, AWR art. 52\").",
    },
    Rule {
        id: MISSING_LEGAL_BASIS,
        default: Severity::Error,
        law: "GDPR Art. 6(1), Art. 13(1)(c)",
        tags: &["privacy", "gdpr", "legal-basis"],
        short: "A use with no legal basis.",
        why:
            "Every processing of personal data needs one of the six GDPR Art. 6 bases, and people \
              have a right to know which.",
        fix: "Fill the row's `legal_basis` (consent, contract, legal_obligation, vital_interests, \
              public_task or legitimate_interests).",
    },
    Rule {
        id: MISSING_RETENTION,
        default: Severity::Error,
        law: "GDPR Art. 5(1)(e), Art. 13(2)(a); seed principle: keep only as long as needed",
        tags: &["privacy", "gdpr", "retention", "seed"],
        short: "A use of data with no retention policy.",
        why:
            "Data kept without a deadline is kept forever by default; storage limitation requires \
              a stated period for every use.",
        fix: "Add a policy to retention.csv and name its id in the row's `retention` column.",
    },
    Rule {
        id: UNBOUNDED_RETENTION,
        default: Severity::Warning,
        law: "GDPR Art. 5(1)(e); seed principle: keep only as long as needed",
        tags: &["privacy", "gdpr", "retention", "seed"],
        short: "A use whose retention policy is `indefinite`.",
        why:
            "The most secure data is data that is no longer stored; an indefinite period is rarely \
              what the purpose needs.",
        fix: "Give the policy an ISO 8601 duration (e.g. P24M) and a trigger, or except the use \
              with the reason it must be kept for good.",
    },
    Rule {
        id: RETENTION_NO_TRIGGER,
        default: Severity::Warning,
        law: "GDPR Art. 5(1)(e), Art. 13(2)(a)",
        tags: &["privacy", "gdpr", "retention"],
        short: "A finite retention policy that does not say when its period starts.",
        why: "\"Two years\" means nothing until it says from when: from collection, from the last \
              order, from the end of the contract. Without a start the period never runs out.",
        fix: "Fill the policy's `trigger` (e.g. \"account closure\", \"last order\").",
    },
    Rule {
        id: EXCESSIVE_RETENTION,
        default: Severity::Warning,
        law: "GDPR Art. 5(1)(e); seed principle: keep only as long as needed",
        tags: &["privacy", "gdpr", "retention", "seed"],
        short: "Data kept longer than `[audit.retention_max]` allows for its category.",
        why: "The organisation set itself a longest period per kind of data; a policy beyond it \
              keeps data longer than anyone decided is needed.",
        fix: "Shorten the policy, use a shorter one for this data, or raise the limit in \
              [audit.retention_max] with the reason.",
    },
    Rule {
        id: VAGUE_PURPOSE,
        default: Severity::Warning,
        law: "GDPR Art. 5(1)(b) (purpose limitation); seed principle: collect only what you need",
        tags: &["privacy", "gdpr", "purpose", "seed"],
        short: "An element used only for generic purposes, or with an empty or boilerplate reason.",
        why: "\"We collect it for marketing\" tells a reader nothing; purpose limitation needs a \
              specific purpose and a reason written for this data.",
        fix: "Use the most specific data use key that fits (e.g. marketing.communications.email) \
              and write in `why` what this element is needed for.",
    },
    Rule {
        id: HIDDEN_USE,
        default: Severity::Warning,
        law: "GDPR Art. 5(1)(a) (transparency), Art. 12-14",
        tags: &["privacy", "gdpr", "transparency"],
        short: "An `internal` use of data about customers, users or other people the public site speaks to, with no reason for hiding it.",
        why: "People have a right to be told how their data is used; a use about them that is left \
              off the public notice needs a stated reason (security, fraud prevention), or it \
              hides processing from the people it concerns.",
        fix: "Make the use public, or say why it is internal in `notes` or an \
              `x_internal_reason` column.",
    },
    Rule {
        id: UNSAFEGUARDED_TRANSFER,
        default: Severity::Warning,
        law: "GDPR Art. 44-46",
        tags: &["privacy", "gdpr", "transfer"],
        short: "Data shared with a recipient, or stored in a system, outside the EU/EEA with no transfer safeguard.",
        why:
            "Transfers outside the EU/EEA need an adequacy decision, standard contractual clauses \
              or another Chapter V safeguard, and people may ask which.",
        fix:
            "Name the safeguard in the recipient's `safeguards` or `transfer_mechanism` column, \
              or give its EU/EEA country if it is in fact inside.",
    },
    Rule {
        id: INVALID_SAFEGUARD,
        default: Severity::Warning,
        law: "GDPR Art. 46; CJEU C-362/14 (Safe Harbor) and C-311/18 (Privacy Shield)",
        tags: &["privacy", "gdpr", "transfer"],
        short: "A transfer outside the EU/EEA whose safeguard is a placeholder (\"none\", \"TBD\", \"n/a\") or an invalidated mechanism (Privacy Shield, Safe Harbor).",
        why: "A safeguard column that says \"TBD\" or names a framework the EU Court struck down \
              looks filled in but protects nobody.",
        fix: "Put the real mechanism in place (EU Standard Contractual Clauses, the EU-US Data \
              Privacy Framework for certified US companies, binding corporate rules) and name it.",
    },
    Rule {
        id: PROCESSOR_WITHOUT_DPA,
        default: Severity::Warning,
        law: "GDPR Art. 28(3)",
        tags: &["privacy", "gdpr", "processor"],
        short: "A recipient with role `processor` and no `dpa_url`.",
        why: "A processor may only handle personal data under a written contract that binds it to \
              the controller's instructions; without one the controller cannot show it is bound.",
        fix: "Sign a data processing agreement and link it (or its register entry) in `dpa_url`.",
    },
    Rule {
        id: DPIA_REQUIRED,
        default: Severity::Warning,
        law: "GDPR Art. 35(1) and (3); EDPB/WP29 DPIA guidelines (WP248 rev.01)",
        tags: &["privacy", "gdpr", "dpia", "risk"],
        short: "A use or model that meets two or more of the nine DPIA criteria and no DPIA in assessments.csv covers it.",
        why: "Processing likely to result in a high risk needs a data protection impact assessment \
              before it starts; meeting two of the EDPB's nine criteria is the usual sign.",
        fix: "Carry out a DPIA and record it in content/assessments.csv with kind `dpia` and the \
              element, model or purpose it covers.",
    },
    Rule {
        id: OVERDUE_REVIEW,
        default: Severity::Warning,
        law: "Seed principle: build in moments of review; GDPR Art. 24(1)",
        tags: &["privacy", "review", "seed"],
        short:
            "A use or model card never reviewed, or reviewed longer ago than review.max_age_days.",
        why: "Moments of review are where a team asks whether it still needs the data and whether \
              a model still behaves; a stale review date means nobody asked.",
        fix: "Review the use or card and set `last_reviewed` to the review date.",
    },
    Rule {
        id: FUTURE_DATE,
        default: Severity::Error,
        law: "Seed principle: build in moments of review; GDPR Art. 5(2) (accountability)",
        tags: &["privacy", "review", "seed"],
        short: "A `last_reviewed`, `tia_date` or assessment `date` after today.",
        why: "A review dated in the future never falls due, so the reminder it should trigger \
              never comes; it usually is a typo.",
        fix: "Set the date on which the review or assessment actually happened.",
    },
    Rule {
        id: MODEL_UNDECLARED_INPUT,
        default: Severity::Error,
        law: "Seed principle: model cards as nutrition labels; EU AI Act Art. 13",
        tags: &["ai", "model-card", "seed"],
        short: "A model input or training element that is not in the inventory.",
        why: "A model that uses data the inventory does not declare makes the published inventory \
              incomplete.",
        fix: "Add the element to an inventory CSV (with its uses), or correct the id in the model \
              card.",
    },
    Rule {
        id: MODEL_UNDECLARED_TRAINING,
        default: Severity::Error,
        law: "GDPR Art. 5(1)(b), Art. 13(1)(c); seed principle: model cards as nutrition labels",
        tags: &["ai", "model-card", "purpose", "seed"],
        short: "A model trained on an element that has no `train_ai_system` use.",
        why: "Training a model is a purpose of its own; people should be told their data is used \
              for it, and on which basis.",
        fix: "Add an inventory row for the element with purpose `train_ai_system`, a reason and a \
              legal basis, or stop training on it.",
    },
    Rule {
        id: MODEL_DEMOGRAPHIC_INPUT,
        default: Severity::Warning,
        law: "Seed principle: target stated interests, not demographics; EU AI Act Art. 10(2)(f)",
        tags: &["ai", "fairness", "seed"],
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
        law: "Seed principle: model cards as nutrition labels; EU AI Act Art. 13",
        tags: &["ai", "model-card", "seed"],
        short: "An element listed both in `inputs` and in `excluded_inputs`.",
        why: "The card contradicts itself: it promises not to use data that it uses.",
        fix: "Remove the element from one of the two lists, whichever is untrue.",
    },
    Rule {
        id: MODEL_CARD_INCOMPLETE,
        default: Severity::Warning,
        law: "Seed principle: model cards as nutrition labels; EU AI Act Art. 13(3)",
        tags: &["ai", "model-card", "seed"],
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
        law: "Seed principle: model cards as nutrition labels; EU AI Act Art. 10(2)(f)",
        tags: &["ai", "fairness", "seed"],
        short: "A model whose metrics are all overall, none per group.",
        why: "An overall score can hide a model that works badly for one group of people.",
        fix: "Add metrics with a `slice` per relevant group (e.g. `slice: \"age: 18-24\"`).",
    },
    Rule {
        id: UNUSED_RECORD,
        default: Severity::Info,
        law: "Seed principle: collect only what you need; GDPR Art. 30(1)",
        tags: &["housekeeping", "seed"],
        short: "A system, recipient or retention policy that nothing refers to.",
        why: "Unreferenced records are either stale or point at a gap in the inventory.",
        fix: "Refer to it from the inventory, or delete the row.",
    },
    Rule {
        id: EXPIRED_EXCEPTION,
        default: Severity::Warning,
        law: "Seed principle: build in moments of review; GDPR Art. 5(2) (accountability)",
        tags: &["exceptions", "review", "seed"],
        short: "An `[[audit.exceptions]]` entry past its `expires` date (it no longer suppresses).",
        why: "Exceptions are accepted for a time; after it, the decision must be taken again.",
        fix: "Fix the finding, or review the exception and move its `expires` date.",
    },
    Rule {
        id: EXCEPTION_TOO_LONG,
        default: Severity::Warning,
        law: "Seed principle: build in moments of review; GDPR Art. 5(2) (accountability)",
        tags: &["exceptions", "review", "seed"],
        short: "An `[[audit.exceptions]]` entry with no `expires`, or expiring more than `[audit] max_exception_days` ahead.",
        why: "An accepted risk without an end date is never looked at again; every exception needs \
              a moment at which someone decides again.",
        fix: "Give the exception an `expires` date within `max_exception_days` (365 by default).",
    },
    Rule {
        id: STALE_EXCEPTION,
        default: Severity::Info,
        law: "GDPR Art. 5(2) (accountability)",
        tags: &["exceptions", "housekeeping"],
        short: "An `[[audit.exceptions]]` entry that matches no finding.",
        why: "An exception with nothing to except hides nothing today but would silently accept a \
              future finding.",
        fix: "Delete the exception.",
    },
];
