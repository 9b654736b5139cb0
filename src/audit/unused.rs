//! Housekeeping: `unused-record`, a system, recipient or retention policy nothing refers to.

use super::rules::UNUSED_RECORD;
use super::{Cx, Draft, Out};

pub(crate) fn check(cx: &Cx<'_>, out: &mut Out<'_>) {
    let c = cx.cat;
    let unused = c
        .systems
        .iter()
        .filter(|s| s.elements.is_empty())
        .map(|s| ("system", "the `systems` column", &s.id, &s.origin))
        .chain(
            c.recipients
                .iter()
                .filter(|r| r.uses.is_empty())
                .map(|r| ("recipient", "the `shared_with` column", &r.id, &r.origin)),
        )
        .chain(c.retention.iter().filter(|p| p.uses.is_empty()).map(|p| {
            (
                "retention policy",
                "the `retention` column",
                &p.id,
                &p.origin,
            )
        }));
    for (kind, column, id, origin) in unused {
        out.emit(UNUSED_RECORD, origin, || {
            Draft::new(
                format!("{kind} `{id}` is not referred to by any inventory row"),
                format!("name `{id}` in {column} of the rows it applies to, or delete it"),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::testing::{run, Site};

    #[test]
    fn unreferenced_system_recipient_and_policy() {
        let mut s = Site::new();
        s.system("crm");
        s.recipient("mailer", "DE", "");
        let a = run(s);
        let msgs: Vec<_> = a.findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "recipient `mailer` is not referred to by any inventory row",
                "retention policy `one_year` is not referred to by any inventory row",
                "system `crm` is not referred to by any inventory row",
            ]
        );
    }

    #[test]
    fn near_miss_everything_referred_to() {
        let mut s = Site::new();
        let crm = s.system("crm");
        let mailer = s.recipient("mailer", "DE", "");
        s.element("email", "user.contact.email").systems = vec![crm];
        s.use_("email", "essential.service").shared_with = vec![mailer];
        assert!(run(s).findings.is_empty());
    }
}
