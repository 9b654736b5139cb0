//! Unit tests of the exporters on the site's hand-built test catalog, whose internal values
//! all carry a marker.

use super::view::{retention_text, View};
use super::{export, Format};
use crate::config::Audience;
use crate::site::testkit::{catalog, INTERNAL_MARKERS};

const ALL: [Format; 5] = [
    Format::RopaCsv,
    Format::Cyclonedx,
    Format::PlayDataSafety,
    Format::Fides,
    Format::Json,
];

#[test]
fn public_exports_contain_no_marker() {
    let c = catalog();
    for format in ALL {
        let text = export(&c, format, Audience::Public, None).unwrap();
        for m in INTERNAL_MARKERS {
            assert!(!text.contains(m), "{format:?} leaks {m}");
        }
    }
}

#[test]
fn internal_exports_keep_the_internal_fields_they_have_room_for() {
    let c = catalog();
    let ropa = export(&c, Format::RopaCsv, Audience::Internal, None).unwrap();
    for m in [
        "OWNER-MARKER",
        "NOTES-MARKER",
        "XCOL-MARKER",
        "INTERNAL-WHY-MARKER",
    ] {
        assert!(ropa.contains(m), "ROPA lacks {m}");
    }
    let bom = export(&c, Format::Cyclonedx, Audience::Internal, None).unwrap();
    assert!(bom.contains("MODEL-INTERNAL-MARKER") && bom.contains("MODEL-EXTRA-MARKER"));
    assert!(export(&c, Format::Fides, Audience::Internal, None)
        .unwrap()
        .contains("SYSOWNER-MARKER"));
}

#[test]
fn the_view_hides_internal_rows_and_their_elements() {
    let c = catalog();
    let public = View::new(&c, Audience::Public);
    let internal = View::new(&c, Audience::Internal);
    assert!(public.uses().count() < internal.uses().count());
    assert!(public
        .elements()
        .all(|e| public.uses_of(e).next().is_some()));
    assert!(!public.elements().any(|e| e.id == "secret_marker_element"));
    assert!(!public.internal() && internal.internal());
}

#[test]
fn retention_and_dates_read_well() {
    let c = catalog();
    assert_eq!(
        retention_text(&c.retention[0]),
        "Account data (P30D from account closure, then delete)"
    );
    let stamp = jiff::Timestamp::from_second(1_796_083_200).ok();
    let bom = export(&c, Format::Cyclonedx, Audience::Public, stamp).unwrap();
    assert!(
        bom.contains("\"timestamp\": \"2026-12-01T00:00:00Z\""),
        "{bom}"
    );
    let bom = export(&c, Format::Cyclonedx, Audience::Public, None).unwrap();
    assert!(!bom.contains("timestamp"), "{bom}");
}

#[test]
fn cyclonedx_licenses_use_spdx_ids_when_they_are_ones() {
    let mut c = catalog();
    c.models[0].license = Some("apache-2.0".into());
    let bom: serde_json::Value =
        serde_json::from_str(&export(&c, Format::Cyclonedx, Audience::Public, None).unwrap())
            .unwrap();
    assert_eq!(
        bom["components"][0]["licenses"][0]["license"]["id"],
        "Apache-2.0"
    );
    c.models[0].license = Some("Our own terms".into());
    let bom: serde_json::Value =
        serde_json::from_str(&export(&c, Format::Cyclonedx, Audience::Public, None).unwrap())
            .unwrap();
    assert_eq!(
        bom["components"][0]["licenses"][0]["license"]["name"],
        "Our own terms"
    );
}

#[test]
fn ropa_rows_are_the_visible_purposes() {
    let c = catalog();
    let purposes = |audience| {
        let text = export(&c, Format::RopaCsv, audience, None).unwrap();
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        purposes(Audience::Public),
        [
            "essential.legal_obligation",
            "essential.service.notifications.email",
            "marketing.communications.email",
            "personalize.content.limited"
        ]
    );
    assert!(purposes(Audience::Internal).contains(&"analytics.reporting".to_string()));
}

