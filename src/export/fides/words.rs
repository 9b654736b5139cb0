//! fideslang's own words for GDPR values: Art. 6 bases, Art. 9(2) conditions and transfer
//! mechanisms (fideslang 3.1 enums).

use crate::model::{LegalBasis, SpecialCategoryCondition, TransferMechanism};

/// fideslang's names for the GDPR Art. 6 bases.
pub(super) fn fides_basis(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "Consent",
        LegalBasis::Contract => "Contract",
        LegalBasis::LegalObligation => "Legal obligations",
        LegalBasis::VitalInterests => "Vital interests",
        LegalBasis::PublicTask => "Public interest",
        LegalBasis::LegitimateInterests => "Legitimate interests",
    }
}

/// fideslang's names for the GDPR Art. 9(2) conditions (`SpecialCategoryLegalBasisEnum`).
pub(super) fn fides_condition(c: SpecialCategoryCondition) -> &'static str {
    use SpecialCategoryCondition as C;
    match c {
        C::ExplicitConsent => "Explicit consent",
        C::EmploymentLaw => "Employment, social security and social protection",
        C::VitalInterests => "Vital interests",
        C::NonprofitMembers => "Not-for-profit bodies",
        C::MadePublic => "Made public by the data subject",
        C::LegalClaims => "Legal claims or judicial acts",
        C::SubstantialPublicInterest => {
            "Reasons of substantial public interest (with a basis in law)"
        }
        C::HealthCare => "Health or social care (with a basis in law)",
        C::PublicHealth => "Public health (with a basis in law)",
        C::Research => "Archiving, research and statistics (with a basis in law)",
    }
}

/// fideslang's names for transfer mechanisms (`LegalBasisForTransfersEnum`); `None` for none.
pub(super) fn fides_transfer(m: TransferMechanism) -> Option<&'static str> {
    match m {
        TransferMechanism::Adequacy => Some("Adequacy Decision"),
        TransferMechanism::Scc => Some("SCCs"),
        TransferMechanism::Bcr => Some("BCRs"),
        TransferMechanism::Derogation => Some("Other"),
        TransferMechanism::None => None,
    }
}
