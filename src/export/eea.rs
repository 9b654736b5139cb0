//! Whether a recipient's country (as written in recipients.csv: a name or an ISO code) is in
//! the EU/EEA, where GDPR applies and no transfer safeguard is needed.

/// EU member states and the other EEA countries: ISO 3166 alpha-2 code and English names.
const EEA: &[(&str, &[&str])] = &[
    ("at", &["austria"]),
    ("be", &["belgium"]),
    ("bg", &["bulgaria"]),
    ("hr", &["croatia"]),
    ("cy", &["cyprus"]),
    ("cz", &["czechia", "czech republic"]),
    ("dk", &["denmark"]),
    ("ee", &["estonia"]),
    ("fi", &["finland"]),
    ("fr", &["france"]),
    ("de", &["germany"]),
    ("gr", &["greece"]),
    ("hu", &["hungary"]),
    ("ie", &["ireland"]),
    ("it", &["italy"]),
    ("lv", &["latvia"]),
    ("lt", &["lithuania"]),
    ("lu", &["luxembourg"]),
    ("mt", &["malta"]),
    ("nl", &["netherlands", "the netherlands"]),
    ("pl", &["poland"]),
    ("pt", &["portugal"]),
    ("ro", &["romania"]),
    ("sk", &["slovakia"]),
    ("si", &["slovenia"]),
    ("es", &["spain"]),
    ("se", &["sweden"]),
    ("is", &["iceland"]),
    ("li", &["liechtenstein"]),
    ("no", &["norway"]),
];

/// Names that mean "inside the EU/EEA" without naming a country.
const REGIONS: &[&str] = &["eu", "eea", "european union", "european economic area"];

/// `Some(true)` inside the EU/EEA, `Some(false)` for any other country, `None` when no
/// country is recorded. An unrecognised name counts as outside: a record of processing should
/// rather list one transfer too many than miss one.
pub fn in_eea(country: Option<&str>) -> Option<bool> {
    let c = country?.trim().to_ascii_lowercase();
    if c.is_empty() {
        return None;
    }
    Some(
        REGIONS.contains(&c.as_str())
            || EEA
                .iter()
                .any(|(code, names)| *code == c || names.contains(&c.as_str())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_and_unknowns() {
        assert_eq!(in_eea(Some("Netherlands")), Some(true));
        assert_eq!(in_eea(Some(" DE ")), Some(true));
        assert_eq!(in_eea(Some("Norway")), Some(true));
        assert_eq!(in_eea(Some("EU")), Some(true));
        assert_eq!(in_eea(Some("United Kingdom")), Some(false));
        assert_eq!(in_eea(Some("US")), Some(false));
        assert_eq!(in_eea(Some("Germnay")), Some(false));
        assert_eq!(in_eea(Some("")), None);
        assert_eq!(in_eea(None), None);
    }
}
