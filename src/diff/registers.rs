//! Changes to the registers that reach every use naming them: a retention policy's duration,
//! trigger or disposal; a recipient's country, transfer safeguards, transfer mechanism or role.

use super::change::{Change, Kind, Section};
use super::side::{key, Side};
use crate::model::words;
use crate::model::{Recipient, RetentionPolicy};

/// Changes of policies and recipients visible on both sides, matched by id.
pub fn changes(old: &Side, new: &Side, out: &mut Vec<Change>) {
    for p in new.scope.policies() {
        let b = &new.cat.retention[p];
        let Some(&a) = old.cat.index.retention.get(&b.id) else {
            continue;
        };
        if old.scope.policy(a) {
            policy(new, &old.cat.retention[a], b, out);
        }
    }
    for r in new.scope.recipients() {
        let b = &new.cat.recipients[r];
        let Some(&a) = old.cat.index.recipients.get(&b.id) else {
            continue;
        };
        if old.scope.recipient(a) {
            recipient(new, &old.cat.recipients[a], b, out);
        }
    }
}

/// Names of the visible elements kept under a policy, for "affects ...".
fn affected(side: &Side, uses: &[usize]) -> String {
    let mut names: Vec<&str> = side
        .scope
        .filter_uses(uses)
        .map(|u| side.cat.elements[side.cat.uses[u].element].name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        String::new()
    } else {
        format!(" (affects {})", names.join(", "))
    }
}

/// Whether any visible use under a policy or shared with a recipient is sensitive data.
fn touches_sensitive(side: &Side, uses: &[usize]) -> bool {
    side.scope
        .filter_uses(uses)
        .any(|u| side.sensitive(&side.cat.elements[side.cat.uses[u].element]))
}

fn policy(new: &Side, a: &RetentionPolicy, b: &RetentionPolicy, out: &mut Vec<Change>) {
    let duration = |p: &RetentionPolicy| p.period.iso().to_string();
    let affects = affected(new, &b.uses);
    let sensitive = touches_sensitive(new, &b.uses);
    let mut push = |field, text: String, before: Option<String>, after: Option<String>| {
        out.push(
            Change::new(Kind::PolicyChanged, Section::Retention, text)
                .field(field)
                .policy(&b.id, &b.name)
                .sensitive(sensitive)
                .values(before, after)
                .at(&b.origin),
        );
    };
    if a.period != b.period {
        let text = format!(
            "keeps data under the policy \u{201c}{}\u{201d} for {} instead of {}{affects}",
            b.name,
            words::period_label(crate::i18n::strings(None), &b.period),
            words::period_label(crate::i18n::strings(None), &a.period)
        );
        push("duration", text, Some(duration(a)), Some(duration(b)));
    }
    if a.trigger != b.trigger {
        let text = format!(
            "starts the clock of the policy \u{201c}{}\u{201d} at {} instead of {}{affects}",
            b.name,
            b.trigger.as_deref().unwrap_or("no stated moment"),
            a.trigger.as_deref().unwrap_or("no stated moment")
        );
        push("trigger", text, a.trigger.clone(), b.trigger.clone());
    }
    if a.disposal != b.disposal {
        let d = |p: &RetentionPolicy| p.disposal.as_ref().map(key);
        let text = format!(
            "disposes of data under the policy \u{201c}{}\u{201d} by {} instead of {}{affects}",
            b.name,
            d(b).unwrap_or_else(|| "no stated means".into()),
            d(a).unwrap_or_else(|| "no stated means".into())
        );
        push("disposal", text, d(a), d(b));
    }
}

fn recipient(new: &Side, a: &Recipient, b: &Recipient, out: &mut Vec<Change>) {
    let sensitive = touches_sensitive(new, &b.uses);
    let mut push = |field, text: String, before: Option<String>, after: Option<String>| {
        out.push(
            Change::new(Kind::RecipientChanged, Section::Sharing, text)
                .field(field)
                .recipient(&b.id, &b.name)
                .sensitive(sensitive)
                .values(before, after)
                .at(&b.origin),
        );
    };
    let or = |v: &Option<String>, none: &str| v.clone().unwrap_or_else(|| none.to_string());
    if a.country != b.country {
        let text = format!(
            "sends data shared with {} to {} instead of {}",
            b.name,
            or(&b.country, "an unstated country"),
            or(&a.country, "an unstated country")
        );
        push("country", text, a.country.clone(), b.country.clone());
    }
    if a.safeguards != b.safeguards {
        let text = format!(
            "protects transfers to {} by {} instead of {}",
            b.name,
            or(&b.safeguards, "no stated safeguards"),
            or(&a.safeguards, "no stated safeguards")
        );
        push(
            "safeguards",
            text,
            a.safeguards.clone(),
            b.safeguards.clone(),
        );
    }
    if a.transfer_mechanism != b.transfer_mechanism {
        let m = |x: &Recipient| x.transfer_mechanism.map(|m| m.key().to_string());
        let words = |x: &Recipient| {
            x.transfer_mechanism
                .map_or("no stated transfer mechanism", |m| m.label())
        };
        let text = format!(
            "bases transfers to {} on {} instead of {}",
            b.name,
            words(b),
            words(a)
        );
        push("transfer_mechanism", text, m(a), m(b));
    }
    if a.role != b.role {
        let r = |x: &Recipient| x.role.as_ref().map(key);
        let text = format!(
            "makes {} a {} instead of a {}",
            b.name,
            r(b).unwrap_or_else(|| "recipient of unstated role".into()),
            r(a).unwrap_or_else(|| "recipient of unstated role".into())
        );
        push("role", text, r(a), r(b));
    }
}
