//! Google Play's Data safety form: its data types and purposes, with their machine-readable
//! ids, in the order Play Console lists them.

/// One Play data type: its section's question id, its response id and its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlayType {
    pub question: &'static str,
    pub response: &'static str,
    pub section: &'static str,
    pub label: &'static str,
}

const fn t(
    question: &'static str,
    response: &'static str,
    section: &'static str,
    label: &'static str,
) -> PlayType {
    PlayType {
        question,
        response,
        section,
        label,
    }
}

/// Every data type of the Play Console form, in its order.
pub const TYPES: &[PlayType] = &[
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_NAME",
        "Personal info",
        "Name",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_EMAIL",
        "Personal info",
        "Email address",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_USER_ACCOUNT",
        "Personal info",
        "User IDs",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_ADDRESS",
        "Personal info",
        "Address",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_PHONE",
        "Personal info",
        "Phone number",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_RACE_ETHNICITY",
        "Personal info",
        "Race and ethnicity",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_POLITICAL_RELIGIOUS",
        "Personal info",
        "Political or religious beliefs",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY",
        "Personal info",
        "Sexual orientation",
    ),
    t(
        "PSL_DATA_TYPES_PERSONAL",
        "PSL_OTHER_PERSONAL",
        "Personal info",
        "Other info",
    ),
    t(
        "PSL_DATA_TYPES_FINANCIAL",
        "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER",
        "Financial info",
        "User payment info",
    ),
    t(
        "PSL_DATA_TYPES_FINANCIAL",
        "PSL_PURCHASE_HISTORY",
        "Financial info",
        "Purchase history",
    ),
    t(
        "PSL_DATA_TYPES_FINANCIAL",
        "PSL_CREDIT_SCORE",
        "Financial info",
        "Credit score",
    ),
    t(
        "PSL_DATA_TYPES_FINANCIAL",
        "PSL_OTHER",
        "Financial info",
        "Other financial info",
    ),
    t(
        "PSL_DATA_TYPES_LOCATION",
        "PSL_APPROX_LOCATION",
        "Location",
        "Approximate location",
    ),
    t(
        "PSL_DATA_TYPES_LOCATION",
        "PSL_PRECISE_LOCATION",
        "Location",
        "Precise location",
    ),
    t(
        "PSL_DATA_TYPES_SEARCH_AND_BROWSING",
        "PSL_WEB_BROWSING_HISTORY",
        "Web browsing",
        "Web browsing history",
    ),
    t(
        "PSL_DATA_TYPES_EMAIL_AND_TEXT",
        "PSL_EMAILS",
        "Messages",
        "Emails",
    ),
    t(
        "PSL_DATA_TYPES_EMAIL_AND_TEXT",
        "PSL_SMS_CALL_LOG",
        "Messages",
        "SMS or MMS",
    ),
    t(
        "PSL_DATA_TYPES_EMAIL_AND_TEXT",
        "PSL_OTHER_MESSAGES",
        "Messages",
        "Other in-app messages",
    ),
    t(
        "PSL_DATA_TYPES_PHOTOS_AND_VIDEOS",
        "PSL_PHOTOS",
        "Photos and videos",
        "Photos",
    ),
    t(
        "PSL_DATA_TYPES_PHOTOS_AND_VIDEOS",
        "PSL_VIDEOS",
        "Photos and videos",
        "Videos",
    ),
    t(
        "PSL_DATA_TYPES_AUDIO",
        "PSL_AUDIO",
        "Audio files",
        "Voice or sound recordings",
    ),
    t(
        "PSL_DATA_TYPES_AUDIO",
        "PSL_MUSIC",
        "Audio files",
        "Music files",
    ),
    t(
        "PSL_DATA_TYPES_AUDIO",
        "PSL_OTHER_AUDIO",
        "Audio files",
        "Other audio files",
    ),
    t(
        "PSL_DATA_TYPES_HEALTH_AND_FITNESS",
        "PSL_HEALTH",
        "Health and fitness",
        "Health info",
    ),
    t(
        "PSL_DATA_TYPES_HEALTH_AND_FITNESS",
        "PSL_FITNESS",
        "Health and fitness",
        "Fitness info",
    ),
    t(
        "PSL_DATA_TYPES_CONTACTS",
        "PSL_CONTACTS",
        "Contacts",
        "Contacts",
    ),
    t(
        "PSL_DATA_TYPES_CALENDAR",
        "PSL_CALENDAR",
        "Calendar",
        "Calendar events",
    ),
    t(
        "PSL_DATA_TYPES_APP_PERFORMANCE",
        "PSL_CRASH_LOGS",
        "App info and performance",
        "Crash logs",
    ),
    t(
        "PSL_DATA_TYPES_APP_PERFORMANCE",
        "PSL_PERFORMANCE_DIAGNOSTICS",
        "App info and performance",
        "Diagnostics",
    ),
    t(
        "PSL_DATA_TYPES_APP_PERFORMANCE",
        "PSL_OTHER_PERFORMANCE",
        "App info and performance",
        "Other app performance data",
    ),
    t(
        "PSL_DATA_TYPES_FILES_AND_DOCS",
        "PSL_FILES_AND_DOCS",
        "Files and docs",
        "Files and docs",
    ),
    t(
        "PSL_DATA_TYPES_APP_ACTIVITY",
        "PSL_USER_INTERACTION",
        "App activity",
        "App interactions",
    ),
    t(
        "PSL_DATA_TYPES_APP_ACTIVITY",
        "PSL_IN_APP_SEARCH_HISTORY",
        "App activity",
        "In-app search history",
    ),
    t(
        "PSL_DATA_TYPES_APP_ACTIVITY",
        "PSL_APPS_ON_DEVICE",
        "App activity",
        "Installed apps",
    ),
    t(
        "PSL_DATA_TYPES_APP_ACTIVITY",
        "PSL_USER_GENERATED_CONTENT",
        "App activity",
        "Other user-generated content",
    ),
    t(
        "PSL_DATA_TYPES_APP_ACTIVITY",
        "PSL_OTHER_APP_ACTIVITY",
        "App activity",
        "Other actions",
    ),
    t(
        "PSL_DATA_TYPES_IDENTIFIERS",
        "PSL_DEVICE_ID",
        "Device or other IDs",
        "Device or other IDs",
    ),
];

/// Play's purposes (for collection and for sharing), in the form's order.
pub const PURPOSES: &[(&str, &str)] = &[
    ("PSL_APP_FUNCTIONALITY", "App functionality"),
    ("PSL_ANALYTICS", "Analytics"),
    ("PSL_DEVELOPER_COMMUNICATIONS", "Developer communications"),
    (
        "PSL_FRAUD_PREVENTION_SECURITY",
        "Fraud prevention, security, and compliance",
    ),
    ("PSL_ADVERTISING", "Advertising or marketing"),
    ("PSL_PERSONALIZATION", "Personalization"),
    ("PSL_ACCOUNT_MANAGEMENT", "Account management"),
];
