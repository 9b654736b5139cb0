//! The retention, transparency, transfer, review and DPIA rules of `candor check`, end to end:
//! a small site that trips each and a near miss that must not. Legal bases and targeting:
//! tests/audit_rules.rs.

mod common;

use common::mini::{at, of, quiet, trips, Mini};

#[test]
fn retention_rules_trip_on_missing_indefinite_and_triggerless_policies() {
    let hits = Mini::new()
        .policy("forever,Forever,indefinite,,delete,,")
        .policy("century,A century,P99Y,,delete,,")
        .row(&[("retention", "")])
        .row(&[
            ("purpose", "essential.service.operations"),
            ("retention", "forever"),
        ])
        .row(&[
            ("purpose", "essential.service.notifications"),
            ("retention", "century"),
        ])
        .check();
    trips(&hits, "missing-retention", "error", &[2]);
    trips(&hits, "unbounded-retention", "warning", &[3]);
    assert_eq!(
        of(&hits, "retention-no-trigger"),
        [at("warning", "content/retention.csv:4")]
    );
    // Near miss: a trigger, and a policy nobody uses.
    // (A century is also longer than the default `[audit.retention_max]` of ten years.)
    assert!(hits.iter().any(|h| h.rule == "excessive-retention"));
    let hits = Mini::new()
        .policy("spare,Spare,P1Y,,delete,,")
        .row(&[])
        .check();
    quiet(&hits, "retention-no-trigger");
}

