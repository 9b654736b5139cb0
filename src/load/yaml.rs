//! Small helpers for front-matter values: string lists that may be written as one string, and
//! spotting a misspelt known key.

use std::fmt;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A list of strings; a single string is read as a list of one, `null` as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StringList(pub Vec<String>);

impl<'de> Deserialize<'de> for StringList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = SpannedList::deserialize(d)?;
        Ok(StringList(list.0.into_iter().map(|(s, _)| s).collect()))
    }
}

/// A list of strings, each with the YAML line it is written on (`None` when the list was
/// written as one string: the caller places it at its key). As [`StringList`] otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpannedList(pub Vec<(String, Option<usize>)>);

impl<'de> Deserialize<'de> for SpannedList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SpannedList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of strings, e.g. [a, b]")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SpannedList, E> {
                Ok(SpannedList(vec![(s.to_string(), None)]))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<SpannedList, E> {
                Ok(SpannedList::default())
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<SpannedList, E> {
                Ok(SpannedList::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SpannedList, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<Spanned<String>>()? {
                    let line = usize::try_from(s.referenced.line()).ok().filter(|&l| l > 0);
                    out.push((s.value, line));
                }
                Ok(SpannedList(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The known key `key` is most likely a misspelling of (edit distance 1 or 2), unless that
/// key is present too (`has`), in which case `key` is a deliberate extra field.
pub fn near_miss<'a>(key: &str, known: &[&'a str], has: impl Fn(&str) -> bool) -> Option<&'a str> {
    if known.contains(&key) || key.chars().count() < 4 {
        return None;
    }
    let lower = key.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (strsim::levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2 && !has(k))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_lists() {
        let one: StringList = serde_saphyr::from_str("a").unwrap();
        assert_eq!(one.0, ["a"]);
        let many: StringList = serde_saphyr::from_str("[a, b]").unwrap();
        assert_eq!(many.0, ["a", "b"]);
        #[derive(Deserialize)]
        struct T {
            x: StringList,
        }
        let t: T = serde_saphyr::from_str("x:\n").unwrap();
        assert!(t.x.0.is_empty());
        assert!(serde_saphyr::from_str::<StringList>("{a: 1}").is_err());
    }

    #[test]
    fn spanned_lists_keep_the_line_of_each_item() {
        #[derive(Deserialize)]
        struct T {
            x: SpannedList,
            y: SpannedList,
            z: SpannedList,
        }
        let t: T = serde_saphyr::from_str("y: one\nx:\n  - a\n\n  - b\nz: [c, d]\n").unwrap();
        assert_eq!(
            t.x.0,
            [("a".to_string(), Some(3)), ("b".to_string(), Some(5))]
        );
        assert_eq!(t.y.0, [("one".to_string(), None)]);
        assert_eq!(
            t.z.0,
            [("c".to_string(), Some(6)), ("d".to_string(), Some(6))]
        );
    }

    #[test]
    fn near_misses() {
        let known = ["inputs", "license", "owners", "model_type"];
        assert_eq!(near_miss("inptus", &known, |_| false), Some("inputs"));
        assert_eq!(near_miss("licence", &known, |_| false), Some("license"));
        assert_eq!(near_miss("licence", &known, |k| k == "license"), None);
        assert_eq!(near_miss("model_name", &known, |_| false), None);
        assert_eq!(near_miss("tags", &known, |_| false), None);
        assert_eq!(near_miss("inputs", &known, |_| false), None);
    }
}
