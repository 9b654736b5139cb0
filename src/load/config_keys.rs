//! The parts of `candor.toml` that name taxonomy keys or durations (`[names]`,
//! `[audit.targeting]`, `[audit.retention_max]`), checked once the taxonomy with its
//! extensions is known: each bad entry is an error at its line with a suggestion.

use std::path::Path;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::model::RetentionPeriod;
use crate::taxonomy::{Taxonomy, Tree};

use super::duration::parse_duration;
use super::source::SourceFile;

/// Every problem with the keys and durations of the new `candor.toml` tables.
pub fn check(config: &Config, taxonomy: &Taxonomy, src: &SourceFile) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let at = Locator { src };
    let audit = &config.audit;
    for key in &audit.targeting.protected {
        if !taxonomy.categories.contains(key) {
            errors.push(at.unknown(
                "audit.targeting",
                key,
                "`[audit.targeting] protected` names the data category",
                &taxonomy.categories,
            ));
        }
    }
    for key in &audit.targeting.allow {
        if !taxonomy.uses.contains(key) {
            errors.push(at.unknown(
                "audit.targeting",
                key,
                "`[audit.targeting] allow` names the data use",
                &taxonomy.uses,
            ));
        }
    }
    for (key, value) in &audit.retention_max {
        if key != "*" && !taxonomy.categories.contains(key) {
            let mut d = at.unknown(
                "audit.retention_max",
                key,
                "`[audit.retention_max]` names the data category",
                &taxonomy.categories,
            );
            if !d.help.as_deref().is_some_and(|h| h.starts_with("did you")) {
                d = d.help("use a data category key (a key covers those under it) or `\"*\"` for every category");
            }
            errors.push(d);
        }
        match parse_duration(value) {
            Ok(RetentionPeriod::Fixed { .. }) => {}
            Ok(RetentionPeriod::Indefinite) => errors.push(
                at.value("audit.retention_max", key, format!("`[audit.retention_max]` for `{key}` is `{value}`: a longest allowed period must be finite"))
                    .help("write an ISO 8601 duration, e.g. `P10Y`; leave the key out to set no limit"),
            ),
            Err(e) => errors.push(
                at.value(
                    "audit.retention_max",
                    key,
                    format!(
                        "`[audit.retention_max]` for `{key}`: {}",
                        e.message.replace("`duration` ", "").replace(" or `indefinite`", "")
                    ),
                )
                .maybe_help(e.help),
            ),
        }
    }
    for (key, name) in &config.names {
        let trees = [&taxonomy.categories, &taxonomy.uses, &taxonomy.subjects];
        if !trees.iter().any(|t| t.contains(key)) {
            // The tree whose top-level keys the key starts with explains best.
            let top = key.split('.').next().unwrap_or(key);
            let tree = trees
                .iter()
                .find(|t| t.taxa.iter().any(|x| x.key.split('.').next() == Some(top)))
                .copied()
                .unwrap_or(&taxonomy.categories);
            errors.push(at.unknown("names", key, "`[names]` gives a name to", tree));
        }
        if name.trim().is_empty() {
            errors.push(
                at.value(
                    "names",
                    key,
                    format!("`[names]` gives `{key}` an empty name"),
                )
                .help("write the plain-language name readers should see, or remove the line"),
            );
        }
    }
    for key in config.audience_subjects.iter().flatten() {
        if !taxonomy.subjects.contains(key) {
            errors.push(at.unknown(
                "",
                key,
                "`audience_subjects` names the data subject",
                &taxonomy.subjects,
            ));
        }
    }
    if !(0.0..=1.0).contains(&audit.max_group_gap) {
        errors.push(
            at.key("audit", "max_group_gap", format!("`max_group_gap` is {}: it must be a gap between 0 and 1", audit.max_group_gap))
                .help("write the largest allowed difference of a metric as a fraction, e.g. `0.05` for five points"),
        );
    }
    errors
}

/// Finds the line of an entry in the text of `candor.toml`.
struct Locator<'a> {
    src: &'a SourceFile,
}

