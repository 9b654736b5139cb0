//! The legal facts a row or register records beside its Art. 6 basis: the Art. 9(2)
//! condition for special-category data and the Art. 44–49 mechanism of a transfer.

use serde::Serialize;

/// GDPR Art. 9(2) condition under which special-category data is processed (the Art. 6 basis
/// alone is not enough).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCategoryCondition {
    /// Art. 9(2)(a).
    ExplicitConsent,
    /// Art. 9(2)(b): obligations of employment and social security law.
    EmploymentLaw,
    /// Art. 9(2)(c).
    VitalInterests,
    /// Art. 9(2)(d): a foundation, association or other not-for-profit body and its members.
    NonprofitMembers,
    /// Art. 9(2)(e): made manifestly public by the person.
    MadePublic,
    /// Art. 9(2)(f).
    LegalClaims,
    /// Art. 9(2)(g).
    SubstantialPublicInterest,
    /// Art. 9(2)(h): preventive or occupational medicine, diagnosis, care.
    HealthCare,
    /// Art. 9(2)(i).
    PublicHealth,
    /// Art. 9(2)(j): archiving, scientific or historical research, statistics.
    Research,
}

impl SpecialCategoryCondition {
    /// The column values, in Art. 9(2) order.
    pub const ALL: &'static [(&'static str, SpecialCategoryCondition)] = &[
        ("explicit_consent", Self::ExplicitConsent),
        ("employment_law", Self::EmploymentLaw),
        ("vital_interests", Self::VitalInterests),
        ("nonprofit_members", Self::NonprofitMembers),
        ("made_public", Self::MadePublic),
        ("legal_claims", Self::LegalClaims),
        (
            "substantial_public_interest",
            Self::SubstantialPublicInterest,
        ),
        ("health_care", Self::HealthCare),
        ("public_health", Self::PublicHealth),
        ("research", Self::Research),
    ];

    /// The value as written in the inventory, e.g. `explicit_consent`.
    pub fn key(self) -> &'static str {
        key_of(Self::ALL, self)
    }

    /// A short English name for records and exports, e.g. "explicit consent".
    pub fn label(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "explicit consent",
            Self::EmploymentLaw => "employment, social security and social protection law",
            Self::VitalInterests => "vital interests of a person unable to consent",
            Self::NonprofitMembers => "members of a not-for-profit body",
            Self::MadePublic => "made manifestly public by the person",
            Self::LegalClaims => "legal claims",
            Self::SubstantialPublicInterest => "substantial public interest with a basis in law",
            Self::HealthCare => "health or social care",
            Self::PublicHealth => "public health",
            Self::Research => "archiving, research or statistics",
        }
    }

    /// The point of Art. 9(2) it rests on, e.g. `Art. 9(2)(a)`.
    pub fn article(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "Art. 9(2)(a) GDPR",
            Self::EmploymentLaw => "Art. 9(2)(b) GDPR",
            Self::VitalInterests => "Art. 9(2)(c) GDPR",
            Self::NonprofitMembers => "Art. 9(2)(d) GDPR",
            Self::MadePublic => "Art. 9(2)(e) GDPR",
            Self::LegalClaims => "Art. 9(2)(f) GDPR",
            Self::SubstantialPublicInterest => "Art. 9(2)(g) GDPR",
            Self::HealthCare => "Art. 9(2)(h) GDPR",
            Self::PublicHealth => "Art. 9(2)(i) GDPR",
            Self::Research => "Art. 9(2)(j) GDPR",
        }
    }
}

/// The legal ground of a transfer outside the EEA (GDPR Chapter V).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferMechanism {
    /// Art. 45: an adequacy decision of the European Commission.
    Adequacy,
    /// Art. 46(2)(c): standard contractual clauses.
    Scc,
    /// Art. 47: binding corporate rules.
    Bcr,
    /// Art. 49: a derogation for a specific situation.
    Derogation,
    /// No mechanism: recorded honestly, flagged by the audit.
    None,
}

impl TransferMechanism {
    /// The column values.
    pub const ALL: &'static [(&'static str, TransferMechanism)] = &[
        ("adequacy", Self::Adequacy),
        ("scc", Self::Scc),
        ("bcr", Self::Bcr),
        ("derogation", Self::Derogation),
        ("none", Self::None),
    ];

    /// The value as written, e.g. `scc`.
    pub fn key(self) -> &'static str {
        key_of(Self::ALL, self)
    }

    /// A short English name for records and exports, e.g. "standard contractual clauses".
    pub fn label(self) -> &'static str {
        match self {
            Self::Adequacy => "EU adequacy decision",
            Self::Scc => "standard contractual clauses",
            Self::Bcr => "binding corporate rules",
            Self::Derogation => "derogation for a specific situation",
            Self::None => "no transfer mechanism",
        }
    }

    /// The article of the GDPR it rests on (`None` for [`TransferMechanism::None`]).
    pub fn article(self) -> Option<&'static str> {
        match self {
            Self::Adequacy => Some("Art. 45 GDPR"),
            Self::Scc => Some("Art. 46(2)(c) GDPR"),
            Self::Bcr => Some("Art. 47 GDPR"),
            Self::Derogation => Some("Art. 49 GDPR"),
            Self::None => None,
        }
    }
}

fn key_of<T: PartialEq + Copy>(all: &[(&'static str, T)], v: T) -> &'static str {
    all.iter().find(|(_, x)| *x == v).map_or("", |(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_the_serialised_names() {
        for &(k, v) in SpecialCategoryCondition::ALL {
            assert_eq!(v.key(), k);
            assert_eq!(serde_json::to_value(v).unwrap(), k);
        }
        for &(k, v) in TransferMechanism::ALL {
            assert_eq!(v.key(), k);
            assert_eq!(serde_json::to_value(v).unwrap(), k);
        }
        assert_eq!(
            SpecialCategoryCondition::HealthCare.article(),
            "Art. 9(2)(h) GDPR"
        );
        assert_eq!(TransferMechanism::None.article(), None);
    }
}
