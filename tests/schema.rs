//! `candor schema`: prints JSON Schemas that describe the real site files (demo, fixture,
//! starter) without a complaint, and that do complain about misspelt keys and wrong types.

mod common;

use std::path::Path;

use common::{candor, copy_site, read, write};
use proptest::prelude::*;
use serde_json::{json, Value};

fn schema(which: &str) -> Value {
    let out = candor().args(["schema", which]).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The schema compiled by boon, a full validator (draft as its `$schema` says, checked against
/// its meta-schema), with `format` asserted rather than only annotated.
fn validator(which: &str) -> (boon::Schemas, boon::SchemaIndex) {
    let url = format!("file:///candor-{which}.schema.json");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource(&url, schema(which)).unwrap();
    let idx = compiler
        .compile(&url, &mut schemas)
        .unwrap_or_else(|e| panic!("`candor schema {which}` does not compile: {e:#}"));
    (schemas, idx)
}

/// Each failure as `<where>: <keyword>`, e.g. `/language: Pattern`; empty when `v` is valid.
fn check(which: &(boon::Schemas, boon::SchemaIndex), v: &Value) -> Vec<String> {
    fn leaves(e: &boon::ValidationError, out: &mut Vec<String>) {
        if e.causes.is_empty() {
            let kind = format!("{:?}", e.kind);
            let keyword = kind.split([' ', '{', '(']).next().unwrap_or("");
            out.push(format!("{}: {keyword}", e.instance_location));
        }
        for c in &e.causes {
            leaves(c, out);
        }
    }
    let mut out = Vec::new();
    if let Err(e) = which.0.validate(v, which.1) {
        leaves(&e, &mut out);
    }
    out.sort();
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

/// The files of `root` (the repository) named like `name`, outside build output and the
/// fixtures that are invalid on purpose.
fn repo_files(root: &Path, keep: impl Fn(&Path) -> bool) -> Vec<std::path::PathBuf> {
    let skip = [
        "target",
        "fuzz",
        "public",
        "node_modules",
        "invalid",
        ".git",
    ];
    let mut out: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| !skip.contains(&e.file_name().to_str().unwrap_or("")))
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file() && keep(p))
        .collect();
    out.sort();
    out
}

#[test]
fn real_site_files_fit_the_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        schema("config")["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    let config = validator("config");
    let configs = repo_files(root, |p| p.ends_with("candor.toml"));
    for f in &configs {
        assert_eq!(
            check(&config, &toml_file(f)),
            Vec::<String>::new(),
            "{}",
            f.display()
        );
    }
    assert!(configs.contains(&root.join("candor.toml")), "{configs:?}");
    assert!(configs.len() >= 7, "{configs:?}");
    let card = validator("model-card");
    let cards = repo_files(root, |p| {
        p.extension().is_some_and(|e| e == "md")
            && p.parent().is_some_and(|d| d.ends_with("models"))
    });
    for path in &cards {
        assert_eq!(
            check(&card, &front_matter(path)),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }
    assert!(cards.len() >= 12, "{cards:?}");
}

#[test]
fn the_schemas_catch_typos_and_wrong_types() {
    let config = validator("config");
    let bad =
        json!({"organisaton": "x", "audience": "everyone", "review": {"max_age_days": "a year"}});
    assert_eq!(
        check(&config, &bad),
        [
            "/audience: Enum",
            "/review/max_age_days: Type",
            ": AdditionalProperties"
        ]
    );
    let card = validator("model-card");
    let bad = json!({"status": "prod", "metrics": [{"name": "auc"}], "training_data": {"element": ["a"]}, "tags": ["kept"]});
    assert_eq!(
        check(&card, &bad),
        [
            "/metrics/0: Required",
            "/status: Enum",
            "/training_data: AdditionalProperties"
        ]
    );
}

/// Values of the right type that only `pattern`, `minimum` and `format` reject: a validator
/// that ignores those keywords passes them all.
#[test]
fn the_schemas_catch_values_only_pattern_minimum_and_format_reject() {
    let config = validator("config");
    let exception = |expires: &str| json!({"audit": {"exceptions": [{"rule": "unbounded-retention", "element": "e", "reason": "r", "expires": expires}]}});
    assert_eq!(
        check(&config, &exception("2027-11-30")),
        Vec::<String>::new()
    );
    for (bad, want) in [
        (
            json!({"branding": {"accent_color": "#12345"}}),
            "/branding/accent_color: Pattern",
        ),
        (
            json!({"branding": {"accent_color": "red"}}),
            "/branding/accent_color: Pattern",
        ),
        (json!({"language": "fr"}), "/language: Pattern"),
        (
            json!({"review": {"max_age_days": -1}}),
            "/review/max_age_days: Minimum",
        ),
        (
            exception("2027-02-30"),
            "/audit/exceptions/0/expires: Format",
        ),
    ] {
        assert_eq!(check(&config, &bad), [want], "{bad}");
    }
    let card = validator("model-card");
    for (bad, want) in [
        (json!({"id": "Churn Model"}), vec!["/id: Pattern"]),
        (json!({"id": "-churn"}), vec!["/id: Pattern"]),
        (
            json!({"last_reviewed": "2026-13-01"}),
            vec!["/last_reviewed: Format"],
        ),
        (
            json!({"last_reviewed": "1 May 2026"}),
            vec!["/last_reviewed: Format", "/last_reviewed: Pattern"],
        ),
    ] {
        assert_eq!(check(&card, &bad), want, "{bad}");
    }
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

/// A part of a candor.toml: lines for the top level, tables after them, and whether candor
/// accepts it (a file is accepted when all its parts are).
type Part = (&'static str, &'static str, bool);

const ORGANISATION: &[Part] = &[
    ("", "", true),
    ("organisation = \"Acme\"\n", "", true),
    ("organization = \"Acme\"\n", "", true),
    (
        "organisation = \"Acme\"\norganization = \"Acme\"\n",
        "",
        false,
    ),
];

const CONTACT: &[Part] = &[
    ("", "", true),
    ("contact = \"privacy@x.example\"\n", "", true),
    ("contact = \"https://x.example/privacy\"\n", "", true),
    ("contact = \"call us\"\n", "", false),
    ("contact = \"\"\n", "", false),
    ("contact = \"ftp://a@x.example\"\n", "", false),
    ("contact = 5\n", "", false),
    (
        "",
        "[contact]\nemail = \"a@x.example\"\ndpo = \"Jo\"\n",
        true,
    ),
    ("", "[contact]\nmail = \"a@x.example\"\n", false),
];

const OTHER: &[Part] = &[
    ("", "", true),
    ("titel = \"x\"\n", "", false),
    ("", "[review]\nmax_age_days = 30\n", true),
    ("", "[review]\nmax_age = 30\n", false),
    (
        "",
        "[audit.rules]\nvague-purpose = \"off\"\nsensitive-basis = \"warning\"\n",
        true,
    ),
    ("", "[audit.rules]\nvague-purpos = \"off\"\n", false),
    ("", "[names]\n\"user.contact.email\" = \"Email\"\n", true),
    ("", "[names]\n\"user.contact email\" = \"Email\"\n", false),
];

const EXCEPTION: &[Part] = &[
    ("", "", true),
    ("", "[[audit.exceptions]]\nrule = \"unbounded-retention\"\nelement = \"email_address\"\nreason = \"Proof of consent.\"\nexpires = 2027-06-30\n", true),
    ("", "[[audit.exceptions]]\nrule = \"unbounded-retention\"\nelement = \"email_address\"\n", false),
    ("", "[[audit.exceptions]]\nrule = \"unbounded-retention\"\nreason = \"  \"\n", false),
    ("", "[[audit.exceptions]]\nrule = \"unbounded-retension\"\nreason = \"r\"\n", false),
    ("", "[[audit.exceptions]]\nrule = \"unbounded-retention\"\nreason = \"r\"\nnote = \"x\"\n", false),
];

/// The parts as one candor.toml on the fixture site's settings (its taxonomy extension is
/// needed by its inventory).
fn compose(parts: &[Part]) -> (String, bool) {
    let mut text = String::from("title = \"T\"\nlanguage = \"en\"\n");
    for (top, _, _) in parts {
        text.push_str(top);
    }
    text.push_str("[[taxonomy.data_categories]]\nkey = \"user.behavior.stated_preferences\"\nname = \"Stated preferences\"\n");
    for (_, tables, _) in parts {
        text.push_str(tables);
    }
    (text, parts.iter().all(|p| p.2))
}

/// candor's verdict on `text` as the fixture site's candor.toml: `check` exits 0 (accepted;
/// findings do not fail with `--fail-on never`) or 2 (an input error).
fn candor_accepts(text: &str) -> bool {
    let site = copy_site("site");
    write(site.path(), "candor.toml", text);
    let out = candor()
        .args(["check", "--fail-on", "never", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    match out.status.code() {
        Some(0) => true,
        Some(2) => false,
        other => panic!("{other:?}: {}", String::from_utf8_lossy(&out.stderr)),
    }
}

fn schema_accepts(config: &(boon::Schemas, boon::SchemaIndex), text: &str) -> bool {
    check(config, &to_json(toml::from_str(text).unwrap())).is_empty()
}

/// Every part once, each beside valid settings: the schema's verdict is candor's, and both are
/// the one written beside the part.
#[test]
fn the_config_schema_accepts_exactly_what_candor_accepts() {
    let config = validator("config");
    for part in [ORGANISATION, CONTACT, OTHER, EXCEPTION].concat() {
        let (text, want) = compose(&[part]);
        assert_eq!(candor_accepts(&text), want, "candor on:\n{text}");
        assert_eq!(
            schema_accepts(&config, &text),
            want,
            "the schema on:\n{text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Parts combined: a file with any bad part is rejected by both, one with none by neither.
    #[test]
    fn the_config_schema_and_candor_agree_on_combinations(
        o in 0..ORGANISATION.len(),
        c in 0..CONTACT.len(),
        x in 0..OTHER.len(),
        e in 0..EXCEPTION.len(),
    ) {
        let (text, want) = compose(&[ORGANISATION[o], CONTACT[c], OTHER[x], EXCEPTION[e]]);
        let config = validator("config");
        prop_assert_eq!(candor_accepts(&text), want, "candor on:\n{}", text);
        prop_assert_eq!(schema_accepts(&config, &text), want, "the schema on:\n{}", text);
    }
}
