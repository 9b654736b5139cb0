//! The built-in table from scanner data types to fideslang data categories: Bearer CLI's data
//! types (by name, from its classification database `pkg/classification/db/data_types`) and
//! Privado's source rule ids (`rules/sources/*.yaml`). `[evidence.map]` in candor.toml adds to
//! it and overrides it; a data category key itself maps to itself (CSV evidence).
//! docs/evidence.md shows this table, generated from it.

use std::collections::BTreeMap;

use crate::taxonomy::Taxonomy;

/// Which scanner a row of the table is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Bearer,
    Privado,
}

/// `(scanner, scanner data type, data category key)`.
pub type Row = (Source, &'static str, &'static str);

use Source::{Bearer as B, Privado as P};

/// Every mapping candor knows, Bearer's in its categories' order, then Privado's.
#[rustfmt::skip]
pub const TABLE: &[Row] = &[
    // Bearer: Authenticating
    (B, "Mother's Maiden Name", "user.authorization.credentials"),
    (B, "PIN", "user.authorization.password"),
    (B, "Passwords", "user.authorization.password"),
    // Behavioral Information
    (B, "Browsing Behavior", "user.behavior.browsing_history"),
    // Communication
    (B, "Emails", "user.content.private"),
    (B, "Telephone Recordings", "user.content.private"),
    (B, "Voice Mail", "user.content.private"),
    // Computer Device
    (B, "Browser Fingerprint", "user.device.device_id"),
    (B, "Device identifier", "user.device.device_id"),
    (B, "IP address", "user.device.ip_address"),
    (B, "Mac address", "user.device.device_id"),
    // Contact
    (B, "Email Address", "user.contact.email"),
    (B, "Physical Address", "user.contact.address"),
    (B, "Telephone Number", "user.contact.phone_number"),
    // Credit History
    (B, "Credit Capacity", "user.financial"),
    (B, "Credit Records", "user.financial"),
    (B, "Credit Standing", "user.financial"),
    (B, "Credit Worthiness", "user.financial"),
    // Criminal Records
    (B, "Charges", "user.criminal_history"),
    (B, "Convictions", "user.criminal_history"),
    (B, "Pardons", "user.criminal_history"),
    // Demographic
    (B, "Age Range", "user.demographic.age_range"),
    (B, "Date of birth", "user.demographic.date_of_birth"),
    (B, "Geographic", "user.location.imprecise"),
    (B, "Income Brackets", "user.financial"),
    (B, "Physical Traits", "user.demographic"),
    // Ethnicity
    (B, "Accents", "user.demographic.race_ethnicity"),
    (B, "Biometric Data", "user.biometric"),
    (B, "Ethnic Origin", "user.demographic.race_ethnicity"),
    (B, "National origin", "user.demographic.race_ethnicity"),
    (B, "Race", "user.demographic.race_ethnicity"),
    (B, "Spoken Languages", "user.demographic.language"),
    // Family
    (B, "Divorces", "user.demographic.marital_status"),
    (B, "Family Structure", "user.demographic"),
    (B, "Marriages", "user.demographic.marital_status"),
    (B, "Offspring", "user.demographic"),
    (B, "Relationships", "user.demographic"),
    (B, "Siblings", "user.demographic"),
    // Financial Accounts
    (B, "Bank Account", "user.financial.bank_account"),
    (B, "Credit Card Number", "user.financial.credit_card"),
    // Identification
    (B, "Attitude", "user.behavior"),
    (B, "Call Logs", "user.content.private"),
    (B, "Demeanor", "user.behavior"),
    (B, "Firstname", "user.name.first"),
    (B, "Fullname", "user.name"),
    (B, "ID Number", "user.government_id.national_identification_number"),
    (B, "Image", "user.content.self_image"),
    (B, "Lastname", "user.name.last"),
    (B, "Links clicked", "user.behavior.browsing_history"),
    (B, "Passport Number", "user.government_id.passport_number"),
    (B, "Unique Identifier", "user.unique_id"),
    (B, "Username", "user.account.username"),
    // Knowledge and Belief
    (B, "Knowledge", "user.content"),
    (B, "Philosophical beliefs", "user.demographic.religious_belief"),
    (B, "Religious Beliefs", "user.demographic.religious_belief"),
    (B, "Thoughts", "user.content"),
    // Location
    (B, "Country", "user.contact.address.country"),
    (B, "GPS Coordinate", "user.location.precise"),
    (B, "Room Number", "user.contact.address"),
    // Medical and Health
    (B, "Blood Type", "user.health_and_medical"),
    (B, "DNA code", "user.health_and_medical.genetic"),
    (B, "Disabilities", "user.health_and_medical"),
    (B, "Drugs test results", "user.health_and_medical"),
    (B, "Family health history", "user.health_and_medical"),
    (B, "Health Records", "user.health_and_medical"),
    (B, "Personal health history", "user.health_and_medical"),
    (B, "Physical and mental health", "user.health_and_medical"),
    (B, "Prescriptions", "user.health_and_medical"),
    // Personal Ownership
    (B, "Apartments", "user.financial"),
    (B, "Cars", "user.financial"),
    (B, "Houses", "user.financial"),
    (B, "Personal Possessions", "user.financial"),
    // Physical Characteristic
    (B, "Age", "user.demographic.age_range"),
    (B, "Gender", "user.demographic.gender"),
    (B, "Hair Color", "user.demographic"),
    (B, "Height", "user.demographic"),
    (B, "Piercings", "user.demographic"),
    (B, "Skin Tone", "user.demographic.race_ethnicity"),
    (B, "Tattoos", "user.demographic"),
    (B, "Weight", "user.demographic"),
    // Preference
    (B, "Colors", "user.demographic.profile"),
    (B, "Dislikes", "user.demographic.profile"),
    (B, "Favorite Foods", "user.demographic.profile"),
    (B, "Intentions", "user.demographic.profile"),
    (B, "Interests", "user.demographic.profile"),
    (B, "Likes", "user.demographic.profile"),
    (B, "Music", "user.behavior.media_consumption"),
    (B, "Opinions", "user.content"),
    // Professional Information
    (B, "Certifications", "user.workplace"),
    (B, "Disciplinary Actions", "user.workplace"),
    (B, "Employee Files", "user.workplace"),
    (B, "Employment History", "user.workplace"),
    (B, "Evaluations", "user.workplace"),
    (B, "Interviews", "user.workplace"),
    (B, "Job Titles", "user.job_title"),
    (B, "References", "user.workplace"),
    (B, "Salary", "user.financial"),
    (B, "School attended", "user.workplace"),
    (B, "Work History", "user.workplace"),
    // Public Life
    (B, "Character", "user.behavior"),
    (B, "General Reputation", "user.behavior"),
    (B, "Interactions", "user.behavior"),
    (B, "Martial Status", "user.demographic.marital_status"),
    (B, "Political Affiliation", "user.demographic.political_opinion"),
    (B, "Religion", "user.demographic.religious_belief"),
    (B, "Social Status", "user.demographic"),
    // Sexual
    (B, "Gender identity", "user.demographic.gender"),
    (B, "Sexual History", "user.demographic.sexual_orientation"),
    (B, "Sexual Preferences", "user.demographic.sexual_orientation"),
    // Social Network
    (B, "Acquaintances", "user.social"),
    (B, "Associations", "user.social"),
    (B, "Connections", "user.social"),
    (B, "Friends", "user.social"),
    (B, "Group Membership", "user.social"),
    // Transactional
    (B, "Credit", "user.financial"),
    (B, "Income", "user.financial"),
    (B, "Loan Records", "user.financial"),
    (B, "Purchases", "user.behavior.purchase_history"),
    (B, "Purchases and Spending Habits", "user.behavior.purchase_history"),
    (B, "Sales", "user.behavior.purchase_history"),
    (B, "Taxes", "user.financial"),
    (B, "Transactions", "user.behavior.purchase_history"),
    // Privado: source rule ids
    (P, "Data.Sensitive.AccountData.AccountID", "user.unique_id"),
    (P, "Data.Sensitive.AccountData.AccountName", "user.account.username"),
    (P, "Data.Sensitive.AccountData.AccountPassword", "user.authorization.password"),
    (P, "Data.Sensitive.AccountData.LanguagePreferences", "user.demographic.language"),
    (P, "Data.Sensitive.AccountData.Mnemonic", "user.authorization.credentials"),
    (P, "Data.Sensitive.AccountData.SocialMediaLoginIdentifier", "user.account.username"),
    (P, "Data.Sensitive.AudioVisualAndSensoryData.AudioRecordings", "user.content.private"),
    (P, "Data.Sensitive.AudioVisualAndSensoryData.IoTorSensorData", "user.sensor"),
    (P, "Data.Sensitive.AudioVisualAndSensoryData.Video", "user.content.private"),
    (P, "Data.Sensitive.BackgroundCheckDetails.CompensationHistory", "user.financial"),
    (P, "Data.Sensitive.BackgroundCheckDetails.CreditHistory", "user.financial"),
    (P, "Data.Sensitive.BackgroundCheckDetails.CriminalRecordsHistory", "user.criminal_history"),
    (P, "Data.Sensitive.BackgroundCheckDetails.EmploymentHistory", "user.workplace"),
    (P, "Data.Sensitive.BackgroundCheckDetails.ReferenceChecks", "user.workplace"),
    (P, "Data.Sensitive.BiometricData.DNAMatching", "user.health_and_medical.genetic"),
    (P, "Data.Sensitive.BiometricData.FacialRecognition", "user.biometric"),
    (P, "Data.Sensitive.BiometricData.FingerprintScans", "user.biometric.fingerprint"),
    (P, "Data.Sensitive.BiometricData.Gait", "user.biometric"),
    (P, "Data.Sensitive.BiometricData.HandwritingRecognition", "user.biometric"),
    (P, "Data.Sensitive.BiometricData.IrisRecognition", "user.biometric.retinal"),
    (P, "Data.Sensitive.BiometricData.VoiceRecognition", "user.biometric.voice"),
    (P, "Data.Sensitive.ContactData.Address", "user.contact.address"),
    (P, "Data.Sensitive.ContactData.EmailAddress", "user.contact.email"),
    (P, "Data.Sensitive.ContactData.EmergencyContactDetails", "user.contact"),
    (P, "Data.Sensitive.ContactData.PhoneNumber", "user.contact.phone_number"),
    (P, "Data.Sensitive.EducationalBackground.AcademicTranscripts", "user.workplace"),
    (P, "Data.Sensitive.EducationalBackground.EducationalHistory", "user.workplace"),
    (P, "Data.Sensitive.EducationalBackground.Skills", "user.workplace"),
    (P, "Data.Sensitive.FinancialData.BankAccountDetails", "user.financial.bank_account"),
    (P, "Data.Sensitive.FinancialData.Benefits", "user.financial"),
    (P, "Data.Sensitive.FinancialData.CardIssuer", "user.financial.credit_card"),
    (P, "Data.Sensitive.FinancialData.CardNumber", "user.financial.credit_card"),
    (P, "Data.Sensitive.FinancialData.CompanyAllowances", "user.financial"),
    (P, "Data.Sensitive.FinancialData.CreditScore", "user.financial"),
    (P, "Data.Sensitive.FinancialData.Expenses", "user.financial"),
    (P, "Data.Sensitive.FinancialData.InsuranceNumber", "user.financial"),
    (P, "Data.Sensitive.FinancialData.PaymentMode", "user.payment"),
    (P, "Data.Sensitive.FinancialData.PaymentNonce", "user.payment"),
    (P, "Data.Sensitive.FinancialData.PayrollInformation", "user.financial"),
    (P, "Data.Sensitive.FinancialData.RetirementAccountInformation", "user.financial"),
    (P, "Data.Sensitive.FinancialData.Salary", "user.financial"),
    (P, "Data.Sensitive.FinancialData.StockorEquityGrants", "user.financial"),
    (P, "Data.Sensitive.FinancialData.TaxInformation", "user.financial"),
    (P, "Data.Sensitive.FinancialData.VPAAddress", "user.payment"),
    (P, "Data.Sensitive.HealthData.DisabilityorSpecificCondition", "user.health_and_medical"),
    (P, "Data.Sensitive.HealthData.IllnessorMedicalCondition", "user.health_and_medical"),
    (P, "Data.Sensitive.HealthData.MaternityLeaveDetails", "user.health_and_medical"),
    (P, "Data.Sensitive.HealthData.MedicalCertificates", "user.health_and_medical"),
    (P, "Data.Sensitive.HealthData.PaternityLeaveDetails", "user.workplace"),
    (P, "Data.Sensitive.LocationData.PreciseLocation", "user.location.precise"),
    (P, "Data.Sensitive.NationalIdentificationNumbers.DrivingLicense", "user.government_id.drivers_license_number"),
    (P, "Data.Sensitive.NationalIdentificationNumbers.EmployerIdentificationNumber", "user.workplace"),
    (P, "Data.Sensitive.NationalIdentificationNumbers.Passport", "user.government_id.passport_number"),
    (P, "Data.Sensitive.NationalIdentificationNumbers.PersonalPublicServiceNumber", "user.government_id.national_identification_number"),
    (P, "Data.Sensitive.NationalIdentificationNumbers.SocialSecurityNumber", "user.government_id.national_identification_number"),
    (P, "Data.Sensitive.NationalIdentificationNumbers.TaxpayerIdentificationNumber", "user.government_id.national_identification_number"),
    (P, "Data.Sensitive.OnlineIdentifiers.AdvertisingIdentifiers", "user.device.device_id"),
    (P, "Data.Sensitive.OnlineIdentifiers.Cookies", "user.device.cookie"),
    (P, "Data.Sensitive.OnlineIdentifiers.DeviceIdentifier", "user.device.device_id"),
    (P, "Data.Sensitive.OnlineIdentifiers.IPAddress", "user.device.ip_address"),
    (P, "Data.Sensitive.OnlineIdentifiers.MACAddress", "user.device.device_id"),
    (P, "Data.Sensitive.OnlineIdentifiers.Pixel", "user.device.cookie_id"),
    (P, "Data.Sensitive.PersonalCharacteristics.Height", "user.demographic"),
    (P, "Data.Sensitive.PersonalCharacteristics.MaritalStatus", "user.demographic.marital_status"),
    (P, "Data.Sensitive.PersonalCharacteristics.Nationality", "user.government_id.immigration"),
    (P, "Data.Sensitive.PersonalCharacteristics.RacialorEthnicOrigin", "user.demographic.race_ethnicity"),
    (P, "Data.Sensitive.PersonalCharacteristics.Religion/ReligiousBeliefs", "user.demographic.religious_belief"),
    (P, "Data.Sensitive.PersonalCharacteristics.SexualOrientation", "user.demographic.sexual_orientation"),
    (P, "Data.Sensitive.PersonalCharacteristics.Signature", "user.biometric"),
    (P, "Data.Sensitive.PersonalCharacteristics.Weight", "user.demographic"),
    (P, "Data.Sensitive.PersonalIdentification.Age", "user.demographic.age_range"),
    (P, "Data.Sensitive.PersonalIdentification.DateofBirth", "user.demographic.date_of_birth"),
    (P, "Data.Sensitive.PersonalIdentification.EmployeeCode", "user.workplace"),
    (P, "Data.Sensitive.PersonalIdentification.FirstName", "user.name.first"),
    (P, "Data.Sensitive.PersonalIdentification.Gender", "user.demographic.gender"),
    (P, "Data.Sensitive.PersonalIdentification.LastName", "user.name.last"),
    (P, "Data.Sensitive.PersonalIdentification.Photograph", "user.content.self_image"),
    (P, "Data.Sensitive.ProfessionalAndEmploymentBackground.PastDatesofEmployment", "user.workplace"),
    (P, "Data.Sensitive.ProfessionalAndEmploymentBackground.PastEmployers", "user.workplace"),
    (P, "Data.Sensitive.ProfessionalAndEmploymentBackground.PastRolesorPositions", "user.job_title"),
    (P, "Data.Sensitive.ProfessionalAndEmploymentBackground.PastSalaryDetails", "user.financial"),
    (P, "Data.Sensitive.ProfessionalAndEmploymentBackground.ProofofLastSalary", "user.financial"),
    (P, "Data.Sensitive.ProfessionalAndEmploymentBackground.Reasonforleavingorchangeofjob", "user.workplace"),
    (P, "Data.Sensitive.ProfessionalAndEmploymentBackground.TotalExperience", "user.workplace"),
    (P, "Data.Sensitive.PurchaseData.OfferDetails", "user.behavior.purchase_history"),
    (P, "Data.Sensitive.PurchaseData.OrderDetails", "user.behavior.purchase_history"),
    (P, "Data.Sensitive.PurchaseData.ProductReturnHistory", "user.behavior.purchase_history"),
    (P, "Data.Sensitive.PurchaseData.PurchaseHistory", "user.behavior.purchase_history"),
    (P, "Data.Sensitive.SocialMediaData.SocialMediaAccount", "user.social"),
    (P, "Data.Sensitive.SocialMediaData.SocialMediaActivity", "user.social"),
    (P, "Data.Sensitive.SocialMediaData.SocialMediaContact", "user.social"),
    (P, "Data.Sensitive.SpouseFamilyAndDependentDetails.DependentContactDetails", "user.contact"),
    (P, "Data.Sensitive.SpouseFamilyAndDependentDetails.DependentName", "user.name"),
    (P, "Data.Sensitive.SpouseFamilyAndDependentDetails.ParentsContactDetails", "user.contact"),
    (P, "Data.Sensitive.SpouseFamilyAndDependentDetails.ParentsName", "user.name"),
    (P, "Data.Sensitive.SpouseFamilyAndDependentDetails.SpouseContactDetails", "user.contact"),
    (P, "Data.Sensitive.SpouseFamilyAndDependentDetails.SpouseName", "user.name"),
    (P, "Data.Sensitive.TechnicalData.BrowsingHistory", "user.behavior.browsing_history"),
    (P, "Data.Sensitive.TechnicalData.BrowsingTime", "user.behavior.browsing_history"),
    (P, "Data.Sensitive.TechnicalData.CrashData", "user.device"),
    (P, "Data.Sensitive.TechnicalData.TechnicalDiagnosticData", "user.device"),
    (P, "Data.Sensitive.UsageData.ClickStream", "user.behavior.browsing_history"),
    (P, "Data.Sensitive.UsageData.ProductInteractions", "user.behavior"),
    (P, "Data.Sensitive.UsageData.SearchHistory", "user.behavior.search_history"),
    (P, "Data.Sensitive.UserContentData.CustomerSupport", "user.content.private"),
    (P, "Data.Sensitive.UserContentData.EmailsorTextMessages", "user.content.private"),
    (P, "Data.Sensitive.UserContentData.NPSorCSATScores", "user.content"),
    (P, "Data.Sensitive.UserContentData.Ratings", "user.content.public"),
    (P, "Data.Sensitive.UserContentData.Reviews", "user.content.public"),
    (P, "Data.Sensitive.VehicleData.LicensePlate", "user.government_id.vehicle_registration"),
    (P, "Data.Sensitive.VehicleData.VehicleRegistrationNumber", "user.government_id.vehicle_registration"),
    (P, "Data.Sensitive.WorkplaceMonitoringData.ApplicationUsage", "user.workplace"),
    (P, "Data.Sensitive.WorkplaceMonitoringData.BuildingInformationSystemAccess", "user.workplace"),
    (P, "Data.Sensitive.WorkplaceMonitoringData.VideoRecordings", "user.workplace"),
    (P, "Data.Sensitive.WorkplaceMonitoringData.WebsiteFiltering", "user.workplace"),
];

