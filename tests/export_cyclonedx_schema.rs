//! The demo's CycloneDX export against the official CycloneDX 1.6 JSON schema (vendored in
//! tests/schemas/cyclonedx/, Apache-2.0), for both audiences, plus the fields issue 17 asked for.

mod common;

use std::path::Path;

use common::candor;
use serde_json::Value;

fn export(audience: &str) -> Value {
    let out = candor()
        .args([
            "export",
            "--format",
            "cyclonedx",
            "--audience",
            audience,
            "--root",
        ])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn validate(bom: &Value) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/cyclonedx");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    for name in [
        "bom-1.6.schema.json",
        "spdx.schema.json",
        "jsf-0.82.schema.json",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        let url = format!("http://cyclonedx.org/schema/{name}");
        compiler.add_resource(&url, schema).unwrap();
    }
    let idx = compiler
        .compile(
            "http://cyclonedx.org/schema/bom-1.6.schema.json",
            &mut schemas,
        )
        .unwrap();
    if let Err(e) = schemas.validate(bom, idx) {
        panic!("the export does not match the CycloneDX 1.6 schema: {e:#}");
    }
}

#[test]
fn demo_export_is_valid_cyclonedx_1_6() {
    for audience in ["public", "internal"] {
        let bom = export(audience);
        validate(&bom);
        let serial = bom["serialNumber"].as_str().unwrap();
        assert!(serial.starts_with("urn:uuid:"), "{serial}");
        // Reproducible: the same site gives the same serial number.
        assert_eq!(export(audience)["serialNumber"], bom["serialNumber"]);
        let subject = &bom["metadata"]["component"];
        assert_eq!(subject["type"], "application");
        assert!(subject["name"].as_str().is_some_and(|n| !n.is_empty()));
    }
    assert_ne!(
        export("public")["serialNumber"],
        export("internal")["serialNumber"]
    );
}

#[test]
fn an_invalid_bom_fails_the_schema() {
    // The validator is not vacuous: a BOM with a bad serial number is rejected.
    let mut bom = export("public");
    bom["serialNumber"] = Value::String("not-a-uuid".into());
    let result = std::panic::catch_unwind(|| validate(&bom));
    assert!(result.is_err());
}
