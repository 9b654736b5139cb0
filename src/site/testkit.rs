//! A small hand-built, linked catalog for unit tests of the site and render stages. Every
//! internal-only value carries a `MARKER` so tests can prove a public build leaks none.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::diag::Origin;
use crate::model::*;
use crate::taxonomy::Taxonomy;

/// Every string a public build must not contain.
pub const INTERNAL_MARKERS: &[&str] = &[
    "OWNER-MARKER",
    "NOTES-MARKER",
    "XCOL-MARKER",
    "INTERNAL-WHY-MARKER",
    "SECRET-ELEMENT-MARKER",
    "secret_marker_element",
    "SYSOWNER-MARKER",
    "MODEL-INTERNAL-MARKER",
    "MODEL-EXTRA-MARKER",
    "HIDDEN-RECIPIENT-MARKER",
    "HIDDEN-POLICY-MARKER",
    "SECURITY-MARKER",
];

fn origin(file: &str, line: usize) -> Origin {
    Origin::new(&Arc::from(Path::new(file)), line)
}

fn use_(element: ElementIdx, purpose: &str, why: &str, line: usize) -> Use {
    Use {
        element,
        purpose: purpose.into(),
        why: why.into(),
        legal_basis: Some(LegalBasis::Contract),
        necessity: Some(Necessity::Required),
        retention: Some(0),
        shared_with: vec![],
        visibility: Visibility::Public,
        last_reviewed: Some(jiff::civil::date(2026, 3, 1)),
        special_category_condition: None,
        legal_reference: None,
        opt_out: None,
        notes: None,
        extra: BTreeMap::new(),
        origin: origin("content/inventory/core.csv", line),
    }
}

fn element(id: &str, name: &str, category: &str, uses: Vec<UseIdx>, line: usize) -> Element {
    Element {
        id: id.into(),
        name: name.into(),
        category: category.into(),
        subjects: vec!["customer".into()],
        source: Some(Source::Provided),
        systems: vec![0],
        owner: Some("OWNER-MARKER team".into()),
        uses,
        models: vec![],
        origin: origin("content/inventory/core.csv", line),
    }
}

