//! Registers (retention, systems, recipients) and other id-keyed records: duplicate ids,
//! sorting by id, and resolving a reference with a helpful "unknown id" error.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{did_you_mean, Diagnostic, Origin};
use crate::hash::FastMap;
use crate::load::table::Cell;
use crate::load::{RawSite, Register};

use crate::model::catalog::{ModelCard, Page, Recipient, RetentionPolicy, System};

/// A record with an id and an origin.
pub trait Keyed {
    fn key(&self) -> &str;
    fn origin(&self) -> &Origin;
    /// What is wrong when a record repeats the id of the one at `place`.
    fn duplicate_message(what: &str, key: &str, place: &str) -> String {
        format!("{what} `{key}` is defined twice: here and at {place}")
    }
    /// How to resolve two records with the same id.
    fn duplicate_help(what: &str) -> String {
        format!("each {what} needs its own id; remove or rename one of them")
    }
}

macro_rules! keyed {
    ($t:ty, $f:ident $(, $help:expr $(, $message:expr)?)?) => {
        impl Keyed for $t {
            fn key(&self) -> &str {
                &self.$f
            }
            fn origin(&self) -> &Origin {
                &self.origin
            }
            $(fn duplicate_help(_: &str) -> String {
                $help.to_string()
            }
            $(fn duplicate_message(what: &str, key: &str, place: &str) -> String {
                ($message)(what, key, place)
            })?)?
        }
    };
}
keyed!(RetentionPolicy, id);
keyed!(System, id);
keyed!(Recipient, id);
keyed!(
    ModelCard,
    id,
    "each model card needs its own id: change `id:` in one of them (a card without `id:` takes the name of its file)",
    |_: &str, key: &str, place: &str| format!(
        "two model cards have the id `{key}`: this one and the one at {place}"
    )
);
keyed!(
    Page,
    slug,
    "two files give the same page address: rename one of them"
);

/// Drops records whose id repeats an earlier one (reported, naming both places) and sorts the
/// rest by id. `dropped` receives the repeated ids.
pub fn dedupe_sorted<T: Keyed>(
    items: Vec<T>,
    what: &str,
    raw: &RawSite,
    errors: &mut Vec<Diagnostic>,
) -> Vec<T> {
    let mut seen: FastMap<String, Origin> =
        FastMap::with_capacity_and_hasher(items.len(), Default::default());
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Some(first) = seen.get(item.key()) {
            let o = item.origin();
            let place = if first.file == o.file {
                format!("line {}", first.line)
            } else {
                first.to_string()
            };
            errors.push(
                Diagnostic::at_origin(o, T::duplicate_message(what, item.key(), &place))
                    .snippet(raw.line_text(&o.file, o.line))
                    .help(T::duplicate_help(what)),
            );
            continue;
        }
        seen.insert(item.key().to_string(), item.origin().clone());
        out.push(item);
    }
    out.sort_by(|a, b| a.key().cmp(b.key()));
    out
}

/// How references into one register are resolved and reported.
pub struct Lookup {
    /// e.g. "retention policy".
    pub what: &'static str,
    /// The inventory column that names it, e.g. "retention".
    pub column: &'static str,
    pub file: PathBuf,
    pub index: FastMap<String, usize>,
    pub ids: Vec<String>,
    /// Ids of rows that failed to load (sorted, so suggestions are deterministic).
    pub broken: BTreeSet<String>,
    pub present: bool,
    pub unreadable: bool,
    /// The header to suggest when the file is missing.
    pub header: &'static str,
}

impl Lookup {
    /// Builds the lookup over `items` (already deduplicated and sorted).
    pub fn new<T: Keyed>(
        items: &[T],
        reg: &Register<impl Sized>,
        what: &'static str,
        column: &'static str,
        header: &'static str,
    ) -> Lookup {
        let ids: Vec<String> = items.iter().map(|i| i.key().to_string()).collect();
        Lookup {
            what,
            column,
            file: reg.file.clone(),
            index: ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect(),
            ids,
            broken: reg.broken.iter().cloned().collect(),
            present: reg.present,
            unreadable: reg.unreadable,
            header,
        }
    }

    /// The index of the record `cell` names; an error when there is none, except for ids
    /// whose own row was already reported (no cascades).
    pub fn resolve(
        &self,
        cell: &Cell,
        file: &Arc<Path>,
        raw: &RawSite,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<usize> {
        if let Some(&i) = self.index.get(&cell.value) {
            return Some(i);
        }
        if self.unreadable || self.broken.contains(&cell.value) {
            return None;
        }
        let help = if !self.present {
            format!(
                "{} does not exist: create it with the header `{}`",
                self.file.display(),
                self.header
            )
        } else if let Some(d) = did_you_mean(
            &cell.value,
            self.ids.iter().chain(&self.broken).map(String::as_str),
        ) {
            d
        } else if self.ids.is_empty() {
            format!("{} has no entries", self.file.display())
        } else {
            let shown: Vec<&str> = self.ids.iter().take(8).map(String::as_str).collect();
            format!(
                "{} defines {}{}",
                self.file.display(),
                shown.join(", "),
                if self.ids.len() > shown.len() {
                    ", ..."
                } else {
                    ""
                }
            )
        };
        errors.push(
            Diagnostic::at(
                file.to_path_buf(),
                cell.line,
                format!(
                    "`{}` names `{}`, but {} has no {} with that id",
                    self.column,
                    cell.value,
                    self.file.display(),
                    self.what
                ),
            )
            .column(cell.column)
            .snippet(raw.line_text(file, cell.line))
            .help(help),
        );
        None
    }
}
