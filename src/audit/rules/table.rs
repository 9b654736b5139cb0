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
        short: "A model that takes a protected trait (`[audit.targeting] protected`: demographics, finances, precise location) as input.",
        why: "Protected traits let a model treat groups differently; reviewers need to see the \
              reason and the fairness checks. Special-category inputs (health, biometrics) are \
              judged by `special-category-condition` on their uses instead: a health model may \
              need heart rate, but it needs an Art. 9(2) condition for it.",
        fix:
            "Remove the input (and list it under `excluded_inputs`), or except it with the reason \
              and the group metrics that show it is fair.",
    },
    Rule {
        id: MODEL_EXCLUDED_INPUT_USED,
        default: Severity::Error,
        law: "Seed principle: model cards as nutrition labels; EU AI Act Art. 13",
        tags: &["ai", "model-card", "seed"],
        short: "An element listed in `excluded_inputs` that the card also lists in `inputs`, `training_data` or `evaluation_data`.",
        why: "The card contradicts itself: it promises not to use data that it uses. Published, \
              the promise misleads readers.",
        fix: "Remove the element from whichever list is untrue; if the model is trained on it, \
              it is not excluded.",
    },
    Rule {
        id: MODEL_UNDECLARED_EVALUATION,
        default: Severity::Warning,
        law: "Seed principle: model cards as nutrition labels; GDPR Art. 30(1)(c)",
        tags: &["ai", "model-card", "seed"],
        short: "An evaluation-data element that is not in the inventory.",
        why: "Evaluating a model processes personal data too; data the inventory does not declare \
              is data nobody reviews.",
        fix: "Add the element to an inventory CSV with its uses, or correct the id in the card.",
    },
    Rule {
        id: MODEL_PURPOSE_CREEP,
        default: Severity::Warning,
        law: "GDPR Art. 5(1)(b) (purpose limitation), Art. 6(4)",
        tags: &["ai", "purpose", "gdpr"],
        short: "A model input with no use whose purpose is one of the model's `purposes` (or a parent of one).",
        why: "Data collected for one purpose (crash analytics) may not silently feed another (an \
              ad picker): the new purpose must be declared, compatible and lawful.",
        fix: "Add an inventory row for the element with the model's purpose, its reason and legal \
              basis, or drop the input; check `purposes` in the card says what the model is for.",
    },
    Rule {
        id: MODEL_GROUP_GAP,
        default: Severity::Warning,
        law: "EU AI Act Art. 10(2)(f)-(g), Art. 15(1); GDPR Art. 5(1)(a) (fairness)",
        tags: &["ai", "fairness"],
        short: "A group's metric worse than the overall (or best group's) value by more than `[audit] max_group_gap`, with confidence intervals that do not overlap.",
        why: "A model that is right 91% of the time overall but 52% of the time for women fails \
              women; an average hides it. A gap whose confidence intervals overlap may be noise \
              and is shown as uncertain on the audit page instead.",
        fix: "Find out why the group fares worse (data, features, threshold) and fix it, narrow \
              the intended use, or report confidence intervals when the gap may be noise.",
    },
    Rule {
        id: MODEL_RISK_CLASS,
        default: Severity::Warning,
        law: "EU AI Act Art. 6 and Annex III; Art. 5; Art. 14 (human oversight)",
        tags: &["ai", "ai-act", "risk"],
        short: "A production model without `risk_class`; a model in an Annex III area (by `annex_iii` or its purposes) not classed `high`; a `high` model without `human_oversight`; a `prohibited` model in use.",
        why: "The AI Act's duties follow from the risk class: a hiring or credit-scoring model is \
              high-risk and needs risk management, logging and human oversight; a reviewer must \
              see the class and the reason for it.",
        fix: "Set `risk_class` (and `annex_iii` for a high-risk model), describe the \
              `human_oversight`, or retire a prohibited model.",
    },
    Rule {
        id: AUTOMATED_DECISION,
        default: Severity::Error,
        law: "GDPR Art. 22(1) and 22(3); EU AI Act Art. 14",
        tags: &["ai", "gdpr", "automated-decision"],
        short: "A model that decides by itself (`decisions: automated`) with a legal or similarly significant effect and no `human_oversight`.",
        why: "People have the right not to be subject to a decision based solely on automated \
              processing that significantly affects them, and where it is allowed, the right to \
              obtain human intervention and to contest it.",
        fix: "Describe in `human_oversight` how a person reviews, can override and hears out \
              contested decisions, or let the model assist a person who decides.",
    },
    Rule {
        id: PUBLIC_CARD_INTERNAL_INPUT,
        default: Severity::Warning,
        law: "Seed principle: model cards as nutrition labels; GDPR Art. 12(1), Art. 13(1)(c)",
        tags: &["ai", "transparency", "seed"],
        short: "A published model card names an element whose uses are all internal.",
        why: "The card tells readers the model uses data the public inventory does not show: the \
              page can only say 'internal data', and readers cannot see why it is collected.",
        fix: "Make the element's use by the model public (a public inventory row), or take it off \
              the card if the model does not use it.",
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
        id: UNDECLARED_DATA,
        default: Severity::Error,
        law: "GDPR Art. 5(1)(a) (transparency), Art. 13(1)(c), Art. 30(1)(c)",
        tags: &["privacy", "gdpr", "evidence", "transparency"],
        short: "A code scan shows a data type whose category no element of the inventory (for the systems it covers) has.",
        why: "A trust page that leaves out data the code actually handles is a false statement; \
              the scanner read the code, the inventory is what people are told.",
        fix: "Declare the data: an inventory row with that category and why it is used. If the \
              scanner is wrong, map its type in [evidence.map] or accept an exception with the reason.",
    },
    Rule {
        id: UNDECLARED_RECIPIENT,
        default: Severity::Error,
        law: "GDPR Art. 13(1)(e), Art. 30(1)(d), Art. 28(1)",
        tags: &["privacy", "gdpr", "evidence", "recipients"],
        short: "A code scan shows a third party that is neither a recipient nor a system of the inventory.",
        why: "People have a right to know who receives their data, and a processor needs a contract; \
              a service the code calls but the inventory does not name is neither.",
        fix: "Add the third party to recipients.csv and to `shared_with` of the uses it receives, or \
              write the scanner's name for it in the `aliases` column of the recipient it is.",
    },
    Rule {
        id: UNDECLARED_SHARING,
        default: Severity::Warning,
        law: "GDPR Art. 13(1)(e), Art. 5(1)(b) (purpose limitation)",
        tags: &["privacy", "gdpr", "evidence", "recipients"],
        short: "A code scan shows a declared recipient receiving a data type that no use shares with it.",
        why: "Naming a recipient is not enough: people are told which data goes to it, and the code \
              sends more than that.",
        fix: "Add the recipient to `shared_with` of the use that sends the data, or stop sending it.",
    },
    Rule {
        id: UNCONFIRMED_ELEMENT,
        default: Severity::Info,
        law: "Seed principle: build in moments of review; GDPR Art. 5(1)(c) (data minimisation), 5(1)(d) (accuracy)",
        tags: &["evidence", "review", "seed"],
        short: "An element of a system a scan covers whose category the scan never shows.",
        why: "Either the data is collected outside the code (on paper, by phone) or the code no \
              longer collects it; both are worth a look, the second means the inventory is stale.",
        fix: "If it is collected offline, accept the finding with the reason; if it is no longer \
              collected, retire the element.",
    },
    Rule {
        id: UNMAPPED_DATA_TYPE,
        default: Severity::Info,
        law: "Seed principle: nothing is dropped silently; GDPR Art. 5(2) (accountability)",
        tags: &["evidence", "housekeeping", "seed"],
        short: "A scanner data type that neither the built-in table nor [evidence.map] maps to a data category.",
        why: "Evidence candor cannot read confirms and flags nothing; it is listed so that it is not \
              lost.",
        fix: "Map the type in candor.toml: `[evidence.map] \"Shoe Size\" = \"user.demographic.profile\"`.",
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
