//! `candor export`: each format on the fixture site and the demo site, the audience filter
//! (markers planted in internal fields never reach a public export), determinism, and the
//! CycloneDX round trip through `candor import`.

mod common;

use std::path::Path;

use candor::import::CardOut;
use common::{candor, copy_site, edit, read, write};
use serde_json::Value;

const FORMATS: [&str; 5] = ["ropa-csv", "cyclonedx", "play-data-safety", "fides", "json"];

fn export(root: &Path, format: &str, audience: &str) -> String {
    let out = candor()
        .args([
            "export",
            "--format",
            format,
            "--audience",
            audience,
            "--root",
        ])
        .arg(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn demo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A fixture site with a unique marker in every internal field.
fn planted() -> tempfile::TempDir {
    let site = copy_site("site");
    let p = site.path();
    edit(
        p,
        "content/inventory/customers.csv",
        "Customer care",
        "MARKER-OWNER",
    );
    edit(
        p,
        "content/inventory/customers.csv",
        "Double opt-in since 2024",
        "MARKER-NOTE",
    );
    edit(
        p,
        "content/inventory/customers.csv",
        "DPIA-7",
        "MARKER-XCOL",
    );
    edit(
        p,
        "content/inventory/staff.csv",
        "To let staff into the warehouse.",
        "MARKER-INTERNAL-ROW",
    );
    edit(
        p,
        "content/systems.csv",
        "Platform team",
        "MARKER-SYSTEM-OWNER",
    );
    edit(
        p,
        "content/models/style-recommender.md",
        "Head of data",
        "MARKER-MODEL-INTERNAL",
    );
    edit(
        p,
        "content/models/style-recommender.md",
        "license: proprietary",
        "license: proprietary\nx_ticket: MARKER-MODEL-EXTRA",
    );
    site
}

#[test]
fn public_exports_leak_no_internal_field_and_internal_ones_keep_them() {
    let site = planted();
    for format in FORMATS {
        let public = export(site.path(), format, "public");
        assert!(!public.contains("MARKER"), "{format} leaks:\n{public}");
        assert!(
            !public.contains("badge_id") && !public.contains("Staff badge"),
            "{format} shows an internal-only element"
        );
    }
    let ropa = export(site.path(), "ropa-csv", "internal");
    for marker in [
        "MARKER-OWNER",
        "MARKER-NOTE",
        "MARKER-XCOL",
        "MARKER-INTERNAL-ROW",
    ] {
        assert!(ropa.contains(marker), "internal ROPA lacks {marker}");
    }
    let bom = export(site.path(), "cyclonedx", "internal");
    assert!(bom.contains("MARKER-MODEL-INTERNAL") && bom.contains("MARKER-MODEL-EXTRA"));
    assert!(export(site.path(), "fides", "internal").contains("MARKER-SYSTEM-OWNER"));
}

#[test]
fn ropa_has_one_row_per_purpose_with_transfers_and_time_limits() {
    let site = copy_site("site");
    let config = read(&site.path().join("candor.toml"));
    let config = format!("security_measures = \"TLS everywhere; encrypted backups\"\n{config}");
    write(site.path(), "candor.toml", config);
    let text = export(site.path(), "ropa-csv", "public");
    let header = text.lines().next().unwrap();
    assert_eq!(header, candor::export::ropa::PUBLIC_COLUMNS.join(","));
    let rows = csv_rows(&text);
    let purposes: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        purposes,
        [
            "essential.service",
            "essential.service.notifications.email",
            "marketing.communications.email",
            "personalize.content",
            "train_ai_system"
        ]
    );
    let col = |name: &str| {
        candor::export::ropa::PUBLIC_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    let newsletter = &rows[2];
    assert_eq!(newsletter[col("controller")], "Fixture Outfitters GmbH");
    assert_eq!(newsletter[col("legal_basis")], "consent");
    assert_eq!(
        newsletter[col("third_country_transfers")],
        "Postbox Mail Inc. (United States)"
    );
    assert_eq!(
        newsletter[col("transfer_safeguards")],
        "Postbox Mail Inc.: EU Standard Contractual Clauses"
    );
    assert_eq!(
        newsletter[col("erasure_time_limits")],
        "While your account is open (P30D from account closure, then delete): Email address"
    );
    assert_eq!(
        newsletter[col("security_measures")],
        "TLS everywhere; encrypted backups"
    );
    let delivery = &rows[0];
    assert_eq!(
        delivery[col("recipients")],
        "Swift Parcel GmbH (processor, Germany)"
    );
    assert_eq!(
        delivery[col("third_country_transfers")],
        "",
        "Germany is in the EEA"
    );
    assert_eq!(delivery[col("systems")], "Web shop (Frankfurt (EU))");
}

/// OWASP CSV injection: a cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR at
/// the start) is written with a leading `'`, in every CSV export.
#[test]
fn csv_exports_neutralise_formula_cells() {
    let site = copy_site("site");
    let p = site.path();
    edit(
        p,
        "candor.toml",
        "organisation = \"Fixture Outfitters GmbH\"",
        "organisation = \"=HYPERLINK(\\\"https://evil.example\\\",\\\"x\\\")\"\nsecurity_measures = \"@SUM(1+1)\"",
    );
    edit(
        p,
        "content/inventory/customers.csv",
        "Delivery address",
        "-2+3",
    );
    for format in ["ropa-csv", "play-data-safety"] {
        for audience in ["public", "internal"] {
            let text = export(p, format, audience);
            for row in csv_rows(&text) {
                for cell in row {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{format} {audience}: live formula cell {cell:?}"
                    );
                }
            }
        }
    }
    let rows = csv_rows(&export(p, "ropa-csv", "public"));
    let all: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
    assert!(
        all.contains(&"'=HYPERLINK(\"https://evil.example\",\"x\")"),
        "{all:?}"
    );
    assert!(all.contains(&"'@SUM(1+1)"), "{all:?}");
    assert!(all.iter().any(|c| c.starts_with("'-2+3: ")), "{all:?}");
}

/// What a model page hides (HTML comments, raw HTML the sanitiser drops) is not published
/// through the CycloneDX export either.
#[test]
fn cyclonedx_never_carries_what_the_card_page_hides() {
    let site = copy_site("site");
    let card = "content/models/style-recommender.md";
    let text = read(&site.path().join(card));
    write(
        site.path(),
        card,
        format!(
            "{text}\n<!-- secret: MARKER-COMMENT -->\n\nShown <!-- MARKER-INLINE --> here.\n\n<div><script>MARKER-SCRIPT</script>Kept</div>\n"
        ),
    );
    for audience in ["public", "internal"] {
        let bom = export(site.path(), "cyclonedx", audience);
        for marker in ["MARKER-COMMENT", "MARKER-INLINE", "MARKER-SCRIPT", "<!--"] {
            assert!(!bom.contains(marker), "{audience}: {marker} in the export");
        }
        assert!(
            bom.contains("Shown  here."),
            "{audience}: the visible text stays"
        );
        assert!(bom.contains("Kept"), "{audience}");
    }
}

#[test]
fn cyclonedx_has_the_fields_the_1_6_schema_requires() {
    let bom: Value = serde_json::from_str(&export(demo(), "cyclonedx", "public")).unwrap();
    assert_eq!(
        (
            bom["bomFormat"].as_str(),
            bom["specVersion"].as_str(),
            bom["version"].as_i64()
        ),
        (Some("CycloneDX"), Some("1.6"), Some(1))
    );
    assert_eq!(
        bom["metadata"]["timestamp"], "2026-12-01T00:00:00Z",
        "SOURCE_DATE_EPOCH gives the timestamp"
    );
    let components = bom["components"].as_array().unwrap();
    assert_eq!(components.len(), 3);
    let mut refs = std::collections::BTreeSet::new();
    for c in components {
        assert_eq!(c["type"], "machine-learning-model");
        assert!(c["name"].as_str().is_some_and(|n| !n.is_empty()));
        assert!(
            refs.insert(c["bom-ref"].as_str().unwrap().to_string()),
            "bom-refs are unique"
        );
        for l in c["licenses"].as_array().into_iter().flatten() {
            let lic = &l["license"];
            assert!(
                lic["id"].is_string() != lic["name"].is_string(),
                "a license has an id or a name: {l}"
            );
        }
        let card = &c["modelCard"];
        for d in card["modelParameters"]["datasets"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert_eq!(d["type"], "dataset", "componentData requires its type");
        }
        for m in card["quantitativeAnalysis"]["performanceMetrics"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert!(
                m["value"].is_string(),
                "metric values are strings in CycloneDX"
            );
        }
        for p in card["properties"].as_array().unwrap() {
            assert!(p["name"].is_string() && p["value"].is_string(), "{p}");
        }
    }
    let out = candor()
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["export", "--format", "cyclonedx", "--root"])
        .arg(demo())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("timestamp"));
}

