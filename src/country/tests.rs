//! The forms a country is written in, and how each is classed.

use super::*;

fn key(text: &str) -> &'static str {
    classify(text).key()
}

fn alpha2(text: &str) -> Option<&'static str> {
    classify(text).country.map(|c| c.alpha2)
}

#[test]
fn codes_and_english_names() {
    for (text, code) in [
        ("DE", "DE"),
        ("deu", "DE"),
        ("Germany", "DE"),
        ("  ireland ", "IE"),
        ("The Netherlands", "NL"),
        ("Netherlands", "NL"),
        ("NLD", "NL"),
        ("Norway", "NO"),
        ("India", "IN"),
        ("BRA", "BR"),
        ("Korea, Republic of", "KR"),
        ("South Korea", "KR"),
        ("Czech Republic", "CZ"),
    ] {
        assert_eq!(alpha2(text), Some(code), "{text}");
    }
}

#[test]
fn local_names_and_eu_codes() {
    for (text, code) in [
        ("Deutschland", "DE"),
        ("España", "ES"),
        ("ESPAÑA", "ES"),
        ("Österreich", "AT"),
        ("Schweiz", "CH"),
        ("Éire", "IE"),
        ("Nederland", "NL"),
        ("Polska", "PL"),
        ("EL", "GR"),
        ("Ελλάδα", "GR"),
        ("UK", "GB"),
    ] {
        assert_eq!(alpha2(text), Some(code), "{text}");
    }
}

#[test]
fn city_and_country_forms() {
    for (text, code) in [
        ("Dublin, Ireland", "IE"),
        ("Germany (Frankfurt)", "DE"),
        ("Frankfurt, Germany", "DE"),
        ("Ireland, Dublin", "IE"),
        ("Netherlands (our own data centre in Utrecht)", "NL"),
        ("Ashburn, Virginia, USA", "US"),
        ("New Jersey, US", "US"),
        ("London, United Kingdom", "GB"),
        ("Zürich (Switzerland)", "CH"),
    ] {
        assert_eq!(alpha2(text), Some(code), "{text}");
    }
    assert_eq!(key("EU (Frankfurt, Germany)"), "eea");
    assert_eq!(
        classify("EU (Frankfurt, Germany)").country,
        None,
        "a region"
    );
}

#[test]
fn regions_the_us_and_the_uk() {
    for text in [
        "EU",
        "EEA",
        "eu/eea",
        "European Union",
        "European Economic Area",
    ] {
        assert_eq!(key(text), "eea", "{text}");
    }
    for text in [
        "US",
        "USA",
        "U.S.",
        "U.S.A.",
        "United States",
        "United States of America",
        "the US",
    ] {
        assert_eq!(alpha2(text), Some("US"), "{text}");
        assert_eq!(key(text), "adequacy_partial", "{text}");
    }
    for text in ["UK", "United Kingdom", "GB", "Great Britain", "England"] {
        assert_eq!(key(text), "adequacy", "{text}");
    }
}

#[test]
fn adequacy_third_country_and_unknown() {
    for text in [
        "Switzerland",
        "Japan",
        "Korea",
        "Israel",
        "New Zealand",
        "Argentina",
        "Uruguay",
        "Andorra",
        "Faroe Islands",
        "Guernsey",
        "Jersey",
        "Isle of Man",
    ] {
        assert_eq!(key(text), "adequacy", "{text}");
        assert!(classify(text).adequate(), "{text}");
    }
    assert_eq!(key("Canada"), "adequacy_partial");
    let us = classify("USA");
    assert!(
        !us.adequate(),
        "the DPF covers certified organisations only"
    );
    let Status::Adequacy(a) = us.status else {
        panic!("{us:?}")
    };
    assert_eq!(a.adopted, "2023-07-10");
    assert!(
        us.describe().contains(
            "adequacy: partial (EU-US Data Privacy Framework, certified organisations only"
        ),
        "{}",
        us.describe()
    );
    assert!(classify("UK").describe().contains("2021-06-28"));
    for text in [
        "India",
        "China",
        "Brazil",
        "Singapore",
        "Australia",
        "Russia",
    ] {
        assert_eq!(key(text), "third_country", "{text}");
        assert!(!classify(text).adequate());
    }
    for text in [
        "",
        "  ",
        "Frankfurt",
        "Germany and US",
        "Europe",
        "Germnay",
        "TBD",
    ] {
        assert_eq!(key(text), "unknown", "{text}");
        assert!(!classify(text).is_eea(), "{text}");
    }
    for text in [
        "Germany",
        "DE",
        "Norway",
        "Iceland",
        "Liechtenstein",
        "Deutschland",
    ] {
        assert!(
            classify(text).is_eea() && classify(text).adequate(),
            "{text}"
        );
    }
}

#[test]
fn in_eea_for_the_exports() {
    assert_eq!(in_eea(Some("Netherlands")), Some(true));
    assert_eq!(in_eea(Some("Dublin, Ireland")), Some(true));
    assert_eq!(in_eea(Some("Germany (Frankfurt)")), Some(true));
    assert_eq!(in_eea(Some("Deutschland")), Some(true));
    assert_eq!(in_eea(Some("United Kingdom")), Some(false));
    assert_eq!(in_eea(Some("Germnay")), Some(false));
    assert_eq!(in_eea(Some(" ")), None);
    assert_eq!(in_eea(None), None);
}

#[test]
fn every_adequacy_decision_names_a_known_non_eea_country() {
    for a in adequacy::DECISIONS {
        let c = data::COUNTRIES.iter().find(|c| c.alpha2 == a.alpha2);
        assert!(c.is_some(), "{}", a.alpha2);
        assert!(!EEA.contains(&a.alpha2));
        assert!(
            a.adopted.parse::<jiff::civil::Date>().is_ok(),
            "{}",
            a.adopted
        );
    }
    for (code, _) in names::LOCAL {
        assert!(data::COUNTRIES.iter().any(|c| c.alpha2 == *code), "{code}");
    }
    assert_eq!(EEA.len(), 30);
}
