//! How fideslang data categories and data uses map onto Google Play's Data safety data types
//! and purposes. `docs/exports.md` documents the same tables; a test keeps the two in step.

pub use super::play_form::{PlayType, PURPOSES, TYPES};

/// fideslang data category -> Play data type (response id). The nearest listed ancestor of a
/// category decides; categories outside `user` are not personal data of app users.
pub const CATEGORY_MAP: &[(&str, &str)] = &[
    ("user", "PSL_OTHER_PERSONAL"),
    ("user.name", "PSL_NAME"),
    ("user.contact.email", "PSL_EMAIL"),
    ("user.contact.address", "PSL_ADDRESS"),
    ("user.contact.phone_number", "PSL_PHONE"),
    ("user.contact.fax_number", "PSL_PHONE"),
    ("user.account.username", "PSL_USER_ACCOUNT"),
    ("user.unique_id", "PSL_USER_ACCOUNT"),
    ("user.demographic.race_ethnicity", "PSL_RACE_ETHNICITY"),
    (
        "user.demographic.political_opinion",
        "PSL_POLITICAL_RELIGIOUS",
    ),
    (
        "user.demographic.religious_belief",
        "PSL_POLITICAL_RELIGIOUS",
    ),
    (
        "user.demographic.sexual_orientation",
        "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY",
    ),
    ("user.financial", "PSL_OTHER"),
    (
        "user.financial.bank_account",
        "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER",
    ),
    (
        "user.financial.credit_card",
        "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER",
    ),
    ("user.payment", "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER"),
    ("user.behavior", "PSL_OTHER_APP_ACTIVITY"),
    ("user.behavior.purchase_history", "PSL_PURCHASE_HISTORY"),
    ("user.behavior.browsing_history", "PSL_WEB_BROWSING_HISTORY"),
    ("user.behavior.search_history", "PSL_IN_APP_SEARCH_HISTORY"),
    ("user.behavior.media_consumption", "PSL_USER_INTERACTION"),
    ("user.social", "PSL_USER_INTERACTION"),
    ("user.privacy_preferences", "PSL_OTHER_APP_ACTIVITY"),
    ("user.location", "PSL_APPROX_LOCATION"),
    ("user.location.precise", "PSL_PRECISE_LOCATION"),
    ("user.content", "PSL_USER_GENERATED_CONTENT"),
    ("user.content.self_image", "PSL_PHOTOS"),
    ("user.health_and_medical", "PSL_HEALTH"),
    ("user.biometric.health", "PSL_HEALTH"),
    ("user.biometric.voice", "PSL_AUDIO"),
    ("user.device", "PSL_DEVICE_ID"),
    ("user.telemetry", "PSL_OTHER_PERFORMANCE"),
];

/// fideslang data use -> Play purpose. The nearest listed ancestor of a use decides.
pub const USE_MAP: &[(&str, &str)] = &[
    ("analytics", "PSL_ANALYTICS"),
    ("analytics.reporting.ad_performance", "PSL_ADVERTISING"),
    ("collect", "PSL_APP_FUNCTIONALITY"),
    ("employment", "PSL_APP_FUNCTIONALITY"),
    ("essential", "PSL_APP_FUNCTIONALITY"),
    ("essential.fraud_detection", "PSL_FRAUD_PREVENTION_SECURITY"),
    (
        "essential.legal_obligation",
        "PSL_FRAUD_PREVENTION_SECURITY",
    ),
    ("essential.service.authentication", "PSL_ACCOUNT_MANAGEMENT"),
    (
        "essential.service.notifications",
        "PSL_DEVELOPER_COMMUNICATIONS",
    ),
    ("essential.service.operations.improve", "PSL_ANALYTICS"),
    (
        "essential.service.security",
        "PSL_FRAUD_PREVENTION_SECURITY",
    ),
    ("essential.service.upgrades", "PSL_DEVELOPER_COMMUNICATIONS"),
    ("finance", "PSL_FRAUD_PREVENTION_SECURITY"),
    ("functional", "PSL_APP_FUNCTIONALITY"),
    ("functional.service.improve", "PSL_ANALYTICS"),
    ("marketing", "PSL_ADVERTISING"),
    ("operations", "PSL_APP_FUNCTIONALITY"),
    ("personalize", "PSL_PERSONALIZATION"),
    ("sales", "PSL_ADVERTISING"),
    ("third_party_sharing", "PSL_APP_FUNCTIONALITY"),
    (
        "third_party_sharing.legal_obligation",
        "PSL_FRAUD_PREVENTION_SECURITY",
    ),
    ("train_ai_system", "PSL_ANALYTICS"),
];