/// The audit, the RoPA and the Fides export read countries with one matcher: the forms that
/// once made them disagree ("Dublin, Ireland", "Germany (Frankfurt)", "Deutschland") are
/// inside the EEA for all three, and a third country or an unrecognised text is outside for
/// all three.
#[test]
fn audit_and_exports_agree_on_the_eea() {
    use crate::audit::testing::{run, Site};
    let countries = [
        ("Dublin, Ireland", true),
        ("Germany (Frankfurt)", true),
        ("Deutschland", true),
        ("España", true),
        ("EU", true),
        ("India", false),
        ("Germnay", false),
        ("USA", false),
    ];
    for (country, inside) in countries {
        let site = || {
            let mut s = Site::new();
            let r = s.recipient("mailer", country, "");
            s.element("email", "user.contact.email");
            s.use_("email", "marketing.communications.email")
                .shared_with = vec![r];
            s
        };
        let audit = run(site());
        let flagged = audit
            .findings
            .iter()
            .any(|f| f.rule == "unsafeguarded-transfer");
        let c = site().finish();
        let ropa = export(&c, Format::RopaCsv, Audience::Public, None).unwrap();
        let row = csv::Reader::from_reader(ropa.as_bytes())
            .deserialize::<std::collections::HashMap<String, String>>()
            .next()
            .unwrap()
            .unwrap();
        let abroad = !row["third_country_transfers"].is_empty();
        let fides = export(&c, Format::Fides, Audience::Public, None).unwrap();
        let transfers = fides.contains("does_international_transfers: true");
        assert_eq!(
            (flagged, abroad, transfers),
            (!inside, !inside, !inside),
            "{country}: audit, RoPA and Fides"
        );
    }
}

/// The fixture site with every v2 input, loaded.
fn substance() -> crate::model::Catalog {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/substance");
    crate::load_catalog(&root).expect("a valid site")
}

/// The RoPA rows by purpose, each as column -> value.
fn ropa_rows(
    c: &crate::model::Catalog,
    audience: Audience,
) -> std::collections::BTreeMap<String, std::collections::HashMap<String, String>> {
    let text = export(c, Format::RopaCsv, audience, None).unwrap();
    csv::Reader::from_reader(text.as_bytes())
        .deserialize::<std::collections::HashMap<String, String>>()
        .map(|r| {
            let r = r.unwrap();
            (r["purpose"].clone(), r)
        })
        .collect()
}

#[test]
fn ropa_records_conditions_laws_transfers_and_security() {
    let c = substance();
    let rows = ropa_rows(&c, Audience::Public);
    let service = &rows["essential.service"];
    assert_eq!(
        service["special_category_conditions"],
        "Medical record: health or social care (Art. 9(2)(h) GDPR)"
    );
    assert_eq!(
        service["legal_basis"],
        "contract (Medical Treatment Contracts Act (WGBO) art. 7:454)"
    );
    assert_eq!(
        service["security_measures"],
        "Encryption in transit and at rest; access on a need-to-know basis.",
        "a public record has the general description only"
    );
    let news = &rows["marketing.communications.email"];
    assert_eq!(
        news["third_country_transfers"],
        "Lettermill Inc. (United States); Mailing tool (Ashburn, Virginia, USA)"
    );
    assert_eq!(
        news["transfer_safeguards"],
        "Lettermill Inc.: standard contractual clauses (Art. 46(2)(c) GDPR); EU Standard Contractual Clauses (module 2); transfer impact assessment of 2026-02-01\nMailing tool: standard contractual clauses (Art. 46(2)(c) GDPR)"
    );
    let internal = ropa_rows(&c, Audience::Internal);
    assert!(
        internal["essential.service"]["security_measures"]
            .contains("Patient records system: Encrypted at rest (AES-256); two-factor sign-in"),
        "Art. 30(1)(g) per system on an internal record"
    );
    assert_eq!(
        rows["essential.legal_obligation"]["special_category_conditions"],
        ""
    );
}

#[test]
fn fides_declares_the_art_9_condition_transfers_and_security() {
    let c = substance();
    let public = export(&c, Format::Fides, Audience::Public, None).unwrap();
    assert!(
        public
            .contains("special_category_legal_basis: Health or social care (with a basis in law)"),
        "{public}"
    );
    assert!(public.contains("- SCCs"), "{public}");
    assert!(public.contains(
        "data_security_practices: Encryption in transit and at rest; access on a need-to-know basis."
    ));
    assert!(!public.contains("AES-256"), "system measures are internal");
    let internal = export(&c, Format::Fides, Audience::Internal, None).unwrap();
    assert!(internal.contains("data_security_practices: Vendor ISO 27001 certified"));
    assert!(internal.contains("Encrypted at rest (AES-256)"));
}
