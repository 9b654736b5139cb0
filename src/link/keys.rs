//! Help for a taxonomy key that is not in the taxonomy: a suggestion only when it is likely
//! what was meant (a typo in one part, a shortened key, the right leaf under the wrong
//! branch), else the keys that do exist under the nearest known parent.

use crate::taxonomy::Tree;

/// The help line for the unknown `key` of `tree`.
pub fn unknown_key_help(tree: &Tree, key: &str) -> String {
    if let Some(s) = suggest(tree, key) {
        return format!("did you mean `{s}`?");
    }
    let noun = noun(tree.kind);
    let table = tree.kind;
    let parent = parent_known(tree, key);
    let children: Vec<&str> = tree
        .taxa
        .iter()
        .filter(|t| t.parent.as_deref() == parent)
        .map(|t| t.key.as_str())
        .collect();
    let shown = children
        .iter()
        .take(8)
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>();
    let more = if children.len() > shown.len() {
        ", ..."
    } else {
        ""
    };
    let listing = match parent {
        Some(p) => format!("keys under `{p}` are {}{more}", shown.join(", ")),
        None => format!("top-level {noun} keys are {}{more}", shown.join(", ")),
    };
    format!("{listing}; for a {noun} of your own, add `{key}` under [[taxonomy.{table}]] in candor.toml")
}

/// "data category" for `data_categories`, and so on.
fn noun(kind: &str) -> &'static str {
    match kind {
        "data_categories" => "data category",
        "data_uses" => "data use",
        _ => "data subject",
    }
}

/// The longest known key that `key` extends (`user` for `user.feelings`).
fn parent_known<'t>(tree: &'t Tree, key: &str) -> Option<&'t str> {
    let mut rest = key;
    while let Some((head, _)) = rest.rsplit_once('.') {
        if let Some(t) = tree.get(head) {
            return Some(t.key.as_str());
        }
        rest = head;
    }
    None
}

/// A key that `key` is likely a slip for.
pub fn suggest<'t>(tree: &'t Tree, key: &str) -> Option<&'t str> {
    let keys = || {
        tree.taxa
            .iter()
            .map(|t| t.key.as_str())
            .filter(move |k| *k != key)
    };
    // The right leaf under the wrong branch: `user.email` -> `user.contact.email`.
    let leaf = key.rsplit('.').next().unwrap_or(key);
    let mut same_leaf = keys().filter(|k| k.rsplit('.').next() == Some(leaf));
    if let (Some(only), None) = (same_leaf.next(), same_leaf.next()) {
        return Some(only);
    }
    // A shortened key: `user.contact.phone` -> `user.contact.phone_number`.
    let mut longer = keys().filter(|k| {
        k.strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('_') && !rest.contains('.'))
    });
    if let (Some(only), None) = (longer.next(), longer.next()) {
        return Some(only);
    }
    // A typo in one or more parts: `marketing.comunications` -> `marketing.communications`.
    let parts: Vec<&str> = key.split('.').collect();
    keys()
        .filter_map(|k| {
            let other: Vec<&str> = k.split('.').collect();
            if other.len() != parts.len() {
                return None;
            }
            let mut total = 0;
            for (a, b) in parts.iter().zip(&other) {
                let d = strsim::osa_distance(&a.to_ascii_lowercase(), b);
                if d > (b.chars().count() / 3).max(1) {
                    return None;
                }
                total += d;
            }
            Some((total, k))
        })
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Taxonomy;

    #[test]
    fn suggests_only_likely_keys() {
        let t = Taxonomy::fideslang();
        let c = &t.categories;
        assert_eq!(suggest(c, "user.contact.emial"), Some("user.contact.email"));
        assert_eq!(suggest(c, "user.email"), Some("user.contact.email"));
        assert_eq!(
            suggest(c, "user.contact.phone"),
            Some("user.contact.phone_number")
        );
        assert_eq!(suggest(c, "User.Contact.Email"), Some("user.contact.email"));
        assert_eq!(suggest(c, "user.feelings"), None, "not user.childrens");
        assert_eq!(
            suggest(&t.uses, "marketing.comunications"),
            Some("marketing.communications")
        );
        assert_eq!(suggest(&t.uses, "marketing.mind_reading"), None);
        assert_eq!(suggest(&t.subjects, "prospekt"), Some("prospect"));
    }

    #[test]
    fn without_a_suggestion_the_keys_under_the_known_parent_are_listed() {
        let t = Taxonomy::fideslang();
        let h = unknown_key_help(&t.uses, "marketing.mind_reading");
        assert!(
            h.starts_with("keys under `marketing` are `marketing."),
            "{h}"
        );
        assert!(
            h.ends_with("add `marketing.mind_reading` under [[taxonomy.data_uses]] in candor.toml"),
            "{h}"
        );
        let h = unknown_key_help(&t.categories, "feelings");
        assert!(h.starts_with("top-level data category keys are "), "{h}");
        assert!(h.contains("for a data category of your own"), "{h}");
    }
}