/// Data subjects who are not users of an app: data only about them stays out of the export.
pub const NON_USER_SUBJECTS: &[&str] = &[
    "consultant",
    "employee",
    "job_applicant",
    "next_of_kin",
    "shareholder",
    "supplier_vendor",
    "trainee",
];

/// The value a key maps to: that of the key itself or its nearest ancestor in `lineage`
/// (nearest first), else `None`.
pub fn lookup<'k, 'v>(
    map: &[(&str, &'v str)],
    lineage: impl IntoIterator<Item = &'k str>,
) -> Option<&'v str> {
    lineage
        .into_iter()
        .find_map(|k| map.iter().find(|(key, _)| *key == k).map(|(_, v)| *v))
}

/// `a.b.c` -> `a.b.c`, `a.b`, `a` (for keys the taxonomy does not know).
pub fn prefixes(key: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(key), |k| k.rsplit_once('.').map(|(p, _)| p))
}

/// The two mapping tables as the Markdown `docs/exports.md` shows (a test compares them).
pub fn markdown_tables() -> String {
    let play_type = |r: &str| {
        TYPES
            .iter()
            .find(|t| t.response == r)
            .map_or(String::new(), |t| format!("{} / {}", t.section, t.label))
    };
    let purpose = |r: &str| {
        PURPOSES
            .iter()
            .find(|(p, _)| *p == r)
            .map_or("", |(_, n)| *n)
    };
    let mut out = String::from("| fideslang data category | Play data type |\n| --- | --- |\n");
    for (k, v) in CATEGORY_MAP {
        out.push_str(&format!("| `{k}` | {} (`{v}`) |\n", play_type(v)));
    }
    out.push_str("\n| fideslang data use | Play purpose |\n| --- | --- |\n");
    for (k, v) in USE_MAP {
        out.push_str(&format!("| `{k}` | {} (`{v}`) |\n", purpose(v)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Taxonomy;

    #[test]
    fn docs_show_the_mapping_used() {
        let docs = include_str!("../../docs/exports.md");
        let tables = markdown_tables();
        assert!(
            docs.contains(&tables),
            "docs/exports.md must contain these tables exactly:\n\n{tables}"
        );
    }

    #[test]
    fn every_mapped_key_is_fideslang_and_every_target_is_play() {
        let tax = Taxonomy::fideslang();
        for (key, target) in CATEGORY_MAP {
            assert!(tax.categories.contains(key), "{key}");
            assert!(TYPES.iter().any(|t| t.response == *target), "{target}");
        }
        for (key, target) in USE_MAP {
            assert!(tax.uses.contains(key), "{key}");
            assert!(PURPOSES.iter().any(|(p, _)| p == target), "{target}");
        }
        for s in NON_USER_SUBJECTS {
            assert!(tax.subjects.contains(s), "{s}");
        }
        assert_eq!(TYPES.len(), 38);
    }

    #[test]
    fn nearest_ancestor_decides() {
        assert_eq!(
            lookup(CATEGORY_MAP, prefixes("user.contact.email")),
            Some("PSL_EMAIL")
        );
        assert_eq!(
            lookup(CATEGORY_MAP, prefixes("user.contact.url")),
            Some("PSL_OTHER_PERSONAL")
        );
        assert_eq!(lookup(CATEGORY_MAP, prefixes("system.operations")), None);
        assert_eq!(
            lookup(USE_MAP, prefixes("marketing.communications.email")),
            Some("PSL_ADVERTISING")
        );
        assert_eq!(
            lookup(USE_MAP, prefixes("essential.service.notifications.email")),
            Some("PSL_DEVELOPER_COMMUNICATIONS")
        );
    }
}
