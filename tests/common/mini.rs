//! A small site built in a temporary directory, one inventory file and the registers, and the
//! findings `candor check --format json` reports on it: for the end-to-end rule tests.

use std::path::Path;

use serde_json::Value;

use super::{candor, write};

/// The inventory's columns, in order. A row gives some of them; the rest take [`DEFAULTS`].
pub const COLUMNS: &[&str] = &[
    "element",
    "name",
    "category",
    "subjects",
    "source",
    "systems",
    "purpose",
    "why",
    "legal_basis",
    "necessity",
    "retention",
    "shared_with",
    "visibility",
    "last_reviewed",
    "notes",
    "special_category_condition",
    "legal_reference",
];

/// A clean row: contact data a customer gives to get their order delivered.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("element", "email"),
    ("category", "user.contact.email"),
    ("subjects", "customer"),
    ("source", "provided"),
    ("purpose", "essential.service"),
    ("legal_basis", "contract"),
    ("necessity", "required"),
    ("retention", "two_years"),
    ("visibility", "public"),
    ("last_reviewed", "2026-10-01"),
];

/// A site under construction: candor.toml, one inventory file and the registers.
pub struct Mini {
    toml: String,
    rows: Vec<String>,
    recipients: Vec<String>,
    retention: Vec<String>,
    systems: Vec<String>,
    assessments: Vec<String>,
    /// Elements with a row already: their later rows leave element-level columns empty.
    seen: Vec<String>,
}

fn csv_cell(v: &str) -> String {
    if v.contains([',', '"', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

impl Mini {
    pub fn new() -> Mini {
        Mini {
            toml: "title = \"Mini\"\norganisation = \"Mini B.V.\"\n".into(),
            rows: Vec::new(),
            recipients: Vec::new(),
            systems: Vec::new(),
            assessments: Vec::new(),
            seen: Vec::new(),
            retention: vec!["two_years,Two years,P2Y,last order,delete,,".into()],
        }
    }

    /// Adds an inventory row: `set` overrides [`DEFAULTS`]; its line is the row count + 1.
    pub fn row(&mut self, set: &[(&str, &str)]) -> &mut Mini {
        let get = |col: &str| {
            set.iter()
                .chain(DEFAULTS)
                .find(|(k, _)| *k == col)
                .map(|(_, v)| v.to_string())
        };
        let element = get("element").unwrap_or_default();
        let repeat = self.seen.contains(&element);
        if !repeat {
            self.seen.push(element.clone());
        }
        let element_level = ["name", "category", "subjects", "source"];
        let cells: Vec<String> = COLUMNS
            .iter()
            .map(|&c| match c {
                c if repeat && element_level.contains(&c) => set
                    .iter()
                    .find(|(k, _)| *k == c)
                    .map_or(String::new(), |(_, v)| v.to_string()),
                "name" => get("name").unwrap_or_else(|| element.replace('_', " ")),
                "why" => get("why").unwrap_or_else(|| {
                    format!(
                        "We need the {element} for {}.",
                        get("purpose").unwrap_or_default()
                    )
                }),
                c => get(c).unwrap_or_default(),
            })
            .map(|v| csv_cell(&v))
            .collect();
        self.rows.push(cells.join(","));
        self
    }

    /// Adds `id,name,role,country,safeguards,description,dpa_url`.
    pub fn recipient(&mut self, line: &str) -> &mut Mini {
        self.recipients.push(line.into());
        self
    }

    /// Adds `id,name,duration,trigger,disposal,legal_reference,description`.
    pub fn policy(&mut self, line: &str) -> &mut Mini {
        self.retention.push(line.into());
        self
    }

    /// Adds `id,name,description,owner,location,country,transfer_mechanism,security`.
    pub fn system(&mut self, line: &str) -> &mut Mini {
        self.systems.push(line.into());
        self
    }

    /// Adds `id,kind,covers,date,outcome,url,description`.
    pub fn assessment(&mut self, line: &str) -> &mut Mini {
        self.assessments.push(line.into());
        self
    }

    pub fn toml(&mut self, more: &str) -> &mut Mini {
        self.toml.push_str(more);
        self
    }

    /// Writes the site and runs `candor check --format json` on it.
    pub fn check(&self) -> Vec<Hit> {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        self.write_to(root);
        let out = candor()
            .args(["check", "--format", "json", "--fail-on", "never", "--root"])
            .arg(root)
            .output()
            .expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_str(&stdout).expect("JSON");
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| Hit {
                rule: f["rule"].as_str().unwrap_or("").into(),
                severity: f["severity"].as_str().unwrap_or("").into(),
                at: format!("{}:{}", f["file"].as_str().unwrap_or(""), f["line"]),
                law: f["law"].as_str().unwrap_or("").into(),
                message: f["message"].as_str().unwrap_or("").into(),
            })
            .collect()
    }

    /// Writes the site's files into `root`: candor.toml, the inventory and the registers.
    pub fn write_to(&self, root: &Path) {
        write(root, "candor.toml", &self.toml);
        let mut inv = COLUMNS.join(",");
        for r in &self.rows {
            inv.push('\n');
            inv.push_str(r);
        }
        write(root, "content/inventory/data.csv", inv + "\n");
        if !self.recipients.is_empty() {
            let mut rec = String::from("id,name,role,country,safeguards,description,dpa_url\n");
            for r in &self.recipients {
                rec.push_str(r);
                rec.push('\n');
            }
            write(root, "content/recipients.csv", rec);
        }
        for (file, header, lines) in [
            (
                "content/systems.csv",
                "id,name,description,owner,location,country,transfer_mechanism,security",
                &self.systems,
            ),
            (
                "content/assessments.csv",
                "id,kind,covers,date,outcome,url,description",
                &self.assessments,
            ),
        ] {
            if !lines.is_empty() {
                write(root, file, format!("{header}\n{}\n", lines.join("\n")));
            }
        }
        let mut ret =
            String::from("id,name,duration,trigger,disposal,legal_reference,description\n");
        for r in &self.retention {
            ret.push_str(r);
            ret.push('\n');
        }
        write(root, "content/retention.csv", ret);
    }
}

#[derive(Debug)]
pub struct Hit {
    pub rule: String,
    pub severity: String,
    pub at: String,
    pub law: String,
    pub message: String,
}

/// `(severity, file:line)` of each finding of `rule`.
pub fn of(hits: &[Hit], rule: &str) -> Vec<(String, String)> {
    hits.iter()
        .filter(|h| h.rule == rule)
        .map(|h| (h.severity.clone(), h.at.clone()))
        .collect()
}

pub fn at(severity: &str, file_line: &str) -> (String, String) {
    (severity.to_string(), file_line.to_string())
}

pub const DATA: &str = "content/inventory/data.csv";

/// Asserts `rule` fired exactly at `lines` of the inventory with `severity`, citing its law.
pub fn trips(hits: &[Hit], rule: &str, severity: &str, lines: &[usize]) {
    let want: Vec<_> = lines
        .iter()
        .map(|l| at(severity, &format!("{DATA}:{l}")))
        .collect();
    assert_eq!(of(hits, rule), want, "{hits:#?}");
    assert!(
        hits.iter()
            .filter(|h| h.rule == rule)
            .all(|h| !h.law.is_empty()),
        "{rule} cites no law"
    );
}

pub fn quiet(hits: &[Hit], rule: &str) {
    assert_eq!(of(hits, rule), [], "{hits:#?}");
}