#[test]
fn excessive_retention_trips_beyond_the_category_limit() {
    let limits = "[audit.retention_max]\n\"*\" = \"P10Y\"\n\"user.health_and_medical\" = \"P1Y\"\n";
    let hits = Mini::new()
        .toml(limits)
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
        ])
        .row(&[("element", "email")])
        .check();
    trips(&hits, "excessive-retention", "warning", &[2]);
    let hits = Mini::new()
        .toml(limits)
        .policy("half_year,Six months,P6M,last order,delete,,")
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
            ("retention", "half_year"),
        ])
        .row(&[("element", "email")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn vague_purpose_trips_on_a_placeholder_reason() {
    let hits = Mini::new().row(&[("why", "TBD")]).check();
    trips(&hits, "vague-purpose", "warning", &[2]);
}

#[test]
fn hidden_use_trips_on_unexplained_internal_customer_profiling() {
    let hits = Mini::new()
        .row(&[
            ("element", "clicks"),
            ("category", "user.behavior.browsing_history"),
            ("purpose", "personalize.content.profiled"),
            ("legal_basis", "consent"),
            ("necessity", "optional"),
            ("visibility", "internal"),
        ])
        .check();
    trips(&hits, "hidden-use", "warning", &[2]);
    let hits = Mini::new()
        .row(&[
            ("element", "clicks"),
            ("category", "user.behavior.browsing_history"),
            ("purpose", "essential.service.security"),
            ("visibility", "internal"),
            ("notes", "Publishing our bot signals would help the bots."),
        ])
        .row(&[
            ("element", "badge"),
            ("category", "user.unique_id"),
            ("subjects", "employee"),
            ("purpose", "essential.service.security"),
            ("visibility", "internal"),
        ])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn transfer_rules_trip_on_missing_placeholder_and_invalidated_safeguards() {
    let hits = Mini::new()
        .recipient("cloud,Cloud Inc.,processor,United States,,Hosting.,https://c.example/dpa")
        .recipient(
            "shield,Shield Inc.,processor,US,EU-US Privacy Shield,Mail.,https://s.example/dpa",
        )
        .recipient("later,Later Ltd,processor,India,TBD,Support.,https://l.example/dpa")
        .row(&[("shared_with", "cloud; shield; later")])
        .check();
    trips(&hits, "unsafeguarded-transfer", "warning", &[2]);
    assert_eq!(
        of(&hits, "invalid-safeguard"),
        [
            at("warning", "content/recipients.csv:3"),
            at("warning", "content/recipients.csv:4")
        ]
    );
    let hits = Mini::new()
        .recipient("cloud,Cloud Inc.,processor,United States,EU Standard Contractual Clauses (2021/914),Hosting.,https://c.example/dpa")
        .recipient("mailer,Mailer GmbH,processor,\"Berlin, Germany\",n/a,Mail.,https://m.example/dpa")
        .row(&[("shared_with", "cloud; mailer")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn systems_outside_the_eea_need_a_mechanism_and_none_is_invalid() {
    let hits = Mini::new()
        .system("crm,CRM,Customer records.,Sales,,United States,,Encrypted at rest")
        .system("backup,Backups,Nightly copies.,IT,,India,none,Encrypted")
        .row(&[("element", "email"), ("systems", "crm; backup")])
        .check();
    assert_eq!(
        of(&hits, "unsafeguarded-transfer"),
        [at("warning", "content/systems.csv:2")]
    );
    assert_eq!(
        of(&hits, "invalid-safeguard"),
        [at("warning", "content/systems.csv:3")]
    );
    let hits = Mini::new()
        .system("crm,CRM,Customer records.,Sales,,United States,scc,Encrypted at rest")
        .system("shop,Shop,The shop.,Web,,\"Dublin, Ireland\",,TLS")
        .row(&[("element", "email"), ("systems", "crm; shop")])
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn processor_without_dpa_trips_but_a_controller_needs_none() {
    let hits = Mini::new()
        .recipient("mailer,Mailer B.V.,processor,NL,,Mail.,")
        .recipient("carrier,Carrier B.V.,controller,NL,,Delivers parcels.,")
        .row(&[("shared_with", "mailer; carrier")])
        .check();
    assert_eq!(
        of(&hits, "processor-without-dpa"),
        [at("warning", "content/recipients.csv:2")]
    );
    assert_eq!(hits.len(), 1, "{hits:#?}");
}

#[test]
fn future_date_trips_on_a_review_in_2062() {
    let hits = Mini::new()
        .row(&[("last_reviewed", "2062-03-01")])
        .row(&[
            ("purpose", "essential.service.operations"),
            ("last_reviewed", "2026-12-01"),
        ])
        .check();
    trips(&hits, "future-date", "error", &[2]);
    quiet(&hits, "overdue-review");
}

#[test]
fn overdue_review_trips_on_an_old_review() {
    let hits = Mini::new().row(&[("last_reviewed", "2024-01-01")]).check();
    trips(&hits, "overdue-review", "warning", &[2]);
}

#[test]
fn exception_too_long_trips_without_expiry_or_beyond_a_year() {
    let except = |expires: &str| {
        format!(
            "[[audit.exceptions]]\nrule = \"overdue-review\"\nelement = \"email\"\nreason = \"Booked.\"\n{expires}"
        )
    };
    for expires in ["", "expires = 2028-01-01\n"] {
        let hits = Mini::new()
            .row(&[("last_reviewed", "2024-01-01")])
            .toml(&except(expires))
            .check();
        assert_eq!(
            of(&hits, "exception-too-long"),
            [at("warning", "candor.toml:3")],
            "{expires}"
        );
    }
    let hits = Mini::new()
        .row(&[("last_reviewed", "2024-01-01")])
        .toml(&except("expires = 2027-06-01\n"))
        .check();
    quiet(&hits, "exception-too-long");
    let hits = Mini::new()
        .row(&[("last_reviewed", "2024-01-01")])
        .toml("[audit]\nmax_exception_days = 30\n")
        .toml(&except("expires = 2027-06-01\n"))
        .check();
    assert_eq!(
        of(&hits, "exception-too-long"),
        [at("warning", "candor.toml:5")]
    );
}

#[test]
fn future_date_trips_on_an_assessment_after_today() {
    let hits = Mini::new()
        .recipient("cloud,Cloud Inc.,processor,United States,EU Standard Contractual Clauses,Hosting.,https://c.example/dpa")
        .assessment("lia-1,lia,email,2027-02-01,approved,,Balancing test.")
        .row(&[("shared_with", "cloud")])
        .check();
    let mut got = of(&hits, "future-date");
    got.sort();
    // (A `tia_date` after today is tested in src/audit/transfer/tests.rs.)
    assert_eq!(got, [at("error", "content/assessments.csv:2")]);
}

#[test]
fn dpia_required_trips_on_patients_health_data() {
    let allergies = [
        ("element", "allergies"),
        ("category", "user.health_and_medical"),
        ("subjects", "patient"),
        ("special_category_condition", "health_care"),
    ];
    let hits = Mini::new().row(&allergies).check();
    trips(&hits, "dpia-required", "warning", &[2]);
    let f = hits.iter().find(|h| h.rule == "dpia-required").unwrap();
    assert!(
        f.message
            .contains("2 of 9: special category or criminal data, vulnerable subjects"),
        "{}",
        f.message
    );
    // Near miss: a DPIA covers it.
    let hits = Mini::new()
        .row(&allergies)
        .assessment("dpia-2026-03,dpia,allergies,2026-03-01,approved,,Allergy data in care.")
        .check();
    assert!(hits.is_empty(), "{hits:#?}");
    // Near miss: one criterion (customers' health data).
    let hits = Mini::new()
        .row(&[
            ("element", "allergies"),
            ("category", "user.health_and_medical"),
            ("special_category_condition", "health_care"),
        ])
        .check();
    quiet(&hits, "dpia-required");
}
