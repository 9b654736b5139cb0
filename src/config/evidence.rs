//! `[evidence]` of candor.toml: per scanner report, the systems it covers and when it ran
//! (`[evidence."bearer.json"] systems = [...]`, `scanned = 2026-05-01`), and `[evidence.map]`,
//! scanner data types mapped to data categories beyond (or instead of) the built-in table.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The whole `[evidence]` table: `map`, and one table per evidence file, by file name.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct EvidenceConfig {
    /// Scanner data type (as the scanner writes it) -> data category key.
    pub map: BTreeMap<String, String>,
    /// Settings of one evidence file, by its file name (`bearer.json`).
    pub files: BTreeMap<String, EvidenceFileConfig>,
}

/// `[evidence."file name"]`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "a table with systems, scanned"
)]
#[non_exhaustive]
pub struct EvidenceFileConfig {
    /// Ids from systems.csv the scanned code belongs to; empty: the whole inventory.
    pub systems: Vec<String>,
    /// When the scan ran.
    #[serde(
        deserialize_with = "super::de_opt_date",
        serialize_with = "super::ser_opt_date"
    )]
    pub scanned: Option<Date>,
}

impl<'de> Deserialize<'de> for EvidenceConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = EvidenceConfig;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table with `map` and one table per evidence file name")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<EvidenceConfig, A::Error> {
                let mut out = EvidenceConfig::default();
                while let Some(key) = m.next_key::<String>()? {
                    if key == "map" {
                        out.map = m.next_value()?;
                    } else {
                        let file: EvidenceFileConfig = m.next_value()?;
                        out.files.insert(key, file);
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

impl Serialize for EvidenceConfig {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.files.len() + 1))?;
        m.serialize_entry("map", &self.map)?;
        for (name, file) in &self.files {
            m.serialize_entry(name, file)?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Config;
    use std::path::Path;

    #[test]
    fn files_and_map_are_read_and_unknown_keys_refused() {
        let text = "[evidence.map]\n\"Shoe Size\" = \"user.biometric\"\n\
                    [evidence.\"bearer.json\"]\nsystems = [\"storefront\"]\nscanned = 2026-05-01\n";
        let c = Config::parse(text, Path::new("candor.toml")).expect("valid");
        assert_eq!(c.evidence.map["Shoe Size"], "user.biometric");
        let f = &c.evidence.files["bearer.json"];
        assert_eq!(f.systems, ["storefront"]);
        assert_eq!(
            f.scanned.map(|d| d.to_string()).as_deref(),
            Some("2026-05-01")
        );
        let quoted = "[evidence.\"b.json\"]\nscanned = \"2026-05-01\"\n";
        assert!(Config::parse(quoted, Path::new("candor.toml")).is_ok());
        let bad = "[evidence.\"b.json\"]\nsystem = [\"x\"]\n";
        let errs = Config::parse(bad, Path::new("candor.toml")).unwrap_err();
        let msg = errs.iter().map(|d| d.message.clone()).collect::<String>();
        assert!(msg.contains("system"), "{msg}");
    }
}