/// Three public elements (email, purchase history, date of birth), one internal-only element,
/// two policies, two recipients (one only internal), one system, one model card, one page.
pub fn catalog() -> Catalog {
    let mut uses = vec![
        use_(
            0,
            "essential.service.notifications.email",
            "To send your receipts",
            2,
        ),
        use_(
            0,
            "marketing.communications.email",
            "To send offers you asked for",
            3,
        ),
        use_(
            1,
            "personalize.content.limited",
            "To suggest clothes you may like",
            4,
        ),
        use_(
            2,
            "essential.legal_obligation",
            "To check you are old enough",
            5,
        ),
        use_(3, "analytics.reporting", "INTERNAL-WHY-MARKER", 6),
        use_(0, "analytics.reporting", "INTERNAL-WHY-MARKER too", 7),
    ];
    uses[1].legal_basis = Some(LegalBasis::Consent);
    uses[1].necessity = Some(Necessity::Optional);
    uses[1].shared_with = vec![0];
    uses[1].notes = Some("NOTES-MARKER".into());
    uses[1]
        .extra
        .insert("x_ticket".into(), "XCOL-MARKER".into());
    uses[1].opt_out = Some("https://shop.example/unsubscribe".into());
    uses[2].retention = Some(1);
    uses[2].opt_out = Some("Account settings > Suggestions".into());
    uses[3].legal_reference = Some("Alcohol Act art. 20".into());
    uses[3].special_category_condition = Some(SpecialCategoryCondition::LegalClaims);
    uses[4].visibility = Visibility::Internal;
    uses[4].retention = Some(2);
    uses[4].shared_with = vec![1];
    uses[5].visibility = Visibility::Internal;
    let mut elements = vec![
        element(
            "email_address",
            "Email address",
            "user.contact.email",
            vec![0, 1, 5],
            2,
        ),
        element(
            "purchase_history",
            "Purchase history",
            "user.behavior.purchase_history",
            vec![2],
            4,
        ),
        element(
            "date_of_birth",
            "Date of birth",
            "user.demographic.date_of_birth",
            vec![3],
            5,
        ),
        element(
            "secret_marker_element",
            "SECRET-ELEMENT-MARKER",
            "user.behavior.browsing_history",
            vec![4],
            6,
        ),
    ];
    elements[1].models = vec![0];
    elements[1].source = Some(Source::Observed);
    let policy =
        |id: &str, name: &str, period: RetentionPeriod, trigger: &str, uses: Vec<UseIdx>| {
            RetentionPolicy {
                id: id.into(),
                name: name.into(),
                period,
                trigger: Some(trigger.into()),
                disposal: Some(Disposal::Delete),
                legal_reference: None,
                description: None,
                uses,
                origin: origin("content/retention.csv", 2),
            }
        };
    let fixed = |iso: &str, years, days| RetentionPeriod::Fixed {
        iso: iso.into(),
        years,
        months: 0,
        weeks: 0,
        days,
    };
    let retention = vec![
        policy(
            "account",
            "Account data",
            fixed("P30D", 0, 30),
            "account closure",
            vec![0, 1, 3, 5],
        ),
        policy(
            "orders",
            "Order records",
            fixed("P7Y", 7, 0),
            "purchase",
            vec![2],
        ),
        policy(
            "forever",
            "HIDDEN-POLICY-MARKER",
            RetentionPeriod::Indefinite,
            "collection",
            vec![4],
        ),
    ];
    let recipient = |id: &str, name: &str, uses: Vec<UseIdx>| Recipient {
        id: id.into(),
        name: name.into(),
        role: Some(RecipientRole::Processor),
        country: Some("Ireland".into()),
        safeguards: Some("EU Standard Contractual Clauses".into()),
        transfer_mechanism: Some(TransferMechanism::Scc),
        tia_date: Some(jiff::civil::date(2026, 2, 1)),
        description: None,
        dpa_url: Some("https://mailer.example/dpa".into()),
        aliases: vec![],
        uses,
        origin: origin("content/recipients.csv", 2),
    };
    let recipients = vec![
        recipient("mailer", "Mailer Ltd", vec![1]),
        recipient("broker", "HIDDEN-RECIPIENT-MARKER", vec![4]),
    ];
    let systems = vec![System {
        id: "shop_db".into(),
        name: "Shop database".into(),
        description: Some("Orders and accounts".into()),
        owner: Some("SYSOWNER-MARKER".into()),
        location: Some("EU (Frankfurt)".into()),
        country: Some("Germany (Frankfurt)".into()),
        transfer_mechanism: None,
        security: Some("SECURITY-MARKER: encrypted at rest".into()),
        elements: vec![0, 1, 2, 3],
        origin: origin("content/systems.csv", 2),
    }];
    let input = |id: &str, element: Option<ElementIdx>| ModelInput {
        id: id.into(),
        element,
        line: None,
    };
    let mut extra = BTreeMap::new();
    extra.insert(
        "x_cost_centre".to_string(),
        serde_json::json!("MODEL-EXTRA-MARKER"),
    );
    let models = vec![ModelCard {
        id: "style-recommender".into(),
        name: "Style recommender".into(),
        version: Some("3.2".into()),
        status: Some(ModelStatus::Production),
        owners: vec!["Personalization team".into()],
        summary: Some("Suggests clothing based on what you told us you like.".into()),
        model_type: Some("gradient-boosted trees".into()),
        intended_use: Some("Ranking products on the home page.".into()),
        out_of_scope_uses: vec!["Credit decisions".into()],
        inputs: vec![input("purchase_history", Some(1)), input("shoe_size", None)],
        excluded_inputs: vec![input("date_of_birth", Some(2))],
        training_data: Some(Dataset {
            description: Some("Two years of orders".into()),
            elements: vec![input("purchase_history", Some(1))],
        }),
        evaluation_data: Some(Dataset {
            description: Some("A held-out month".into()),
            elements: vec![],
        }),
        metrics: vec![
            Metric {
                name: "precision_at_10".into(),
                value: 0.31,
                slice: Some("all".into()),
                ci: Some([0.29, 0.33]),
                dataset: None,
                split: None,
            },
            Metric {
                name: "precision_at_10".into(),
                value: 0.27,
                slice: Some("age: 18-24".into()),
                ci: None,
                dataset: None,
                split: None,
            },
        ],
        limitations: vec!["Cold start for new customers".into()],
        ethical_considerations: vec![EthicalConsideration {
            risk: "Reinforcing stereotypes".into(),
            mitigation: Some("Gender is never an input".into()),
        }],
        human_oversight: Some("Merchandisers review weekly.".into()),
        purposes: vec![],
        risk_class: None,
        annex_iii: None,
        decisions: None,
        significant_effect: None,
        license: Some("proprietary".into()),
        last_reviewed: Some(jiff::civil::date(2026, 9, 30)),
        internal: Some(serde_json::json!({ "risk_owner": "MODEL-INTERNAL-MARKER" })),
        extra,
        body: "## Why no demographics\n\nWe chose not to.\n\n<script>alert(1)</script>\n".into(),
        origin: origin("content/models/style-recommender.md", 2),
        body_line: 30,
        key_lines: vec![],
    }];
    let pages = vec![Page {
        slug: "your-rights".into(),
        title: "Your rights".into(),
        weight: Some(1),
        body: "You can ask us for a copy of your data.".into(),
        extend: false,
        origin: origin("content/pages/your-rights.md", 1),
    }];
    let config = Config {
        title: "Northwind: your data".into(),
        organisation: "Northwind Threads".into(),
        description: "What we collect and why.".into(),
        ..Config::default()
    };
    let mut index = Index::default();
    for (i, e) in elements.iter().enumerate() {
        index.elements.insert(e.id.clone(), i);
    }
    for (i, p) in retention.iter().enumerate() {
        index.retention.insert(p.id.clone(), i);
    }
    for (i, r) in recipients.iter().enumerate() {
        index.recipients.insert(r.id.clone(), i);
    }
    index.systems.insert("shop_db".into(), 0);
    index.models.insert("style-recommender".into(), 0);
    Catalog {
        config,
        taxonomy: Taxonomy::fideslang(),
        elements,
        uses,
        retention,
        systems,
        recipients,
        models,
        pages,
        assessments: vec![],
        index,
        cover_index: Default::default(),
        evidence: Vec::new(),
    }
}
