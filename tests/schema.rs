//! `candor schema`: prints JSON Schemas that describe the real site files (demo, fixture,
//! starter) without a complaint, and that do complain about misspelt keys and wrong types.

mod common;

use std::path::Path;

use common::{candor, read};
use serde_json::Value;

fn schema(which: &str) -> Value {
    let out = candor().args(["schema", which]).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A small subset of JSON Schema (type, enum, properties, additionalProperties, items,
/// anyOf, required, pattern-free): enough to find unknown keys and wrong types.
fn problems(schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = branches.iter().any(|b| {
            let mut p = Vec::new();
            problems(b, v, at, &mut p);
            p.is_empty()
        });
        if !fits {
            out.push(format!("{at}: fits no branch"));
        }
        return;
    }
    let ok = match schema.get("type").and_then(Value::as_str) {
        Some("string") => v.is_string(),
        Some("integer") => v.is_i64() || v.is_u64(),
        Some("number") => v.is_number(),
        Some("boolean") => v.is_boolean(),
        Some("array") => v.is_array(),
        Some("object") => v.is_object(),
        Some("null") => v.is_null(),
        _ => true,
    };
    if !ok {
        out.push(format!("{at}: wrong type"));
        return;
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.contains(v) {
            out.push(format!("{at}: {v} is not one of {values:?}"));
        }
    }
    if let Value::Array(items) = v {
        if let Some(item) = schema.get("items") {
            for (i, x) in items.iter().enumerate() {
                problems(item, x, &format!("{at}[{i}]"), out);
            }
        }
    }
    if let Value::Object(map) = v {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !map.contains_key(req.as_str().unwrap()) {
                out.push(format!("{at}: missing {req}"));
            }
        }
        for (k, x) in map {
            match (
                props.and_then(|p| p.get(k)),
                schema.get("additionalProperties"),
            ) {
                (Some(s), _) => problems(s, x, &format!("{at}.{k}"), out),
                (None, Some(Value::Bool(false))) => out.push(format!("{at}: unknown key {k}")),
                (None, Some(s)) if s.is_object() => problems(s, x, &format!("{at}.{k}"), out),
                _ => {}
            }
        }
    }
}

fn check(schema: &Value, v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    problems(schema, v, "", &mut out);
    out
}

fn toml_file(path: &Path) -> Value {
    to_json(toml::from_str(&read(path)).unwrap())
}

/// TOML -> JSON; dates become strings, as editors see them.
fn to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
        other => serde_json::to_value(other).unwrap(),
    }
}

fn front_matter(path: &Path) -> Value {
    let text = read(path);
    let yaml = text.split("---\n").nth(1).unwrap();
    serde_saphyr::from_str(yaml).unwrap()
}

#[test]
fn real_site_files_fit_the_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = schema("config");
    assert_eq!(config["$schema"], "http://json-schema.org/draft-07/schema#");
    for f in [
        "candor.toml",
        "tests/fixtures/site/candor.toml",
        "src/commands/starter/candor.toml",
    ] {
        assert_eq!(
            check(&config, &toml_file(&root.join(f))),
            Vec::<String>::new(),
            "{f}"
        );
    }
    let card = schema("model-card");
    let cards = [
        "content/models",
        "tests/fixtures/site/content/models",
        "src/commands/starter/models",
    ];
    let mut seen = 0;
    for dir in cards {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            assert_eq!(
                check(&card, &front_matter(&path)),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
            seen += 1;
        }
    }
    assert!(seen >= 5);
}

#[test]
fn the_schemas_catch_typos_and_wrong_types() {
    let config = schema("config");
    let bad: Value = serde_json::json!({"organization": "x", "audience": "everyone", "review": {"max_age_days": "a year"}});
    let found = check(&config, &bad);
    assert_eq!(found.len(), 3, "{found:?}");
    let card = schema("model-card");
    let bad: Value = serde_json::json!({"status": "prod", "metrics": [{"name": "auc"}], "training_data": {"element": ["a"]}, "tags": ["kept"]});
    let found = check(&card, &bad);
    assert_eq!(found, [".metrics[0]: missing \"value\"", ".status: \"prod\" is not one of [String(\"production\"), String(\"pilot\"), String(\"retired\")]", ".training_data: unknown key element"]);
}

#[test]
fn writes_to_out_and_rejects_unknown_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("candor.schema.json");
    candor()
        .args(["schema", "config", "--out"])
        .arg(&file)
        .assert()
        .success();
    let written: Value = serde_json::from_str(&read(&file)).unwrap();
    assert_eq!(written, schema("config"));
    let out = candor().args(["schema", "inventory"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Validates with boon (a full JSON Schema implementation), not the sketch above.
fn boon_errors(schema: &Value, v: &Value) -> Option<String> {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("file:///config.json", schema.clone())
        .expect("schema");
    let idx = compiler
        .compile("file:///config.json", &mut schemas)
        .expect("compiles");
    schemas.validate(v, idx).err().map(|e| format!("{e:#}"))
}

#[test]
fn the_config_schema_has_an_id_and_rejects_what_candor_rejects() {
    let config = schema("config");
    assert_eq!(config["$id"], "urn:candor:schema:candor-toml:1");
    assert_eq!(
        schema("model-card")["$id"],
        "urn:candor:schema:model-card:1"
    );
    let exception = |e: Value| serde_json::json!({"audit": {"exceptions": [e]}});
    let good = exception(serde_json::json!({"rule": "missing-retention", "reason": "why"}));
    assert_eq!(boon_errors(&config, &good), None);
    for bad in [
        exception(serde_json::json!({"rule": "missing-retention"})),
        exception(serde_json::json!({"rule": "missing-retention", "reason": "  "})),
        exception(serde_json::json!({"rule": "missing-retension", "reason": "why"})),
        serde_json::json!({"audit": {"rules": {"no-such-rule": "off"}}}),
        serde_json::json!({"names": {"user.contact email": "Email"}}),
        serde_json::json!({"audit": {"retention_max": {"user contact": "P1Y"}}}),
    ] {
        assert!(boon_errors(&config, &bad).is_some(), "accepted: {bad}");
    }
    let ok = serde_json::json!({"audit": {"rules": {"vague-purpose": "off", "sensitive-basis": "warning"}}, "names": {"user.contact.email": "Email"}});
    assert_eq!(boon_errors(&config, &ok), None);
}