/// The category of a scanner data type: `[evidence.map]` first, then the built-in table
/// (case-insensitive), then the type itself when it is a data category key of `taxonomy`.
pub fn category<'a>(
    data_type: &'a str,
    overrides: &'a BTreeMap<String, String>,
    taxonomy: &Taxonomy,
) -> Option<&'a str> {
    if let Some(c) = overrides.get(data_type) {
        return Some(c);
    }
    if let Some((_, c)) = overrides
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(data_type))
    {
        return Some(c);
    }
    if let Some((_, _, c)) = TABLE
        .iter()
        .find(|(_, t, _)| t.eq_ignore_ascii_case(data_type))
    {
        return Some(c);
    }
    taxonomy.categories.contains(data_type).then_some(data_type)
}

/// docs/evidence.md's table, one row per scanner type.
pub fn markdown() -> String {
    let mut out = String::from("| scanner | data type | data category |\n| --- | --- | --- |\n");
    for (source, ty, cat) in TABLE {
        let s = match source {
            Source::Bearer => "Bearer",
            Source::Privado => "Privado",
        };
        out.push_str(&format!("| {s} | {ty} | `{cat}` |\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapped_category_is_a_fideslang_key_and_types_are_unique() {
        let t = Taxonomy::fideslang();
        let mut seen = std::collections::HashSet::new();
        for (_, ty, cat) in TABLE {
            assert!(t.categories.contains(cat), "{ty} -> {cat}");
            assert!(seen.insert(ty.to_ascii_lowercase()), "{ty} twice");
        }
        let bearer = TABLE.iter().filter(|r| r.0 == Source::Bearer).count();
        assert_eq!(
            bearer, 122,
            "Bearer's classification database has 122 data types"
        );
    }

    /// docs/evidence.md shows the table as it is (`CANDOR_UPDATE_DOCS=1` rewrites it).
    #[test]
    fn evidence_md_shows_the_table() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/evidence.md");
        let text = std::fs::read_to_string(&path).expect("docs/evidence.md");
        let start = "<!-- generated from src/load/evidence/map.rs: do not edit -->\n";
        let end = "<!-- end of generated table -->";
        let from = text.find(start).expect("start marker") + start.len();
        let to = from + text[from..].find(end).expect("end marker");
        if std::env::var_os("CANDOR_UPDATE_DOCS").is_some() {
            let updated = format!("{}{}{}", &text[..from], markdown(), &text[to..]);
            std::fs::write(&path, updated).expect("write docs/evidence.md");
            return;
        }
        assert_eq!(
            &text[from..to],
            markdown(),
            "docs/evidence.md is out of date: run `CANDOR_UPDATE_DOCS=1 cargo test evidence_md`"
        );
    }

    #[test]
    fn overrides_win_and_category_keys_map_to_themselves() {
        let t = Taxonomy::fideslang();
        let mut o = BTreeMap::new();
        assert_eq!(
            category("email address", &o, &t),
            Some("user.contact.email")
        );
        assert_eq!(
            category("user.contact.phone_number", &o, &t),
            Some("user.contact.phone_number")
        );
        assert_eq!(category("Shoe Size", &o, &t), None);
        o.insert(
            "Shoe Size".to_string(),
            "user.demographic.profile".to_string(),
        );
        o.insert("Email Address".to_string(), "user.contact".to_string());
        assert_eq!(
            category("Shoe Size", &o, &t),
            Some("user.demographic.profile")
        );
        assert_eq!(category("Email Address", &o, &t), Some("user.contact"));
    }
}
