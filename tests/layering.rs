//! Arrows only point down: no module under `src/` may use a module of a layer above its own.
//!
//! [`LAYERS`] is the one written layer order (the crate doc of `src/lib.rs` mirrors it). The
//! test reads every `src/**/*.rs`, finds the `crate::<module>` paths of its code (in `use`
//! items, in `use crate::{a, b}` groups and inline) and the `super::` paths that climb out of
//! the file's top-level module, and names file:line and both layers of every upward import.
//! Test code (`#[cfg(test)]` items and the files of `#[cfg(test)]` modules) may use any layer.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first, each with its top-level modules. A module may use its own layer
/// and the layers below it.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "foundations",
        &[
            "diag",
            "hash",
            "escape",
            "csv_cell",
            "out",
            "uuid",
            "ids",
            "country",
            "i18n",
            "today",
            "progress",
            "repo_root",
            "cyclonedx",
            "sink",
        ],
    ),
    ("config", &["config", "taxonomy"]),
    ("model", &["model"]),
    ("load", &["load"]),
    ("link", &["link"]),
    ("audit", &["audit"]),
    ("diff", &["diff"]),
    ("site", &["site"]),
    ("render", &["render"]),
    ("write", &["write"]),
    ("exchange", &["export", "import", "schema"]),
    ("pipeline", &["pipeline"]),
    ("serve", &["serve"]),
    ("commands", &["commands", "cli", "main"]),
];

/// Items of the crate root that code names by `crate::<item>`, with the module they belong to.
const ROOT_ITEMS: &[(&str, &str)] = &[
    // `#[macro_export] macro_rules! note` in src/out.rs.
    ("note", "out"),
    // `load_catalog` in src/lib.rs: load, then link.
    ("load_catalog", "link"),
    ("load_catalog_with", "link"),
];

/// Upward imports still allowed, as (from module, to module): none. An entry here is a debt
/// with an owner; the test fails when one is listed but no longer used.
const ALLOWED: &[(&str, &str)] = &[];

/// One use of another top-level module: where, and which module.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    line: usize,
    target: String,
}

fn level(module: &str) -> Option<(usize, &'static str)> {
    let module = ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == module)
        .map_or(module, |(_, m)| m);
    LAYERS
        .iter()
        .enumerate()
        .find(|(_, (_, mods))| mods.contains(&module))
        .map(|(i, (name, _))| (i, *name))
}

/// `text` with comments, string and character literals replaced by spaces (newlines kept, so
/// line numbers hold).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, bytes: &[u8]| {
        out.extend(bytes.iter().map(|&c| if c == b'\n' { b'\n' } else { b' ' }))
    };
    while i < b.len() {
        let rest = &b[i..];
        let end = if rest.starts_with(b"//") {
            i + rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len())
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            let mut j = i;
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            j
        } else if let Some(hashes) = raw_string_start(rest) {
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let body = i + 2 + hashes + usize::from(rest[0] == b'b');
            b[body..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |p| body + p + close.len())
        } else if rest[0] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            (j + 1).min(b.len())
        } else if rest[0] == b'\'' {
            // A character literal ('x', '\n', '\u{..}'), not a lifetime ('a).
            match rest.iter().skip(1).take(12).position(|&c| c == b'\'') {
                Some(p) if rest[1] == b'\\' || p == 1 || !rest[1].is_ascii() => i + p + 2,
                _ => {
                    out.push(b'\'');
                    i += 1;
                    continue;
                }
            }
        } else {
            out.push(rest[0]);
            i += 1;
            continue;
        };
        blank(&mut out, &b[i..end]);
        i = end;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The number of `#` of a raw string starting here (`r"`, `r#"`, `br"` ...).
fn raw_string_start(rest: &[u8]) -> Option<usize> {
    let r = if rest.starts_with(b"br") {
        2
    } else if rest.starts_with(b"r") {
        1
    } else {
        return None;
    };
    let hashes = rest[r..].iter().take_while(|&&c| c == b'#').count();
    (rest.get(r + hashes) == Some(&b'"')).then_some(hashes)
}

/// `code` with every `#[cfg(test)]` item blanked: a `mod` block, a function, a `use`.
fn without_test_items(code: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let mut from = 0;
    while let Some(p) = code[from..].find("#[cfg(test)]") {
        let start = from + p;
        // The item ends at its first `;` before any `{`, or where its first `{` closes.
        let mut depth = 0usize;
        let mut end = code.len();
        for (k, c) in code[start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = start + k + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = start + k + 1;
                    break;
                }
                _ => {}
            }
        }
        for c in &mut out[start..end] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
        from = end;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn line_of(code: &str, at: usize) -> usize {
    code[..at].bytes().filter(|&c| c == b'\n').count() + 1
}

