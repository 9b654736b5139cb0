//! One change between two versions of a site, as a reviewer reads it: what kind, about what,
//! the old and new value, and one plain-language sentence.

use serde::Serialize;

use crate::diag::Origin;

/// What kind of record changed, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ElementAdded,
    ElementRemoved,
    ElementChanged,
    UseAdded,
    UseRemoved,
    UseChanged,
    PolicyChanged,
    RecipientChanged,
    ModelAdded,
    ModelRemoved,
    ModelChanged,
}

impl Kind {
    /// `+`, `-` or `~`, for the text report.
    pub fn sign(self) -> char {
        match self {
            Kind::ElementAdded | Kind::UseAdded | Kind::ModelAdded => '+',
            Kind::ElementRemoved | Kind::UseRemoved | Kind::ModelRemoved => '-',
            _ => '~',
        }
    }
}

/// The part of a report a change belongs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Which data, for which purposes, on what legal basis.
    Collection,
    /// How long data is kept.
    Retention,
    /// Who data is shared with.
    Sharing,
    /// Model cards.
    Models,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Collection,
        Section::Retention,
        Section::Sharing,
        Section::Models,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Collection => "Collection and purposes",
            Section::Retention => "Retention",
            Section::Sharing => "Sharing",
            Section::Models => "Models",
        }
    }
}

/// Which version of the site a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Version {
    Old,
    New,
}

/// A record a change is about: its id and display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

impl Named {
    pub fn new(id: &str, name: &str) -> Self {
        Named {
            id: id.to_string(),
            name: name.to_string(),
        }
    }
}

/// One change. Every key is always present in JSON (`null` when it does not apply).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: Kind,
    pub section: Section,
    /// The field that changed, for `*_changed` kinds (e.g. `legal_basis`, `shared_with`).
    pub field: Option<&'static str>,
    /// True when it concerns a sensitive data category (GDPR special categories,
    /// demographics, children's data).
    pub sensitive: bool,
    /// One plain-language sentence, e.g. "starts collecting Date of birth for
    /// marketing.advertising (consent)".
    pub text: String,
    pub element: Option<Named>,
    /// The data use key, for changes about a use.
    pub purpose: Option<String>,
    pub model: Option<Named>,
    pub policy: Option<Named>,
    pub recipient: Option<Named>,
    /// The value before and after, as written in the sources.
    pub old: Option<String>,
    pub new: Option<String>,
    /// Where to look: the file (relative to its site folder) and line, and which version
    /// of the site it is in (the old one for a removal, else the new one).
    pub file: Option<String>,
    pub line: Option<usize>,
    pub version: Option<Version>,
}

impl Change {
    /// A change with only its kind, section and sentence set.
    pub fn new(kind: Kind, section: Section, text: String) -> Self {
        Change {
            kind,
            section,
            field: None,
            sensitive: false,
            text,
            element: None,
            purpose: None,
            model: None,
            policy: None,
            recipient: None,
            old: None,
            new: None,
            file: None,
            line: None,
            version: None,
        }
    }

    /// Replaces the sentence.
    pub fn text(mut self, text: String) -> Self {
        self.text = text;
        self
    }

    pub fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    pub fn sensitive(mut self, sensitive: bool) -> Self {
        self.sensitive = sensitive;
        self
    }

    pub fn element(mut self, id: &str, name: &str) -> Self {
        self.element = Some(Named::new(id, name));
        self
    }

    pub fn purpose(mut self, key: &str) -> Self {
        self.purpose = Some(key.to_string());
        self
    }

    pub fn model(mut self, id: &str, name: &str) -> Self {
        self.model = Some(Named::new(id, name));
        self
    }

    pub fn policy(mut self, id: &str, name: &str) -> Self {
        self.policy = Some(Named::new(id, name));
        self
    }

    pub fn recipient(mut self, id: &str, name: &str) -> Self {
        self.recipient = Some(Named::new(id, name));
        self
    }

    pub fn values(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.old = old;
        self.new = new;
        self
    }

    /// Located in the new version of the site.
    pub fn at(self, origin: &Origin) -> Self {
        self.located(origin, Version::New)
    }

    /// Located in the old version of the site (for a removal).
    pub fn at_old(self, origin: &Origin) -> Self {
        self.located(origin, Version::Old)
    }

    fn located(mut self, origin: &Origin, version: Version) -> Self {
        self.file = Some(crate::repo_root::slash_path(&origin.file));
        self.line = Some(origin.line);
        self.version = Some(version);
        self
    }

    /// `file:line`, prefixed with `old ` when it points into the old version.
    pub fn location(&self) -> Option<String> {
        let old = if self.version == Some(Version::Old) {
            "old "
        } else {
            ""
        };
        match (&self.file, self.line) {
            (Some(f), Some(l)) => Some(format!("{old}{f}:{l}")),
            (Some(f), None) => Some(format!("{old}{f}")),
            _ => None,
        }
    }

    /// The order of a report: sensitive first, then by section, subject, kind and field.
    pub(crate) fn sort_key(&self) -> impl Ord + '_ {
        fn id(n: &Option<Named>) -> &str {
            n.as_ref().map_or("", |n| n.id.as_str())
        }
        (
            !self.sensitive,
            self.section,
            id(&self.element),
            id(&self.model),
            id(&self.policy),
            id(&self.recipient),
            self.kind,
            self.purpose.as_deref().unwrap_or(""),
            self.field.unwrap_or(""),
            self.old.as_deref().unwrap_or(""),
            self.new.as_deref().unwrap_or(""),
        )
    }
}
