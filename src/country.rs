//! Where a free-text country ("Dublin, Ireland", "Germany (Frankfurt)", "Deutschland", "US")
//! is, for GDPR transfers: inside the EEA, covered by an EU adequacy decision, another third
//! country, or unknown. One matcher serves the audit, the exports and the pages, so they
//! always agree.

mod adequacy;
mod data;
mod names;

use std::sync::LazyLock;

use serde::Serialize;

use crate::hash::FastMap;

pub use adequacy::{Adequacy, ADEQUACY_AS_OF};

/// One ISO 3166-1 country.
#[derive(Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case (`DE`).
    pub alpha2: &'static str,
    /// ISO 3166-1 alpha-3, upper case (`DEU`).
    pub alpha3: &'static str,
    /// English short name (`Germany`).
    pub name: &'static str,
    /// Other English names, lower case.
    pub other_names: &'static [&'static str],
}

/// EU member states and the EEA's Iceland, Liechtenstein and Norway (alpha-2).
const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// Names that mean "inside the EU/EEA" without naming a country.
const REGIONS: &[&str] = &[
    "eu",
    "eea",
    "eu/eea",
    "eu eea",
    "eu & eea",
    "european union",
    "european economic area",
];

/// How a place stands under GDPR Chapter V.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Inside the EU/EEA: no transfer.
    Eea,
    /// A third country with an EU adequacy decision (possibly partial, see [`Adequacy::scope`]).
    Adequacy(&'static Adequacy),
    /// A third country without an adequacy decision: a transfer needs a safeguard.
    ThirdCountry,
    /// Not recognised (empty, several countries, a city alone): treated as outside.
    Unknown,
}

/// A country as written, recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// `None` for a region ("EU") or an unrecognised text.
    pub country: Option<&'static Country>,
    pub status: Status,
}

impl Place {
    /// Inside the EU/EEA.
    pub fn is_eea(&self) -> bool {
        self.status == Status::Eea
    }

    /// A transfer there needs no safeguard of its own: inside the EEA, or covered by a full
    /// adequacy decision (a partial one, such as the US Data Privacy Framework, depends on the
    /// recipient).
    pub fn adequate(&self) -> bool {
        match self.status {
            Status::Eea => true,
            Status::Adequacy(a) => a.scope.is_none(),
            Status::ThirdCountry | Status::Unknown => false,
        }
    }

    /// The status as a stable word for data.json and templates: `eea`, `adequacy`,
    /// `adequacy_partial`, `third_country` or `unknown`.
    pub fn key(&self) -> &'static str {
        match self.status {
            Status::Eea => "eea",
            Status::Adequacy(a) if a.scope.is_some() => "adequacy_partial",
            Status::Adequacy(_) => "adequacy",
            Status::ThirdCountry => "third_country",
            Status::Unknown => "unknown",
        }
    }

    /// A plain-English account of the status, e.g. "outside the EEA; EU adequacy decision of
    /// 2021-06-28 (Implementing Decision (EU) 2021/1772)".
    pub fn describe(&self) -> String {
        match self.status {
            Status::Eea => "inside the EU/EEA".to_string(),
            Status::Adequacy(a) => match a.scope {
                Some(scope) => format!(
                    "outside the EEA; adequacy: partial ({scope}; {} of {})",
                    a.decision, a.adopted
                ),
                None => format!(
                    "outside the EEA; EU adequacy decision of {} ({})",
                    a.adopted, a.decision
                ),
            },
            Status::ThirdCountry => "outside the EEA, no adequacy decision".to_string(),
            Status::Unknown => {
                "not recognised as a country; treated as outside the EEA".to_string()
            }
        }
    }
}

/// Serialised as its [`Place::key`].
impl Serialize for Place {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// Lower case, dots and the leading "the" dropped, spaces collapsed: `The U.S.` -> `us`.
fn normalise(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace('.', "");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Every name and code, normalised, to its country's index in the table.
static INDEX: LazyLock<FastMap<String, usize>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    let position = |alpha2: &str| data::COUNTRIES.iter().position(|c| c.alpha2 == alpha2);
    for (i, c) in data::COUNTRIES.iter().enumerate() {
        for n in [c.alpha2, c.alpha3, c.name]
            .into_iter()
            .chain(c.other_names.iter().copied())
        {
            m.insert(normalise(n), i);
        }
    }
    for (alpha2, local) in names::LOCAL {
        if let Some(i) = position(alpha2) {
            for n in *local {
                m.insert(normalise(n), i);
            }
        }
    }
    m
});

/// The country or region a whole text names, if any.
fn lookup(text: &str) -> Option<Option<&'static Country>> {
    let key = normalise(text);
    if key.is_empty() {
        return None;
    }
    if REGIONS.contains(&key.as_str()) {
        return Some(None);
    }
    INDEX.get(&key).map(|&i| Some(&data::COUNTRIES[i]))
}

/// Recognises a country as written: the whole text, the part before a parenthesis
/// ("Germany (Frankfurt)"), the last or first comma-separated part ("Dublin, Ireland"), or
/// the last part inside the parenthesis ("EU (Frankfurt, Germany)" is the EU).
pub fn classify(text: &str) -> Place {
    let before_paren = text.split('(').next().unwrap_or("");
    let inside = text
        .split_once('(')
        .map_or("", |(_, r)| r.split(')').next().unwrap_or(""));
    let candidates = [
        text,
        before_paren,
        before_paren.rsplit(',').next().unwrap_or(""),
        before_paren.split(',').next().unwrap_or(""),
        inside.rsplit(',').next().unwrap_or(""),
    ];
    let found = candidates.iter().find_map(|c| lookup(c));
    match found {
        None => Place {
            country: None,
            status: Status::Unknown,
        },
        Some(None) => Place {
            country: None,
            status: Status::Eea,
        },
        Some(Some(country)) => Place {
            country: Some(country),
            status: status_of(country),
        },
    }
}

fn status_of(country: &'static Country) -> Status {
    if EEA.contains(&country.alpha2) {
        Status::Eea
    } else if let Some(a) = adequacy::of(country.alpha2) {
        Status::Adequacy(a)
    } else {
        Status::ThirdCountry
    }
}

/// `Some(true)` inside the EU/EEA, `Some(false)` for any other or unrecognised place,
/// `None` when nothing is written: a record of processing lists one transfer too many rather
/// than miss one.
pub fn in_eea(country: Option<&str>) -> Option<bool> {
    let c = country?.trim();
    (!c.is_empty()).then(|| classify(c).is_eea())
}

#[cfg(test)]
mod tests;
