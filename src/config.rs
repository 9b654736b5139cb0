//! `candor.toml`: the site's configuration.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

use crate::diag::{did_you_mean, Diagnostic, Diagnostics};

mod all_errors;
mod audit;
mod lines;
pub mod toml_help;
use all_errors::parse_all;
pub use audit::{key_within, AuditConfig, Targeting, NEVER_PROTECTED};
pub use lines::KeyLines;
mod evidence;
pub use evidence::{EvidenceConfig, EvidenceFileConfig};

/// Which readers a build is for. Internal builds show owners, notes and audit findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    #[default]
    Public,
    Internal,
}

/// The whole of `candor.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default, expecting = "a table of settings")]
#[non_exhaustive]
pub struct Config {
    /// Site title, e.g. "Northwind Threads: your data and our AI".
    pub title: String,
    /// The organisation publishing the site (the controller); `organization` is accepted too.
    #[serde(alias = "organization")]
    pub organisation: String,
    /// One or two sentences shown on the home page.
    pub description: String,
    /// Absolute URL the site is published at (used in sitemap.xml); may be empty.
    pub base_url: String,
    /// Language of the UI strings (`en`, `de`).
    pub language: Option<String>,
    /// Default audience of `build` and `export`.
    pub audience: Audience,
    /// The data subjects the public site speaks to ("you"): the home page and data index
    /// show their data; data about anyone else is labelled with its group. Default:
    /// [`DEFAULT_AUDIENCE_SUBJECTS`].
    pub audience_subjects: Option<Vec<String>>,
    /// The technical and organisational security measures in general terms (GDPR Art.
    /// 30(1)(g)), for the record of processing (`export --format ropa-csv`).
    pub security_measures: Option<String>,
    /// How to reach the organisation: a table, or an email address as shorthand for
    /// `[contact] email` (`contact = "privacy@example.com"`).
    #[serde(deserialize_with = "de_contact")]
    pub contact: Contact,
    /// `[controller]`: the record of processing's controller details beyond `organisation`
    /// (the controller's name), `[contact]` and `contact.dpo`.
    pub controller: Controller,
    /// Where people exercise their rights (access, erasure, objection, …).
    pub rights: Rights,
    /// Plain-language names shown instead of taxonomy names, by taxonomy key.
    pub names: BTreeMap<String, String>,
    pub branding: Branding,
    pub review: Review,
    pub audit: AuditConfig,
    pub taxonomy: TaxonomyExtensions,
    /// Where each key is in the file, for errors found after parsing (not a setting).
    #[serde(skip)]
    pub lines: KeyLines,
    /// `[evidence]`: the systems each scanner report covers, its date, and type mappings.
    pub evidence: EvidenceConfig,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "an email address in quotes, or a table with email, url, address, phone, dpo"
)]
#[non_exhaustive]
pub struct Contact {
    pub email: Option<String>,
    pub url: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    /// Data protection officer, by name or role.
    pub dpo: Option<String>,
}

/// `[controller]`: GDPR Art. 30(1)(a) details of the controller for the record of processing.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Controller {
    /// The representative in the Union (Art. 27), name and contact, for a controller outside it.
    pub representative: Option<String>,
    /// Joint controllers (Art. 26), each by name and contact.
    pub joint_controllers: Vec<String>,
}

/// Data subjects a public notice addresses by default: customers and the public, not staff,
/// applicants or suppliers.
pub const DEFAULT_AUDIENCE_SUBJECTS: &[&str] = &[
    "customer",
    "consumer",
    "user",
    "anonymous_user",
    "visitor",
    "prospect",
    "patient",
    "passenger",
    "commuter",
    "citizen_voter",
    "member",
    "subscriber",
];

impl Config {
    /// Whether the public site speaks to `subject` (`audience_subjects`, else the default).
    pub fn is_audience_subject(&self, subject: &str) -> bool {
        match &self.audience_subjects {
            Some(list) => list.iter().any(|s| s == subject),
            None => DEFAULT_AUDIENCE_SUBJECTS.contains(&subject),
        }
    }
}

/// `[rights]`: the channels through which people exercise their GDPR rights.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "a table with url, email, phone, address"
)]
#[non_exhaustive]
pub struct Rights {
    /// A web form or page for requests.
    pub url: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "a table with logo, accent_color"
)]
#[non_exhaustive]
pub struct Branding {
    /// Path of a logo under `static/`, e.g. `logo.svg`.
    pub logo: Option<String>,
    /// Accent colour as `#rrggbb`.
    pub accent_color: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default, expecting = "a table with max_age_days")]
#[non_exhaustive]
pub struct Review {
    /// A use or model card reviewed longer ago than this is overdue.
    pub max_age_days: u32,
}

impl Default for Review {
    fn default() -> Self {
        Review { max_age_days: 365 }
    }
}

/// A finding the organisation accepts, with its reason and when to look again.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "a table with rule, element, model, reason, expires"
)]
#[non_exhaustive]
pub struct AuditException {
    pub rule: String,
    pub element: Option<String>,
    pub model: Option<String>,
    pub reason: Option<String>,
    #[serde(deserialize_with = "de_opt_date", serialize_with = "ser_opt_date")]
    pub expires: Option<Date>,
}

