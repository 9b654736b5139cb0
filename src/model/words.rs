//! Plain-language wording of catalog values: "2 years after you close your account", "You can
//! say no", "A service provider acting on our instructions". Pages lead with these words and
//! show the taxonomy keys as secondary detail.

use crate::i18n::Strings;
use crate::model::{
    Disposal, LegalBasis, ModelStatus, Necessity, RecipientRole, RetentionPeriod, RetentionPolicy,
    Source, SpecialCategoryCondition, TransferMechanism,
};

/// "2 years", "1 year and 6 months", "30 days"; `None` for a zero-length period.
pub fn period(l: &Strings, period: &RetentionPeriod) -> Option<String> {
    let RetentionPeriod::Fixed {
        years,
        months,
        weeks,
        days,
        ..
    } = period
    else {
        return None;
    };
    let parts: Vec<String> = [
        (*years, "words.year"),
        (*months, "words.month"),
        (*weeks, "words.week"),
        (*days, "words.day"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, unit)| l.count(unit, n as usize))
    .collect();
    match parts.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!(
            "{}{}{last}",
            init.join(l.get("meta.list_sep")),
            l.get("words.and")
        )),
    }
}

/// "1 change", "3 changes" (English; the site's own counts come from its translation file).
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The known moment a retention clock starts, as a key of `words.trigger_after`.
fn trigger_key(trigger: &str) -> Option<&'static str> {
    let t = trigger.trim().to_ascii_lowercase().replace(['_', '-'], " ");
    Some(match t.as_str() {
        "" | "collection" | "collected" | "creation" | "created" => "collection",
        "last activity" | "last use" | "last login" | "inactivity" => "last_activity",
        "account closure" | "account closed" | "account deletion" | "closure" => "account_closure",
        "end of contract" | "contract end" | "contract termination" => "contract_end",
        "purchase" | "order" | "transaction" => "purchase",
        "consent withdrawal" | "withdrawal of consent" => "consent_withdrawal",
        "end of employment" | "employment end" => "employment_end",
        "end of session" | "session end" => "session_end",
        _ => return None,
    })
}

/// How long a policy keeps data, in one phrase: "2 years after you close your account",
/// "Until the session ends", "No fixed time limit".
pub fn retention_summary(l: &Strings, policy: &RetentionPolicy) -> String {
    let trigger = policy.trigger.as_deref().unwrap_or("").trim();
    let known = trigger_key(trigger);
    match (&policy.period, period(l, &policy.period)) {
        (RetentionPeriod::Indefinite, _) => l.get("words.no_limit").to_string(),
        (_, Some(p)) => match known {
            Some(k) => l.fill(
                "words.after",
                &[
                    ("period", &p),
                    ("trigger", l.get(&format!("words.trigger_after.{k}"))),
                ],
            ),
            None => l.fill("words.after_other", &[("period", &p), ("trigger", trigger)]),
        },
        (_, None) if trigger.is_empty() => l.get("words.straight_away").to_string(),
        (_, None) => match known {
            Some(k) => l.get(&format!("words.trigger_until.{k}")).to_string(),
            None => l.fill("words.until_other", &[("trigger", trigger)]),
        },
    }
}

/// The open-ended time before a retention period starts, when its clock starts at an event
/// after collection: "Until you close your account" (the data is kept all that time, then for
/// the period). `None` when the clock starts at collection (or purchase), or there is no limit.
pub fn retention_lead(l: &Strings, policy: &RetentionPolicy) -> Option<String> {
    let trigger = policy.trigger.as_deref().unwrap_or("").trim();
    if policy.period == RetentionPeriod::Indefinite {
        return None;
    }
    match trigger_key(trigger) {
        Some("collection" | "purchase") => None,
        Some(k) => Some(l.get(&format!("words.trigger_until.{k}")).to_string()),
        None => Some(l.fill("words.until_other", &[("trigger", trigger)])),
    }
}

/// The short period label used on charts and badges: "2 years", "indefinite", "0 days".
pub fn period_label(l: &Strings, p: &RetentionPeriod) -> String {
    match p {
        RetentionPeriod::Indefinite => l.get("words.indefinite").to_string(),
        fixed => period(l, fixed).unwrap_or_else(|| l.get("words.zero_days").to_string()),
    }
}

/// What happens when the period ends.
pub fn disposal(l: &'static Strings, d: Disposal) -> &'static str {
    l.get(match d {
        Disposal::Delete => "words.delete",
        Disposal::Anonymize => "words.anonymize",
        Disposal::Archive => "words.archive",
    })
}

pub fn legal_basis(l: &'static Strings, b: LegalBasis) -> &'static str {
    l.get(match legal_basis_key(b) {
        "consent" => "words.consent",
        "contract" => "words.contract",
        "legal_obligation" => "words.legal_obligation",
        "vital_interests" => "words.vital_interests",
        "public_task" => "words.public_task",
        _ => "words.legitimate_interests",
    })
}

pub fn legal_basis_key(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "consent",
        LegalBasis::Contract => "contract",
        LegalBasis::LegalObligation => "legal_obligation",
        LegalBasis::VitalInterests => "vital_interests",
        LegalBasis::PublicTask => "public_task",
        LegalBasis::LegitimateInterests => "legitimate_interests",
    }
}

pub fn necessity_key(n: Necessity) -> &'static str {
    match n {
        Necessity::Required => "required",
        Necessity::Optional => "optional",
    }
}

