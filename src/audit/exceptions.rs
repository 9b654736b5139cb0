//! `[[audit.exceptions]]`: marks the findings an organisation accepts (they stay in the
//! report, with the reason), and reports exceptions that expired (`expired-exception`, no
//! longer suppressing), match nothing (`stale-exception`) or run too long or forever
//! (`exception-too-long`).

use std::collections::HashMap;

use super::finding::Accepted;
use super::rules::{EXCEPTION_TOO_LONG, EXPIRED_EXCEPTION, STALE_EXCEPTION};
use super::settings::Exception;
use super::{Cx, Draft, Out};

fn subject(x: &Exception) -> String {
    match (&x.element, &x.model) {
        (Some(e), Some(m)) => format!(" on element `{e}` and model `{m}`"),
        (Some(e), None) => format!(" on element `{e}`"),
        (None, Some(m)) => format!(" on model `{m}`"),
        (None, None) => String::new(),
    }
}

pub(crate) fn apply(cx: &Cx<'_>, out: &mut Out<'_>) {
    let exceptions = &cx.settings.exceptions;
    let mut by_rule: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, x) in exceptions.iter().enumerate() {
        if x.is_active(cx.today) {
            by_rule.entry(x.rule).or_default().push(i);
        }
    }
    let mut matched = vec![0usize; exceptions.len()];
    for f in &mut out.findings {
        let Some(candidates) = by_rule.get(f.rule) else {
            continue;
        };
        let hit = candidates.iter().copied().find(|&i| {
            let x = &exceptions[i];
            x.element
                .as_ref()
                .is_none_or(|e| f.element.as_ref() == Some(e))
                && x.model.as_ref().is_none_or(|m| f.model.as_ref() == Some(m))
        });
        if let Some(i) = hit {
            let x = &exceptions[i];
            matched[i] += 1;
            f.accepted = Some(Accepted {
                reason: x.reason.clone(),
                expires: x.expires,
                origin: x.origin.clone(),
            });
        }
    }
    for (i, x) in exceptions.iter().enumerate() {
        let with = |d: Draft| {
            let d = match &x.element {
                Some(e) => d.element(e),
                None => d,
            };
            match &x.model {
                Some(m) => d.model(m),
                None => d,
            }
        };
        let limit = cx.settings.max_exception_days;
        let too_long = match x.expires {
            None => {
                Some("has no `expires` date, so it never comes up for review again".to_string())
            }
            Some(d) => {
                let days = i64::from((d - cx.today).get_days());
                (days > i64::from(limit)).then(|| {
                    format!("runs until {d}, {days} days from today (limit: {limit} days)")
                })
            }
        };
        if let Some(why) = too_long {
            out.emit(EXCEPTION_TOO_LONG, &x.origin, || {
                with(Draft::new(
                    format!("the exception for `{}`{} {why}", x.rule, subject(x)),
                    format!(
                        "set `expires` to a date within {limit} days (e.g. {}), when the decision is taken again",
                        cx.today
                            .checked_add(jiff::Span::new().days(i64::from(limit)))
                            .unwrap_or(cx.today)
                    ),
                ))
            });
        }
        if !x.is_active(cx.today) {
            let expired = x.expires.map_or(String::new(), |d| d.to_string());
            out.emit(EXPIRED_EXCEPTION, &x.origin, || {
                with(Draft::new(
                    format!(
                        "the exception for `{}`{} expired on {expired}; its findings are reported again",
                        x.rule,
                        subject(x)
                    ),
                    "fix the findings, or review the exception and move `expires`",
                ))
            });
        } else if matched[i] == 0 {
            out.emit(STALE_EXCEPTION, &x.origin, || {
                with(Draft::new(
                    format!(
                        "the exception for `{}`{} matches no finding",
                        x.rule,
                        subject(x)
                    ),
                    "delete the exception: the finding it accepted is gone",
                ))
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use jiff::civil::date;

    use crate::audit::testing::{Site, TODAY};
    use crate::audit::{audit, Audit, Settings};
    use crate::config::Config;
    use crate::diag::Diagnostics;

    /// A site with one unbounded use of `email` and one of `phone`, and `toml` as candor.toml.
    fn audit_with(toml: &str) -> Result<Audit, Diagnostics> {
        let mut s = Site::new();
        let forever = s.policy("forever", None);
        for id in ["email", "phone"] {
            s.element(id, "user.contact.email");
            s.use_(id, "essential.service").retention = Some(forever);
        }
        s.cat.config = Config::parse(toml, Path::new("candor.toml")).unwrap();
        let cat = s.finish();
        let settings = Settings::from_catalog(&cat, Path::new("candor.toml"))?;
        Ok(audit(&cat, &settings, TODAY))
    }

    const EXCEPT_EMAIL: &str = "[[audit.exceptions]]\nrule = \"unbounded-retention\"\nelement = \"email\"\nreason = \"Proof of consent must outlive the account.\"\n";

    #[test]
    fn a_valid_exception_accepts_its_finding_and_keeps_it() {
        let a = audit_with(EXCEPT_EMAIL).unwrap();
        let unbounded: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == "unbounded-retention")
            .collect();
        assert_eq!(unbounded.len(), 2);
        let email = unbounded
            .iter()
            .find(|f| f.element.as_deref() == Some("email"))
            .unwrap();
        let accepted = email.accepted.as_ref().expect("accepted");
        assert_eq!(
            accepted.reason,
            "Proof of consent must outlive the account."
        );
        assert_eq!(accepted.origin.to_string(), "candor.toml:1");
        let phone = unbounded
            .iter()
            .find(|f| f.element.as_deref() == Some("phone"))
            .unwrap();
        assert!(phone.is_open());
        assert_eq!(a.accepted().count(), 1);
    }

    #[test]
    fn an_exception_without_element_accepts_the_whole_rule() {
        let a = audit_with(
            "[[audit.exceptions]]\nrule = \"unbounded-retention\"\nreason = \"Archive.\"\n",
        )
        .unwrap();
        assert_eq!(a.accepted().count(), 2);
        assert!(a.open().all(|f| f.rule != "unbounded-retention"));
    }

    #[test]
    fn an_expired_exception_stops_suppressing_and_is_reported() {
        let toml = format!("{EXCEPT_EMAIL}expires = 2026-11-29\n");
        let a = audit_with(&toml).unwrap();
        assert_eq!(a.accepted().count(), 0);
        let expired: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == "expired-exception")
            .collect();
        assert_eq!(expired.len(), 1);
        assert_eq!(expired[0].origin.to_string(), "candor.toml:1");
        assert!(expired[0].message.contains("expired on 2026-11-29"));
        // On its last day it still applies.
        let toml = format!("{EXCEPT_EMAIL}expires = {TODAY}\n");
        assert_eq!(audit_with(&toml).unwrap().accepted().count(), 1);
        assert!(TODAY > date(2026, 11, 29));
    }

    #[test]
    fn an_exception_without_expiry_or_beyond_the_limit_is_too_long() {
        let a = audit_with(EXCEPT_EMAIL).unwrap();
        let too_long: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == "exception-too-long")
            .collect();
        assert_eq!(too_long.len(), 1);
        assert_eq!(too_long[0].origin.to_string(), "candor.toml:1");
        assert!(too_long[0].message.contains("no `expires`"));
        let a = audit_with(&format!("{EXCEPT_EMAIL}expires = 2027-12-01\n")).unwrap();
        let f = a.findings.iter().find(|f| f.rule == "exception-too-long");
        assert!(f.unwrap().message.contains("366 days from today"));
    }

    #[test]
    fn near_miss_an_exception_expiring_within_the_limit() {
        let a = audit_with(&format!("{EXCEPT_EMAIL}expires = 2027-11-30\n")).unwrap();
        assert!(a.findings.iter().all(|f| f.rule != "exception-too-long"));
    }

    #[test]
    fn an_exception_matching_nothing_is_stale() {
        let toml = "[[audit.exceptions]]\nrule = \"missing-retention\"\nelement = \"email\"\nreason = \"x\"\n";
        let a = audit_with(toml).unwrap();
        assert!(a.findings.iter().any(|f| f.rule == "stale-exception"));
    }

    #[test]
    fn an_exception_without_reason_is_an_input_error() {
        let toml = "title = \"t\"\n\n[[audit.exceptions]]\nrule = \"unbounded-retention\"\nelement = \"email\"\nreason = \"  \"\n";
        let errs = audit_with(toml).unwrap_err();
        assert_eq!(errs.len(), 1);
        let d = errs.iter().next().unwrap();
        assert_eq!(d.line, Some(3));
        assert!(d.message.contains("has no reason"), "{}", d.message);
    }

    #[test]
    fn unknown_rule_element_and_model_are_input_errors_with_suggestions() {
        let toml = "[[audit.exceptions]]\nrule = \"unbounded-retension\"\nreason = \"r\"\n\
                    [[audit.exceptions]]\nrule = \"vague-purpose\"\nelement = \"emial\"\nreason = \"r\"\n\
                    [[audit.exceptions]]\nrule = \"vague-purpose\"\nmodel = \"recommender\"\nreason = \"r\"\n";
        let errs = audit_with(toml).unwrap_err();
        let got: Vec<_> = errs
            .iter()
            .map(|d| (d.line, d.help.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            got[0],
            (Some(2), "did you mean `unbounded-retention`?".into())
        );
        assert_eq!(got[1], (Some(6), "did you mean `email`?".into()));
        assert_eq!(got[2].0, Some(10));
        assert!(got[2].1.contains("content/models"), "{got:?}");
    }

    #[test]
    fn unknown_rule_or_severity_in_rules_table() {
        let toml = "[audit]\nfail_on = \"warnings\"\n[audit.rules]\nvague-purpos = \"off\"\noverdue-review = \"eror\"\n";
        let errs = audit_with(toml).unwrap_err();
        let got: Vec<_> = errs
            .iter()
            .map(|d| (d.line, d.help.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(2), "did you mean `warning`?".to_string()),
                (Some(4), "did you mean `vague-purpose`?".to_string()),
                (Some(5), "did you mean `error`?".to_string()),
            ]
        );
    }

    #[test]
    fn configured_levels_change_severity_or_silence_a_rule() {
        let a =
            audit_with("[audit.rules]\nunbounded-retention = \"error\"\nunused-record = \"off\"\n")
                .unwrap();
        assert!(a.findings.iter().all(|f| f.rule != "unused-record"));
        assert!(a
            .findings
            .iter()
            .filter(|f| f.rule == "unbounded-retention")
            .all(|f| f.severity == crate::audit::Severity::Error));
    }
}
