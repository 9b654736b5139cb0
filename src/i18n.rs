//! The interface text of a site, one translation file per language (`i18n/<code>.toml`,
//! embedded in the binary), chosen by `language` in `candor.toml`.
//!
//! A file is a TOML table of sections of strings. Templates read them as the global `t`
//! (`{{ t.nav.data }}`); a string with placeholders goes through the `fill` filter
//! (`{{ t.home.kinds | fill(n=3) }}`), and Rust code asks [`Strings::get`], [`Strings::fill`]
//! and [`Strings::count`]. `"{n} kind of data|{n} kinds of data"` holds the singular and the
//! plural form (for every language candor has, `n == 1` picks the first). Content (reasons,
//! names, model cards) stays as written; only the interface is translated.

use crate::hash::FastMap;

pub mod names;
use std::sync::OnceLock;

/// Every language candor has interface text for: code, native name, translation file.
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", "English", include_str!("../i18n/en.toml")),
    ("de", "Deutsch", include_str!("../i18n/de.toml")),
];

/// The language of a site that names none.
pub const DEFAULT: &str = "en";

/// The interface text of one language.
#[derive(Debug)]
pub struct Strings {
    /// `en`, `de`.
    pub code: &'static str,
    /// Dotted key (`nav.data`) to text.
    flat: FastMap<String, String>,
    /// The file as nested maps, for the template context.
    tree: serde_json::Value,
}

impl Strings {
    fn parse(code: &'static str, text: &str) -> Strings {
        // The files are embedded and held valid by tests; a broken one degrades to keys.
        let table: toml::Table = toml::from_str(text).unwrap_or_default();
        let mut flat = FastMap::default();
        flatten("", &table, &mut flat);
        let tree = serde_json::to_value(&table).unwrap_or_default();
        Strings { code, flat, tree }
    }

    /// The text of `key`; English when this language lacks it, the key itself as a last resort.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        if let Some(s) = self.flat.get(key) {
            return s;
        }
        match all().iter().find(|s| s.code == DEFAULT) {
            Some(en) if en.code != self.code => en.flat.get(key).map_or(key, String::as_str),
            _ => key,
        }
    }

    /// The text of `key` with its `{name}` placeholders filled from `args`.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), None, |name| {
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    /// The singular or plural form of `key` for `n`, with `{n}` filled in.
    pub fn count(&self, key: &str, n: usize) -> String {
        fill(self.get(key), Some(n as f64), |_| None)
    }

    /// The strings as nested maps (`t` in templates).
    pub fn tree(&self) -> &serde_json::Value {
        &self.tree
    }

    /// Every dotted key of this language.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.flat.keys().map(String::as_str)
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut FastMap<String, String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            other => {
                out.insert(key, other.to_string());
            }
        }
    }
}

fn all() -> &'static [Strings] {
    static ALL: OnceLock<Vec<Strings>> = OnceLock::new();
    ALL.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|&(code, _, text)| Strings::parse(code, text))
            .collect()
    })
}

/// The primary subtag of a language tag, lowercased: `de` for `de-AT`.
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The interface text for a language tag (`de`, `de-AT`); English for none or an unknown one
/// (`candor.toml` is checked for unknown languages when it is read: [`check`]).
pub fn strings(tag: Option<&str>) -> &'static Strings {
    let code = primary(tag.unwrap_or(DEFAULT));
    let all = all();
    all.iter()
        .find(|s| s.code == code)
        .or_else(|| all.iter().find(|s| s.code == DEFAULT))
        .unwrap_or(&all[0])
}

/// Checks a `language` value: `Ok` for a known language (with an optional region, `de-AT`),
/// else the message and a suggestion.
pub fn check(tag: &str) -> Result<(), (String, String)> {
    let well_formed = {
        let mut parts = tag.split('-');
        let lang = parts.next().unwrap_or("");
        (2..=3).contains(&lang.len())
            && lang.bytes().all(|b| b.is_ascii_alphabetic())
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
    };
    let code = primary(tag);
    if well_formed && LANGUAGES.iter().any(|(c, _, _)| *c == code) {
        return Ok(());
    }
    let known: Vec<String> = LANGUAGES
        .iter()
        .map(|(c, name, _)| format!("`{c}` ({name})"))
        .collect();
    let message = format!(
        "unknown language `{tag}`: candor has interface text in {}",
        known.join(", ")
    );
    let lower = tag.trim().to_ascii_lowercase();
    let by_name = [("english", "en"), ("deutsch", "de"), ("german", "de")]
        .iter()
        .find(|(name, _)| lower == *name)
        .map(|(_, c)| format!("did you mean `{c}`?"));
    let help = by_name
        .or_else(|| crate::diag::did_you_mean(&code, LANGUAGES.iter().map(|(c, _, _)| *c)))
        .unwrap_or_else(|| {
            "write a language code such as `en` or `de` (content stays as written)".to_string()
        });
    Err((message, help))
}

/// Fills `{name}` placeholders of `text` from `arg`; with `n`, picks the singular or plural
/// form of a `one|other` text first and fills `{n}`. Unknown placeholders stay as they are.
pub fn fill(text: &str, n: Option<f64>, arg: impl Fn(&str) -> Option<String>) -> String {
    let form = match (n, text.split_once('|')) {
        (Some(n), Some((one, other))) => {
            if n == 1.0 {
                one
            } else {
                other
            }
        }
        (None, Some((_, other))) => other,
        (_, None) => text,
    };
    let mut out = String::with_capacity(form.len() + 16);
    let mut rest = form;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        let value = match (name, n) {
            ("n", Some(n)) => Some(number(n)),
            _ => arg(name),
        };
        match value {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A count as text: `3`, not `3.0`.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests;
