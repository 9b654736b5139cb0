//! The change history that accumulates across builds: `changes.json` lists every published
//! change set (newest first) with its date. A build reads the previous one back (from
//! `--history FILE`, else the output folder of the previous build), appends the diff it
//! computed with `--previous`, keeps the newest `--keep-changes` sets and publishes the result,
//! so `changes/` and the Atom feed show every past change, not only the latest.
//!
//! The file read back is input like any other: size-limited, parsed strictly (unknown keys,
//! bad dates, ids or texts are errors with file:line:column), and a public build refuses a
//! history written by an internal one.

use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::config::Audience;
use crate::diag::{Diagnostic, Error};
use crate::diff::{Change, Diff, Section};

/// Where the history goes in the output.
pub const FILE: &str = "changes.json";
/// The format tag of the file.
pub const FORMAT: &str = "candor-changes/1";
/// The largest history file read back.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;
/// Change sets kept by default.
pub const DEFAULT_KEEP: usize = 100;
/// The longest sentence a change may have.
const MAX_TEXT: usize = 2000;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    pub format: String,
    pub audience: Audience,
    /// Newest first.
    pub entries: Vec<Entry>,
}

/// The changes published by one build, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// A `urn:uuid:`, stable across rebuilds (the feed entry's id).
    pub id: EntryId,
    pub date: Date,
    pub changes: Vec<Item>,
}

/// One change as history keeps it: its sentence and what it is about (for links).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub how: How,
    pub section: SectionKey,
    pub sensitive: bool,
    pub text: Text,
    #[serde(default)]
    pub element: Option<Id>,
    #[serde(default)]
    pub model: Option<Id>,
    #[serde(default)]
    pub policy: Option<Id>,
    #[serde(default)]
    pub recipient: Option<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    Added,
    Removed,
    Changed,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Added => "added",
            How::Removed => "removed",
            How::Changed => "changed",
        }
    }
}

/// [`Section`] as the file spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    Collection,
    Retention,
    Sharing,
    Models,
}

impl SectionKey {
    pub fn section(self) -> Section {
        match self {
            SectionKey::Collection => Section::Collection,
            SectionKey::Retention => Section::Retention,
            SectionKey::Sharing => Section::Sharing,
            SectionKey::Models => Section::Models,
        }
    }
    fn of(s: Section) -> Self {
        match s {
            Section::Collection => SectionKey::Collection,
            Section::Retention => SectionKey::Retention,
            Section::Sharing => SectionKey::Sharing,
            Section::Models => SectionKey::Models,
        }
    }
}

/// Defines a validated string newtype: `check` says why a value is refused.
macro_rules! checked {
    ($(#[$doc:meta])* $name:ident, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                let check: fn(&str) -> Result<(), String> = $check;
                check(&s).map_err(serde::de::Error::custom)?;
                Ok($name(s))
            }
        }
    };
}

checked!(
    /// `urn:uuid:` and 36 lowercase hex digits and dashes.
    EntryId,
    |s| {
        let ok = s.strip_prefix("urn:uuid:").is_some_and(|u| {
            u.len() == 36
                && u.char_indices().all(|(i, c)| match i {
                    8 | 13 | 18 | 23 => c == '-',
                    _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
                })
        });
        ok.then_some(())
            .ok_or_else(|| format!("`{}` is not an entry id (expected `urn:uuid:` and 32 hex digits)", short(s)))
    }
);
checked!(
    /// A change's sentence: at most 2000 characters, no control characters.
    Text,
    |s| {
        if s.chars().count() > MAX_TEXT {
            Err(format!("a change text is longer than {MAX_TEXT} characters"))
        } else if s.chars().any(char::is_control) {
            Err("a change text holds a control character".to_string())
        } else {
            Ok(())
        }
    }
);
checked!(
    /// A record id: 1 to 200 characters, no control characters.
    Id,
    |s| {
        (!s.is_empty() && s.chars().count() <= 200 && !s.chars().any(char::is_control))
            .then_some(())
            .ok_or_else(|| format!("`{}` is not a record id", short(s)))
    }
);

/// The start of a long value, for a message.
fn short(s: &str) -> String {
    let cut: String = s.chars().take(60).collect();
    crate::diag::visible(&cut).into_owned()
}

impl Item {
    fn of(c: &Change) -> Item {
        let id = |n: &Option<crate::diff::Named>| n.as_ref().map(|n| Id(n.id.clone()));
        Item {
            how: match c.kind.sign() {
                '+' => How::Added,
                '-' => How::Removed,
                _ => How::Changed,
            },
            section: SectionKey::of(c.section),
            sensitive: c.sensitive,
            text: Text(crate::site::feed::sentence(&c.text)),
            element: id(&c.element),
            model: id(&c.model),
            policy: id(&c.policy),
            recipient: id(&c.recipient),
        }
    }
}

