//! The Hugo twin of a synthetic candor site: one page per element (its uses as a table) and per
//! model card, with the same text, plus section lists, so both generators build comparable sites.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use super::{model_front_matter, use_row, CATEGORIES, MODEL_BODY};

const CONFIG: &str = "baseURL = \"https://trust.bench.example/\"\ntitle = \"Bench Ltd\"\n\
disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n";

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="stylesheet" href="/assets/site.css"></head>
<body><header><a href="/">{{ .Site.Title }}</a> <a href="/data/">What we collect</a> <a href="/models/">AI models</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"#;

const SINGLE: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.category }}<p>Category: <code>{{ . }}</code></p>{{ end }}
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
{{ with .Params.uses }}
<table><thead><tr><th>Purpose</th><th>Why</th><th>Legal basis</th><th>Necessity</th><th>Retention</th><th>Shared with</th><th>Last reviewed</th></tr></thead><tbody>
{{ range . }}<tr><td><code>{{ .purpose }}</code></td><td>{{ .why }}</td><td>{{ .legal_basis }}</td><td>{{ .necessity }}</td><td>{{ .retention }}</td><td>{{ .shared_with }}</td><td>{{ .last_reviewed }}</td></tr>
{{ end }}</tbody></table>{{ end }}
{{ with .Params.inputs }}<h2>Inputs</h2><ul>{{ range . }}<li><a href="/data/{{ . }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}
{{ end }}
"#;

const LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<table><thead><tr><th>Name</th><th>Category</th></tr></thead><tbody>
{{ range .Pages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.category }}</td></tr>
{{ end }}</tbody></table>
{{ end }}
"#;

/// Writes the Hugo site for `n` elements into `root`.
pub fn generate(n: usize, root: &Path) -> std::io::Result<()> {
    for dir in ["content/data", "content/models", "layouts/_default"] {
        fs::create_dir_all(root.join(dir))?;
    }
    fs::write(root.join("config.toml"), CONFIG)?;
    fs::write(root.join("layouts/_default/baseof.html"), BASEOF)?;
    fs::write(root.join("layouts/_default/single.html"), SINGLE)?;
    fs::write(root.join("layouts/_default/list.html"), LIST)?;
    fs::write(root.join("content/_index.md"), "---\ntitle: Home\n---\n")?;
    fs::write(
        root.join("content/data/_index.md"),
        "---\ntitle: What we collect\n---\n",
    )?;
    fs::write(
        root.join("content/models/_index.md"),
        "---\ntitle: AI models\n---\n",
    )?;
    for e in 0..n {
        let mut page = format!(
            "---\ntitle: \"Data element {e}\"\ncategory: {}\nuses:\n",
            CATEGORIES[e % CATEGORIES.len()]
        );
        for u in 0..2 {
            let r = use_row(n, e, u);
            write!(
                page,
                "  - purpose: {}\n    why: \"{}\"\n    legal_basis: {}\n    necessity: {}\n    retention: {}\n    shared_with: \"{}\"\n    last_reviewed: \"{}\"\n",
                r.purpose, r.why, r.basis, r.necessity, r.retention, r.shared, r.reviewed
            )
            .ok();
        }
        page.push_str("---\n");
        fs::write(root.join(format!("content/data/element_{e}.md")), page)?;
    }
    for m in 0..n / 20 {
        fs::write(
            root.join(format!("content/models/model-{m}.md")),
            format!(
                "---\ntitle: \"Model {m}\"\n{}---\n\nModel {m} {MODEL_BODY}\n",
                model_front_matter(m)
            ),
        )?;
    }
    Ok(())
}
