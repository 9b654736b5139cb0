//! Every bad setting of `candor.toml` in one run: serde stops at the first error, so the
//! entry holding it is blanked and the text deserialised again, until it deserialises.

use std::path::Path;

use super::{at_key, toml_diagnostic, Config};
use crate::diag::Diagnostics;

/// Deserialises `text` reporting every bad setting, not only the first: after each error,
/// the entry it is in (its `key = value` lines, or its whole table when the error is on a
/// header) is blanked — lines kept, so later errors keep their line numbers — and the text
/// deserialised again. A syntax error ends it (the text cannot be read past it).
pub(super) fn parse_all(text: &str, file: &Path) -> Result<(Config, Diagnostics), Diagnostics> {
    /// More than this many bad settings are not worth another pass each.
    const MAX_ERRORS: usize = 50;
    let syntax_ok = |t: &str| toml::from_str::<toml::Table>(t).is_ok();
    let table = match toml::from_str::<toml::Table>(text) {
        Ok(t) => t,
        Err(e) => return Err(Diagnostics::from(toml_diagnostic(&e, text, file))),
    };
    let mut errors = Diagnostics::new();
    let mut current = text.to_string();
    // serde reports both spellings set as a "duplicate field" at the top of the file, twice.
    if table.contains_key("organisation") && table.contains_key("organization") {
        let d = at_key(
            &super::KeyLines::parse(text),
            text,
            file,
            &["organization"],
            "`organisation` and `organization` are both set".into(),
        );
        if let Some(line) = d.line {
            current = blank_lines(&current, line - 1, line);
        }
        errors.push(d.help("they are two spellings of one setting: keep one of them"));
    }
    loop {
        let e = match toml::from_str::<Config>(&current) {
            Ok(config) => return Ok((config, errors)),
            Err(e) => e,
        };
        errors.push(toml_diagnostic(&e, &current, file));
        let blanked = e
            .span()
            .and_then(|span| blank_entry(&current, span.start))
            .filter(|t| *t != current && syntax_ok(t));
        match blanked {
            Some(t) if errors.len() < MAX_ERRORS => current = t,
            _ => return Err(errors),
        }
    }
}

/// `text` with the entry around byte `at` replaced by empty lines: from the header or
/// `key =` line at or above it down to the next header or key line.
fn blank_entry(text: &str, at: usize) -> Option<String> {
    let is_header = |l: &str| l.trim_start().starts_with('[');
    let is_key = |l: &str| {
        let l = l.trim_start();
        !l.starts_with('#')
            && !l.starts_with('[')
            && l.split_once('=').is_some_and(|(k, _)| {
                let k = k.trim();
                !k.is_empty() && !k.contains(['"', '\'', ' ']) || k.starts_with('"')
            })
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let error_line = text[..at.min(text.len())].matches('\n').count();
    let start = (0..=error_line)
        .rev()
        .find(|&i| is_header(lines[i]) || is_key(lines[i]))?;
    let header = is_header(lines[start]);
    let end = (start + 1..lines.len())
        .find(|&i| is_header(lines[i]) || (!header && is_key(lines[i])))
        .unwrap_or(lines.len());
    Some(blank_lines(text, start, end))
}

/// `text` with its lines `start..end` (0-based) emptied, the others kept.
fn blank_lines(text: &str, start: usize, end: usize) -> String {
    let out: Vec<&str> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| if (start..end).contains(&i) { "" } else { l })
        .collect();
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<(Option<usize>, String)> {
        match Config::parse(text, Path::new("candor.toml")) {
            Ok(_) => Vec::new(),
            Err(ds) => ds.into_iter().map(|d| (d.line, d.message)).collect(),
        }
    }

    #[test]
    fn every_bad_setting_is_reported_in_one_run() {
        let text = "titel = \"x\"\ncontact = 5\n[review]\nmax_age_days = \"one year\"\n\n[brandng]\nlogo = \"x\"\n[[audit.exceptions]]\nrule = \"x\"\nreasn = \"y\"\n";
        let m = messages(text);
        let lines: Vec<Option<usize>> = m.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            lines,
            [Some(1), Some(2), Some(4), Some(6), Some(10)],
            "{m:?}"
        );
        assert!(m[0].1.ends_with("unknown key `titel`"), "{m:?}");
        assert!(
            m[1].1.ends_with("`contact` must be an email address in quotes, or a table with email, url, address, phone, dpo; found `5`"),
            "{m:?}"
        );
        assert!(m.iter().all(|(_, t)| !t.contains("struct")), "{m:?}");
    }

    #[test]
    fn a_syntax_error_is_reported_alone_and_a_multiline_value_is_blanked_whole() {
        let m = messages("title = \"x\ncontact = 5\n");
        assert_eq!(m.len(), 1, "{m:?}");
        let m = messages("names = [\n  \"a\",\n  \"b\",\n]\ntitel = \"x\"\n");
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[1].0, Some(5), "{m:?}");
    }

    #[test]
    fn contact_as_a_string_and_organization_as_an_alias() {
        let c = Config::parse(
            "contact = \"privacy@example.com\"\norganization = \"Acme\"\n",
            Path::new("candor.toml"),
        )
        .unwrap();
        assert_eq!(c.contact.email.as_deref(), Some("privacy@example.com"));
        assert_eq!(c.organisation, "Acme");
        let c = Config::parse("contact = \"https://x.example/privacy\"\n", Path::new("c")).unwrap();
        assert_eq!(c.contact.url.as_deref(), Some("https://x.example/privacy"));
        let c = Config::parse(
            "[contact]\nemail = \"a@b.c\"\ndpo = \"D\"\n",
            Path::new("c"),
        )
        .unwrap();
        assert_eq!(c.contact.dpo.as_deref(), Some("D"));
        assert_eq!(messages("contact = \"call us\"\n").len(), 1);
    }

    #[test]
    fn both_spellings_of_organisation_are_one_error_at_the_second() {
        let m = messages(
            "title = \"t\"\norganisation = \"A\"\n\norganization = \"B\"\ntitel = \"x\"\n",
        );
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[0].0, Some(4), "{m:?}");
        assert!(
            m[0].1
                .contains("`organisation` and `organization` are both set"),
            "{m:?}"
        );
        assert_eq!(m[1].0, Some(5), "{m:?}");
    }
}
