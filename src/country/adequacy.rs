//! The European Commission's adequacy decisions (GDPR Art. 45, and those adopted under
//! Directive 95/46/EC that stay in force under Art. 45(9)).

/// The date the list below was compiled, from the Commission's decisions as the maintainers
/// knew them. It has not been checked line by line against the Commission's page "Adequacy
/// decisions" since: re-check it there (renewals such as the UK's, new decisions such as
/// Brazil's) before relying on it.
pub const ADEQUACY_AS_OF: &str = "2026-12-01";

/// One adequacy decision.
#[derive(Debug, PartialEq, Eq)]
pub struct Adequacy {
    /// ISO 3166-1 alpha-2 of the country or territory.
    pub alpha2: &'static str,
    /// The decision, e.g. "Implementing Decision (EU) 2021/1772".
    pub decision: &'static str,
    /// The date it was adopted, `YYYY-MM-DD`.
    pub adopted: &'static str,
    /// `Some` when it covers only part of the transfers there (the organisations in scope).
    pub scope: Option<&'static str>,
}

const fn full(alpha2: &'static str, decision: &'static str, adopted: &'static str) -> Adequacy {
    Adequacy {
        alpha2,
        decision,
        adopted,
        scope: None,
    }
}

/// The decisions in force, by alpha-2 code.
pub const DECISIONS: &[Adequacy] = &[
    full("AD", "Commission Decision 2010/625/EU", "2010-10-19"),
    full("AR", "Commission Decision 2003/490/EC", "2003-06-30"),
    Adequacy {
        alpha2: "CA",
        decision: "Commission Decision 2002/2/EC",
        adopted: "2001-12-20",
        scope: Some("commercial organisations subject to PIPEDA only"),
    },
    full("CH", "Commission Decision 2000/518/EC", "2000-07-26"),
    full("FO", "Commission Decision 2010/146/EU", "2010-03-05"),
    full(
        "GB",
        "Commission Implementing Decision (EU) 2021/1772",
        "2021-06-28",
    ),
    full("GG", "Commission Decision 2003/821/EC", "2003-11-21"),
    full("IL", "Commission Decision 2011/61/EU", "2011-01-31"),
    full("IM", "Commission Decision 2004/411/EC", "2004-04-28"),
    full("JE", "Commission Decision 2008/393/EC", "2008-05-08"),
    full(
        "JP",
        "Commission Implementing Decision (EU) 2019/419",
        "2019-01-23",
    ),
    full(
        "KR",
        "Commission Implementing Decision (EU) 2022/254",
        "2021-12-17",
    ),
    full(
        "NZ",
        "Commission Implementing Decision 2013/65/EU",
        "2012-12-19",
    ),
    Adequacy {
        alpha2: "US",
        decision: "Commission Implementing Decision (EU) 2023/1795",
        adopted: "2023-07-10",
        scope: Some("EU-US Data Privacy Framework, certified organisations only"),
    },
    full(
        "UY",
        "Commission Implementing Decision 2012/484/EU",
        "2012-08-21",
    ),
];

/// The decision for a country, if there is one.
pub fn of(alpha2: &str) -> Option<&'static Adequacy> {
    DECISIONS.iter().find(|a| a.alpha2 == alpha2)
}