fn ident_at(code: &str, at: usize) -> &str {
    let rest = &code[at..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    &rest[..len]
}

/// The top-level modules `code` names, for a file `depth` modules below the crate root.
fn references(code: &str, depth: usize) -> Vec<Reference> {
    let mut found = Vec::new();
    let mut push = |at: usize, target: &str| {
        if !target.is_empty() && target != "self" && target != "super" {
            found.push(Reference {
                line: line_of(code, at),
                target: target.to_string(),
            });
        }
    };
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(p) = code[from..].find("crate::") {
        let at = from + p;
        from = at + "crate::".len();
        // Not part of a longer name (`$crate::` counts: it is this crate too).
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let after = code[from..].trim_start();
        let start = code.len() - after.len();
        if after.starts_with('{') {
            // `crate::{a::X, b, c::{..}}`: the first name of every top-level item.
            let mut depth = 0usize;
            let mut item_start = true;
            for (k, c) in after.char_indices() {
                match c {
                    '{' => {
                        depth += 1;
                        item_start = depth == 1;
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if item_start && (c.is_ascii_alphabetic() || c == '_') => {
                        push(start + k, ident_at(code, start + k));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            push(start, ident_at(code, start));
        }
    }
    // `super::super::x` climbing to the crate root from a file `depth` modules down.
    let mut from = 0;
    while let Some(p) = code[from..].find("super::") {
        let at = from + p;
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            from = at + 1;
            continue;
        }
        let mut end = at;
        let mut supers = 0;
        while code[end..].starts_with("super::") {
            supers += 1;
            end += "super::".len();
        }
        from = end;
        if supers >= depth {
            push(end, ident_at(code, end));
        }
    }
    found
}

/// A source file: its path, its top-level module and how many modules deep it is.
struct SourceFile {
    path: PathBuf,
    module: String,
    depth: usize,
}

/// Every `.rs` file under `src/` except the crate root, and the files of `#[cfg(test)]`
/// modules (found from their `#[cfg(test)] mod x;` declarations).
fn source_files(src: &Path) -> Vec<SourceFile> {
    let mut all = Vec::new();
    walk(src, &mut all);
    all.sort();
    let mut test_dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for path in &all {
        let text = fs::read_to_string(path).unwrap_or_default();
        let dir = module_dir(path);
        let mut lines = text.lines().map(str::trim);
        while let Some(line) = lines.next() {
            if line != "#[cfg(test)]" {
                continue;
            }
            let Some(next) = lines.next() else { break };
            let decl = next
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ");
            if let Some(name) = decl.strip_prefix("mod ").and_then(|d| d.strip_suffix(';')) {
                test_dirs.insert(dir.join(name));
            }
        }
    }
    all.into_iter()
        .filter(|p| {
            !test_dirs
                .iter()
                .any(|t| p.starts_with(t) || *p == t.with_extension("rs"))
        })
        .filter_map(|path| {
            let rel = path.strip_prefix(src).ok()?.to_path_buf();
            let parts: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|c| c.to_string_lossy().into_owned())
                .collect();
            if parts == ["lib"] {
                return None;
            }
            let depth = parts.len() - usize::from(parts.last().is_some_and(|l| l == "mod"));
            Some(SourceFile {
                module: parts[0].clone(),
                depth,
                path,
            })
        })
        .collect()
}

/// The folder of a file's child modules: `a/mod.rs` -> `a`, `a/b.rs` -> `a/b`.
fn module_dir(path: &Path) -> PathBuf {
    match path.file_stem().and_then(|s| s.to_str()) {
        Some("mod") | Some("lib") | Some("main") => path.parent().unwrap_or(path).to_path_buf(),
        _ => path.with_extension(""),
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every upward import of `code` (a file of `module`, `depth` modules down), as messages.
fn violations(display: &str, module: &str, depth: usize, text: &str) -> Vec<String> {
    let code = without_test_items(&code_only(text));
    let Some((from_level, from_layer)) = level(module) else {
        return vec![format!(
            "{display}: module `{module}` is in no layer: add it to LAYERS in tests/layering.rs \
             (and the crate doc of src/lib.rs)"
        )];
    };
    let mut out = Vec::new();
    for r in references(&code, depth) {
        if r.target == module {
            continue;
        }
        let Some((to_level, to_layer)) = level(&r.target) else {
            out.push(format!(
                "{display}:{}: `crate::{}` names no module of the layer table",
                r.line, r.target
            ));
            continue;
        };
        if to_level > from_level && !ALLOWED.contains(&(module, r.target.as_str())) {
            out.push(format!(
                "{display}:{}: `{module}` (layer {from_level} \"{from_layer}\") imports `{}` \
                 (layer {to_level} \"{to_layer}\"), a layer above it",
                r.line, r.target
            ));
        }
    }
    out
}

#[test]
fn modules_only_import_from_their_layer_or_below() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let files = source_files(&src);
    assert!(files.len() > 100, "found only {} source files", files.len());
    let mut problems = Vec::new();
    let mut used_allowances = BTreeSet::new();
    for f in &files {
        let text = fs::read_to_string(&f.path).expect("a readable source file");
        let display = f
            .path
            .strip_prefix(root)
            .unwrap_or(&f.path)
            .display()
            .to_string();
        problems.extend(violations(&display, &f.module, f.depth, &text));
        let code = without_test_items(&code_only(&text));
        for r in references(&code, f.depth) {
            if ALLOWED.contains(&(f.module.as_str(), r.target.as_str())) {
                used_allowances.insert((f.module.clone(), r.target));
            }
        }
    }
    for (from, to) in ALLOWED {
        if !used_allowances.contains(&(from.to_string(), to.to_string())) {
            problems.push(format!(
                "ALLOWED lists `{from}` -> `{to}`, but no such import is left: remove it"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} upward import(s); move the type down instead:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    for entry in fs::read_dir(&src).expect("src/").flatten() {
        let path = entry.path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let module = path.is_dir() || path.extension().is_some_and(|e| e == "rs");
        if module && name != "lib" && level(name).is_none() {
            missing.push(name.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "modules in no layer: {missing:?}; add them to LAYERS"
    );
}

#[test]
fn the_crate_doc_lists_the_same_layers() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs");
    // `//! - layer N name: modules`, continued on lines indented under it.
    let mut doc: Vec<String> = Vec::new();
    for line in lib.lines().filter_map(|l| l.strip_prefix("//! ")) {
        if let Some(entry) = line.strip_prefix("- layer ") {
            doc.push(entry.trim().to_string());
        } else if let (Some(more), Some(last)) = (line.strip_prefix("  "), doc.last_mut()) {
            last.push(' ');
            last.push_str(more.trim());
        }
    }
    let expected: Vec<String> = LAYERS
        .iter()
        .enumerate()
        .map(|(i, (name, mods))| format!("{i} {name}: {}", mods.join(", ")))
        .collect();
    assert_eq!(
        doc, expected,
        "the layer list in src/lib.rs differs from LAYERS"
    );
}

#[test]
fn an_upward_import_is_reported_with_file_line_and_layers() {
    let text = "//! crate::render in a comment is no import\n\
                use crate::diag::Error;\n\
                use crate::{hash::FastMap,\n    render::Theme};\n\
                fn f() -> String { let s = \"crate::write\"; crate::write::MARKER.into() }\n\
                #[cfg(test)]\nmod tests {\n    use crate::commands::build;\n}\n";
    let found = violations("src/site/x.rs", "site", 2, text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with(
            "src/site/x.rs:4: `site` (layer 7 \"site\") imports `render` (layer 8 \"render\")"
        ),
        "{}",
        found[0]
    );
    assert!(found[1].starts_with("src/site/x.rs:5: "), "{}", found[1]);
    // `super::` climbing to the crate root counts; within the module it does not.
    let up = violations("src/site.rs", "site", 1, "use super::render::Theme;\n");
    assert_eq!(up.len(), 1, "{up:#?}");
    let within = violations("src/site/x.rs", "site", 2, "use super::views::View;\n");
    assert!(within.is_empty(), "{within:#?}");
    // Same layer and below are fine.
    let down = violations(
        "src/export/x.rs",
        "export",
        2,
        "use crate::{import, site, diag};\n",
    );
    assert!(down.is_empty(), "{down:#?}");
}

#[test]
fn literals_and_comments_are_not_code() {
    let code = code_only("let a = 'x'; /* crate::b */ let c = r#\"crate::d\"#; fn e<'f>() {}\n");
    assert!(!code.contains("crate::"), "{code}");
    assert!(code.contains("fn e<'f>()"), "{code}");
    let counts: BTreeMap<char, usize> = code.chars().fold(BTreeMap::new(), |mut m, c| {
        *m.entry(c).or_default() += 1;
        m
    });
    assert_eq!(counts.get(&'\n'), Some(&1));
}