impl Entry {
    /// The fragment id of the entry on the changes page: `set-` and the first 8 hex digits.
    pub fn anchor(&self) -> String {
        let hex = self.id.0.strip_prefix("urn:uuid:").unwrap_or(&self.id.0);
        format!("set-{}", hex.get(..8).unwrap_or(hex))
    }
}

impl History {
    pub fn new(audience: Audience) -> History {
        History {
            format: FORMAT.to_string(),
            audience,
            entries: Vec::new(),
        }
    }

    /// Adds the changes of `diff`, dated `date`, as the newest entry (none when nothing
    /// changed, or when the newest entry already holds exactly these changes: a rebuild of
    /// the same versions), then keeps the newest `keep` entries. The entry's id comes from
    /// the site's `identity`, the changes and the id of the entry before: not from the date.
    pub fn push(&mut self, diff: &Diff, date: Date, identity: &str, keep: usize) {
        let changes: Vec<Item> = diff.changes.iter().map(Item::of).collect();
        let same = self.entries.first().is_some_and(|e| e.changes == changes);
        if !changes.is_empty() && !same {
            // Stable whatever the build's date; the entry before it keeps a change made,
            // undone and made again apart.
            let json = serde_json::to_string(&changes).unwrap_or_default();
            let id = match self.entries.first() {
                Some(before) => format!("{identity}\n{}\n{json}", before.id.0),
                None => format!("{identity}\n{json}"),
            };
            let id = crate::uuid::name_uuid(&id);
            self.entries.insert(
                0,
                Entry {
                    id: EntryId(id),
                    date,
                    changes,
                },
            );
        }
        self.entries.truncate(keep);
    }

    /// The file's bytes: pretty, markup-safe JSON.
    pub fn to_json(&self) -> serde_json::Result<Vec<u8>> {
        let mut out = Vec::new();
        super::data_json::safe::to_writer(&mut out, self, true)?;
        out.push(b'\n');
        Ok(out)
    }
}

/// Reads a history file for a build of `audience`: `shown` names it in messages.
pub fn read(path: &Path, shown: &Path, audience: Audience) -> Result<History, Error> {
    let too_big = |len: u64| {
        Diagnostic::file(
            shown,
            format!("{} is {len} bytes; a change history may be at most {MAX_BYTES}", shown.display()),
        )
        .help("keep fewer change sets (--keep-changes), or start a new history by leaving the file out")
    };
    let meta = std::fs::metadata(path).map_err(|e| Error::io("cannot read", shown, e))?;
    if meta.len() > MAX_BYTES {
        return Err(too_big(meta.len()).into());
    }
    let bytes =
        crate::load::fs::read_regular(path).map_err(|e| Error::io("cannot read", shown, e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big(bytes.len() as u64).into());
    }
    parse(&bytes, shown, audience)
}

/// Parses and checks the bytes of a history file.
pub fn parse(bytes: &[u8], shown: &Path, audience: Audience) -> Result<History, Error> {
    let help = "this should be the changes.json a previous candor build published; fix it, or leave it out to start a new history";
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Diagnostic::file(shown, format!("{} is not UTF-8 text: {e}", shown.display())).help(help)
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let history: History = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        Diagnostic::at(
            shown,
            e.line().max(1),
            format!("not a change history: {message}"),
        )
        .column(e.column().max(1))
        .help(help)
    })?;
    let line_of = |needle: &str| {
        text.find(needle)
            .map_or(1, |i| text[..i].matches('\n').count() + 1)
    };
    if history.format != FORMAT {
        return Err(Diagnostic::at(
            shown,
            line_of("\"format\""),
            format!(
                "unknown history format `{}`, expected `{FORMAT}`",
                short(&history.format)
            ),
        )
        .help(help)
        .into());
    }
    if audience == Audience::Public && history.audience == Audience::Internal {
        return Err(Diagnostic::at(
            shown,
            line_of("\"audience\""),
            "this change history is from an internal build; a public build cannot publish it",
        )
        .help("pass the changes.json of the public site (--history FILE)")
        .into());
    }
    let mut seen = std::collections::HashSet::new();
    for e in &history.entries {
        if !seen.insert(&e.id.0) {
            let line = text
                .rfind(&e.id.0)
                .map_or(1, |i| text[..i].matches('\n').count() + 1);
            return Err(Diagnostic::at(
                shown,
                line,
                format!("the entry id {} appears twice", e.id.0),
            )
            .help(help)
            .into());
        }
    }
    Ok(history)
}

#[cfg(test)]
mod tests;