/// Extra taxonomy keys beyond fideslang, per kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "a table with data_categories, data_uses, data_subjects"
)]
#[non_exhaustive]
pub struct TaxonomyExtensions {
    pub data_categories: Vec<TaxonExtension>,
    pub data_uses: Vec<TaxonExtension>,
    pub data_subjects: Vec<TaxonExtension>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "a table with key, name, parent, description, sensitive"
)]
#[non_exhaustive]
pub struct TaxonExtension {
    pub key: String,
    pub name: String,
    pub parent: Option<String>,
    pub description: Option<String>,
    /// Marks a new data category as sensitive (special category) for the audit.
    pub sensitive: bool,
}

impl Config {
    /// Parses `candor.toml` text; `file` names it in errors.
    pub fn parse(text: &str, file: &Path) -> Result<Config, Diagnostics> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (mut config, mut errors) = parse_all(text, file)?;
        config.lines = KeyLines::parse(text);
        if let Some(tag) = &config.language {
            if let Err((message, help)) = crate::i18n::check(tag) {
                errors.push(at_key(&config.lines, text, file, &["language"], message).help(help));
            }
        }
        if let Err(message) = check_base_url(&config.base_url) {
            let d = at_key(&config.lines, text, file, &["base_url"], message);
            // The column of the value, after `=`.
            let column = d.snippet.as_deref().and_then(|l| {
                let eq = l.find('=')?;
                let value = eq + 1 + (l[eq + 1..].len() - l[eq + 1..].trim_start().len());
                Some(l[..value].chars().count() + 1)
            });
            let d = match column {
                Some(c) => d.column(c),
                None => d,
            };
            errors.push(d.help(BASE_URL_HELP));
        }
        if let Some(colour) = &config.branding.accent_color {
            if !is_hex_colour(colour) {
                let message = format!("accent_color `{colour}` is not a colour like `#2f6b5a`");
                errors.push(
                    at_key(
                        &config.lines,
                        text,
                        file,
                        &["branding", "accent_color"],
                        message,
                    )
                    .help("write `#` and six hex digits (red, green, blue), e.g. `#1f5fbf`"),
                );
            }
        }
        errors.into_result(config)
    }
}

/// How to write a `base_url`.
pub const BASE_URL_HELP: &str =
    "write the address the site is published at, e.g. `https://privacy.example.com/` (or leave it empty for relative links)";

/// `base_url` lands in the Atom feed, the sitemap and data.json as a link: it must be empty or
/// an absolute `http(s)` URL with a host, without spaces or control characters (so no
/// `javascript:`, `data:` or relative value ever reaches them).
pub fn check_base_url(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Ok(());
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let problem = if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some("contains a space or a control character")
    } else if url.contains('\\') {
        Some("contains a backslash")
    } else {
        match rest {
            None => Some("is not an absolute http:// or https:// URL"),
            Some(r) if r.split(['/', '?', '#']).next().unwrap_or("").is_empty() => {
                Some("has no host name")
            }
            Some(_) => None,
        }
    };
    match problem {
        Some(p) => Err(format!("base_url `{}` {p}", url.escape_debug())),
        None => Ok(()),
    }
}

/// `--base-url`, checked like `base_url` in candor.toml.
pub fn parse_base_url(url: &str) -> Result<String, String> {
    check_base_url(url)
        .map(|()| url.to_string())
        .map_err(|e| format!("{e}; {BASE_URL_HELP}"))
}

/// `#rrggbb`.
pub fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// A diagnostic at the line that sets the key at `path` (the whole file when none does).
fn at_key(lines: &KeyLines, text: &str, file: &Path, path: &[&str], message: String) -> Diagnostic {
    let found = lines
        .get(path)
        .and_then(|n| Some((n, text.lines().nth(n.checked_sub(1)?)?)));
    match found {
        Some((n, line)) => Diagnostic::at(file, n, message).snippet(line),
        None => Diagnostic::file(file, message),
    }
}

/// Turns a TOML error into a diagnostic with line, column, snippet and a suggestion.
pub(crate) fn toml_diagnostic(e: &toml::de::Error, text: &str, file: &Path) -> Diagnostic {
    let message = e.message().trim().to_string();
    let mut d = Diagnostic::file(file, format!("invalid candor.toml: {message}"));
    let mut first = None;
    if let Some(span) = e.span() {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        let line_text = text[line_start..].lines().next().unwrap_or("");
        if message == "duplicate key" {
            first = first_setting(text, line, line_text);
        }
        d = Diagnostic::at(file, line, d.message)
            .column(column)
            .snippet(line_text);
        // "unknown field `titel`, expected one of `title`, ..." -> did you mean
        if let Some(unknown) = message
            .strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
        {
            let expected: Vec<&str> = message
                .split("expected ")
                .nth(1)
                .unwrap_or("")
                .split('`')
                .skip(1)
                .step_by(2)
                .collect();
            d = d.maybe_help(did_you_mean(unknown, expected));
        }
    }
    toml_help::explain(&message, first, d)
}

