//! `candor check` fails exactly when `candor build` would, with the same message: on each
//! broken site below both exit 2 and say the same, and the build leaves the output of the
//! last good build as it was. Run with `--nocapture` for the table of sites and messages.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::files::tree;
use common::mini::Mini;
use common::{candor, write};

/// One way to break a good site: what to do to it, and a phrase the error must contain.
struct Case {
    name: &'static str,
    /// `SOURCE_DATE_EPOCH` for both runs, instead of the valid one of [`candor`].
    epoch: Option<&'static str>,
    break_it: fn(&Path),
    says: &'static str,
}

const fn case(name: &'static str, break_it: fn(&Path), says: &'static str) -> Case {
    Case {
        name,
        epoch: None,
        break_it,
        says,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case(
            "theme: template not UTF-8",
            |s| write(s, "templates/index.html", [0xff, 0xfe, 0x00]),
            "template is not valid UTF-8 text\n  --> templates/index.html",
        ),
        case(
            "missing branding.logo file",
            |s| append(s, "candor.toml", "\n[branding]\nlogo = \"logo.png\"\n"),
            "[branding] logo `logo.png` is not a file under static/\n  --> candor.toml:5",
        ),
        case(
            "template syntax error",
            |s| write(s, "templates/index.html", "{% if %}\n"),
            "--> templates/index.html:1:",
        ),
        case(
            "override fails at render time",
            |s| write(s, "templates/element.html", "<p>{{ no_such.value }}</p>\n"),
            "--> templates/element.html:1:",
        ),
        case(
            "base.html fails at render time",
            |s| {
                let base = common::read(&common::demo().join("templates/base.html"));
                write(s, "templates/base.html", format!("{{{{ nothing.here }}}}{base}"));
            },
            "error: Variable `nothing` is not defined",
        ),
        case(
            "static/search-index.json",
            |s| write(s, "static/search-index.json", "[]"),
            "static file would overwrite the generated `search-index.json`\n  --> static/search-index.json",
        ),
        case(
            "static/changes.xml (no --previous)",
            |s| write(s, "static/changes.xml", "<feed/>"),
            "static file would overwrite the generated `changes.xml`\n  --> static/changes.xml",
        ),
        case(
            "static/data.json",
            |s| write(s, "static/data.json", "{}"),
            "static file would overwrite the generated `data.json`\n  --> static/data.json",
        ),
        case(
            "static/sitemap.xml",
            |s| write(s, "static/sitemap.xml", "<urlset/>"),
            "would overwrite the generated `sitemap.xml`",
        ),
        case(
            "static/ chart path",
            |s| write(s, "static/charts/collection-heatmap.svg", "<svg/>"),
            "would overwrite the generated `charts/collection-heatmap.svg`",
        ),
        case(
            "static/ file in place of data/",
            |s| write(s, "static/data", "x"),
            "would take the place of the generated directory `data/`",
        ),
        case(
            "bad CSV value",
            |s| replace(s, "content/inventory/data.csv", "essential.service", "bogus.purpose"),
            "content/inventory/data.csv:2",
        ),
        case(
            "bad candor.toml syntax",
            |s| append(s, "candor.toml", "description = \n"),
            "candor.toml:3",
        ),
        case(
            "bad [audit] fail_on",
            |s| append(s, "candor.toml", "\n[audit]\nfail_on = \"sometimes\"\n"),
            "unknown [audit] fail_on `sometimes`",
        ),
        case(
            "bad audit.fail_on (dotted key)",
            |s| append(s, "candor.toml", "audit.fail_on = \"sometimes\"\n"),
            "unknown [audit] fail_on `sometimes`: expected error, warning or never\n  --> candor.toml:3",
        ),
        Case {
            name: "SOURCE_DATE_EPOCH not a number",
            epoch: Some("yesterday"),
            break_it: |_| {},
            says: "SOURCE_DATE_EPOCH must be a number of seconds",
        },
    ]
}

fn append(site: &Path, file: &str, more: &str) {
    let path = site.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(path, text + more).expect("write");
}

fn replace(site: &Path, file: &str, from: &str, to: &str) {
    common::edit(site, file, from, to);
}

/// The exit code and standard error of `candor <args> --root <site>`.
fn run(site: &Path, epoch: Option<&str>, args: &[&str]) -> (Option<i32>, String) {
    let mut cmd = candor();
    if let Some(e) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", e);
    }
    let o = cmd
        .args(args)
        .arg("--root")
        .arg(site)
        .output()
        .expect("run candor");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.code(), stderr)
}

