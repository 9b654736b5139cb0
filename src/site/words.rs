//! Plain-language wording of catalog values: "2 years after you close your account", "You can
//! say no", "A service provider acting on our instructions". Pages lead with these words and
//! show the taxonomy keys as secondary detail.

use crate::link::{
    Disposal, LegalBasis, Necessity, RecipientRole, RetentionPeriod, RetentionPolicy, Source,
};

/// "2 years", "1 year and 6 months", "30 days"; `None` for a zero-length period.
pub fn period(period: &RetentionPeriod) -> Option<String> {
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
        (*years, "year"),
        (*months, "month"),
        (*weeks, "week"),
        (*days, "day"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, unit)| count(n as usize, unit, &format!("{unit}s")))
    .collect();
    match parts.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// "1 element", "3 elements".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The moment a retention clock starts, as the end of "... after <phrase>".
fn trigger_phrase(trigger: &str) -> String {
    let t = trigger.trim().to_ascii_lowercase().replace(['_', '-'], " ");
    let phrase = match t.as_str() {
        "" | "collection" | "collected" | "creation" | "created" => "we collect it",
        "last activity" | "last use" | "last login" | "inactivity" => "your last activity",
        "account closure" | "account closed" | "account deletion" | "closure" => {
            "you close your account"
        }
        "end of contract" | "contract end" | "contract termination" => "the contract ends",
        "purchase" | "order" | "transaction" => "your purchase",
        "consent withdrawal" | "withdrawal of consent" => "you withdraw your consent",
        "end of employment" | "employment end" => "employment ends",
        "end of session" | "session end" => "the session ends",
        _ => return trigger.trim().to_string(),
    };
    phrase.to_string()
}

/// How long a policy keeps data, in one phrase: "2 years after you close your account",
/// "until the session ends", "no fixed limit".
pub fn retention_summary(policy: &RetentionPolicy) -> String {
    let trigger = policy.trigger.as_deref().unwrap_or("");
    match (&policy.period, period(&policy.period)) {
        (RetentionPeriod::Indefinite, _) => "No fixed time limit".to_string(),
        (_, Some(p)) => format!("{p} after {}", trigger_phrase(trigger)),
        (_, None) if trigger.trim().is_empty() => "Deleted straight away".to_string(),
        (_, None) => format!("Until {}", trigger_phrase(trigger)),
    }
}

/// The short period label used on charts and badges: "2 years", "indefinite", "none".
pub fn period_label(p: &RetentionPeriod) -> String {
    match p {
        RetentionPeriod::Indefinite => "indefinite".to_string(),
        fixed => period(fixed).unwrap_or_else(|| "0 days".to_string()),
    }
}

/// What happens when the period ends.
pub fn disposal(d: Disposal) -> &'static str {
    match d {
        Disposal::Delete => "then deleted",
        Disposal::Anonymize => "then anonymised, so it no longer identifies you",
        Disposal::Archive => "then archived, with access restricted",
    }
}

pub fn legal_basis(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "Your consent",
        LegalBasis::Contract => "Needed for our contract with you",
        LegalBasis::LegalObligation => "Required by law",
        LegalBasis::VitalInterests => "To protect someone's life",
        LegalBasis::PublicTask => "A task in the public interest",
        LegalBasis::LegitimateInterests => "Our legitimate interests",
    }
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

pub fn necessity(n: Necessity) -> &'static str {
    match n {
        Necessity::Required => "Required",
        Necessity::Optional => "Optional: you can say no",
    }
}

pub fn source(s: Source) -> &'static str {
    match s {
        Source::Provided => "You give it to us",
        Source::Observed => "We observe it when you use our services",
        Source::Inferred => "We work it out from other data",
        Source::ThirdParty => "We receive it from someone else",
    }
}

pub fn role(r: RecipientRole) -> &'static str {
    match r {
        RecipientRole::Processor => "Service provider acting on our instructions",
        RecipientRole::Controller => "Independent organisation deciding its own uses",
        RecipientRole::JointController => "Shares responsibility with us",
    }
}

pub fn role_key(r: RecipientRole) -> &'static str {
    match r {
        RecipientRole::Processor => "processor",
        RecipientRole::Controller => "controller",
        RecipientRole::JointController => "joint_controller",
    }
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
        let s = |p, t| retention_summary(&policy(p, t));
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