/// For a key (or table header) set twice, the line (1-based) of its first setting before
/// `line`: the same header anywhere above, or the same key within the same table.
fn first_setting(text: &str, line: usize, line_text: &str) -> Option<usize> {
    let key_of = |l: &str| l.split_once('=').map(|(k, _)| k.trim().to_string());
    let this = line_text.trim();
    let header = this.starts_with('[');
    let key = if header { None } else { key_of(this) };
    let lines: Vec<&str> = text.lines().take(line.saturating_sub(1)).collect();
    for (i, l) in lines.iter().enumerate().rev() {
        let l = l.trim();
        if header {
            if l == this {
                return Some(i + 1);
            }
        } else if l.starts_with('[') {
            return None;
        } else if key.is_some() && key_of(l) == key {
            return Some(i + 1);
        }
    }
    None
}

/// `contact = "privacy@example.com"` (an email, or an `http(s)` URL) or a `[contact]` table.
fn de_contact<'de, D: Deserializer<'de>>(d: D) -> Result<Contact, D::Error> {
    use serde::de::Error;
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) if s.contains('@') && !s.contains("://") => Ok(Contact {
            email: Some(s),
            ..Contact::default()
        }),
        toml::Value::String(s) if s.starts_with("https://") || s.starts_with("http://") => {
            Ok(Contact {
                url: Some(s),
                ..Contact::default()
            })
        }
        toml::Value::String(s) => Err(D::Error::custom(format!(
            "invalid value: string {s:?}, expected an email address in quotes, or a table with email, url, address, phone, dpo"
        ))),
        v => Contact::deserialize(v).map_err(D::Error::custom),
    }
}

fn de_opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    use serde::de::Error;
    let v = toml::Value::deserialize(d)?;
    let text = match &v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(dt) => dt.to_string(),
        other => {
            return Err(D::Error::custom(format!(
                "expected a date like 2027-06-30, found {}",
                other.type_str()
            )))
        }
    };
    text.parse::<Date>()
        .map(Some)
        .map_err(|_| D::Error::custom(format!("expected a date like 2027-06-30, found `{text}`")))
}

fn ser_opt_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_must_be_an_absolute_http_url() {
        for ok in [
            "",
            "https://privacy.example.com/",
            "http://localhost:8000",
            "HTTPS://x.example",
        ] {
            assert_eq!(check_base_url(ok), Ok(()), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/relative/",
            "privacy.example.com",
            "https://",
            "https:///path",
            "https://x.example/a b",
            " https://x.example/",
            "https://x.example/\n",
            "//x.example/",
            "https:\\\\x.example",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad:?}");
        }
        let text = "title = \"T\"\nbase_url = \"javascript:alert(1)\"\n";
        let err = Config::parse(text, Path::new("candor.toml")).unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!((d.line, d.column), (Some(2), Some(12)), "{d}");
        assert!(d.message.contains("javascript:alert(1)"), "{d}");
        assert!(d.help.as_deref().unwrap_or("").contains("https://"), "{d}");
    }

    #[test]
    fn parses_a_full_config() {
        let c = Config::parse(
            r#"
title = "T"
organisation = "O"
audience = "internal"
[review]
max_age_days = 180
[audit]
fail_on = "warning"
[audit.rules]
unbounded-retention = "off"
[[audit.exceptions]]
rule = "unbounded-retention"
element = "email"
reason = "needed"
expires = 2027-01-31
[[taxonomy.data_categories]]
key = "user.behavior.style"
name = "Style"
parent = "user.behavior"
"#,
            Path::new("candor.toml"),
        )
        .unwrap();
        assert_eq!(c.audience, Audience::Internal);
        assert_eq!(c.review.max_age_days, 180);
        assert_eq!(
            c.audit.exceptions[0].expires,
            Some(jiff::civil::date(2027, 1, 31))
        );
        assert_eq!(c.taxonomy.data_categories[0].key, "user.behavior.style");
    }

    #[test]
    fn unknown_language_and_bad_colour_are_errors_at_their_line() {
        let e = Config::parse(
            "title = \"x\"\nlanguage = \"dee\"\n[branding]\naccent_color = \"teal\"\n",
            Path::new("candor.toml"),
        )
        .unwrap_err();
        let d: Vec<_> = e.iter().collect();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].line, Some(2));
        assert!(
            d[0].message.contains("unknown language `dee`"),
            "{}",
            d[0].message
        );
        assert_eq!(d[0].help.as_deref(), Some("did you mean `de`?"));
        assert_eq!(d[1].line, Some(4));
        assert!(d[1].message.contains("`teal`"));
        let ok = Config::parse("language = \"de\"\n", Path::new("candor.toml")).unwrap();
        assert_eq!(ok.language.as_deref(), Some("de"));
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let e = Config::parse(
            "title = \"x\"\norganisaton = \"y\"\n",
            Path::new("candor.toml"),
        )
        .unwrap_err();
        let d = e.iter().next().unwrap();
        assert_eq!(d.line, Some(2));
        assert_eq!(d.help.as_deref(), Some("did you mean `organisation`?"));
    }
}
