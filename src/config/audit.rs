//! `[audit]` of `candor.toml`: severities, exceptions and the limits the rules judge by.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::AuditException;

/// `[audit]`: severities, the failure threshold, documented exceptions and the limits the
/// rules judge by.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct AuditConfig {
    /// `error`, `warning` or `never`: the lowest severity that makes `check` exit 1.
    pub fail_on: Option<String>,
    /// Rule id to `error`, `warning`, `info` or `off`.
    pub rules: BTreeMap<String, String>,
    pub exceptions: Vec<AuditException>,
    /// Largest allowed gap between a group's metric and the overall one (default 0.05).
    pub max_group_gap: f64,
    /// An accepted exception must expire within this many days (default 365).
    pub max_exception_days: u32,
    pub targeting: Targeting,
    /// Longest allowed retention by data category key (prefix match; `*` for every
    /// category) as an ISO 8601 duration. Default: `"*" = "P10Y"`.
    pub retention_max: BTreeMap<String, String>,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            fail_on: None,
            rules: BTreeMap::new(),
            exceptions: Vec::new(),
            max_group_gap: 0.05,
            max_exception_days: 365,
            targeting: Targeting::default(),
            retention_max: BTreeMap::from([("*".to_string(), "P10Y".to_string())]),
        }
    }
}

impl AuditConfig {
    /// The `[audit.retention_max]` entry for a data category: the longest key that is the
    /// category or a parent of it, else `*`. Returns the key and its duration as written.
    pub fn retention_limit(&self, category: &str) -> Option<(&str, &str)> {
        let mut key = category;
        loop {
            if let Some((k, v)) = self.retention_max.get_key_value(key) {
                return Some((k, v));
            }
            match key.rsplit_once('.') {
                Some((head, _)) => key = head,
                None => break,
            }
        }
        self.retention_max
            .get_key_value("*")
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// `[audit.targeting]`: which traits count as protected for targeting, and which uses of
/// them are protective or neutral.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Targeting {
    /// Data category keys (a key covers those under it); special categories are always
    /// protected besides these.
    pub protected: Vec<String>,
    /// Data use keys (a key covers those under it) that never count as targeting.
    pub allow: Vec<String>,
}

/// Categories under a protected key that are never protected traits by default: a UI
/// language and stated preferences say what a person chose, not who they are.
pub const NEVER_PROTECTED: &[&str] = &["user.demographic.language", "user.demographic.profile"];

impl Default for Targeting {
    fn default() -> Self {
        let owned = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect();
        Targeting {
            protected: owned(&[
                "user.demographic",
                "user.financial",
                "user.location.precise",
            ]),
            allow: owned(&[
                "marketing.advertising.negative_targeting",
                "personalize.system",
            ]),
        }
    }
}

/// True when `key` is `parent` or lies under it (`user.demographic.age` under
/// `user.demographic`).
pub fn key_within(key: &str, parent: &str) -> bool {
    key.strip_prefix(parent)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

impl Targeting {
    /// Whether a data category is a protected trait under this configuration (special
    /// categories are the caller's to add). [`NEVER_PROTECTED`] keys stay unprotected unless
    /// named exactly (or below) in `protected`.
    pub fn protects(&self, category: &str) -> bool {
        let matched = self
            .protected
            .iter()
            .filter(|p| key_within(category, p))
            .max_by_key(|p| p.len());
        match matched {
            None => false,
            Some(p) => !NEVER_PROTECTED
                .iter()
                .any(|n| key_within(category, n) && !key_within(p, n)),
        }
    }

    /// Whether a data use is allowed (protective or neutral) under this configuration.
    pub fn allows(&self, purpose: &str) -> bool {
        self.allow.iter().any(|a| key_within(purpose, a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    #[test]
    fn defaults_and_overrides() {
        let c = Config::parse("", Path::new("candor.toml")).unwrap();
        assert_eq!(c.audit.max_group_gap, 0.05);
        assert_eq!(c.audit.max_exception_days, 365);
        assert_eq!(
            c.audit.retention_limit("user.contact.email"),
            Some(("*", "P10Y"))
        );
        let c = Config::parse(
            "[audit]\nmax_group_gap = 0.1\nmax_exception_days = 180\n[audit.targeting]\nallow = []\n[audit.retention_max]\n\"user.health_and_medical\" = \"P2Y\"\n\"user\" = \"P5Y\"\n",
            Path::new("candor.toml"),
        )
        .unwrap();
        assert_eq!(c.audit.max_group_gap, 0.1);
        assert_eq!(c.audit.max_exception_days, 180);
        assert!(c.audit.targeting.allow.is_empty());
        assert_eq!(c.audit.targeting.protected.len(), 3, "default kept");
        assert_eq!(
            c.audit.retention_limit("user.health_and_medical.genetic"),
            Some(("user.health_and_medical", "P2Y"))
        );
        assert_eq!(c.audit.retention_limit("user.name"), Some(("user", "P5Y")));
        assert_eq!(
            c.audit.retention_limit("system.operations"),
            None,
            "a table given replaces the default `*`"
        );
        let e = Config::parse(
            "[audit.targeting]\nprotect = []\n",
            Path::new("candor.toml"),
        )
        .unwrap_err();
        let d = e.iter().next().unwrap();
        assert_eq!(d.help.as_deref(), Some("did you mean `protected`?"));
    }

    #[test]
    fn protected_traits_by_default() {
        let t = Targeting::default();
        for c in [
            "user.demographic",
            "user.demographic.gender",
            "user.financial.bank_account",
            "user.location.precise",
        ] {
            assert!(t.protects(c), "{c}");
        }
        for c in [
            "user.demographic.language",
            "user.demographic.profile",
            "user.location.imprecise",
            "user.contact.email",
            "user.demographicx",
        ] {
            assert!(!t.protects(c), "{c}");
        }
        let named = Targeting {
            protected: vec!["user.demographic.language".into()],
            allow: vec![],
        };
        assert!(named.protects("user.demographic.language"));
        assert!(t.allows("marketing.advertising.negative_targeting"));
        assert!(t.allows("personalize.system"));
        assert!(!t.allows("marketing.advertising"));
        assert!(!t.allows("personalize"));
    }
}
