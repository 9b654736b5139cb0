//! Ids become file and directory names of the built site, so they must be safe everywhere:
//! lowercase ASCII, no path separators, no Windows reserved device names.

/// Why a value is invalid and how to fix it; placed at a cell by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub help: Option<String>,
}

/// What kind of id is checked: elements allow `[a-z0-9_]+`, others `[a-z0-9][a-z0-9_-]*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Element,
    Other,
}

const RESERVED: &[&str] = &["con", "prn", "aux", "nul"];

/// The longest id, in bytes (ids are ASCII). Ids become file and folder names, which most
/// systems cap at 255 bytes, and addresses; 100 leaves room for suffixes and stays readable.
pub const MAX_ID_LEN: usize = 100;

/// Checks an id; `what` names it in messages (e.g. "element id", "retention policy id").
pub fn check_id(id: &str, kind: IdKind, what: &str) -> Result<(), Invalid> {
    let shape_ok = match kind {
        IdKind::Element => {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        }
        IdKind::Other => {
            id.bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        }
    };
    let rule = match kind {
        IdKind::Element => "lowercase letters, digits and `_`",
        IdKind::Other => "lowercase letters, digits, `_` and `-`, starting with a letter or digit",
    };
    if !shape_ok {
        let fixed = sanitize(id, kind);
        let message = match id.chars().find(|c| c.is_control()) {
            Some(c) => format!(
                "{what} `{id}` contains an invisible control character (U+{:04X}): use only {rule}",
                u32::from(c)
            ),
            None if id.trim().is_empty() => format!("{what} is blank: use only {rule}"),
            None => format!("{what} `{id}` is not valid: use only {rule}"),
        };
        let example = match kind {
            IdKind::Element => "`email_address`",
            IdKind::Other => "`while-account-open`",
        };
        return Err(Invalid {
            message,
            help: Some(if !fixed.is_empty() && fixed != id {
                format!("try `{fixed}`")
            } else {
                format!("ids become part of web addresses and file names, so they are kept simple, e.g. {example}")
            }),
        });
    }
    if id.len() > MAX_ID_LEN {
        return Err(Invalid {
            message: format!(
                "{what} `{}...` is {} characters long; ids may have at most {MAX_ID_LEN}",
                &id[..40],
                id.len()
            ),
            help: Some(
                "ids become file names and web addresses: shorten it (the name column can be long)"
                    .to_string(),
            ),
        });
    }
    if is_reserved(id) {
        return Err(Invalid {
            message: format!("{what} `{id}` is a reserved device name on Windows"),
            help: Some(format!(
                "pick another id, e.g. `{id}{}data`",
                if kind == IdKind::Element { "_" } else { "-" }
            )),
        });
    }
    Ok(())
}

/// A Windows device name (`con`, `aux`, `com1`, ...): no file or directory may be called so.
pub fn is_reserved(id: &str) -> bool {
    RESERVED.contains(&id)
        || ["com", "lpt"].iter().any(|p| {
            id.strip_prefix(p)
                .is_some_and(|n| n.len() == 1 && matches!(n.as_bytes()[0], b'1'..=b'9'))
        })
}

/// A best guess at the id that was meant: lowercase, other characters as `_` (or `-`).
pub fn sanitize(id: &str, kind: IdKind) -> String {
    let sep = if kind == IdKind::Element { '_' } else { '-' };
    let mut out = String::new();
    for c in id.trim().chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if (c == '-' && kind == IdKind::Other) || !out.ends_with(sep) {
            out.push(sep);
        }
    }
    out.trim_matches(['_', '-']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_ids_are_refused_at_the_limit() {
        assert!(check_id(&"a".repeat(MAX_ID_LEN), IdKind::Element, "element id").is_ok());
        let err = check_id(&"a".repeat(MAX_ID_LEN + 1), IdKind::Other, "model id").unwrap_err();
        assert!(err.message.contains("at most 100"), "{}", err.message);
    }

    #[test]
    fn element_ids() {
        assert!(check_id("email_address", IdKind::Element, "element id").is_ok());
        let e = check_id("Email Address", IdKind::Element, "element id").unwrap_err();
        assert_eq!(
            e.message,
            "element id `Email Address` is not valid: use only lowercase letters, digits and `_`"
        );
        assert_eq!(e.help.as_deref(), Some("try `email_address`"));
        assert!(check_id("e-mail", IdKind::Element, "element id").is_err());
    }

    #[test]
    fn other_ids() {
        assert!(check_id("std-2y", IdKind::Other, "id").is_ok());
        assert!(check_id("2y_std", IdKind::Other, "id").is_ok());
        assert!(check_id("-x", IdKind::Other, "id").is_err());
        assert!(check_id("../etc", IdKind::Other, "id").is_err());
        let e = check_id("..", IdKind::Other, "system id").unwrap_err();
        assert!(e.help.unwrap().contains("web addresses"));
        let e = check_id("a\0b", IdKind::Element, "element id").unwrap_err();
        assert!(
            e.message.contains("control character (U+0000)"),
            "{}",
            e.message
        );
        assert_eq!(e.help.as_deref(), Some("try `a_b`"));
        let e = check_id("Std 2Y", IdKind::Other, "retention policy id").unwrap_err();
        assert_eq!(e.help.as_deref(), Some("try `std-2y`"));
    }

    #[test]
    fn windows_reserved_names() {
        for id in ["con", "prn", "aux", "nul", "com1", "lpt9"] {
            let e = check_id(id, IdKind::Other, "system id").unwrap_err();
            assert!(e.message.contains("reserved"), "{id}: {}", e.message);
        }
        assert!(check_id("com10", IdKind::Other, "id").is_ok());
        assert!(check_id("console", IdKind::Other, "id").is_ok());
        assert!(check_id("nul", IdKind::Element, "element id").is_err());
    }
}
