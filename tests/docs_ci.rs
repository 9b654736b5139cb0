//! docs/ci.md stays correct: its workflow is valid YAML with the permissions each job needs,
//! and every candor command in it parses with today's command line.

use clap::Parser;
use serde_json::Value;

use candor::cli::Cli;

fn workflow() -> Value {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ci.md"))
        .expect("docs/ci.md");
    let yaml = doc
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("a yaml block");
    serde_saphyr::from_str(yaml).expect("valid YAML")
}

fn steps(w: &Value, job: &str) -> Vec<Value> {
    w["jobs"][job]["steps"].as_array().expect("steps").clone()
}

#[test]
fn jobs_ask_for_the_permissions_they_use() {
    let w = workflow();
    assert_eq!(w["permissions"], serde_json::json!({}));
    let perm = |job: &str, key: &str| w["jobs"][job]["permissions"][key].clone();
    assert_eq!(perm("audit", "security-events"), "write");
    assert_eq!(perm("audit", "contents"), "read");
    assert_eq!(perm("diff", "pull-requests"), "write");
    assert_eq!(perm("publish", "pages"), "write");
    assert_eq!(perm("publish", "id-token"), "write");
    assert_eq!(w["jobs"]["publish"]["environment"]["name"], "github-pages");
    let uses: Vec<String> = ["audit", "diff", "publish"]
        .iter()
        .flat_map(|j| steps(&w, j))
        .filter_map(|s| s["uses"].as_str().map(str::to_string))
        .collect();
    for action in [
        "github/codeql-action/upload-sarif@",
        "actions/github-script@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
    ] {
        assert!(
            uses.iter().any(|u| u.starts_with(action)),
            "{action} missing"
        );
    }
    let checkout_depth = |job: &str| -> Vec<i64> {
        steps(&w, job)
            .iter()
            .filter(|s| {
                s["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("actions/checkout@"))
            })
            .map(|s| s["with"]["fetch-depth"].as_i64().unwrap_or(1))
            .collect()
    };
    assert_eq!(checkout_depth("diff"), [1, 1], "head and base");
    assert_eq!(
        checkout_depth("publish"),
        [2],
        "HEAD^ is the previous version"
    );
}

/// A shell line as arguments: quotes dropped, `$VARS` made concrete, redirections cut off.
fn words(line: &str) -> Vec<String> {
    line.split(['>', '|'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .map(|w| {
            let w = w.replace('"', "");
            if w == "$PREVIOUS" || w == "${PREVIOUS:+$PREVIOUS}" {
                "--previous=old".to_string()
            } else if w.contains("${{") || w.contains('$') {
                let head = w.split('$').next().unwrap_or("");
                format!("{head}x")
            } else {
                w
            }
        })
        .filter(|w| w != "}}/" && !w.starts_with("steps.") && w != "}}")
        .scan(String::new(), |previous, w| {
            // `--base-url` must be an http(s) URL: the Pages URL the variable holds.
            let w = if previous == "--base-url" && w == "x" {
                "https://x.example/".to_string()
            } else {
                w
            };
            *previous = w.clone();
            Some(w)
        })
        .collect()
}

#[test]
fn every_candor_command_parses() {
    let w = workflow();
    let mut seen = Vec::new();
    for job in ["audit", "diff", "publish"] {
        for step in steps(&w, job) {
            let Some(run) = step["run"].as_str() else {
                continue;
            };
            for line in run
                .lines()
                .map(str::trim)
                .filter(|l| l.starts_with("candor "))
            {
                let args = words(line);
                if let Err(e) = Cli::try_parse_from(&args) {
                    panic!("docs/ci.md: `{line}` does not parse ({args:?}): {e}");
                }
                seen.push(args[1].clone());
            }
        }
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen, ["build", "check", "diff"]);
}

fn action() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/action.yml"))
        .expect("action.yml");
    serde_saphyr::from_str(&text).expect("action.yml is valid YAML")
}

/// The input names in docs/ci.md's table of the action's inputs (rows "| `name` | ...").
fn documented_inputs() -> Vec<String> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ci.md"))
        .expect("docs/ci.md");
    let table = doc
        .split("| input | default | meaning |")
        .nth(1)
        .expect("a table of the action's inputs");
    table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| l.split('`').nth(1).map(str::to_string))
        .collect()
}

#[test]
fn the_action_inputs_are_the_documented_ones() {
    let a = action();
    assert_eq!(a["runs"]["using"], "composite");
    let mut declared: Vec<String> = a["inputs"]
        .as_object()
        .expect("inputs")
        .keys()
        .cloned()
        .collect();
    declared.sort();
    let mut documented = documented_inputs();
    documented.sort();
    assert_eq!(
        declared, documented,
        "action.yml inputs vs docs/ci.md table"
    );

    // Every step of the workflow that uses the action passes only declared inputs.
    let w = workflow();
    let mut used = 0;
    for job in ["audit", "diff", "publish"] {
        for step in steps(&w, job) {
            if !step["uses"]
                .as_str()
                .is_some_and(|u| u.contains("/candor@"))
            {
                continue;
            }
            used += 1;
            for key in step["with"].as_object().into_iter().flat_map(|m| m.keys()) {
                assert!(
                    declared.contains(key),
                    "docs/ci.md passes unknown input {key}"
                );
            }
        }
    }
    assert_eq!(used, 3, "each job installs candor with the action");
}

#[test]
fn the_action_installs_from_its_own_checkout_locked_and_caches_per_source() {
    let a = action();
    let steps = a["runs"]["steps"].as_array().expect("steps").clone();
    let runs: String = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        runs.contains("cargo install --locked --path \"$ACTION_PATH\""),
        "{runs}"
    );
    let build = steps
        .iter()
        .find(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.contains("cargo install"))
        })
        .expect("a build step");
    assert_eq!(build["env"]["ACTION_PATH"], "${{ github.action_path }}");
    assert!(!runs.contains("--git"), "no address needed: {runs}");
    assert!(!runs.contains("cargo install candor"), "not on crates.io");
    let cache = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .expect("a cache step");
    assert!(cache["with"]["key"]
        .as_str()
        .is_some_and(|k| k.contains("steps.resolve.outputs.source")));
}

/// candor's address is written once, as `repository` in Cargo.toml: no other file names it,
/// nor the old placeholder.
#[test]
fn the_repository_address_is_only_in_cargo_toml() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let address = env!("CARGO_PKG_REPOSITORY");
    assert!(address.starts_with("https://"), "{address}");
    let mut files = vec![
        root.join("README.md"),
        root.join("action.yml"),
        root.join("Dockerfile"),
    ];
    for dir in ["docs", "src", ".github/workflows"] {
        for e in walkdir::WalkDir::new(root.join(dir)) {
            let e = e.expect("readable");
            if e.file_type().is_file() {
                files.push(e.into_path());
            }
        }
    }
    assert!(files.len() > 50, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        assert!(!text.contains(address), "{} repeats {address}", f.display());
        assert!(!text.contains("your-org"), "{} names your-org", f.display());
    }
}
