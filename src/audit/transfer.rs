//! International transfers: `unsafeguarded-transfer`, for each use shared with a recipient
//! outside the EU/EEA (or of unknown country) that names no safeguard.

use super::rules::UNSAFEGUARDED_TRANSFER;
use super::{Cx, Draft, Out};
use crate::country::classify;

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    if !out.on(UNSAFEGUARDED_TRANSFER) {
        return;
    }
    // Per recipient, once: `Some(where)` when a transfer to it lacks a safeguard.
    let unsafe_to: Vec<Option<String>> = cx
        .cat
        .recipients
        .iter()
        .map(|r| {
            let safeguarded = r
                .safeguards
                .as_deref()
                .is_some_and(|s| !s.trim().is_empty());
            match r
                .country
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                _ if safeguarded => None,
                Some(c) if classify(c).is_eea() => None,
                Some(c) => Some(format!("in {c}, outside the EU/EEA")),
                None => Some("with no country given".to_string()),
            }
        })
        .collect();
    for u in &cx.cat.uses {
        for &ri in &u.shared_with {
            let Some(place) = &unsafe_to[ri] else {
                continue;
            };
            let r = &cx.cat.recipients[ri];
            let el = &cx.cat.elements[u.element];
            out.emit(UNSAFEGUARDED_TRANSFER, &u.origin, || {
                Draft::new(
                    format!(
                        "`{}` is shared with {} (`{}`) {place}, with no transfer safeguard",
                        el.id, r.name, r.id
                    ),
                    format!(
                        "name the safeguard (e.g. EU Standard Contractual Clauses, an adequacy decision) in `safeguards` at {}, or give its EU/EEA country",
                        r.origin
                    ),
                )
                .element(&el.id)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::{rules_fired, run, Site};

    #[test]
    fn outside_the_eea_without_safeguards() {
        let mut s = Site::new();
        let us = s.recipient("tracker", "United States", "");
        let nowhere = s.recipient("broker", "", "");
        s.element("email", "user.contact.email");
        s.use_("email", "marketing.communications.email")
            .shared_with = vec![us, nowhere];
        let a = run(s);
        let msgs: Vec<_> = a
            .findings
            .iter()
            .map(|f| (f.rule, f.message.as_str()))
            .collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs.iter().all(|(r, _)| *r == "unsafeguarded-transfer"));
        assert!(msgs.iter().any(|(_, m)| m.contains("in United States")));
        assert!(msgs.iter().any(|(_, m)| m.contains("no country given")));
        assert!(a.findings[0].hint.contains("content/recipients.csv:"));
    }

    #[test]
    fn near_miss_inside_the_eea_or_with_safeguards() {
        let mut s = Site::new();
        let de = s.recipient("mailer", "DE", "");
        let us = s.recipient("cloud", "US", "EU Standard Contractual Clauses");
        s.element("email", "user.contact.email");
        s.use_("email", "marketing.communications.email")
            .shared_with = vec![de, us];
        assert!(rules_fired(s).is_empty());
    }
}
