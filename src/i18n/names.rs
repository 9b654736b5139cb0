//! Built-in plain-language names of fideslang keys (`i18n/names/<code>.toml`), so a public
//! page says "Service messages by text", not "Essential SMS Service Notifications".
//!
//! `[names]` in `candor.toml` overrides any of them ([`crate::taxonomy::Taxonomy::with_plain_names`]);
//! a key without a name here keeps its fideslang name.

use std::sync::OnceLock;

use crate::hash::FastMap;

/// The names file of each language with one: code, text.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../i18n/names/en.toml")),
    ("de", include_str!("../../i18n/names/de.toml")),
];

/// The tables of a names file: `categories`, `uses`, `subjects`, `subjects_in_text`.
pub const TABLES: &[&str] = &["categories", "uses", "subjects", "subjects_in_text"];

/// `(code, table, key)` -> name.
type Names = FastMap<(&'static str, &'static str, String), String>;

fn all() -> &'static Names {
    static ALL: OnceLock<Names> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut names = Names::default();
        for &(code, text) in FILES {
            // Embedded and held valid by a test; a broken file degrades to fideslang names.
            let file: toml::Table = toml::from_str(text).unwrap_or_default();
            for &table in TABLES {
                let Some(toml::Value::Table(t)) = file.get(table) else {
                    continue;
                };
                for (key, v) in t {
                    if let Some(name) = v.as_str() {
                        names.insert((code, table, key.clone()), name.to_string());
                    }
                }
            }
        }
        names
    })
}

/// The plain name of `key` in `table` (see [`TABLES`]) for the language `code`; English
/// when that language has none.
pub fn plain(code: &str, table: &str, key: &str) -> Option<&'static str> {
    let names = all();
    let find = |c: &'static str| {
        let t = TABLES.iter().find(|&&t| t == table)?;
        names.get(&(c, *t, key.to_string())).map(String::as_str)
    };
    let code = FILES.iter().map(|f| f.0).find(|&c| c == code);
    code.and_then(find).or_else(|| find("en"))
}

/// Every `(code, table, key)` with a built-in name (for tests).
pub fn keys() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    all().keys().map(|(c, t, k)| (*c, *t, k.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_same_keys_and_every_key_exists() {
        let tax = crate::taxonomy::Taxonomy::fideslang();
        let mut by_lang: std::collections::BTreeMap<&str, std::collections::BTreeSet<_>> =
            Default::default();
        for (code, table, key) in keys() {
            by_lang.entry(code).or_default().insert((table, key));
            let tree = match table {
                "categories" => &tax.categories,
                "uses" => &tax.uses,
                _ => &tax.subjects,
            };
            assert!(
                tree.contains(key),
                "{code}: {table} `{key}` is not fideslang"
            );
        }
        assert_eq!(by_lang.len(), FILES.len(), "every file parses");
        assert_eq!(by_lang["en"], by_lang["de"], "en and de name the same keys");
        // Every use and subject has a plain name (they are what pages speak in).
        for t in tax.uses.taxa.iter().chain(&tax.subjects.taxa) {
            let table = if tax.uses.contains(&t.key) {
                "uses"
            } else {
                "subjects"
            };
            if t.parent.is_some() {
                assert!(
                    plain("en", table, &t.key).is_some(),
                    "no name for {}",
                    t.key
                );
            }
        }
    }

    #[test]
    fn names_read_as_a_customer_would() {
        assert_eq!(
            plain("en", "uses", "essential.service.notifications.sms"),
            Some("Service messages by text")
        );
        assert_eq!(
            plain("de", "uses", "essential.service.notifications.sms"),
            Some("Nachrichten zum Dienst per SMS")
        );
        assert_eq!(plain("de", "subjects", "employee"), Some("Beschäftigte"));
        assert_eq!(
            plain("fr", "subjects", "employee"),
            Some("Staff"),
            "English fallback"
        );
        assert_eq!(plain("en", "uses", "no.such.key"), None);
        // No built-in name repeats fideslang's jargon words.
        for (_, _, key) in keys() {
            for (code, table) in [("en", "uses"), ("en", "categories")] {
                if let Some(n) = plain(code, table, key) {
                    assert!(!n.starts_with("Essential"), "{key}: {n}");
                    assert!(!n.contains("User "), "{key}: {n}");
                }
            }
        }
    }
}