#[test]
fn cyclonedx_round_trip_gives_the_same_cards() {
    for audience in ["internal", "public"] {
        let dir = tempfile::tempdir().unwrap();
        let bom = dir.path().join("bom.json");
        candor()
            .args([
                "export",
                "--format",
                "cyclonedx",
                "--audience",
                audience,
                "--out",
            ])
            .arg(&bom)
            .arg("--root")
            .arg(demo())
            .assert()
            .success();
        candor()
            .args(["import", "--from", "cyclonedx"])
            .arg(&bom)
            .arg("--out")
            .arg(dir.path())
            .assert()
            .success();
        let original = candor::load_catalog(demo()).unwrap();
        for card in &original.models {
            let rel = Path::new("content/models").join(format!("{}.md", card.id));
            let back =
                candor::import::card::check_loads(&read(&dir.path().join(&rel)), &rel).unwrap();
            let mut expected = CardOut::from_model(card);
            if audience == "public" {
                expected.internal = None;
                expected.extra.clear();
            }
            assert_eq!(
                CardOut::from_model(&back),
                expected,
                "{audience}: {}",
                card.id
            );
        }
    }
}

#[test]
fn play_data_safety_answers_from_the_inventory() {
    let site = copy_site("site");
    edit(
        site.path(),
        "content/recipients.csv",
        "carrier,Swift Parcel GmbH,processor",
        "carrier,Swift Parcel GmbH,controller",
    );
    let text = export(site.path(), "play-data-safety", "public");
    assert!(text.starts_with("Question ID (machine readable),Response ID (machine readable),Response value,Answer requirement,Human-friendly question label\n"));
    assert_eq!(
        text.lines().count(),
        783,
        "the whole form, answered or blank"
    );
    let rows = csv_rows(&text);
    let value = |q: &str, r: &str| {
        rows.iter()
            .find(|x| x[0] == q && x[1] == r)
            .unwrap_or_else(|| panic!("no row {q} {r}"))[2]
            .clone()
    };
    assert_eq!(
        value("PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA", ""),
        "true"
    );
    assert_eq!(
        value("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", ""),
        "",
        "candor does not know"
    );
    assert_eq!(value("PSL_DATA_TYPES_PERSONAL", "PSL_EMAIL"), "true");
    assert_eq!(value("PSL_DATA_TYPES_PERSONAL", "PSL_ADDRESS"), "true");
    assert_eq!(value("PSL_DATA_TYPES_LOCATION", "PSL_PRECISE_LOCATION"), "");
    assert_eq!(
        value("PSL_DATA_TYPES_PERSONAL", "PSL_USER_ACCOUNT"),
        "",
        "the staff badge is internal and about employees"
    );
    let email = |q: &str, r: &str| value(&format!("PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:{q}"), r);
    assert_eq!(
        email(
            "DATA_USAGE_COLLECTION_PURPOSE",
            "PSL_DEVELOPER_COMMUNICATIONS"
        ),
        "true"
    );
    assert_eq!(
        email("DATA_USAGE_COLLECTION_PURPOSE", "PSL_ADVERTISING"),
        "true"
    );
    assert_eq!(
        email(
            "PSL_DATA_USAGE_COLLECTION_AND_SHARING",
            "PSL_DATA_USAGE_ONLY_SHARED"
        ),
        "",
        "the mailer is a processor"
    );
    assert_eq!(
        email(
            "DATA_USAGE_USER_CONTROL",
            "PSL_DATA_USAGE_USER_CONTROL_REQUIRED"
        ),
        "true"
    );
    let address = |q: &str, r: &str| value(&format!("PSL_DATA_USAGE_RESPONSES:PSL_ADDRESS:{q}"), r);
    assert_eq!(
        address(
            "PSL_DATA_USAGE_COLLECTION_AND_SHARING",
            "PSL_DATA_USAGE_ONLY_SHARED"
        ),
        "true",
        "the carrier is a controller"
    );
    assert_eq!(
        address("DATA_USAGE_SHARING_PURPOSE", "PSL_APP_FUNCTIONALITY"),
        "true"
    );
    let prefs = |q: &str, r: &str| {
        value(
            &format!("PSL_DATA_USAGE_RESPONSES:PSL_OTHER_APP_ACTIVITY:{q}"),
            r,
        )
    };
    assert_eq!(
        prefs(
            "DATA_USAGE_USER_CONTROL",
            "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL"
        ),
        "true"
    );
    assert_eq!(
        prefs("DATA_USAGE_COLLECTION_PURPOSE", "PSL_PERSONALIZATION"),
        "true"
    );
    assert_eq!(
        prefs("DATA_USAGE_COLLECTION_PURPOSE", "PSL_ANALYTICS"),
        "true",
        "train_ai_system counts as analytics"
    );
}

