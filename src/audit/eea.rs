//! Which free-text countries are inside the EU/EEA: English and native names, ISO 3166
//! alpha-2 and alpha-3 codes, and the regions themselves ("EU", "EEA").

/// EU member states and the EEA's Iceland, Liechtenstein and Norway: names and codes,
/// lowercase. Greece is also `EL`, the code the EU itself uses.
const EEA: &[&str] = &[
    "austria",
    "österreich",
    "at",
    "aut",
    "belgium",
    "belgië",
    "belgique",
    "be",
    "bel",
    "bulgaria",
    "bg",
    "bgr",
    "croatia",
    "hrvatska",
    "hr",
    "hrv",
    "cyprus",
    "cy",
    "cyp",
    "czechia",
    "czech republic",
    "česko",
    "cz",
    "cze",
    "denmark",
    "danmark",
    "dk",
    "dnk",
    "estonia",
    "eesti",
    "ee",
    "est",
    "finland",
    "suomi",
    "fi",
    "fin",
    "france",
    "fr",
    "fra",
    "germany",
    "deutschland",
    "de",
    "deu",
    "greece",
    "hellas",
    "gr",
    "grc",
    "el",
    "hungary",
    "magyarország",
    "hu",
    "hun",
    "ireland",
    "éire",
    "republic of ireland",
    "ie",
    "irl",
    "italy",
    "italia",
    "it",
    "ita",
    "latvia",
    "latvija",
    "lv",
    "lva",
    "lithuania",
    "lietuva",
    "lt",
    "ltu",
    "luxembourg",
    "lu",
    "lux",
    "malta",
    "mt",
    "mlt",
    "netherlands",
    "the netherlands",
    "nederland",
    "holland",
    "nl",
    "nld",
    "poland",
    "polska",
    "pl",
    "pol",
    "portugal",
    "pt",
    "prt",
    "romania",
    "românia",
    "ro",
    "rou",
    "slovakia",
    "slovensko",
    "sk",
    "svk",
    "slovenia",
    "slovenija",
    "si",
    "svn",
    "spain",
    "españa",
    "es",
    "esp",
    "sweden",
    "sverige",
    "se",
    "swe",
    "iceland",
    "ísland",
    "is",
    "isl",
    "liechtenstein",
    "li",
    "lie",
    "norway",
    "norge",
    "no",
    "nor",
    "eu",
    "eea",
    "eu/eea",
    "eu eea",
    "european union",
    "european economic area",
];

fn known(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').trim().to_lowercase();
    !t.is_empty() && EEA.contains(&t.as_str())
}

/// Whether a recipient's country, as written, is inside the EU/EEA. Recognises the whole text,
/// the text before a parenthesis ("Germany (Frankfurt)") and the last comma-separated part
/// ("Frankfurt, Germany"). Anything else counts as outside, so the rule errs towards asking.
pub fn is_eea(country: &str) -> bool {
    let before_paren = country.split('(').next().unwrap_or("");
    let last_part = country.rsplit(',').next().unwrap_or("");
    known(country) || known(before_paren) || known(last_part)
}

#[cfg(test)]
mod tests {
    use super::is_eea;

    #[test]
    fn names_codes_and_regions_inside() {
        for c in [
            "Germany",
            "DE",
            "deu",
            "  ireland ",
            "The Netherlands",
            "EL",
            "Norway",
            "EU",
            "Germany (Frankfurt)",
            "Dublin, Ireland",
            "España",
        ] {
            assert!(is_eea(c), "{c}");
        }
    }

    #[test]
    fn everything_else_outside() {
        for c in [
            "United States",
            "US",
            "USA",
            "United Kingdom",
            "GB",
            "Switzerland",
            "CH",
            "India",
            "",
            "Frankfurt",
            "Germany and US",
        ] {
            assert!(!is_eea(c), "{c}");
        }
    }
}