impl Locator<'_> {
    /// The first line mentioning `needle` (quoted, or bare before `=`) after the header of
    /// `section`, else anywhere; its column points at the needle.
    fn find(&self, section: &str, needle: &str) -> Option<(usize, usize)> {
        let text = self.src.text.as_str();
        let header = format!("[{section}]");
        let start = text.lines().position(|l| l.trim() == header).unwrap_or(0);
        let quoted = format!("\"{needle}\"");
        let found = |from: usize| {
            text.lines().enumerate().skip(from).find_map(|(i, l)| {
                if let Some(at) = l.find(&quoted) {
                    return Some((i + 1, l[..at].chars().count() + 2));
                }
                let bare = l.trim_start();
                let rest = bare.strip_prefix(needle)?;
                rest.trim_start()
                    .starts_with('=')
                    .then(|| (i + 1, l.len() - bare.len() + 1))
            })
        };
        found(start).or_else(|| found(0))
    }

    fn diagnostic(&self, at: Option<(usize, usize)>, message: String) -> Diagnostic {
        let file: &Path = &self.src.path;
        match at {
            Some((line, column)) => Diagnostic::at(file, line, message)
                .column(column)
                .snippet(self.src.line(line)),
            None => Diagnostic::file(file, message),
        }
    }

    /// An unknown taxonomy key in `section`.
    fn unknown(&self, section: &str, key: &str, what: &str, tree: &Tree) -> Diagnostic {
        self.diagnostic(
            self.find(section, key),
            format!("{what} `{key}`, which the taxonomy does not have"),
        )
        .help(tree.unknown_key_help(key))
    }

    /// A problem with the value of `key` in `section`.
    fn value(&self, section: &str, key: &str, message: String) -> Diagnostic {
        self.diagnostic(self.find(section, key), message)
    }

    /// A problem with the plain key `key` of `section`.
    fn key(&self, section: &str, key: &str, message: String) -> Diagnostic {
        self.diagnostic(self.find(section, key), message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn errors(toml: &str) -> Vec<Diagnostic> {
        let src = SourceFile::new(Arc::from(Path::new("candor.toml")), toml);
        let config = Config::parse(toml, Path::new("candor.toml")).unwrap();
        check(&config, &Taxonomy::fideslang(), &src)
    }

    #[test]
    fn defaults_are_valid() {
        assert!(errors("").is_empty());
    }

    #[test]
    fn audience_subjects_must_be_subject_keys() {
        let e = errors("title = \"x\"\naudience_subjects = [\"customer\", \"job_aplicant\"]\n");
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].line, Some(2));
        assert!(e[0]
            .message
            .contains("`audience_subjects` names the data subject `job_aplicant`"));
        assert!(
            e[0].help.as_deref().unwrap_or("").contains("job_applicant"),
            "{:?}",
            e[0].help
        );
        assert!(errors("audience_subjects = [\"customer\", \"patient\"]\n").is_empty());
    }

    #[test]
    fn unknown_keys_and_bad_durations_are_placed_and_suggested() {
        let e = errors(
            "[names]\n\"user.contact.emial\" = \"Email\"\n\"customer\" = \" \"\n\
[audit]\nmax_group_gap = 5.0\n\
[audit.targeting]\nprotected = [\"user.demographic\", \"user.financal\"]\nallow = [\"personalise.system\"]\n\
[audit.retention_max]\n\"*\" = \"P10Y\"\n\"user.health_and_medical\" = \"indefinite\"\n\"user.feelings\" = \"2 years\"\n",
        );
        let got: Vec<_> = e
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str(), d.help.as_deref()))
            .collect();
        assert_eq!(e.len(), 8, "{got:#?}");
        assert_eq!(got[0].0, Some(7));
        assert_eq!(got[0].1, Some(35));
        assert_eq!(got[0].3, Some("did you mean `user.financial`?"));
        assert_eq!(got[1].0, Some(8));
        assert_eq!(got[1].3, Some("did you mean `personalize.system`?"));
        // The table is read in key order.
        assert_eq!(got[2].0, Some(12));
        assert!(got[2].2.contains("`user.feelings`"), "{}", got[2].2);
        assert_eq!(got[3].0, Some(12));
        assert!(got[3].3.unwrap().contains("P2Y"), "{:?}", got[3].3);
        assert_eq!(got[4].0, Some(11));
        assert!(got[4].2.contains("must be finite"), "{}", got[4].2);
        assert_eq!(got[5].0, Some(3));
        assert!(got[5].2.contains("empty name"));
        assert_eq!(
            (got[6].0, got[6].3),
            (Some(2), Some("did you mean `user.contact.email`?"))
        );
        assert_eq!(got[7].0, Some(5));
        assert!(got[7].2.contains("between 0 and 1"));
    }
}