#[test]
fn fides_declares_each_system_and_the_taxonomy_extensions() {
    let site = copy_site("site");
    let text = export(site.path(), "fides", "internal");
    let doc: Value = serde_saphyr::from_str(&text).unwrap();
    let keys: Vec<&str> = doc["system"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["fides_key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [candor::export::fides::UNASSIGNED, "shop"],
        "staff.csv names no system"
    );
    let shop = &doc["system"][1];
    assert_eq!(shop["administrating_department"], "Platform team");
    assert_eq!(shop["does_international_transfers"], true);
    assert_eq!(
        shop["legal_basis_for_transfers"],
        serde_json::json!(["EU Standard Contractual Clauses"])
    );
    let decl = shop["privacy_declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["data_use"] == "marketing.communications.email")
        .unwrap();
    assert_eq!(
        decl["data_categories"],
        serde_json::json!(["user.contact.email"])
    );
    assert_eq!(decl["legal_basis_for_processing"], "Consent");
    assert_eq!(
        decl["data_shared_with_third_parties"], false,
        "a processor is no third party"
    );
    assert_eq!(
        doc["data_category"][0]["fides_key"],
        "user.behavior.stated_preferences"
    );
    let public: Value = serde_saphyr::from_str(&export(site.path(), "fides", "public")).unwrap();
    assert_eq!(
        public["system"].as_array().unwrap().len(),
        1,
        "the staff badge is internal"
    );
    assert!(public["system"][0]
        .get("administrating_department")
        .is_none());
}

#[test]
fn exports_are_deterministic_and_written_to_out() {
    let dir = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let a = export(demo(), format, "internal");
        assert_eq!(a, export(demo(), format, "internal"), "{format}");
        let file = dir.path().join(format);
        candor()
            .args([
                "export",
                "--format",
                format,
                "--audience",
                "internal",
                "--out",
            ])
            .arg(&file)
            .arg("--root")
            .arg(demo())
            .assert()
            .success();
        assert_eq!(read(&file), a, "{format}");
    }
}

#[test]
fn an_invalid_site_or_format_exits_2() {
    let site = copy_site("site");
    edit(
        site.path(),
        "content/inventory/customers.csv",
        "user.contact.email",
        "user.contact.emial",
    );
    let out = candor()
        .args(["export", "--format", "ropa-csv", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("customers.csv:2"));
    let out = candor()
        .args(["export", "--format", "json-ld"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_is_the_data_json_a_build_writes() {
    let catalog = candor::load_catalog(demo()).unwrap();
    for (audience, name) in [
        (candor::config::Audience::Public, "public"),
        (candor::config::Audience::Internal, "internal"),
    ] {
        let site = candor::site::plan(&catalog, audience);
        let files =
            candor::render::render(&site, &catalog, &candor::render::Theme::builtin()).unwrap();
        let built = files
            .iter()
            .find(|f| f.path == Path::new("data.json"))
            .unwrap();
        assert_eq!(
            export(demo(), "json", name).as_bytes(),
            built.bytes.as_slice(),
            "{name}"
        );
    }
}

/// The fixture with every v2 input passes `check`, and a system's security measures (internal)
/// reach only internal exports, while the Art. 9 condition and the transfer mechanism are public.
#[test]
fn v2_facts_reach_the_exports_and_security_stays_internal() {
    let root = common::fixture("substance");
    let out = candor()
        .args(["check", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    for format in FORMATS {
        let public = export(&root, format, "public");
        assert!(
            !public.contains("AES-256"),
            "{format} leaks system security"
        );
    }
    let ropa = export(&root, "ropa-csv", "public");
    assert!(ropa.contains("Medical record: health or social care (Art. 9(2)(h) GDPR)"));
    assert!(ropa.contains("standard contractual clauses (Art. 46(2)(c) GDPR)"));
    assert!(export(&root, "ropa-csv", "internal").contains("AES-256"));
    assert!(export(&root, "fides", "internal").contains("AES-256"));
}