/// The error a run printed, without what only a build says (the audit's summary line, and
/// that nothing was written).
fn message(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.starts_with("audit: "))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("; nothing was written.", ".")
}

#[test]
fn check_fails_exactly_when_build_does_with_the_same_message() {
    let mut table = vec![format!(
        "| {:<34} | check | build | first line of message",
        "site"
    )];
    let mut problems = Vec::new();
    for case in cases() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let site = tmp.path().join("site");
        let out = tmp.path().join("out");
        let mut mini = Mini::new();
        mini.row(&[]);
        mini.write_to(&site);
        let out_arg = out.to_str().expect("UTF-8 path");
        let (good, stderr) = run(&site, None, &["build", "--output", out_arg]);
        assert_eq!(
            good,
            Some(0),
            "{}: the good site builds\n{stderr}",
            case.name
        );
        let before = tree(&out);

        (case.break_it)(&site);
        let (check, check_err) = run(&site, case.epoch, &["check"]);
        let (build, build_err) = run(&site, case.epoch, &["build", "--output", out_arg]);
        let said = message(&check_err);
        table.push(format!(
            "| {:<34} | {:>5} | {:>5} | {}",
            case.name,
            check.map_or("-".into(), |c| c.to_string()),
            build.map_or("-".into(), |c| c.to_string()),
            said.lines().next().unwrap_or("")
        ));
        if check != Some(2) || build != Some(2) {
            problems.push(format!(
                "{}: check exited {check:?}, build {build:?}\ncheck: {check_err}\nbuild: {build_err}",
                case.name
            ));
            continue;
        }
        if said != message(&build_err) {
            problems.push(format!(
                "{}: different messages\ncheck: {check_err}\nbuild: {build_err}",
                case.name
            ));
        }
        if !said.contains(case.says) {
            problems.push(format!(
                "{}: expected {:?} in\n{said}",
                case.name, case.says
            ));
        }
        if tree(&out) != before {
            problems.push(format!(
                "{}: the failed build changed the output",
                case.name
            ));
        }
    }
    println!("{}", table.join("\n"));
    assert!(table.len() > 10, "at least ten broken sites");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The good site of every case passes both, so the cases above fail for their own break.
#[test]
fn the_good_site_passes_check_and_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    let mut mini = Mini::new();
    mini.row(&[]);
    mini.write_to(&site);
    let (check, stderr) = run(&site, None, &["check", "--fail-on", "never"]);
    assert_eq!(check, Some(0), "{stderr}");
    let out = tmp.path().join("out");
    let (build, stderr) = run(&site, None, &["build", "--output", out.to_str().unwrap()]);
    assert_eq!(build, Some(0), "{stderr}");
    assert!(out.join("search-index.json").is_file());
}

/// An error in `base.html` breaks every page kind, each with other variables in its message:
/// it is one spot, reported once (errors are told apart by file:line:column, not by text).
#[test]
fn a_broken_base_html_is_reported_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    let mut mini = Mini::new();
    mini.row(&[]);
    mini.write_to(&site);
    let base = common::read(&common::demo().join("templates/base.html"));
    write(
        &site,
        "templates/base.html",
        format!("{{{{ nothing.here }}}}{base}"),
    );
    let (code, stderr) = run(&site, None, &["check"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(
        stderr.matches("--> templates/base.html:1:4").count(),
        1,
        "{stderr}"
    );
}

/// `candor serve` builds through the same pipeline as `candor build`: the files in memory are
/// the files on disk, byte for byte.
#[test]
fn the_pipeline_in_memory_gives_the_bytes_of_candor_build() {
    use candor::pipeline::{build_files, Clock, Options};
    let site = common::fixture("site");
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    common::build(&site, &out, &[]); // SOURCE_DATE_EPOCH=1796083200, as below
    let clock = Clock::resolve(None, Some("1796083200"), jiff::Timestamp::now).expect("clock");
    let progress = candor::progress::Progress::new(false);
    let built = build_files(&site, &Options::new(clock), &progress).expect("builds");
    let in_memory: BTreeMap<String, Vec<u8>> = built
        .files
        .into_iter()
        .map(|f| (f.path.to_string_lossy().replace('\\', "/"), f.bytes))
        .collect();
    // The write stage's marker of a folder it owns is the only file a build adds.
    let mut on_disk: BTreeMap<String, Vec<u8>> = common::files::files(&out).into_iter().collect();
    assert!(on_disk.remove(".candor-build").is_some());
    assert_eq!(
        in_memory.keys().collect::<Vec<_>>(),
        on_disk.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &in_memory {
        assert!(on_disk[path] == *bytes, "{path} differs");
    }
}