pub fn necessity(l: &'static Strings, n: Necessity) -> &'static str {
    l.get(match n {
        Necessity::Required => "words.required",
        Necessity::Optional => "words.optional",
    })
}

/// The GDPR Art. 9(2) condition in plain words ("Your explicit consent").
pub fn condition(l: &'static Strings, c: SpecialCategoryCondition) -> &'static str {
    use SpecialCategoryCondition as C;
    l.get(match c {
        C::ExplicitConsent => "words.condition.explicit_consent",
        C::EmploymentLaw => "words.condition.employment_law",
        C::VitalInterests => "words.condition.vital_interests",
        C::NonprofitMembers => "words.condition.nonprofit_members",
        C::MadePublic => "words.condition.made_public",
        C::LegalClaims => "words.condition.legal_claims",
        C::SubstantialPublicInterest => "words.condition.substantial_public_interest",
        C::HealthCare => "words.condition.health_care",
        C::PublicHealth => "words.condition.public_health",
        C::Research => "words.condition.research",
    })
}

/// A transfer mechanism in plain words ("Standard contractual clauses").
pub fn mechanism(l: &'static Strings, m: TransferMechanism) -> &'static str {
    l.get(match m {
        TransferMechanism::Adequacy => "words.mechanism.adequacy",
        TransferMechanism::Scc => "words.mechanism.scc",
        TransferMechanism::Bcr => "words.mechanism.bcr",
        TransferMechanism::Derogation => "words.mechanism.derogation",
        TransferMechanism::None => "words.mechanism.none",
    })
}

/// Where a country stands for transfers ("outside the EEA, with an EU adequacy decision");
/// `None` for a text the matcher does not recognise.
pub fn place(l: &'static Strings, country: &str) -> Option<&'static str> {
    Some(l.get(match crate::country::classify(country).key() {
        "eea" => "words.place.eea",
        "adequacy" => "words.place.adequacy",
        "adequacy_partial" => "words.place.adequacy_partial",
        "third_country" => "words.place.third_country",
        _ => return None,
    }))
}

pub fn source_key(s: Source) -> &'static str {
    match s {
        Source::Provided => "provided",
        Source::Observed => "observed",
        Source::Inferred => "inferred",
        Source::ThirdParty => "third_party",
    }
}

pub fn source(l: &'static Strings, s: Source) -> &'static str {
    l.get(match s {
        Source::Provided => "words.provided",
        Source::Observed => "words.observed",
        Source::Inferred => "words.inferred",
        Source::ThirdParty => "words.third_party",
    })
}

pub fn role(l: &'static Strings, r: RecipientRole) -> &'static str {
    l.get(match r {
        RecipientRole::Processor => "words.processor",
        RecipientRole::Controller => "words.controller",
        RecipientRole::JointController => "words.joint_controller",
    })
}

pub fn role_key(r: RecipientRole) -> &'static str {
    match r {
        RecipientRole::Processor => "processor",
        RecipientRole::Controller => "controller",
        RecipientRole::JointController => "joint_controller",
    }
}

/// A model card's status: "In use", "Pilot", "Retired".
pub fn status(l: &'static Strings, s: ModelStatus) -> &'static str {
    l.get(match s {
        ModelStatus::Production => "words.in_use",
        ModelStatus::Pilot => "words.pilot",
        ModelStatus::Retired => "words.retired",
    })
}

/// `true` for an `http(s)` URL that is safe to put in an `href`.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !lower.contains(['<', '>'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Origin;
    use std::path::Path;
    use std::sync::Arc;

    fn fixed(years: u32, months: u32, weeks: u32, days: u32) -> RetentionPeriod {
        RetentionPeriod::Fixed {
            iso: String::new(),
            years,
            months,
            weeks,
            days,
        }
    }

    fn policy(p: RetentionPeriod, trigger: Option<&str>) -> RetentionPolicy {
        RetentionPolicy {
            id: "p".into(),
            name: "P".into(),
            period: p,
            trigger: trigger.map(str::to_string),
            disposal: None,
            legal_reference: None,
            description: None,
            uses: vec![],
            origin: Origin::new(&Arc::from(Path::new("retention.csv")), 2),
        }
    }

    fn en() -> &'static Strings {
        crate::i18n::strings(None)
    }

    fn period(p: &RetentionPeriod) -> Option<String> {
        super::period(en(), p)
    }

    #[test]
    fn periods_in_words() {
        assert_eq!(period(&fixed(2, 0, 0, 0)).as_deref(), Some("2 years"));
        assert_eq!(
            period(&fixed(1, 6, 0, 0)).as_deref(),
            Some("1 year and 6 months")
        );
        assert_eq!(
            period(&fixed(1, 1, 1, 1)).as_deref(),
            Some("1 year, 1 month, 1 week and 1 day")
        );
        assert_eq!(period(&fixed(0, 0, 0, 30)).as_deref(), Some("30 days"));
        assert_eq!(period(&fixed(0, 0, 0, 0)), None);
        assert_eq!(period(&RetentionPeriod::Indefinite), None);
    }

    #[test]
    fn summaries_combine_period_and_trigger() {
        let s = |p, t| retention_summary(en(), &policy(p, t));
        assert_eq!(
            s(fixed(0, 0, 0, 30), Some("account closure")),
            "30 days after you close your account"
        );
        assert_eq!(s(fixed(2, 0, 0, 0), None), "2 years after we collect it");
        assert_eq!(
            s(fixed(0, 0, 0, 0), Some("account_closure")),
            "Until you close your account"
        );
        assert_eq!(
            s(fixed(0, 0, 0, 0), Some("a court order")),
            "Until a court order"
        );
        assert_eq!(
            s(fixed(7, 0, 0, 0), Some("the end of the tax year")),
            "7 years after the end of the tax year"
        );
        assert_eq!(
            s(RetentionPeriod::Indefinite, Some("collection")),
            "No fixed time limit"
        );
    }

    #[test]
    fn only_web_urls_are_links() {
        assert!(is_web_url("https://example.com/dpa"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("//evil.example"));
    }
}
